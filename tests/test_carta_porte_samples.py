"""The Carta Porte samples: valid against SAT's official XSDs, clean under the business rules, rewritten unchanged."""

from __future__ import annotations

from pathlib import Path

import pytest

from manifest.formats import by_extension, get, sniff
from manifest.formats.carta_porte import schema
from manifest.model import DocumentType, EquipmentKind, Mode, PartyRole, TaxIdScheme
from tests.conftest import SAMPLES

CARTA_PORTE = get("carta-porte")
FILES = sorted(SAMPLES.glob("*/*.cartaporte.xml"))


@pytest.fixture(scope="module", autouse=True)
def _compiled_schema() -> None:
    schema.compile_schema()


def test_there_is_a_sample_per_mode() -> None:
    assert {path.parent.name for path in FILES} == {"rail", "maritime", "air", "road"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_sample_is_valid_and_clean(path: Path) -> None:
    document = CARTA_PORTE.read(path.read_bytes())
    assert [str(d) for d in document.diagnostics] == []
    assert document.manifests[0].mode == Mode(path.parent.name)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_sample_is_rewritten_byte_for_byte(path: Path) -> None:
    data = path.read_bytes()
    written = CARTA_PORTE.write(CARTA_PORTE.read(data).manifests)
    assert written.data == data
    assert written.losses == ()


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_sample_is_recognised(path: Path) -> None:
    assert sniff(path.read_bytes()[:4096]) == "carta-porte"
    assert by_extension(path.name) == "carta-porte"


def test_rail_sample_maps_onto_the_model() -> None:
    document = CARTA_PORTE.read((SAMPLES / "rail" / "northbound-nuevo-laredo.cartaporte.xml").read_bytes())
    manifest = document.manifests[0]
    assert [c.document_number for c in manifest.consignments] == ["KCSM26110451", "KCSM26110452"]
    assert all(c.document_type == DocumentType.RAIL_WAYBILL for c in manifest.consignments)
    first, second = manifest.consignments
    assert [e.identifier for e in first.equipment] == ["KCSM720145", "TFM654321"]
    assert [e.kind for e in second.equipment] == [EquipmentKind.RAILCAR, EquipmentKind.CONTAINER]
    assert [str(g.gross_weight.value) for g in second.goods if g.gross_weight] == ["14880", "620"]
    assert second.goods[0].tariff_codes[0].code == "8708400100" and second.goods[0].hs_code == "870840"
    assert second.goods[0].customs_documents[0].number == "26  24  3911  6001235"
    shipper = first.party(PartyRole.SHIPPER)
    consignee = first.party(PartyRole.CONSIGNEE)
    assert shipper is not None and shipper.tax_ids[0].value == "ACM8901011A3"
    assert consignee is not None and consignee.tax_ids[0].scheme == TaxIdScheme.FOREIGN
    assert consignee.tax_ids[0].country == "US"
    assert manifest.country_from == "MX" and manifest.country_to == "US"
    positions = document.source_map(0)
    weight = positions.locate("consignments[1].goods[0].gross_weight")
    assert weight is not None and weight.line is not None and weight.column is not None
    assert weight.location is not None and weight.location.endswith("/@PesoEnKg")


def test_air_sample_maps_the_waybill_and_carrier() -> None:
    manifest = CARTA_PORTE.read((SAMPLES / "air" / "northbound-mex-lax.cartaporte.xml").read_bytes()).manifests[0]
    assert manifest.consignments[0].document_number == "139-12345675"
    assert manifest.consignments[0].document_type == DocumentType.AIR_WAYBILL
    assert manifest.carrier is not None and manifest.carrier.sat_air_code == "CA014"
    assert manifest.conveyance is not None and manifest.conveyance.aircraft_registration == "XA-AMX"


def test_maritime_sample_maps_vessel_bill_and_containers() -> None:
    path = SAMPLES / "maritime" / "northbound-manzanillo-long-beach.cartaporte.xml"
    manifest = CARTA_PORTE.read(path.read_bytes()).manifests[0]
    assert manifest.conveyance is not None
    assert (manifest.conveyance.imo_number, manifest.conveyance.flag) == ("9321483", "PA")
    assert manifest.trip_number == "NB245R"
    bill = manifest.consignments[0]
    assert bill.document_number == "MEDUZL6412873"
    assert [(e.identifier, e.seals[0].number) for e in bill.equipment] == [
        ("MSCU1234566", "ML4471203"),
        ("MEDU7654325", "ML4471204"),
    ]
