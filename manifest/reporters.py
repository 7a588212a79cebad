"""Reporters: pure functions from validation results to the text a user or a machine reads.

Each takes the file reports and the language and returns one string; the CLI only prints it. The JSON shape is the
contract in DESIGN.md: fields without a value are null, never absent. Headings and severity words come from the
catalogue of :mod:`manifest.i18n`; keys, codes and the severity names of machine formats stay as they are.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Protocol

from manifest.api import FileReport
from manifest.diagnostics import Diagnostic, Lang, Severity
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


def diagnostic_line(path: str, diagnostic: Diagnostic, lang: Lang) -> str:
    where = ":".join(str(n) for n in (path, diagnostic.line, diagnostic.column) if n is not None)
    severity = severity_word(diagnostic.severity, lang)
    line = f"{where}: {severity} {diagnostic.code} {diagnostic.message(lang)}"
    details = [part for part in (diagnostic.location, diagnostic.field) if part]
    if details:
        line += f" [{' | '.join(details)}]"
    return line


def text(reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False) -> str:
    """``path:line:column: severity CODE message [location | field]``, one line per finding, then a summary."""
    lines = [diagnostic_line(r.path, d, lang) for r in reports for d in r.diagnostics]
    lines.append(summary_line(reports, lang))
    return "\n".join(lines) + "\n"


def diagnostic_to_json(diagnostic: Diagnostic, lang: Lang) -> dict[str, object]:
    return {
        "code": diagnostic.code,
        "severity": str(diagnostic.severity),
        "message": diagnostic.message(lang),
        "line": diagnostic.line,
        "column": diagnostic.column,
        "location": diagnostic.location,
        "field": diagnostic.field,
        "value": diagnostic.value,
        "source": diagnostic.source,
    }


def as_json(reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False) -> str:
    files = [
        {
            "path": r.path,
            "format": r.format,
            "mode": r.modes[0].value if r.modes else None,
            "profile": r.profile,
            "valid": r.passes(strict=strict),
            "diagnostics": [diagnostic_to_json(d, lang) for d in r.diagnostics],
        }
        for r in reports
    ]
    return json.dumps({"files": files, "summary": summary(reports)}, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    # GitHub Actions workflow commands: the message is percent-escaped for %, CR and LF.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # ... and a property value also for ':' and ','.
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github(reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False) -> str:
    """GitHub Actions annotations (``::error file=…,line=…,col=…,title=…::message``), one per finding."""
    lines = []
    for report in reports:
        for d in report.diagnostics:
            properties = [f"file={_escape_property(report.path)}"]
            if d.line is not None:
                properties.append(f"line={d.line}")
            if d.column is not None:
                properties.append(f"col={d.column}")
            properties.append(f"title={_escape_property(d.code)}")
            detail = " ".join(part for part in (d.message(lang), f"[{d.field}]" if d.field else None) if part)
            lines.append(f"::{_GITHUB_LEVELS[d.severity]} {','.join(properties)}::{_escape_data(detail)}")
    lines.append(summary_line(reports, lang))
    return "\n".join(lines) + "\n"


def junit(reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False) -> str:
    """JUnit XML, one test case per file: CI servers show a failed case per file that does not pass."""
    from xml.etree import ElementTree

    failing = [r for r in reports if not r.passes(strict=strict)]
    suite = ElementTree.Element(
        "testsuite", name="manifest validate", tests=str(len(reports)), failures=str(len(failing)), errors="0"
    )
    for report in reports:
        classname = report.format or words(lang).pgettext("format", "unknown")
        case = ElementTree.SubElement(suite, "testcase", classname=classname, name=report.path)
        if report.passes(strict=strict):
            continue
        failure = ElementTree.SubElement(case, "failure", type="manifest", message=summary_line([report], lang))
        failure.text = "\n".join(diagnostic_line(report.path, d, lang) for d in report.diagnostics)
    suites = ElementTree.Element("testsuites")
    suites.append(suite)
    ElementTree.indent(suites)
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


class Reporter(Protocol):
    def __call__(self, reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False) -> str: ...


REPORTERS: dict[str, Reporter] = {
    "text": text,
    "json": as_json,
    "junit": junit,
    "github": github,
}
