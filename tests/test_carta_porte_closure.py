"""Every sample converted to Carta Porte gives a file whose own validation finds no error that the source did not
have, unless a loss or a note of the conversion names it: a value the model lacks stays a CP404 note at the place
it belongs, never an invented value, and a value the target cannot spell is a listed loss, never copied raw."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from lxml import etree

from manifest import api
from manifest.formats import get
from manifest.formats.carta_porte.messages import MISSING_REQUIRED, SCHEMA
from manifest.model import Consignment, DocumentType, EquipmentKind, Manifest, Mode, Place, Stop
from tests import closure
from tests.closure import explains
from tests.conftest import SAMPLES

CARTA_PORTE = get("carta-porte")
# Every sample of another format than Carta Porte: the X12 309s and 358, the CUSCAR, the canonical manifest-xml and
# manifest-json, and the air messages.
SOURCES = sorted(
    path for path in SAMPLES.rglob("*") if path.is_file() and path.suffix != ".md" and ".cartaporte." not in path.name
)


def unexplained(source: Path) -> list[str]:
    return closure.unexplained(source.read_bytes(), str(source), "carta-porte", profile="sat")


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_every_error_of_the_written_carta_porte_is_explained(source: Path) -> None:
    assert unexplained(source) == []


# Elements the CFDI 4.0 and Carta Porte 3.1 schemas require even when the model holds none of their values: each is
# written bare with the CP404 notes of what it lacks (Autotransporte requires its Seguros, whose insurer and policy a
# truck's e-manifest does not give, and a Remolque for each trailer, known to Carta Porte by a SubTipoRem and a Placa
# that a 358 does not give). The unsigned CFDI's Sello and Certificado are CP403's.
_REQUIRED_ELEMENTS = {"Emisor", "Receptor", "Ubicaciones", "Seguros", "Remolque"}
_SEAL_PLACEHOLDERS = {"Sello", "Certificado"}


@pytest.mark.parametrize("source", SOURCES, ids=lambda path: path.name)
def test_no_empty_value_is_written(source: Path) -> None:
    document = api.read(source.read_bytes(), name=source.name)
    written = CARTA_PORTE.write(document.manifests)
    tree = etree.fromstring(written.data).getroottree()
    gaps = [d.location or "" for d in written.notes if d.code == "CP404"]
    for element in tree.iter():
        name = etree.QName(element).localname
        assert [a for a, v in element.attrib.items() if not v and a not in _SEAL_PLACEHOLDERS] == [], name
        if len(element) or element.attrib:
            continue
        assert name in _REQUIRED_ELEMENTS, f"{tree.getpath(element)} is written empty"
        assert any(gap.startswith(tree.getpath(element) + "/") for gap in gaps), name


def test_a_rail_container_with_nothing_carta_porte_states_is_a_loss_not_an_empty_element() -> None:
    source = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
    document = api.read(source.read_bytes(), name=source.name)
    container = document.manifests[0].consignments[1].equipment[1]
    assert container.kind == EquipmentKind.CONTAINER and container.tare_weight is None
    assert "c_Contenedor" not in {code.kind for code in container.type_codes}
    written = CARTA_PORTE.write(document.manifests)
    assert b"Contenedor" not in written.data
    assert "consignments[1].equipment[1]" in {d.field for d in written.losses}


def test_a_note_explains_only_its_own_gap() -> None:
    mercancia = (
        "/cfdi:Comprobante/cfdi:Complemento/cartaporte31:CartaPorte/cartaporte31:Mercancias/cartaporte31:Mercancia"
    )
    error = SCHEMA(
        reason="Mercancia: The attribute 'BienesTransp' is required but missing.", location=f"{mercancia}[1]"
    )
    assert explains(error, MISSING_REQUIRED(what="Mercancia/@BienesTransp", location=f"{mercancia}[1]/@BienesTransp"))
    assert not explains(
        error, MISSING_REQUIRED(what="Mercancia/@BienesTransp", location=f"{mercancia}[2]/@BienesTransp")
    )
    assert not explains(error, MISSING_REQUIRED(what="Mercancia/@Descripcion", location=f"{mercancia}[1]/@Descripcion"))
    rule = SCHEMA(reason="the goods key (BienesTransp) is required", field="consignments[0].goods[0].sat_product_key")
    assert explains(rule, MISSING_REQUIRED(what="x", field="consignments[0].goods[0].sat_product_key"))
    assert not explains(rule, MISSING_REQUIRED(what="x", field="consignments[0].goods[1].sat_product_key"))
    assert not explains(rule, MISSING_REQUIRED(what="x", field="consignments[0].goods[0].sat_product_key.unit"))


@pytest.mark.parametrize("number", ["", "0", "1234567890123456", "139-1234|5675"])
def test_an_air_waybill_number_numeroguia_cannot_hold_is_noted_not_written(number: str) -> None:
    waybill = Consignment(document_number=number, document_type=DocumentType.AIR_WAYBILL)
    written = CARTA_PORTE.write([Manifest(mode=Mode.AIR, consignments=(waybill,))])
    assert b"NumeroGuia=" not in written.data
    guide = [d for d in written.notes if (d.location or "").endswith("/@NumeroGuia")]
    assert [(d.code, d.field) for d in guide] == [("CP404", "consignments[0].document_number")]
    assert ("consignments[0].document_number" in {d.field for d in written.losses}) == bool(number)


def test_a_date_before_2010_is_a_loss_not_a_fecha_the_schema_rejects() -> None:
    manifest = Manifest(mode=Mode.RAIL, departure=Stop(place=Place(), moment=date(2000, 1, 1)))
    written = CARTA_PORTE.write([manifest])
    assert b'Fecha="2000' not in written.data
    assert "departure.moment" in {d.field for d in written.losses}
    assert [d.field for d in written.notes if d.location == "/cfdi:Comprobante/@Fecha"] == ["departure.moment"]
