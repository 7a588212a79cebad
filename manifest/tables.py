"""Registries shown as tables: aligned text for a terminal, or a JSON list for a program."""

from __future__ import annotations

import json
import textwrap
from collections.abc import Callable, Mapping, Sequence

from manifest.diagnostics import Lang
from manifest.i18n import words

# Colour for a cell, given by the command line (the library itself never colours): (column, value, padded text).
Paint = Callable[[str, str, str], str]
# The narrowest a wrapped column is made, however narrow the terminal: a word or two per line still reads.
NARROWEST_WRAPPED = 24


def render_table(
    rows: Sequence[dict[str, str]],
    output: str,
    lang: Lang = "en",
    *,
    width: int | None = None,
    wrap: str | None = None,
    paint: Paint | None = None,
) -> str:
    """JSON keeps the column names as keys; text heads each column with its name in ``lang``, upper-cased.

    With ``width`` (the terminal's), the column ``wrap`` is wrapped so that a line fits in it."""
    if output == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"
    if not rows:
        return ""
    columns = list(rows[0])
    headings = {c: words(lang).pgettext("column", c).upper() for c in columns}
    return "\n".join(aligned(rows, headings, width=width, wrap=wrap, paint=paint)) + "\n"


def aligned(
    rows: Sequence[Mapping[str, str]],
    headings: Mapping[str, str],
    *,
    width: int | None = None,
    wrap: str | None = None,
    paint: Paint | None = None,
) -> list[str]:
    """The lines of a text table: a heading line, then each row, its columns padded to the widest cell, two spaces
    apart. A row whose ``wrap`` cell is wrapped takes several lines, the other cells on its first."""
    columns = list(headings)
    widths = {c: max(len(headings[c]), *(len(row[c]) for row in rows)) for c in columns}
    if width is not None and wrap in widths:
        others = sum(widths[c] + 2 for c in columns if c != wrap)
        widths[wrap] = max(NARROWEST_WRAPPED, min(widths[wrap], width - others))

    def cell(column: str, value: str) -> str:
        padded = value.ljust(widths[column])
        return paint(column, value, padded) if paint is not None and value else padded

    lines = ["  ".join(headings[c].ljust(widths[c]) for c in columns).rstrip()]
    for row in rows:
        pieces = {c: [row[c]] for c in columns}
        if wrap in pieces and len(row[wrap]) > widths[wrap]:
            pieces[wrap] = textwrap.wrap(row[wrap], widths[wrap], break_on_hyphens=False) or [""]
        for index in range(max(len(p) for p in pieces.values())):
            shown = [cell(c, pieces[c][index] if index < len(pieces[c]) else "") for c in columns]
            lines.append("  ".join(shown).rstrip())
    return lines
