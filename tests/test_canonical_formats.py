"""The canonical formats carry every model exactly, and turn any bytes into a document or a ParseError."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from manifest import model
from manifest.diagnostics import Diagnostic, ParseError, Severity
from manifest.formats import manifest_json, manifest_xml
from manifest.formats.base import ConsignmentChunk, Document
from tests.strategies.model import manifests

CANONICAL = [manifest_json, manifest_xml]


@pytest.mark.parametrize("fmt", CANONICAL, ids=lambda f: f.NAME)
@given(st.lists(manifests(), max_size=2))
def test_read_write_round_trip(fmt: object, generated: list[model.Manifest]) -> None:
    written = fmt.write(generated)  # type: ignore[attr-defined]
    assert written.losses == ()
    document: Document = fmt.read(written.data)  # type: ignore[attr-defined]
    assert document.diagnostics == ()
    assert list(document.manifests) == generated


@pytest.mark.parametrize("fmt", CANONICAL, ids=lambda f: f.NAME)
@given(st.binary(max_size=300))
@example(b"")
@example(b"\xff\xfe")
@example(b'{"manifests": [' * 2000)
@example(b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>')
@example(b'<manifests xmlns="urn:manifest-toolkit:manifest:1"><manifest><mode>ship</mode></manifest></manifests>')
def test_any_bytes_read_or_fail_with_a_diagnostic(fmt: object, data: bytes) -> None:
    try:
        document = fmt.read(data)  # type: ignore[attr-defined]
    except ParseError as error:
        assert error.diagnostic.severity == Severity.ERROR
        assert error.diagnostic.line is not None
        return
    assert isinstance(document, Document)


@given(manifests())
def test_sniffing_recognises_what_each_writer_writes(generated: model.Manifest) -> None:
    json_head = manifest_json.write([generated]).data[:4096]
    xml_head = manifest_xml.write([generated]).data[:4096]
    assert manifest_json.sniff(json_head)
    assert not manifest_xml.sniff(json_head) or manifest_json.sniff(json_head)
    assert manifest_xml.sniff(xml_head)
    assert not manifest_json.sniff(xml_head)


def _rail_manifest(weight: str) -> bytes:
    return (
        '{"format": "manifest-json", "version": "1", "manifests": [\n'
        ' {"mode": "rail",\n'
        '  "consignments": [\n'
        '   {"document_number": "W1",\n'
        f'    "gross_weight": {{"value": "{weight}", "unit": "KGM"}}}}]}}]}}\n'
    ).encode()


def test_json_fault_names_line_column_and_field() -> None:
    document = manifest_json.read(_rail_manifest("12,5"))
    (finding,) = document.diagnostics
    assert finding.code == "MF101"
    assert (finding.line, finding.column) == (5, 31)
    assert finding.field == "consignments[0].gross_weight.value"
    assert finding.location == "$.manifests[0].consignments[0].gross_weight.value"
    assert finding.value == "12,5"
    assert "12,5" in finding.message("en") and "12,5" in finding.message("es")


def test_json_source_map_points_at_values() -> None:
    document = manifest_json.read(_rail_manifest("12.5"))
    assert document.manifests[0].consignments[0].gross_weight == model.Quantity(value=Decimal("12.5"), unit="KGM")
    position = document.source_map(0).locate("consignments[0].gross_weight.unit")
    assert position is not None and position.line == 5


def test_xml_schema_fault_names_the_line() -> None:
    written = manifest_xml.write(
        [model.Manifest(mode=model.Mode.RAIL, consignments=(model.Consignment(document_number="W1"),))]
    ).data
    broken = written.replace(b"<document_number>W1</document_number>", b"<document_numbr>W1</document_numbr>")
    document = manifest_xml.read(broken)
    assert document.manifests == ()
    (finding,) = document.diagnostics
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if b"document_numbr" in text)
    assert finding.code == "MF201" and finding.line == line
    assert "document_numbr" in finding.message()


def test_xml_source_map_uses_xpath_locations() -> None:
    data = manifest_xml.write(
        [model.Manifest(mode=model.Mode.AIR, consignments=(model.Consignment(document_number="139-12345675"),))]
    ).data
    position = manifest_xml.read(data).source_map(0).locate("consignments[0].document_number")
    assert position is not None
    assert position.location == "/manifests/manifest[1]/consignments/consignment[1]/document_number"
    assert data.splitlines()[(position.line or 0) - 1].strip() == b"<document_number>139-12345675</document_number>"


def test_xml_comments_among_values_and_items_are_passed_over() -> None:
    consignments = tuple(model.Consignment(document_number=f"139-1234567{n}") for n in (5, 6))
    plain = manifest_xml.write([model.Manifest(mode=model.Mode.AIR, consignments=consignments)]).data
    commented = plain.replace(b"<consignment>", b"<!-- a bill --><consignment><?note x?>").replace(
        b"<consignments>", b"<consignments><!-- the bills -->"
    )
    read, expected = manifest_xml.read(commented), manifest_xml.read(plain)
    assert read.manifests == expected.manifests and not read.diagnostics
    second = read.source_map(0).locate("consignments[1].document_number")
    assert second is not None
    assert second.location == "/manifests/manifest[1]/consignments/consignment[2]/document_number"
    assert commented.splitlines()[(second.line or 0) - 1].strip().endswith(b"139-12345676</document_number>")


def test_xml_refuses_doctype_and_never_expands_entities() -> None:
    bomb = (
        b'<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>\n<lolz>&lol2;</lolz>'
    )
    with pytest.raises(ParseError) as raised:
        manifest_xml.read(bomb)
    assert raised.value.diagnostic.code == "XML002"
    assert raised.value.diagnostic.line == 2


@given(manifests())
def test_xml_stream_yields_the_consignments_that_read_returns(generated: model.Manifest) -> None:
    data = manifest_xml.write([generated]).data
    chunks = [c for c in manifest_xml.stream(io.BytesIO(data)) if isinstance(c, ConsignmentChunk)]
    assert [c.consignment for c in chunks] == list(generated.consignments)
    assert [c.index for c in chunks] == list(range(len(generated.consignments)))
    for chunk in chunks:
        assert chunk.header.mode == generated.mode
        assert chunk.header.carrier == generated.carrier


def test_xml_stream_reports_a_schema_fault_with_its_line() -> None:
    data = manifest_xml.write(
        [model.Manifest(mode=model.Mode.RAIL, consignments=(model.Consignment(document_number="W1"),) * 3)]
    ).data
    broken = data.replace(b"<document_number>W1</document_number>", b"<number>W1</number>", 2)
    items = list(manifest_xml.stream(io.BytesIO(broken)))
    line = next(i for i, text in enumerate(broken.splitlines(), 1) if b"<number>" in text)
    first = items[0]
    assert isinstance(first, Diagnostic)
    assert first.line == line
    assert first.severity == Severity.ERROR
    assert not any(isinstance(i, ConsignmentChunk) and i.index == 0 for i in items)
