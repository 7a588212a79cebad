"""Cargo-IMP lines checked in both directions: each case is a message and the model it stands for; reading the
message gives the model, and writing the model gives the message back, byte for byte (after h11's table tests)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal

import pytest

from manifest.diagnostics import Position
from manifest.formats import cargo_imp
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
    TariffCode,
)
from tests.fixtures.cargo_imp import FFM_HEAD, FWB_LINES, fwb
from tests.strategies.cargo_imp import REFERENCE


def _airport(code: str, country: str | None = None) -> Place:
    return Place(code=code, scheme=PlaceScheme.IATA_AIRPORT, country=country)


def _kg(value: str, unit: str = "KGM") -> Quantity:
    return Quantity(value=Decimal(value), unit=unit)


_SHIPPER = Party(role=PartyRole.SHIPPER, name="A", address=Address(city="MEXICO", country="MX"))
_CONSIGNEE = Party(role=PartyRole.CONSIGNEE, name="B", address=Address(city="LOS ANGELES", country="US"))
_MASTER = Consignment(
    document_number="139-12345675",
    document_type=DocumentType.AIR_WAYBILL,
    place_of_loading=_airport("MEX"),
    place_of_discharge=_airport("LAX"),
    total_packages=Packages(count=2),
    gross_weight=_kg("10.5"),
    parties=(_SHIPPER, _CONSIGNEE),
    goods=(GoodsItem(sequence=1, packages=Packages(count=2), gross_weight=_kg("10.5")),),
    charges=ChargeDeclarations(currency="USD", weight_valuation=Payment.PREPAID, other_charges=Payment.PREPAID),
    execution=Execution(moment=date(2026, 11, 1), place="MEXICO"),
    extensions={"cargo-imp.RTG": "RTG/LAXAM", "cargo-imp.REF": "REF/MEXFFAM"},
)
_FWB = Manifest(
    mode=Mode.AIR, consignments=(_MASTER,), extensions={"cargo-imp.message": "FWB", "cargo-imp.version": "16"}
)


def _master(**changes: object) -> Manifest:
    return replace(_FWB, consignments=(replace(_MASTER, **changes),))  # type: ignore[arg-type]


def _goods(**changes: object) -> tuple[GoodsItem, ...]:
    return (replace(_MASTER.goods[0], **changes),)  # type: ignore[arg-type]


_FLIGHT = Manifest(
    mode=Mode.AIR,
    carrier=Carrier(iata_code="AM"),
    conveyance=Conveyance(flight_number="AM0642"),
    trip_number="AM0642",
    departure=Stop(place=_airport("MEX"), moment=datetime(2026, 11, 27, 1, 10)),
    arrival=Stop(place=_airport("LAX")),
    extensions={"cargo-imp.message": "FFM", "cargo-imp.version": "8"},
)


def _line(number: str, pieces: int, weight: str, description: str, **changes: object) -> Consignment:
    item = GoodsItem(sequence=1, description=description, packages=Packages(count=pieces), gross_weight=_kg(weight))
    base = Consignment(
        document_number=number,
        document_type=DocumentType.AIR_WAYBILL,
        place_of_loading=_airport("MEX"),
        place_of_discharge=_airport("LAX"),
        total_packages=Packages(count=pieces),
        gross_weight=_kg(weight),
        goods=(item,),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


_PMC = Equipment(kind=EquipmentKind.ULD, initial="PMC", number="73850AM")
_AKE = Equipment(kind=EquipmentKind.ULD, initial="AKE", number="12045AM")

CASES: list[tuple[str, list[str], Manifest]] = [
    ("fwb minimal", FWB_LINES, _FWB),
    (
        "fwb volume and density",
        fwb({1: ["139-12345675MEXLAX/T2K10.5MC0.25DG7"]}),
        _master(volume=_kg("0.25", "MTQ"), extensions={**_MASTER.extensions, "cargo-imp.density": "7"}),
    ),
    (
        "fwb pounds and cubic feet",
        fwb({1: ["139-12345675MEXLAX/T2L23.1CF8.8"], 12: ["RTD/1/P2/L23.1"]}),
        _master(
            gross_weight=_kg("23.1", "LBR"),
            volume=_kg("8.8", "FTQ"),
            goods=_goods(gross_weight=_kg("23.1", "LBR")),
        ),
    ),
    (
        "fwb flight booking",
        fwb({}, {2: ["FLT/AM0642/27"]}),
        replace(
            _FWB,
            carrier=Carrier(iata_code="AM"),
            conveyance=Conveyance(flight_number="AM0642"),
            trip_number="AM0642",
            extensions={**_FWB.extensions, "cargo-imp.FLT": "FLT/AM0642/27"},
        ),
    ),
    (
        "fwb shipper with account, two name lines, street, state, post code and telephone",
        fwb(
            {
                3: ["SHP/ACC123"],
                4: ["NAM/CARGA AEREA CONSOLIDADA SA DE CV", "/DIVISION NORTE"],
                5: ["ADR/AV TEXCOCO 100", "LOC/MEXICO/CMX"],
                6: ["/MX/15620/TE/525557862000/FX/525557862001"],
            }
        ),
        _master(
            parties=(
                Party(
                    role=PartyRole.SHIPPER,
                    name="CARGA AEREA CONSOLIDADA SA DE CV DIVISION NORTE",
                    code="ACC123",
                    address=Address(
                        street="AV TEXCOCO 100", city="MEXICO", subdivision="CMX", country="MX", postal_code="15620"
                    ),
                    contact=Contact(phone="525557862000"),
                    extensions={"cargo-imp.contacts": "FX/525557862001"},
                ),
                _CONSIGNEE,
            )
        ),
    ),
    (
        "fwb agent and also notify",
        fwb(
            {},
            {
                11: [
                    "AGT//0147521/0010",
                    "/CARGA AEREA CONSOLIDADA",
                    "/MEXICO",
                    "NFY",
                    "NAM/C",
                    "LOC/TIJUANA/BC",
                    "/MX",
                ]
            },
        ),
        _master(
            parties=(
                _SHIPPER,
                _CONSIGNEE,
                Party(
                    role=PartyRole.AGENT,
                    name="CARGA AEREA CONSOLIDADA",
                    address=Address(city="MEXICO"),
                    code="0147521",
                    extensions={"cargo-imp.cass": "0010"},
                ),
                Party(role=PartyRole.NOTIFY, name="C", address=Address(city="TIJUANA", subdivision="BC", country="MX")),
            )
        ),
    ),
    (
        "fwb declared value for customs",
        fwb({11: ["CVD/USD//PP/NVD/86500/XXX"]}),
        _master(value=Money(amount=Decimal("86500"), currency="USD")),
    ),
    (
        "fwb rate description with goods, volume, HS codes and origin",
        fwb(
            {
                12: [
                    "RTD/1/P2/K10.5/CQ/W10.5/R2.85/T29.93",
                    "/NG/STERLING SILVER",
                    "/2/NV/MC0.04",
                    "/3/NH/7113110000",
                    "/4/NH/711319",
                    "/5/NO/MX",
                ]
            }
        ),
        _master(
            goods=_goods(
                description="STERLING SILVER",
                volume=_kg("0.04", "MTQ"),
                hs_code="711311",
                tariff_codes=(
                    TariffCode(scheme="us-hts", code="7113110000"),
                    TariffCode(scheme="hs", code="711319"),
                ),
                origin_country="MX",
                rate=Rate(rate_class="Q", chargeable_weight=_kg("10.5"), rate=Decimal("2.85"), total=Decimal("29.93")),
                extensions={"cargo-imp.hs-derived": "1"},
            )
        ),
    ),
    (
        "fwb two rate lines, a consolidation description over two lines and dimensions",
        fwb(
            {
                12: [
                    "RTD/1/P1/K4.5",
                    "/NC/CONSOLIDATION AS PER",
                    "/2/NC/ATTACHED LIST",
                    "/3/ND/K4.5/CMT40-30-20/1",
                    "/4/P1/K6",
                    "/NH/401519",
                ]
            }
        ),
        _master(
            goods=(
                GoodsItem(
                    sequence=1,
                    description="CONSOLIDATION AS PER ATTACHED LIST",
                    packages=Packages(count=1),
                    gross_weight=_kg("4.5"),
                    extensions={"cargo-imp.RTD.NC": "1", "cargo-imp.RTD.details": "ND/K4.5/CMT40-30-20/1"},
                ),
                GoodsItem(sequence=2, packages=Packages(count=1), gross_weight=_kg("6"), hs_code="401519"),
            )
        ),
    ),
    (
        "fwb rate line with the ULD it is loaded in",
        fwb({12: ["RTD/1/P2/K10.5", "/NG/BOOKS", "/2/NU/PMC73850AM"]}),
        _master(
            goods=_goods(description="BOOKS", equipment_ids=("PMC73850AM",)),
            equipment=(Equipment(kind=EquipmentKind.ULD, initial="PMC", number="73850AM"),),
        ),
    ),
    (
        "fwb special handling and customs information",
        fwb({}, {15: ["SPH/EAP/PER", "OCI/US/SHP/T/953310822", "///NE/NOT EXEMPT"]}),
        _master(
            handling_codes=("EAP", "PER"),
            customs_notes=(
                CustomsNote(country="US", subject="SHP", content_code="T", content="953310822"),
                CustomsNote(content_code="NE", content="NOT EXEMPT"),
            ),
        ),
    ),
    (
        "fwb version 17 with the lines kept as written",
        ["FWB/17", *FWB_LINES[1:13], "OTH/P/MYC2.50", *FWB_LINES[13:], "OPI/DOE JOHN", "/MEXFFAM", "OPI/X"],
        replace(
            _master(
                extensions={
                    **_MASTER.extensions,
                    "cargo-imp.OTH": "OTH/P/MYC2.50",
                    "cargo-imp.OPI": "OPI/DOE JOHN\n/MEXFFAM\nOPI/X",
                }
            ),
            extensions={"cargo-imp.message": "FWB", "cargo-imp.version": "17"},
        ),
    ),
    (
        "fwb with its Type B envelope",
        ["QK MEXFFAM LAXFFAM", ".MEXFFAM 261230", *FWB_LINES],
        replace(_FWB, extensions={**_FWB.extensions, "cargo-imp.envelope": "QK MEXFFAM LAXFFAM\n.MEXFFAM 261230"}),
    ),
    (
        "fhl consolidation list",
        [
            "FHL/5",
            "MBI/139-12345675MEXLAX/T34K1276.5",
            "HBS/MEX26110001/MEXLAX/20/K412//JEWELRY",
            "/VAL",
            "HTS/711311",
            "HBS/MEX26110002/MEXLAX/14/K864.5/14/SURGICAL GLOVES",
            "TXT/SURGICAL GLOVES OF VULCANISED RUBBER",
            "OCI/US/CNE/T/953310822",
        ],
        Manifest(
            mode=Mode.AIR,
            consignments=(
                Consignment(
                    document_number="139-12345675",
                    document_type=DocumentType.AIR_WAYBILL,
                    place_of_loading=_airport("MEX"),
                    place_of_discharge=_airport("LAX"),
                    total_packages=Packages(count=34),
                    gross_weight=_kg("1276.5"),
                ),
                Consignment(
                    document_number="MEX26110001",
                    document_type=DocumentType.HOUSE_AIR_WAYBILL,
                    master_number="139-12345675",
                    place_of_loading=_airport("MEX"),
                    place_of_discharge=_airport("LAX"),
                    total_packages=Packages(count=20),
                    gross_weight=_kg("412"),
                    goods=(
                        GoodsItem(
                            sequence=1,
                            description="JEWELRY",
                            packages=Packages(count=20),
                            gross_weight=_kg("412"),
                            hs_code="711311",
                        ),
                    ),
                    handling_codes=("VAL",),
                ),
                Consignment(
                    document_number="MEX26110002",
                    document_type=DocumentType.HOUSE_AIR_WAYBILL,
                    master_number="139-12345675",
                    place_of_loading=_airport("MEX"),
                    place_of_discharge=_airport("LAX"),
                    total_packages=Packages(count=14),
                    gross_weight=_kg("864.5"),
                    goods=(
                        GoodsItem(
                            sequence=1,
                            description="SURGICAL GLOVES OF VULCANISED RUBBER",
                            packages=Packages(count=14),
                            gross_weight=_kg("864.5"),
                        ),
                    ),
                    customs_notes=(CustomsNote(country="US", subject="CNE", content_code="T", content="953310822"),),
                    extensions={"cargo-imp.slac": "14"},
                ),
            ),
            extensions={"cargo-imp.message": "FHL", "cargo-imp.version": "5"},
        ),
    ),
    (
        "ffm bulk consignment",
        [*FFM_HEAD, "LAX", "139-12345675MEXLAX/T2K10.5/BOOKS", "LAST"],
        replace(_FLIGHT, consignments=(_line("139-12345675", 2, "10.5", "BOOKS"),)),
    ),
    (
        "ffm scheduled arrival at the point of unloading",
        [*FFM_HEAD, "LAX/27NOV0355", "139-12345675MEXLAX/T2K10.5/BOOKS", "LAST"],
        replace(
            _FLIGHT,
            arrival=Stop(place=_airport("LAX"), moment=datetime(2026, 11, 27, 3, 55)),
            consignments=(_line("139-12345675", 2, "10.5", "BOOKS"),),
        ),
    ),
    (
        "ffm aircraft registration and first point of arrival",
        ["FFM/8", "1/AM0642/27NOV0110/MEX/XA-AMX/US/27NOV0355/LAX", "LAX", "139-12345675LAX/T2K10.5/BOOKS", "LAST"],
        replace(
            _FLIGHT,
            conveyance=Conveyance(flight_number="AM0642", aircraft_registration="XA-AMX"),
            arrival=Stop(place=_airport("LAX", "US"), moment=datetime(2026, 11, 27, 3, 55)),
            consignments=(_line("139-12345675", 2, "10.5", "BOOKS", place_of_loading=None),),
        ),
    ),
    (
        "ffm consignment split over two ULDs, with special handling and an onward flight",
        [
            *FFM_HEAD,
            "LAX",
            "ULD/PMC73850AM",
            "139-24681016MEXLAX/P40K620MC4.1T60/FRESH CUT ROSES",
            "/PEF/COL",
            "/LAXAM/0102/28NOV",
            "ULD/AKE12045AM",
            "139-24681016MEXLAX/P20K310T60/FRESH CUT ROSES",
            "LAST",
        ],
        replace(
            _FLIGHT,
            consignments=(
                replace(
                    _line("139-24681016", 40, "620", "FRESH CUT ROSES"),
                    total_packages=Packages(count=60),
                    gross_weight=None,
                    goods=(
                        GoodsItem(
                            sequence=1,
                            description="FRESH CUT ROSES",
                            packages=Packages(count=40),
                            gross_weight=_kg("620"),
                            volume=_kg("4.1", "MTQ"),
                            equipment_ids=("PMC73850AM",),
                            extensions={"cargo-imp.FFM.lines": "/LAXAM/0102/28NOV"},
                        ),
                        GoodsItem(
                            sequence=2,
                            description="FRESH CUT ROSES",
                            packages=Packages(count=20),
                            gross_weight=_kg("310"),
                            equipment_ids=("AKE12045AM",),
                        ),
                    ),
                    equipment=(_PMC, _AKE),
                    handling_codes=("PEF", "COL"),
                ),
            ),
            equipment=(_PMC, _AKE),
        ),
    ),
    (
        "ffm a ULD with its loading indicator and remarks, and a point of unloading with no cargo",
        [
            *FFM_HEAD,
            "LAX",
            "ULD/PMC73850AM-M/CONTOUR",
            "139-12345675MEXLAX/T2K10.5/BOOKS",
            "OCI/US/CNE/T/953310822",
            "SFO/NIL",
            "LAST",
        ],
        replace(
            _FLIGHT,
            consignments=(
                _line(
                    "139-12345675",
                    2,
                    "10.5",
                    "BOOKS",
                    goods=(
                        GoodsItem(
                            sequence=1,
                            description="BOOKS",
                            packages=Packages(count=2),
                            gross_weight=_kg("10.5"),
                            equipment_ids=("PMC73850AM",),
                        ),
                    ),
                    equipment=(
                        replace(_PMC, extensions={"cargo-imp.ULD.loading": "M", "cargo-imp.ULD.remarks": "CONTOUR"}),
                    ),
                    customs_notes=(CustomsNote(country="US", subject="CNE", content_code="T", content="953310822"),),
                ),
            ),
            equipment=(replace(_PMC, extensions={"cargo-imp.ULD.loading": "M", "cargo-imp.ULD.remarks": "CONTOUR"}),),
            extensions={**_FLIGHT.extensions, "cargo-imp.FFM.points": "LAX\nSFO/NIL"},
        ),
    ),
    (
        "ffm lines in an order the grouping would not give",
        [
            *FFM_HEAD,
            "LAX",
            "ULD/PMC73850AM",
            "139-12345675MEXLAX/P1K5/BOOKS",
            "139-24681016MEXLAX/P1K5/ROSES",
            "ULD/AKE12045AM",
            "139-24681016MEXLAX/P1K5/ROSES",
            "139-12345675MEXLAX/P1K5/BOOKS",
            "LAST",
        ],
        replace(
            _FLIGHT,
            equipment=(_PMC, _AKE),
            consignments=tuple(
                replace(
                    _line(number, 1, "5", description),
                    total_packages=None,
                    gross_weight=None,
                    equipment=(_PMC, _AKE),
                    goods=tuple(
                        GoodsItem(
                            sequence=sequence,
                            description=description,
                            packages=Packages(count=1),
                            gross_weight=_kg("5"),
                            equipment_ids=(uld.identifier,),
                            extensions={"cargo-imp.FFM.line": line},
                        )
                        for sequence, (uld, line) in enumerate(zip((_PMC, _AKE), lines, strict=True), start=1)
                    ),
                )
                for number, description, lines in (
                    ("139-12345675", "BOOKS", ("1", "4")),
                    ("139-24681016", "ROSES", ("2", "3")),
                )
            ),
        ),
    ),
    (
        "ffm a shipment bound further than the point of unloading",
        [*FFM_HEAD, "LAX", "139-12345675MEXSFO/S2K10.5/BOOKS", "LAST"],
        replace(
            _FLIGHT,
            consignments=(
                _line(
                    "139-12345675",
                    2,
                    "10.5",
                    "BOOKS",
                    place_of_discharge=_airport("SFO"),
                    total_packages=None,
                    gross_weight=None,
                    goods=(
                        GoodsItem(
                            sequence=1,
                            description="BOOKS",
                            packages=Packages(count=2),
                            gross_weight=_kg("10.5"),
                            extensions={"cargo-imp.shipment-code": "S"},
                        ),
                    ),
                    extensions={"cargo-imp.FFM.unloading": "LAX"},
                ),
            ),
        ),
    ),
]


@pytest.mark.parametrize(("lines", "manifest"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_read(lines: list[str], manifest: Manifest) -> None:
    document = cargo_imp.read_at("".join(line + "\r\n" for line in lines).encode(), REFERENCE)
    assert document.diagnostics == ()
    assert document.manifests == (manifest,)


@pytest.mark.parametrize(("lines", "manifest"), [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_write(lines: list[str], manifest: Manifest) -> None:
    written = cargo_imp.write_at([manifest], REFERENCE)
    assert written.losses == ()
    assert written.data.decode().split("\r\n")[:-1] == lines


def test_lone_line_feeds_are_read_like_crlf() -> None:
    document = cargo_imp.read_at("\n".join(FWB_LINES).encode(), REFERENCE)
    assert document.manifests == (_FWB,)


def test_positions_point_at_each_value() -> None:
    text = "".join(line + "\r\n" for line in CASES[7][1])  # the rate description case
    document = cargo_imp.read_at(text.encode(), REFERENCE)
    positions = document.source_map(0)
    assert CASES[7][0].startswith("fwb rate description")
    assert positions.locate("consignments[0].document_number") == cargo_imp_position(2, 1, "AWB/awb")
    assert positions.locate("consignments[0].gross_weight") == cargo_imp_position(2, 22, "AWB/weight")
    assert positions.locate("consignments[0].parties[1].address.city") == cargo_imp_position(10, 5, "CNE/LOC")
    assert positions.locate("consignments[0].goods[0].description") == cargo_imp_position(14, 5, "RTD/NG")
    assert positions.locate("consignments[0].goods[0].hs_code") == cargo_imp_position(16, 7, "RTD/NH")
    assert positions.locate("consignments[0].goods[0].tariff_codes[0]") == cargo_imp_position(16, 7, "RTD/NH")
    assert positions.locate("consignments[0].goods[0].tariff_codes[1]") == cargo_imp_position(17, 7, "RTD/NH")
    assert positions.locate("consignments[0].goods[0].origin_country") == cargo_imp_position(18, 7, "RTD/NO")


def cargo_imp_position(line: int, column: int, location: str) -> Position:
    return Position(line, column, location)
