"""Countries and their subdivisions whatever their spelling: ISO 3166-1 alpha-2 and alpha-3, ISO 3166-2 codes by
the crosswalk ``subdivision_spellings.csv`` (see SOURCES.md), and SAT's c_Estado."""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from manifest.codelists import sources
from manifest.codelists.lists import codes
from manifest.slotted import record


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


def alpha2_of_alpha3(code: str) -> str | None:
    """The ISO 3166-1 alpha-2 code of an alpha-3 code, looked up as ``pycountry.countries.get(alpha_3=code)`` does
    (in any case, nothing stripped), from the same file without importing pycountry, whose import cost more than
    reading a small Carta Porte."""
    return _lower_alpha3_to_alpha2().get(code.lower())


@cache
def _lower_alpha3_to_alpha2() -> Mapping[str, str]:
    return MappingProxyType({alpha3.lower(): alpha2 for alpha3, alpha2 in _alpha3_to_alpha2().items()})


@cache
def _alpha2_to_alpha3() -> Mapping[str, str]:
    return MappingProxyType({alpha2: alpha3 for alpha3, alpha2 in _alpha3_to_alpha2().items()})


@cache
def _alpha3_to_alpha2() -> Mapping[str, str]:
    # Both columns come from the same entries in the same order.
    alpha3 = list(sources.pycountry_column("countries", "iso3166-1", "alpha_3")())
    alpha2 = list(sources.pycountry_column("countries", "iso3166-1", "alpha_2")())
    return MappingProxyType(dict(zip(alpha3, alpha2, strict=True)))


def spelling_key(text: str) -> str:
    """A spelling reduced to what tells states apart: accents, case, dots and spaces dropped (``Q. Roo`` and
    ``QROO``, ``Nuevo León`` and ``NUEVO LEON`` are one key)."""
    letters = unicodedata.normalize("NFKD", text)
    return "".join(c for c in letters if c.isascii() and c.isalnum()).upper()


@record
class Spelling:
    """One spelling of a subdivision in the crosswalk: the ISO 3166-2 code it names, and the system it comes from
    (``iso-3166-2``, ``sat-c_estado``, ``two-letter``, ``abbreviation``, ``name``, ``canada-post``)."""

    code: str
    system: str


@cache
def subdivision_spellings() -> Mapping[tuple[str, str], Spelling]:
    """The crosswalk ``subdivision_spellings.csv`` by (alpha-2 country, :func:`spelling_key`)."""
    header, rows = sources.rows("subdivision_spellings.csv")
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
