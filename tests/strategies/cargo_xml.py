"""Hypothesis strategies for each Cargo-XML message type: each message carries a different part of the model (an
XFFM has no parties, an XFWB one waybill), and the reader derives a few fields from others (the trip number from the
flight, the consignment's ULDs from its items), so a generated model keeps those relations."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

from hypothesis import strategies as st

from manifest.formats import cargo_xml
from manifest.model import (
    Address,
    Carrier,
    ChargeDeclarations,
    Consignment,
    Contact,
    Conveyance,
    CustomsNote,
    DocumentType,
    Equipment,
    EquipmentKind,
    Execution,
    GoodsItem,
    Manifest,
    Mode,
    Money,
    Packages,
    Party,
    PartyRole,
    Payment,
    Place,
    PlaceScheme,
    Quantity,
    Rate,
    Stop,
)
from tests.strategies.common import UPPER, awb_numbers, optional

# Element text as the reader gives it back: no surrounding blanks (it strips them), no control characters.
TEXT = (
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")) | st.just("\n"), min_size=1, max_size=12
    )
    .map(str.strip)
    .filter(bool)
)
AIRPORTS = st.text(alphabet=UPPER, min_size=3, max_size=3)


def quantities(units: tuple[str, ...]) -> st.SearchStrategy[Quantity]:
    amounts = st.decimals(min_value=0, max_value=10**7, places=3, allow_nan=False, allow_infinity=False)
    return st.builds(Quantity, value=amounts, unit=st.sampled_from(units))


def _any_set(obj: Any) -> bool:
    return any(getattr(obj, name) is not None for name in obj.__slots__ if name != "extensions")


# Every strategy is built once, here: building strategies inside a draw costs more than the round trip itself.
WEIGHTS = optional(quantities(("KGM", "LBR")))
VOLUMES = optional(quantities(("MTQ", "FTQ", "CMQ")))
PACKAGES = optional(st.builds(Packages, count=st.integers(min_value=0, max_value=99_999)))
MOMENTS = st.one_of(
    st.dates(min_value=date(2000, 1, 1), max_value=date(2099, 12, 31)),
    st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)),
    st.builds(
        lambda d, minutes: d.replace(tzinfo=timezone(timedelta(minutes=minutes))),
        st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2099, 12, 31)),
        st.integers(min_value=-12 * 60, max_value=14 * 60),
    ),
)
MAYBE_TEXT = optional(TEXT)
PLACES = st.builds(Place, code=AIRPORTS, scheme=st.just(PlaceScheme.IATA_AIRPORT), name=MAYBE_TEXT)
MAYBE_PLACE = optional(PLACES)
STOPS = st.builds(Stop, place=PLACES, moment=optional(MOMENTS))
MAYBE_STOP = optional(STOPS)
ADDRESSES = optional(
    st.builds(
        Address,
        street=MAYBE_TEXT,
        city=MAYBE_TEXT,
        subdivision=MAYBE_TEXT,
        postal_code=MAYBE_TEXT,
        country=optional(st.text(alphabet=UPPER, min_size=2, max_size=2)),
    ).filter(_any_set)
)
CONTACTS = optional(st.builds(Contact, name=MAYBE_TEXT, phone=MAYBE_TEXT, email=MAYBE_TEXT).filter(_any_set))
AGENT_CODES = optional(st.from_regex(r"[0-9]{7}", fullmatch=True))
# The serializer writes parties in the order of the party elements in the message type.
PARTIES = st.lists(
    st.builds(
        Party,
        role=st.sampled_from((PartyRole.SHIPPER, PartyRole.CONSIGNEE, PartyRole.AGENT, PartyRole.NOTIFY)),
        name=MAYBE_TEXT,
        code=AGENT_CODES,
        address=ADDRESSES,
        contact=CONTACTS,
    ),
    max_size=4,
    unique_by=lambda p: p.role,
).map(lambda found: tuple(sorted(found, key=lambda p: list(cargo_xml.parties.ROLES).index(p.role))))
NOTES = st.lists(
    st.builds(
        CustomsNote,
        country=optional(st.sampled_from(("US", "MX", "CA"))),
        subject=optional(st.sampled_from(("SHP", "CNE", "ISS", "CUS"))),
        content_code=optional(st.sampled_from(("T", "CP", "CT", "RA", *cargo_xml.schema.ACAS_CONTENT_CODES))),
        content=MAYBE_TEXT,
    ),
    max_size=2,
).map(tuple)
HANDLING = st.lists(st.text(alphabet=UPPER, min_size=3, max_size=3), max_size=2).map(tuple)
ULDS = st.builds(
    Equipment,
    kind=st.just(EquipmentKind.ULD),
    initial=st.sampled_from(("PMC", "AKE", "PAG", "PLA")),
    number=st.builds(lambda n, owner: f"{n:05d}{owner}", st.integers(0, 99_999), st.sampled_from(("AM", "DL", "LH"))),
    gross_weight=WEIGHTS,
)
ULD_LISTS = st.lists(ULDS, max_size=3, unique_by=lambda u: u.identifier)
COUNTS = st.integers(min_value=0, max_value=2)
PICKS = st.lists(st.integers(min_value=0, max_value=3), unique=True, max_size=2)
PARTS = st.lists(st.integers(min_value=0, max_value=15), min_size=1, max_size=3, unique=True)
HS_CODES = optional(st.from_regex(r"[0-9]{6}", fullmatch=True))
AMOUNTS = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False, allow_infinity=False)
CURRENCIES = st.sampled_from(("USD", "MXN", "EUR"))
PAYMENTS = optional(st.sampled_from(list(Payment)))
DECLARATIONS = optional(
    st.builds(
        ChargeDeclarations,
        currency=optional(CURRENCIES),
        charge_code=optional(st.sampled_from(("PP", "CC", "PX"))),
        weight_valuation=PAYMENTS,
        other_charges=PAYMENTS,
        carriage_value=optional(AMOUNTS),
        insurance_value=optional(AMOUNTS),
    )
)
CUSTOMS_VALUES = optional(st.builds(Money, amount=AMOUNTS, currency=CURRENCIES))
EXECUTIONS = optional(
    st.builds(Execution, moment=optional(MOMENTS), place=MAYBE_TEXT, signature=MAYBE_TEXT).filter(_any_set)
)
RATES = optional(
    st.builds(
        Rate,
        rate_class=optional(st.sampled_from(("M", "N", "Q", "C"))),
        commodity_item=optional(st.from_regex(r"[0-9]{4}", fullmatch=True)),
        chargeable_weight=optional(quantities(("KGM", "LBR"))),
        rate=optional(AMOUNTS),
        total=optional(AMOUNTS),
    ).filter(_any_set)
)
HOUSE_NUMBERS = st.from_regex(r"[A-Z0-9]{4,12}", fullmatch=True)
AWB_NUMBERS = awb_numbers()
WAYBILL_NUMBERS = st.lists(AWB_NUMBERS, max_size=3, unique=True)
POINT_CODES = st.lists(AIRPORTS, min_size=1, max_size=3, unique=True)
POINTS = st.lists(STOPS, min_size=3, max_size=3)
POINT_INDEXES = st.lists(st.integers(min_value=0, max_value=2), min_size=3, max_size=3)
FLIGHT_NUMBERS = optional(st.from_regex(r"[A-Z0-9]{2}[0-9]{3,4}", fullmatch=True))
REGISTRATIONS = optional(st.from_regex(r"[A-Z]{1,2}-[A-Z0-9]{3,5}", fullmatch=True))
CARRIERS = optional(st.builds(Carrier, iata_code=st.from_regex(r"[A-Z0-9]{2}", fullmatch=True)))


@st.composite
def core(draw: st.DrawFn, *, with_parties: bool = True, with_volume: bool = True) -> dict[str, Any]:
    return {
        "gross_weight": draw(WEIGHTS),
        "volume": draw(VOLUMES) if with_volume else None,
        "total_packages": draw(PACKAGES),
        "parties": draw(PARTIES) if with_parties else (),
        "place_of_loading": draw(MAYBE_PLACE),
        "place_of_discharge": draw(MAYBE_PLACE),
        "handling_codes": draw(HANDLING),
        "customs_notes": draw(NOTES),
    }


CORE = core()
FLIGHT_CORE = core(with_parties=False, with_volume=False)


@st.composite
def rated(
    draw: st.DrawFn, number: str, kind: DocumentType, master: str | None = None, charged: bool = False
) -> Consignment:
    """A waybill with rate lines whose ULDs are the consignment's equipment, in the order the lines name them; a
    ``charged`` one (a master air waybill) with its charge declarations, execution and rate charges."""
    ulds = {u.identifier: u for u in draw(ULD_LISTS)}
    names = list(ulds)
    goods = [
        GoodsItem(
            sequence=sequence + 1 if draw(st.booleans()) else None,
            description=draw(MAYBE_TEXT),
            packages=draw(PACKAGES),
            gross_weight=draw(WEIGHTS),
            volume=draw(VOLUMES),
            hs_code=draw(HS_CODES),
            equipment_ids=tuple(names[i] for i in draw(PICKS) if i < len(names)),
            rate=draw(RATES) if charged else None,
        )
        for sequence in range(draw(COUNTS))
    ]
    used = list(dict.fromkeys(i for item in goods for i in item.equipment_ids))
    return Consignment(
        document_number=number,
        document_type=kind,
        master_number=master,
        goods=tuple(goods),
        equipment=tuple(ulds[i] for i in used),
        **draw(CORE),
        value=draw(CUSTOMS_VALUES) if charged else None,
        charges=draw(DECLARATIONS) if charged else None,
        execution=draw(EXECUTIONS) if charged else None,
    )


@st.composite
def flights(draw: st.DrawFn) -> dict[str, Any]:
    flight = draw(FLIGHT_NUMBERS)
    registration = draw(REGISTRATIONS)
    conveyance = Conveyance(flight_number=flight, aircraft_registration=registration)
    return {
        "carrier": draw(CARRIERS),
        "conveyance": conveyance if flight or registration else None,
        "trip_number": flight,
    }


FLIGHTS = flights()


@st.composite
def waybills(draw: st.DrawFn) -> Manifest:
    return Manifest(
        mode=Mode.AIR,
        **draw(FLIGHTS),
        departure=draw(MAYBE_STOP),
        arrival=draw(MAYBE_STOP),
        consignments=(draw(rated(draw(AWB_NUMBERS), DocumentType.AIR_WAYBILL, charged=True)),),
        extensions={"cargo-xml.message": "XFWB"},
    )


@st.composite
def house_messages(draw: st.DrawFn, code: str) -> Manifest:
    master_number = draw(AWB_NUMBERS)
    master = Consignment(document_number=master_number, document_type=DocumentType.AIR_WAYBILL, **draw(CORE))
    count = 1 if code == "XFZB" else draw(COUNTS)
    houses = [draw(rated(draw(HOUSE_NUMBERS), DocumentType.HOUSE_AIR_WAYBILL, master_number)) for _ in range(count)]
    return Manifest(mode=Mode.AIR, consignments=(master, *houses), extensions={"cargo-xml.message": code})


@st.composite
def flight_manifests(draw: st.DrawFn) -> Manifest:
    """Points of unloading, ULDs at each, waybills whose parts sit in ULDs or in bulk, in the order of the message."""
    codes = draw(POINT_CODES)
    points = [
        replace(stop, place=replace(stop.place, code=code)) for stop, code in zip(draw(POINTS), codes, strict=False)
    ]
    several = len(points) > 1
    unloading = cargo_xml.flight.UNLOADING
    placed = [
        (point % len(points), replace(uld, extensions={unloading: codes[point % len(points)]}) if several else uld)
        for uld, point in zip(draw(ULD_LISTS), draw(POINT_INDEXES), strict=False)
    ]
    # The ULDs come grouped by their point of unloading, in the order of the points.
    ulds = [uld for _, uld in sorted(placed, key=lambda pair: pair[0])]
    # The message lists, per point of unloading, its ULDs (in equipment order) and then its bulk cargo.
    slots: list[tuple[int, Equipment | None]] = []
    for index, code in enumerate(codes):
        slots.extend((index, u) for u in ulds if not several or u.extensions[unloading] == code)
        slots.append((index, None))
    by_id = {u.identifier: u for u in ulds}
    consignments = []
    for number in draw(WAYBILL_NUMBERS):
        chosen = sorted({slot % len(slots) for slot in draw(PARTS)})
        goods = [
            GoodsItem(
                description=draw(MAYBE_TEXT),
                packages=draw(PACKAGES),
                gross_weight=draw(WEIGHTS),
                volume=draw(VOLUMES),
                equipment_ids=(uld.identifier,) if uld else (),
                extensions={unloading: codes[point]} if several and uld is None else {},
            )
            for point, uld in (slots[slot] for slot in chosen)
        ]
        used = list(dict.fromkeys(i for item in goods for i in item.equipment_ids))
        waybill = Consignment(
            document_number=number,
            document_type=DocumentType.AIR_WAYBILL,
            goods=tuple(goods),
            equipment=tuple(by_id[i] for i in used),
            **draw(FLIGHT_CORE),
        )
        consignments.append((chosen[0], waybill))
    return Manifest(
        mode=Mode.AIR,
        **draw(FLIGHTS),
        departure=draw(MAYBE_STOP),
        arrival=points[-1],
        stops=tuple(points[:-1]),
        equipment=tuple(ulds),
        consignments=tuple(c for _, c in sorted(consignments, key=lambda pair: pair[0])),
        extensions={"cargo-xml.message": "XFFM"},
    )
