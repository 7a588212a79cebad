"""Bad input: any bytes either read or raise ParseError; faults inside a message are findings with positions; what a
message cannot carry is listed when it is written."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manifest.diagnostics import ParseError, Severity
from manifest.formats import cargo_xml
from manifest.model import (
    Consignment,
    DocumentType,
    GoodsItem,
    Manifest,
    Mode,
    Party,
    PartyRole,
    Quantity,
    TaxId,
    TaxIdScheme,
)
from tests.conftest import SAMPLES
from tests.strategies.model import manifests

WAYBILL = (SAMPLES / "air" / "northbound-flight-am0642-awb-139-12345675.xfwb.xml").read_bytes()
FLIGHT = (SAMPLES / "air" / "northbound-flight-am0642-mex-lax.xffm.xml").read_bytes()


def _read_or_parse_error(data: bytes) -> None:
    try:
        document = cargo_xml.read(data)
    except ParseError as error:
        assert error.diagnostic.line is None or error.diagnostic.line >= 1
        return
    assert len(document.manifests) == len(document.source_maps) == 1
    for finding in document.diagnostics:
        assert finding.line is not None and finding.line >= 1


@given(st.binary(max_size=300))
def test_any_bytes_read_or_raise_parse_error(data: bytes) -> None:
    _read_or_parse_error(data)


@given(st.sampled_from([WAYBILL, FLIGHT]), st.data())
def test_damaged_messages_read_or_raise_parse_error(message: bytes, data: st.DataObject) -> None:
    start = data.draw(st.integers(min_value=0, max_value=len(message) - 1))
    end = data.draw(st.integers(min_value=start, max_value=min(len(message), start + 40)))
    filler = data.draw(st.sampled_from([b"", b"x", b"<", b"</ID>", b"-1.5e3", b"<ID>", b"&amp;", b"\xff"]))
    _read_or_parse_error(message[:start] + filler + message[end:])


def test_a_document_that_is_not_cargo_xml_is_refused_with_its_root() -> None:
    with pytest.raises(ParseError) as raised:
        cargo_xml.read(b"<?xml version='1.0'?>\n<Invoice xmlns='urn:example'/>")
    assert raised.value.diagnostic.code == "CXML001"
    assert raised.value.diagnostic.line == 2


def test_a_bad_number_is_reported_where_it_stands_and_kept_as_written() -> None:
    damaged = WAYBILL.replace(b">1276.5</IncludedTareGrossWeightMeasure>", b">1.276,5</IncludedTareGrossWeightMeasure>")
    document = cargo_xml.read(damaged)
    [finding] = document.diagnostics
    assert (finding.code, finding.severity, finding.value) == ("CXML003", Severity.ERROR, "1.276,5")
    assert finding.line == damaged[: damaged.index(b"<IncludedTareGross")].count(b"\n") + 1
    assert finding.column == 5 and finding.field == "consignments[0].gross_weight"
    consignment = document.manifests[0].consignments[0]
    assert consignment.gross_weight is None
    assert consignment.extensions["cargo-xml.IncludedTareGrossWeightMeasure"] == "1.276,5"
    assert b">1.276,5</IncludedTareGrossWeightMeasure>" in cargo_xml.write(document.manifests).data


def test_a_bad_date_and_a_bad_piece_count_are_reported() -> None:
    damaged = FLIGHT.replace(b"2026-11-27T03:55:00", b"27NOV2026 0355").replace(
        b"<PieceQuantity>60</PieceQuantity>", b"<PieceQuantity>sixty</PieceQuantity>"
    )
    document = cargo_xml.read(damaged)
    assert [(d.code, d.field) for d in document.diagnostics] == [
        ("CXML004", "arrival.moment"),
        ("CXML008", "consignments[1].goods[0].packages"),
    ]


def test_an_unknown_us_customs_note_and_a_note_without_content_are_flagged() -> None:
    damaged = WAYBILL.replace(
        b"<IncludedCustomsNote>",
        b"<IncludedCustomsNote><ContentCode>ZZ</ContentCode><Content>X</Content><SubjectCode>CUS</SubjectCode>"
        b"<CountryID>US</CountryID></IncludedCustomsNote><IncludedCustomsNote><ContentCode>T</ContentCode>"
        b"</IncludedCustomsNote><IncludedCustomsNote>",
        1,
    )
    assert [d.code for d in cargo_xml.read(damaged).diagnostics] == ["CXML010", "CXML009"]


def test_a_waybill_number_that_is_not_an_awb_is_flagged() -> None:
    damaged = WAYBILL.replace(b"<ID>139-12345675</ID>", b"<ID>13912345675</ID>")
    assert {d.code for d in cargo_xml.read(damaged).diagnostics} == {"CXML011"}


def test_writing_lists_what_the_message_cannot_carry() -> None:
    shipper = Party(role=PartyRole.SHIPPER, name="A", tax_ids=(TaxId(scheme=TaxIdScheme.RFC, value="CAC040512R76"),))
    broker = Party(role=PartyRole.BROKER, name="B")
    waybill = Consignment(
        document_number="139-12345675",
        document_type=DocumentType.AIR_WAYBILL,
        parties=(shipper, broker),
        goods=(GoodsItem(description="ROSES", net_weight=Quantity(value=Decimal(5), unit="KGM")),),
    )
    manifest = Manifest(mode=Mode.AIR, country_from="MX", consignments=(waybill,))
    written = cargo_xml.write([manifest, manifest])
    assert cargo_xml.message_for(manifest).code == "XFWB"
    assert [(d.code, d.field) for d in written.losses] == [
        ("CXML102", "manifests[1]"),
        ("CXML101", "country_from"),
        ("CXML101", "consignments[0].parties[0].tax_ids[0]"),
        ("CXML101", "consignments[0].parties[1]"),
        ("CXML101", "consignments[0].goods[0].net_weight"),
    ]
    assert all(d.severity == Severity.WARNING for d in written.losses)


def test_the_message_type_follows_the_content_when_none_is_named() -> None:
    master = Consignment(document_number="139-12345675", document_type=DocumentType.AIR_WAYBILL)
    house = Consignment(
        document_number="H1", document_type=DocumentType.HOUSE_AIR_WAYBILL, master_number="139-12345675"
    )
    other = Consignment(document_number="139-24681016", document_type=DocumentType.AIR_WAYBILL)
    assert cargo_xml.message_for(Manifest(mode=Mode.AIR, consignments=(master, house))).code == "XFZB"
    assert cargo_xml.message_for(Manifest(mode=Mode.AIR, consignments=(master, house, house))).code == "XFHL"
    assert cargo_xml.message_for(Manifest(mode=Mode.AIR, consignments=(master, other))).code == "XFFM"


def test_text_that_xml_cannot_hold_is_listed_not_raised() -> None:
    shipper = Party(role=PartyRole.SHIPPER, name="FLORES\x01 DEL VALLE")
    waybill = Consignment(document_number="139-24681016", document_type=DocumentType.AIR_WAYBILL, parties=(shipper,))
    written = cargo_xml.write([Manifest(mode=Mode.AIR, consignments=(waybill,))])
    assert [(d.code, d.field) for d in written.losses] == [("CXML101", "consignments[0].parties[0].name")]
    assert b"<Name>FLORES DEL VALLE</Name>" in written.data


@settings(max_examples=15)  # any model is large; the message-specific round trips cover the mapping itself
@given(manifests())
def test_any_model_is_written_as_a_readable_message_with_its_losses_named(manifest: Manifest) -> None:
    written = cargo_xml.write([manifest])
    fields = {spec.name for spec in dataclasses.fields(Manifest)}
    for loss in written.losses:
        assert loss.field is not None and loss.field.split(".")[0].split("[")[0] in fields
    if not written.data:  # a surface manifest that no message holds (CXML020)
        assert manifest.mode is not Mode.AIR and "CXML020" in {loss.code for loss in written.losses}
        return
    again = cargo_xml.read(written.data).manifests[0]
    if not written.losses:
        assert all(consignment in again.consignments for consignment in manifest.consignments)
