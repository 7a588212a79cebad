"""``manifest convert`` and ``manifest ack``: the commands that write a file of their own, to ``-o`` or to standard
output, and never over their source; each exits 0 when the result is good and 1 when it is not."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from manifest.cli_click import fail, language, said, working_on
from manifest.cli_terminal import load_config_or_fail, name_of, read_source, write_output

SAME_FILE = "refusing to overwrite the source file; choose another output"
NO_ENVELOPE = "{options}: {target} has no interchange envelope ({envelopes} have one)"
BAD_PARTNER = "{option} '{value}': the {target} interchange cannot hold it in {element}"


def convert_file(
    source: Path,
    target: str,
    out: Path | None,
    *,
    format_: str | None,
    allow_loss: bool,
    allow_errors: bool,
    partners: dict[str, str | None],
    output: str,
    verbose: bool,
) -> None:
    """Convert ``source`` as validate would read it (same configuration, same profile), write the result unless it
    is refused, and say the outcome: on standard output when the result goes to a file, else on standard error.
    ``partners`` names the interchange's sender and recipient, where the target has an envelope."""
    from manifest.api import convert as run_conversion
    from manifest.interchange import SLOTS
    from manifest.output import same_file
    from manifest.report_conversion import conversion_json, conversion_text

    if out is not None and str(source) != "-" and same_file(out, source):
        fail(said(SAME_FILE))
    named = {role: value for role, value in partners.items() if value is not None}
    if named and target not in SLOTS:
        fail(
            said(NO_ENVELOPE).format(
                options=", ".join(f"--{role}" for role in named), target=target, envelopes=", ".join(SLOTS)
            )
        )
    for role, value in named.items():
        slot = SLOTS[target][role]
        if slot.form.fullmatch(value) is None:
            fail(said(BAD_PARTNER).format(value=value, option=f"--{role}", target=target, element=slot.element))
    config = load_config_or_fail(Path.cwd())  # what validate is told, so that both count the same errors
    data = read_source(source, dash_is_stdin=True)
    shown_output = None if out is None else str(out)
    with working_on(source):
        conversion = run_conversion(
            data,
            target,
            format=format_,
            name=name_of(source),
            config=config,
            allow_errors=allow_errors,
            profile=config.profile or "auto",  # the profile validate checks the source under, from the same config
            **partners,
        )
        if output == "json":
            report = conversion_json(
                conversion, str(source), output=shown_output, allow_loss=allow_loss, lang=language()
            )
        else:
            report = conversion_text(
                conversion, str(source), output=shown_output, allow_loss=allow_loss, lang=language(), verbose=verbose
            )
    writes = conversion.writes(allow_loss=allow_loss)
    if writes and conversion.written is not None:
        if out is None:
            sys.stdout.buffer.write(conversion.written.data)
            sys.stdout.flush()
        else:
            write_output(out, conversion.written.data)
    click.echo(report, err=out is None, nl=False)
    sys.exit(0 if writes else 1)


def acknowledge(source: Path, out: Path | None) -> None:
    """Write the 997 for ``source``; a file that cannot be parsed gets its finding instead."""
    from manifest.diagnostics import ParseError
    from manifest.formats.x12.ack import acknowledgement
    from manifest.output import same_file
    from manifest.report_lines import diagnostic_line

    if out is not None and same_file(out, source):
        fail(said(SAME_FILE))
    data = read_source(source)
    try:
        with working_on(source):
            answer = acknowledgement(data)
    except ParseError as error:
        click.echo(diagnostic_line(str(source), error.diagnostic, language()))
        sys.exit(1)
    if out is None:
        sys.stdout.buffer.write(answer.data)
    else:
        write_output(out, answer.data)
    sys.exit(1 if answer.rejects else 0)  # a 997 that rejects a set or a group: the file is in error
