"""Where the values of a CUSCAR message were read: a spot per model path, turned into a position only on demand."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping

from manifest.diagnostics import Position
from manifest.formats.edifact.segments import Segment, build_segment
from manifest.formats.edifact.syntax import Delimiters


def spot(segment: Segment, element: int, component: int) -> int:
    """Where a value is, packed in one int (segment number, element, component): a reader records hundreds of
    thousands of them, and plain ints cost the cyclic collector nothing."""
    return segment.number << 16 | element << 8 | component


class SegmentTable:
    """The raw text and the place of the tag of each segment read, by segment number: enough to cut a segment again
    when a position is asked for, without keeping every segment and its lists of values alive."""

    __slots__ = ("delimiters", "places", "texts")

    def __init__(self, delimiters: Delimiters) -> None:
        self.delimiters = delimiters
        self.texts: dict[int, str] = {}
        self.places: dict[int, int] = {}  # line << 32 | column

    def add(self, segment: Segment) -> None:
        self.texts[segment.number] = segment.raw
        self.places[segment.number] = segment.line << 32 | segment.column

    def segment(self, number: int) -> Segment:
        """Segment ``number`` cut again from its text."""
        place = self.places[number]
        return build_segment(self.texts[number], self.delimiters, place >> 32, place & 0xFFFFFFFF, number)

    def position(self, spot: int) -> Position:
        return self.segment(spot >> 16).position(spot >> 8 & 0xFF, spot & 0xFF)

    def subset(self, numbers: Iterable[int]) -> SegmentTable:
        table = SegmentTable(self.delimiters)
        for number in numbers:
            table.texts[number] = self.texts[number]
            table.places[number] = self.places[number]
        return table

    def keep_only(self, numbers: set[int]) -> None:
        self.texts = {n: t for n, t in self.texts.items() if n in numbers}
        self.places = {n: p for n, p in self.places.items() if n in numbers}


class Positions(Mapping[str, Position]):
    """Model path -> position, computed from the segment's text only when a diagnostic asks for it."""

    __slots__ = ("_spots", "_table")

    def __init__(self, spots: dict[str, int], table: SegmentTable) -> None:
        self._spots = spots
        self._table = table

    def __getitem__(self, path: str) -> Position:
        return self._table.position(self._spots[path])

    def __iter__(self) -> Iterator[str]:
        return iter(self._spots)

    def __len__(self) -> int:
        return len(self._spots)
