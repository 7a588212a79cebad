"""How a model path is spelled: the path of a field, of an extension entry, and of the value that holds another.

Readers record positions under these paths, writers name their losses by them, and the requirements engine locates
a finding by walking up from its path to the nearest recorded value.
"""

from __future__ import annotations

import re

# A field name or a list index, or a selector (``parties[role=shipper]``).
_LAST_STEP = re.compile(r"(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[^\[\]]*\])$")
# An entry of an extensions map, whose key may hold dots and brackets (``extensions[cartaporte.Carro[2].Tipo]``).
_EXTENSION_ENTRY = re.compile(r"(?:^|\.)extensions(\[.*\])$")


def parent_path(path: str) -> str | None:
    """``consignments[2].extensions[x12.M11.09]`` -> ``consignments[2].extensions`` -> ``consignments[2]`` ->
    ``consignments`` -> ``""`` -> None."""
    if not path:
        return None
    entry = _EXTENSION_ENTRY.search(path)
    if entry is not None:
        return path[: entry.start(1)]
    match = _LAST_STEP.search(path)
    if match is None:
        return ""
    return path[: match.start()]


def join_path(prefix: str, name: str) -> str:
    """The path of field ``name`` of the object at ``prefix`` (the manifest itself when ``prefix`` is empty)."""
    return f"{prefix}.{name}" if prefix else name


def entry_path(path: str, key: object) -> str:
    """The path of one entry of an ``extensions`` map. A key with characters one cannot see or type (a control
    character) is shown as its Python literal, so that the report says which key it is."""
    shown = key if isinstance(key, str) and key.isprintable() else repr(key)
    return f"{path}[{shown}]"
