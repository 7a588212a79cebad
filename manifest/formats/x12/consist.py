"""The 358 Customs Consist: read into the model (cars in train order in ``Manifest.equipment``, each bill a
consignment with the cars that carry it) and written back.

Mapping (X12 358): M10 and P4 as in the 309; VID a car or container of the train, in order; MBL under a VID a bill
carried in it (MBL01 the SCAC of the bill's issuer, MBL02 the bill number). A bill split over several cars is one
consignment with several equipment entries. M13 and X1 under an MBL, and a VID under a 004010 MBL, are kept
verbatim in the consignment's extensions.

Writing, the train is the manifest's equipment followed by any car or container that only a bill names. The 358 has
no place for a bill outside a VID (004040: P4 loop > VID loop > MBL loop; 004010: LX > VID > MBL), and its VID
names a rail car or a container (element 40 Equipment Description Code, 206 initial, 207 number): an air unit load
device is neither, and is not written as one. A ULD and a bill carried in no car or container are listed as not
written (X12413, X12414), and a consist left with no bill at all says so (X12415).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from manifest.diagnostics import Diagnostic, Severity, define
from manifest.formats.base import ConsignmentChunk, SourceMap, Written
from manifest.formats.readback import renumbered
from manifest.formats.x12 import convert as cv
from manifest.formats.x12 import truck
from manifest.formats.x12.envelope import SetContext
from manifest.formats.x12.fit import fit_sets
from manifest.formats.x12.losses import losses
from manifest.formats.x12.read309 import Reader309, SetEnd, _BillMapper, _Equipment, document_type
from manifest.formats.x12.tokens import Segment
from manifest.formats.x12.writer import Elements, SegmentWriter, delimiters_from, envelope
from manifest.model import Consignment, Equipment, EquipmentKind, Manifest, Mode

NOT_A_CAR = define(
    "X12413",
    Severity.WARNING,
    "$field ('$value') is an air unit load device, not a rail car or container that a 358 VID names; it is not written",
    "$field ('$value') es un dispositivo unitario de carga aérea, no un carro ni un contenedor que nombre un VID del "
    "358; no se escribe",
    "X12 358 VID (element 40 Equipment Description Code: rail car, container; 206 initial, 207 number); IATA ULD "
    "Regulations (ULD identification code)",
)
NOT_IN_A_CAR = define(
    "X12414",
    Severity.WARNING,
    "bill '$value' ($field) is carried in no rail car or container of the train, and a 358 lists a bill only under "
    "the VID of its car; it is not written",
    "el conocimiento '$value' ($field) no viaja en ningún carro ni contenedor del tren, y el 358 solo lista un "
    "conocimiento bajo el VID de su carro; no se escribe",
    "X12 358 004040 (P4 loop > VID loop > MBL loop) and 004010 (LX loop > VID > MBL loop)",
)
NO_BILL = define(
    "X12415",
    Severity.INFO,
    "none of the manifest's $count bills is carried in a rail car or container the consist lists; the 358 lists "
    "no bill",
    "ninguno de los $count conocimientos del manifiesto viaja en un carro o contenedor que liste el consist; el 358 "
    "no lista ningún conocimiento",
    "X12 358 004040 (P4 loop > VID loop > MBL loop) and 004010 (LX loop > VID > MBL loop)",
)


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
    trains = [_Train.of(m) for m in manifests]
    sets = [_set(train.manifest, i, old) for i, train in enumerate(trains)]
    fitting = fit_sets(sets, ext.get("x12.GS.08", defaults["GS08"]))
    envelope(writer, ext, defaults, sets, now or datetime.now())
    data = writer.text().encode("utf-8")
    from manifest.formats import x12_358

    written = x12_358.read(data).manifests
    left = losses([train.manifest for train in trains], written, "x12-358", fitting)
    many = len(trains) > 1
    renumbered = tuple(_renumbered(d, trains, many) for d in left)
    own = tuple(d for i, train in enumerate(trains) for d in train.findings(f"manifests[{i}]." if many else ""))
    notes = tuple(note for i, train in enumerate(trains) if (note := train.note(f"manifests[{i}]." if many else "")))
    return Written(data, own + renumbered, (*fitting.notices, *notes))


@dataclass(frozen=True)
class _Train:
    """What of a manifest a 358 can list (``manifest``: its cars and containers, and the bills carried in them) and
    where each part came from in the manifest given (``given``), by index."""

    given: Manifest
    manifest: Manifest
    cars: tuple[int | None, ...]  # the given manifest's equipment index of each car, None for one a bill names
    bills: tuple[int, ...]  # the given consignment index of each bill written
    bill_cars: tuple[tuple[int, ...], ...]  # for each bill written, the given index of each of its cars

    @classmethod
    def of(cls, manifest: Manifest) -> _Train:
        cars = [e for e in manifest.equipment if _listable(e)]
        origins: list[int | None] = [i for i, e in enumerate(manifest.equipment) if _listable(e)]
        known = {e.identifier for e in cars}
        bills: list[int] = []
        bill_cars: list[tuple[int, ...]] = []
        consignments: list[Consignment] = []
        for index, c in enumerate(manifest.consignments):
            own = tuple(j for j, e in enumerate(c.equipment) if _listable(e))
            for j in own:
                if c.equipment[j].identifier not in known:
                    known.add(c.equipment[j].identifier)
                    cars.append(c.equipment[j])
                    origins.append(None)
            if own:
                bills.append(index)
                bill_cars.append(own)
                consignments.append(replace(c, equipment=tuple(c.equipment[j] for j in own)))
        shown = replace(manifest, equipment=tuple(cars), consignments=tuple(consignments))
        return cls(manifest, shown, tuple(origins), tuple(bills), tuple(bill_cars))

    def findings(self, prefix: str) -> list[Diagnostic]:
        found = [
            NOT_A_CAR(field=f"{prefix}equipment[{i}]", value=e.identifier, location=None)
            for i, e in enumerate(self.given.equipment)
            if not _listable(e)
        ]
        for index, c in enumerate(self.given.consignments):
            path = f"{prefix}consignments[{index}]"
            if index not in self.bills:
                found.append(NOT_IN_A_CAR(field=path, value=c.document_number, location=None))
                continue
            found.extend(
                NOT_A_CAR(field=f"{path}.equipment[{j}]", value=e.identifier, location=None)
                for j, e in enumerate(c.equipment)
                if not _listable(e)
            )
        return found

    def note(self, prefix: str) -> Diagnostic | None:
        if self.bills or not self.given.consignments:
            return None
        return NO_BILL(count=str(len(self.given.consignments)), field=f"{prefix}consignments", location="ST")


def _listable(equipment: Equipment) -> bool:
    return equipment.kind is not EquipmentKind.ULD


def _renumbered(finding: Diagnostic, trains: Sequence[_Train], many: bool) -> Diagnostic:
    """A finding about the manifest the 358 could list, with the indexes of the manifest given."""
    field = finding.field or ""
    prefix = re.match(r"manifests\[([0-9]+)\]\.", field) if many else None
    train = trains[int(prefix.group(1)) if prefix else 0]
    at = prefix.group(0) if prefix else ""
    path = renumbered(field, f"{at}equipment", train.cars)
    bill = re.match(re.escape(at) + r"consignments\[([0-9]+)\]", path)
    if bill is not None and int(bill.group(1)) < len(train.bills):
        index = int(bill.group(1))
        path = renumbered(path, f"{at}consignments", train.bills)
        path = renumbered(path, f"{at}consignments[{train.bills[index]}].equipment", train.bill_cars[index])
    return finding if path == field else replace(finding, field=path, args={**finding.args, "field": path})


def _set(manifest: Manifest, index: int, old: bool) -> list[Elements]:
    from manifest.formats.x12.write309 import _equipment, _header

    ext = manifest.extensions
    w = SegmentWriter(delimiters_from(ext))
    control = ext.get("x12.ST.02", f"{index + 1:04d}") if index == 0 else f"{index + 1:04d}"
    w.add("ST", "358", control, ext.get("x12.ST.03", ""))
    _header(w, manifest)
    scac = manifest.carrier.scac if manifest.carrier and manifest.carrier.scac else ""
    for number, car in enumerate(manifest.equipment, start=1):
        if old:
            w.add("LX", str(number))
        _equipment(w, car, [])
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
