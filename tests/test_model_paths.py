"""Model paths have one spelling and one parser (``manifest.core.paths``): an extension entry is
``extensions[KEY]`` wherever it is written, ``extensions.KEY`` is read as the same entry, and the value that holds an
entry is the extensions map of its owner, not the manifest."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from manifest.core.document import SourceMap
from manifest.core.paths import (
    Attr,
    Index,
    Key,
    PathError,
    field_names,
    leading_index,
    lineage,
    normal,
    parent_path,
    parse,
)
from manifest.diagnostics import Position
from manifest.requirements.definitions import parse_catalogue
from manifest.rule_text import describe

PACKAGE = Path(__file__).resolve().parent.parent / "manifest"


@pytest.mark.parametrize(
    ("path", "parent"),
    [
        ("consignments[0].extensions.x12.M11.09", "consignments[0].extensions"),
        ("consignments[0].extensions[x12.M11.09]", "consignments[0].extensions"),
        ("consignments[2].extensions[cartaporte.Carro[2].Tipo]", "consignments[2].extensions"),
        ("extensions[x12.ISA.06]", "extensions"),
        ("consignments[0].extensions", "consignments[0]"),
        ("consignments[0]", "consignments"),
        ("consignments[*].parties[role=shipper]", "consignments[*].parties"),
        ("consignments", ""),
        ("", None),
    ],
)
def test_the_parent_of_a_path(path: str, parent: str | None) -> None:
    assert parent_path(path) == parent


def test_a_finding_on_an_extension_entry_is_located_at_what_holds_it() -> None:
    source = SourceMap({"": Position(1, 1, "ISA"), "consignments[0]": Position(7, 1, "M10")})
    for spelling in ("consignments[0].extensions.x12.M11.09", "consignments[0].extensions[x12.M11.09]"):
        assert source.locate(spelling) == Position(7, 1, "M10")


def test_both_spellings_of_an_extension_entry_are_one_path() -> None:
    dotted, bracketed = "consignments[1].extensions.x12.M11.09", "consignments[1].extensions[x12.M11.09]"
    assert parse(dotted) == parse(bracketed) == (Attr("consignments"), Index(1), Attr("extensions"), Key("x12.M11.09"))
    assert normal(dotted) == normal(bracketed) == bracketed
    assert field_names(bracketed) == ["consignments", "extensions"]
    assert leading_index("manifests[3]." + bracketed, "manifests") == (3, bracketed)


@pytest.mark.parametrize("text", ["consignments[0].extensions.", "consignments[0].extensions[]", "extensions[a"])
def test_an_extension_entry_without_a_key_is_no_path(text: str) -> None:
    with pytest.raises(PathError):
        parse(text)


def test_the_catalogue_may_write_an_extension_entry_either_way_and_is_read_in_one() -> None:
    (rule,) = parse_catalogue(
        '[[rule]]\ncode = "X-1"\nseverity = "error"\nmodes = ["rail"]\nprofiles = ["cbp"]\n'
        'fields = "consignments[*].extensions.x12.M11.09"\nkind = "required"\nmessage_en = "a"\nmessage_es = "b"\n'
        'source = "s"\n[[rule.fail]]\nunset = ["consignments[0].extensions.x12.M11.09"]\n'
        '[[rule.pass]]\nset = { "consignments[0].extensions.x12.M11.09" = "23" }\n',
        "cat.toml",
    )
    assert rule.fields == ("consignments[*].extensions[x12.M11.09]",)
    assert rule.fails[0].unset == ("consignments[0].extensions[x12.M11.09]",)
    assert list(rule.passes[0].set) == ["consignments[0].extensions[x12.M11.09]"]


def test_a_rule_on_an_extension_entry_is_described_by_its_key() -> None:
    assert describe("consignments[*].extensions[x12.M11.09]") == describe("consignments[*].extensions.x12.M11.09")
    assert "x12.M11.09" in describe("consignments[*].extensions[x12.M11.09]")


# --- no module reads model paths with a pattern of its own ---------------------------------------------------------

# A pattern that reads model paths names a field of the model's top (a list of consignments, manifests, an extensions
# map) or takes a bracketed step apart whatever stands in it (``\[[^\]]*\]``).
_MODEL_NAMES = re.compile(r"\b(?:consignments|manifests|extensions|goods|parties|equipment)\b")
_ANY_BRACKETED = re.compile(r"\\\[\(?(?:\?P<\w+>|\?:)?\[\^")
_RE_FUNCTIONS = frozenset({"compile", "match", "fullmatch", "search", "sub", "subn", "split", "findall", "finditer"})


def reads_model_paths(pattern: str) -> bool:
    return bool(_MODEL_NAMES.search(pattern) or _ANY_BRACKETED.search(pattern))


def _patterns(tree: ast.AST) -> list[str]:
    """The text of every regular expression ``tree`` gives the ``re`` module (the literal parts of a built one)."""
    found: list[str] = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.args):
            continue
        if not (isinstance(node.func.value, ast.Name) and node.func.value.id == "re"):
            continue
        if node.func.attr in _RE_FUNCTIONS:
            first = node.args[0]
            found.append(
                "".join(n.value for n in ast.walk(first) if isinstance(n, ast.Constant) and isinstance(n.value, str))
            )
    return found


def _own_patterns() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for module in sorted(PACKAGE.rglob("*.py")):
        name = module.relative_to(PACKAGE).as_posix()
        if name == "core/paths.py":
            continue
        hits = [p for p in _patterns(ast.parse(module.read_text(encoding="utf-8"))) if reads_model_paths(p)]
        if hits:
            found[name] = hits
    return found


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[^\[\]]*\])$",
        r"(?:^|\.)extensions(\[.*\])$",
        r"^manifests\[(\d+)\]\.",
        r"^extensions\[(.+)\]$",
        r"\[[^\]]*\]",
        r"\[[^]]*\]",
        r"consignments\[[0-9]+\]",
        r"(?P<name>\w+)(?:\[(?P<selector>[^\]]*)\])?",
    ],
)
def test_the_patterns_that_read_model_paths_are_told(pattern: str) -> None:
    assert reads_model_paths(pattern)
    assert _patterns(ast.parse(f"import re\nX = re.compile({pattern!r})\n")) == [pattern]


def test_no_module_but_the_core_reads_model_paths_with_a_pattern_of_its_own() -> None:
    found = _own_patterns()
    assert not found, found


@pytest.mark.parametrize(
    "path",
    [
        "consignments[2].goods[0].extensions.x12.N10.layout",
        "consignments[2].extensions[cartaporte.Carro[2].Tipo]",
        "parties[role=shipper].name",
        "x.extensions[k] (key)",
        "trip_number",
        "",
    ],
)
def test_the_lineage_of_a_path_is_its_parents_one_after_the_other(path: str) -> None:
    expected: list[str] = []
    current: str | None = path
    while current is not None:
        expected.append(current)
        current = parent_path(current)
    assert list(lineage(path)) == expected
