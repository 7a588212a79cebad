"""Code lists for offline validation, each loaded lazily, once, into a frozenset of codes.

The bundled CSV files and their provenance are described in ``SOURCES.md`` beside this module. Lists that a
maintained package already carries (ISO 3166 and ISO 4217 from pycountry, IATA airports from airportsdata) are read
from that package rather than copied. A list is named by a stable key (``schedule-d``, ``sat-aduana``) that the
requirements catalogue uses in its ``codelist`` checks.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import json
import re
import string
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
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


def _sat_catalogue(catalogue: str) -> Callable[[], Iterable[str]]:
    """One of SAT's catalogues, which share one file (a record per line) with a column naming the catalogue.

    Only the lines that mention the catalogue are parsed: a file needs a few of the sixteen lists, and parsing the
    whole file (2 MB, mostly goods keys) for one of them cost more than checking a small manifest.
    """

    def load() -> Iterable[str]:
        text = resources.files(__name__).joinpath("mx_sat_cartaporte_catalogues.csv").read_text(encoding="utf-8")
        header, _, body = text.partition("\n")
        columns = next(csv.reader([header]))
        key, column = columns.index("catalogue"), columns.index("code")
        lines = [line for line in body.splitlines() if catalogue in line]
        return (row[column] for row in csv.reader(lines) if row[key] == catalogue)

    return load


def _sat_states() -> Iterable[str]:
    """The codes of c_Estado, read from the copy of SAT's catCFDI.xsd the package ships (one line of simple types,
    each enumeration an ``<xs:enumeration value="..."/>``)."""
    text = (
        resources.files("manifest")
        .joinpath("schemas", "sat", "sitio_internet", "cfd", "catalogos", "catCFDI.xsd")
        .read_text(encoding="utf-8")
    )
    start = text.index('<xs:simpleType name="c_Estado">')
    end = text.index("</xs:simpleType>", start)
    return re.findall(r'<xs:enumeration value="([^"]*)"/>', text[start:end])


def _unlocodes() -> Iterable[str]:
    yield from _csv_column("unlocode_2024-2_us_mx_partners.csv", "locode")()
    yield from _csv_column("unlocode_ca_2015_partial.csv", "locode")()


def _pycountry(collection: str, database: str, attribute: str) -> Callable[[], Iterable[str]]:
    """One attribute of every entry of a pycountry collection (``subdivisions``, ISO 3166-2), read from the JSON
    database pycountry ships (``databases/iso3166-2.json``, entries under ``3166-2``).

    pycountry builds an object for every entry and an index for every attribute when a collection is first used,
    which took longer than checking a small manifest; the codes alone are read from its file several times faster,
    without importing it. Should the file not be where pycountry keeps it, pycountry is asked.
    """

    def load() -> Iterable[str]:
        try:
            entries = json.loads((_package_folder("pycountry") / "databases" / f"{database}.json").read_bytes())
            return [entry[attribute] for entry in entries[database.removeprefix("iso")]]
        except (OSError, ValueError, KeyError, TypeError):
            import pycountry

            return (getattr(entry, attribute) for entry in getattr(pycountry, collection))

    return load


def _package_folder(name: str) -> Path:
    """Where an installed package keeps its files, found without importing it (FileNotFoundError if nowhere)."""
    spec = importlib.util.find_spec(name)
    for folder in spec.submodule_search_locations or () if spec is not None else ():
        return Path(folder)
    raise FileNotFoundError(name)


def _iata_airports() -> Iterable[str]:
    """The IATA column of the airports file airportsdata ships; its ``load`` builds a record of eleven fields for
    each of the 28,000 airports, twice the time of reading the one column. airportsdata is asked when its file is
    not where it keeps it."""
    try:
        text = (_package_folder("airportsdata") / "airports.csv").read_text(encoding="utf-8")
        rows = csv.reader(io.StringIO(text))
        column = next(rows).index("iata")
        return [code for row in rows if (code := row[column])]
    except (OSError, ValueError, StopIteration, IndexError):
        import airportsdata

        return airportsdata.load("IATA").keys()


def _any_country_code() -> Iterable[str]:
    """ISO 3166-1 codes as sources write them: alpha-2 (X12, CUSCAR, the model) or alpha-3 (CFDI c_Pais)."""
    return (*codes("country"), *codes("country-alpha3"))


@cache
def airport_countries() -> Mapping[str, str]:
    """The ISO 3166-1 alpha-2 country of each IATA airport code, from the airports file airportsdata ships."""
    try:
        text = (_package_folder("airportsdata") / "airports.csv").read_text(encoding="utf-8")
        rows = csv.reader(io.StringIO(text))
        header = next(rows)
        code, country = header.index("iata"), header.index("country")
        return MappingProxyType({row[code]: row[country] for row in rows if row[code]})
    except (OSError, ValueError, StopIteration, IndexError):
        import airportsdata

        return MappingProxyType({key: str(entry["country"]) for key, entry in airportsdata.load("IATA").items()})


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
    CodeList(
        "country",
        "ISO 3166-1 alpha-2 countries",
        "ISO 3166-1 (pycountry)",
        _pycountry("countries", "iso3166-1", "alpha_2"),
    ),
    CodeList(
        "country-alpha3",
        "ISO 3166-1 alpha-3 countries",
        "ISO 3166-1 (pycountry)",
        _pycountry("countries", "iso3166-1", "alpha_3"),
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
        _pycountry("subdivisions", "iso3166-2", "code"),
    ),
    CodeList("sat-state", "SAT states and provinces", "SAT catCFDI.xsd c_Estado", _sat_states),
    CodeList("currency", "ISO 4217 currencies", "ISO 4217 (pycountry)", _pycountry("currencies", "iso4217", "alpha_3")),
    CodeList(
        "uncl-1225",
        "UN/EDIFACT message function codes",
        "UNTDID data element 1225 (UNCL 1225)",
        _csv_column("uncl_1225_message_function.csv", "code"),
    ),
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


# --- subdivisions, whatever their spelling --------------------------------------------------------------------------


def country_alpha2(code: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of a country given as alpha-2 or alpha-3 (``MX``, ``MEX``), None if neither."""
    text = code.strip().upper()
    if text in codes("country"):
        return text
    return _alpha3_to_alpha2().get(text)


def country_alpha3(code: str) -> str | None:
    """The ISO 3166-1 alpha-3 code (SAT's c_Pais spelling: ``MEX``, ``USA``) of a country given as alpha-2 or
    alpha-3, None if neither."""
    text = code.strip().upper()
    if text in codes("country-alpha3"):
        return text
    return _alpha2_to_alpha3().get(text)


@cache
def _alpha2_to_alpha3() -> Mapping[str, str]:
    return MappingProxyType({alpha2: alpha3 for alpha3, alpha2 in _alpha3_to_alpha2().items()})


@cache
def _alpha3_to_alpha2() -> Mapping[str, str]:
    # Both columns come from the same entries in the same order.
    alpha3 = list(_pycountry("countries", "iso3166-1", "alpha_3")())
    alpha2 = list(_pycountry("countries", "iso3166-1", "alpha_2")())
    return MappingProxyType(dict(zip(alpha3, alpha2, strict=True)))


def spelling_key(text: str) -> str:
    """A spelling reduced to what tells states apart: accents, case, dots and spaces dropped (``Q. Roo`` and
    ``QROO``, ``Nuevo León`` and ``NUEVO LEON`` are one key)."""
    letters = unicodedata.normalize("NFKD", text)
    return "".join(c for c in letters if c.isascii() and c.isalnum()).upper()


@dataclass(frozen=True, slots=True)
class Spelling:
    """One spelling of a subdivision in the crosswalk: the ISO 3166-2 code it names, and the system it comes from
    (``iso-3166-2``, ``sat-c_estado``, ``two-letter``, ``abbreviation``, ``name``, ``canada-post``)."""

    code: str
    system: str


@cache
def subdivision_spellings() -> Mapping[tuple[str, str], Spelling]:
    """The crosswalk ``subdivision_spellings.csv`` by (alpha-2 country, :func:`spelling_key`)."""
    header, rows = _rows("subdivision_spellings.csv")
    country, code, spelling = header.index("country"), header.index("code"), header.index("spelling")
    system = header.index("system")
    found: dict[tuple[str, str], Spelling] = {}
    for row in rows:
        found[(row[country], spelling_key(row[spelling]))] = Spelling(f"{row[country]}-{row[code]}", row[system])
    return MappingProxyType(found)


def subdivision_code(country: str, spelling: str, systems: frozenset[str] | None = None) -> str | None:
    """The ISO 3166-2 code (``MX-NLE``) of the state or province of ``country`` (alpha-2 or alpha-3) written
    ``spelling``, or None when the country has no such subdivision.

    A subdivision is recognised by its ISO 3166-2 suffix (``NLE``, ``TX``, ``QC``: US and Canadian postal
    abbreviations are those suffixes) or by another spelling of the same subdivision that the crosswalk
    ``subdivision_spellings.csv`` lists: for Mexico, SAT's c_Estado codes (``DIF``), the two-letter abbreviations
    that X12 and other North American EDI files carry (``NL``), the conventional abbreviations (``Q. Roo``) and
    the names; for Canada, the postal codes it replaced (``PQ``, ``NF``). See SOURCES.md. ``systems`` limits
    the other spellings to those of the systems named (``{"sat-c_estado"}``: the codes of SAT's c_Estado).
    """
    alpha2 = country_alpha2(country)
    key = spelling_key(spelling)
    if alpha2 is None or not key:
        return None
    direct = f"{alpha2}-{key}"
    if direct in codes("subdivision"):
        return direct
    found = subdivision_spellings().get((alpha2, key))
    if found is None or (systems is not None and found.system not in systems):
        return None
    return found.code


# --- ports and border crossings, whatever their code list -----------------------------------------------------------

# The columns of ``border_port_crosswalk.csv`` that hold a code, by the scheme (manifest.model.PlaceScheme value)
# whose codes they are.
PLACE_CODE_COLUMNS: Mapping[str, str] = MappingProxyType(
    {"schedule-d": "schedule_d", "unlocode": "unlocode", "sat-aduana": "sat_aduana", "iata-airport": "iata_airport"}
)


@dataclass(frozen=True, slots=True)
class PlaceRow:
    """One row of the crosswalk: a port in one country, and the place (``laredo``) it belongs to. The two sides of
    a land crossing (Laredo, TX and Nuevo Laredo, Tamps.) are one place, so that a US manifest naming its Schedule D
    port and a Carta Porte naming the Mexican aduana or the town agree."""

    place: str
    country: str
    city: str
    subdivision: str
    codes: Mapping[str, str]  # scheme -> code, for the schemes the row gives


@cache
def place_crosswalk() -> tuple[PlaceRow, ...]:
    """The rows of ``border_port_crosswalk.csv`` (see SOURCES.md)."""
    header, rows = _rows("border_port_crosswalk.csv")
    at = {name: header.index(name) for name in ("place", "country", "city", "subdivision")}
    columns = {scheme: header.index(column) for scheme, column in PLACE_CODE_COLUMNS.items()}
    return tuple(
        PlaceRow(
            place=row[at["place"]],
            country=row[at["country"]],
            city=row[at["city"]],
            subdivision=row[at["subdivision"]],
            codes=MappingProxyType({scheme: row[index] for scheme, index in columns.items() if row[index]}),
        )
        for row in rows
    )


@cache
def _places_by_code() -> Mapping[tuple[str, str], str]:
    return MappingProxyType(
        {(scheme, code): row.place for row in place_crosswalk() for scheme, code in row.codes.items()}
    )


@cache
def _places_by_city() -> Mapping[tuple[str, str], str]:
    return MappingProxyType({(row.country, spelling_key(row.city)): row.place for row in place_crosswalk()})


def place_of_code(code: str, scheme: str | None = None) -> str | None:
    """The crosswalk's place (``laredo``) of a port ``code`` of ``scheme`` (a PlaceScheme value), or of any scheme
    when ``scheme`` is None; None when the crosswalk does not know it."""
    text = code.strip().upper()
    schemes = [scheme] if scheme is not None else list(PLACE_CODE_COLUMNS)
    for name in schemes:
        found = _places_by_code().get((name, text))
        if found is not None:
            return found
    return None


def airport_of_code(code: str, scheme: str | None = None) -> str | None:
    """The IATA airport code of the port whose ``code`` (of ``scheme``, or of any scheme when None) the crosswalk
    lists on the same row as an airport (UN/LOCODE ``USLAX``, Schedule D ``2720``: ``LAX``): one port meant, in an
    airport's words; None when the crosswalk names no airport for it. The two sides of a land crossing are
    separate rows, so a border town's code never gives an airport across the border."""
    text = code.strip().upper()
    schemes = [scheme] if scheme is not None else list(PLACE_CODE_COLUMNS)
    return next(
        (
            row.codes["iata-airport"]
            for row in place_crosswalk()
            if "iata-airport" in row.codes and any(row.codes.get(name) == text for name in schemes)
        ),
        None,
    )


def place_of_city(country: str, city: str) -> str | None:
    """The crosswalk's place of a town named ``city`` in ``country`` (alpha-2 or alpha-3), accents and case aside."""
    alpha2 = country_alpha2(country)
    return None if alpha2 is None else _places_by_city().get((alpha2, spelling_key(city)))


# SAT's c_Estado (catCFDI.xsd) holds the states of Mexico, the states of the US and the provinces and territories
# of Canada, each under its ISO 3166-2 suffix (and Mexico City also under DIF); elsewhere a CFDI's Estado is free
# text. The US District of Columbia and outlying areas, and Nunavut, are not in it.
SAT_STATE_COUNTRIES = frozenset({"MX", "US", "CA"})


def sat_state(country: str, spelling: str) -> str | None:
    """SAT's c_Estado code of the state or province of ``country`` (MX, US or CA, alpha-2 or alpha-3) written
    ``spelling`` in any spelling the crosswalk knows (``NL``, ``N.L.``, ``Nuevo León`` -> ``NLE``; ``TX``), or
    None when the crosswalk cannot name it or c_Estado has no code for it."""
    code = subdivision_code(country, spelling)
    if code is None or code[:2] not in SAT_STATE_COUNTRIES:
        return None
    suffix = code.partition("-")[2]
    return suffix if suffix in codes("sat-state") else None


# --- the names of places, for people reading a summary ---------------------------------------------------------------


def place_name(scheme: str | None, code: str | None) -> str | None:
    """The name of the place ``code`` of the list ``scheme`` as a person reads it (Schedule D ``2304``: ``Laredo,
    TX``; UN/LOCODE ``MXMTY``: ``Monterrey, NL``; aduana ``24``: ``Nuevo Laredo``), or None when the list has no
    such code or keeps no names."""
    if scheme is None or code is None:
        return None
    return _place_names(scheme).get(code.strip().upper())


@cache
def _place_names(scheme: str) -> Mapping[str, str]:
    found: dict[str, str] = {}
    if scheme == "schedule-d":
        header, rows = _rows("us_cbp_schedule_d_ports.csv")
        code, name = header.index("port_code"), header.index("name")
        found = {row[code]: _us_port_name(row[name]) for row in rows}
    elif scheme == "sat-aduana":
        header, rows = _rows("mx_sat_aduanas.csv")
        code, name, until = header.index("code"), header.index("name"), header.index("valid_to")
        found = {row[code]: string.capwords(row[name]) for row in rows if not row[until]}
    elif scheme == "iata-airport":
        # The city the airport serves, as the airports file airportsdata ships names it (MEX: Mexico City).
        text = (_package_folder("airportsdata") / "airports.csv").read_text(encoding="utf-8")
        rows = csv.reader(io.StringIO(text))
        header = next(rows)
        code, city = header.index("iata"), header.index("city")
        found = {row[code]: row[city] for row in rows if row[code] and row[city]}
    elif scheme == "unlocode":
        for filename in ("unlocode_2024-2_us_mx_partners.csv", "unlocode_ca_2015_partial.csv"):
            header, rows = _rows(filename)
            code, name, state = header.index("locode"), header.index("name"), header.index("subdivision")
            found.update({row[code]: ", ".join(part for part in (row[name], row[state]) if part) for row in rows})
    return MappingProxyType(found)


def _us_port_name(listed: str) -> str:
    """A Schedule D name (``LAREDO, TEXAS``) as a person writes it: the city in capitals and small letters, the
    state by its postal abbreviation (``Laredo, TX``); a place abroad keeps what the list says of it."""
    city, _, state = listed.rpartition(",")
    if not city:
        return string.capwords(listed)
    key = spelling_key(state)
    subdivision = subdivision_code("US", state) or _us_states_by_name().get(key) or _GPO_STATES.get(key)
    region = subdivision.removeprefix("US-") if subdivision else state.strip()
    return f"{string.capwords(city.strip())}, {region if len(region) <= 3 else string.capwords(region)}"


# The abbreviations of states that Schedule D writes in the style of the US Government Publishing Office (CALIF.,
# WASH.), by spelling_key; those of two letters (N.Y., N.D.) are postal codes, found as ISO 3166-2 suffixes.
_GPO_STATES = {
    "ALA": "AL", "ARIZ": "AZ", "ARK": "AR", "CAL": "CA", "CALIF": "CA", "COLO": "CO", "CONN": "CT", "DEL": "DE",
    "FLA": "FL", "ILL": "IL", "IND": "IN", "KANS": "KS", "MASS": "MA", "MICH": "MI", "MINN": "MN", "MISS": "MS",
    "MONT": "MT", "NEBR": "NE", "NEV": "NV", "OKLA": "OK", "ORE": "OR", "TENN": "TN", "TEX": "TX", "WASH": "WA",
    "WIS": "WI", "WVA": "WV", "WYO": "WY",
}  # fmt: skip


@cache
def _us_states_by_name() -> Mapping[str, str]:
    """The ISO 3166-2 code of each US state, district and outlying area by the spelling_key of its name."""
    names = _pycountry("subdivisions", "iso3166-2", "name")()
    found = {}
    for code, name in zip(_pycountry("subdivisions", "iso3166-2", "code")(), names, strict=True):
        if code.startswith("US-"):
            found[spelling_key(name)] = code
    return MappingProxyType(found)
