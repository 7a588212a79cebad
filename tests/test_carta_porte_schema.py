"""Validation against SAT's official XSDs: one finding per fault, at its line and attribute, catalogues by name."""

from __future__ import annotations

import pytest

from manifest.formats import get
from manifest.formats.carta_porte import schema
from tests.carta_porte_edit import RAIL, edited, remove, set_attribute

CARTA_PORTE = get("carta-porte")


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
