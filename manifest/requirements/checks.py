"""Check kinds: small functions dispatched by name, the way JSON Schema keywords are.

Each kind is ``check(context, item, params) -> Iterator[Finding]``: it looks at one concrete field (an
:class:`~manifest.requirements.paths.Item`) and yields a finding for each fault, with the template arguments its
message may use (``$value`` and ``$field`` always; each kind documents the others it adds). A kind never raises on
bad data: a value of the wrong type is a finding or nothing, never an exception. Kinds that compare the field with
another one (``sum_equals``, ``agree``, ``references_resolve`` ...) take that other path in their parameters; its
wildcards are bound to the same consignment and item as the field (see :meth:`Path.bind`).

The kinds that judge one field are in :mod:`~manifest.requirements.field_checks`, those that compare it with others
in :mod:`~manifest.requirements.cross_checks`; this module is their registry (:data:`KINDS`, with the parameters each
needs, checked when the catalogue is loaded) and holds ``conditional``, which dispatches through it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from decimal import Decimal, InvalidOperation

from manifest import codelists
from manifest.identifiers import IDENTIFIERS
from manifest.model import Quantity
from manifest.requirements.amounts import apart_beyond, in_base_unit, plain_number
from manifest.requirements.check_context import (
    Check,
    Context,
    Finding,
    ParamError,
    Params,
    is_missing,
    parsed,
    path_list,
    shown_value,
    text_of,
    unique_key,
)
from manifest.requirements.cross_checks import (
    EXTRACTS,
    agree,
    count_equals,
    not_after,
    references_resolve,
    sum_equals,
    unique,
)
from manifest.requirements.field_checks import (
    absent,
    any_present,
    check_digit,
    codelist,
    length,
    maximum,
    pattern,
    positive,
    required,
    subdivision,
)
from manifest.requirements.paths import Item, Path

__all__ = [
    "COMPARISONS",
    "KINDS",
    "RECONCILE",
    "REQUIRED_PARAMS",
    "Check",
    "Context",
    "Finding",
    "ParamError",
    "apart_beyond",
    "in_base_unit",
    "is_missing",
    "parsed",
    "plain_number",
    "shown_value",
    "text_of",
    "unique_key",
    "validate_params",
]


# --- conditional: a check of checks, dispatched through the registry below -----------------------------------------


def conditional(context: Context, item: Item, params: Params) -> Iterator[Finding]:
    """If the field ``if.field`` (bound to this item) is present and passes the check ``if``, this field must pass
    the check ``then``. Both are ``{kind = ..., <params>}`` tables; ``if`` also names its ``field``."""
    condition = _table(params, "if")
    consequence = _table(params, "then")
    holds = False
    for other in context.bound(parsed(str(condition["field"])), item.steps):
        if is_missing(other.value):
            continue
        if not any(KINDS[str(condition["kind"])](context, other, condition)):
            holds = True
            break
    if holds:
        yield from KINDS[str(consequence["kind"])](context, item, consequence)


def _table(params: Params, key: str) -> Mapping[str, object]:
    value = params.get(key)
    if not isinstance(value, Mapping) or "kind" not in value:
        raise ParamError(f"conditional needs a table {key!r} with a 'kind'")
    return value


# --- the registry of kinds ---------------------------------------------------------------------------------------

KINDS: Mapping[str, Check] = {
    "required": required,
    "any_present": any_present,
    "absent": absent,
    "pattern": pattern,
    "length": length,
    "codelist": codelist,
    "check_digit": check_digit,
    "positive": positive,
    "maximum": maximum,
    "subdivision": subdivision,
    "conditional": conditional,
    "sum_equals": sum_equals,
    "count_equals": count_equals,
    "not_after": not_after,
    "references_resolve": references_resolve,
    "agree": agree,
    "unique": unique,
}

# The parameters each kind needs, checked when the catalogue is loaded so that a typo fails at import, not on data.
REQUIRED_PARAMS: Mapping[str, tuple[str, ...]] = {
    "pattern": ("regex",),
    "maximum": ("limit",),
    "any_present": ("or",),
    "check_digit": ("identifier",),
    "conditional": ("if", "then"),
    "sum_equals": ("of",),
    "count_equals": ("of",),
    "not_after": ("other",),
    "references_resolve": ("in",),
    "agree": ("other",),
    "unique": ("among",),
}


def validate_tolerance(params: Params) -> None:
    """A sum rule states its tolerance: ``tolerance`` (a fraction, "0" for exact counts), ``step`` (units to their
    rounding steps), or both; a silent default would hide what the rule accepts."""
    if "tolerance" not in params and "step" not in params:
        raise ParamError("check kind 'sum_equals' needs a 'tolerance' or a 'step' table (state it, even when 0)")
    if "step" not in params:
        return
    steps = params["step"]
    if not isinstance(steps, Mapping) or not steps:
        raise ParamError('\'step\' must be a table of units to rounding steps, e.g. { KGM = "0.5", LBR = "1" }')
    for unit, amount in steps.items():
        try:
            number = Decimal(str(amount))
        except InvalidOperation:
            raise ParamError(f"step for {unit} must be a number, not {amount!r}") from None
        if in_base_unit(Quantity(value=number, unit=str(unit))) is None or number < 0:
            raise ParamError(f"step {unit} = {amount!r}: a known unit of weight or volume and an amount of 0 or more")


# A rule of kind ``reconcile`` compares the documents of one movement (manifest.singlewindow), not the fields of one
# manifest: ``compare`` names what it compares, one of these.
RECONCILE = "reconcile"
COMPARISONS = (
    "conveyance",
    "trip",
    "carrier",
    "carrier_name",
    "carrier_tax_id",
    "port",
    "arrival_day",
    "departure_after_arrival",
    "direction",
    "part_missing",
    "equipment_missing",
    "equipment_not_on_conveyance",
    "weight",
    "goods_weight",
    "goods_packages",
    "goods_missing",
    "package_kind",
    "packages",
    "hs_code",
    "party_tax_id",
    "party_name",
    "party_country",
    "unrelated",
    "trailer",
    "trailer_plate",
    "driver",
)


def validate_params(kind: str, params: Params) -> None:
    """Raise ParamError unless ``params`` suit ``kind`` (recursively for conditionals)."""
    if kind == RECONCILE:
        if params.get("compare") not in COMPARISONS:
            comparisons = ", ".join(COMPARISONS)
            raise ParamError(f"a reconcile rule compares one of {comparisons}, not {params.get('compare')!r}")
        if params["compare"] == "weight":
            validate_tolerance(params)
        return
    if kind not in KINDS:
        raise ParamError(f"unknown check kind {kind!r}; known kinds: {', '.join(KINDS)}")
    for name in REQUIRED_PARAMS.get(kind, ()):
        if name not in params:
            raise ParamError(f"check kind {kind!r} needs the parameter {name!r}")
    if kind == "codelist":
        if not isinstance(params.get("values"), list) and "list" not in params:
            raise ParamError("check kind 'codelist' needs 'list' or a list of 'values'")
        if "list" in params and str(params["list"]) not in codelists.CODELISTS:
            raise ParamError(f"unknown code list {params['list']!r}")
    if kind == "subdivision" and ("country" in params) == ("beside" in params):
        raise ParamError("check kind 'subdivision' needs either 'country' (a path) or 'beside' (a field name)")
    if kind == "subdivision" and not re.fullmatch(r"[a-z_]+", str(params.get("beside", "country"))):
        raise ParamError(f"'beside' names a field of the same object, not {params['beside']!r}")
    if kind == "subdivision" and "countries" in params:
        chosen_countries = params["countries"]
        if not isinstance(chosen_countries, list) or not all(
            codelists.contains("country", str(c)) for c in chosen_countries
        ):
            raise ParamError("'countries' must be a list of ISO 3166-1 alpha-2 codes")
    if kind == "subdivision" and "spellings" in params:
        known = {spelling.system for spelling in codelists.subdivision_spellings().values()}
        chosen = params["spellings"]
        if not isinstance(chosen, list) or not set(map(str, chosen)) <= known:
            raise ParamError(f"'spellings' must be a list among {', '.join(sorted(known))}")
    if kind == "check_digit" and str(params["identifier"]) not in IDENTIFIERS:
        raise ParamError(f"unknown identifier kind {params['identifier']!r}")
    if kind == "sum_equals":
        validate_tolerance(params)
    for name in ("limit", "tolerance"):
        if name in params:
            try:
                Decimal(str(params[name]))
            except InvalidOperation:
                raise ParamError(f"{name} must be a number, not {params[name]!r}") from None
    for name in ("min", "max"):
        if kind == "length" and name in params and not isinstance(params[name], int):
            raise ParamError(f"length {name} must be an integer")
    if kind == "pattern":
        try:
            re.compile(str(params["regex"]))
        except re.error as error:
            raise ParamError(f"bad pattern {params['regex']!r}: {error}") from None
    for name in ("extract", "extract_other"):
        if kind == "agree" and str(params.get(name, "same")) not in EXTRACTS:
            raise ParamError(f"unknown {name} {params[name]!r}; known: {', '.join(EXTRACTS)}")
    if kind == "unique" and not re.fullmatch(r"[a-z_]*", str(params.get("alike", ""))):
        raise ParamError(f"'alike' names a field beside the value, not {params['alike']!r}")
    for name in ("of", "other", "in", "country", "among", "within"):
        if name in params:
            Path.parse(str(params[name]))
    if kind == "any_present":
        for text in path_list(params, "or"):
            Path.parse(text)
    if kind == "conditional":
        condition, consequence = _table(params, "if"), _table(params, "then")
        if "field" not in condition:
            raise ParamError("conditional 'if' needs a 'field'")
        Path.parse(str(condition["field"]))
        validate_params(str(condition["kind"]), condition)
        validate_params(str(consequence["kind"]), consequence)
