"""Line layouts of real FWB and FFM messages that are valid and must raise no alarm: rate description lines as IATA's
examples and airline traffic write them, split shipments in a flight manifest, and one part of a flight manifest
sent in several messages. The messages here are written for these tests in the shape of the real ones."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from lxml import etree

from manifest import api
from manifest.diagnostics import Diagnostic
from manifest.formats import cargo_imp
from manifest.formats.cargo_imp.ffm_layout import X_END, X_PART
from manifest.formats.cargo_imp.goods import X_RATE
from manifest.model import Packages, Quantity, Rate

DATA = Path(__file__).resolve().parent / "data" / "air"
REFERENCE = date(2026, 11, 27)


def _text(*lines: str) -> bytes:
    return "".join(line + "\r\n" for line in lines).encode()


FWB = (
    "FWB/17",
    "139-30507654MEXORD/T3K2520",
    "RTG/ORDAM",
    "SHP",
    "NAM/EXPORTADORA DEL NORTE SA DE CV",
    "ADR/AV PASEO DE LA REFORMA 100",
    "LOC/CIUDAD DE MEXICO/CMX",
    "/MX/06600",
    "CNE",
    "NAM/PACIFIC IMPORTS LLC",
    "ADR/2200 S ARCHER AVE",
    "LOC/CHICAGO/IL",
    "/US/60616",
    "CVD/USD//PP/NVD/NCV/XXX",
)


def test_a_rate_combination_point_is_a_rate_element() -> None:
    data = _text(
        *FWB,
        "RTD/1/P1/K2400/CU/W2000/R10.5/T21000",
        "/NG/ENGINE PARTS",
        "/2/PMEX/CU/W520/R2.9/T1508",
        "/ND//CMT120-80-100/1",
        "/3/NV/MC0.96",
        "/4/NS/1",
        "ISU/14NOV26/MEXICO/L HERNANDEZ",
        "REF/MEXFFAM",
    )
    document = cargo_imp.read_at(data, REFERENCE)
    assert document.diagnostics == ()
    first, second = document.manifests[0].consignments[0].goods
    assert second.extensions[X_RATE] == "PMEX"  # the rate combination point, which the model has no field for
    assert second.rate == Rate(
        rate_class="U",
        chargeable_weight=Quantity(value=Decimal(520), unit="KGM"),
        rate=Decimal("2.9"),
        total=Decimal(1508),
    )
    assert second.packages is None
    written = cargo_imp.write_at(document.manifests, REFERENCE)
    assert (written.data, written.losses) == (data, ())
    assert first.description == "ENGINE PARTS"


def test_split_shipments_of_a_flight_manifest_part_carry_the_weight_on_board() -> None:
    data = (DATA / "ffm8-part5-split.ffm").read_bytes()
    report = api.validate(data, path="ffm8-part5-split.ffm", profile="cbp")
    assert report.diagnostics == ()
    document = cargo_imp.read_at(data, REFERENCE)
    manifest = document.manifests[0]
    assert manifest.extensions[X_PART] == "5" and manifest.extensions[X_END] == "CONT"
    divided = manifest.consignments[0]
    assert divided.total_packages == Packages(count=298)  # T298: the waybill's pieces
    assert divided.gross_weight is None  # the waybill's weight is not in a flight manifest
    [part] = divided.goods
    assert (part.packages, part.gross_weight) == (Packages(count=2), Quantity(value=Decimal("440.1"), unit="KGM"))
    assert document.source_map(0).locate("consignments[0].total_packages") is not None
    split = manifest.consignments[4]
    assert [item.gross_weight for item in split.goods] == [
        Quantity(value=Decimal("171"), unit="KGM"),
        Quantity(value=Decimal("285"), unit="KGM"),
    ]
    written = cargo_imp.write_at(document.manifests, REFERENCE)
    assert (written.data, written.losses) == (data, ())


def _ffm(part: str, flight: str, end: str) -> tuple[str, ...]:
    return ("FFM/8", f"{part}/{flight}/20JUN/NRT", "ORD", "933-22405810NRTORD/T2K440.1/CONSOLIDATED CA", end)


def _findings(data: bytes) -> tuple[list[tuple[str, int | None]], int]:
    document = cargo_imp.read_at(data, REFERENCE)
    streamed = [d for d in cargo_imp.stream_at(BytesIO(data), REFERENCE) if isinstance(d, Diagnostic)]
    found = [(d.code, d.line) for d in document.diagnostics]
    assert sorted(found, key=str) == sorted(((d.code, d.line) for d in streamed), key=str)
    return found, len(document.manifests)


def test_parts_of_one_flight_in_one_file_are_joined_when_they_follow_each_other() -> None:
    assert _findings(_text(*_ffm("1", "KZ134", "CONT"), *_ffm("2", "KZ134", "LAST"))) == ([], 1)
    assert _findings(_text(*_ffm("3", "KZ134", "CONT"), *_ffm("4", "KZ134", "CONT"))) == ([], 1)


def test_a_part_followed_by_another_flight_is_a_message_of_its_own() -> None:
    assert _findings(_text(*_ffm("1", "KZ134", "CONT"), *_ffm("1", "KZ136", "LAST"))) == ([], 2)


def test_parts_of_one_flight_that_do_not_join_up_are_reported() -> None:
    # Part 3 is continued by part 5: part 4 is missing.
    assert _findings(_text(*_ffm("3", "KZ134", "CONT"), *_ffm("5", "KZ134", "LAST"))) == ([("IMP016", 7)], 1)
    # Part 1 of KZ134 is continued by another flight, and its part 2 comes after.
    data = _text(*_ffm("1", "KZ134", "CONT"), *_ffm("1", "KZ136", "LAST"), *_ffm("2", "KZ134", "LAST"))
    assert _findings(data) == ([("IMP015", 5)], 3)


def test_a_part_on_board_is_written_to_xffm_as_a_part_and_read_back() -> None:
    [manifest] = cargo_imp.read_at((DATA / "ffm8-part5-split.ffm").read_bytes(), REFERENCE).manifests
    written = api.write([manifest], "cargo-xml")
    root = etree.fromstring(written.data)
    found = {
        node.findtext("{iata:datamodel:3}TransportContractDocument/{iata:datamodel:3}ID"): (
            node.findtext("{iata:datamodel:3}TransportSplitDescription"),
            node.findtext("{iata:datamodel:3}TotalPieceQuantity"),
            node.findtext("{iata:datamodel:3}PieceQuantity"),
        )
        for node in root.iter("{iata:datamodel:3}IncludedMasterConsignment")
    }
    assert found["933-27754602"] == ("P", "12", "2")  # P2K460 of T12
    assert found["205-33450336"] == ("T", "145", "145")
    [back] = api.read(written.data, "cargo-xml").manifests
    part = back.consignments[6]
    assert (part.total_packages, part.goods[0].packages) == (Packages(count=12), Packages(count=2))
    assert "cargo-xml.TransportSplitDescription" not in part.goods[0].extensions


def test_handling_codes_joined_after_the_description_are_handling_codes() -> None:
    data = _text(
        "FFM/8",
        "1/KZ134/20JUN/NRT/JA15KZ/US/20JUN1015/ORD",
        "ORD",
        "933-22405810NRTORD/D2K440.1MC0.39T298/CONSOLIDATED CA/EAWGEN",
        "933-33472180BKKORD/T6K171/SPARE PARTS/A/B",
        "LAST",
    )
    document = cargo_imp.read_at(data, REFERENCE)
    assert document.diagnostics == ()
    joined, other = document.manifests[0].consignments
    assert (joined.goods[0].description, joined.handling_codes) == ("CONSOLIDATED CA", ("EAW", "GEN"))
    where = document.source_map(0).locate("consignments[0].handling_codes[1]")
    assert where is not None and (where.line, where.column) == (4, 58)
    assert (other.goods[0].description, other.handling_codes) == ("SPARE PARTS/A/B", ())
    written = cargo_imp.write_at(document.manifests[:1], REFERENCE)
    assert [loss.field for loss in written.losses] == ["consignments[1].goods[0].description"]
    assert cargo_imp.read_at(written.data, REFERENCE).manifests[0].consignments[0] == joined
