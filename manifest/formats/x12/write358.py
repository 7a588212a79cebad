"""The X12 358 Customs Consist written from the model: per manifest, the M10/P4 heading, then each car (VID) with
the bills (MBL) loaded in it, in an interchange whose envelope is the one read where the model keeps it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from manifest.formats.base import Written
from manifest.formats.x12 import convert as cv
from manifest.formats.x12 import read_set, truck
from manifest.formats.x12.fit import fit_sets
from manifest.formats.x12.losses import losses
from manifest.formats.x12.write_shared import write_equipment, write_header
from manifest.formats.x12.writer import Elements, SegmentWriter, delimiters_from, envelope
from manifest.model import Consignment, Manifest, Mode


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
    read_back = read_set.read(data, "x12-358", "358").manifests
    return Written(data, losses(manifests, read_back, "x12-358", fitting), tuple(fitting.notices))


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
