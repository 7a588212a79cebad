"""Writing manifests as a 309 interchange, the inverse of :mod:`read309`.

Every element comes either from a model field or from the ``x12.*`` extension the reader kept for it; what the
309 cannot carry is found by reading the written interchange back and comparing it with the model, so the list of
losses is complete by construction rather than by a hand-kept table. Equipment a VID cannot name (an air unit load
device) is left out and listed (X12413), with the goods loaded in it, which a 309 lists only under their VID.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from manifest.core.paths import leading_index
from manifest.diagnostics import Diagnostic
from manifest.formats.base import Written
from manifest.formats.x12 import bills, read_set, truck
from manifest.formats.x12 import convert as cv
from manifest.formats.x12.fit import Fitting, fit_sets
from manifest.formats.x12.losses import losses
from manifest.formats.x12.write_shared import (
    elements,
    given_indexes,
    manifest_unit,
    named_equipment,
    named_findings,
    number_elements,
    write_equipment,
    write_header,
)
from manifest.formats.x12.writer import Elements, SegmentWriter, delimiters_from, envelope
from manifest.model import (
    Consignment,
    Manifest,
    Mode,
    Party,
    PartyRole,
)

EPOCH = datetime(2000, 1, 1)


def write(manifests: Sequence[Manifest], now: datetime | None = None) -> Written:
    named = [named_equipment(m) for m in manifests]
    data, fitting = _render(named, now)
    read_back = read_set.read(data, "x12-309", "309").manifests
    many = len(manifests) > 1
    prefixes = [f"manifests[{i}]." if many else "" for i in range(len(manifests))]
    own = tuple(found for m, at in zip(manifests, prefixes, strict=True) for found in named_findings(m, at))
    left = tuple(
        given_indexes(finding, manifests[_manifest_index(finding, many)], prefixes[_manifest_index(finding, many)])
        for finding in losses(named, read_back, "x12-309", fitting)
    )
    return Written(data, own + left, tuple(fitting.notices))


def _manifest_index(finding: Diagnostic, many: bool) -> int:
    """The index of the manifest a finding is about (``manifests[2].`` starts its field when there are many)."""
    found = leading_index(finding.field or "", "manifests") if many else None
    return found[0] if found else 0


def render(manifests: Sequence[Manifest], now: datetime | None = None) -> bytes:
    """The interchange bytes alone, one 309 set per manifest in one functional group."""
    return _render([named_equipment(m) for m in manifests], now)[0]


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


def _set(manifest: Manifest, index: int) -> list[Elements]:
    ext = manifest.extensions
    w = SegmentWriter(delimiters_from(ext))
    control = ext.get("x12.ST.02", f"{index + 1:04d}") if index == 0 else f"{index + 1:04d}"
    w.add("ST", "309", control, ext.get("x12.ST.03", ""))
    rail = manifest.mode is Mode.RAIL
    write_header(w, manifest)
    office = cv.schedule_d_code(manifest.office_of_entry)
    current_port: tuple[str | None, ...] = (office, "", "", "")
    for number, consignment in enumerate(manifest.consignments, start=1):
        c_ext = consignment.extensions
        code = cv.schedule_d_code(consignment.place_of_discharge) or office
        key = (code, *(c_ext.get(f"x12.P4.{i:02d}", "") for i in (2, 3, 4)))
        if key != current_port:
            w.add("P4", *(value or "" for value in key))
            current_port = key
        _bill(w, consignment, number, rail, manifest.carrier.scac if manifest.carrier else None)
    w.segments.append(["SE", str(len(w.segments) + 1), control])
    return w.segments


def _bill(w: SegmentWriter, c: Consignment, number: int, rail: bool, carrier_scac: str | None) -> None:
    ext = c.extensions
    w.add("LX", ext.get("x12.LX.01", str(number)))
    if "x12.M13" in ext:
        w.add("M13", *cv.unraw(ext["x12.M13"]))
    if "x12.M11" not in ext:
        weight, weight_code = number_elements(c.gross_weight, cv.weight_code)
        volume, volume_code = number_elements(c.volume, cv.volume_code)
        packages = c.total_packages
        bill, issuer = (c.document_number, "") if rail else bills.split(c.document_number, ext, carrier_scac)
        m11 = {
            1: bill,
            2: cv.lading_code(c.place_of_loading) or "",
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
        w.add("M11", *elements(kept, "M11", m11, 13))
    for ref in c.references:
        w.add("N9", *elements(ref.extensions, "N9", {1: ref.kind, 2: ref.value}, 6))
    for party in c.parties:
        _party(w, party)
    if c.in_bond is not None:
        bond = c.in_bond
        w.add("M12", *elements(bond.extensions, "M12", {1: bond.entry_type or "", 2: bond.number or ""}, 11))
        if "x12.P5" in bond.extensions:
            w.add("P5", *cv.unraw(bond.extensions["x12.P5"]))
    for equipment in c.equipment:
        write_equipment(w, equipment, [g for g in c.goods if g.equipment_ids[:1] == (equipment.identifier,)])


def _bill_unit(c: Consignment) -> str:
    """M1104, the smallest package unit of the bill's pieces: the bill's own package kind, else the one kind of all
    its goods items when their pieces add up to the bill's (CUSCAR gives the kind per GID only). With neither, it
    stays empty and is noted (X12403): a unit is never assumed."""
    total = c.total_packages
    if total is None:
        return ""
    if total.kind:
        return manifest_unit(total)
    items = [g.packages for g in c.goods]
    units = {manifest_unit(p) for p in items}
    if len(units) == 1 and "" not in units and sum(p.count for p in items if p is not None) == total.count:
        return units.pop()
    return ""


def _party(w: SegmentWriter, party: Party) -> None:
    ext = party.extensions
    role = cv.role_code(party.role) if party.role is not PartyRole.OTHER else ""
    code = ext.get("x12.N1.01", role or "ZZ")
    w.add("N1", *elements(ext, "N1", {1: code, 2: party.name or "", 4: party.code or ""}, 6))
    address = party.address
    if address is not None:
        a_ext = address.extensions
        if "x12.N3" not in a_ext:
            w.add("N3", *elements(a_ext, "N3", {1: address.street or ""}, 2))
            if "x12.N3.2.01" in a_ext:
                w.add("N3", *elements(a_ext, "N3.2", {}, 2))
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
            w.add("N4", *elements(a_ext, "N4", n4, 6))
    if any(key.startswith("x12.DTM.") for key in ext):
        w.add("DTM", *elements(ext, "DTM", {}, 6))
    contact = party.contact
    if contact is not None:
        pairs: list[str] = []
        if contact.phone:
            pairs += ["TE", contact.phone]
        if contact.email:
            pairs += ["EM", contact.email]
        values = {1: ext.get("x12.PER.01", "IC"), 2: contact.name or ""}
        values.update({3 + i: value for i, value in enumerate(pairs)})
        w.add("PER", *elements(ext, "PER", values, 9))
