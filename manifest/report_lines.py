"""The pieces every report of findings is built from: a finding's line as people read it, the place of a related
finding, the line saying which profile a file was checked against, and a finding as a JSON object.

A finding's text (message, address, field, value) is shown with any lone surrogate as its ``\\uXXXX`` escape: no
reader lets one into the model, but a program may build a finding with one, and it could not be encoded for output.
"""

from __future__ import annotations

from collections.abc import Callable

from manifest.api import FileReport
from manifest.diagnostics import Diagnostic, Lang, Related, shown_surrogates
from manifest.i18n import words
from manifest.report_summary import severity_word

PROFILE_LINE = "{path}: profile {profile}: {reason}"


# Colour for a part of a finding's line, given by the command line: (kind, text) -> text. The kinds are the
# severity names ("error", "warning", "info"), "code" and "location" (where it stands: path, line, column).
Highlight = Callable[[str, str], str]


def plain(_kind: str, text: str) -> str:
    """The Highlight that colours nothing."""
    return text


def diagnostic_line(path: str, diagnostic: Diagnostic, lang: Lang, *, paint: Highlight = plain) -> str:
    where = ":".join(str(n) for n in (path, diagnostic.line, diagnostic.column) if n is not None)
    severity = paint(str(diagnostic.severity), severity_word(diagnostic.severity, lang))
    code = paint("code", diagnostic.code)
    line = f"{paint('location', where)}: {severity} {code} {shown_surrogates(diagnostic.message(lang))}"
    if diagnostic.also:
        line += f" ({words(lang).pgettext('report', 'also')}: {', '.join(diagnostic.also)})"
    details = [shown_surrogates(part) for part in (diagnostic.location, diagnostic.field) if part]
    if details:
        line += f" [{paint('location', ' | '.join(details))}]"
    for related in diagnostic.related:
        line += f"; {words(lang).pgettext('report', 'and')} {related_place(related)}"
    return line


def related_place(related: Related) -> str:
    """``path:line:column [location | field]``: the other place a finding concerns, written as its own place is."""
    where = ":".join(str(n) for n in (related.path, related.line, related.column) if n is not None)
    details = [shown_surrogates(part) for part in (related.location, related.field) if part]
    return f"{where} [{' | '.join(details)}]" if details else where


def profile_line(report: FileReport, lang: Lang) -> str | None:
    """``path: profile NAME: why``, when requirements were checked."""
    if report.profile is None or report.profile_reason is None:
        return None
    reason = report.profile_reason.said(lang)
    return words(lang).gettext(PROFILE_LINE).format(path=report.path, profile=report.profile, reason=reason)


def diagnostic_to_json(diagnostic: Diagnostic, lang: Lang) -> dict[str, object]:
    return {
        "code": diagnostic.code,
        "severity": str(diagnostic.severity),
        "message": shown_surrogates(diagnostic.message(lang)),
        "line": diagnostic.line,
        "column": diagnostic.column,
        "location": shown(diagnostic.location),
        "field": shown(diagnostic.field),
        "value": shown(diagnostic.value),
        "source": diagnostic.source,
        "also": list(diagnostic.also),
        "related": [related_to_json(related) for related in diagnostic.related],
    }


def related_to_json(related: Related) -> dict[str, object]:
    return {
        "path": related.path,
        "line": related.line,
        "column": related.column,
        "location": shown(related.location),
        "field": shown(related.field),
    }


def shown(text: str | None) -> str | None:
    """``text`` with its lone surrogates escaped; None stays None (a JSON null)."""
    return None if text is None else shown_surrogates(text)
