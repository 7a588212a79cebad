"""The X12 358 Customs Consist written from the model: per manifest, the M10/P4 heading, then each car (VID) with
the bills (MBL) loaded in it, in an interchange whose envelope is the one read where the model keeps it.

The train is the manifest's equipment followed by any car or container that only a bill names. The 358 has no place
for a bill outside a VID (004040: P4 loop > VID loop > MBL loop; 004010: LX > VID > MBL), and its VID names a rail
car or a container (element 40 Equipment Description Code, 206 initial, 207 number): an air unit load device is
neither, and is not written as one. A ULD and a bill carried in no car or container are listed as not written
(X12413, X12414), and a consist left with no bill at all says so (X12415).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime

from manifest.core.paths import leading_index
from manifest.diagnostics import Diagnostic, Severity, define
from manifest.formats.base import Written
from manifest.formats.readback import renumbered
from manifest.formats.x12 import convert as cv
from manifest.formats.x12 import read_set, truck
from manifest.formats.x12.fit import fit_sets
from manifest.formats.x12.losses import losses
from manifest.formats.x12.write_shared import not_named, vid_names, write_equipment, write_header
from manifest.formats.x12.writer import Elements, SegmentWriter, delimiters_from, envelope
from manifest.model import Consignment, Manifest, Mode

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

# A car or container only a bill names is a car of the train in the 358 (a VID of the P4 loop, with the MBL of each
# bill carried in it), and is read back as the manifest's equipment as well as the bill's: a finding on it is at
# both paths, and the note names the manifest's.
A_CAR_OF_THE_TRAIN = define(
    "X12417",
    Severity.INFO,
    "the train's $field written is $path: a 358 lists each rail car or container once, with the bills carried in it",
    "$field del tren escrito es $path: el 358 lista cada carro o contenedor una vez, con los conocimientos que lleva",
    "X12 358 004040 (P4 loop > VID loop > MBL loop) and 004010 (LX loop > VID > MBL loop)",
)


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
    read_back = read_set.read(data, "x12-358", "358").manifests
    left = losses([train.manifest for train in trains], read_back, "x12-358", fitting)
    many = len(trains) > 1
    renumbered = tuple(_renumbered(d, trains, many) for d in left)
    own = tuple(d for i, train in enumerate(trains) for d in train.findings(f"manifests[{i}]." if many else ""))
    notes = tuple(note for i, train in enumerate(trains) if (note := train.note(f"manifests[{i}]." if many else "")))
    notes += tuple(
        d for i, train in enumerate(trains) for d in train.cars_bills_name(f"manifests[{i}]." if many else "")
    )
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
    named_by: tuple[str, ...]  # for each car only a bill names, in order, the given path of the bill's equipment

    @classmethod
    def of(cls, manifest: Manifest) -> _Train:
        cars = [e for e in manifest.equipment if vid_names(e)]
        origins: list[int | None] = [i for i, e in enumerate(manifest.equipment) if vid_names(e)]
        known = {e.identifier for e in cars}
        bills: list[int] = []
        bill_cars: list[tuple[int, ...]] = []
        consignments: list[Consignment] = []
        named_by: list[str] = []
        for index, c in enumerate(manifest.consignments):
            own = tuple(j for j, e in enumerate(c.equipment) if vid_names(e))
            for j in own:
                if c.equipment[j].identifier not in known:
                    known.add(c.equipment[j].identifier)
                    cars.append(c.equipment[j])
                    origins.append(None)
                    named_by.append(f"consignments[{index}].equipment[{j}]")
            if own:
                bills.append(index)
                bill_cars.append(own)
                consignments.append(replace(c, equipment=tuple(c.equipment[j] for j in own)))
        shown = replace(manifest, equipment=tuple(cars), consignments=tuple(consignments))
        return cls(manifest, shown, tuple(origins), tuple(bills), tuple(bill_cars), tuple(named_by))

    def findings(self, prefix: str) -> list[Diagnostic]:
        found = not_named(self.given.equipment, f"{prefix}equipment")
        for index, c in enumerate(self.given.consignments):
            path = f"{prefix}consignments[{index}]"
            if index not in self.bills:
                found.append(NOT_IN_A_CAR(field=path, value=c.document_number, location=None))
                continue
            found.extend(not_named(c.equipment, f"{path}.equipment"))
        return found

    def cars_bills_name(self, prefix: str) -> list[Diagnostic]:
        """X12417 for each car of the train written that only a bill names, at the manifest's path it is read at."""
        first = len(self.cars) - len(self.named_by)
        return [
            A_CAR_OF_THE_TRAIN(field=f"{prefix}equipment[{first + k}]", path=f"{prefix}{path}", location="VID")
            for k, path in enumerate(self.named_by)
        ]

    def note(self, prefix: str) -> Diagnostic | None:
        if self.bills or not self.given.consignments:
            return None
        return NO_BILL(count=str(len(self.given.consignments)), field=f"{prefix}consignments", location="ST")


def _renumbered(finding: Diagnostic, trains: Sequence[_Train], many: bool) -> Diagnostic:
    """A finding about the manifest the 358 could list, with the indexes of the manifest given."""
    field = finding.field or ""
    prefix = leading_index(field, "manifests") if many else None
    train = trains[prefix[0] if prefix else 0]
    at = f"manifests[{prefix[0]}]." if prefix else ""
    path = renumbered(field, f"{at}equipment", train.cars)
    bill = leading_index(path.removeprefix(at), "consignments") if path.startswith(at) else None
    if bill is not None and bill[0] < len(train.bills):
        index = bill[0]
        path = renumbered(path, f"{at}consignments", train.bills)
        path = renumbered(path, f"{at}consignments[{train.bills[index]}].equipment", train.bill_cars[index])
    return finding if path == field else replace(finding, field=path, args={**finding.args, "field": path})


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
