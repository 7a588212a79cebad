"""Cargo-IMP syntax faults are reported with their line and column; any bytes either read or fail with a
ParseError that says where; and the samples of the air story read clean and write back byte for byte."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from manifest.diagnostics import ParseError, Severity
from manifest.formats import cargo_imp, manifest_json
from manifest.formats.base import Document
from manifest.model import DocumentType, PartyRole
from tests.conftest import SAMPLES
from tests.fixtures.cargo_imp import FFM_HEAD, FWB_LINES, fwb
from tests.strategies.cargo_imp import REFERENCE

IMP_SAMPLES = sorted(p for p in (SAMPLES / "air").iterdir() if p.suffix in (".fwb", ".fhl", ".ffm"))


def _read(lines: list[str]) -> Document:
    return cargo_imp.read_at("".join(line + "\r\n" for line in lines).encode(), REFERENCE)


def _found(lines: list[str]) -> list[tuple[str, int | None, int | None]]:
    return [(d.code, d.line, d.column) for d in _read(lines).diagnostics]


FAULTS: list[tuple[str, list[str], tuple[str, int, int]]] = [
    ("unknown line identifier", fwb({}, {3: ["XYZ/FOO", "/BAR"]}), ("IMP010", 4, 1)),
    ("air waybill number without its check digit", fwb({1: ["139-1234567MEXLAX/T2K10.5"]}), ("IMP012", 2, 1)),
    ("pieces and weight", fwb({1: ["139-12345675MEXLAX/X2K10.5"]}), ("IMP012", 2, 20)),
    ("weight code", fwb({1: ["139-12345675MEXLAX/T2G10.5"]}), ("IMP012", 2, 20)),
    ("one airport", fwb({1: ["139-12345675MEX/T2K10.5"]}), ("IMP012", 2, 13)),
    ("line over 69 characters", fwb({4: ["NAM/" + "A" * 70]}), ("IMP011", 5, 70)),
    ("missing mandatory line", fwb({2: []}), ("IMP013", 1, 1)),
    ("line out of order", [*FWB_LINES[:3], *FWB_LINES[7:11], *FWB_LINES[3:7], *FWB_LINES[11:]], ("IMP014", 8, 1)),
    ("continuation line with no line before it", ["FWB/16", "/X", *FWB_LINES[1:]], ("IMP019", 2, 1)),
    ("country code", fwb({6: ["/MEX"]}), ("IMP012", 7, 2)),
    ("special handling code", fwb({}, {15: ["SPH/GENERAL"]}), ("IMP012", 16, 5)),
    ("agent code", fwb({}, {11: ["AGT//147521", "/A", "/B"]}), ("IMP012", 12, 6)),
    ("volume in a rate line", fwb({12: ["RTD/1/P2/K10.5", "/NV/M3"]}), ("IMP012", 14, 5)),
    ("house weight", ["FHL/5", "MBI/139-12345675MEXLAX/T2K10", "HBS/H1/MEXLAX/2/10//BOOKS"], ("IMP012", 3, 17)),
    ("house without master", ["FHL/5", "HBS/H1/MEXLAX/2/K10//BOOKS"], ("IMP013", 1, 1)),
    (
        "flight manifest part ending CONT whose next part comes later in the file",
        [
            *FFM_HEAD,
            "LAX",
            "CONT",
            "FFM/8",
            "1/AM0650/27NOV/MEX",
            "LAX",
            "LAST",
            "FFM/8",
            "2/AM0642/27NOV/MEX",
            "LAX",
            "LAST",
        ],
        ("IMP015", 4, 1),
    ),
    ("flight manifest part number", ["FFM/8", "A/AM0642/27NOV0110/MEX", "LAX", "LAST"], ("IMP012", 2, 1)),
    ("flight manifest without end code", [*FFM_HEAD, "LAX"], ("IMP018", 3, 1)),
    (
        "flight manifest part out of sequence",
        [*FFM_HEAD, "LAX", "CONT", "FFM/8", "3/AM0642/27NOV0110/MEX", "LAX", "LAST"],
        ("IMP016", 6, 1),
    ),
    ("flight manifest without a point of unloading", [*FFM_HEAD, "LAST"], ("IMP013", 1, 1)),
    ("air waybill line missing", ["FWB/16", *FWB_LINES[2:]], ("IMP013", 1, 1)),
    ("flight date", ["FFM/8", "1/AM0642/31FEB/MEX", "LAX", "LAST"], ("IMP012", 2, 10)),
    ("ULD identification", [*FFM_HEAD, "LAX", "ULD/PMC7AM", "LAST"], ("IMP012", 4, 5)),
    (
        "consignment airports unreadable, pieces and weight readable",
        [*FFM_HEAD, "LAX", "139-12345675X4MEXLAX/T34K1276.5/CONSOLIDATION", "LAST"],
        ("IMP012", 4, 13),
    ),
    ("stray line in a flight manifest", [*FFM_HEAD, "LAX", "HELLO WORLD", "LAST"], ("IMP019", 4, 1)),
    ("unsupported version", ["FWB/9", *FWB_LINES[1:]], ("IMP003", 1, 5)),
    (
        "unsupported message before a supported one",
        ["FSU/7", "139-12345675MEXLAX/T2K10", *FWB_LINES],
        ("IMP004", 1, 1),
    ),
]


@pytest.mark.parametrize(("lines", "fault"), [case[1:] for case in FAULTS], ids=[case[0] for case in FAULTS])
def test_fault_is_reported_at_its_place(lines: list[str], fault: tuple[str, int, int]) -> None:
    assert fault in _found(lines)


def test_a_long_flight_manifest_message_is_reported() -> None:
    lines = [*FFM_HEAD, "LAX", *(f"139-{n:07d}{n % 7}MEXLAX/T1K1/BOOKS" for n in range(120)), "LAST"]
    document = _read(lines)
    assert [(d.code, d.severity) for d in document.diagnostics] == [("IMP017", Severity.WARNING)]


@pytest.mark.parametrize(
    ("data", "code", "line"),
    [
        (b"", "IMP002", 1),
        (b"HELLO\r\n", "IMP002", 1),
        (b"FSU/7\r\n139-12345675MEXLAX/T2K10\r\n", "IMP002", 1),
        (b"FWB/16\r\n139-12345675MEXLAX/T2K10\r\nSHP\r\nNAM/\xff\r\n", "IMP001", 4),
    ],
)
def test_unreadable_content_raises_parse_error(data: bytes, code: str, line: int) -> None:
    with pytest.raises(ParseError) as raised:
        cargo_imp.read_at(data, REFERENCE)
    assert (raised.value.diagnostic.code, raised.value.diagnostic.line) == (code, line)


_PIECES = st.sampled_from(
    [
        *FWB_LINES,
        *FFM_HEAD,
        "LAX",
        "ULD/PMC73850AM",
        "139-12345675MEXLAX/P2K10.5T4/BOOKS",
        "/GEN",
        "OCI/US//T",
        "FHL/5",
        "MBI/139-12345675MEXLAX/T2K10.5",
        "HBS/H1/MEXLAX/2/K10//BOOKS",
        "HTS/851762",
        "TXT/ANY",
        "RTD/1/P/K",
        "/2/NV/MC",
        "AGT/",
        "LOC",
        "CONT",
        "LAST",
        "QK MEXFFAM",
        "",
    ]
)


@given(st.binary(max_size=300))
@example(b"FFM/8\r\n")
@example(b"FWB/16\n\n")
@example(b"FHL/5\r\nHBS/\r\n")
@example(b"FFM/8\r\n1/\r\nULD/\r\n/\r\n")
def test_any_bytes_read_or_raise_parse_error(data: bytes) -> None:
    _read_or_parse_error(data)


@given(st.lists(_PIECES, max_size=30), st.sampled_from(["\r\n", "\n", "\r"]))
def test_any_sequence_of_cargo_imp_lines_reads_or_raises_parse_error(lines: list[str], newline: str) -> None:
    data = newline.join(lines).encode()
    document = _read_or_parse_error(data)
    if document is not None:
        for diagnostic in document.diagnostics:
            assert diagnostic.line is not None
            assert 1 <= diagnostic.line <= max(1, len(lines))
        cargo_imp.write_at(document.manifests, REFERENCE)


def _read_or_parse_error(data: bytes) -> Document | None:
    try:
        return cargo_imp.read_at(data, REFERENCE)
    except ParseError as error:
        assert error.diagnostic.code.startswith("IMP")
        assert error.diagnostic.line is not None
        return None


@pytest.mark.parametrize("sample", IMP_SAMPLES, ids=lambda path: path.name)
def test_sample_reads_clean_and_writes_back_byte_for_byte(sample: Path) -> None:
    data = sample.read_bytes()
    assert cargo_imp.sniff(data[:4096])
    document = cargo_imp.read_at(data, REFERENCE)
    assert document.diagnostics == ()
    written = cargo_imp.write_at(document.manifests, REFERENCE)
    assert written.losses == ()
    assert written.data == data


def test_flight_manifest_sample_tells_the_story_of_the_canonical_sample() -> None:
    """The FFM sample and the manifest-json sample describe the same flight, air waybills and ULDs."""
    flight = cargo_imp.read_at((SAMPLES / "air" / "northbound-flight-am0642-mex-lax.ffm").read_bytes(), REFERENCE)
    canonical = manifest_json.read((SAMPLES / "air" / "northbound-flight-am0642-mex-lax.manifest.json").read_bytes())
    ours, theirs = flight.manifests[0], canonical.manifests[0]
    assert ours.trip_number == theirs.trip_number
    assert ours.departure is not None and theirs.departure is not None
    assert ours.departure.moment == theirs.departure.moment
    assert ours.conveyance is not None and theirs.conveyance is not None
    assert ours.conveyance.aircraft_registration == theirs.conveyance.aircraft_registration
    masters = [c for c in theirs.consignments if c.document_type == DocumentType.AIR_WAYBILL]
    assert [c.document_number for c in ours.consignments] == [c.document_number for c in masters]
    assert [c.gross_weight for c in ours.consignments] == [c.gross_weight for c in masters]
    assert [c.equipment[0].identifier for c in ours.consignments] == [c.equipment[0].identifier for c in masters]
    total = sum((c.gross_weight.value for c in ours.consignments if c.gross_weight), Decimal(0))
    assert total == Decimal("2206.5")


def test_consolidation_sample_relates_houses_to_their_master() -> None:
    data = (SAMPLES / "air" / "northbound-flight-am0642-consolidation-139-12345675.fhl").read_bytes()
    manifest = cargo_imp.read_at(data, REFERENCE).manifests[0]
    master, *houses = manifest.consignments
    assert master.document_type == DocumentType.AIR_WAYBILL
    assert {h.master_number for h in houses} == {master.document_number}
    assert sum(h.total_packages.count for h in houses if h.total_packages) == 34
    assert all(h.party(role) for h in houses for role in (PartyRole.SHIPPER, PartyRole.CONSIGNEE))


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (b"FWB/16\r\n139-12345675MEXLAX/T2K10\r\n", True),
        (b"QK MEXFFAM LAXFFAM\r\n.MEXFFAM 261230\r\nFFM/8\r\n", True),
        (b"\r\nFHL/5\n", True),
        (b"FSU/7\r\n", False),
        (b'{"format": "manifest-json"}', False),
        (b"ISA*00*          *00*", False),
        (b"<?xml version='1.0'?>", False),
        (b"", False),
    ],
)
def test_sniff_recognises_content(head: bytes, expected: bool) -> None:
    assert cargo_imp.sniff(head) is expected


def _leaves(value: object, path: str = "") -> list[str]:
    if value is None or value == () or value == {}:
        return []
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        found: list[str] = []
        for spec in dataclasses.fields(value):
            found.extend(_leaves(getattr(value, spec.name), f"{path}.{spec.name}" if path else spec.name))
        return found
    if isinstance(value, tuple):
        return [leaf for index, item in enumerate(value) for leaf in _leaves(item, f"{path}[{index}]")]
    if isinstance(value, Mapping):
        return [f"{path}[{key}]" for key in value]
    return [path]


@pytest.mark.parametrize("sample", IMP_SAMPLES, ids=lambda path: path.name)
def test_every_value_of_a_sample_points_at_its_line(sample: Path) -> None:
    document = cargo_imp.read_at(sample.read_bytes(), REFERENCE)
    positions = document.source_map(0)
    own = {"mode", "extensions[cargo-imp.message]", "extensions[cargo-imp.version]"}
    for path in _leaves(document.manifests[0]):
        found = positions.locate(path)
        assert found is not None, path
        assert found.line is not None and found.column is not None, path
        assert (found.location == "SMI") == (path in own) or found.location == "SMI/version", path
