"""The ``manifest`` command: a thin Click layer over :mod:`manifest.api`.

Exit codes (DESIGN.md): 0 nothing at error level (nor warnings under ``--strict``), 1 at least one error including
content that cannot be parsed, 2 a usage error or a path that cannot be read at all (or, in a batch, a file whose
worker process died before it was checked), 3 an internal error: a defect of this package, said in one line that
names the file being worked on, its traceback shown only with ``--debug`` (which, like ``--lang``, may stand
anywhere on the line) or ``MANIFEST_DEBUG=1``. Findings go to stdout, problems with the command itself to stderr.
Library modules are imported inside the commands so that ``--version`` and ``--help`` stay fast.

This module holds the commands' names, options and help; what each command does is in a module of its own
(:mod:`manifest.cli_validate`, :mod:`manifest.cli_convert` for convert and ack, :mod:`manifest.cli_inspect`,
:mod:`manifest.cli_reconcile`, :mod:`manifest.cli_listing` for formats and rules).

Language: the help, the messages and the reports are in Spanish or English (:mod:`manifest.cli_click`). The
choices the options offer come from their owners (:mod:`manifest.cli_choices`); reading the files named, colours
and writing outputs are :mod:`manifest.cli_terminal`, the progress bar :mod:`manifest.cli_progress`.
"""

from __future__ import annotations

import copy
from pathlib import Path

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
from manifest.cli_click import LoadingCommand as _LoadingCommand
from manifest.cli_click import SaidIntRange as _IntRange
from manifest.cli_click import SaidPath as _Path
from manifest.cli_click import argument as _argument
from manifest.cli_click import debug_option as _debug_option
from manifest.cli_click import lang_option as _lang_option
from manifest.cli_click import option as _option
from manifest.cli_click import said as _said
from manifest.cli_listing import formats_table, rules_table
from manifest.cli_progress import PROGRESS_BYTES

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


@main.command(cls=_LoadingCommand)
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
    from manifest.cli_validate import validate_paths

    validate_paths(
        paths,
        format_=format_,
        profile=profile,
        skip_unknown=skip_unknown,
        output=output,
        lang=lang,
        strict=strict,
        jobs=jobs,
        scheduler=scheduler,
        quiet=quiet,
    )


@main.command()
@_argument("source", type=_Path(path_type=Path, allow_dash=True))
@_option("--to", "target", required=True, type=LazyChoice(format_names), help="The format to write.")
@_option("-o", "out", type=_Path(path_type=Path, dir_okay=False), help="Default: stdout.")
@_option("--format", "format_", type=LazyChoice(format_names), help="Skip detection of the source format.")
@_option("--allow-loss", is_flag=True, help="Write even if the target cannot carry some of the data.")
@_option("--allow-errors", is_flag=True, help="Convert even a source with errors; the report lists them.")
@_option("--sender", help="The interchange sender written (X12 ISA06 and GS02, EDIFACT UNB S002).")
@_option("--recipient", help="The interchange recipient written (X12 ISA08 and GS03, EDIFACT UNB S003).")
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
    sender: str | None,
    recipient: str | None,
    output: str,
    verbose: bool,
) -> None:
    """Convert SOURCE (a file, or - for stdin) to another format; data the target cannot carry is listed and, by
    default, nothing written.

    The report ends with one line, the outcome, then the values not carried counted by kind. It goes to stdout
    when the result is written to a file (-o), to stderr when the result itself goes to stdout."""
    from manifest.cli_convert import convert_file

    convert_file(
        source,
        target,
        out,
        format_=format_,
        allow_loss=allow_loss,
        allow_errors=allow_errors,
        partners={"sender": sender, "recipient": recipient},
        output=output,
        verbose=verbose,
    )


@main.command()
@_argument("path", type=_Path(path_type=Path, allow_dash=True))
@_option("--format", "format_", type=LazyChoice(format_names), help="Skip detection.")
@_option("--output", type=click.Choice(["text", "json"]), default="text", show_default=True, help=TABLE_OUTPUT_HELP)
@_option("--bills", is_flag=True, help="List every bill or waybill: parties, pieces, weight, equipment and ports.")
@_lang_option
@_debug_option
def inspect(path: Path, format_: str | None, output: str, bills: bool) -> None:
    """What a file holds, at a glance: mode, carrier, conveyance, trip, ports, consignments, equipment, totals."""
    from manifest.cli_inspect import inspect_file

    inspect_file(path, format_, output, bills)


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
    from manifest.cli_convert import acknowledge

    acknowledge(source, out)


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
    from manifest.cli_reconcile import reconcile_files

    reconcile_files(files, output, lang, strict)


# The command's former name, when it compared a consist with its manifest only: the same command, not listed.
_crosscheck = copy.copy(reconcile)
_crosscheck.name, _crosscheck.hidden = "crosscheck", True
main.add_command(_crosscheck)
