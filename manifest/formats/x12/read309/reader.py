"""The set handler of a 309: gathers each LX loop and maps it into a consignment when the next LX, P4 or SE closes
it, and the heading into the manifest."""

from __future__ import annotations

from dataclasses import dataclass

from manifest.formats.base import ConsignmentChunk, SourceMap
from manifest.formats.x12 import convert as cv
from manifest.formats.x12 import truck
from manifest.formats.x12.envelope import SetContext
from manifest.formats.x12.read309 import header as heading
from manifest.formats.x12.read309.bill import BillMapper
from manifest.formats.x12.read309.loops import BillLoop, add
from manifest.formats.x12.read309.positions import BillPositions
from manifest.formats.x12.tokens import Segment
from manifest.model import Manifest, Mode


@dataclass
class SetEnd:
    """The end of one set: its manifest header (without consignments) and the header's positions."""

    manifest_index: int
    header: Manifest
    positions: cv.LazyPositions


class Reader309:
    """The set handler of a 309: emits a ConsignmentChunk per LX loop and a SetEnd at SE."""

    def __init__(self, context: SetContext, manifest_index: int) -> None:
        self._context = context
        self._index = manifest_index
        self._ext = heading.envelope_extensions(context)
        self._positions = cv.LazyPositions()
        heading.envelope_positions(context, self._positions)
        self._m10: Segment | None = None
        self._p4: Segment | None = None
        self._first: Segment | None = None  # the first P4: the port of arrival of the whole manifest
        self._p4_count = 0
        self._header: Manifest | None = None
        self._bill: BillLoop | None = None
        self._count = 0
        self._heading = truck.Heading()

    @property
    def mode(self) -> Mode:
        gs01 = self._context.gs.get(1) if self._context.gs is not None else ""
        method = self._m10.get(2) if self._m10 is not None else ""
        if truck.is_truck(self._context.version, method):
            return Mode.ROAD
        return Mode.RAIL if method == "R" or (gs01 == "AQ" and method in ("", "R")) else Mode.MARITIME

    def segment(self, segment: Segment, path: tuple[str, ...]) -> list[object]:
        tag = segment.tag
        bill = self._bill
        if tag == "LX":
            out = self._close()
            self._bill = BillLoop(segment, self._p4, self._p4_count <= 1)
            self._bill.note(segment)
            return out
        if tag == "P4":
            out = self._close()
            self._p4_count += 1
            self._p4 = segment
            if self._first is None:
                self._first = segment
            return out
        if tag == "M10":
            self._m10 = segment
            return []
        if bill is None and self._heading.take(segment, path):
            return []
        if bill is None:
            return []
        bill.note(segment)
        add(bill, segment)
        return []

    def end(self, trailer: Segment | None) -> list[object]:
        out = self._close()
        out.append(SetEnd(self._index, self.header(), self._positions))
        return out

    def _close(self) -> list[object]:
        bill = self._bill
        if bill is None:
            return []
        self._bill = None
        header = self.header()
        mode = self.mode
        consignment = BillMapper(mode, f"consignments[{self._count}]", None, header).bill(bill, self._count)
        lazy = BillPositions(bill, self._context.delimiters, mode, header, self._count)
        chunk = ConsignmentChunk(self._index, header, self._count, consignment, SourceMap(lazy))
        self._count += 1
        return [chunk]

    def header(self) -> Manifest:
        if self._header is None:
            mode = self.mode
            header = heading.header(mode, self._m10, self._first, dict(self._ext), self._positions)
            self._header = self._heading.apply(header, self._positions) if mode is Mode.ROAD else header
        return self._header
