"""The 358 Customs Consist: read into the model (cars in train order in ``Manifest.equipment``, each bill a
consignment with the cars that carry it); :mod:`manifest.formats.x12.write358` writes it back.

Mapping (X12 358): M10 and P4 as in the 309; VID a car or container of the train, in order; MBL under a VID a bill
carried in it (MBL01 the SCAC of the bill's issuer, MBL02 the bill number). A bill split over several cars is one
consignment with several equipment entries. M13 and X1 under an MBL, and a VID under a 004010 MBL, are kept
verbatim in the consignment's extensions.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from manifest.formats.base import ConsignmentChunk, SourceMap
from manifest.formats.x12 import convert as cv
from manifest.formats.x12 import truck
from manifest.formats.x12.envelope import SetContext
from manifest.formats.x12.read309 import BillMapper, EquipmentLoop, Reader309, SetEnd, document_type
from manifest.formats.x12.tokens import Segment
from manifest.model import Consignment


@dataclass
class _Bill:
    mbl: Segment
    cars: list[int] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)


class Reader358(Reader309):
    """The set handler of a 358: the whole consist is emitted at SE (a train is a few hundred cars)."""

    def __init__(self, context: SetContext, manifest_index: int) -> None:
        super().__init__(context, manifest_index)
        self._cars: list[EquipmentLoop] = []
        self._bills: dict[tuple[str, str], _Bill] = {}
        self._current: _Bill | None = None
        self._car_open = False
        self._heading = truck.Heading()

    def segment(self, segment: Segment, path: tuple[str, ...]) -> list[object]:
        tag = segment.tag
        if self._first is None and self._heading.take(segment, path):
            return []
        if tag in ("M10", "P4"):
            if tag == "P4":
                self._p4_count += 1
                if self._first is None:
                    self._first = self._p4 = segment
            else:
                self._m10 = segment
        elif tag == "LX":
            self._car_open = False
        elif tag == "VID" and path[-1:] != ("MBL",):
            self._cars.append(EquipmentLoop(segment))
            self._current = None
        elif tag == "MBL" and self._cars:
            key = (segment.get(1), segment.get(2))
            bill = self._bills.setdefault(key, _Bill(segment))
            bill.cars.append(len(self._cars) - 1)
            self._current = bill
        elif tag == "M7" and self._cars and path[-1:] == ("VID",):
            self._cars[-1].m7.append(segment)
        elif tag in ("M13", "X1", "VID") and self._current is not None:
            self._current.extra.setdefault(f"x12.{tag}", cv.raw(segment))
        return []

    def end(self, trailer: Segment | None) -> list[object]:
        header = self.header()
        positions = self._positions
        mapper = BillMapper(header.mode, "", positions, header)
        cars = tuple(mapper.equipment(i, car) for i, car in enumerate(self._cars))
        scac = header.carrier.scac if header.carrier else None
        out: list[object] = []
        for index, bill in enumerate(self._bills.values()):
            ext = dict(bill.extra)
            if bill.mbl.get(1) != scac:
                ext["x12.MBL.01"] = bill.mbl.get(1)
            path = f"consignments[{index}]"
            b_positions = cv.LazyPositions()
            b_positions.put(path, bill.mbl, 2)
            b_positions.put(f"{path}.document_number", bill.mbl, 2)
            consignment = Consignment(
                document_number=bill.mbl.get(2),
                document_type=document_type(header.mode),
                equipment=tuple(cars[i] for i in dict.fromkeys(bill.cars)),
                extensions=ext,
            )
            out.append(
                ConsignmentChunk(
                    self._index, replace(header, equipment=cars), index, consignment, SourceMap(b_positions)
                )
            )
        out.append(SetEnd(self._index, replace(header, equipment=cars), positions))
        return out
