"""The ``manifest`` command: a thin Click layer over :mod:`manifest.api`.

Exit codes (DESIGN.md): 0 nothing at error level (nor warnings under ``--strict``), 1 at least one error including
content that cannot be parsed, 2 a usage error or a file that cannot be read at all. Findings go to stdout, problems
with the command itself to stderr. Library modules are imported inside the commands so that ``--version`` and
``--help`` stay fast.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import click

from manifest import __version__

if TYPE_CHECKING:
    from manifest.api import FileReport
    from manifest.diagnostics import Lang
    from manifest.requirements import Config

PROFILES = ("auto", "cbp", "sat", "harmonized")
MODES = ("rail", "maritime", "air", "road")
LANGS = ("en", "es")


def _fail(message: str, code: int = 2) -> None:
    click.echo(f"manifest: {message}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="manifest")
def main() -> None:
    """Read, validate and convert US (CBP) and Mexican (SAT) cargo manifests."""


def _format_names() -> list[str]:
    from manifest.formats import FORMATS

    return list(FORMATS)


def _load_config(start: Path) -> Config:
    from manifest.requirements import ConfigError, load_config

    try:
        return load_config(start)
    except ConfigError as error:
        _fail(str(error))
        raise  # unreachable: _fail exits


def _check_one(path: Path | None, data: bytes, format_: str | None, profile: str, config: Config) -> FileReport:
    from manifest.api import validate

    return validate(data, path="-" if path is None else str(path), format=format_, profile=profile, config=config)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@click.option(
    "--format", "format_", type=click.Choice(_format_names()), help="Skip detection: read every file as this."
)
@click.option("--profile", type=click.Choice(PROFILES), help="Whose requirements to check (default: auto, or config).")
@click.option(
    "--output",
    type=click.Choice(["text", "json", "junit", "github"]),
    help="Report format (default: github under GitHub Actions, else text).",
)
@click.option("--lang", type=click.Choice(LANGS), default=None, help="Language of the messages (default: locale).")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@click.option("--skip-unknown", is_flag=True, help="Pass over named files in no known format (for hooks).")
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=1, show_default=True, help="Check files in N processes."
)
def validate(
    paths: tuple[Path, ...],
    format_: str | None,
    profile: str | None,
    output: str | None,
    lang: str | None,
    strict: bool,
    skip_unknown: bool,
    jobs: int,
) -> None:
    """Check manifests (files, folders or - for stdin) against the syntax, schema and agency requirements."""
    from manifest.api import BatchSettings, Unreadable, iter_files, validate_files
    from manifest.reporters import REPORTERS

    config = _load_config(Path.cwd())
    settings = BatchSettings(format=format_, profile=profile, config_start=Path.cwd(), skip_unknown=skip_unknown)
    files = list(iter_files(p for p in paths if str(p) != "-"))
    reports: list[FileReport] = []
    unreadable = False
    with _progress(len(files)) as advance:
        for outcome in validate_files(files, settings, jobs=jobs):
            advance()
            if isinstance(outcome, Unreadable):
                click.echo(f"manifest: cannot read {outcome.path}: {outcome.reason}", err=True)
                unreadable = True
            elif outcome is not None:
                reports.append(outcome)
    if any(str(p) == "-" for p in paths):
        chosen_profile = profile or config.profile or "auto"
        reports.append(_check_one(None, sys.stdin.buffer.read(), format_, chosen_profile, config))
    chosen_output = output or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    click.echo(REPORTERS[chosen_output](reports, _language(lang), strict=strict), nl=False)
    if unreadable:
        sys.exit(2)
    sys.exit(0 if all(r.passes(strict=strict) for r in reports) else 1)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[], None]]:
    """A progress bar on standard error when it is a terminal and there is more than one file; nothing otherwise."""
    if total < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    with click.progressbar(length=total, file=sys.stderr, label="checking") as bar:
        yield lambda: bar.update(1)


def _language(lang: str | None) -> Lang:
    if lang == "es":
        return "es"
    if lang == "en":
        return "en"
    locale = os.environ.get("LC_ALL") or os.environ.get("LC_MESSAGES") or os.environ.get("LANG") or ""
    return "es" if locale.lower().startswith("es") else "en"


def _read_source(source: Path) -> bytes:
    try:
        return source.read_bytes()
    except OSError as error:
        _fail(f"cannot read {source}: {error.strerror or error}")
        raise  # unreachable: _fail exits


def _write_atomically(target: Path, data: bytes) -> None:
    """Write through a temporary file in the same folder, so a reader never sees half a file."""
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or Path("."))
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@main.command()
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--to", "target", required=True, type=click.Choice(_format_names()), help="The format to write.")
@click.option("-o", "--output", "out", type=click.Path(path_type=Path, dir_okay=False), help="Default: stdout.")
@click.option("--format", "format_", type=click.Choice(_format_names()), help="Skip detection of the source format.")
@click.option("--allow-loss", is_flag=True, help="Write even if the target cannot carry some of the data.")
def convert(source: Path, target: str, out: Path | None, format_: str | None, allow_loss: bool) -> None:
    """Convert SOURCE to another format; data the target cannot carry is listed and, by default, nothing written."""
    from manifest.api import convert as run_conversion
    from manifest.reporters import diagnostic_line

    if out is not None and out.exists() and out.resolve() == source.resolve():
        _fail("refusing to overwrite the source file; choose another output")
    conversion = run_conversion(_read_source(source), target, format=format_, name=source.name)
    listing_to_stderr = out is None
    notes = conversion.written.notes if conversion.written is not None else ()
    for diagnostic in (*conversion.diagnostics, *conversion.losses, *notes):
        click.echo(diagnostic_line(str(source), diagnostic, "en"), err=listing_to_stderr)
    if conversion.written is None:
        sys.exit(1)
    if conversion.losses and not allow_loss:
        click.echo(
            f"manifest: {target} cannot carry {len(conversion.losses)} value(s); nothing written "
            "(use --allow-loss to write anyway)",
            err=True,
        )
        sys.exit(1)
    if out is None:
        sys.stdout.buffer.write(conversion.written.data)
    else:
        _write_atomically(out, conversion.written.data)
    sys.exit(0)


@main.command()
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False, allow_dash=True))
@click.option("--format", "format_", type=click.Choice(_format_names()), help="Skip detection.")
@click.option("--output", type=click.Choice(["text", "json"]), default="text", show_default=True)
def inspect(path: Path, format_: str | None, output: str) -> None:
    """What a file holds, at a glance: mode, carrier, conveyance, trip, ports, consignments, equipment, totals."""
    import json

    from manifest.api import read
    from manifest.diagnostics import ParseError
    from manifest.reporters import diagnostic_line
    from manifest.summary import render_text, summarize

    data = sys.stdin.buffer.read() if str(path) == "-" else _read_source(path)
    try:
        document = read(data, format_, name=path.name)
    except ParseError as error:
        click.echo(diagnostic_line(str(path), error.diagnostic, "en"))
        sys.exit(1)
    summary = summarize(document)
    if output == "json":
        click.echo(json.dumps({"path": str(path), **summary}, ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(str(path), summary), nl=False)


@main.command()
@click.option("--output", type=click.Choice(["text", "json"]), default="text", show_default=True)
def formats(output: str) -> None:
    """The formats this tool reads and writes."""
    from manifest.formats import FORMATS
    from manifest.tables import render_table

    rows = [{"name": f.name, "title": f.title, "agency use": f.agency_use} for f in FORMATS.values()]
    click.echo(render_table(rows, output), nl=False)


@main.command()
@click.option("--profile", type=click.Choice(PROFILES[1:]), help="Only the rules of this profile.")
@click.option("--mode", type=click.Choice(MODES), help="Only the rules of this mode.")
@click.option("--output", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules(profile: str | None, mode: str | None, output: str) -> None:
    """The catalogue of data requirements, with the source of each rule."""
    from manifest.model import Mode
    from manifest.requirements import rules as catalogue
    from manifest.tables import render_table

    rows = [
        {
            "code": rule.code,
            "severity": str(rule.severity),
            "modes": ", ".join(m.value for m in rule.modes),
            "profiles": ", ".join(rule.profiles),
            "message": rule.message_en,
            "source": rule.source,
        }
        for rule in catalogue(profile, Mode(mode) if mode else None)
    ]
    click.echo(render_table(rows, output), nl=False)


@main.command()
@click.argument("source", type=click.Path(path_type=Path, dir_okay=False))
@click.option("-o", "--output", "out", type=click.Path(path_type=Path, dir_okay=False), help="Default: stdout.")
def ack(source: Path, out: Path | None) -> None:
    """Write the X12 997 functional acknowledgement that CBP or VUCEM would return for SOURCE."""
    from manifest.diagnostics import ParseError
    from manifest.formats.x12.ack import acknowledge
    from manifest.reporters import diagnostic_line

    if out is not None and out.exists() and out.resolve() == source.resolve():
        _fail("refusing to overwrite the source file; choose another output")
    try:
        data = acknowledge(_read_source(source))
    except ParseError as error:
        click.echo(diagnostic_line(str(source), error.diagnostic, "en"))
        sys.exit(1)
    if out is None:
        sys.stdout.buffer.write(data)
    else:
        _write_atomically(out, data)


@main.command()
@click.argument("consist", type=click.Path(path_type=Path, dir_okay=False))
@click.argument("manifest_file", metavar="MANIFEST", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--output", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--lang", type=click.Choice(LANGS), default=None, help="Language of the messages (default: locale).")
def crosscheck(consist: Path, manifest_file: Path, output: str, lang: str | None) -> None:
    """Check a train consist (X12 358) against its manifest (X12 309): same bills, same cars."""
    from manifest.api import FileReport, read
    from manifest.diagnostics import ParseError
    from manifest.formats.x12.crosscheck import crosscheck as run_crosscheck
    from manifest.reporters import REPORTERS

    try:
        consist_document = read(_read_source(consist), "x12-358")
        manifest_document = read(_read_source(manifest_file), "x12-309")
    except ParseError as error:
        report = FileReport(f"{consist} {manifest_file}", diagnostics=(error.diagnostic,))
    else:
        report = FileReport(
            str(consist), "x12-358", diagnostics=tuple(run_crosscheck(consist_document, manifest_document))
        )
    click.echo(REPORTERS[output]([report], _language(lang)), nl=False)
    sys.exit(0 if report.passes() else 1)
