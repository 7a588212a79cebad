"""The reports of ``validate`` for people and for programs: the text (each file's profile and findings, the table
of files, the summary line) and the JSON whose shape DESIGN.md fixes (fields without a value are null, never
absent). Headings and severity words come from the catalogue of :mod:`manifest.i18n`; keys, codes and the severity
names of the JSON stay as they are.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from manifest.api import FileReport
from manifest.checkfile import Skipped
from manifest.diagnostics import Lang
from manifest.i18n import words
from manifest.report_lines import Highlight, diagnostic_line, diagnostic_to_json, plain, profile_line
from manifest.report_summary import SUMMARY_COLUMNS, skipped_reason, summary, summary_line, summary_rows
from manifest.tables import Paint, aligned


def text(
    reports: Sequence[FileReport],
    lang: Lang = "en",
    *,
    strict: bool = False,
    skipped: Sequence[Skipped] = (),
    paint: Highlight = plain,
) -> str:
    """For each file, the profile it was checked against and why, then ``path:line:column: severity CODE message
    [location | field]``, one line per finding; for more than one file (or one and a file passed over) a table of
    every file and its result, the files passed over with the reason; then a summary. ``paint`` colours the parts
    of a line (see Highlight); by default nothing is coloured."""
    lines: list[str] = []
    for report in reports:
        chosen = profile_line(report, lang)
        lines += [chosen] if chosen is not None else []
        lines += [diagnostic_line(report.path, d, lang, paint=paint) for d in report.diagnostics]
    if len(reports) + len(skipped) > 1:
        lines += ["", *summary_table(reports, lang, strict=strict, skipped=skipped, paint=paint), ""]
    lines.append(summary_line(reports, lang))
    return "\n".join(lines) + "\n"


def summary_table(
    reports: Sequence[FileReport],
    lang: Lang,
    *,
    strict: bool = False,
    skipped: Sequence[Skipped] = (),
    paint: Highlight = plain,
) -> list[str]:
    """The lines of the table of :func:`summary_rows`, headed in ``lang``; the result is painted as ``passed``,
    ``failed`` or ``skipped``."""
    rows = summary_rows(reports, lang, strict=strict, skipped=skipped)
    catalogue = words(lang)
    results = {catalogue.pgettext("result", word): word for word in ("passed", "failed", "skipped")}

    def painted(column: str, value: str, padded: str) -> str:
        if column != "result":
            return padded
        return paint(results.get(value, value), value) + padded[len(value) :]

    headings = {c: catalogue.pgettext("column", c).upper() for c in SUMMARY_COLUMNS}
    table_paint: Paint | None = None if paint is plain else painted
    return aligned(rows, headings, paint=table_paint)


def as_json(
    reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False, skipped: Sequence[Skipped] = ()
) -> str:
    files = [
        {
            "path": r.path,
            "format": r.format,
            "mode": r.modes[0].value if r.modes else None,
            "profile": r.profile,
            "profile_reason": r.profile_reason.said(lang) if r.profile_reason is not None else None,
            "valid": r.passes(strict=strict),
            "diagnostics": [diagnostic_to_json(d, lang) for d in r.diagnostics],
        }
        for r in reports
    ]
    passed_over = [{"path": s.path, "reason": skipped_reason(s, lang)} for s in skipped]
    shape = {"files": files, "skipped": passed_over, "summary": summary(reports)}
    return json.dumps(shape, ensure_ascii=False, indent=2) + "\n"
