"""Hypothesis strategies for models the 309 carries whole: X12 text without delimiters, the codes of its elements,
the ACE truck heading's crew and tractor."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from manifest.model import (
    Address,
    Carrier,
    Consignment,
    Contact,
    Conveyance,
    CrewMember,
    DocumentType,
    Equipment,
    EquipmentKind,
    GoodsItem,
    HazardousMaterial,
    InBond,
    Manifest,
    Mode,
    Money,
    Packages,
    Party,
    PartyRole,
    Place,
    PlaceScheme,
    Quantity,
    Reference,
    Seal,
    Stop,
    TariffCode,
    TravelDocument,
)
from tests.strategies.common import DIGITS, UPPER, optional

# Text the 309 carries: no delimiter (* ~ > ^) and no line break, as X12.6's basic and extended character sets.
TEXT = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-/()#&'"


def text(low: int, high: int, alphabet: str = TEXT) -> st.SearchStrategy[str]:
    return st.text(alphabet, min_size=low, max_size=high).filter(lambda s: s.strip() == s and s != "")


def decimals(places: int = 2) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=0, max_value=9999999, places=places, allow_nan=False, allow_infinity=False)


@st.composite
def hazards(draw: st.DrawFn) -> HazardousMaterial:
    return HazardousMaterial(
        un_number=draw(text(4, 4, DIGITS)),
        hazard_class=draw(optional(st.sampled_from(["3", "8", "9", "2.1"]))),
        proper_shipping_name=draw(optional(text(2, 30))),
        packing_group=draw(optional(st.sampled_from(["I", "II", "III"]))),
    )


@st.composite
def goods(draw: st.DrawFn, equipment_id: str) -> GoodsItem:
    hs = draw(optional(text(6, 6, DIGITS)))
    hts = draw(st.booleans()) if hs else False
    return GoodsItem(
        description=draw(optional(text(1, 130))),
        marks=draw(optional(text(1, 100))),
        # Manifest unit codes (X12 element 599) are three letters; a model's other codes go through a crosswalk.
        packages=Packages(count=draw(st.integers(0, 10**8 - 1)), kind=draw(optional(text(3, 3, UPPER)))),
        gross_weight=draw(optional(st.builds(Quantity, value=decimals(), unit=st.sampled_from(["KGM", "LBR"])))),
        hs_code=hs,
        tariff_codes=(TariffCode(scheme="us-hts", code=f"{hs}{draw(text(4, 4, DIGITS))}"),) if hts else (),
        # N10-06 (element 1015, Customs Shipment Value) is AN 2/8: whole dollars of two to eight digits.
        value=draw(optional(st.builds(Money, amount=st.integers(10, 10**8 - 1).map(Decimal), currency=st.just("USD")))),
        hazardous=tuple(draw(st.lists(hazards(), max_size=2))),
        equipment_ids=(equipment_id,),
    )


_KINDS = {
    Mode.RAIL: [EquipmentKind.RAILCAR, EquipmentKind.CONTAINER],
    Mode.MARITIME: [EquipmentKind.RAILCAR, EquipmentKind.CONTAINER],
    Mode.ROAD: [EquipmentKind.TRAILER, EquipmentKind.CONTAINER],
}
_VID_CODES = {EquipmentKind.RAILCAR: "RR", EquipmentKind.CONTAINER: "CN", EquipmentKind.TRAILER: "TL"}
_DOCUMENT_TYPES = {
    Mode.RAIL: DocumentType.RAIL_WAYBILL,
    Mode.MARITIME: DocumentType.BILL_OF_LADING,
    Mode.ROAD: DocumentType.ROAD_CONSIGNMENT_NOTE,
}


@st.composite
def crew_members(draw: st.DrawFn) -> CrewMember:
    """A person aboard a truck as the ACE truck heading carries one (NM1, DMG, REF, N3, N4)."""
    address = None
    if draw(st.booleans()):
        address = Address(
            street=draw(text(1, 55)),
            city=draw(text(2, 30)),
            subdivision=draw(optional(text(2, 2, UPPER))),
            country=draw(optional(st.sampled_from(["MX", "US"]))),
        )
    return CrewMember(
        family_name=draw(text(1, 60)),
        given_name=draw(optional(text(1, 35))),
        middle_name=draw(optional(text(1, 25))),
        date_of_birth=draw(optional(st.dates(date(1920, 1, 1), date(2010, 12, 31)))),
        gender=draw(optional(st.sampled_from(["M", "F", "X"]))),
        citizenship=draw(optional(st.sampled_from(["MX", "US", "CA"]))),
        documents=tuple(
            draw(st.lists(st.builds(TravelDocument, kind=text(2, 3, UPPER), number=text(1, 50)), max_size=2))
        ),
        address=address,
        # NM101, the entity code of the person, as an ACE truck file gives it (the model has no code list for it).
        extensions={"x12.NM1.01": draw(text(2, 3, UPPER))},
    )


@st.composite
def tractors(draw: st.DrawFn) -> Conveyance | None:
    tractor = Conveyance(
        vin=draw(optional(text(17, 17, UPPER + DIGITS))),
        model_year=draw(optional(st.integers(1980, 2030))),
        vehicle_plate=draw(optional(text(1, 30, UPPER + DIGITS))),
        plate_subdivision=draw(optional(text(2, 2, UPPER))),
        plate_country=draw(optional(st.sampled_from(["MX", "US"]))),
    )
    return tractor if tractor != Conveyance() else None


@st.composite
def equipment(draw: st.DrawFn, mode: Mode) -> Equipment:
    kind = draw(st.sampled_from(_KINDS[mode]))
    seals = draw(st.lists(text(2, 15, UPPER + DIGITS), max_size=2))
    return Equipment(
        kind=kind,
        initial=draw(text(1, 4, UPPER)),
        number=draw(text(1, 10, DIGITS)),
        size_type=draw(optional(text(4, 4, UPPER + DIGITS))),
        seals=tuple(Seal(number=s) for s in seals),
        loaded=draw(st.none() | st.booleans()),
        type_codes=(Reference(kind="x12.VID.01", value=_VID_CODES[kind]),),
    )


@st.composite
def parties(draw: st.DrawFn) -> Party:
    contact = None
    if draw(st.booleans()):
        contact = Contact(
            name=draw(text(1, 30)),
            phone=draw(optional(text(7, 15, DIGITS))),
            email=draw(optional(st.just("OPS@EXAMPLE.COM"))),
        )
    address = None
    if draw(st.booleans()):
        address = Address(
            street=draw(text(1, 55)),
            city=draw(text(2, 30)),
            subdivision=draw(optional(text(2, 2, UPPER))),
            postal_code=draw(optional(text(5, 5, DIGITS))),
            country=draw(optional(st.sampled_from(["MX", "US"]))),
        )
    return Party(
        role=draw(st.sampled_from([PartyRole.SHIPPER, PartyRole.CONSIGNEE, PartyRole.NOTIFY, PartyRole.BROKER])),
        name=draw(text(1, 60)),
        address=address,
        contact=contact,
    )


@st.composite
def consignments(draw: st.DrawFn, mode: Mode, port: Place) -> Consignment:
    items = draw(st.lists(equipment(mode), max_size=3, unique_by=lambda e: e.identifier))
    goods_items = [g for e in items for g in draw(st.lists(goods(e.identifier), max_size=2))]
    return Consignment(
        document_number=draw(text(1, 12, UPPER + DIGITS)),
        document_type=_DOCUMENT_TYPES[mode],
        place_of_discharge=port,
        place_of_loading=draw(optional(text(5, 5, DIGITS).map(lambda c: Place(code=c, scheme=PlaceScheme.SCHEDULE_K)))),
        place_of_receipt=draw(optional(text(1, 17).map(lambda n: Place(name=n)))),
        total_packages=Packages(count=draw(st.integers(0, 10**8 - 1)), kind=draw(text(3, 3, UPPER))),
        gross_weight=Quantity(value=draw(decimals()), unit=draw(st.sampled_from(["KGM", "LBR"]))),
        volume=draw(optional(st.builds(Quantity, value=decimals(1), unit=st.sampled_from(["MTQ", "FTQ"])))),
        parties=tuple(draw(st.lists(parties(), max_size=3))),
        references=tuple(draw(st.lists(st.builds(Reference, kind=text(2, 3, UPPER), value=text(1, 30)), max_size=2))),
        in_bond=draw(
            optional(
                st.builds(
                    InBond,
                    entry_type=st.sampled_from(["61", "62", "63", "69"]),
                    number=text(1, 15, UPPER + DIGITS),
                )
            )
        ),
        equipment=tuple(items),
        goods=tuple(goods_items),
    )


@st.composite
def manifests(draw: st.DrawFn) -> Manifest:
    mode = draw(st.sampled_from([Mode.RAIL, Mode.MARITIME, Mode.ROAD]))
    rail = mode is Mode.RAIL
    road = mode is Mode.ROAD
    trip = draw(text(2, 10, UPPER + DIGITS))
    port = Place(code=draw(text(4, 4, DIGITS)), scheme=PlaceScheme.SCHEDULE_D)
    sender = draw(text(2, 15, UPPER))
    control = draw(st.integers(1, 999999999))
    envelope = {
        "x12.ISA.01": "00",
        "x12.ISA.02": " " * 10,
        "x12.ISA.03": "00",
        "x12.ISA.04": " " * 10,
        "x12.ISA.05": "ZZ",
        "x12.ISA.06": sender.ljust(15),
        "x12.ISA.07": "ZZ",
        "x12.ISA.08": "CBPACE".ljust(15),
        "x12.ISA.09": "261127",
        "x12.ISA.10": "1200",
        "x12.ISA.11": "^" if rail or road else "U",
        "x12.ISA.12": {Mode.RAIL: "00404", Mode.ROAD: "00406"}.get(mode, "00401"),
        "x12.ISA.13": f"{control:09d}",
        "x12.ISA.14": "0",
        "x12.ISA.15": "P",
        "x12.ISA.16": ">",
        "x12.GS.01": "AQ" if rail or road else "SO",
        "x12.GS.02": sender,
        "x12.GS.03": "CBPACE",
        "x12.GS.04": "20261127",
        "x12.GS.05": "1200",
        "x12.GS.06": str(control),
        "x12.GS.07": "X",
        "x12.GS.08": {Mode.RAIL: "004040", Mode.ROAD: "004060"}.get(mode, "004010"),
        "x12.ST.02": f"{control % 10000:04d}",
        "x12.separators": "*~\n",
    }
    return Manifest(
        mode=mode,
        carrier=Carrier(scac=draw(text(2, 4, UPPER))),
        conveyance=draw(tractors())
        if road
        else Conveyance(
            name=draw(optional(text(2, 28).filter(lambda name: name != trip))),
            imo_number=draw(optional(text(7, 7, DIGITS))),
            flag=draw(st.sampled_from(["MX", "US", "SG", "PA"])),
            train_id=trip if rail else None,
        ),
        crew=tuple(draw(st.lists(crew_members(), max_size=3))) if road else (),
        trip_number=trip,
        arrival=Stop(place=port, moment=draw(st.dates(date(2000, 1, 1), date(2099, 12, 31)))),
        office_of_entry=port,
        consignments=tuple(draw(st.lists(consignments(mode, port), min_size=1, max_size=3))),
        extensions=envelope,
    )
