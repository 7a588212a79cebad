"""The reporters: pure functions from validation results to the text a user or a machine reads, by the name that
``validate --output`` and ``reconcile --output`` take.

Each takes the file reports (and the files passed over) and the language and returns one string; the command line
only prints it. They live by the kind of output: the pieces every report shares in :mod:`manifest.report_lines`,
text and JSON in :mod:`manifest.report_text`, GitHub annotations and JUnit in :mod:`manifest.report_ci`, SARIF in
:mod:`manifest.report_sarif`, the HTML page in :mod:`manifest.report_html`, the summary in
:mod:`manifest.report_summary`; the report of ``convert`` in :mod:`manifest.report_conversion`. Their public names
are re-exported here, so that a caller needs only this module.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from manifest.api import FileReport
from manifest.checkfile import Skipped
from manifest.diagnostics import Lang
from manifest.report_ci import github as github
from manifest.report_ci import junit as junit
from manifest.report_conversion import FAULTY_SOURCE as FAULTY_SOURCE
from manifest.report_conversion import HOLDS_NOTHING as HOLDS_NOTHING
from manifest.report_conversion import LEFT_BEHIND as LEFT_BEHIND
from manifest.report_conversion import NOTES as NOTES
from manifest.report_conversion import NOTHING_WRITTEN as NOTHING_WRITTEN
from manifest.report_conversion import REFUSED_ERRORS as REFUSED_ERRORS
from manifest.report_conversion import REFUSED_LOSSES as REFUSED_LOSSES
from manifest.report_conversion import STANDARD_OUTPUT as STANDARD_OUTPUT
from manifest.report_conversion import WRITTEN_TO as WRITTEN_TO
from manifest.report_conversion import conversion_json as conversion_json
from manifest.report_conversion import conversion_line as conversion_line
from manifest.report_conversion import conversion_listed_errors as conversion_listed_errors
from manifest.report_conversion import conversion_text as conversion_text
from manifest.report_lines import PROFILE_LINE as PROFILE_LINE
from manifest.report_lines import Highlight as Highlight
from manifest.report_lines import diagnostic_line as diagnostic_line
from manifest.report_lines import diagnostic_to_json as diagnostic_to_json
from manifest.report_lines import profile_line as profile_line
from manifest.report_lines import related_place as related_place
from manifest.report_lines import related_to_json as related_to_json
from manifest.report_sarif import SARIF_SCHEMA as SARIF_SCHEMA
from manifest.report_sarif import SARIF_VERSION as SARIF_VERSION
from manifest.report_sarif import SOURCE_ROOT as SOURCE_ROOT
from manifest.report_sarif import project_urls as project_urls
from manifest.report_sarif import sarif as sarif
from manifest.report_sarif import sarif_log as sarif_log
from manifest.report_summary import SUMMARY_COLUMNS as SUMMARY_COLUMNS
from manifest.report_summary import SUMMARY_LINE as SUMMARY_LINE
from manifest.report_summary import result_word as result_word
from manifest.report_summary import severity_word as severity_word
from manifest.report_summary import skipped_reason as skipped_reason
from manifest.report_summary import summary as summary
from manifest.report_summary import summary_line as summary_line
from manifest.report_summary import summary_rows as summary_rows
from manifest.report_text import as_json as as_json
from manifest.report_text import summary_table as summary_table
from manifest.report_text import text as text


def html(
    reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False, skipped: Sequence[Skipped] = ()
) -> str:
    """The HTML page of :mod:`manifest.report_html`, without the files' text (which the command line gives it)."""
    from manifest.report_html import html_report

    return html_report(reports, lang, strict=strict, skipped=skipped)


class Reporter(Protocol):
    """A report of a run: the files checked and, where the format has a place for them, the files passed over."""

    def __call__(
        self, reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False, skipped: Sequence[Skipped] = ()
    ) -> str: ...


REPORTERS: dict[str, Reporter] = {
    "text": text,
    "json": as_json,
    "sarif": sarif,
    "junit": junit,
    "github": github,
    "html": html,
}
