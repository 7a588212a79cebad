"""Ports, border crossings and airports whatever their code list: the crosswalk ``border_port_crosswalk.csv`` (see
SOURCES.md) that ties a Schedule D port, a UN/LOCODE, a SAT aduana and an airport to one place, and the names of
places as a person reads them."""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from manifest.codelists import sources
from manifest.codelists.subdivisions import country_alpha2, spelling_key, subdivision_code
from manifest.slotted import record

# The columns of ``border_port_crosswalk.csv`` that hold a code, by the scheme (manifest.model.PlaceScheme value)
# whose codes they are.
PLACE_CODE_COLUMNS: Mapping[str, str] = MappingProxyType(
    {"schedule-d": "schedule_d", "unlocode": "unlocode", "sat-aduana": "sat_aduana", "iata-airport": "iata_airport"}
)


@record
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
    header, rows = sources.rows("border_port_crosswalk.csv")
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


def code_of_same_place(code: str, scheme: str | None, target: str) -> str | None:
    """The code of list ``target`` on the crosswalk row that holds ``code`` of list ``scheme`` (of any list when
    None): IATA ``MEX`` -> UN/LOCODE ``MXMEX``, UN/LOCODE ``USLAX`` or Schedule D ``2720`` -> IATA ``LAX``. One row
    is one port, so both name the same place. None when that row has no such code; another row of the same place
    (the other side of a border, a seaport of the same town) is a different port."""
    text = code.strip().upper()
    schemes = [scheme] if scheme is not None else list(PLACE_CODE_COLUMNS)
    for row in place_crosswalk():
        if any(row.codes.get(name) == text for name in schemes):
            found = row.codes.get(target)
            if found is not None:
                return found
    return None


def airport_of_code(code: str, scheme: str | None = None) -> str | None:
    """The IATA airport code of the port ``code`` names (see :func:`code_of_same_place`)."""
    return code_of_same_place(code, scheme, "iata-airport")


def place_of_city(country: str, city: str) -> str | None:
    """The crosswalk's place of a town named ``city`` in ``country`` (alpha-2 or alpha-3), accents and case aside."""
    alpha2 = country_alpha2(country)
    return None if alpha2 is None else _places_by_city().get((alpha2, spelling_key(city)))


@cache
def airport_countries() -> Mapping[str, str]:
    """The ISO 3166-1 alpha-2 country of each IATA airport code, from the airports file airportsdata ships."""
    try:
        header, rows = sources.airports_table()
        code, country = header.index("iata"), header.index("country")
        return MappingProxyType({row[code]: row[country] for row in rows if row[code]})
    except (OSError, ValueError, StopIteration, IndexError):
        import airportsdata

        return MappingProxyType({key: str(entry["country"]) for key, entry in airportsdata.load("IATA").items()})


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
        header, rows = sources.rows("us_cbp_schedule_d_ports.csv")
        code, name = header.index("port_code"), header.index("name")
        found = {row[code]: _us_port_name(row[name]) for row in rows}
    elif scheme == "sat-aduana":
        header, rows = sources.rows("mx_sat_aduanas.csv")
        code, name, until = header.index("code"), header.index("name"), header.index("valid_to")
        found = {row[code]: string.capwords(row[name]) for row in rows if not row[until]}
    elif scheme == "iata-airport":
        # The city the airport serves, as the airports file airportsdata ships names it (MEX: Mexico City).
        header, rows = sources.airports_table()
        code, city = header.index("iata"), header.index("city")
        found = {row[code]: row[city] for row in rows if row[code] and row[city]}
    elif scheme == "unlocode":
        for filename in ("unlocode_2024-2_us_mx_partners.csv", "unlocode_ca_2015_partial.csv"):
            header, rows = sources.rows(filename)
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
    names = sources.pycountry_column("subdivisions", "iso3166-2", "name")()
    found = {}
    for code, name in zip(sources.pycountry_column("subdivisions", "iso3166-2", "code")(), names, strict=True):
        if code.startswith("US-"):
            found[spelling_key(name)] = code
    return MappingProxyType(found)
