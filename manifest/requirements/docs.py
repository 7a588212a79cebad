"""``docs/rules.md``, generated from the catalogue: ``python -m manifest.requirements.docs > docs/rules.md``.

A test compares the committed page with :func:`render`, so the documentation cannot drift from the rules.
"""

from __future__ import annotations

import inspect
import json
import sys
from itertools import groupby

from manifest.codelists import CODELISTS
from manifest.identifiers import IDENTIFIERS
from manifest.requirements.checks import COMPARISONS, KINDS, RECONCILE
from manifest.requirements.definitions import Rule, load_catalogue
from manifest.requirements.documents import DOCUMENT_OF_FORMAT, DOCUMENT_OF_MESSAGE, MOVEMENT
from manifest.requirements.profiles import AUTO_BY_FORMAT, DEFAULT_AUTO, PROFILES


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _check(rule: Rule) -> str:
    params = ", ".join(
        f"{key}={value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)}"
        for key, value in rule.params.items()
    )
    return f"{rule.kind}({params})" if params else rule.kind


def _summary(text: str | None) -> str:
    """The first paragraph of a docstring on one line, reStructuredText literals as Markdown code."""
    paragraph = inspect.cleandoc(text or "").split("\n\n")[0]
    return " ".join(paragraph.split()).replace("``", "`")


def render() -> str:
    rules = load_catalogue()
    lines = [
        "# Data requirements",
        "",
        "Generated from `manifest/requirements/catalogue/*.toml` by `python -m manifest.requirements.docs`; "
        "do not edit.",
        f"{len(rules)} rules. Each runs on the harmonized model, so it holds whatever format the manifest was read "
        "from, and each diagnostic points at the value's line and column in that file.",
        "",
        "## Profiles",
        "",
        "| profile | what | source |",
        "|---|---|---|",
    ]
    lines += [f"| `{p.name}` | {_cell(p.title)} | {_cell(p.source)} |" for p in PROFILES.values()]
    lines += [
        "",
        "`auto` picks a profile per manifest, and the report says which and why (`profile_reason` in JSON, a line "
        "per file in text). It first reads the receiver the file names: the X12 envelope (ISA08, GS03) or the CUSCAR "
        "UNB recipient (an id starting with CBP or USCS means `cbp`; VUCEM, SAT or ANAM means `sat`), or the "
        "Cargo-XML recipient address (VUCEM: `sat`; CBP or ACAS: `cbp`). Otherwise the manifest's ports and "
        "countries tell whose traffic it is (departure, arrival, stops, port of entry, each bill's places of "
        "receipt, loading, discharge and delivery, the countries of departure and arrival, the countries a bill's "
        "customs notes are for; a place without a "
        "country by its code: Schedule D is the US, an aduana Mexico, a UN/LOCODE begins with its country, an IATA "
        "airport is looked up): the US only gives `cbp`, Mexico only `sat`, both `harmonized` (or the one agency "
        "that takes the format: a CUSCAR goes to SAT, an X12 309 or Cargo-IMP to CBP), neither `none`. A manifest "
        f"that names no place goes by format (any other format: `{DEFAULT_AUTO}`):",
        "",
        "| format | profile | why |",
        "|---|---|---|",
    ]
    lines += [f"| `{c.format}` | `{c.profile}` | {_cell(c.reason)} |" for c in AUTO_BY_FORMAT.values()]
    lines += [
        "",
        "## Configuration",
        "",
        "A repository may pick the profile, turn rules off and change their severity in `.manifest.toml` (keys at "
        "top level) or in `[tool.manifest]` of `pyproject.toml`; the first found walking up from the checked file "
        "applies, and `.manifest.toml` wins in the same folder. An unknown key, rule code, profile or severity is an "
        "error (exit status 2).",
        "",
        "```toml",
        "[tool.manifest]",
        'profile = "cbp"',
        'disable = ["CBP-RAIL-025"]',
        "[tool.manifest.severity]",
        '"SAT-CP-009" = "warning"',
        "```",
    ]
    lines += [
        "",
        "## Documents",
        "",
        "A rule applies to the kinds of document listed in its *documents* column. A requirement to carry a datum "
        "concerns the documents filed with the agency that asks for it; a check of a value's form applies wherever "
        "the value appears. The harmonized model (`manifest-json`, `manifest-xml`) is checked against every rule.",
        "",
        "| format | document |",
        "|---|---|",
    ]
    lines += [f"| `{name}` | {kind} |" for name, kind in DOCUMENT_OF_FORMAT.items()]
    lines += [
        "",
        "Cargo-IMP and Cargo-XML files are classed by their message:",
        "",
        "| message | document |",
        "|---|---|",
    ]
    lines += [f"| {name} | {kind} |" for name, kind in DOCUMENT_OF_MESSAGE.items()]
    lines += [
        "",
        f"The rules of the documents `{MOVEMENT}` run on no single file: `manifest reconcile FILE...` checks the "
        "documents of one movement against each other.",
    ]
    lines += ["", "## Check kinds", "", "| kind | what it checks |", "|---|---|"]
    lines += [f"| `{name}` | {_cell(_summary(check.__doc__))} |" for name, check in KINDS.items()]
    lines.append(
        f"| `{RECONCILE}` | The documents of one movement compared with each other (`manifest.singlewindow`): "
        f"`compare` names what, one of {', '.join(f'`{c}`' for c in COMPARISONS)}. |"
    )
    lines += ["", "## Identifiers", "", "| identifier | what | source |", "|---|---|---|"]
    lines += [f"| `{i.name}` | {_cell(i.title)} | {_cell(i.source)} |" for i in IDENTIFIERS.values()]
    lines += [
        "",
        "## Code lists",
        "",
        "Provenance and caveats: `manifest/codelists/SOURCES.md`.",
        "",
        "| list | what | source |",
        "|---|---|---|",
    ]
    lines += [f"| `{c.name}` | {_cell(c.title)} | {_cell(c.source)} |" for c in CODELISTS.values()]
    lines += [
        "",
        "## Rules",
        "",
        "*Inferred* marks a rule whose source states it only in part; its note says what is inferred.",
    ]
    for catalogue, group in groupby(rules, key=lambda r: r.catalogue):
        lines += [
            "",
            f"### {catalogue}",
            "",
            "| code | severity | modes | profiles | documents | fields | check | message | source |",
            "|---|---|---|---|---|---|---|---|---|",
        ]
        for rule in group:
            notes = " ".join(part for part in ("*Inferred.*" if rule.inferred else "", rule.note) if part)
            source = rule.source + (f" — {notes}" if notes else "")
            fields = "<br>".join(f"`{_cell(f)}`" for f in rule.fields)
            lines.append(
                f"| {rule.code} | {rule.severity} | {', '.join(rule.modes)} | {', '.join(rule.profiles)} "
                f"| {', '.join(rule.documents)} | {fields} "
                f"| `{_cell(_check(rule))}` | {_cell(rule.message_en)} / {_cell(rule.message_es)} | {_cell(source)} |"
            )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
