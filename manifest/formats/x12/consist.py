"""The 358 Customs Consist: read into the model (cars in train order in ``Manifest.equipment``, each bill a
consignment with the cars that carry it) and written back.

Mapping (X12 358): M10 and P4 as in the 309; VID a car or container of the train, in order; MBL under a VID a bill
carried in it (MBL01 the SCAC of the bill's issuer, MBL02 the bill number). A bill split over several cars is one
consignment with several equipment entries. M13 and X1 under an MBL, and a VID under a 004010 MBL, are kept
verbatim in the consignment's extensions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from manifest.formats.base import ConsignmentChunk, SourceMap, Written
from manifest.formats.x12 import convert as cv
from manifest.formats.x12 import truck
from manifest.formats.x12.envelope import SetContext
from manifest.formats.x12.fit import fit_sets
from manifest.formats.x12.losses import losses
from manifest.formats.x12.read309 import Reader309, SetEnd, _BillMapper, _Equipment, document_type
from manifest.formats.x12.tokens import Segment
from manifest.formats.x12.write_shared import write_equipment, write_header
from manifest.formats.x12.writer import Elements, SegmentWriter, delimiters_from, envelope
from manifest.model import Consignment, Manifest, Mode


@dataclass
class _Bill:
    mbl: Segment
    cars: list[int] = field(default_factory=list)
    extra: dict[str, str] = field(default_factory=dict)


class Reader358(Reader309):
    """The set handler of a 358: the whole consist is emitted at SE (a train is a few hundred cars)."""

    def __init__(self, context: SetContext, manifest_index: int) -> None:
        super().__init__(context, manifest_index)
        self._cars: list[_Equipment] = []
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
            self._cars.append(_Equipment(segment))
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
        mapper = _BillMapper(header.mode, "", positions, header)
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


def write(manifests: Sequence[Manifest], now: datetime | None = None) -> Written:
    first = manifests[0] if manifests else Manifest(mode=Mode.RAIL)
    ext = first.extensions
    writer = SegmentWriter(delimiters_from(ext))
    old = ext.get("x12.GS.08", "004040")[:6] < "004020"
    # X12 004010 puts the 358 in functional group SO, 004040 in BD.
    defaults = {
        "ISA12": "00401" if old else "00404",
        "ISA11": "U" if old else "^",
        "GS01": "SO" if old else "BD",
        "GS08": "004010" if old else "004040",
    }
    if first.mode is Mode.ROAD:
        defaults = dict(truck.ENVELOPE)
    sets = [_set(m, i, old) for i, m in enumerate(manifests)]
    fitting = fit_sets(sets, ext.get("x12.GS.08", defaults["GS08"]))
    envelope(writer, ext, defaults, sets, now or datetime.now())
    data = writer.text().encode("utf-8")
    from manifest.formats import x12_358

    return Written(data, losses(manifests, x12_358.read(data).manifests, "x12-358", fitting), tuple(fitting.notices))


def _set(manifest: Manifest, index: int, old: bool) -> list[Elements]:
    ext = manifest.extensions
    w = SegmentWriter(delimiters_from(ext))
    control = ext.get("x12.ST.02", f"{index + 1:04d}") if index == 0 else f"{index + 1:04d}"
    w.add("ST", "358", control, ext.get("x12.ST.03", ""))
    write_header(w, manifest)
    scac = manifest.carrier.scac if manifest.carrier and manifest.carrier.scac else ""
    for number, car in enumerate(manifest.equipment, start=1):
        if old:
            w.add("LX", str(number))
        write_equipment(w, car, [])
        for c in manifest.consignments:
            if any(e.identifier == car.identifier for e in c.equipment):
                _mbl(w, c, scac)
    w.segments.append(["SE", str(len(w.segments) + 1), control])
    return w.segments


def _mbl(w: SegmentWriter, c: Consignment, scac: str) -> None:
    ext = c.extensions
    w.add("MBL", ext.get("x12.MBL.01", scac), c.document_number)
    for tag in ("M13", "X1", "VID"):
        if f"x12.{tag}" in ext:
            w.add(tag, *cv.unraw(ext[f"x12.{tag}"]))
