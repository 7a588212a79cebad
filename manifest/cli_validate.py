"""``manifest validate`` over what the command line names: the files of each path in order, standard input where
``-`` stands, each outcome said (a file that cannot be read, a file whose process died), and the report."""

from __future__ import annotations

import os
import sys
from collections.abc import Generator, Sequence
from contextlib import closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import click

from manifest import cli_start
from manifest.cli_click import fail, language, said, working_on
from manifest.cli_progress import Progress, cluster_errors, read_with_progress
from manifest.cli_terminal import Sources, colour, inputs, load_config_or_fail, os_reason, painter, say_cannot_read

if TYPE_CHECKING:
    from manifest.api import FileReport
    from manifest.checkfile import BatchSettings, Outcome, Skipped
    from manifest.diagnostics import Lang
    from manifest.requirements import Config


@dataclass(slots=True)
class Checked:
    """What a run found: the reports in command-line order, the files passed over, the text of standard input for
    the HTML page, and whether any path could not be read or checked (exit 2)."""

    reports: list[FileReport] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    sources: dict[str, bytes] = field(default_factory=dict)
    not_read: bool = False


def check_all(
    paths: Sequence[Path],
    settings: BatchSettings,
    config: Config,
    *,
    html: bool,
    jobs: int,
    scheduler: str | None,
    quiet: bool,
) -> Checked:
    """Every path checked, one process, a pool of ``jobs`` or the workers of ``scheduler``, a progress bar on a
    terminal unless ``quiet``."""
    from manifest.api import validate
    from manifest.batch import validate_files
    from manifest.checkfile import NotChecked, Skipped, Unreadable

    cli_start.resume()  # what the checks work with is loaded (see manifest.cli_start)
    named = list(inputs(paths))
    files = [item for item in named if isinstance(item, Path)]
    progress = Progress(files, shown=not quiet and sys.stderr.isatty())
    outcomes: Generator[Outcome, None, None]
    if progress.reads_one_file and jobs == 1 and scheduler is None:
        outcomes = read_with_progress(files[0], settings, progress)
    else:
        outcomes = validate_files(files, settings, jobs=jobs, scheduler=scheduler)
    checked = Checked()
    # Closed once its last outcome is taken: its pool of processes or its cluster client is let go then.
    with closing(outcomes), progress, cluster_errors():
        for item in named:
            if item is None:
                chosen_profile = settings.profile or config.profile or "auto"
                try:
                    data = sys.stdin.buffer.read()
                except OSError as error:
                    say_cannot_read("-", os_reason(error))
                    checked.not_read = True
                    continue
                with working_on("-"):
                    checked.reports.append(
                        validate(data, path="-", format=settings.format, profile=chosen_profile, config=config)
                    )
                if html:
                    checked.sources["-"] = data  # standard input cannot be read again for the page
                continue
            if isinstance(item, Skipped):
                checked.skipped.append(item)
                continue
            outcome = item if isinstance(item, Unreadable) else next(outcomes)
            if isinstance(item, Path):
                progress.advance(item)
            if isinstance(outcome, Unreadable):
                say_cannot_read(outcome.path, said(outcome.reason, "os error"))
                checked.not_read = True
            elif isinstance(outcome, NotChecked):
                wording = said("{path} was not checked: the process checking it stopped (killed, or out of memory)")
                click.echo("manifest: " + wording.format(path=outcome.path), err=True)
                checked.not_read = True
            elif outcome is None and isinstance(item, Path):
                checked.skipped.append(Skipped(str(item)))
            elif outcome is not None:
                checked.reports.append(outcome)
    return checked


def report(output: str, checked: Checked, lang: Lang, strict: bool) -> str:
    """The report in ``output``; the text one coloured where standard output takes colour, the HTML one with the
    text of each file (read again from its path; standard input's as it was read). Only the reporter asked for is
    imported: the others (SARIF, JUnit, their patterns) cost about a millisecond of every start."""
    if output == "text":
        from manifest.report_text import text

        return text(checked.reports, lang, strict=strict, skipped=checked.skipped, paint=painter(colour(sys.stdout)))
    if output == "html":
        from manifest.report_html import html_report

        return html_report(
            checked.reports, lang, strict=strict, skipped=checked.skipped, sources=Sources(checked.sources)
        )
    from manifest import reporters

    return reporters.REPORTERS[output](checked.reports, lang, strict=strict, skipped=checked.skipped)


def validate_paths(
    paths: Sequence[Path],
    *,
    format_: str | None,
    profile: str | None,
    skip_unknown: bool,
    output: str | None,
    lang: str | None,
    strict: bool,
    jobs: int,
    scheduler: str | None,
    quiet: bool,
) -> None:
    """Check ``paths``, print the report (``output``, or github annotations under GitHub Actions, else text) and
    exit: 2 when a path could not be read or checked, else 1 when a file does not pass, else 0."""
    from manifest.checkfile import BatchSettings

    if scheduler is not None and jobs != 1:
        fail(said("--jobs and --scheduler cannot be combined: the cluster's workers check the files"))
    config = load_config_or_fail(Path.cwd())
    settings = BatchSettings(format=format_, profile=profile, config_start=Path.cwd(), skip_unknown=skip_unknown)
    checked = check_all(paths, settings, config, html=output == "html", jobs=jobs, scheduler=scheduler, quiet=quiet)
    chosen_output = output or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text")
    click.echo(report(chosen_output, checked, language(lang), strict), nl=False, color=colour(sys.stdout))
    if checked.not_read:
        sys.exit(2)
    sys.exit(0 if all(r.passes(strict=strict) for r in checked.reports) else 1)
