"""What a written file failed to carry: the model given, compared field by field with the model read back from it.

Writing maps the model onto a format and reading maps it back, so the comparison lists exactly what the format left
out or changed (no segment for a value, a time zone a date cannot hold, a code with no equivalent), with no second
description of each format's capacity to keep in step with its writer. The paths are spelled as the readers' source
maps spell them (``consignments[1].parties[0].tax_ids``, ``extensions[x12.M10.07]``), so that each loss is found at
its line in the source of a conversion.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Mapping, Sequence

from manifest.core.paths import entry_path as entry_path
from manifest.core.paths import join_path as join_path

_FIELD_NAMES: dict[type, tuple[str, ...]] = {}


def differences(
    original: object, kept: object, path: str = "", *, any_order: bool = False
) -> Iterator[tuple[str, object]]:
    """(path, value of ``original``) for the deepest values of ``original`` that ``kept`` lacks or holds otherwise.

    An object gone whole (``kept`` None) is one path; the items of a list and the entries of a map are each their
    own. With ``any_order`` a list item counts as kept when it comes back equal anywhere in its list.
    """
    if original == kept or _empty(original):
        return
    if dataclasses.is_dataclass(original) and type(original) is type(kept):
        for name in _field_names(type(original)):
            yield from differences(
                getattr(original, name), getattr(kept, name), join_path(path, name), any_order=any_order
            )
    elif isinstance(original, tuple) and isinstance(kept, tuple):
        for index, item in enumerate(original):
            if any_order and item in kept:
                continue
            other = kept[index] if index < len(kept) else None
            yield from differences(item, other, f"{path}[{index}]", any_order=any_order)
    elif isinstance(original, Mapping) and isinstance(kept, Mapping):
        for key, value in original.items():
            if kept.get(key) != value:
                yield entry_path(path, key), value
    else:
        yield path, original


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, tuple | Mapping | str) and not value)


def _field_names(cls: type) -> tuple[str, ...]:
    names = _FIELD_NAMES.get(cls)
    if names is None:
        names = _FIELD_NAMES[cls] = tuple(spec.name for spec in dataclasses.fields(cls))
    return names


def renumbered(path: str, items: str, origins: Sequence[int | None]) -> str:
    """``path`` of a model a writer cut down to what its format can list, with the index after ``items`` (the path
    of a list, ``consignments``) changed to the index that item has in the model given (``origins[k]``, None when
    it has none there: the path is kept as it is)."""
    match = re.match(re.escape(items) + r"\[([0-9]+)\]", path)
    if match is None:
        return path
    index = int(match.group(1))
    origin = origins[index] if index < len(origins) else None
    return path if origin is None else f"{items}[{origin}]{path[match.end() :]}"


def within_any(path: str, paths: Sequence[str]) -> bool:
    """Whether ``path`` is one of ``paths`` or a value inside one of them (``consignments[0].goods`` is inside
    ``consignments[0]``)."""
    return any(path == outer or path.startswith((outer + ".", outer + "[")) for outer in paths if outer)


def moves_of(items: str, origins: Sequence[int | None]) -> tuple[tuple[str, str | None], ...]:
    """The moves (:attr:`manifest.core.document.Written.moves`) of a list whose item ``k`` a reader reads back is
    the item ``origins[k]`` of the model written (None: one the reader adds), for each item that moved."""
    return tuple(
        (f"{items}[{index}]", None if origin is None else f"{items}[{origin}]")
        for index, origin in enumerate(origins)
        if origin != index
    )
