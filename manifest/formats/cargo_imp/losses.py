"""What a written message leaves behind: the model fields that reading the message back does not give again.

Comparing the model with the model read back from what was written finds every value the message cannot carry,
whatever its origin (a field of another format's extensions, a second shipper, a UN number), with no list of
exceptions to keep in step with the writers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from enum import Enum

from manifest.diagnostics import Diagnostic
from manifest.formats.base import parent_path
from manifest.formats.cargo_imp.codes import NOT_CARRIED
from manifest.model import Consignment, Manifest

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(spec.name for spec in dataclasses.fields(cls))
    return names


def flatten(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """Every scalar of a model object as (field path, text); empty values are left out."""
    if value is None:
        return
    if hasattr(value, "__dataclass_fields__"):
        for name in _field_names(type(value)):
            yield from flatten(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield f"{path}[{key}]", str(item)
    elif isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from flatten(item, f"{path}[{index}]")
    elif isinstance(value, Enum):
        yield path, str(value.value)
    else:
        yield path, str(value)


def aligned(original: Manifest, read_back: Sequence[Manifest]) -> Manifest:
    """The manifest read back, its consignments put at the indexes of the original ones with the same number."""
    if not read_back:
        return Manifest(mode=original.mode)
    pool: list[Consignment] = [c for manifest in read_back for c in manifest.consignments]
    placed: list[Consignment] = []
    for consignment in original.consignments:
        match = next((c for c in pool if c.document_number == consignment.document_number), None)
        if match is None:
            placed.append(Consignment(document_number="", document_type=consignment.document_type))
        else:
            pool.remove(match)
            placed.append(match)
    return dataclasses.replace(read_back[0], consignments=tuple(placed))


def not_carried(original: Manifest, read_back: Manifest, message: str, reported: Sequence[str]) -> list[Diagnostic]:
    """One diagnostic per model field (or whole object) of ``original`` that ``read_back`` lacks or changed."""
    kept = dict(flatten(read_back))
    values = list(flatten(original))
    lost = [path for path, text in values if kept.get(path) != text]
    lost_set = set(lost)
    holding: set[str] = set()  # every object that still has a value after the round trip
    for path, _ in values:
        step = parent_path(path) if path not in lost_set else None
        while step and step not in holding:
            holding.add(step)
            step = parent_path(step)
    found: list[str] = []
    for path in lost:
        if any(path == done or path.startswith((done + ".", done + "[")) for done in reported):
            continue
        top = path
        parent = parent_path(top)
        while parent and parent not in holding:
            top = parent
            parent = parent_path(top)
        if top not in found:
            found.append(top)
    return [NOT_CARRIED(field=path, message=message) for path in found]
