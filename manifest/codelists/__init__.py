"""Code lists for offline validation, each loaded lazily, once, into a frozenset of codes.

The bundled CSV files and their provenance are described in ``SOURCES.md`` beside this module. Lists that a
maintained package already carries (ISO 3166 and ISO 4217 from pycountry, IATA airports from airportsdata) are read
from that package rather than copied. A list is named by a stable key (``schedule-d``, ``sat-aduana``) that the
requirements catalogue uses in its ``codelist`` checks.

Modules: :mod:`.lists` (the lists by name), :mod:`.sources` (reading the files they come from),
:mod:`.subdivisions` (countries and states in any spelling), :mod:`.places` (ports and crossings in any code list,
and their names), :mod:`.crosswalks` (one code in another system).
"""

from manifest.codelists.lists import CODELISTS, CodeList, codes, contains
from manifest.codelists.places import (
    PLACE_CODE_COLUMNS,
    PlaceRow,
    airport_countries,
    airport_of_code,
    code_of_same_place,
    place_crosswalk,
    place_name,
    place_of_city,
    place_of_code,
)
from manifest.codelists.subdivisions import (
    SAT_STATE_COUNTRIES,
    Spelling,
    alpha2_of_alpha3,
    country_alpha2,
    country_alpha3,
    sat_state,
    spelling_key,
    subdivision_code,
    subdivision_spellings,
)

__all__ = [
    "CODELISTS",
    "PLACE_CODE_COLUMNS",
    "SAT_STATE_COUNTRIES",
    "CodeList",
    "PlaceRow",
    "Spelling",
    "airport_countries",
    "airport_of_code",
    "alpha2_of_alpha3",
    "code_of_same_place",
    "codes",
    "contains",
    "country_alpha2",
    "country_alpha3",
    "place_crosswalk",
    "place_name",
    "place_of_city",
    "place_of_code",
    "sat_state",
    "spelling_key",
    "subdivision_code",
    "subdivision_spellings",
]
