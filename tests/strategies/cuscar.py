"""Hypothesis strategies for manifests that CUSCAR carries in full: the limits of the format are the parameters
(its code lists, the ISO 6346 containers, UN/LOCODE and Schedule D places, values of ISO 8859-1 or beyond). What the
D.95B segment table has no place for is not drawn: a goods item's country of origin and customs documents, a
consignment's volume, the texts of several dangerous goods of one item, a dangerous good's contact."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

from hypothesis import strategies as st
from stdnum import iso6346

from manifest.codelists.crosswalks import pairs
from manifest.model import (
    Address,
    Carrier,
    Consignment,
    Conveyance,
    Direction,
    DocumentType,
    Equipment,
    EquipmentKind,
    GoodsItem,
    HazardousMaterial,
    Manifest,
    Mode,
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
    TaxId,
    TaxIdScheme,
)
from tests.strategies.common import DIGITS, UPPER, fixed


def texts(max_size: int = 40, wide: bool = False) -> st.SearchStrategy[str]:
    """Printable text, the EDIFACT service characters included (they must be released on write)."""
    top = 0x17F if wide else 0xFF
    alphabet = st.characters(min_codepoint=0x20, max_codepoint=top, exclude_categories=["Cc"])
    return st.text(alphabet, min_size=1, max_size=max_size)


codes = fixed(UPPER + DIGITS, 2, 8)
alpha2 = st.sampled_from(["MX", "US", "GT", "CA", "PA"])
digits = fixed(DIGITS, 4, 12)


@st.composite
def amounts(draw: st.DrawFn) -> Decimal:
    return Decimal(draw(st.integers(0, 10**9))).scaleb(-draw(st.integers(0, 3)))


def quantities(units: tuple[str, ...]) -> st.SearchStrategy[Quantity]:
    return st.builds(Quantity, value=amounts(), unit=st.sampled_from(units))


weights = quantities(("KGM", "LBR", "TNE"))
volumes = quantities(("MTQ", "FTQ"))


@st.composite
def ports(draw: st.DrawFn, schedule_d: bool = True) -> Place:
    name = draw(st.none() | texts(30))
    if schedule_d and draw(st.booleans()):
        return Place(code=draw(fixed(DIGITS, 4)), scheme=PlaceScheme.SCHEDULE_D, name=name, country="US")
    # A UN/LOCODE begins with its country (UN/ECE Recommendation 16), which the reader gives the place.
    code = draw(alpha2) + draw(fixed(UPPER + "23456789", 3))
    return Place(code=code, scheme=PlaceScheme.UNLOCODE, name=name, country=code[:2])


moments = st.one_of(
    st.dates(date(1990, 1, 1), date(2089, 12, 31)),
    st.datetimes(datetime(1990, 1, 1), datetime(2089, 12, 31)).map(lambda d: d.replace(microsecond=0)),
)


def stops() -> st.SearchStrategy[Stop]:
    return st.builds(Stop, place=ports(), moment=st.none() | moments)


@st.composite
def parties(draw: st.DrawFn) -> Party:
    role = draw(
        st.sampled_from(sorted(PartyRole(p.to_code) for p in pairs("party-roles") if p.from_system == "uncl-3035"))
    )
    identity = draw(st.sampled_from(["none", "code", "gln", "rfc"]))
    code: str | None = None
    tax_ids: tuple[TaxId, ...] = ()
    if identity == "code":
        code = draw(codes)
    elif identity == "gln":
        code = draw(fixed(DIGITS, 13))
        tax_ids = (TaxId(scheme=TaxIdScheme.GLN, value=code),)
    elif identity == "rfc":
        tax_ids = (TaxId(scheme=TaxIdScheme.RFC, value=draw(codes), country="MX"),)
    address = draw(
        st.none()
        | st.builds(
            Address,
            street=texts(80),
            city=st.none() | texts(30),
            subdivision=st.none() | codes,
            postal_code=st.none() | fixed(DIGITS, 4, 9),  # NAD 3251 is an..9
            country=st.none() | alpha2,
        )
    )
    return Party(
        role=role,
        name=draw(st.none() | texts(120)),
        address=address,
        tax_ids=tax_ids,
        code=code,
    )


@st.composite
def containers(draw: st.DrawFn, serial: int) -> Equipment:
    owner = draw(fixed(UPPER, 3)) + "U"
    body = f"{serial:06d}"
    check = iso6346.calc_check_digit(owner + body)
    return Equipment(
        kind=EquipmentKind.CONTAINER,
        initial=owner,
        number=body + check,
        size_type=draw(st.none() | st.sampled_from(["22G1", "42G1", "45G1", "45R1"])),
        seals=tuple(
            draw(
                st.lists(
                    st.builds(
                        Seal, number=codes, party=st.none() | st.sampled_from(["carrier", "shipper", "customs", "ZZZ"])
                    ),
                    max_size=2,
                )
            )
        ),
        loaded=draw(st.none() | st.booleans()),
        gross_weight=draw(st.none() | weights),
        tare_weight=draw(st.none() | weights),
        net_weight=draw(st.none() | weights),
    )


@st.composite
def hazards(draw: st.DrawFn) -> HazardousMaterial:
    return HazardousMaterial(
        un_number=draw(st.none() | fixed(DIGITS, 4)),
        hazard_class=draw(st.none() | st.sampled_from(["2.1", "3", "8", "9"])),
        packing_group=draw(st.none() | st.sampled_from(["I", "II", "III"])),
        proper_shipping_name=draw(st.none() | texts(100)),
    )


@st.composite
def goods(draw: st.DrawFn, equipment_ids: tuple[str, ...]) -> GoodsItem:
    hazardous = draw(st.lists(hazards(), max_size=2))
    if len(hazardous) > 1:
        # The text of a dangerous good (FTX AAD) stands before the DGS in the goods item: it names the item's one DGS.
        hazardous = [replace(hazard, proper_shipping_name=None) for hazard in hazardous]
    return GoodsItem(
        sequence=draw(st.none() | st.integers(1, 99999)),
        description=draw(st.none() | texts(150)),
        packages=draw(st.none() | st.builds(Packages, count=st.integers(0, 10**6), kind=st.none() | codes)),
        gross_weight=draw(st.none() | weights),
        net_weight=draw(st.none() | weights),
        volume=draw(st.none() | volumes),
        hs_code=draw(st.none() | fixed(DIGITS, 6)),
        tariff_codes=tuple(
            draw(
                st.lists(
                    st.builds(TariffCode, scheme=st.sampled_from(["us-hts", "mx-fraccion"]), code=fixed(DIGITS, 8, 10)),
                    max_size=2,
                )
            )
        ),
        marks=draw(st.none() | st.lists(texts(35), min_size=1, max_size=4).map("\n".join)),
        hazardous=tuple(hazardous),
        equipment_ids=equipment_ids,
    )


@st.composite
def consignments(draw: st.DrawFn, first_serial: int) -> Consignment:
    equipment = tuple(draw(containers(first_serial + k)) for k in range(draw(st.integers(0, 3))))
    ids = [e.identifier for e in equipment]
    count = draw(st.integers(1 if ids else 0, 3))
    placements: list[tuple[str, ...]] = [() for _ in range(count)]
    for position, ident in enumerate(ids):
        placements[position % count] += (ident,)
    house = draw(st.booleans())
    return Consignment(
        document_number=draw(texts(20)),
        document_type=DocumentType.HOUSE_BILL_OF_LADING if house else DocumentType.BILL_OF_LADING,
        master_number=draw(st.none() | texts(20)) if house else None,
        place_of_receipt=draw(st.none() | ports()),
        place_of_loading=draw(st.none() | ports()),
        place_of_discharge=draw(st.none() | ports()),
        place_of_delivery=draw(st.none() | ports()),
        parties=tuple(draw(st.lists(parties(), max_size=3))),
        goods=tuple(draw(goods(placement)) for placement in placements),
        equipment=equipment,
        total_packages=draw(st.none() | st.builds(Packages, count=st.integers(0, 10**6))),
        gross_weight=draw(st.none() | weights),
        references=tuple(
            draw(
                st.lists(
                    st.builds(Reference, kind=st.sampled_from(["CU", "AAQ", "SS", "BN"]), value=texts(20)), max_size=2
                )
            )
        ),
    )


@st.composite
def manifests(draw: st.DrawFn, wide: bool = False) -> Manifest:
    departure = draw(st.none() | stops())
    arrival = draw(st.none() | stops())
    origin = departure.place.country if departure else None
    destination = arrival.place.country if arrival else None
    crossings: dict[tuple[str | None, str | None], Direction] = {
        ("MX", "US"): Direction.NORTHBOUND,
        ("US", "MX"): Direction.SOUTHBOUND,
    }
    direction = crossings.get((origin, destination))
    imo = draw(st.none() | fixed(DIGITS, 7))
    conveyance = draw(
        st.none()
        | st.builds(
            Conveyance,
            name=texts(35, wide),
            imo_number=st.just(imo),
            call_sign=st.none() if imo else st.none() | codes,
            flag=st.none() | alpha2,
        )
    )
    carrier = draw(st.none() | st.builds(Carrier, scac=fixed(UPPER, 2, 4), name=st.none() | texts(35)))
    serial = draw(st.integers(0, 900000))
    return Manifest(
        mode=Mode.MARITIME,
        carrier=carrier,
        conveyance=conveyance,
        trip_number=draw(st.none() | texts(17)),
        departure=departure,
        arrival=arrival,
        office_of_entry=draw(st.none() | ports()),
        direction=direction,
        country_from=origin,
        country_to=destination,
        parties=tuple(draw(st.lists(parties(), max_size=2))),
        references=tuple(  # RFF C506/1153 reference qualifier is an..3
            draw(st.lists(st.builds(Reference, kind=fixed(UPPER + DIGITS, 2, 3), value=texts(20)), max_size=2))
        ),
        consignments=tuple(draw(consignments(serial + 10 * k)) for k in range(draw(st.integers(0, 3)))),
    )
