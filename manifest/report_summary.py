"""The summary of a run, as every reporter that has one says it: the line of counts and the table of files (format,
profile and why, counts, result), with the files passed over and why.
"""

from __future__ import annotations

from collections.abc import Sequence

from manifest.api import FileReport
from manifest.checkfile import Skipped
from manifest.diagnostics import Lang, Severity
from manifest.i18n import words

SUMMARY_LINE = "{files} file(s) checked: {errors} error(s), {warnings} warning(s)"


def summary(reports: Sequence[FileReport]) -> dict[str, int]:
    return {
        "files": len(reports),
        "errors": sum(r.count(Severity.ERROR) for r in reports),
        "warnings": sum(r.count(Severity.WARNING) for r in reports),
    }


def summary_line(reports: Sequence[FileReport], lang: Lang) -> str:
    return words(lang).gettext(SUMMARY_LINE).format(**summary(reports))


def severity_word(severity: Severity, lang: Lang) -> str:
    return words(lang).pgettext("severity", str(severity))


# The columns of the summary table, by their names in the catalogue (context "column").
SUMMARY_COLUMNS = ("file", "format", "profile", "errors", "warnings", "result", "why")


def result_word(report: FileReport, lang: Lang, *, strict: bool = False) -> str:
    return words(lang).pgettext("result", "passed" if report.passes(strict=strict) else "failed")


def skipped_reason(skipped: Skipped, lang: Lang) -> str:
    return words(lang).pgettext("skipped", skipped.reason)


def summary_rows(
    reports: Sequence[FileReport], lang: Lang, *, strict: bool = False, skipped: Sequence[Skipped] = ()
) -> list[dict[str, str]]:
    """One row per file checked (its format, the profile and why it was chosen, its counts and result), then one
    per file passed over (the reason in ``why``)."""
    catalogue = words(lang)
    rows = [
        {
            "file": report.path,
            "format": report.format or catalogue.pgettext("format", "unknown"),
            "profile": report.profile or "-",
            "errors": str(report.count(Severity.ERROR)),
            "warnings": str(report.count(Severity.WARNING)),
            "result": result_word(report, lang, strict=strict),
            "why": report.profile_reason.said(lang) if report.profile_reason is not None else "",
        }
        for report in reports
    ]
    passed_over = catalogue.pgettext("result", "skipped")
    rows += [
        {"file": s.path, "format": "-", "profile": "-", "errors": "", "warnings": "", "result": passed_over}
        | {"why": skipped_reason(s, lang)}
        for s in skipped
    ]
    return rows
