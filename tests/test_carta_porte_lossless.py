"""Reading then writing keeps every attribute, optional ones included, of every element of a Carta Porte."""

from __future__ import annotations

from typing import Any

import pytest
from lxml import etree

from manifest.formats import get
from manifest.formats.carta_porte import schema
from tests.carta_porte_edit import NAMESPACES, edited, first

CARTA_PORTE = get("carta-porte")
CP = NAMESPACES["cp"]


@pytest.fixture(scope="module", autouse=True)
def _compiled_schema() -> None:
    schema.compile_schema()


def _child(parent: Any, local: str, before: str | None = None, **attributes: str) -> Any:
    element = etree.Element(f"{{{CP}}}{local}", attributes)
    anchor = parent.find(f"{{{CP}}}{before}") if before else None
    if anchor is not None:
        anchor.addprevious(element)
    else:
        parent.append(element)
    return element


def _everything(tree: Any) -> None:
    """The rail sample with the optional attributes and elements a real Carta Porte may carry."""
    tree.set("Folio", "000451")
    tree.set("CondicionesDePago", "Contado")
    first(tree, "//cfdi:Emisor").set("FacAtrAdquirente", "0123456789")
    origin = first(tree, "(//cp:Ubicacion)[1]")
    origin.set("NombreEstacion", "Monterrey Patio")
    origin.set("TipoEstacion", "01")
    address = first(origin, "cp:Domicilio")
    for name, value in (("NumeroInterior", "B"), ("Colonia", "0901"), ("Referencia", "Patio norte")):
        address.set(name, value)
    goods = first(tree, "//cp:Mercancias")
    goods.set("PesoNetoTotal", "107000.000")
    goods.set("CargoPorTasacion", "1500.00")
    item = first(goods, "cp:Mercancia")
    for name, value in (
        ("Unidad", "Rollo"),
        ("Dimensiones", "120/150/180cm"),
        ("MaterialPeligroso", "No"),
        ("UUIDComercioExt", "5FB2822E-396D-4725-8521-CDC4BDD20CCF"),
        ("TipoMateria", "03"),
    ):
        item.set(name, value)
    _child(
        item,
        "GuiasIdentificacion",
        before="CantidadTransporta",
        NumeroGuiaIdentificacion="GUIA0000451",
        DescripGuiaIdentificacion="Rollos de acero",
        PesoGuiaIdentificacion="92400",
    )
    _child(
        item,
        "DetalleMercancia",
        UnidadPesoMerc="KGM",
        PesoBruto="92400",
        PesoNeto="92000",
        PesoTara="400",
        NumPiezas="16",
    )
    rail = first(goods, "cp:TransporteFerroviario")
    _child(rail, "DerechosDePaso", before="Carro", TipoDerechoDePaso="CDP001", KilometrajePagado="12.50")
    figure = first(tree, "//cp:TiposFigura")
    _child(figure, "PartesTransporte", ParteTransporte="PT10")
    _child(figure, "Domicilio", Calle="Insurgentes", Estado="NLE", Pais="MEX", CodigoPostal="64000")


def _attributes(data: bytes) -> list[tuple[str, dict[str, str]]]:
    tree = etree.fromstring(data).getroottree()
    return [(tree.getpath(e), dict(e.attrib)) for e in tree.getroot().iter(etree.Element)]


def test_every_attribute_survives_a_rewrite() -> None:
    data = edited(_everything)
    document = CARTA_PORTE.read(data)
    assert [str(d) for d in document.diagnostics] == []
    written = CARTA_PORTE.write(document.manifests)
    assert written.losses == ()
    assert _attributes(written.data) == _attributes(data)
    item = document.manifests[0].consignments[0].goods[0]
    assert item.packages is not None and item.packages.count == 16
    assert item.net_weight is not None and str(item.net_weight.value) == "92000"
