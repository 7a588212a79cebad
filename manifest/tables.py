"""Registries shown as tables: aligned text for a terminal, or a JSON list for a program."""

from __future__ import annotations

import json
from collections.abc import Sequence

from manifest.diagnostics import Lang
from manifest.i18n import words


def render_table(rows: Sequence[dict[str, str]], output: str, lang: Lang = "en") -> str:
    """JSON keeps the column names as keys; text heads each column with its name in ``lang``, upper-cased."""
    if output == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"
    if not rows:
        return ""
    columns = list(rows[0])
    headings = {c: words(lang).pgettext("column", c).upper() for c in columns}
    widths = {c: max(len(headings[c]), *(len(row[c]) for row in rows)) for c in columns}
    lines = ["  ".join(headings[c].ljust(widths[c]) for c in columns).rstrip()]
    lines.extend("  ".join(row[c].ljust(widths[c]) for c in columns).rstrip() for row in rows)
    return "\n".join(lines) + "\n"
