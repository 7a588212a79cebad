"""Versions and envelopes: 2.0 and 1.0 recognised as superseded, 3.0 read, stamps and other complements kept."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from manifest.diagnostics import ParseError
from manifest.formats import get
from manifest.formats.carta_porte import schema
from tests.carta_porte_edit import NAMESPACES, RAIL, edited, first
from tests.conftest import SAMPLES

MARITIME = SAMPLES / "maritime" / "northbound-manzanillo-long-beach.cartaporte.xml"

CARTA_PORTE = get("carta-porte")
CP30 = "http://www.sat.gob.mx/CartaPorte30"
TFD = "http://www.sat.gob.mx/TimbreFiscalDigital"


@pytest.fixture(scope="module", autouse=True)
def _compiled_schema() -> None:
    schema.compile_schema()


@pytest.mark.parametrize("name", ["cfdv40-cartaporte20.xml", "cfdv40-cartaporte20-min.xml"])
def test_real_carta_porte_20_is_recognised_as_superseded(external_samples: Path, name: str) -> None:
    document = CARTA_PORTE.read((external_samples / "cfdi-cartaporte" / name).read_bytes())
    assert document.manifests == ()
    (hit,) = document.diagnostics
    assert hit.code == "CP003" and "2.0" in hit.message() and hit.line is not None


def test_carta_porte_10_is_recognised_as_superseded() -> None:
    data = RAIL.read_bytes().replace(b"http://www.sat.gob.mx/CartaPorte31", b"http://www.sat.gob.mx/CartaPorte")
    data = data.replace(b'Version="3.1"', b'Version="1.0"')
    (hit,) = CARTA_PORTE.read(data).diagnostics
    assert hit.code == "CP003" and "1.0" in hit.message()


def _as_version_30(tree: Any) -> None:
    """Carta Porte 3.0: its namespace, a single RegimenAduanero attribute instead of RegimenesAduaneros."""
    cp = first(tree, "//cp:CartaPorte")
    regimes = first(tree, "//cp:RegimenesAduaneros")
    cp.set("RegimenAduanero", first(regimes, "cp:RegimenAduaneroCCP").get("RegimenAduanero"))
    cp.remove(regimes)
    cp.set("Version", "3.0")
    for element in cp.iter():
        element.tag = f"{{{CP30}}}{etree.QName(element).localname}"
    etree.cleanup_namespaces(tree)


def _maritime_30_with_trailers(tree: Any) -> None:
    maritime = first(tree, "//cp:TransporteMaritimo")
    holder = etree.SubElement(maritime, f"{{{NAMESPACES['cp']}}}RemolquesCCP")
    etree.SubElement(holder, f"{{{NAMESPACES['cp']}}}RemolqueCCP", SubTipoRemCCP="CTR004", PlacaCCP="ABC1234")
    _as_version_30(tree)


def test_carta_porte_30_vessel_trailers_move_into_a_container() -> None:
    document = CARTA_PORTE.read(edited(_maritime_30_with_trailers, MARITIME))
    assert [d.code for d in document.diagnostics] == ["CP004"]
    written = CARTA_PORTE.write(document.manifests)
    assert written.losses == ()
    again = CARTA_PORTE.read(written.data)
    assert [str(d) for d in again.diagnostics] == []
    container = again.manifests[0].consignments[0].equipment[0]
    assert container.extensions["cartaporte.RemolqueCCP[1].PlacaCCP"] == "ABC1234"


def test_carta_porte_30_is_read_like_31() -> None:
    document = CARTA_PORTE.read(edited(_as_version_30))
    assert [d.code for d in document.diagnostics] == ["CP004"]
    original = CARTA_PORTE.read(RAIL.read_bytes()).manifests
    assert document.manifests == original
    rewritten = CARTA_PORTE.write(document.manifests).data
    assert rewritten == RAIL.read_bytes()


def _stamped(tree: Any) -> None:
    complemento = first(tree, "//cfdi:Complemento")
    stamp = etree.SubElement(complemento, f"{{{TFD}}}TimbreFiscalDigital", nsmap={"tfd": TFD})
    for name, value in (
        ("Version", "1.1"),
        ("UUID", "5FB2822E-396D-4725-8521-CDC4BDD20CCF"),
        ("FechaTimbrado", "2026-11-26T17:46:02"),
        ("RfcProvCertif", "SAT970701NN3"),
        ("SelloCFD", "c2VsbG8="),
        ("NoCertificadoSAT", "00001000000504465028"),
        ("SelloSAT", "c2F0"),
    ):
        stamp.set(name, value)
    other = etree.SubElement(
        complemento, "{urn:example:leyendas}LeyendasFiscales", nsmap={"leyendasFisc": "urn:example:leyendas"}
    )
    other.set("version", "1.0")
    addenda = etree.SubElement(tree, f"{{{NAMESPACES['cfdi']}}}Addenda")
    etree.SubElement(addenda, "{urn:example:erp}Pedido", nsmap={"erp": "urn:example:erp"}).set("numero", "PO-7781")


def test_stamp_other_complements_and_addenda_are_kept() -> None:
    data = edited(_stamped)
    document = CARTA_PORTE.read(data)
    assert [str(d) for d in document.diagnostics] == []
    manifest = document.manifests[0]
    assert ("cfdi-uuid", "5FB2822E-396D-4725-8521-CDC4BDD20CCF") in [(r.kind, r.value) for r in manifest.references]
    assert manifest.extensions["tfd.RfcProvCertif"] == "SAT970701NN3"
    written = CARTA_PORTE.write(document.manifests)
    again = CARTA_PORTE.read(written.data)
    assert again.manifests == document.manifests
    tree = etree.fromstring(written.data)
    assert tree.xpath("//erp:Pedido/@numero", namespaces={"erp": "urn:example:erp"}) == ["PO-7781"]
    assert tree.xpath("//tfd:TimbreFiscalDigital/@UUID", namespaces={"tfd": TFD})


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b'<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/3" Version="3.3"/>', "CP005"),
        (b'<manifest xmlns="urn:other"/>', "CP001"),
        (
            b'<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/4" Version="4.0">'
            b"<cfdi:Complemento/></cfdi:Comprobante>",
            "CP002",
        ),
        (b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY a 'b'>]><x>&a;</x>", "XML002"),
        (b"<cfdi:Comprobante", "XML001"),
    ],
)
def test_what_cannot_be_read_raises_parse_error(data: bytes, code: str) -> None:
    with pytest.raises(ParseError) as raised:
        CARTA_PORTE.read(data)
    assert raised.value.diagnostic.code == code


def _unbalanced(tree: Any) -> None:
    first(tree, "(//cp:Carro)[1]").set("ToneladasNetasCarro", "40.000")


def test_goods_that_do_not_fill_the_cars_stay_with_the_first_waybill() -> None:
    data = edited(_unbalanced)
    document = CARTA_PORTE.read(data)
    assert [d.code for d in document.diagnostics] == ["CP008"]
    first_waybill, second_waybill = document.manifests[0].consignments
    assert len(first_waybill.goods) == 3 and second_waybill.goods == ()
    assert CARTA_PORTE.write(document.manifests).data == CARTA_PORTE.write(CARTA_PORTE.read(data).manifests).data


def _interleaved(tree: Any) -> None:
    cars = tree.xpath("//cp:Carro", namespaces=NAMESPACES)
    cars[2].addnext(cars[1])  # KCSM (waybill 451), TTGX (452), TFM (451): the first waybill's cars are apart


def test_cars_of_a_waybill_apart_keep_their_order() -> None:
    data = edited(_interleaved)
    document = CARTA_PORTE.read(data)
    assert [str(d) for d in document.diagnostics] == []
    waybills = document.manifests[0].consignments
    assert [[e.identifier for e in c.equipment] for c in waybills] == [["KCSM720145", "TFM654321"], ["TTGX982345", ""]]
    written = CARTA_PORTE.write(document.manifests)
    order = etree.fromstring(written.data).xpath("//cp:Carro/@MatriculaCarro", namespaces=NAMESPACES)
    assert order == etree.fromstring(data).xpath("//cp:Carro/@MatriculaCarro", namespaces=NAMESPACES)
    assert CARTA_PORTE.read(written.data).manifests == document.manifests


def test_an_attribute_type_of_one_version_is_not_given_to_the_other() -> None:
    """Carta Porte 3.1 dropped CartaPorte/@RegimenAduanero (3.0's single regime): on a 3.1 element it is
    undeclared, whatever 3.0 declares under the same local names."""
    types = schema.every_declared_type()
    version_31 = first(etree.fromstring(RAIL.read_bytes()), "//cp:CartaPorte")
    version_30 = etree.fromstring(edited(_as_version_30)).find(f".//{{{CP30}}}CartaPorte")
    assert schema.type_of(types, version_31, "RegimenAduanero") == ""
    assert schema.type_of(types, version_30, "RegimenAduanero") == "c_RegimenAduanero"
    assert schema.type_of(types, version_31, "ViaEntradaSalida") == "c_CveTransporte"
    assert schema.type_of(types, first(version_31, "cp:Mercancias/cp:Mercancia"), "BienesTransp") == (
        "c_ClaveProdServCP"
    )
