"""A Carta Porte written from another format says what SAT requires of a border crossing, derived from the
places and countries of the model (TranspInternac, EntradaSalidaMerc, PaisOrigenDestino, ViaEntradaSalida), spells
states as c_Estado does, numbers its Ubicaciones, and leaves a value the model lacks as a note, never invented."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from decimal import Decimal

import pytest
from lxml import etree

from manifest import api
from manifest.formats import get
from manifest.formats.carta_porte import crossing
from manifest.formats.carta_porte.namespaces import CFDI, CP31, q
from manifest.model import (
    Address,
    Carrier,
    Consignment,
    DocumentType,
    GoodsItem,
    Manifest,
    Mode,
    Party,
    PartyRole,
    Place,
    Quantity,
    Stop,
    TaxId,
    TaxIdScheme,
)
from tests.conftest import SAMPLES

CARTA_PORTE = get("carta-porte")
X12_309 = get("x12-309")
RAIL_309 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"


def _carta_porte(data: bytes) -> etree._Element:
    found = etree.fromstring(data).find(f".//{q(CP31, 'CartaPorte')}")
    assert found is not None
    return found


def test_the_monterrey_to_houston_train_leaves_mexico_by_rail() -> None:
    conversion = api.convert(RAIL_309.read_bytes(), "carta-porte", name=RAIL_309.name)
    assert conversion.written is not None
    cp = _carta_porte(conversion.written.data)
    assert (
        cp.get("TranspInternac"),
        cp.get("EntradaSalidaMerc"),
        cp.get("PaisOrigenDestino"),
        cp.get("ViaEntradaSalida"),
    ) == ("Sí", "Salida", "USA", "04")
    locations = cp.findall(f"{q(CP31, 'Ubicaciones')}/{q(CP31, 'Ubicacion')}")
    assert [(u.get("TipoUbicacion"), u.get("IDUbicacion")) for u in locations] == [
        ("Origen", "OR000001"),
        ("Destino", "DE000002"),
    ]
    homes = [u.find(q(CP31, "Domicilio")) for u in locations]
    assert [(h.get("Localidad"), h.get("Estado"), h.get("Pais")) for h in homes if h is not None] == [
        ("MONTERREY", "NLE", "MEX"),
        ("HOUSTON", "TX", "USA"),
    ]
    found = api.validate(conversion.written.data, profile="sat").diagnostics
    assert not {"CP219", "SAT-CP-021"} & {d.code for d in found}  # a domestic movement abroad; a state not in c_Estado
    # Of what TranspInternac "Sí" requires, only the customs regime, which no 309 states, is missing.
    assert [d.args["attribute"] for d in found if d.code == "CP204"] == ["RegimenesAduaneros"]
    # What an international movement requires and a 309 does not hold is named, at the place it belongs.
    gaps = {d.args["what"] for d in conversion.written.notes if d.code == "CP404"}
    assert {
        "CartaPorte/RegimenesAduaneros",
        "Mercancia/@FraccionArancelaria",
        "Mercancia/DocumentacionAduanera",
    } <= gaps


@pytest.mark.parametrize(
    ("origin", "destination", "expected"),
    [
        ("MX", "US", crossing.Crossing(True, "Salida", "USA")),
        ("MEX", "CAN", crossing.Crossing(True, "Salida", "CAN")),
        ("US", "MX", crossing.Crossing(True, "Entrada", "USA")),
        ("GT", None, crossing.Crossing(True, "Entrada", "GTM")),  # goods that start abroad enter Mexico
        (None, "US", crossing.Crossing(True, "Salida", "USA")),
        ("US", "CA", crossing.Crossing(True)),  # through Mexico: which way is not a fact of the model
        ("MX", "MEX", crossing.Crossing(False)),
        ("MX", None, crossing.Crossing(None)),
        (None, None, crossing.Crossing(None)),
    ],
)
def test_the_crossing_follows_from_the_countries(
    origin: str | None, destination: str | None, expected: crossing.Crossing
) -> None:
    assert crossing.derive(origin, destination) == expected


def _road(shipper: Address, consignee: Address, **fields: object) -> Manifest:
    item = GoodsItem(description="AVOCADOS", gross_weight=Quantity(value=Decimal("1000"), unit="KGM"))
    consignment = Consignment(
        document_number="CN1",
        document_type=DocumentType.ROAD_CONSIGNMENT_NOTE,
        parties=(
            Party(role=PartyRole.SHIPPER, name="EMPACADORA", address=shipper),
            Party(role=PartyRole.CONSIGNEE, name="PRODUCE INC", address=consignee),
        ),
        goods=(item,),
    )
    return Manifest(
        mode=Mode.ROAD,
        departure=Stop(place=Place(), moment=datetime(2026, 11, 20, 8, 0)),
        arrival=Stop(place=Place(), moment=datetime(2026, 11, 21, 8, 0), distance_km=Decimal("912.5")),
        consignments=(consignment,),
        **fields,  # type: ignore[arg-type]
    )


def test_goods_from_texas_enter_mexico_by_road_and_the_distance_known_is_written() -> None:
    texas = Address(city="MCALLEN", subdivision="TX", postal_code="78501", country="US")
    jalisco = Address(city="GUADALAJARA", subdivision="Jal.", postal_code="44100", country="MX")
    written = CARTA_PORTE.write([_road(texas, jalisco)])
    cp = _carta_porte(written.data)
    assert (cp.get("TranspInternac"), cp.get("EntradaSalidaMerc"), cp.get("PaisOrigenDestino")) == (
        "Sí",
        "Entrada",
        "USA",
    )
    assert cp.get("ViaEntradaSalida") == "01"  # c_CveTransporte 01 autotransporte
    states = [e.get("Estado") for e in cp.iter(q(CP31, "Domicilio"))]
    assert states == ["TX", "JAL"]
    destination = cp.findall(f"{q(CP31, 'Ubicaciones')}/{q(CP31, 'Ubicacion')}")[1]
    assert destination.get("DistanciaRecorrida") == "912.5"
    # The trip's total is a datum of its own that the model does not hold: named, not computed.
    assert cp.get("TotalDistRec") is None
    assert "CartaPorte/@TotalDistRec" in {d.args["what"] for d in written.notes if d.code == "CP404"}
    origin = cp.find(f"{q(CP31, 'Ubicaciones')}/{q(CP31, 'Ubicacion')}")
    assert origin is not None and origin.get("DistanciaRecorrida") is None  # not known, not invented


def test_a_movement_whose_countries_are_unknown_leaves_transp_internac_as_a_note() -> None:
    written = CARTA_PORTE.write([_road(Address(city="A"), Address(city="B"))])
    cp = _carta_porte(written.data)
    assert cp.get("TranspInternac") is None
    assert cp.get("EntradaSalidaMerc") is None and cp.get("ViaEntradaSalida") is None
    assert "CartaPorte/@TranspInternac" in {d.args["what"] for d in written.notes if d.code == "CP404"}


def test_a_domestic_movement_says_so() -> None:
    written = CARTA_PORTE.write(
        [_road(Address(subdivision="NL", country="MX"), Address(subdivision="CDMX", country="MX"))]
    )
    cp = _carta_porte(written.data)
    assert cp.get("TranspInternac") == "No"
    assert cp.get("EntradaSalidaMerc") is None and cp.get("ViaEntradaSalida") is None
    assert [e.get("Estado") for e in cp.iter(q(CP31, "Domicilio"))] == ["NLE", "CMX"]


def test_a_state_c_estado_cannot_spell_is_a_loss_and_never_copied() -> None:
    written = CARTA_PORTE.write(
        [_road(Address(subdivision="ZZ", postal_code="64000", country="MX"), Address(subdivision="DC", country="US"))]
    )
    assert b'Estado="ZZ"' not in written.data and b'Estado="DC"' not in written.data
    lost = {d.field for d in written.losses}
    assert {"consignments[0].parties[0].address.subdivision", "consignments[0].parties[1].address.subdivision"} <= lost
    gaps = [d for d in written.notes if d.code == "CP404" and d.args["what"] == "Domicilio/@Estado"]
    assert [d.field for d in gaps] == [
        "consignments[0].parties[0].address.subdivision",
        "consignments[0].parties[1].address.subdivision",
    ]


def test_a_state_outside_mexico_the_us_and_canada_is_free_text() -> None:
    written = CARTA_PORTE.write(
        [_road(Address(subdivision="SJ", postal_code="10101", country="CR"), Address(subdivision="NL", country="MX"))]
    )
    assert [e.get("Estado") for e in _carta_porte(written.data).iter(q(CP31, "Domicilio"))] == ["SJ", "NLE"]


def test_a_carta_porte_read_and_written_keeps_its_own_crossing_and_ids() -> None:
    for path in sorted(SAMPLES.rglob("*.cartaporte.xml")):
        data = path.read_bytes()
        before = _carta_porte(data)
        after = _carta_porte(CARTA_PORTE.write(CARTA_PORTE.read(data).manifests).data)
        for attribute in ("TranspInternac", "EntradaSalidaMerc", "PaisOrigenDestino", "ViaEntradaSalida"):
            assert after.get(attribute) == before.get(attribute), (path.name, attribute)
        ids = [u.get("IDUbicacion") for u in before.iter(q(CP31, "Ubicacion"))]
        assert [u.get("IDUbicacion") for u in after.iter(q(CP31, "Ubicacion"))] == ids, path.name


def test_a_carrier_with_an_rfc_issues_the_cfdi() -> None:
    carrier = Carrier(name="FERROMEX", tax_id=TaxId(scheme=TaxIdScheme.RFC, value="FME970101AB1"))
    written = CARTA_PORTE.write([_road(Address(country="MX"), Address(country="US"), carrier=carrier)])
    issuer = etree.fromstring(written.data).find(q(CFDI, "Emisor"))
    assert issuer is not None and (issuer.get("Rfc"), issuer.get("Nombre")) == ("FME970101AB1", "FERROMEX")
    assert not {"carrier.tax_id", "carrier.name"} & {d.field for d in written.losses}
    assert "Emisor/@Rfc" not in {d.args.get("what") for d in written.notes}


def test_a_carrier_tax_id_that_is_no_rfc_stays_a_loss() -> None:
    carrier = Carrier(name="BNSF", tax_id=TaxId(scheme=TaxIdScheme.EIN, value="41-1804964"))
    written = CARTA_PORTE.write([_road(Address(country="MX"), Address(country="US"), carrier=carrier)])
    assert b"41-1804964" not in written.data
    assert "carrier.tax_id" in {d.field for d in written.losses}
    assert "Emisor/@Rfc" in {d.args.get("what") for d in written.notes}


def test_a_distance_the_model_lacks_is_a_note() -> None:
    manifest = _road(Address(country="MX"), Address(country="US"))
    assert manifest.arrival is not None
    unknown = dataclasses.replace(manifest, arrival=dataclasses.replace(manifest.arrival, distance_km=None))
    written = CARTA_PORTE.write([unknown])
    assert b"DistanciaRecorrida" not in written.data and b"TotalDistRec" not in written.data
    gaps = {d.args["what"]: d.field for d in written.notes if d.code == "CP404"}
    assert gaps["Ubicacion/@DistanciaRecorrida"] == "arrival.distance_km"
    assert "CartaPorte/@TotalDistRec" in gaps


def test_a_country_c_pais_cannot_name_is_a_loss_and_never_copied() -> None:
    written = CARTA_PORTE.write([_road(Address(country="MX"), Address(subdivision="TX", country="XU"))])
    assert b'"XU"' not in written.data
    assert "consignments[0].parties[1].address.country" in {d.field for d in written.losses}
    gaps = {d.field for d in written.notes if d.code == "CP404" and d.args["what"] == "Domicilio/@Pais"}
    assert gaps == {"consignments[0].parties[1].address.country"}


def test_the_total_weight_is_never_a_partial_sum() -> None:
    manifest = _road(Address(country="MX"), Address(country="US"))
    first = manifest.consignments[0]
    unweighed = GoodsItem(description="CRATES")
    both = dataclasses.replace(first, goods=(*first.goods, unweighed))
    written = CARTA_PORTE.write([dataclasses.replace(manifest, consignments=(both,))])
    goods = _carta_porte(written.data).find(q(CP31, "Mercancias"))
    assert goods is not None and goods.get("PesoBrutoTotal") is None and goods.get("NumTotalMercancias") == "2"
    assert "Mercancias/@PesoBrutoTotal" in {d.args["what"] for d in written.notes if d.code == "CP404"}
    whole = CARTA_PORTE.write([manifest])
    assert b'PesoBrutoTotal="1000"' in whole.data
