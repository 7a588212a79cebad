"""Segments the 309 and the 358 write alike: the M10 and P4 heading, and the equipment loop (VID, M7, VC, with the
N10, H1 and H2 of its goods in a 309). Both transaction sets describe a conveyance and its equipment with the same
segments (X12 4010 309 and 4040 358 tables), so one writer serves both, and both leave out the equipment a VID
cannot name (X12413).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace

from manifest.core.paths import leading_index
from manifest.diagnostics import Diagnostic, Severity, define
from manifest.formats.readback import renumbered
from manifest.formats.readers import ascii_digits
from manifest.formats.x12 import convert as cv
from manifest.formats.x12 import truck
from manifest.formats.x12.read309 import (
    DESCRIPTION_WIDTH,
    MARKS_WIDTH,
    VID_TYPE,
    default_method,
    hazard_name_pieces,
)
from manifest.formats.x12.writer import SegmentWriter
from manifest.model import (
    Equipment,
    EquipmentKind,
    GoodsItem,
    HazardousMaterial,
    Manifest,
    Mode,
    Packages,
    Quantity,
)

NOT_A_CAR = define(
    "X12413",
    Severity.WARNING,
    "$field ('$value') is an air unit load device, not a rail car, container or trailer that an X12 VID names; it is "
    "not written",
    "$field ('$value') es un dispositivo unitario de carga aérea, no un carro, contenedor ni remolque que nombre un "
    "VID de X12; no se escribe",
    "X12 309 and 358 VID (element 40 Equipment Description Code: rail car, container, trailer; 206 initial, 207 "
    "number); IATA ULD Regulations (ULD identification code)",
)


def vid_names(equipment: Equipment) -> bool:
    """Whether a VID can name ``equipment``: its element 40 codes a rail car, a container or a trailer, with the
    initial and number of element 206 and 207; an air unit load device is none of these, and its IATA code written
    as a container number would be a container that does not exist."""
    return equipment.kind is not EquipmentKind.ULD


def not_named(equipment: Sequence[Equipment], path: str) -> list[Diagnostic]:
    """An X12413 finding for each of ``equipment`` (the list at model path ``path``) that no VID can name."""
    return [
        NOT_A_CAR(field=f"{path}[{index}]", value=item.identifier, location=None)
        for index, item in enumerate(equipment)
        if not vid_names(item)
    ]


def named_equipment(manifest: Manifest) -> Manifest:
    """``manifest`` with only the equipment of its bills that a VID can name (a 309 writes equipment under its bill
    only); the goods stay, so that those loaded in equipment left out are found not written."""
    return replace(
        manifest,
        consignments=tuple(
            replace(c, equipment=tuple(e for e in c.equipment if vid_names(e))) for c in manifest.consignments
        ),
    )


def named_findings(manifest: Manifest, prefix: str) -> list[Diagnostic]:
    """X12413 for the equipment of each bill of ``manifest`` that no VID can name; ``prefix`` as in
    :func:`given_indexes`."""
    return [
        found
        for index, c in enumerate(manifest.consignments)
        for found in not_named(c.equipment, f"{prefix}consignments[{index}].equipment")
    ]


def given_indexes(finding: Diagnostic, manifest: Manifest, prefix: str) -> Diagnostic:
    """A finding about ``named_equipment(manifest)`` (its field under ``prefix``, ``manifests[1].`` or "") with the
    index each piece of a bill's equipment has in ``manifest``."""
    field = finding.field or ""
    bill = leading_index(field.removeprefix(prefix), "consignments") if field.startswith(prefix) else None
    if bill is None or bill[0] >= len(manifest.consignments) or not bill[1].startswith("equipment"):
        return finding
    equipment = manifest.consignments[bill[0]].equipment
    origins = [index for index, item in enumerate(equipment) if vid_names(item)]
    path = renumbered(field, f"{prefix}consignments[{bill[0]}].equipment", origins)
    return finding if path == field else replace(finding, field=path, args={**finding.args, "field": path})


def number_elements(quantity: Quantity | None, code_of: object) -> tuple[str, str]:
    """A quantity as its number and its X12 unit code (through ``code_of``); both empty without one."""
    if quantity is None:
        return "", ""
    code = code_of(quantity.unit) if callable(code_of) else None
    return cv.number_text(quantity.value), code or ""


def elements(ext: Mapping[str, str], tag: str, values: dict[int, str], size: int) -> list[str]:
    """The ``size`` elements of segment ``tag``: each from ``values`` when the model gives it, else as read
    (``x12.<tag>.<nn>`` extensions), so that what the model does not hold is written back unchanged."""
    out = []
    for i in range(1, size + 1):
        out.append(values[i] if values.get(i) else ext.get(f"x12.{tag}.{i:02d}", ""))
    return out


def manifest_unit(packages: Packages | None) -> str:
    """The X12 Manifest Unit Code of ``packages``, through the package-forms crosswalk; "" when it has none."""
    if packages is None or not packages.kind:
        return ""
    found = cv.manifest_unit(packages.kind)
    return found.code if found is not None else ""


def write_header(w: SegmentWriter, manifest: Manifest) -> None:
    """M10 and the first P4, shared with the 358."""
    ext = manifest.extensions
    rail = manifest.mode is Mode.RAIL
    conveyance = manifest.conveyance
    imo = conveyance.imo_number if conveyance and conveyance.imo_number else ""
    m10 = {
        1: manifest.carrier.scac if manifest.carrier and manifest.carrier.scac else "",
        2: ext.get("x12.M10.02", default_method(manifest.mode)),
        3: cv.country_code(conveyance.flag) if conveyance and conveyance.flag else "",
        4: imo,
        5: (conveyance.name if conveyance and conveyance.name else "") or (manifest.trip_number or "" if rail else ""),
        6: manifest.trip_number or "",
        # M1009 (element 256) is mandatory, but the model does not say whether the manifest is the carrier's
        # original (W), an amendment (Y) or another kind: only a code read from a 309 is written, else the element
        # is left empty and noted (X12403) for the sender to fill before filing (X12.6 3.5.2).
        9: ext.get("x12.M10.09", ""),
        10: ext.get("x12.M10.10", "L") if imo else "",
    }
    w.add("M10", *elements(ext, "M10", m10, 12))
    truck.write_heading(w, manifest)
    port = cv.schedule_d_code(manifest.office_of_entry) or ""
    moment = manifest.arrival.moment if manifest.arrival else None
    p4_date = ext.get("x12.P4.02", cv.date_text(moment) if moment else "")
    w.add("P4", *elements(ext, "P4", {1: port, 2: p4_date}, 4))


def write_equipment(w: SegmentWriter, e: Equipment, goods: list[GoodsItem]) -> None:
    """VID with its seals (the rest in M7s of four), the VC lines as read, then the N10 loop of ``goods``."""
    ext = e.extensions
    code = next((ref.value for ref in e.type_codes if ref.kind == VID_TYPE), cv.equipment_code(e.kind) or "ZZ")
    seals_text = ext.get("x12.VID.seals", "2")
    in_vid = int(seals_text) if ascii_digits(seals_text) and len(seals_text) == 1 else 2
    seals = [s.number for s in e.seals]
    vid_seals = seals[:in_vid] + [""] * (2 - len(seals[:in_vid]))
    if ext.get("x12.VID.04") == "":
        vid_seals = ["", vid_seals[0]]
    status = "" if e.loaded is None else "L" if e.loaded else "E"
    vid = {1: code, 2: e.initial or "", 3: e.number, 4: vid_seals[0], 5: vid_seals[1], 9: e.size_type or "", 10: status}
    w.add("VID", *elements(ext, "VID", vid, 11))
    rest = e.seals[in_vid:]
    for start in range(0, len(rest), 4):
        group = rest[start : start + 4]
        numbers = [s.number for s in group] + [""] * (4 - len(group))
        w.add("M7", *numbers, group[0].party or "")
    n = 1
    while f"x12.VC.{n}" in ext:
        w.add("VC", *cv.unraw(ext[f"x12.VC.{n}"]))
        n += 1
    for item in goods:
        _goods(w, item)


def _goods(w: SegmentWriter, g: GoodsItem) -> None:
    ext = g.extensions
    description = g.description or ""
    marks = g.marks or ""
    parts = _split(description, marks, ext.get("x12.N10.layout"))
    weight, weight_code = number_elements(g.gross_weight, cv.weight_code)
    commodity = next((t.code for t in g.tariff_codes if t.scheme == "us-hts"), g.hs_code or "")
    n10 = {
        1: str(g.packages.count) if g.packages else "",
        2: parts[0][0],
        3: parts[0][1],
        4: ext.get("x12.N10.04", "J") if commodity else "",
        5: commodity,
        6: cv.number_text(g.value.amount) if g.value else "",
        7: weight_code,
        8: weight,
        10: manifest_unit(g.packages),
    }
    w.add("N10", *elements(ext, "N10", n10, 11))
    for hazard in g.hazardous:
        _hazard(w, hazard)
    for d, k in parts[1:]:
        w.add("N10", *elements(ext, "N10.more", {2: d, 3: k}, 3))


def _split(description: str, marks: str, layout: str | None) -> list[tuple[str, str]]:
    if layout and re.fullmatch(r"[0-9]{1,4}/[0-9]{1,4}(?:,[0-9]{1,4}/[0-9]{1,4})*", layout):
        sizes = [tuple(int(n) for n in part.split("/")) for part in layout.split(",")]
        if sum(s[0] for s in sizes) == len(description) and sum(s[1] for s in sizes) == len(marks):
            out = []
            d_at = k_at = 0
            for d_len, k_len in sizes:
                out.append((description[d_at : d_at + d_len], marks[k_at : k_at + k_len]))
                d_at += d_len
                k_at += k_len
            return out
    lines = max(1, -(-len(description) // DESCRIPTION_WIDTH), -(-len(marks) // MARKS_WIDTH))
    return [
        (
            description[i * DESCRIPTION_WIDTH : (i + 1) * DESCRIPTION_WIDTH],
            marks[i * MARKS_WIDTH : (i + 1) * MARKS_WIDTH],
        )
        for i in range(lines)
    ]


def _hazard(w: SegmentWriter, h: HazardousMaterial) -> None:
    ext = h.extensions
    name = h.proper_shipping_name or ""
    # A name longer than H104 goes on in H201 (Additional Hazardous Material Description), unless the H2 segments
    # read from a file are kept verbatim.
    pieces = [name] if "x12.H2.1" in ext else hazard_name_pieces(name)
    h1 = {
        1: ext.get("x12.H1.01", h.un_number or ""),
        2: h.hazard_class or "",
        4: pieces[0],
        5: h.contact.name if h.contact and h.contact.name else "",
        9: h.packing_group or "",
    }
    w.add("H1", *elements(ext, "H1", h1, 9))
    for piece in pieces[1:]:
        w.add("H2", piece)
    n = 1
    while f"x12.H2.{n}" in ext:
        w.add("H2", *cv.unraw(ext[f"x12.H2.{n}"]))
        n += 1
