"""The ``manifest`` command: a thin Click layer over :mod:`manifest.api`.

Exit codes (DESIGN.md): 0 nothing at error level (nor warnings under ``--strict``), 1 at least one error including
content that cannot be parsed, 2 a usage error or a path that cannot be read at all (or, in a batch, a file whose
worker process died before it was checked), 3 an internal error: a defect of this package, said in one line that
names the file being worked on, its traceback shown only with ``--debug`` (which, like ``--lang``, may stand
anywhere on the line) or ``MANIFEST_DEBUG=1``. Findings go to stdout, problems with the command itself to stderr.
Library modules are imported inside the commands so that ``--version`` and ``--help`` stay fast.

Language: the help, the messages and the reports are in Spanish or English. ``--lang es|en`` decides wherever it
stands on the line (``manifest --lang es validate --help`` and ``manifest validate --help --lang es`` alike: it is
read before Click parses anything, so that help and usage errors come in that language too); without it, Spanish
when the locale that governs messages (``LC_ALL``, else ``LC_MESSAGES``, else ``LANG``) starts with ``es``. Help
texts and metavars are kept in English on the Click objects and read through the catalogue (:mod:`manifest.i18n`)
each time they are shown.
"""

from __future__ import annotations

import copy
import inspect as docstrings
import io
import os
import signal
import sys
import traceback
from collections.abc import Callable, Generator, Iterator, Mapping, Sequence
from contextlib import closing, contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, TypeVar

import click

from manifest import __version__
from manifest.i18n import language_from_environment, speaking, words

if TYPE_CHECKING:
    from manifest.api import FileReport
    from manifest.checkfile import BatchSettings, Outcome, Skipped, Unreadable
    from manifest.diagnostics import Lang
    from manifest.requirements import Config

PROFILES = ("auto", "cbp", "sat", "harmonized", "none")
MODES = ("rail", "maritime", "air", "road")
LANGS = ("en", "es")
LANG_HELP = "Language of help, messages and reports (default: es when the locale is Spanish, else en)."
DEBUG_HELP = "Show the traceback of an internal error (exit 3); MANIFEST_DEBUG=1 does the same."
# Set to 1 (or any value but 0 or nothing), the traceback of an internal error is shown as with --debug.
DEBUG_VARIABLE = "MANIFEST_DEBUG"
TABLE_OUTPUT_HELP = "Aligned text for people or JSON for programs."
REPORT_OUTPUT_HELP = "Report format."

_LANGUAGE: ContextVar[Lang | None] = ContextVar("manifest_language", default=None)
_Decorated = TypeVar("_Decorated", bound=Callable[..., Any])


def _language(lang: str | None = None) -> Lang:
    """``lang`` when given, else the language chosen for this run, else the locale's."""
    if lang == "es":
        return "es"
    if lang == "en":
        return "en"
    chosen = _LANGUAGE.get()
    return chosen if chosen is not None else language_from_environment()


def _said(text: str, context: str | None = None) -> str:
    """``text`` in the language of this run: its translation in the catalogue, or itself in English."""
    catalogue = words(_language())
    return catalogue.gettext(text) if context is None else catalogue.pgettext(context, text)


def _requested_debug(args: Sequence[str], environ: dict[str, str] | None = None) -> bool:
    """Whether ``--debug`` stands anywhere on the command line (not after ``--``), or MANIFEST_DEBUG asks for it."""
    environ = dict(os.environ) if environ is None else environ
    if environ.get(DEBUG_VARIABLE, "") not in ("", "0"):
        return True
    for token in args:
        if token == "--":
            break
        if token == "--debug":
            return True
    return False


def _requested_language(args: Sequence[str]) -> str | None:
    """The value of the last ``--lang`` on the command line, wherever it stands (not after ``--``)."""
    found = None
    tokens = iter(args)
    for token in tokens:
        if token == "--":
            break
        if token == "--lang":
            found = next(tokens, None)
        elif token.startswith("--lang="):
            found = token.partition("=")[2]
    return found


class _Said:
    """An attribute of a Click object kept in English and read in the language of the run (help, metavar)."""

    def __init__(self, context: str | None = None, english: str | None = None) -> None:
        self.context = context
        self.english = english
        self.slot = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = f"_english_{name}"

    def __get__(self, instance: object, owner: type | None = None) -> Any:
        english = getattr(instance, self.slot, self.english)
        return None if english is None else _said(docstrings.cleandoc(english), self.context)

    def __set__(self, instance: object, value: str | None) -> None:
        setattr(instance, self.slot, value)


class _Option(click.Option):
    help = _Said()

    def make_metavar(self, ctx: click.Context) -> str:
        return _said(super().make_metavar(ctx), "metavar")


class _Argument(click.Argument):
    def make_metavar(self, ctx: click.Context) -> str:
        return _said(super().make_metavar(ctx), "metavar")


class _Path(click.Path):
    # Click names the kind of path ("file") when the type is made, at import, before the language is known.
    name = _Said()


class _IntRange(click.IntRange):
    name = _Said(english="integer range")


def _help_option_said(option: click.Option | None) -> click.Option | None:
    # Click makes a command's --help option once and keeps it, its help worded in the language of that first use.
    if option is not None:
        option.help = _said("Show this message and exit.")
    return option


class _Command(click.Command):
    help = _Said()
    short_help = _Said()
    epilog = _Said()
    options_metavar = _Said("metavar")

    def get_short_help_str(self, limit: int = 45) -> str:
        """The first paragraph of the help, whole: the group's list of commands wraps it where Click would cut it
        at ``limit`` characters with an ellipsis."""
        if self.short_help:
            return str(self.short_help)
        return " ".join((self.help or "").split("\n\n")[0].split())

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _help_option_said(super().get_help_option(ctx))


class _Group(click.Group):
    """The ``manifest`` group: chooses the language before Click parses the line, and speaks it meanwhile."""

    command_class = _Command
    help = _Said()
    short_help = _Said()
    epilog = _Said()
    options_metavar = _Said("metavar")
    subcommand_metavar = _Said("metavar")

    def get_help_option(self, ctx: click.Context) -> click.Option | None:
        return _help_option_said(super().get_help_option(ctx))

    def main(self, *args: Any, **kwargs: Any) -> Any:
        given = kwargs["args"] if "args" in kwargs else (args[0] if args else None)
        arguments = sys.argv[1:] if given is None else given
        lang = _language(_requested_language(arguments))
        token = _LANGUAGE.set(lang)
        try:
            with speaking(lang):
                try:
                    return super().main(*args, **kwargs)
                except (click.ClickException, click.exceptions.Exit, click.Abort):
                    raise  # Click's own, when it does not exit itself (standalone_mode=False)
                except Exception as error:
                    _internal_error(error, debug=_requested_debug(arguments))
        finally:
            _LANGUAGE.reset(token)


def _internal_error(error: Exception, *, debug: bool) -> None:
    """A defect of this package: one line on stderr naming the file being worked on, the traceback only when asked
    for, and exit 3, so that CI tells a crash from a file with errors (exit 1)."""
    from manifest.checkfile import InternalError, error_line

    if debug:
        click.echo("".join(traceback.format_exception(error)), err=True, nl=False)
    if isinstance(error, InternalError):
        line = _said("internal error on {path}: {error}").format(path=error.path, error=error.reason)
    else:
        line = _said("internal error: {error}").format(error=error_line(error))
    if not debug:
        line += " " + _said("(--debug shows the traceback)")
    _fail(line, 3)


@contextmanager
def _working_on(path: Path | str) -> Iterator[None]:
    """An internal error escaping the block names ``path`` in the line that reports it."""
    from manifest.checkfile import InternalError, error_line
    from manifest.diagnostics import ParseError

    try:
        yield
    except (ParseError, InternalError, click.ClickException, click.exceptions.Exit, click.Abort):
        raise  # a file that cannot be parsed is the file's fault, reported as a finding
    except Exception as error:
        raise InternalError(str(path), error_line(error)) from error


def _option(*declarations: str, **attributes: Any) -> Callable[[_Decorated], _Decorated]:
    """``click.option`` with its help and metavar in the language of the run."""
    return click.option(*declarations, cls=_Option, **attributes)


def _argument(*declarations: str, **attributes: Any) -> Callable[[_Decorated], _Decorated]:
    """``click.argument`` with its metavar in the language of the run."""
    return click.argument(*declarations, cls=_Argument, **attributes)


def _lang_option(function: _Decorated) -> _Decorated:
    # Chosen before parsing (_Group.main); declared on every command so that it is accepted anywhere.
    return _option("--lang", type=click.Choice(LANGS), expose_value=False, help=LANG_HELP)(function)


def _debug_option(function: _Decorated) -> _Decorated:
    # Read before parsing (_Group.main), as --lang is, so that an error anywhere in the run is covered.
    return _option("--debug", is_flag=True, expose_value=False, help=DEBUG_HELP)(function)


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    click.echo(_said("%(prog)s, version %(version)s") % {"prog": "manifest", "version": __version__})
    ctx.exit()


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"manifest: {message}", err=True)
    sys.exit(code)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@_option(
    "--version",
    is_flag=True,
    expose_value=False,
    is_eager=True,
    callback=_show_version,
    help="Show the version and exit.",
)
@_lang_option
@_debug_option
def main() -> None:
    """Read, validate and convert US (CBP) and Mexican (SAT) cargo manifests.

    Messages, reports and help are in Spanish with --lang es, in English with --lang en; the option may stand
    anywhere on the line (manifest --lang es validate --help). Without it, they are in Spanish when the first of
    LC_ALL, LC_MESSAGES and LANG that is set starts with es (es_MX.UTF-8), and in English otherwise.
    """


def _format_names() -> list[str]:
    from manifest.formats import FORMATS

    return list(FORMATS)


def _load_config(start: Path) -> Config:
    from manifest.requirements import ConfigError, load_config

    try:
        return load_config(start)
    except ConfigError as error:
        _fail(error.said(_language()))
        raise  # unreachable: _fail exits


def _inputs(paths: Sequence[Path]) -> Iterator[Path | Unreadable | Skipped | None]:
    """What ``validate`` checks, in the order of the command line: the files of each path (a folder walked, the
    files in it in no known format as Skipped), a path that cannot be looked at as Unreadable, and None where
    standard input stands (``-``, read once)."""
    from manifest.checkfile import iter_files

    stdin_taken = False
    for path in paths:
        if str(path) != "-":
            yield from iter_files([path], skipped=True)
        elif not stdin_taken:
            stdin_taken = True
            yield None


def _colour(stream: Any) -> bool:
    """Whether to colour what goes to ``stream``: never with NO_COLOR set (no-color.org), always with FORCE_COLOR
    set to anything but 0, otherwise when it is a terminal."""
    if os.environ.get("NO_COLOR", ""):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


# Terminal colours of the parts of a report (see manifest.reporters.Highlight): the severity, the code and where.
_STYLES: dict[str, dict[str, Any]] = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow", "bold": True},
    "info": {"fg": "cyan"},
    "code": {"bold": True},
    "location": {"fg": "blue"},
    "passed": {"fg": "green"},
    "failed": {"fg": "red", "bold": True},
    "skipped": {"dim": True},
}


def _painter(enabled: bool) -> Callable[[str, str], str]:
    def paint(kind: str, text: str) -> str:
        return click.style(text, **_STYLES[kind]) if enabled and kind in _STYLES else text

    return paint


@main.command()
@_argument("paths", nargs=-1, required=True, type=_Path(path_type=Path, allow_dash=True))
@_option("--format", "format_", type=click.Choice(_format_names()), help="Skip detection: read every file as this.")
@_option(
    "--profile",
    type=click.Choice(PROFILES),
    help="Whose requirements to check (default: auto, or config); none: syntax, schema and identifiers only.",
)
@_option(
    "--output",
    type=click.Choice(["text", "json", "sarif", "junit", "github", "html"]),
    help="Report format (default: github under GitHub Actions, else text).",
)
@_option("--lang", type=click.Choice(LANGS), default=None, help=LANG_HELP)
@_debug_option
@_option("--strict", is_flag=True, help="Fail on warnings too.")
@_option("--skip-unknown", is_flag=True, help="Pass over named files in no known format (for hooks).")
@_option("--jobs", "-j", type=_IntRange(min=1), default=1, show_default=True, help="Check files in N processes.")
@_option(
    "--scheduler",
    metavar="ADDRESS",
    help="Check files on the workers of the Dask scheduler at ADDRESS (tcp://host:port), which must see them at "
    "the same paths.",
)
@_option("--quiet", "-q", is_flag=True, help="No progress bar on standard error.")
def validate(
    paths: tuple[Path, ...],
    format_: str | None,
    profile: str | None,
    output: str | None,
    lang: str | None,
    strict: bool,
    skip_unknown: bool,
    jobs: int,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Check manifests (files, folders or - for stdin) against the syntax, schema and agency requirements."""
    from manifest.api import validate
    from manifest.batch import validate_files
    from manifest.checkfile import BatchSettings, NotChecked, Skipped, Unreadable

    if scheduler is not None and jobs != 1:
        _fail(_said("--jobs and --scheduler cannot be combined: the cluster's workers check the files"))
    config = _load_config(Path.cwd())
    settings = BatchSettings(format=format_, profile=profile, config_start=Path.cwd(), skip_unknown=skip_unknown)
    inputs = list(_inputs(paths))
    files = [item for item in inputs if isinstance(item, Path)]
    progress = _Progress(files, shown=not quiet and sys.stderr.isatty())
    outcomes: Generator[Outcome, None, None]
    if progress.reads_one_file and jobs == 1 and scheduler is None:
        outcomes = _read_with_progress(files[0], settings, progress)
    else:
        outcomes = validate_files(files, settings, jobs=jobs, scheduler=scheduler)
    reports: list[FileReport] = []
    skipped: list[Skipped] = []
    sources: dict[str, bytes] = {}
    not_read = False
    # Closed once its last outcome is taken: its pool of processes or its cluster client is let go then.
    with closing(outcomes), progress, _cluster_errors():
        for item in inputs:
            if item is None:
                chosen_profile = profile or config.profile or "auto"
                try:
                    data = sys.stdin.buffer.read()
                except OSError as error:
                    _say_cannot_read("-", _os_reason(error))
                    not_read = True
                    continue
                with _working_on("-"):
                    reports.append(validate(data, path="-", format=format_, profile=chosen_profile, config=config))
                if output == "html":
                    sources["-"] = data  # standard input cannot be read again for the page
                continue
            if isinstance(item, Skipped):
                skipped.append(item)
                continue
            outcome = item if isinstance(item, Unreadable) else next(outcomes)
            if isinstance(item, Path):
                progress.advance(item)
            if isinstance(outcome, Unreadable):
                _say_cannot_read(outcome.path, _said(outcome.reason, "os error"))
                not_read = True
            elif isinstance(outcome, NotChecked):
                wording = _said("{path} was not checked: the process checking it stopped (killed, or out of memory)")
                click.echo("manifest: " + wording.format(path=outcome.path), err=True)
                not_read = True
            elif outcome is None and isinstance(item, Path):
                skipped.append(Skipped(str(item)))
            elif outcome is not None:
                reports.append(outcome)
    chosen_output = output or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    click.echo(
        _report(chosen_output, reports, skipped, sources, _language(lang), strict), nl=False, color=_colour(sys.stdout)
    )
    if not_read:
        sys.exit(2)
    sys.exit(0 if all(r.passes(strict=strict) for r in reports) else 1)


def _report(
    output: str, reports: list[FileReport], skipped: list[Skipped], sources: dict[str, bytes], lang: Lang, strict: bool
) -> str:
    """The report in ``output``; the text one coloured where standard output takes colour, the HTML one with the
    text of each file (read again from its path; standard input's as it was read)."""
    from manifest import reporters

    if output == "text":
        return reporters.text(reports, lang, strict=strict, skipped=skipped, paint=_painter(_colour(sys.stdout)))
    if output == "html":
        from manifest.report_html import html_report

        return html_report(reports, lang, strict=strict, skipped=skipped, sources=_Sources(sources))
    return reporters.REPORTERS[output](reports, lang, strict=strict, skipped=skipped)


class _Sources(Mapping[str, bytes]):
    """The bytes of each file reported, read from its path when the HTML report asks for it (one at a time, so
    that a batch is not held in memory); a file that cannot be read again is left out."""

    def __init__(self, known: dict[str, bytes]) -> None:
        self.known = known

    def __getitem__(self, path: str) -> bytes:
        if path in self.known:
            return self.known[path]
        try:
            return Path(path).read_bytes()
        except OSError as error:
            raise KeyError(path) from error

    def __iter__(self) -> Iterator[str]:
        return iter(self.known)

    def __len__(self) -> int:
        return len(self.known)


def _read_with_progress(path: Path, settings: BatchSettings, progress: _Progress) -> Generator[Outcome, None, None]:
    """One large file read through a counting reader, so that the bar follows the bytes as they are read."""
    from manifest.checkfile import validate_file
    from manifest.requirements import load_config

    yield validate_file(path, settings, load_config(settings.config_start), stream_above=0, opener=progress.open)


@contextmanager
def _cluster_errors() -> Iterator[None]:
    """A cluster that cannot be used (--scheduler) is a problem with the command: one line, exit 2."""
    try:
        yield
    except Exception as error:
        from manifest.cluster import ClusterError

        if not isinstance(error, ClusterError):
            raise
        _fail(error.said(_language()))


# A single file larger than this has a progress bar of its own, following the bytes read.
PROGRESS_BYTES = 4 * 1024 * 1024


class _CountingFile(io.FileIO):
    """A file that tells how many bytes each read brought."""

    def __init__(self, path: Path, advance: Callable[[int], None]) -> None:
        super().__init__(path, "rb")
        self.advance = advance

    def readinto(self, buffer: Any) -> int | None:
        count = super().readinto(buffer)
        if count:
            self.advance(count)
        return count

    def readall(self) -> bytes:
        # What a buffered read of the whole file calls, bypassing readinto.
        data = super().readall()
        self.advance(len(data))
        return data


class _Progress:
    """A progress bar on standard error, when ``shown`` (a terminal, and not --quiet): by bytes, with the count of
    files beside it, for a batch; by bytes as they are read for a single file over PROGRESS_BYTES; nothing else."""

    def __init__(self, files: Sequence[Path], *, shown: bool) -> None:
        self.sizes = {file: _size(file) for file in files} if shown else {}
        self.total_files = len(files)
        self.done_files = 0
        total = sum(self.sizes.values())
        self.reads_one_file = shown and len(files) == 1 and total > PROGRESS_BYTES
        self.bar: Any = None
        if shown and (len(files) > 1 or self.reads_one_file):
            self.bar = click.progressbar(
                length=max(total, 1),
                file=sys.stderr,
                label=_said("checking"),
                item_show_func=lambda _item: self._files_done(),
            )

    def _files_done(self) -> str:
        return _said("{done}/{total} files").format(done=self.done_files, total=self.total_files)

    def __enter__(self) -> _Progress:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def open(self, path: Path) -> BinaryIO:
        """``path`` opened for reading, the bar moving with every block read."""
        return io.BufferedReader(_CountingFile(path, self._read))

    def _read(self, count: int) -> None:
        self.bar.update(count)

    def advance(self, path: Path) -> None:
        """One more file done."""
        self.done_files += 1
        if self.bar is not None and not self.reads_one_file:
            self.bar.update(self.sizes.get(path, 0))
        elif self.bar is not None:
            self.bar.render_progress()


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _os_reason(error: OSError) -> str:
    """The system's reason, in the language of the run when the catalogue knows it (strerror is English)."""
    return _said(error.strerror or str(error), "os error")


def _say_cannot_read(path: Path | str, reason: str) -> None:
    click.echo("manifest: " + _said("cannot read {path}: {reason}").format(path=path, reason=reason), err=True)


def _read_source(source: Path, *, dash_is_stdin: bool = False) -> bytes:
    """The bytes of ``source`` (standard input for ``-`` where the command takes it); a source that cannot be read
    ends the run (exit 2)."""
    try:
        return sys.stdin.buffer.read() if dash_is_stdin and str(source) == "-" else source.read_bytes()
    except OSError as error:
        _say_cannot_read(source, _os_reason(error))
        sys.exit(2)


def _name_of(source: Path) -> str | None:
    """The file name that format detection may fall back on; standard input has none."""
    return None if str(source) == "-" else source.name


def _write_output(out: Path, data: bytes) -> None:
    """Write ``out`` without damaging what is there (:mod:`manifest.output`); a failure is one line and exit 2. An
    interrupted or terminated run leaves no temporary file behind."""
    from manifest.output import OutputError, write_output

    try:
        write_output(out, data, removing_on=(signal.SIGINT, signal.SIGTERM))
    except OutputError as error:
        _fail(error.said(_language()))


@main.command()
@_argument("source", type=_Path(path_type=Path, allow_dash=True))
@_option("--to", "target", required=True, type=click.Choice(_format_names()), help="The format to write.")
@_option("-o", "out", type=_Path(path_type=Path, dir_okay=False), help="Default: stdout.")
@_option("--format", "format_", type=click.Choice(_format_names()), help="Skip detection of the source format.")
@_option("--allow-loss", is_flag=True, help="Write even if the target cannot carry some of the data.")
@_option("--allow-errors", is_flag=True, help="Convert even a source with errors; the report lists them.")
@_option("--output", type=click.Choice(["text", "json"]), default="text", show_default=True, help=REPORT_OUTPUT_HELP)
@_option("-v", "--verbose", is_flag=True, help="List every value not carried and every note, each at its place.")
@_lang_option
@_debug_option
def convert(
    source: Path,
    target: str,
    out: Path | None,
    format_: str | None,
    allow_loss: bool,
    allow_errors: bool,
    output: str,
    verbose: bool,
) -> None:
    """Convert SOURCE (a file, or - for stdin) to another format; data the target cannot carry is listed and, by
    default, nothing written.

    The report ends with one line, the outcome, then the values not carried counted by kind. It goes to stdout
    when the result is written to a file (-o), to stderr when the result itself goes to stdout."""
    from manifest.api import convert as run_conversion
    from manifest.output import same_file
    from manifest.reporters import conversion_json, conversion_text

    if out is not None and str(source) != "-" and same_file(out, source):
        _fail(_said("refusing to overwrite the source file; choose another output"))
    config = _load_config(Path.cwd())  # what validate is told, so that both count the same errors
    data = _read_source(source, dash_is_stdin=True)
    shown_output = None if out is None else str(out)
    with _working_on(source):
        conversion = run_conversion(
            data, target, format=format_, name=_name_of(source), config=config, allow_errors=allow_errors
        )
        if output == "json":
            report = conversion_json(
                conversion, str(source), output=shown_output, allow_loss=allow_loss, lang=_language()
            )
        else:
            report = conversion_text(
                conversion, str(source), output=shown_output, allow_loss=allow_loss, lang=_language(), verbose=verbose
            )
    writes = conversion.writes(allow_loss=allow_loss)
    if writes and conversion.written is not None:
        if out is None:
            sys.stdout.buffer.write(conversion.written.data)
            sys.stdout.flush()
        else:
            _write_output(out, conversion.written.data)
    click.echo(report, err=out is None, nl=False)
    sys.exit(0 if writes else 1)


@main.command()
@_argument("path", type=_Path(path_type=Path, allow_dash=True))
@_option("--format", "format_", type=click.Choice(_format_names()), help="Skip detection.")
@_option("--output", type=click.Choice(["text", "json"]), default="text", show_default=True, help=TABLE_OUTPUT_HELP)
@_option("--bills", is_flag=True, help="List every bill or waybill: parties, pieces, weight, equipment and ports.")
@_lang_option
@_debug_option
def inspect(path: Path, format_: str | None, output: str, bills: bool) -> None:
    """What a file holds, at a glance: mode, carrier, conveyance, trip, ports, consignments, equipment, totals."""
    import json

    from manifest.api import read
    from manifest.diagnostics import ParseError, Severity
    from manifest.reporters import diagnostic_line
    from manifest.summary import render_text, summarize

    data = _read_source(path, dash_is_stdin=True)
    with _working_on(path):
        try:
            document = read(data, format_, name=_name_of(path))
        except ParseError as error:
            click.echo(diagnostic_line(str(path), error.diagnostic, _language()))
            sys.exit(1)
        if not document.manifests:
            # Nothing read: not the format it was taken for (an X12 315 read as a 309), or empty of manifests.
            errors = [d for d in document.diagnostics if d.severity >= Severity.ERROR] or list(document.diagnostics)
            for diagnostic in errors:
                click.echo(diagnostic_line(str(path), diagnostic, _language()))
            sys.exit(1)
        summary = summarize(document, bills=bills)
    if output == "json":
        click.echo(json.dumps({"path": str(path), **summary}, ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(str(path), summary, _language()), nl=False)


@main.command()
@_option("--output", type=click.Choice(["text", "json"]), default="text", show_default=True, help=TABLE_OUTPUT_HELP)
@_lang_option
@_debug_option
def formats(output: str) -> None:
    """The formats this tool reads and writes, and whether this installation reads and writes each."""
    from manifest.formats import FORMATS
    from manifest.tables import render_table

    def able(format_name: str, verb: str) -> str:
        can = callable(getattr(FORMATS[format_name].load(), verb, None))
        return ("yes" if can else "no") if output == "json" else _said("yes" if can else "no", "answer")

    rows = [
        {
            "name": f.name,
            "title": _said(f.title),
            "read": able(f.name, "read"),
            "write": able(f.name, "write"),
            "agency use": _said(f.agency_use),
        }
        for f in FORMATS.values()
    ]
    click.echo(render_table(rows, output, _language()), nl=False)


@main.command()
@_option("--profile", type=click.Choice(PROFILES[1:]), help="Only the rules of this profile.")
@_option("--mode", type=click.Choice(MODES), help="Only the rules of this mode.")
@_option("--output", type=click.Choice(["text", "json"]), default="text", show_default=True, help=TABLE_OUTPUT_HELP)
@_lang_option
@_debug_option
def rules(profile: str | None, mode: str | None, output: str) -> None:
    """The catalogue of data requirements, with the source of each rule."""
    import shutil

    from manifest.model import Mode
    from manifest.requirements import rules as catalogue
    from manifest.rule_text import readable
    from manifest.tables import aligned, render_table

    # JSON keeps the severity and mode names a program matches on; text shows them in the language of the run.
    def named(value: str, kind: str) -> str:
        return value if output == "json" else _said(value, kind)

    rows = [
        {
            "code": rule.code,
            "severity": named(str(rule.severity), "severity"),
            "modes": ", ".join(named(m.value, "mode") for m in rule.modes),
            "profiles": ", ".join(rule.profiles),
            "message": readable(rule.message_es if _language() == "es" else rule.message_en, rule.fields, _language()),
            "source": rule.source,
        }
        for rule in catalogue(profile, Mode(mode) if mode else None)
    ]
    if output == "text" and not rows:
        # The headings all the same, and a line that says there is nothing under them.
        columns = ("code", "severity", "modes", "profiles", "message", "source")
        headings = {c: words(_language()).pgettext("column", c).upper() for c in columns}
        click.echo("\n".join([*aligned([dict.fromkeys(columns, "")], headings)[:1], _said("no rules")]))
        return
    # On a terminal (or with COLUMNS set) the table fits its width, the long columns wrapped; piped, lines stay
    # whole, one rule a line.
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() or os.environ.get("COLUMNS") else None
    click.echo(
        render_table(rows, output, _language(), width=width, wrap=("modes", "profiles", "message", "source")), nl=False
    )


@main.command()
@_argument("source", type=_Path(path_type=Path))
@_option("-o", "--output", "out", type=_Path(path_type=Path, dir_okay=False), help="Default: stdout.")
@_lang_option
@_debug_option
def ack(source: Path, out: Path | None) -> None:
    """Write the X12 997 functional acknowledgement that CBP or VUCEM would return for SOURCE (exit 1 when it
    rejects a transaction set or a group)."""
    from manifest.diagnostics import ParseError
    from manifest.formats.x12.ack import acknowledgement
    from manifest.output import same_file
    from manifest.reporters import diagnostic_line

    if out is not None and same_file(out, source):
        _fail(_said("refusing to overwrite the source file; choose another output"))
    data = _read_source(source)
    try:
        with _working_on(source):
            answer = acknowledgement(data)
    except ParseError as error:
        click.echo(diagnostic_line(str(source), error.diagnostic, _language()))
        sys.exit(1)
    if out is None:
        sys.stdout.buffer.write(answer.data)
    else:
        _write_output(out, answer.data)
    sys.exit(1 if answer.rejects else 0)  # a 997 that rejects a set or a group: the file is in error


@main.command()
@_argument("files", nargs=-1, required=True, type=_Path(path_type=Path, allow_dash=True))
@_option(
    "--output",
    type=click.Choice(["text", "json", "sarif", "junit", "github"]),
    default="text",
    show_default=True,
    help=REPORT_OUTPUT_HELP,
)
@_option("--lang", type=click.Choice(LANGS), default=None, help=LANG_HELP)
@_debug_option
@_option("--strict", is_flag=True, help="Fail on warnings too.")
def reconcile(files: tuple[Path, ...], output: str, lang: str | None, strict: bool) -> None:
    """Check the documents of one movement against each other (two or more, in any order): each disagreement is
    reported at its place in both files."""
    from manifest.reporters import REPORTERS
    from manifest.singlewindow import reconcile as run_reconcile

    if len(files) < 2:
        _fail(_said("reconcile needs two or more documents of one movement"))
    seen: list[Path] = []
    for path in files:
        if any(_same_path(path, earlier) for earlier in seen):
            _fail(_said("{path} is given twice").format(path=path))
        seen.append(path)
    config = _load_config(Path.cwd())
    data = [_read_source(path, dash_is_stdin=True) for path in files]
    names = [str(path) for path in files]
    with _working_on(" ".join(names)):
        reports = run_reconcile(data, names=names, config=config)
    click.echo(REPORTERS[output](reports, _language(lang), strict=strict), nl=False)
    sys.exit(0 if all(report.passes(strict=strict) for report in reports) else 1)


# The command's former name, when it compared a consist with its manifest only: the same command, not listed.
_crosscheck = copy.copy(reconcile)
_crosscheck.name, _crosscheck.hidden = "crosscheck", True
main.add_command(_crosscheck)


def _same_path(one: Path, other: Path) -> bool:
    """Whether two arguments name one source: one file under two names, or standard input twice."""
    from manifest.output import same_file

    if "-" in (str(one), str(other)):
        return str(one) == str(other)
    return one == other or same_file(one, other)
