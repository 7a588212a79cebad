"""The code lists by name (``schedule-d``, ``sat-aduana``), each loaded lazily, once, into a frozenset of codes."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from functools import cache
from types import MappingProxyType

from manifest.codelists import sources
from manifest.slotted import record


@record
class CodeList:
    name: str
    title: str
    source: str
    load: Callable[[], Iterable[str]]


def _any_country_code() -> Iterable[str]:
    """ISO 3166-1 codes as sources write them: alpha-2 (X12, CUSCAR, the model) or alpha-3 (CFDI c_Pais)."""
    return (*codes("country"), *codes("country-alpha3"))


_SAT_CATALOGUE_SOURCE = "SAT catCartaPorte.xsd"

_LISTS = (
    CodeList(
        "schedule-d",
        "CBP/Census Schedule D US ports",
        "CBP ACE Ocean CAMIR Appendix E (Schedule D)",
        sources.csv_column("us_cbp_schedule_d_ports.csv", "port_code"),
    ),
    CodeList(
        "sat-aduana",
        "SAT aduanas",
        "SAT catCFDI c_Aduana; Anexo 22 Apéndice 1",
        sources.csv_column("mx_sat_aduanas.csv", "code"),
    ),
    CodeList(
        "hs2022",
        "Harmonized System 2022 subheadings",
        "WCO HS Nomenclature 2022 edition",
        sources.csv_column("hs2022_subheadings.csv", "hscode"),
    ),
    CodeList(
        "un-number",
        "UN numbers of dangerous goods",
        "SAT Carta Porte 3.1 c_MaterialPeligroso (UN Model Regulations, NOM-002-SCT)",
        sources.csv_column("un_dangerous_goods_mx_sat_es.csv", "un_number"),
    ),
    CodeList("unlocode", "UN/LOCODE locations", "UNECE Recommendation 16, UN/LOCODE 2024-2", sources.unlocodes),
    CodeList(
        "mx-fraccion",
        "Mexican tariff fracciones (TIGIE)",
        "SAT catComExt.xsd c_FraccionArancelaria",
        sources.sat_catalogue("c_FraccionArancelaria"),
    ),
    CodeList(
        "sat-station", "SAT stations", f"{_SAT_CATALOGUE_SOURCE} c_Estaciones", sources.sat_catalogue("c_Estaciones")
    ),
    CodeList(
        "sat-product-key",
        "SAT goods keys for Carta Porte",
        f"{_SAT_CATALOGUE_SOURCE} c_ClaveProdServCP",
        sources.sat_catalogue("c_ClaveProdServCP"),
    ),
    CodeList(
        "sat-rail-car-type",
        "SAT rail car types",
        f"{_SAT_CATALOGUE_SOURCE} c_TipoCarro",
        sources.sat_catalogue("c_TipoCarro"),
    ),
    CodeList(
        "sat-rail-container",
        "SAT rail container types",
        f"{_SAT_CATALOGUE_SOURCE} c_Contenedor",
        sources.sat_catalogue("c_Contenedor"),
    ),
    CodeList(
        "sat-maritime-container",
        "SAT maritime container types",
        f"{_SAT_CATALOGUE_SOURCE} c_ContenedorMaritimo",
        sources.sat_catalogue("c_ContenedorMaritimo"),
    ),
    CodeList(
        "sat-air-carrier",
        "SAT air carrier codes",
        f"{_SAT_CATALOGUE_SOURCE} c_CodigoTransporteAereo",
        sources.sat_catalogue("c_CodigoTransporteAereo"),
    ),
    CodeList(
        "sat-customs-document",
        "SAT customs document types",
        f"{_SAT_CATALOGUE_SOURCE} c_DocumentoAduanero",
        sources.sat_catalogue("c_DocumentoAduanero"),
    ),
    CodeList(
        "sat-customs-regime",
        "SAT customs regimes",
        f"{_SAT_CATALOGUE_SOURCE} c_RegimenAduanero",
        sources.sat_catalogue("c_RegimenAduanero"),
    ),
    CodeList(
        "sat-weight-unit",
        "SAT weight units",
        f"{_SAT_CATALOGUE_SOURCE} c_ClaveUnidadPeso",
        sources.sat_catalogue("c_ClaveUnidadPeso"),
    ),
    CodeList(
        "sat-vessel-type",
        "SAT vessel configurations",
        f"{_SAT_CATALOGUE_SOURCE} c_ConfigMaritima",
        sources.sat_catalogue("c_ConfigMaritima"),
    ),
    CodeList(
        "sat-shipping-agent",
        "SAT shipping agent authorizations",
        f"{_SAT_CATALOGUE_SOURCE} c_NumAutorizacionNaviero",
        sources.sat_catalogue("c_NumAutorizacionNaviero"),
    ),
    CodeList(
        "sat-rail-service",
        "SAT rail service types",
        f"{_SAT_CATALOGUE_SOURCE} c_TipoDeServicio",
        sources.sat_catalogue("c_TipoDeServicio"),
    ),
    CodeList(
        "sat-rail-traffic",
        "SAT rail traffic types",
        f"{_SAT_CATALOGUE_SOURCE} c_TipoDeTrafico",
        sources.sat_catalogue("c_TipoDeTrafico"),
    ),
    CodeList(
        "sat-packaging",
        "SAT packaging types",
        f"{_SAT_CATALOGUE_SOURCE} c_TipoEmbalaje",
        sources.sat_catalogue("c_TipoEmbalaje"),
    ),
    CodeList(
        "country",
        "ISO 3166-1 alpha-2 countries",
        "ISO 3166-1 (pycountry)",
        sources.pycountry_codes("countries", "iso3166-1", "alpha_2"),
    ),
    CodeList(
        "country-alpha3",
        "ISO 3166-1 alpha-3 countries",
        "ISO 3166-1 (pycountry)",
        sources.pycountry_codes("countries", "iso3166-1", "alpha_3"),
    ),
    CodeList(
        "country-code",
        "ISO 3166-1 countries, alpha-2 or alpha-3",
        "ISO 3166-1 (pycountry)",
        _any_country_code,
    ),
    CodeList(
        "subdivision",
        "ISO 3166-2 subdivisions",
        "ISO 3166-2 (pycountry)",
        sources.pycountry_codes("subdivisions", "iso3166-2", "code"),
    ),
    CodeList("sat-state", "SAT states and provinces", "SAT catCFDI.xsd c_Estado", sources.sat_states),
    CodeList(
        "currency",
        "ISO 4217 currencies",
        "ISO 4217 (pycountry)",
        sources.pycountry_codes("currencies", "iso4217", "alpha_3"),
    ),
    CodeList(
        "uncl-1225",
        "UN/EDIFACT message function codes",
        "UNTDID data element 1225 (UNCL 1225)",
        sources.csv_column("uncl_1225_message_function.csv", "code"),
    ),
    CodeList(
        "iata-airport",
        "IATA airport codes",
        "IATA Resolution 763 location identifiers (airportsdata)",
        sources.iata_airports,
    ),
)

CODELISTS: Mapping[str, CodeList] = MappingProxyType({entry.name: entry for entry in _LISTS})


@cache
def codes(name: str) -> frozenset[str]:
    """Every code of the list ``name``; read on first use and kept."""
    try:
        entry = CODELISTS[name]
    except KeyError:
        raise KeyError(f"unknown code list {name!r}; known lists: {', '.join(CODELISTS)}") from None
    return frozenset(entry.load())


def contains(name: str, code: str) -> bool:
    return code in codes(name)
