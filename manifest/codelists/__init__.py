"""Code lists for offline validation, each loaded lazily, once, into a frozenset of codes.

The bundled CSV files and their provenance are described in ``SOURCES.md`` beside this module. Lists that a
maintained package already carries (ISO 3166 and ISO 4217 from pycountry, IATA airports from airportsdata) are read
from that package rather than copied. A list is named by a stable key (``schedule-d``, ``sat-aduana``) that the
requirements catalogue uses in its ``codelist`` checks.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from types import MappingProxyType


@dataclass(frozen=True, slots=True)
class CodeList:
    name: str
    title: str
    source: str
    load: Callable[[], Iterable[str]]


def _rows(filename: str) -> tuple[list[str], Iterator[list[str]]]:
    text = resources.files(__name__).joinpath(filename).read_text(encoding="utf-8")
    reader = csv.reader(io.StringIO(text))
    return next(reader), reader


def _csv_column(filename: str, column: str) -> Callable[[], Iterable[str]]:
    def load() -> Iterable[str]:
        header, rows = _rows(filename)
        index = header.index(column)
        return (row[index] for row in rows)

    return load


@cache
def _grouped(filename: str, key: str, column: str) -> Mapping[str, tuple[str, ...]]:
    """One pass over a file that holds several lists (SAT's catalogues share one file), grouped by ``key``."""
    header, rows = _rows(filename)
    key_index, column_index = header.index(key), header.index(column)
    groups: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        groups[row[key_index]].append(row[column_index])
    return {name: tuple(values) for name, values in groups.items()}


def _sat_catalogue(catalogue: str) -> Callable[[], Iterable[str]]:
    return lambda: _grouped("mx_sat_cartaporte_catalogues.csv", "catalogue", "code").get(catalogue, ())


def _unlocodes() -> Iterable[str]:
    yield from _csv_column("unlocode_2024-2_us_mx_partners.csv", "locode")()
    yield from _csv_column("unlocode_ca_2015_partial.csv", "locode")()


def _countries_alpha2() -> Iterable[str]:
    import pycountry

    return (country.alpha_2 for country in pycountry.countries)


def _countries_alpha3() -> Iterable[str]:
    import pycountry

    return (country.alpha_3 for country in pycountry.countries)


def _subdivisions() -> Iterable[str]:
    import pycountry

    return (subdivision.code for subdivision in pycountry.subdivisions)


def _currencies() -> Iterable[str]:
    import pycountry

    return (currency.alpha_3 for currency in pycountry.currencies)


def _iata_airports() -> Iterable[str]:
    import airportsdata

    return airportsdata.load("IATA").keys()


_SAT_CATALOGUE_SOURCE = "SAT catCartaPorte.xsd"

_LISTS = (
    CodeList(
        "schedule-d",
        "CBP/Census Schedule D US ports",
        "CBP ACE Ocean CAMIR Appendix E (Schedule D)",
        _csv_column("us_cbp_schedule_d_ports.csv", "port_code"),
    ),
    CodeList(
        "sat-aduana",
        "SAT aduanas",
        "SAT catCFDI c_Aduana; Anexo 22 Apéndice 1",
        _csv_column("mx_sat_aduanas.csv", "code"),
    ),
    CodeList(
        "hs2022",
        "Harmonized System 2022 subheadings",
        "WCO HS Nomenclature 2022 edition",
        _csv_column("hs2022_subheadings.csv", "hscode"),
    ),
    CodeList(
        "un-number",
        "UN numbers of dangerous goods",
        "SAT Carta Porte 3.1 c_MaterialPeligroso (UN Model Regulations, NOM-002-SCT)",
        _csv_column("un_dangerous_goods_mx_sat_es.csv", "un_number"),
    ),
    CodeList("unlocode", "UN/LOCODE locations", "UNECE Recommendation 16, UN/LOCODE 2024-2", _unlocodes),
    CodeList(
        "mx-fraccion",
        "Mexican tariff fracciones (TIGIE)",
        "SAT catComExt.xsd c_FraccionArancelaria",
        _sat_catalogue("c_FraccionArancelaria"),
    ),
    CodeList("sat-station", "SAT stations", f"{_SAT_CATALOGUE_SOURCE} c_Estaciones", _sat_catalogue("c_Estaciones")),
    CodeList(
        "sat-product-key",
        "SAT goods keys for Carta Porte",
        f"{_SAT_CATALOGUE_SOURCE} c_ClaveProdServCP",
        _sat_catalogue("c_ClaveProdServCP"),
    ),
    CodeList(
        "sat-rail-car-type", "SAT rail car types", f"{_SAT_CATALOGUE_SOURCE} c_TipoCarro", _sat_catalogue("c_TipoCarro")
    ),
    CodeList(
        "sat-rail-container",
        "SAT rail container types",
        f"{_SAT_CATALOGUE_SOURCE} c_Contenedor",
        _sat_catalogue("c_Contenedor"),
    ),
    CodeList(
        "sat-maritime-container",
        "SAT maritime container types",
        f"{_SAT_CATALOGUE_SOURCE} c_ContenedorMaritimo",
        _sat_catalogue("c_ContenedorMaritimo"),
    ),
    CodeList(
        "sat-air-carrier",
        "SAT air carrier codes",
        f"{_SAT_CATALOGUE_SOURCE} c_CodigoTransporteAereo",
        _sat_catalogue("c_CodigoTransporteAereo"),
    ),
    CodeList(
        "sat-customs-document",
        "SAT customs document types",
        f"{_SAT_CATALOGUE_SOURCE} c_DocumentoAduanero",
        _sat_catalogue("c_DocumentoAduanero"),
    ),
    CodeList(
        "sat-customs-regime",
        "SAT customs regimes",
        f"{_SAT_CATALOGUE_SOURCE} c_RegimenAduanero",
        _sat_catalogue("c_RegimenAduanero"),
    ),
    CodeList(
        "sat-weight-unit",
        "SAT weight units",
        f"{_SAT_CATALOGUE_SOURCE} c_ClaveUnidadPeso",
        _sat_catalogue("c_ClaveUnidadPeso"),
    ),
    CodeList(
        "sat-vessel-type",
        "SAT vessel configurations",
        f"{_SAT_CATALOGUE_SOURCE} c_ConfigMaritima",
        _sat_catalogue("c_ConfigMaritima"),
    ),
    CodeList(
        "sat-shipping-agent",
        "SAT shipping agent authorizations",
        f"{_SAT_CATALOGUE_SOURCE} c_NumAutorizacionNaviero",
        _sat_catalogue("c_NumAutorizacionNaviero"),
    ),
    CodeList(
        "sat-rail-service",
        "SAT rail service types",
        f"{_SAT_CATALOGUE_SOURCE} c_TipoDeServicio",
        _sat_catalogue("c_TipoDeServicio"),
    ),
    CodeList(
        "sat-rail-traffic",
        "SAT rail traffic types",
        f"{_SAT_CATALOGUE_SOURCE} c_TipoDeTrafico",
        _sat_catalogue("c_TipoDeTrafico"),
    ),
    CodeList(
        "sat-packaging",
        "SAT packaging types",
        f"{_SAT_CATALOGUE_SOURCE} c_TipoEmbalaje",
        _sat_catalogue("c_TipoEmbalaje"),
    ),
    CodeList("country", "ISO 3166-1 alpha-2 countries", "ISO 3166-1 (pycountry)", _countries_alpha2),
    CodeList("country-alpha3", "ISO 3166-1 alpha-3 countries", "ISO 3166-1 (pycountry)", _countries_alpha3),
    CodeList("subdivision", "ISO 3166-2 subdivisions", "ISO 3166-2 (pycountry)", _subdivisions),
    CodeList("currency", "ISO 4217 currencies", "ISO 4217 (pycountry)", _currencies),
    CodeList(
        "iata-airport", "IATA airport codes", "IATA Resolution 763 location identifiers (airportsdata)", _iata_airports
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
