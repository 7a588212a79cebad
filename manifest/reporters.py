"""Reporters: pure functions from validation results to the text a user or a machine reads.

Each takes the file reports and the language and returns one string; the CLI only prints it. The JSON shape is the
contract in DESIGN.md: fields without a value are null, never absent.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from string import Template
from typing import Protocol

from manifest.api import FileReport
from manifest.diagnostics import Diagnostic, Lang, Severity

_HEADINGS = {
    "en": {"summary": "$files file(s) checked: $errors error(s), $warnings warning(s)"},
    "es": {"summary": "$files archivo(s) revisado(s): $errors error(es), $warnings advertencia(s)"},
}
_SEVERITY_WORDS = {
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
    "es": {Severity.ERROR: "error", Severity.WARNING: "advertencia", Severity.INFO: "aviso"},
}


def summary(reports: Sequence[FileReport]) -> dict[str, int]:
    return {
        "files": len(reports),
        "errors": sum(r.count(Severity.ERROR) for r in reports),
        "warnings": sum(r.count(Severity.WARNING) for r in reports),
    }


def diagnostic_line(path: str, diagnostic: Diagnostic, lang: Lang) -> str:
    where = ":".join(str(n) for n in (path, diagnostic.line, diagnostic.column) if n is not None)
    severity = _SEVERITY_WORDS[lang][diagnostic.severity]
    line = f"{where}: {severity} {diagnostic.code} {diagnostic.message(lang)}"
    details = [part for part in (diagnostic.location, diagnostic.field) if part]
    if details:
        line += f" [{' | '.join(details)}]"
    return line


def text(reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False) -> str:
    """``path:line:column: severity CODE message [location | field]``, one line per finding, then a summary."""
    lines = [diagnostic_line(r.path, d, lang) for r in reports for d in r.diagnostics]
    lines.append(Template(_HEADINGS[lang]["summary"]).substitute(summary(reports)))
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


class Reporter(Protocol):
    def __call__(self, reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False) -> str: ...


REPORTERS: dict[str, Reporter] = {
    "text": text,
    "json": as_json,
}
