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
NARROWEST_WRAPPED = 12


def render_table(
    rows: Sequence[dict[str, str]],
    output: str,
    lang: Lang = "en",
    *,
    width: int | None = None,
    wrap: Sequence[str] = (),
    paint: Paint | None = None,
) -> str:
    """JSON keeps the column names as keys; text heads each column with its name in ``lang``, upper-cased.

    With ``width`` (the terminal's), the columns ``wrap`` are wrapped so that a line fits in it."""
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
    wrap: Sequence[str] = (),
    paint: Paint | None = None,
) -> list[str]:
    """The lines of a text table: a heading line, then each row, its columns padded to the widest cell, two spaces
    apart. With ``width``, the columns ``wrap`` share what the others leave of it: each gets NARROWEST_WRAPPED (or
    its widest cell, if narrower), and the rest is shared in proportion to what each still lacks; a row whose cells
    are wrapped takes several lines."""
    columns = list(headings)
    widths = {c: max(len(headings[c]), *(len(row[c]) for row in rows)) for c in columns}
    wrapped = [c for c in wrap if c in widths]
    natural = sum(widths[c] for c in wrapped)
    if width is not None and wrapped and sum(widths.values()) + 2 * (len(columns) - 1) > width:
        left = width - sum(widths[c] + 2 for c in columns if c not in wrapped) - 2 * (len(wrapped) - 1)
        least = {c: min(widths[c], NARROWEST_WRAPPED) for c in wrapped}
        spare = max(0, left - sum(least.values()))
        extra = natural - sum(least.values())
        for c in wrapped:
            widths[c] = least[c] + (spare * (widths[c] - least[c]) // extra if extra else 0)

    def cell(column: str, value: str) -> str:
        padded = value.ljust(widths[column])
        return paint(column, value, padded) if paint is not None and value else padded

    lines = ["  ".join(headings[c].ljust(widths[c]) for c in columns).rstrip()]
    for row in rows:
        pieces = {c: [row[c]] for c in columns}
        for c in wrapped:
            if len(row[c]) > widths[c]:
                pieces[c] = textwrap.wrap(row[c], widths[c], break_on_hyphens=False) or [""]
        for index in range(max(len(p) for p in pieces.values())):
            shown = [cell(c, pieces[c][index] if index < len(pieces[c]) else "") for c in columns]
            lines.append("  ".join(shown).rstrip())
    return lines
