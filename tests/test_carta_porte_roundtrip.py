"""Round trips: every model Carta Porte can carry survives writing and reading; any bytes read or raise ParseError."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manifest.diagnostics import ParseError
from manifest.formats import get
from manifest.formats.carta_porte import schema
from manifest.model import (
    Carrier,
    Consignment,
    CustomsDocument,
    DocumentType,
    GoodsItem,
    Manifest,
    Mode,
    Place,
    PlaceScheme,
    Quantity,
    Reference,
    Stop,
    TariffCode,
)
from tests.carta_porte_edit import RAIL
from tests.strategies.carta_porte import carta_porte_manifests

CARTA_PORTE = get("carta-porte")


@pytest.fixture(scope="module", autouse=True)
def _compiled_schema() -> None:
    schema.compile_schema()


@given(carta_porte_manifests())
def test_write_then_read_gives_the_model_back(manifest: Manifest) -> None:
    written = CARTA_PORTE.write([manifest])
    assert written.losses == ()
    document = CARTA_PORTE.read(written.data)
    assert [str(d) for d in document.diagnostics] == []  # valid against SAT's XSDs and clean under the rules
    assert document.manifests == (manifest,)


@given(carta_porte_manifests())
def test_writing_is_stable(manifest: Manifest) -> None:
    first = CARTA_PORTE.write([manifest]).data
    assert CARTA_PORTE.write(CARTA_PORTE.read(first).manifests).data == first


@settings(max_examples=25)
@given(st.binary(max_size=400))
def test_any_bytes_read_or_raise_parse_error(data: bytes) -> None:
    try:
        CARTA_PORTE.read(data)
    except ParseError as error:
        assert error.diagnostic.line is not None


@settings(max_examples=25)
@given(st.integers(min_value=0, max_value=len(RAIL.read_bytes()) - 1), st.binary(min_size=1, max_size=12))
def test_damaged_sample_reads_or_raises_parse_error(offset: int, junk: bytes) -> None:
    data = RAIL.read_bytes()
    damaged = data[:offset] + junk + data[offset + len(junk) :]
    try:
        document = CARTA_PORTE.read(damaged)
    except ParseError:
        return
    assert all(d.line is not None for d in document.diagnostics), [str(d) for d in document.diagnostics]


def _foreign_model() -> Manifest:
    """A rail manifest as an X12 reader fills it: SCAC, Schedule D port, US tariff code, x12 extensions."""
    item = GoodsItem(
        sequence=1,
        description="STEEL COILS",
        gross_weight=Quantity(value=Decimal("92400"), unit="KGM"),
        hs_code="720838",
        tariff_codes=(
            TariffCode(scheme="us-hts", code="7208380015"),
            TariffCode(scheme="mx-fraccion", code="7208380101"),
        ),
        customs_documents=(CustomsDocument(kind="pedimento", number="262439116001234", regime="EXD"),),
        marks="NO MARKS",
    )
    return Manifest(
        mode=Mode.RAIL,
        carrier=Carrier(name="KCSM", scac="KCSM"),
        trip_number="QMTYLA27",
        arrival=Stop(place=Place(code="2304", scheme=PlaceScheme.SCHEDULE_D, country="US")),
        office_of_entry=Place(code="2304", scheme=PlaceScheme.SCHEDULE_D),
        references=(Reference(kind="isf", value="ISF1"),),
        consignments=(
            Consignment(document_number="KCSM26110451", document_type=DocumentType.RAIL_WAYBILL, goods=(item,)),
        ),
        extensions={"x12.ISA.13": "000000001"},
    )


def test_what_carta_porte_cannot_carry_is_listed() -> None:
    written = CARTA_PORTE.write([_foreign_model()])
    lost = {d.field for d in written.losses if d.code == "CP401"}
    assert {
        "carrier.scac",
        "carrier.name",
        "trip_number",
        "office_of_entry",
        "references[0]",
        "arrival.place.code",
        "arrival.place.country",
        "consignments[0].goods[0].tariff_codes[0]",
        "consignments[0].goods[0].marks",
        "consignments[0].goods[0].customs_documents[0].regime",
    } <= lost
    assert [d.args["key"] for d in written.losses if d.code == "CP402"] == ["x12.ISA.13"]
    assert [d.code for d in written.notes if d.code != "CP404"] == ["CP403"]
    # Each gap is named in the message and located by the XPath a validator of the written file reports it at.
    gaps = [d for d in written.notes if d.code == "CP404"]
    bare = {d.location: re.sub(r"[a-z0-9]+:|\[[0-9]+\]", "", d.location or "") for d in gaps}
    assert all(d.location and bare[d.location].endswith(d.args["what"]) for d in gaps)
    assert {
        "/cfdi:Comprobante/cfdi:Emisor/@Rfc",
        "/cfdi:Comprobante/cfdi:Complemento/cartaporte31:CartaPorte/@IdCCP",
        "/cfdi:Comprobante/cfdi:Complemento/cartaporte31:CartaPorte/cartaporte31:Mercancias/cartaporte31:Mercancia/@BienesTransp",
    } <= {d.location for d in gaps}
    assert {"carrier.tax_id", "consignments[0].goods[0].sat_product_key"} <= {d.field for d in gaps}
    assert all(d.severity.name == "WARNING" for d in written.losses)


def test_pedimento_is_written_in_sat_form() -> None:
    written = CARTA_PORTE.write([_foreign_model()])
    assert b'NumPedimento="26  24  3911  6001234"' in written.data


def test_several_manifests_are_listed_as_lost() -> None:
    written = CARTA_PORTE.write([_foreign_model(), _foreign_model()])
    assert "manifests[1]" in {d.field for d in written.losses}
