"""Writing manifests as a 309 interchange, the inverse of :mod:`read309`.

Every element comes either from a model field or from the ``x12.*`` extension the reader kept for it; what the
309 cannot carry is found by reading the written interchange back and comparing it with the model, so the list of
losses is complete by construction rather than by a hand-kept table.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import datetime

from manifest.formats.base import Written
from manifest.formats.readers import ascii_digits
from manifest.formats.x12 import bills, truck
from manifest.formats.x12 import convert as cv
from manifest.formats.x12.fit import Fitting, fit_sets
from manifest.formats.x12.losses import losses
from manifest.formats.x12.read309 import (
    DESCRIPTION_WIDTH,
    MARKS_WIDTH,
    VID_TYPE,
    default_method,
    hazard_name_pieces,
)
from manifest.formats.x12.writer import Elements, SegmentWriter, delimiters_from, envelope
from manifest.model import (
    Consignment,
    Equipment,
    GoodsItem,
    HazardousMaterial,
    Manifest,
    Mode,
    Packages,
    Party,
    PartyRole,
    Quantity,
)

EPOCH = datetime(2000, 1, 1)


def write(manifests: Sequence[Manifest], now: datetime | None = None) -> Written:
    data, fitting = _render(manifests, now)
    from manifest.formats import x12_309

    return Written(data, losses(manifests, x12_309.read(data).manifests, "x12-309", fitting), tuple(fitting.notices))


def render(manifests: Sequence[Manifest], now: datetime | None = None) -> bytes:
    """The interchange bytes alone, one 309 set per manifest in one functional group."""
    return _render(manifests, now)[0]


def _render(manifests: Sequence[Manifest], now: datetime | None) -> tuple[bytes, Fitting]:
    first = manifests[0] if manifests else Manifest(mode=Mode.RAIL)
    ext = first.extensions
    writer = SegmentWriter(delimiters_from(ext))
    rail = first.mode is Mode.RAIL
    defaults = {
        "ISA12": "00404" if rail else "00401",
        "ISA11": "^" if rail else "U",
        "GS01": "AQ" if rail else "SO",
        "GS08": "004040" if rail else "004010",
    }
    if first.mode is Mode.ROAD:
        defaults = dict(truck.ENVELOPE)
    sets = [_set(m, i) for i, m in enumerate(manifests)]
    fitting = fit_sets(sets, ext.get("x12.GS.08", defaults["GS08"]))
    envelope(writer, ext, defaults, sets, now or datetime.now())
    return writer.text().encode("utf-8"), fitting


def _number(quantity: Quantity | None, code_of: object) -> tuple[str, str]:
    if quantity is None:
        return "", ""
    code = code_of(quantity.unit) if callable(code_of) else None
    return cv.number_text(quantity.value), code or ""


def _rest(ext: Mapping[str, str], tag: str, values: dict[int, str], size: int) -> list[str]:
    out = []
    for i in range(1, size + 1):
        out.append(values[i] if values.get(i) else ext.get(f"x12.{tag}.{i:02d}", ""))
    return out


def _set(manifest: Manifest, index: int) -> list[Elements]:
    ext = manifest.extensions
    w = SegmentWriter(delimiters_from(ext))
    control = ext.get("x12.ST.02", f"{index + 1:04d}") if index == 0 else f"{index + 1:04d}"
    w.add("ST", "309", control, ext.get("x12.ST.03", ""))
    rail = manifest.mode is Mode.RAIL
    _header(w, manifest)
    office = manifest.office_of_entry.code if manifest.office_of_entry else None
    current_port: tuple[str | None, ...] = (office, "", "", "")
    for number, consignment in enumerate(manifest.consignments, start=1):
        c_ext = consignment.extensions
        discharge = consignment.place_of_discharge
        code = discharge.code if discharge is not None and discharge.code else office
        key = (code, *(c_ext.get(f"x12.P4.{i:02d}", "") for i in (2, 3, 4)))
        if key != current_port:
            w.add("P4", *(value or "" for value in key))
            current_port = key
        _bill(w, consignment, number, rail, manifest.carrier.scac if manifest.carrier else None)
    w.segments.append(["SE", str(len(w.segments) + 1), control])
    return w.segments


def _header(w: SegmentWriter, manifest: Manifest) -> None:
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
    w.add("M10", *_rest(ext, "M10", m10, 12))
    truck.write_heading(w, manifest)
    port = manifest.office_of_entry.code if manifest.office_of_entry and manifest.office_of_entry.code else ""
    moment = manifest.arrival.moment if manifest.arrival else None
    p4_date = ext.get("x12.P4.02", cv.date_text(moment) if moment else "")
    w.add("P4", *_rest(ext, "P4", {1: port, 2: p4_date}, 4))


def _bill(w: SegmentWriter, c: Consignment, number: int, rail: bool, carrier_scac: str | None) -> None:
    ext = c.extensions
    w.add("LX", ext.get("x12.LX.01", str(number)))
    if "x12.M13" in ext:
        w.add("M13", *cv.unraw(ext["x12.M13"]))
    if "x12.M11" not in ext:
        weight, weight_code = _number(c.gross_weight, cv.weight_code)
        volume, volume_code = _number(c.volume, cv.volume_code)
        packages = c.total_packages
        bill, issuer = (c.document_number, "") if rail else bills.split(c.document_number, ext, carrier_scac)
        m11 = {
            1: bill,
            2: c.place_of_loading.code if c.place_of_loading and c.place_of_loading.code else "",
            3: str(packages.count) if packages else "",
            4: _bill_unit(c),
            5: weight,
            6: weight_code,
            7: volume,
            8: volume_code,
            10: c.place_of_receipt.name if c.place_of_receipt and c.place_of_receipt.name else "",
            12: issuer,
        }
        kept = ext if rail else {key: value for key, value in ext.items() if key != bills.ISSUER}
        w.add("M11", *_rest(kept, "M11", m11, 13))
    for ref in c.references:
        w.add("N9", *_rest(ref.extensions, "N9", {1: ref.kind, 2: ref.value}, 6))
    for party in c.parties:
        _party(w, party)
    if c.in_bond is not None:
        bond = c.in_bond
        w.add("M12", *_rest(bond.extensions, "M12", {1: bond.entry_type or "", 2: bond.number or ""}, 11))
        if "x12.P5" in bond.extensions:
            w.add("P5", *cv.unraw(bond.extensions["x12.P5"]))
    for equipment in c.equipment:
        _equipment(w, equipment, [g for g in c.goods if g.equipment_ids[:1] == (equipment.identifier,)])


def _manifest_unit(packages: Packages | None) -> str:
    """The X12 Manifest Unit Code of ``packages``, through the package-forms crosswalk; "" when it has none."""
    if packages is None or not packages.kind:
        return ""
    found = cv.manifest_unit(packages.kind)
    return found.code if found is not None else ""


def _bill_unit(c: Consignment) -> str:
    """M1104, the smallest package unit of the bill's pieces: the bill's own package kind, else the one kind of all
    its goods items when their pieces add up to the bill's (CUSCAR gives the kind per GID only). With neither, it
    stays empty and is noted (X12403): a unit is never assumed."""
    total = c.total_packages
    if total is None:
        return ""
    if total.kind:
        return _manifest_unit(total)
    items = [g.packages for g in c.goods]
    units = {_manifest_unit(p) for p in items}
    if len(units) == 1 and "" not in units and sum(p.count for p in items if p is not None) == total.count:
        return units.pop()
    return ""


def _party(w: SegmentWriter, party: Party) -> None:
    ext = party.extensions
    role = cv.role_code(party.role) if party.role is not PartyRole.OTHER else ""
    code = ext.get("x12.N1.01", role or "ZZ")
    w.add("N1", *_rest(ext, "N1", {1: code, 2: party.name or "", 4: party.code or ""}, 6))
    address = party.address
    if address is not None:
        a_ext = address.extensions
        if "x12.N3" not in a_ext:
            w.add("N3", *_rest(a_ext, "N3", {1: address.street or ""}, 2))
            if "x12.N3.2.01" in a_ext:
                w.add("N3", *_rest(a_ext, "N3.2", {}, 2))
        if "x12.N4" not in a_ext:
            # N402 is two characters (X12 element 156). US states and Canadian provinces are two letters already;
            # Mexican states are ISO 3166-2:MX three-letter suffixes (NLE, SLP) in the model, and no two-letter
            # code list for them is published by SAT or ISO, so such a subdivision is left out by the fitting in
            # fit.py and listed as not carried rather than rewritten in an unsourced form.
            n4 = {
                1: address.city or "",
                2: address.subdivision or "",
                3: address.postal_code or "",
                4: cv.country_code(address.country) if address.country else "",
            }
            w.add("N4", *_rest(a_ext, "N4", n4, 6))
    if any(key.startswith("x12.DTM.") for key in ext):
        w.add("DTM", *_rest(ext, "DTM", {}, 6))
    contact = party.contact
    if contact is not None:
        pairs: list[str] = []
        if contact.phone:
            pairs += ["TE", contact.phone]
        if contact.email:
            pairs += ["EM", contact.email]
        values = {1: ext.get("x12.PER.01", "IC"), 2: contact.name or ""}
        values.update({3 + i: value for i, value in enumerate(pairs)})
        w.add("PER", *_rest(ext, "PER", values, 9))


def _equipment(w: SegmentWriter, e: Equipment, goods: list[GoodsItem]) -> None:
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
    w.add("VID", *_rest(ext, "VID", vid, 11))
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
    weight, weight_code = _number(g.gross_weight, cv.weight_code)
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
        10: _manifest_unit(g.packages),
    }
    w.add("N10", *_rest(ext, "N10", n10, 11))
    for hazard in g.hazardous:
        _hazard(w, hazard)
    for d, k in parts[1:]:
        w.add("N10", *_rest(ext, "N10.more", {2: d, 3: k}, 3))


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
    w.add("H1", *_rest(ext, "H1", h1, 9))
    for piece in pieces[1:]:
        w.add("H2", piece)
    n = 1
    while f"x12.H2.{n}" in ext:
        w.add("H2", *cv.unraw(ext[f"x12.H2.{n}"]))
        n += 1
