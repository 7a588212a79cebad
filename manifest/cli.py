"""The ``manifest`` command: a thin Click layer over :mod:`manifest.api`.

Exit codes (DESIGN.md): 0 nothing at error level (nor warnings under ``--strict``), 1 at least one error including
content that cannot be parsed, 2 a usage error or a path that cannot be read at all (or, in a batch, a file whose
worker process died before it was checked), 3 an internal error: a defect of this package, said in one line that
names the file being worked on, its traceback shown only with ``--debug`` (which, like ``--lang``, may stand
anywhere on the line) or ``MANIFEST_DEBUG=1``. Findings go to stdout, problems with the command itself to stderr.
Library modules are imported inside the commands so that ``--version`` and ``--help`` stay fast.

Language: the help, the messages and the reports are in Spanish or English (:mod:`manifest.cli_click`). The
choices the options offer come from their owners (:mod:`manifest.cli_choices`); reading the files named, colours
and writing outputs are :mod:`manifest.cli_terminal`, the progress bar :mod:`manifest.cli_progress`.
"""

from __future__ import annotations

import copy
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import click

from manifest import __version__
from manifest.cli_choices import (
    LANGS,
    concrete_profile_names,
    format_names,
    mode_names,
    movement_report_names,
    profile_names,
    report_names,
)
from manifest.cli_click import LANG_HELP, LazyChoice
from manifest.cli_click import Group as _Group
from manifest.cli_click import SaidIntRange as _IntRange
from manifest.cli_click import SaidPath as _Path
from manifest.cli_click import argument as _argument
from manifest.cli_click import debug_option as _debug_option
from manifest.cli_click import fail as _fail
from manifest.cli_click import lang_option as _lang_option
from manifest.cli_click import language as _language
from manifest.cli_click import option as _option
from manifest.cli_click import said as _said
from manifest.cli_click import working_on as _working_on
from manifest.cli_listing import formats_table, rules_table
from manifest.cli_progress import PROGRESS_BYTES
from manifest.cli_terminal import colour as _colour
from manifest.cli_terminal import load_config_or_fail as _load_config
from manifest.cli_terminal import name_of as _name_of
from manifest.cli_terminal import read_source as _read_source
from manifest.cli_terminal import write_output as _write_output
from manifest.cli_validate import check_all, report

if TYPE_CHECKING:
    pass

__all__ = ["PROGRESS_BYTES", "main"]

TABLE_OUTPUT_HELP = "Aligned text for people or JSON for programs."
REPORT_OUTPUT_HELP = "Report format."


def _show_version(ctx: click.Context, _param: click.Parameter, value: bool) -> None:
    if not value or ctx.resilient_parsing:
        return
    click.echo(_said("%(prog)s, version %(version)s") % {"prog": "manifest", "version": __version__})
    ctx.exit()


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


@main.command()
@_argument("paths", nargs=-1, required=True, type=_Path(path_type=Path, allow_dash=True))
@_option("--format", "format_", type=LazyChoice(format_names), help="Skip detection: read every file as this.")
@_option(
    "--profile",
    type=LazyChoice(profile_names),
    help="Whose requirements to check (default: auto, or config); none: syntax, schema and identifiers only.",
)
@_option(
    "--output",
    type=LazyChoice(report_names),
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
    from manifest.checkfile import BatchSettings

    if scheduler is not None and jobs != 1:
        _fail(_said("--jobs and --scheduler cannot be combined: the cluster's workers check the files"))
    config = _load_config(Path.cwd())
    settings = BatchSettings(format=format_, profile=profile, config_start=Path.cwd(), skip_unknown=skip_unknown)
    checked = check_all(paths, settings, config, html=output == "html", jobs=jobs, scheduler=scheduler, quiet=quiet)
    chosen_output = output or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    click.echo(report(chosen_output, checked, _language(lang), strict), nl=False, color=_colour(sys.stdout))
    if checked.not_read:
        sys.exit(2)
    sys.exit(0 if all(r.passes(strict=strict) for r in checked.reports) else 1)


@main.command()
@_argument("source", type=_Path(path_type=Path, allow_dash=True))
@_option("--to", "target", required=True, type=LazyChoice(format_names), help="The format to write.")
@_option("-o", "out", type=_Path(path_type=Path, dir_okay=False), help="Default: stdout.")
@_option("--format", "format_", type=LazyChoice(format_names), help="Skip detection of the source format.")
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
    from manifest.report_conversion import conversion_json, conversion_text

    if out is not None and str(source) != "-" and same_file(out, source):
        _fail(_said("refusing to overwrite the source file; choose another output"))
    config = _load_config(Path.cwd())  # what validate is told, so that both count the same errors
    data = _read_source(source, dash_is_stdin=True)
    shown_output = None if out is None else str(out)
    with _working_on(source):
        conversion = run_conversion(
            data,
            target,
            format=format_,
            name=_name_of(source),
            config=config,
            allow_errors=allow_errors,
            profile=config.profile or "auto",  # the profile validate checks the source under, from the same config
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
@_option("--format", "format_", type=LazyChoice(format_names), help="Skip detection.")
@_option("--output", type=click.Choice(["text", "json"]), default="text", show_default=True, help=TABLE_OUTPUT_HELP)
@_option("--bills", is_flag=True, help="List every bill or waybill: parties, pieces, weight, equipment and ports.")
@_lang_option
@_debug_option
def inspect(path: Path, format_: str | None, output: str, bills: bool) -> None:
    """What a file holds, at a glance: mode, carrier, conveyance, trip, ports, consignments, equipment, totals."""
    import json

    from manifest.api import read
    from manifest.diagnostics import ParseError, Severity
    from manifest.report_lines import diagnostic_line
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
    click.echo(formats_table(output), nl=False)


@main.command()
@_option("--profile", type=LazyChoice(concrete_profile_names), help="Only the rules of this profile.")
@_option("--mode", type=LazyChoice(mode_names), help="Only the rules of this mode.")
@_option("--output", type=click.Choice(["text", "json"]), default="text", show_default=True, help=TABLE_OUTPUT_HELP)
@_lang_option
@_debug_option
def rules(profile: str | None, mode: str | None, output: str) -> None:
    """The catalogue of data requirements, with the source of each rule."""
    click.echo(rules_table(profile, mode, output), nl=False)


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
    from manifest.report_lines import diagnostic_line

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
    type=LazyChoice(movement_report_names),
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
