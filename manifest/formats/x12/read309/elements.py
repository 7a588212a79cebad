"""Elements of a 309 segment that no model field takes, kept in the extensions of the object they belong to under
``x12.<segment>.<element>``, and the quantities (value and unit code) of M11 and N10."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from manifest.formats.x12 import convert as cv
from manifest.formats.x12.read309 import shared
from manifest.formats.x12.tokens import Segment
from manifest.model import Quantity


def fields(segment: Segment, last: int) -> list[str]:
    """Elements 0..``last`` of ``segment``, "" for those it omits (padded in a copy: the segment's own list gives
    the columns of its elements)."""
    elements = segment.elements
    missing = last + 1 - len(elements)
    return elements + [""] * missing if missing > 0 else elements


def keep_rest(ext: dict[str, str], segment: Segment, mapped: tuple[int, ...], key: str | None = None) -> None:
    """Store the elements of ``segment`` that no model field took."""
    name = key or segment.tag
    elements = segment.elements
    for index in range(1, len(elements)):
        value = elements[index]
        if value and index not in mapped:
            ext[f"x12.{name}.{index:02d}"] = value


def kept_elements(ext: dict[str, str], segment: Segment, key: str | None = None) -> Iterator[tuple[str, int]]:
    """(extension key, element number) of each value of ``segment`` that :func:`keep_rest` kept in ``ext``: where
    it was read, so that a conversion that leaves it behind names its element."""
    name = key or segment.tag
    for index in range(1, len(segment.elements)):
        entry = f"x12.{name}.{index:02d}"
        if entry in ext:
            yield entry, index


def place_kept(positions: cv.LazyPositions, ext: dict[str, str], segment: Segment) -> None:
    """Record where each value :func:`keep_rest` kept from a segment of the manifest header was read."""
    for entry, index in kept_elements(ext, segment):
        positions.put(f"extensions[{entry}]", segment, index)


def quantity(value: str, code: str, unit_of: Callable[[str], str | None]) -> Quantity | None:
    """A weight or volume from its amount and X12 unit code, None when either is not understood."""
    unit = unit_of(code)
    return None if unit is None else shared.quantity(value, unit)
