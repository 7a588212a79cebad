"""The model's codes in the words of a CUSCAR (UN/EDIFACT D.95B): package types by UN/ECE Recommendation 21, units
by Recommendation 20, countries by ISO 3166-1 alpha-2, ports by UN/LOCODE, each through the crosswalks of
:mod:`manifest.codelists`; and whether a code read back from a written CUSCAR is the same fact as the model's.
"""

from __future__ import annotations

from manifest import codelists
from manifest.codelists import crosswalks
from manifest.model import PlaceScheme

REC21 = "unece-rec21"
REC20 = "unece-rec20"


def package_type(kind: str) -> str:
    """GID C213/7065, a UN/ECE Recommendation 21 code: a model kind of another list the package-forms crosswalk
    knows (an X12 manifest unit code read from a 309, a SAT c_TipoEmbalaje code) is written as its Rec 21 code of
    the same meaning, or not at all (and listed) when Rec 21 has none; any other kind is written as read."""
    known = crosswalks.systems_of("package-forms", kind)
    if REC21 in known or not known:
        return kind
    return crosswalks.exact_from_any("package-forms", REC21, kind) or ""


def measure_unit(unit: str) -> str:
    """MEA C174/6411 and CNT C270/6411, a UN/ECE Recommendation 20 code: a model unit Rec 20 holds (a code of the
    units crosswalk's Rec 20 side, or of SAT c_ClaveUnidadPeso, which takes its codes from Rec 20) as it is, a unit
    of another list the units crosswalk knows (an X12 weight unit K read from a 309) as its Rec 20 code, and
    anything else as "" (the measure is then not written, and the comparison with the file read back lists it)."""
    if REC20 in crosswalks.systems_of("units", unit) or codelists.contains("sat-weight-unit", unit):
        return unit
    return crosswalks.exact_from_any("units", REC20, unit) or ""


def country_code(country: str) -> str:
    """UN/EDIFACT 3207 (NAD) and the LOC country: ISO 3166-1 alpha-2; an alpha-3 code goes through the countries
    crosswalk, anything else is written as the model has it."""
    return crosswalks.translate("countries", "iso3166-alpha3", "iso3166-alpha2", country) or country


def same_code(path: str, given: str, back: object) -> bool:
    """Whether a model code and the one read back from the written CUSCAR name the same thing (no loss)."""
    if path.endswith("packages.kind"):
        return bool(given) and package_type(given) == back
    if path.endswith(".unit"):
        return bool(given) and measure_unit(given) == back
    if path.endswith(("country", "origin_country")):
        return country_code(given) == back
    if path.endswith(".code") and isinstance(back, str) and len(given) == 3:
        return airport_locode(given) == back  # an airport written as the UN/LOCODE of its place
    if path.endswith(".scheme"):
        return given == PlaceScheme.IATA_AIRPORT.value and back == PlaceScheme.UNLOCODE.value
    return False


def airport_locode(code: str) -> str | None:
    """The UN/LOCODE of the place an IATA airport code names, from the place crosswalk, or None."""
    return codelists.code_of_same_place(code, PlaceScheme.IATA_AIRPORT.value, PlaceScheme.UNLOCODE.value)
