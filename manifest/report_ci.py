"""The reports a CI server reads: GitHub Actions annotations (workflow commands) and JUnit XML."""

from __future__ import annotations

import re
from collections.abc import Sequence

from manifest.api import FileReport
from manifest.checkfile import Skipped
from manifest.diagnostics import Lang, Severity, shown_surrogates
from manifest.i18n import words
from manifest.report_lines import diagnostic_line, related_place
from manifest.report_summary import skipped_reason, summary_line


def _escape_data(text: str) -> str:
    # GitHub Actions workflow commands: the message is percent-escaped for %, CR and LF.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # ... and a property value also for ':' and ','.
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github(
    reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False, skipped: Sequence[Skipped] = ()
) -> str:
    """GitHub Actions annotations (``::error file=…,line=…,col=…,title=…::message``), one per finding."""
    lines = []
    for report in reports:
        for d in report.diagnostics:
            # Standard input has no file to annotate: the annotation then stands on the run.
            properties = [f"file={_escape_property(report.path)}"] if report.path != "-" else []
            if d.line is not None:
                properties.append(f"line={d.line}")
            if d.column is not None:
                properties.append(f"col={d.column}")
            properties.append(f"title={_escape_property(d.code)}")
            also = f"({words(lang).pgettext('report', 'also')}: {', '.join(d.also)})" if d.also else None
            related = [f"({words(lang).pgettext('report', 'and')} {related_place(r)})" for r in d.related]
            detail = shown_surrogates(
                " ".join(
                    part for part in (d.message(lang), also, f"[{d.field}]" if d.field else None, *related) if part
                )
            )
            lines.append(f"::{_GITHUB_LEVELS[d.severity]} {','.join(properties)}::{_escape_data(detail)}")
    lines.append(summary_line(reports, lang))
    return "\n".join(lines) + "\n"


def junit(
    reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False, skipped: Sequence[Skipped] = ()
) -> str:
    """JUnit XML, one test case per file: CI servers show a failed case per file that does not pass.

    The failure of a case lists every finding of its file; a file that passes with warnings or notes lists them in
    the case's ``system-out``. Characters that XML 1.0 cannot carry (a control character read from a broken file)
    are written as ``\\xNN`` so that the report stays well-formed.
    """
    from xml.etree import ElementTree

    failing = sum(1 for r in reports if not r.passes(strict=strict))
    tests = str(len(reports) + len(skipped))
    counts = {"tests": tests, "failures": str(failing), "errors": "0", "skipped": str(len(skipped))}
    suites = ElementTree.Element("testsuites", {"name": "manifest", **counts})
    suite = ElementTree.SubElement(suites, "testsuite", {"name": "manifest validate", **counts})
    for report in reports:
        classname = report.format or words(lang).pgettext("format", "unknown")
        case = ElementTree.SubElement(suite, "testcase", classname=classname, name=_xml_text(report.path))
        findings = _xml_text("\n".join(diagnostic_line(report.path, d, lang) for d in report.diagnostics))
        if report.passes(strict=strict):
            if findings:
                ElementTree.SubElement(case, "system-out").text = findings
            continue
        worst = max(d.severity for d in report.diagnostics)
        failure = ElementTree.SubElement(case, "failure", type=str(worst), message=summary_line([report], lang))
        failure.text = findings
    for passed_over in skipped:
        unknown = words(lang).pgettext("format", "unknown")
        case = ElementTree.SubElement(suite, "testcase", classname=unknown, name=_xml_text(passed_over.path))
        ElementTree.SubElement(case, "skipped", message=_xml_text(skipped_reason(passed_over, lang)))
    ElementTree.indent(suites)
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


# XML 1.0 section 2.2 (Char): tab, LF, CR and everything from U+0020 except the surrogates, U+FFFE and U+FFFF. Written
# as the few characters left out rather than the ranges let in: the negated class of every plane took 8 ms to compile,
# on every start of the command line.
_NOT_XML_CHAR = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML_CHAR.sub(lambda match: f"\\x{ord(match.group()):02x}", text)
