"""Values that XML 1.0 cannot carry, taken out of the model before an XML writer builds its tree.

XML 1.0 section 2.2 (production Char) admits tab, line feed, carriage return and the characters from U+0020 on,
less the surrogates, U+FFFE and U+FFFF; a character reference must match Char too (section 4.1, "Well-formedness
constraint: Legal Character"), so there is no escape for a bell or a NUL. A model read from a broken file (MF007)
or built by a program can hold one: the XML writers write the value without it and list the value as a loss,
instead of failing in the middle of the tree.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping, Sequence
from typing import Any, TypeVar

from manifest.diagnostics import Diagnostic, Severity, define
from manifest.formats.readback import entry_path
from manifest.model import Manifest

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

NOT_XML_CHARACTERS = define(
    "XML009",
    Severity.WARNING,
    "$field ('$value') has characters XML 1.0 cannot carry ($chars); '$written' is written",
    "$field ('$value') tiene caracteres que XML 1.0 no puede llevar ($chars); se escribe '$written'",
    "W3C XML 1.0 section 2.2 (Char) and section 4.1 (well-formedness constraint: Legal Character)",
)

T = TypeVar("T")


def xml_ready(manifests: Sequence[Manifest]) -> tuple[tuple[Manifest, ...], list[Diagnostic]]:
    """The manifests with every text XML 1.0 cannot carry cleaned of those characters, and a loss for each text.
    Paths are those of the other writers' losses (from the manifest), prefixed with ``manifests[i].`` past the first
    manifest."""
    losses: list[Diagnostic] = []
    cleaned = tuple(
        _clean(manifest, f"manifests[{index}]." if index else "", losses) for index, manifest in enumerate(manifests)
    )
    return cleaned, losses


def _clean(value: T, path: str, losses: list[Diagnostic]) -> T:
    if isinstance(value, str):
        return _clean_text(value, path, losses)  # type: ignore[return-value]
    if isinstance(value, tuple):
        items = tuple(_clean(item, f"{path}[{index}]", losses) for index, item in enumerate(value))
        return items if any(new is not old for new, old in zip(items, value, strict=True)) else value  # type: ignore[return-value]
    if isinstance(value, Mapping):
        entries: dict[Any, Any] = {}
        changed = False
        for key, item in value.items():
            new_key = _clean_text(key, entry_path(path, key) + " (key)", losses) if isinstance(key, str) else key
            new_item = _clean(item, entry_path(path, key), losses)
            changed = changed or new_key is not key or new_item is not item
            entries[new_key] = new_item
        return type(value)(entries) if changed else value  # type: ignore[call-arg]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes: dict[str, Any] = {}
        for spec in dataclasses.fields(value):
            old = getattr(value, spec.name)
            new = _clean(old, f"{path}.{spec.name}" if path else spec.name, losses)
            if new is not old:
                changes[spec.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


def _clean_text(text: str, path: str, losses: list[Diagnostic]) -> str:
    if _NOT_XML.search(text) is None:
        return text
    written = _NOT_XML.sub("", text)
    shown = _NOT_XML.sub(lambda match: f"\\x{ord(match.group()):02x}", text)
    chars = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in _NOT_XML.findall(text)))
    losses.append(NOT_XML_CHARACTERS(field=path, value=shown, written=written, chars=chars))
    return written
