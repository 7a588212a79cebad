"""Registries shown as tables: aligned text for a terminal, or a JSON list for a program."""

from __future__ import annotations

import json
from collections.abc import Sequence


def render_table(rows: Sequence[dict[str, str]], output: str) -> str:
    if output == "json":
        return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"
    if not rows:
        return ""
    columns = list(rows[0])
    widths = {c: max(len(c), *(len(row[c]) for row in rows)) for c in columns}
    lines = ["  ".join(c.upper().ljust(widths[c]) for c in columns).rstrip()]
    lines.extend("  ".join(row[c].ljust(widths[c]) for c in columns).rstrip() for row in rows)
    return "\n".join(lines) + "\n"
