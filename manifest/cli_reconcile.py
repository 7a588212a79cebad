"""``manifest reconcile``: the documents of one movement, each named once, checked against each other."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import click

from manifest.cli_click import fail, language, said, working_on
from manifest.cli_terminal import load_config_or_fail, read_source


def reconcile_files(files: Sequence[Path], output: str, lang: str | None, strict: bool) -> None:
    from manifest.reporters import REPORTERS
    from manifest.singlewindow import reconcile as run_reconcile

    if len(files) < 2:
        fail(said("reconcile needs two or more documents of one movement"))
    seen: list[Path] = []
    for path in files:
        if any(same_path(path, earlier) for earlier in seen):
            fail(said("{path} is given twice").format(path=path))
        seen.append(path)
    config = load_config_or_fail(Path.cwd())
    data = [read_source(path, dash_is_stdin=True) for path in files]
    names = [str(path) for path in files]
    with working_on(" ".join(names)):
        reports = run_reconcile(data, names=names, config=config)
    click.echo(REPORTERS[output](reports, language(lang), strict=strict), nl=False)
    sys.exit(0 if all(report.passes(strict=strict) for report in reports) else 1)


def same_path(one: Path, other: Path) -> bool:
    """Whether two arguments name one source: one file under two names, or standard input twice."""
    from manifest.output import same_file

    if "-" in (str(one), str(other)):
        return str(one) == str(other)
    return one == other or same_file(one, other)
