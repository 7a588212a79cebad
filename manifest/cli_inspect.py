"""``manifest inspect``: what a file holds at a glance, or the findings that kept it from being read (exit 1)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from manifest.cli_click import language, working_on
from manifest.cli_terminal import name_of, read_source


def inspect_file(path: Path, format_: str | None, output: str, bills: bool) -> None:
    from manifest.api import read
    from manifest.diagnostics import ParseError, Severity
    from manifest.report_lines import diagnostic_line
    from manifest.summary import render_text, summarize

    data = read_source(path, dash_is_stdin=True)
    with working_on(path):
        try:
            document = read(data, format_, name=name_of(path))
        except ParseError as error:
            click.echo(diagnostic_line(str(path), error.diagnostic, language()))
            sys.exit(1)
        if not document.manifests:
            # Nothing read: not the format it was taken for (an X12 315 read as a 309), or empty of manifests.
            errors = [d for d in document.diagnostics if d.severity >= Severity.ERROR] or list(document.diagnostics)
            for diagnostic in errors:
                click.echo(diagnostic_line(str(path), diagnostic, language()))
            sys.exit(1)
        summary = summarize(document, bills=bills)
    if output == "json":
        click.echo(json.dumps({"path": str(path), **summary}, ensure_ascii=False, indent=2))
    else:
        click.echo(render_text(str(path), summary, language()), nl=False)
