"""Hypothesis strategies for models that Cargo-IMP carries whole, one per message type.

Each strategy builds the model a Cargo-IMP reader produces: upper-case text without slants, AWB numbers with their
mod-7 check digit, weights with at most three decimals, the parties and lines each message has room for, and the
format's own extensions where the reader keeps what the model has no field for.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from manifest.formats.cargo_imp import parties
from manifest.formats.cargo_imp.ffm_layout import X_END, X_PART, X_SHIPMENT_CODE
from manifest.formats.cargo_imp.goods import ulds_of
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
from tests.strategies.common import DIGITS, UPPER, awb_numbers, fixed

REFERENCE = date(2026, 11, 27)

WORD = st.builds(lambda first, rest: first + rest, fixed(UPPER + DIGITS, 1), fixed(UPPER + DIGITS + ".-", 0, 9))
CODE3 = fixed(UPPER, 3)
COUNTRY = fixed(UPPER, 2)
CARRIER = st.builds(lambda a, b: a + b, fixed(UPPER, 1), fixed(UPPER + DIGITS, 1))
SHC = fixed(UPPER + DIGITS, 3)


def words(max_words: int = 4) -> st.SearchStrategy[str]:
    return st.lists(WORD, min_size=1, max_size=max_words).map(" ".join)


def airports() -> st.SearchStrategy[Place]:
    return CODE3.map(lambda code: Place(code=code, scheme=PlaceScheme.IATA_AIRPORT))


def decimals(places: int = 1, top: int = 99_999) -> st.SearchStrategy[Decimal]:
    return st.decimals(min_value=0, max_value=top, places=places, allow_nan=False, allow_infinity=False)


def weights() -> st.SearchStrategy[Quantity]:
    return st.builds(lambda v, u: Quantity(value=v, unit=u), decimals(), st.sampled_from(["KGM", "LBR"]))


def volumes() -> st.SearchStrategy[Quantity]:
    return st.builds(lambda v, u: Quantity(value=v, unit=u), decimals(2), st.sampled_from(["MTQ", "FTQ", "INQ", "CMQ"]))


def packages() -> st.SearchStrategy[Packages]:
    return st.integers(1, 9999).map(lambda n: Packages(count=n))


def notes() -> st.SearchStrategy[tuple[CustomsNote, ...]]:
    note = st.builds(
        CustomsNote,
        country=st.none() | COUNTRY,
        subject=st.none() | CODE3,
        content_code=st.none() | fixed(UPPER, 1, 2),
        content=words(2),
    )
    return st.lists(note, max_size=2).map(tuple)


def hs_codes() -> st.SearchStrategy[str]:
    return fixed(DIGITS, 6)


@st.composite
def name_blocks(draw: st.DrawFn, role: PartyRole) -> Party:
    address = Address(
        street=draw(st.none() | words(6)),
        city=draw(words(2)),
        subdivision=draw(st.none() | fixed(UPPER, 2, 3)),
        country=draw(COUNTRY),
        postal_code=draw(st.none() | fixed(DIGITS, 5)),
    )
    phone = draw(st.none() | fixed(DIGITS, 6, 12))
    layout = draw(st.none() | st.sampled_from(parties.UNTAGGED))
    name = draw(words(8))
    code = draw(st.none() | fixed(UPPER + DIGITS, 4, 10))
    if layout is not None:
        # The untagged layout gives the name one line and tells an account number by its digits; a name of two
        # words or more is never taken for one.
        name = draw(st.lists(WORD, min_size=2, max_size=3).map(" ".join))
        code = {
            parties.NAME_ON_TAG: None,
            parties.ACCOUNT_LINE: draw(fixed(DIGITS, 4, 10)),
            parties.NAME_LINE: draw(st.none() | fixed(DIGITS, 4, 10)),
        }[layout]
    return Party(
        role=role,
        name=name,
        address=address,
        contact=Contact(phone=phone) if phone else None,
        code=code,
        extensions={parties.X_LAYOUT: layout} if layout is not None else {},
    )


@st.composite
def agents(draw: st.DrawFn) -> Party:
    return Party(
        role=PartyRole.AGENT,
        name=draw(words(4)),
        address=Address(city=draw(words(2))),
        code=draw(fixed(DIGITS, 7)),
    )


@st.composite
def rate_lines(draw: st.DrawFn, sequence: int) -> GoodsItem:
    weight = draw(weights())
    return GoodsItem(
        sequence=sequence,
        description=draw(st.none() | words(6)),
        packages=draw(packages()),
        gross_weight=weight,
        volume=draw(st.none() | volumes()),
        hs_code=draw(st.none() | hs_codes()),
        origin_country=draw(st.none() | COUNTRY),
        equipment_ids=draw(st.sampled_from([(), ("PMC73850AM",), ("AKE12045AM", "PMC73850AM")])),
        rate=draw(st.none() | rates(weight.unit)),
        # A rate combination point, which the model has no field for, is kept as written.
        extensions=draw(st.sampled_from([{}, {"cargo-imp.RTD.rate": "PNYC"}])),
    )


def rates(unit: str) -> st.SearchStrategy[Rate]:
    return st.builds(
        Rate,
        rate_class=st.none() | st.sampled_from(["M", "N", "Q", "C", "U"]),
        commodity_item=st.none() | fixed(DIGITS, 4),
        chargeable_weight=st.none() | decimals().map(lambda v: Quantity(value=v, unit=unit)),
        rate=st.none() | decimals(2),
        total=st.none() | decimals(2),
    ).filter(lambda rate: rate != Rate())  # a rate line's charge says something, or there is none


def payments() -> st.SearchStrategy[Payment]:
    return st.sampled_from(list(Payment))


@st.composite
def declarations(draw: st.DrawFn, currency: str, charge_code: bool = True) -> ChargeDeclarations:
    """Charge declarations; FHL's CVD line has no charge code."""
    return ChargeDeclarations(
        currency=currency,
        charge_code=draw(st.none() | st.sampled_from(["PP", "CC", "PX", "CX"])) if charge_code else None,
        weight_valuation=draw(payments()),
        other_charges=draw(payments()),
        carriage_value=draw(st.none() | decimals(2)),
        insurance_value=draw(st.none() | decimals(2)),
    )


@st.composite
def executions(draw: st.DrawFn) -> Execution:
    return Execution(
        moment=draw(st.dates(date(2000, 1, 1), date(2099, 12, 31))),
        place=draw(words(2).filter(lambda text: len(text) <= 17)),
        signature=draw(st.none() | words(2).filter(lambda text: len(text) <= 20)),
    )


@st.composite
def fwb_manifests(draw: st.DrawFn) -> Manifest:
    origin, destination = draw(airports()), draw(airports())
    carrier = draw(CARRIER)
    flight = carrier + draw(fixed(DIGITS, 4))
    day = draw(st.integers(1, 28))
    currency = draw(st.sampled_from(["USD", "MXN"]))
    value = draw(st.none() | st.builds(lambda a: Money(amount=a, currency=currency), decimals(2)))
    parties = [draw(name_blocks(PartyRole.SHIPPER)), draw(name_blocks(PartyRole.CONSIGNEE))]
    if draw(st.booleans()):
        parties.append(draw(agents()))
    if draw(st.booleans()):
        parties.append(draw(name_blocks(PartyRole.NOTIFY)))
    count = draw(st.integers(1, 3))
    rates = tuple(draw(rate_lines(n)) for n in range(1, count + 1))
    consignment = Consignment(
        document_number=draw(awb_numbers()),
        document_type=DocumentType.AIR_WAYBILL,
        place_of_loading=origin,
        place_of_discharge=destination,
        total_packages=draw(packages()),
        gross_weight=draw(weights()),
        volume=draw(st.none() | volumes()),
        parties=tuple(parties),
        goods=rates,
        equipment=ulds_of(rates),
        value=value,
        charges=draw(declarations(currency)),
        execution=draw(executions()),
        handling_codes=tuple(draw(st.lists(SHC, max_size=3, unique=True))),
        customs_notes=draw(notes()),
        extensions={"cargo-imp.RTG": f"RTG/{destination.code}{carrier}", "cargo-imp.REF": "REF/MEXFFAM"},
    )
    return Manifest(
        mode=Mode.AIR,
        carrier=Carrier(iata_code=carrier),
        conveyance=Conveyance(flight_number=flight),
        trip_number=flight,
        consignments=(consignment,),
        extensions={
            "cargo-imp.message": "FWB",
            "cargo-imp.version": draw(st.sampled_from(["16", "17"])),
            "cargo-imp.FLT": f"FLT/{flight}/{day:02d}",
        },
    )


@st.composite
def fhl_manifests(draw: st.DrawFn) -> Manifest:
    master_number = draw(awb_numbers())
    origin, destination = draw(airports()), draw(airports())
    master = Consignment(
        document_number=master_number,
        document_type=DocumentType.AIR_WAYBILL,
        place_of_loading=origin,
        place_of_discharge=destination,
        total_packages=draw(packages()),
        gross_weight=draw(weights()),
    )
    with_parties = draw(st.booleans())
    numbers = draw(st.lists(fixed(UPPER + DIGITS, 1, 12), min_size=1, max_size=3, unique=True))
    houses = []
    for number in numbers:
        description = draw(words(2).filter(lambda text: len(text) <= 15))
        hs = draw(st.none() | hs_codes())
        pieces, weight = draw(packages()), draw(weights())
        parties: tuple[Party, ...] = ()
        value = None
        charges = None
        if with_parties:
            parties = (draw(name_blocks(PartyRole.SHIPPER)), draw(name_blocks(PartyRole.CONSIGNEE)))
            value = draw(st.none() | decimals(2).map(lambda amount: Money(amount=amount, currency="USD")))
            charges = draw(declarations("USD", charge_code=False))
        houses.append(
            Consignment(
                document_number=number,
                document_type=DocumentType.HOUSE_AIR_WAYBILL,
                master_number=master_number,
                place_of_loading=draw(airports()),
                place_of_discharge=draw(airports()),
                total_packages=pieces,
                gross_weight=weight,
                parties=parties,
                value=value,
                goods=(
                    GoodsItem(sequence=1, description=description, packages=pieces, gross_weight=weight, hs_code=hs),
                ),
                handling_codes=tuple(draw(st.lists(SHC, max_size=2, unique=True))),
                customs_notes=draw(notes()),
                charges=charges,
            )
        )
    return Manifest(
        mode=Mode.AIR,
        consignments=(master, *houses),
        extensions={"cargo-imp.message": "FHL", "cargo-imp.version": "5"},
    )


@st.composite
def ffm_manifests(draw: st.DrawFn, max_consignments: int = 6) -> Manifest:
    """A flight with its bulk consignments first, then those of each ULD, one line per air waybill."""
    carrier = draw(CARRIER)
    flight = carrier + draw(fixed(DIGITS, 3, 4))
    departed = datetime(2026, 11, 27, 1, 10) + timedelta(minutes=draw(st.integers(-90 * 24 * 60, 90 * 24 * 60)))
    departure = Stop(place=Place(code="MEX", scheme=PlaceScheme.IATA_AIRPORT), moment=departed)
    unloading = draw(CODE3)
    if draw(st.booleans()):
        arrival = Stop(
            place=Place(code=unloading, scheme=PlaceScheme.IATA_AIRPORT, country=draw(COUNTRY)),
            moment=departed + timedelta(hours=3),
        )
    else:
        arrival = Stop(
            place=Place(code=unloading, scheme=PlaceScheme.IATA_AIRPORT),
            moment=draw(st.none() | st.just(departed + timedelta(hours=3))),
        )
    ulds = [
        Equipment(kind=EquipmentKind.ULD, initial=kind, number=number)
        for kind, number in draw(
            st.lists(
                st.tuples(
                    st.sampled_from(["PMC", "AKE", "PAG"]),
                    st.builds(lambda a, b: a + b, fixed(DIGITS, 5), fixed(UPPER, 2)),
                ),
                max_size=2,
                unique_by=lambda pair: pair[0] + pair[1],
            )
        )
    ]
    numbers = draw(st.lists(awb_numbers(), min_size=1, max_size=max_consignments, unique=True))
    places = [draw(st.sampled_from([None, *ulds])) for _ in numbers]
    order = sorted(range(len(numbers)), key=lambda n: -1 if places[n] is None else ulds.index(places[n]))  # type: ignore[arg-type]
    consignments = []
    for index in order:
        uld = places[index]
        pieces, weight = draw(packages()), draw(weights())
        volume = draw(st.none() | volumes())
        # A part of a split waybill (P, S or D): the pieces, weight and volume on board, and the waybill's total
        # pieces; the waybill's total weight is not in a flight manifest.
        split = draw(st.none() | st.sampled_from(["P", "S", "D"]))
        total = pieces
        if split:
            pieces = Packages(count=draw(st.integers(1, 9900)))
            total = Packages(count=pieces.count + draw(st.integers(1, 99)))
        item = GoodsItem(
            sequence=1,
            description=draw(words(2).filter(lambda text: len(text) <= 15)),
            packages=pieces,
            gross_weight=weight,
            volume=volume,
            equipment_ids=(uld.identifier,) if uld else (),
            extensions={X_SHIPMENT_CODE: split} if split in ("S", "D") else {},
        )
        consignments.append(
            Consignment(
                document_number=numbers[index],
                document_type=DocumentType.AIR_WAYBILL,
                place_of_loading=draw(st.none() | airports()),
                place_of_discharge=Place(code=unloading, scheme=PlaceScheme.IATA_AIRPORT),
                total_packages=total,
                gross_weight=None if split else weight,
                volume=None if split else volume,
                goods=(item,),
                equipment=(uld,) if uld else (),
                handling_codes=tuple(draw(st.lists(SHC, max_size=2, unique=True))),
                customs_notes=draw(notes()),
            )
        )
    used = [uld for uld in ulds if uld in places]
    return Manifest(
        mode=Mode.AIR,
        equipment=tuple(used),
        carrier=Carrier(iata_code=carrier),
        conveyance=Conveyance(
            flight_number=flight,
            aircraft_registration=draw(
                st.none() | st.builds(lambda a, b: f"{a}-{b}", fixed(UPPER, 2), fixed(UPPER, 3))
            ),
        ),
        trip_number=flight,
        departure=departure,
        arrival=arrival,
        consignments=tuple(consignments),
        extensions={
            "cargo-imp.message": "FFM",
            "cargo-imp.version": "8",
            # A part of a manifest sent in several messages, as received: its number and its end code.
            **draw(st.sampled_from([{}, {X_PART: "5"}, {X_END: "CONT"}, {X_PART: "2", X_END: "CONT"}])),
        },
    )
