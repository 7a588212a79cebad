"""Validation against SAT's official XSDs: one finding per fault, at its line and attribute, catalogues by name."""

from __future__ import annotations

import pytest
from lxml import etree

from manifest.formats import get
from manifest.formats.carta_porte import catalogues, schema
from tests.carta_porte_edit import RAIL, edited, remove, set_attribute

CARTA_PORTE = get("carta-porte")
_XS = "http://www.w3.org/2001/XMLSchema"


@pytest.fixture(scope="module", autouse=True)
def _compiled_schema() -> None:
    schema.compile_schema()


def _line_of(text: str) -> int:
    return next(n for n, line in enumerate(RAIL.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def test_catalogue_miss_names_the_catalogue_not_its_values() -> None:
    data = edited(set_attribute("(//cp:Mercancia)[2]", "BienesTransp", "99999999"))
    found = [d for d in CARTA_PORTE.read(data).diagnostics if d.code.startswith("CP1")]
    assert len(found) == 1
    (hit,) = found
    assert hit.code == "CP102"
    assert hit.message() == "Mercancia/@BienesTransp '99999999' is not in catalogue c_ClaveProdServCP"
    assert "c_ClaveProdServCP" in hit.message("es")
    assert hit.location is not None and hit.location.endswith("/@BienesTransp")
    assert hit.line == _line_of('BienesTransp="25172100"') and hit.column is not None
    assert hit.field == "consignments[1].goods[0].sat_product_key"


def test_catalogue_of_the_cfdi_is_named_too() -> None:
    data = edited(set_attribute("/cfdi:Comprobante", "Moneda", "ZZZ"))
    (hit,) = [d for d in CARTA_PORTE.read(data).diagnostics if d.code.startswith("CP1")]
    assert hit.code == "CP102" and "c_Moneda" in hit.message()


def test_pattern_fault_names_the_attribute() -> None:
    data = edited(set_attribute("(//cp:DocumentacionAduanera)[1]", "NumPedimento", "26-24-3911-6001234"))
    found = [d for d in CARTA_PORTE.read(data).diagnostics if d.code == "CP101"]
    assert found and all("DocumentacionAduanera/@NumPedimento" in d.message() for d in found)
    assert all(d.line == _line_of("6001234") for d in found)


def test_missing_required_attribute_is_reported() -> None:
    data = edited(set_attribute("(//cp:Mercancia)[1]", "Descripcion", None))
    found = [d for d in CARTA_PORTE.read(data).diagnostics if d.code == "CP101"]
    assert len(found) == 1 and "Descripcion" in found[0].message()
    assert found[0].line == _line_of('BienesTransp="11101705"')


def test_missing_required_element_is_reported() -> None:
    data = edited(remove("//cp:Carro"))
    found = [d for d in CARTA_PORTE.read(data).diagnostics if d.code == "CP101"]
    assert found and "TransporteFerroviario" in found[0].message()


def test_long_enumerations_are_cut() -> None:
    data = edited(set_attribute("//cp:CartaPorte", "TranspInternac", "Si"))
    (hit,) = [d for d in CARTA_PORTE.read(data).diagnostics if d.code.startswith("CP1")]
    assert "TranspInternac" in hit.message() and len(hit.message()) < 300


def test_every_catalogue_miss_is_reported_at_its_own_line() -> None:
    data = edited(set_attribute("//cp:Mercancia", "BienesTransp", "99999999"))
    found = [d for d in CARTA_PORTE.read(data).diagnostics if d.code.startswith("CP1")]
    assert [d.code for d in found] == ["CP102"] * 3
    assert len({d.line for d in found}) == 3


def test_rail_and_sea_containers_are_checked_against_their_own_catalogues() -> None:
    data = edited(set_attribute("//cp:Carro/cp:Contenedor", "TipoContenedor", "CM005"))
    (hit,) = [d for d in CARTA_PORTE.read(data).diagnostics if d.code.startswith("CP1")]
    assert hit.code == "CP102" and "c_Contenedor" in hit.message() and "Maritimo" not in hit.message()


def test_large_catalogues_are_checked_against_their_sets_and_small_ones_by_libxml2() -> None:
    loaded = catalogues.load(schema.cfd_directory(), {"c_CodigoPostal", "c_Moneda"})
    assert set(loaded.values) == {"c_CodigoPostal"} and "06300" in loaded.values["c_CodigoPostal"]
    (cfdi_catalogue,) = (text for uri, text in loaded.schemas.items() if uri.endswith("/catCFDI.xsd"))
    kept = etree.fromstring(cfdi_catalogue, etree.XMLParser(huge_tree=True))
    by_name = {t.get("name"): t for t in kept.iterchildren(f"{{{_XS}}}simpleType")}
    enumeration, white_space = f"{{{_XS}}}enumeration", f"{{{_XS}}}whiteSpace"
    assert next(by_name["c_CodigoPostal"].iter(enumeration), None) is None
    assert next(by_name["c_CodigoPostal"].iter(white_space)).get("value") == "collapse"
    assert next(by_name["c_Moneda"].iter(enumeration), None) is not None


def test_a_postal_code_missing_from_the_large_catalogue_is_still_reported() -> None:
    data = edited(set_attribute("/cfdi:Comprobante", "LugarExpedicion", "ZZZZZ"))
    (hit,) = [d for d in CARTA_PORTE.read(data).diagnostics if d.code.startswith("CP1")]
    assert hit.code == "CP102" and "c_CodigoPostal" in hit.message() and hit.location is not None
    assert hit.location.endswith("/@LugarExpedicion")


def test_a_large_catalogue_code_is_read_with_its_white_space_collapsed() -> None:
    data = edited(set_attribute("(//cp:Mercancia)[1]", "BienesTransp", " 11101705 "))
    assert not [d for d in CARTA_PORTE.read(data).diagnostics if d.code.startswith("CP1")]
