"""The tables of ``manifest formats`` and ``manifest rules``, in the language of the run."""

from __future__ import annotations

import os
import sys

from manifest.cli_click import language, said
from manifest.i18n import words


def formats_table(output: str) -> str:
    """The formats this tool reads and writes, and whether this installation reads and writes each."""
    from manifest.formats import FORMATS
    from manifest.tables import render_table

    def able(format_name: str, verb: str) -> str:
        can = callable(getattr(FORMATS[format_name].load(), verb, None))
        return ("yes" if can else "no") if output == "json" else said("yes" if can else "no", "answer")

    rows = [
        {
            "name": f.name,
            "title": said(f.title),
            "read": able(f.name, "read"),
            "write": able(f.name, "write"),
            "agency use": said(f.agency_use),
        }
        for f in FORMATS.values()
    ]
    return render_table(rows, output, language())


def rules_table(profile: str | None, mode: str | None, output: str) -> str:
    """The catalogue of data requirements, with the source of each rule: of one profile, of one mode."""
    import shutil

    from manifest.model import Mode
    from manifest.requirements import rules as catalogue
    from manifest.rule_text import readable
    from manifest.tables import aligned, render_table

    # JSON keeps the severity and mode names a program matches on; text shows them in the language of the run.
    def named(value: str, kind: str) -> str:
        return value if output == "json" else said(value, kind)

    rows = [
        {
            "code": rule.code,
            "severity": named(str(rule.severity), "severity"),
            "modes": ", ".join(named(m.value, "mode") for m in rule.modes),
            "profiles": ", ".join(rule.profiles),
            "message": readable(rule.message_es if language() == "es" else rule.message_en, rule.fields, language()),
            "source": rule.source,
        }
        for rule in catalogue(profile, Mode(mode) if mode else None)
    ]
    if output == "text" and not rows:
        # The headings all the same, and a line that says there is nothing under them.
        columns = ("code", "severity", "modes", "profiles", "message", "source")
        headings = {c: words(language()).pgettext("column", c).upper() for c in columns}
        return "\n".join([*aligned([dict.fromkeys(columns, "")], headings)[:1], said("no rules")]) + "\n"
    # On a terminal (or with COLUMNS set) the table fits its width, the long columns wrapped; piped, lines stay
    # whole, one rule a line.
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() or os.environ.get("COLUMNS") else None
    return render_table(rows, output, language(), width=width, wrap=("modes", "profiles", "message", "source"))
