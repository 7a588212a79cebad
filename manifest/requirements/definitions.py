"""The requirements catalogue: rules as data, read from the TOML files in ``catalogue/`` beside this module.

One file per agency and mode (``cbp_rail.toml``, ``sat_common.toml``, ``harmonized.toml`` ...). A file may give
``[defaults]`` (``modes``, ``profiles``, ``severity``, ``documents``) that its ``[[rule]]`` tables inherit. A rule's
``documents`` says which kinds of document it applies to: a requirement to carry a datum concerns only the documents
filed with the agency that asks for it (CBP receives no CFDI, and the X12 358 consist names bills filed earlier),
while a check of a value's form applies wherever the value appears. Every rule is checked when the
catalogue loads: a unique code, a known severity, mode, profile and check kind with the parameters it needs, paths
that parse, wording in English and Spanish, a source, and at least one failing example. Its wording is registered
with :func:`manifest.diagnostics.define`, so that a diagnostic carrying the rule code renders in either language.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import field
from functools import cache
from pathlib import Path as FilePath
from types import MappingProxyType
from typing import Any

from manifest.compiled import compiled, file_state
from manifest.core import paths as core_paths
from manifest.core.paths import PathError, normal
from manifest.diagnostics import Severity, define
from manifest.model import Mode
from manifest.packaged import packaged
from manifest.requirements import checks
from manifest.requirements.checks import RECONCILE, ParamError, parsed, validate_params
from manifest.requirements.documents import DOCUMENTS, MOVEMENT
from manifest.requirements.paths import Path
from manifest.slotted import record

PROFILE_NAMES = ("cbp", "sat", "harmonized", "none")


_RULE_KEYS = frozenset(
    {
        "code",
        "severity",
        "modes",
        "profiles",
        "fields",
        "kind",
        "params",
        "message_en",
        "message_es",
        "source",
        "note",
        "inferred",
        "documents",
        "pass",
        "fail",
    }
)
_EXAMPLE_KEYS = frozenset({"set", "unset", "mode", "note"})


class CatalogueError(ValueError):
    """A rule in the bundled catalogue is malformed; raised when the catalogue is loaded."""


@record
class Example:
    """A change to the valid model of ``mode``: ``set`` gives field values (objects as tables), ``unset`` removes
    fields. A passing example keeps the rule silent; a failing one makes it fire."""

    set: Mapping[str, object] = field(default_factory=dict)
    unset: tuple[str, ...] = ()
    mode: Mode | None = None
    note: str = ""


@record
class Rule:
    code: str
    severity: Severity
    modes: tuple[Mode, ...]
    profiles: tuple[str, ...]
    fields: tuple[str, ...]
    kind: str
    params: Mapping[str, object]
    message_en: str
    message_es: str
    source: str
    note: str = ""
    inferred: bool = False
    passes: tuple[Example, ...] = ()
    fails: tuple[Example, ...] = ()
    documents: tuple[str, ...] = DOCUMENTS  # the kinds of document it applies to
    catalogue: str = ""  # the file the rule comes from

    @property
    def paths(self) -> tuple[Path, ...]:
        return _parsed_fields(self.fields)


@cache
def _parsed_fields(fields: tuple[str, ...]) -> tuple[Path, ...]:
    # Parsed once: every manifest of a batch asks each of its rules for their paths.
    return tuple(parsed(text) for text in fields)


def _strings(value: object, what: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise CatalogueError(f"{what} must be a string or a list of strings")
    return tuple(value)


def _example(raw: object, where: str) -> dict[str, object]:
    """An example checked, in the plain form the catalogue is kept in (see :func:`_built`)."""
    if not isinstance(raw, dict):
        raise CatalogueError(f"{where}: an example must be a table")
    unknown = set(raw) - _EXAMPLE_KEYS
    if unknown:
        raise CatalogueError(f"{where}: unknown example keys {sorted(unknown)}")
    values = raw.get("set", {})
    if not isinstance(values, dict):
        raise CatalogueError(f"{where}: 'set' must be a table of field paths")
    try:  # in the one spelling of paths, whichever the catalogue wrote (``extensions.KEY`` or ``extensions[KEY]``)
        chosen = {normal(path): value for path, value in values.items()}
        unset = [normal(path) for path in _strings(raw.get("unset", []), f"{where} unset")]
        mode = raw.get("mode")
        if isinstance(mode, str):
            Mode(mode)
    except (ValueError, PathError) as error:
        raise CatalogueError(f"{where}: {error}") from None
    return {
        "set": chosen,
        "unset": unset,
        "mode": mode if isinstance(mode, str) else None,
        "note": str(raw.get("note", "")),
    }


def _checked(raw: Mapping[str, object], defaults: Mapping[str, object], catalogue: str) -> dict[str, Any]:
    """A rule checked, in a plain form (strings, numbers, lists and dicts, paths in their one spelling): the form the
    catalogue is kept in between starts, since checking it took longer than checking a small file."""
    code = raw.get("code")
    where = f"{catalogue}: rule {code!r}"
    if not isinstance(code, str) or not code:
        raise CatalogueError(f"{catalogue}: a rule without a code")
    unknown = set(raw) - _RULE_KEYS
    if unknown:
        raise CatalogueError(f"{where}: unknown keys {sorted(unknown)}")
    merged = {**defaults, **raw}
    for key in ("severity", "fields", "kind", "message_en", "message_es", "source", "modes", "profiles"):
        if not merged.get(key):
            raise CatalogueError(f"{where}: '{key}' is required and may not be empty")
    try:
        severity = Severity.parse(str(merged["severity"]))
        modes = [Mode(m).value for m in _strings(merged["modes"], f"{where} modes")]
        fields = [normal(text) for text in _strings(merged["fields"], f"{where} fields")]
        params = merged.get("params", {})
        if not isinstance(params, dict):
            raise CatalogueError(f"{where}: 'params' must be a table")
        validate_params(str(merged["kind"]), params)
    except (ValueError, PathError, ParamError) as error:
        raise CatalogueError(f"{where}: {error}") from None
    profiles = _strings(merged["profiles"], f"{where} profiles")
    if not set(profiles) <= set(PROFILE_NAMES):
        raise CatalogueError(f"{where}: profiles must be among {', '.join(PROFILE_NAMES)}")
    documents = _strings(merged.get("documents", list(DOCUMENTS)), f"{where} documents")
    if not documents or not set(documents) <= set(DOCUMENTS):
        raise CatalogueError(f"{where}: documents must be among {', '.join(DOCUMENTS)}")
    if (merged["kind"] == RECONCILE) != (documents == (MOVEMENT,)):
        # A comparison of documents runs on a movement and on nothing else; a movement is checked by comparisons.
        raise CatalogueError(f"{where}: a '{RECONCILE}' rule applies to the documents '{MOVEMENT}', and only it does")
    passes = [_example(e, f"{where} pass") for e in _list(raw.get("pass", []))]
    fails = [_example(e, f"{where} fail") for e in _list(raw.get("fail", []))]
    if not fails:
        raise CatalogueError(f"{where}: every rule needs at least one failing example")
    return {
        "code": code,
        "severity": severity.value,
        "modes": modes,
        "profiles": list(profiles),
        "fields": fields,
        "kind": str(merged["kind"]),
        "params": dict(params),
        "message_en": str(merged["message_en"]),
        "message_es": str(merged["message_es"]),
        "source": str(merged["source"]),
        "note": str(merged.get("note", "")),
        "inferred": bool(merged.get("inferred", False)),
        "documents": list(documents),
        "passes": passes,
        "fails": fails,
        "catalogue": catalogue,
    }


def _built(plain: Mapping[str, Any]) -> Rule:
    """The rule of a checked plain form (see :func:`_checked`)."""
    return Rule(
        code=plain["code"],
        severity=Severity(plain["severity"]),
        modes=tuple(Mode(mode) for mode in plain["modes"]),
        profiles=tuple(plain["profiles"]),
        fields=tuple(plain["fields"]),
        kind=plain["kind"],
        params=MappingProxyType(plain["params"]),
        message_en=plain["message_en"],
        message_es=plain["message_es"],
        source=plain["source"],
        note=plain["note"],
        inferred=plain["inferred"],
        documents=tuple(plain["documents"]),
        passes=tuple(_built_example(example) for example in plain["passes"]),
        fails=tuple(_built_example(example) for example in plain["fails"]),
        catalogue=plain["catalogue"],
    )


def _built_example(plain: Mapping[str, Any]) -> Example:
    mode = plain["mode"]
    return Example(
        set=MappingProxyType(plain["set"]),
        unset=tuple(plain["unset"]),
        mode=None if mode is None else Mode(mode),
        note=plain["note"],
    )


def _list(value: object) -> list[object]:
    if not isinstance(value, list):
        raise CatalogueError("examples must be arrays of tables ([[rule.pass]], [[rule.fail]])")
    return value


def parse_catalogue(text: str, name: str) -> tuple[Rule, ...]:
    """The rules of one catalogue file."""
    return catalogue_rules(_toml(text, name), name)


def _toml(text: str, name: str) -> dict[str, Any]:
    import tomllib  # here, not at the top: the catalogue is read parsed from the user's cache on most starts

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise CatalogueError(f"{name}: {error}") from None


def catalogue_rules(data: Mapping[str, Any], name: str) -> tuple[Rule, ...]:
    """The rules of one catalogue file, parsed from TOML."""
    return tuple(_built(plain) for plain in _checked_file(data, name))


def _checked_file(data: Mapping[str, Any], name: str) -> list[dict[str, Any]]:
    unknown = set(data) - {"defaults", "rule"}
    if unknown:
        raise CatalogueError(f"{name}: unknown top-level keys {sorted(unknown)}")
    defaults = data.get("defaults", {})
    if not isinstance(defaults, dict) or not set(defaults) <= {"modes", "profiles", "severity", "documents"}:
        raise CatalogueError(f"{name}: [defaults] may give modes, profiles, severity and documents only")
    return [_checked(raw, defaults, name) for raw in data.get("rule", [])]


@cache
def load_catalogue() -> tuple[Rule, ...]:
    """Every rule of the bundled catalogue, in file order (files sorted by name), each code defined once."""
    folder = packaged("requirements", "catalogue")
    files = sorted((e for e in folder.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name)
    names = [entry.name for entry in files]
    texts = [entry.read_bytes() for entry in files]
    # The TOML parsed and checked once and kept in the user's cache (see manifest.compiled): parsing it took longer
    # than checking a small file, and checking its rules (their paths, patterns and examples) about as long again.
    # The form is named by the TOML's bytes and by the modules that check it and spell its paths.
    checkers = [file_state(FilePath(module.__file__ or "")) for module in (sys.modules[__name__], checks, core_paths)]
    checked_files = compiled(
        "catalogue",
        [*texts, *checkers],
        lambda: [
            _checked_file(_toml(text.decode("utf-8"), name), name) for text, name in zip(texts, names, strict=True)
        ],
    )
    loaded = [_built(plain) for checked in checked_files for plain in checked]
    seen: set[str] = set()
    for rule in loaded:
        if rule.code in seen:
            raise CatalogueError(f"rule code {rule.code} is defined twice")
        seen.add(rule.code)
        define(rule.code, rule.severity, rule.message_en, rule.message_es, rule.source)
    return tuple(loaded)
