"""The heading of a 309: the envelope values kept verbatim (ISA, GS, ST), M10 carrier, transport method and vessel
or train, and the P4 port of arrival with its date."""

from __future__ import annotations

from datetime import date

from manifest.formats.readers import ascii_digits
from manifest.formats.x12 import convert as cv
from manifest.formats.x12 import truck
from manifest.formats.x12.envelope import SetContext
from manifest.formats.x12.read309 import shared
from manifest.formats.x12.read309.elements import keep_rest, place_kept
from manifest.formats.x12.syntax import parse_date, parse_short_date
from manifest.formats.x12.tokens import Segment
from manifest.model import Carrier, Conveyance, DocumentType, Manifest, Mode, Place, PlaceScheme, Stop


def envelope_extensions(context: SetContext) -> dict[str, str]:
    """ISA, GS and ST values kept verbatim (padding included) so that the envelope is written back as read."""
    ext = {f"x12.ISA.{i:02d}": value for i, value in enumerate(context.isa, start=1)}
    if context.gs is not None:
        ext.update({f"x12.GS.{i:02d}": value for i, value in enumerate(context.gs.elements[1:], start=1)})
    ext["x12.ST.02"] = context.st.get(2)
    if context.st.get(3):
        ext["x12.ST.03"] = context.st.get(3)
    d = context.delimiters
    ext["x12.separators"] = d.element + d.segment + d.suffix
    return ext


def envelope_positions(context: SetContext, positions: cv.LazyPositions) -> None:
    """Where the values of :func:`envelope_extensions` stand, and the manifest itself (its ST segment): a loss of an
    envelope value, or a finding about the manifest as a whole, is reported at its line."""
    positions.put("", context.st)
    isa = context.isa_segment
    if isa is not None:
        for i in range(1, len(isa.elements)):
            positions.put(f"extensions[x12.ISA.{i:02d}]", isa, i)
        positions.put("extensions[x12.separators]", isa)
    if context.gs is not None:
        for i in range(1, len(context.gs.elements)):
            positions.put(f"extensions[x12.GS.{i:02d}]", context.gs, i)
    for i in (2, 3):
        positions.put(f"extensions[x12.ST.{i:02d}]", context.st, i)


def header(mode: Mode, m10: Segment | None, p4: Segment | None, ext: dict[str, str], pos: cv.LazyPositions) -> Manifest:
    """The manifest without consignments from its M10 and its first P4; ``ext`` holds the envelope's values and
    receives those of M10 and P4 no field takes."""
    carrier = conveyance = None
    trip = None
    if m10 is not None:
        pos.put("carrier.scac", m10, 1)
        method = m10.get(2)
        if method != default_method(mode):
            ext["x12.M10.02"] = method
        vessel_code = m10.get(4)
        imo = vessel_code if len(vessel_code) == 7 and ascii_digits(vessel_code) else None
        if vessel_code and imo is None:
            ext["x12.M10.04"] = vessel_code
        qualifier = m10.get(10)
        if imo is not None and qualifier != "L":
            ext["x12.M10.10"] = qualifier
        trip = m10.get(6) or None
        # A rail 309 has no vessel: the train is named in M1005 (X12 R0504 wants M1004 or M1005).
        name = m10.get(5) or None
        if mode is Mode.RAIL and name == trip:
            name = None
        conveyance = Conveyance(
            name=name,
            imo_number=imo,
            flag=m10.get(3) or None,
            train_id=trip if mode is Mode.RAIL else None,
        )
        for name, index in (
            ("conveyance.name", 5),
            ("conveyance.imo_number", 4),
            ("conveyance.flag", 3),
            ("trip_number", 6),
            ("conveyance.train_id", 6),
        ):
            pos.put(name, m10, index)
        carrier = Carrier(scac=m10.get(1) or None)
        # M1009 (element 256, Manifest Type Code: W original from the carrier, Y amendment, ...) is no model fact:
        # it is kept whatever its code, so that it is written back as read and never assumed (see write309).
        keep_rest(ext, m10, (1, 2, 3, 4, 5, 6, 10))
        place_kept(pos, ext, m10)
    office = arrival = None
    if p4 is not None:
        office, arrival = port(p4, ext)
        place_kept(pos, ext, p4)
        pos.put("office_of_entry", p4, 1)
        pos.put("arrival.place", p4, 1)
        pos.put("arrival.moment", p4, 2)
    if conveyance == Conveyance():
        conveyance = None
    if carrier == Carrier():
        carrier = None
    return Manifest(
        mode=mode,
        carrier=carrier,
        conveyance=conveyance,
        trip_number=trip,
        arrival=arrival,
        office_of_entry=office,
        extensions=ext,
    )


def document_type(mode: Mode) -> DocumentType:
    """What a bill of the 309 or 358 is called in the mode: a rail waybill, a truck shipment's consignment note, an
    ocean bill of lading."""
    return {Mode.RAIL: DocumentType.RAIL_WAYBILL, Mode.ROAD: DocumentType.ROAD_CONSIGNMENT_NOTE}.get(
        mode, DocumentType.BILL_OF_LADING
    )


def default_method(mode: Mode) -> str:
    # X12 element 91: R rail; J motor; O containerized ocean (the code of the ACE ocean 309s seen).
    return {Mode.RAIL: "R", Mode.ROAD: truck.MOTOR}.get(mode, "O")


def port(p4: Segment, ext: dict[str, str], prefix: str = "P4") -> tuple[Place | None, Stop | None]:
    """The US port (Schedule D) of a P4 and its arrival there; a date read in the short form is kept as written."""
    code = p4.get(1)
    written = p4.get(2)
    moment: date | None = parse_date(written)
    if moment is None:
        moment = parse_short_date(written)
        if written:
            ext[f"x12.{prefix}.02"] = written
    keep_rest(ext, p4, (1, 2), prefix)
    place = shared.place(code, PlaceScheme.SCHEDULE_D) if code else None
    if place is None:
        return None, None
    return place, Stop(place=place, moment=moment)
