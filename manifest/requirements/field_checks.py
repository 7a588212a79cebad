"""The kinds of check that look at one field alone: present, absent, its form, its code list, its check digit, its
state or province, its size. (``any_present`` and ``subdivision`` may look at a field beside it, but judge this one.)
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from functools import cache

from manifest import codelists
from manifest.identifiers import IDENTIFIERS
from manifest.requirements.amounts import in_base_unit, plain_number
from manifest.requirements.check_context import (
    Context,
    Finding,
    Params,
    beside_field,
    bound_others,
    is_missing,
    parsed,
    path_list,
    text_of,
)
from manifest.requirements.paths import Item


def required(_: Context, item: Item, __: Params) -> Iterator[Finding]:
    """The field is present: not absent, not blank, not an empty list."""
    if is_missing(item.value):
        yield Finding(item)


def any_present(context: Context, item: Item, params: Params) -> Iterator[Finding]:
    """The field, or one of the fields ``or`` (a list of paths), is present: the model holds the same datum in one
    of several places (the issuer of a CFDI as the carrier's tax id or as an issuer party). With ``within`` (a path
    that begins the field's), the ``or`` paths are bound to that much of the field only: ``within =
    "consignments[*]"`` looks at every goods item of the field's consignment, not at the same item."""
    if not is_missing(item.value):
        return
    steps = item.steps
    if "within" in params:
        steps = steps[: len(parsed(str(params["within"])).steps)]
    for text in path_list(params, "or"):
        if any(not is_missing(other.value) for other in context.bound(parsed(text), steps)):
            return
    yield Finding(item)


def absent(_: Context, item: Item, __: Params) -> Iterator[Finding]:
    """The field is not used (e.g. X12 309 residue bills carry no in-bond)."""
    if not is_missing(item.value):
        yield Finding(item)


def pattern(_: Context, item: Item, params: Params) -> Iterator[Finding]:
    """The value matches ``regex`` in full (XSD patterns are anchored too). Adds ``$pattern``."""
    if is_missing(item.value):
        return
    regex = str(params["regex"])
    if _compiled(regex).fullmatch(text_of(item.value)) is None:
        yield Finding(item, {"pattern": regex})


@cache
def _compiled(regex: str) -> re.Pattern[str]:
    return re.compile(regex)


def length(_: Context, item: Item, params: Params) -> Iterator[Finding]:
    """The text has between ``min`` and ``max`` characters. Adds ``$min``, ``$max`` and ``$length``."""
    if is_missing(item.value):
        return
    size = len(text_of(item.value))
    low, high = int(str(params.get("min", 0))), int(str(params.get("max", 10**9)))
    if not low <= size <= high:
        yield Finding(item, {"min": str(low), "max": str(high), "length": str(size)})


def codelist(_: Context, item: Item, params: Params) -> Iterator[Finding]:
    """The value is in the bundled list ``list`` or among the inline ``values``. Adds ``$list``."""
    if is_missing(item.value):
        return
    value = text_of(item.value)
    inline = params.get("values")
    if isinstance(inline, list):
        allowed = frozenset(str(v) for v in inline)
        name = ", ".join(sorted(allowed))
    else:
        name = str(params["list"])
        allowed = codelists.codes(name)
    if value not in allowed:
        yield Finding(item, {"list": name})


def check_digit(_: Context, item: Item, params: Params) -> Iterator[Finding]:
    """The value is a valid identifier of kind ``identifier`` (form and check digit). Adds ``$identifier``, and
    ``$why`` and ``$why_es`` for an identifier that tells why a value fails."""
    if is_missing(item.value):
        return
    identifier = IDENTIFIERS[str(params["identifier"])]
    value = text_of(item.value)
    if not identifier.is_valid(value):
        args = {"identifier": identifier.title}
        if identifier.fault is not None:
            args["why"], args["why_es"] = identifier.fault(value)
        yield Finding(item, args)


def subdivision(context: Context, item: Item, params: Params) -> Iterator[Finding]:
    """The value is a state or province of the country at ``country`` (a path), or of the field named ``beside``
    next to it (``beside = "country"``: the country of the same address), given as ISO 3166-1 alpha-2 or alpha-3.
    Any spelling of the state that the crosswalk knows is accepted: ``NL``, ``NLE``, ``N.L.`` and ``Nuevo León`` are
    one state of Mexico (see :func:`manifest.codelists.subdivision_code`): membership is checked after the
    crosswalk, not against the spelling of one code list. A longer value that the crosswalk does not know is taken
    for a name it lacks (``Rio de Janeiro``) and left alone; a code (three letters or fewer) is judged.

    With ``spellings``, a list of the crosswalk's systems, only the ISO 3166-2 suffix and the spellings of those
    systems are accepted, names included (a CFDI's Estado is a c_Estado code: ``["sat-c_estado"]``); ``countries``
    (alpha-2) limits the check to the countries whose list applies (c_Estado: MX, US and CA). Silent when the
    country is absent or not an ISO 3166 code. Adds ``$country``."""
    if is_missing(item.value):
        return
    chosen = params.get("spellings")
    systems = frozenset(str(system) for system in chosen) if isinstance(chosen, list) else None
    limited = params.get("countries")
    if "beside" in params:
        countries = beside_field(context, item, str(params["beside"]))
    else:
        countries = bound_others(context, item, params, "country")
    spelled = text_of(item.value)
    for other in countries:
        country = other.value
        alpha2 = codelists.country_alpha2(country) if isinstance(country, str) else None
        if alpha2 is None or (isinstance(limited, list) and alpha2 not in limited):
            continue
        if systems is None and len(codelists.spelling_key(spelled)) > _LONGEST_CODE:
            continue
        if codelists.subdivision_code(alpha2, spelled, systems) is None:
            yield Finding(item, {"country": str(country)})


# ISO 3166-2 subdivision suffixes have one to three characters; anything longer is a name or an abbreviation.
_LONGEST_CODE = 3


def maximum(_: Context, item: Item, params: Params) -> Iterator[Finding]:
    """A number, quantity or amount of money is at most ``limit``. Adds ``$limit``."""
    number = in_base_unit(item.value)
    limit = Decimal(str(params["limit"]))
    if number is not None and number > limit:
        yield Finding(item, {"limit": plain_number(limit)})


def positive(_: Context, item: Item, __: Params) -> Iterator[Finding]:
    """A number (or the amount of a quantity) is greater than zero."""
    number = in_base_unit(item.value)
    if number is not None and number <= 0:
        yield Finding(item)
