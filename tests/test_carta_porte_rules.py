"""SAT business rules beyond the XSD: one negative case per rule, each reported at the offending attribute."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from manifest.diagnostics import Diagnostic
from manifest.formats import get
from manifest.formats.carta_porte import schema
from tests.carta_porte_edit import both, edited, remove, set_attribute

CARTA_PORTE = get("carta-porte")
CP = "//cp:CartaPorte"
GOODS = "//cp:Mercancias"
ITEM = "//cp:Mercancia"


@pytest.fixture(scope="module", autouse=True)
def _compiled_schema() -> None:
    schema.compile_schema()


def findings(change: Callable[[Any], None]) -> list[Diagnostic]:
    return list(CARTA_PORTE.read(edited(change)).diagnostics)


def only(found: list[Diagnostic], code: str) -> list[Diagnostic]:
    hits = [d for d in found if d.code == code]
    assert hits, f"{code} not among {[str(d) for d in found]}"
    for hit in hits:
        assert hit.line is not None and hit.location is not None and hit.source
    return hits


CASES = [
    ("CP201", set_attribute(GOODS, "PesoBrutoTotal", "107950.000"), "PesoBrutoTotal"),
    ("CP202", set_attribute(GOODS, "NumTotalMercancias", "4"), "NumTotalMercancias"),
    ("CP203", set_attribute(f"({ITEM})[1]/cp:CantidadTransporta", "IDOrigen", "OR999999"), "IDOrigen"),
    ("CP204", set_attribute(CP, "EntradaSalidaMerc", None), "TranspInternac"),
    ("CP204", remove("//cp:RegimenesAduaneros"), "TranspInternac"),
    ("CP205", set_attribute(f"({ITEM})[2]", "FraccionArancelaria", None), None),
    ("CP206", remove(f"({ITEM})[3]/cp:DocumentacionAduanera"), None),
    ("CP207", set_attribute(CP, "ViaEntradaSalida", "02"), "ViaEntradaSalida"),
    (
        "CP208",
        both(
            set_attribute(CP, "ViaEntradaSalida", "01"),
            set_attribute("//cp:CantidadTransporta", "CvesTransporte", "01"),
        ),
        None,
    ),
    (
        "CP209",
        both(
            remove("//cp:TransporteFerroviario"),
            set_attribute(CP, "ViaEntradaSalida", None),
            set_attribute("//cp:CantidadTransporta", "CvesTransporte", None),
        ),
        None,
    ),
    ("CP210", set_attribute("(//cp:DocumentacionAduanera)[1]", "NumPedimento", "26-24-3911-6001234"), "NumPedimento"),
    (
        "CP211",
        set_attribute("(//cp:DocumentacionAduanera)[1]", "NumPedimento", "26  99  3911  6001234"),
        "NumPedimento",
    ),
    (
        "CP212",
        both(
            set_attribute("(//cp:DocumentacionAduanera)[1]", "NumPedimento", None),
            set_attribute("(//cp:DocumentacionAduanera)[1]", "IdentDocAduanero", "ABC123"),
        ),
        "TipoDocumento",
    ),
    ("CP213", set_attribute("//cfdi:Emisor", "Rfc", "KCS970101J15"), "Rfc"),
    (
        "CP213",
        set_attribute("(//cp:Ubicacion)[1]", "RFCRemitenteDestinatario", "ACM8913011A3"),
        "RFCRemitenteDestinatario",
    ),
    ("CP214", set_attribute("//cfdi:Emisor", "Rfc", "XAXX010101000"), "Rfc"),
    ("CP214", set_attribute("//cp:TiposFigura", "RFCFigura", "XEXX010101000"), "RFCFigura"),
    ("CP215", set_attribute("(//cp:Ubicacion)[2]", "NumRegIdTrib", None), "RFCRemitenteDestinatario"),
    (
        "CP216",
        set_attribute("(//cp:Ubicacion)[2]", "FechaHoraSalidaLlegada", "2026-11-26T18:30:00"),
        "FechaHoraSalidaLlegada",
    ),
    ("CP217", set_attribute("(//cp:Ubicacion)[2]", "TipoUbicacion", "Origen"), None),
    ("CP218", set_attribute("/cfdi:Comprobante", "TipoDeComprobante", "P"), "TipoDeComprobante"),
    ("CP219", set_attribute(CP, "TranspInternac", "No"), "TranspInternac"),  # from Monterrey to Laredo, TX
]


@pytest.mark.parametrize(("code", "change", "attribute"), CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_reports_at_the_attribute(code: str, change: Callable[[Any], None], attribute: str | None) -> None:
    hits = only(findings(change), code)
    if attribute is not None:
        assert any(h.location and h.location.endswith(f"/@{attribute}") and h.column for h in hits), [
            str(h) for h in hits
        ]


def test_rule_names_the_model_field_it_concerns() -> None:
    (hit,) = only(findings(set_attribute("//cfdi:Emisor", "Rfc", "KCS970101J15")), "CP213")
    assert hit.field == "parties[0].tax_ids[0]"


def test_weight_sum_reports_both_figures() -> None:
    (hit,) = only(findings(set_attribute(GOODS, "PesoBrutoTotal", "107950.000")), "CP201")
    assert "107950.000" in hit.message() and "107900 kg" in hit.message()
    assert "suma" in hit.message("es")


def test_weight_sum_converts_the_declared_unit() -> None:
    found = findings(both(set_attribute(GOODS, "PesoBrutoTotal", "107.900"), set_attribute(GOODS, "UnidadPeso", "TNE")))
    assert not [d for d in found if d.code == "CP201"]


@pytest.mark.parametrize("rfc", ["XAXX010101000", "XEXX010101000"])
def test_generic_rfc_accepted_for_the_receiver(rfc: str) -> None:
    found = findings(set_attribute("//cfdi:Receptor", "Rfc", rfc))
    assert not [d for d in found if d.code in ("CP213", "CP214")]


def test_foreign_rfc_accepted_at_a_location_with_its_tax_id() -> None:
    found = findings(set_attribute("(//cp:Ubicacion)[1]", "RFCRemitenteDestinatario", "ACM8901011A3"))
    assert not [d for d in found if d.code.startswith("CP2")]


def test_domestic_movement_needs_no_customs_data() -> None:
    change = both(
        set_attribute(CP, "TranspInternac", "No"),
        set_attribute("(//cp:Ubicacion)[2]/cp:Domicilio", "Pais", "MEX"),
        set_attribute("(//cp:Ubicacion)[2]/cp:Domicilio", "Estado", "TAM"),
        set_attribute(CP, "EntradaSalidaMerc", None),
        set_attribute(CP, "PaisOrigenDestino", None),
        set_attribute(CP, "ViaEntradaSalida", None),
        remove("//cp:RegimenesAduaneros"),
        remove("//cp:DocumentacionAduanera"),
        set_attribute(ITEM, "FraccionArancelaria", None),
    )
    assert [str(d) for d in findings(change)] == []


def test_a_movement_declared_domestic_names_the_location_abroad() -> None:
    """TranspInternac 'No' on goods bound for Laredo, TX: the finding names the Destino and its country."""
    (found,) = only(findings(set_attribute(CP, "TranspInternac", "No")), "CP219")
    assert "Destino" in found.message("en") and "USA" in found.message("en")
    assert "TranspInternac es 'No'" in found.message("es")
