"""What a written message leaves behind: the model fields that reading the message back does not give again.

Comparing the model with the model read back from what was written finds every value the message cannot carry,
whatever its origin (a field of another format's extensions, a second shipper, a UN number), with no list of
exceptions to keep in step with the writers. Equal parts are skipped whole, so a long flight costs little.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from manifest.diagnostics import Diagnostic
from manifest.formats.cargo_imp.codes import NOT_CARRIED
from manifest.model import Consignment, Manifest

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(spec.name for spec in dataclasses.fields(cls))
    return names


def _empty(value: object) -> bool:
    return value is None or value == () or value == {}


def differences(original: object, kept: object, path: str = "") -> list[str]:
    """Paths of the values of ``original`` that ``kept`` lacks or changed; a value gone whole is one path."""
    if original == kept or _empty(original):
        return []
    if _empty(kept):
        return [path]
    if hasattr(original, "__dataclass_fields__") and type(original) is type(kept):
        found: list[str] = []
        for name in _field_names(type(original)):
            found.extend(differences(getattr(original, name), getattr(kept, name), f"{path}.{name}" if path else name))
        return found
    if isinstance(original, tuple) and isinstance(kept, tuple):
        found = []
        for index, item in enumerate(original):
            found.extend(differences(item, kept[index] if index < len(kept) else None, f"{path}[{index}]"))
        return found
    if isinstance(original, Mapping) and isinstance(kept, Mapping):
        return [f"{path}[{key}]" for key, value in original.items() if kept.get(key) != value]
    return [path]


def not_carried(
    original: Manifest, read_back: Sequence[Manifest], message: str, reported: Sequence[str]
) -> list[Diagnostic]:
    """One diagnostic per model field (or whole object) of ``original`` that reading its message back lacks.

    Consignments are matched by document number, since a message may hold them in another order or in several
    messages (one FWB per master)."""
    if not read_back:
        return [NOT_CARRIED(field="consignments", message=message)]
    pool: list[Consignment] = [c for manifest in read_back for c in manifest.consignments]
    lost = differences(
        dataclasses.replace(original, consignments=()), dataclasses.replace(read_back[0], consignments=())
    )
    for index, consignment in enumerate(original.consignments):
        match = next((c for c in pool if c.document_number == consignment.document_number), None)
        if match is None:
            lost.append(f"consignments[{index}]")
            continue
        pool.remove(match)
        lost.extend(differences(consignment, match, f"consignments[{index}]"))
    return [
        NOT_CARRIED(field=path, message=message)
        for path in lost
        if not any(path == done or path.startswith((done + ".", done + "[")) for done in reported)
    ]
