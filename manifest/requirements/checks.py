"""Check kinds: small functions dispatched by name, the way JSON Schema keywords are.

Each kind is ``check(context, item, params) -> Iterator[Finding]``: it looks at one concrete field (an
:class:`~manifest.requirements.paths.Item`) and yields a finding for each fault, with the template arguments its
message may use (``$value`` and ``$field`` always; each kind documents the others it adds). A kind never raises on
bad data: a value of the wrong type is a finding or nothing, never an exception. Kinds that compare the field with
another one (``sum_equals``, ``agree``, ``references_resolve`` ...) take that other path in their parameters; its
wildcards are bound to the same consignment and item as the field (see :meth:`Path.bind`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from functools import cache

from manifest import codelists
from manifest.core.canonical import scalar_to_text
from manifest.identifiers import IDENTIFIERS, pedimento_aduana
from manifest.model import Manifest, Money, Quantity
from manifest.requirements.paths import Attr, Concrete, Item, Path, expand, expand_bound, shared_prefix

Params = Mapping[str, object]


@dataclass(frozen=True, slots=True)
class Finding:
    item: Item
    args: Mapping[str, str] = field(default_factory=dict)


class Context:
    """The manifest under check, with the expansions of the paths that rules compare against, computed once.

    A house waybill's master, a bill's equipment: many items look at the same other fields, so their expansion is
    kept for the run instead of being walked again for every item.
    """

    def __init__(self, manifest: Manifest) -> None:
        self.manifest = manifest
        self._items: dict[Path, list[Item]] = {}
        self._bound: dict[tuple[Path, tuple[int, ...]], list[Item]] = {}
        self._names: dict[tuple[Path, tuple[int, ...], str], frozenset[str]] = {}
        self._firsts: dict[tuple[Path, str], Mapping[tuple[str, str], str]] = {}

    def items(self, path: Path) -> list[Item]:
        found = self._items.get(path)
        if found is not None:
            return found
        split = shared_prefix(path)
        if split is None:
            found = expand(self.manifest, path)
        else:
            # Catalogue paths share their beginnings: the common part is expanded once for all of them.
            prefix, follow, absent = split
            found = []
            for reached in self.items(prefix):
                if not reached.rest:
                    follow(reached.value, reached.steps, found)
                elif absent is not None:
                    found.append(Item(reached.steps, None, absent))
        self._items[path] = found
        return found

    def bound(self, path: Path, concrete: tuple[Concrete, ...]) -> list[Item]:
        """The items of ``path`` bound to ``concrete`` (see :meth:`Path.bind`); the bound path is made once for all
        the items that bind it alike (every goods item of a bill looks at the same bill)."""
        indexes, fixed = path.binding(concrete)
        key = (path, indexes)
        found = self._bound.get(key)
        if found is None:
            found = self._bound[key] = expand_bound(self.manifest, path, concrete[:fixed])
        return found

    def firsts(self, path: Path, alike: str) -> Mapping[tuple[str, str], str]:
        """For each value at ``path`` (with the value of its field ``alike`` beside it), the path of its first
        occurrence: kept for the run, so that finding the duplicates of n values takes n look-ups, not n²."""
        key = (path, alike)
        found = self._firsts.get(key)
        if found is None:
            firsts: dict[tuple[str, str], str] = {}
            for item in self.items(path):
                if not is_missing(item.value):
                    firsts.setdefault(unique_key(self, item, alike), item.path)
            found = self._firsts[key] = firsts
        return found

    def names(self, path: Path, attribute: str, concrete: tuple[Concrete, ...] = ()) -> frozenset[str]:
        """The text of ``attribute`` (or of the value itself) of every object at ``path``, bound to ``concrete``
        when given (see :meth:`Path.bind`)."""
        key = (path, path.bind_key(concrete), attribute)
        found = self._names.get(key)
        if found is None:
            items = self.bound(path, concrete) if concrete else self.items(path)
            values = (getattr(item.value, attribute, None) if attribute else item.value for item in items)
            found = self._names[key] = frozenset(str(value) for value in values if value is not None)
        return found


Check = Callable[[Context, Item, Params], Iterator[Finding]]


class ParamError(ValueError):
    """A check's parameters in the catalogue are wrong; raised when the catalogue is loaded, never on data."""


def is_missing(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (isinstance(value, tuple) and not value)


def text_of(value: object) -> str:
    """The value as the model's canonical text (``true``, ``40000``, ``2026-11-20T10:30:00``, ``40000 KGM``)."""
    if isinstance(value, Quantity):
        return f"{scalar_to_text(value.value)} {value.unit}"
    if isinstance(value, Money):
        return f"{scalar_to_text(value.amount)} {value.currency}"
    return scalar_to_text(value)


def shown_value(value: object) -> str | None:
    """The value a diagnostic reports: text for scalars, quantities and money; None for absent values and for
    whole objects and lists, which have no one-line form."""
    if is_missing(value) or not isinstance(value, str | int | Decimal | date | Quantity | Money):
        return None
    return text_of(value)


# --- single-field kinds ------------------------------------------------------------------------------------------


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
    for text in _path_list(params, "or"):
        if any(not is_missing(other.value) for other in context.bound(parsed(text), steps)):
            return
    yield Finding(item)


def _path_list(params: Params, key: str) -> list[str]:
    value = params.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ParamError(f"{key!r} must be a non-empty list of model paths")
    return value


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
    """The value is a valid identifier of kind ``identifier`` (form and check digit). Adds ``$identifier``."""
    if is_missing(item.value):
        return
    identifier = IDENTIFIERS[str(params["identifier"])]
    if not identifier.is_valid(text_of(item.value)):
        yield Finding(item, {"identifier": identifier.title})


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
        countries = _beside(context, item, str(params["beside"]))
    else:
        countries = _others(context, item, params, "country")
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
    number = _number(item.value)
    limit = Decimal(str(params["limit"]))
    if number is not None and number > limit:
        yield Finding(item, {"limit": _plain(limit)})


def positive(_: Context, item: Item, __: Params) -> Iterator[Finding]:
    """A number (or the amount of a quantity) is greater than zero."""
    number = _number(item.value)
    if number is not None and number <= 0:
        yield Finding(item)


# --- conditional -------------------------------------------------------------------------------------------------


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


# --- cross-field kinds -------------------------------------------------------------------------------------------

# UN/ECE Recommendation 20 mass units to kilograms (LBR: the international avoirdupois pound, exactly 0.45359237 kg).
_KILOGRAMS = {"KGM": Decimal(1), "LBR": Decimal("0.45359237"), "TNE": Decimal(1000), "GRM": Decimal("0.001")}
# Volumes to cubic metres (FTQ: 0.3048**3).
_CUBIC_METRES = {"MTQ": Decimal(1), "FTQ": Decimal("0.028316846592"), "LTR": Decimal("0.001")}


def _number(value: object) -> Decimal | None:
    """A comparable amount: Quantity values in kilograms or cubic metres, integers and decimals as they are."""
    if isinstance(value, Quantity):
        factor = _KILOGRAMS.get(value.unit) or _CUBIC_METRES.get(value.unit)
        return None if factor is None else value.value * factor
    if isinstance(value, Money):
        return value.amount
    if isinstance(value, bool):
        return None
    if isinstance(value, int | Decimal):
        return Decimal(value)
    if isinstance(value, str):
        try:
            return Decimal(value)
        except InvalidOperation:
            return None
    return None


@cache
def parsed(text: str) -> Path:
    """A catalogue path, parsed once."""
    return Path.parse(text)


def _others(context: Context, item: Item, params: Params, key: str) -> list[Item]:
    return context.bound(parsed(str(params[key])), item.steps)


def sum_equals(context: Context, item: Item, params: Params) -> Iterator[Finding]:
    """The field (a total) equals the sum of the fields ``of``, within the tolerance the rule states: ``tolerance``, a
    fraction of the larger of the two, and ``step``, a table of units to the rounding step of a value declared in
    that unit (``{ KGM = "0.5", LBR = "1" }``: weights rounded up to the next half kilogram or pound). The larger
    of the two allowances applies. Quantities are compared in kilograms or cubic metres. Silent when any value is
    absent or of an unknown unit: ``required`` and ``codelist`` rules report those. Adds ``$sum``."""
    total = _number(item.value)
    parts = _others(context, item, params, "of")
    amounts = [_number(part.value) for part in parts]
    if total is None or not amounts or any(amount is None for amount in amounts):
        return
    found = sum((amount for amount in amounts if amount is not None), Decimal(0))
    relative = Decimal(str(params.get("tolerance", "0"))) * max(abs(total), abs(found), Decimal(1))
    allowed = max(relative, _rounding_step(params, [item.value, *(part.value for part in parts)]))
    if abs(total - found) > allowed:
        yield Finding(item, {"sum": _plain(found)})


def _rounding_step(params: Params, values: list[object]) -> Decimal:
    """The largest rounding step, in the unit of comparison, among the units of ``values`` that ``step`` names."""
    steps = params.get("step")
    if not isinstance(steps, Mapping):
        return Decimal(0)
    found = Decimal(0)
    for value in values:
        if isinstance(value, Quantity) and value.unit in steps:
            amount = _number(Quantity(value=Decimal(str(steps[value.unit])), unit=value.unit))
            found = max(found, amount or Decimal(0))
    return found


def count_equals(context: Context, item: Item, params: Params) -> Iterator[Finding]:
    """The field (a count) equals the number of items that the path ``of`` names. Adds ``$count``."""
    count = _number(item.value)
    if count is None:
        return
    found = sum(1 for other in _others(context, item, params, "of") if not is_missing(other.value))
    if count != found:
        yield Finding(item, {"count": str(found)})


def not_after(context: Context, item: Item, params: Params) -> Iterator[Finding]:
    """The date or moment of the field is not later than that of ``other`` (dates in order). Moments with and
    without an offset, or a date and a datetime, are compared by calendar date only. Adds ``$other``."""
    if not isinstance(item.value, date):
        return
    for other in _others(context, item, params, "other"):
        if isinstance(other.value, date) and _later(item.value, other.value):
            yield Finding(item, {"other": str(other.value), "other_field": other.path})


def _later(first: date, second: date) -> bool:
    if (
        isinstance(first, datetime)
        and isinstance(second, datetime)
        and (first.tzinfo is None) == (second.tzinfo is None)
    ):
        return first > second
    first_day = first.date() if isinstance(first, datetime) else first
    second_day = second.date() if isinstance(second, datetime) else second
    return first_day > second_day


def references_resolve(context: Context, item: Item, params: Params) -> Iterator[Finding]:
    """The value names one of the objects at ``in`` by their ``attribute`` (e.g. goods' equipment_ids name equipment
    of the same consignment by identifier)."""
    if is_missing(item.value):
        return
    names = context.names(parsed(str(params["in"])), str(params.get("attribute", "")), item.steps)
    if text_of(item.value) not in names:
        yield Finding(item)


def unique(context: Context, item: Item, params: Params) -> Iterator[Finding]:
    """The value occurs once among the values at ``among`` whose field ``alike`` (a field beside them, optional) is
    the same: two bills of one manifest with one number, but not a master air waybill and a house that share it.
    Reported on each value after the first, which ``$other_field`` names."""
    if is_missing(item.value):
        return
    alike = str(params.get("alike", ""))
    first = context.firsts(parsed(str(params["among"])), alike).get(unique_key(context, item, alike))
    if first is not None and first != item.path:
        yield Finding(item, {"other_field": first})


def unique_key(context: Context, item: Item, alike: str) -> tuple[str, str]:
    """What makes two values of a ``unique`` rule the same: the value, and the field ``alike`` beside it."""
    if not alike:
        return (text_of(item.value), "")
    beside = [other.value for other in _beside(context, item, alike)]
    return (text_of(item.value), text_of(beside[0]) if beside and not is_missing(beside[0]) else "")


def _beside(context: Context, item: Item, name: str) -> list[Item]:
    """The field ``name`` of the object that holds ``item`` (the country of the same address, the document type of
    the same bill). Its path is made from the item's steps, not parsed: a path per item would fill parsed's cache."""
    if len(item.steps) < 2:
        return []
    return context.items(Path((*item.steps[:-1], Attr(name))))


def agree(context: Context, item: Item, params: Params) -> Iterator[Finding]:
    """Where the model carries the same datum twice (once for each agency, or at two levels), both agree: the field
    equals every present value at ``other``, after the optional ``extract`` on this field and ``extract_other`` on
    the other (``digits6``: the first six digits, the HS subheading of a national tariff code; ``pedimento-aduana``:
    the aduana of a pedimento number). Adds ``$other`` and ``$other_field``."""
    extract = _EXTRACTS[str(params.get("extract", "same"))]
    extract_other = _EXTRACTS[str(params.get("extract_other", "same"))]
    mine = extract(text_of(item.value)) if not is_missing(item.value) else None
    if mine is None:
        return
    for other in _others(context, item, params, "other"):
        if is_missing(other.value):
            continue
        theirs = extract_other(text_of(other.value))
        if theirs is not None and theirs != mine:
            yield Finding(item, {"other": text_of(other.value), "other_field": other.path})


def _digits(count: int) -> Callable[[str], str | None]:
    def extract(text: str) -> str | None:
        digits = re.sub(r"[^0-9]", "", text)
        return digits[:count] if len(digits) >= count else None

    return extract


_EXTRACTS: Mapping[str, Callable[[str], str | None]] = {
    "same": lambda text: text,
    "digits6": _digits(6),
    "pedimento-aduana": pedimento_aduana,
}


def _plain(number: Decimal) -> str:
    return format(number.normalize(), "f")


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


def apart_beyond(first: object, second: object, params: Params) -> bool | None:
    """Whether two quantities (or numbers) differ by more than the tolerance that ``params`` state (``tolerance``, a
    fraction of the larger, and ``step``, units to their rounding steps, as :func:`sum_equals` takes them); None when
    either is absent or of a unit that cannot be compared."""
    one, other = _number(first), _number(second)
    if one is None or other is None:
        return None
    relative = Decimal(str(params.get("tolerance", "0"))) * max(abs(one), abs(other), Decimal(1))
    return abs(one - other) > max(relative, _rounding_step(params, [first, second]))


def in_base_unit(value: object) -> Decimal | None:
    """A quantity in kilograms or cubic metres, a count or a number as a Decimal; None when it is neither."""
    return _number(value)


def plain_number(number: Decimal) -> str:
    return _plain(number)


def _validate_tolerance(params: Params) -> None:
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
        if _number(Quantity(value=number, unit=str(unit))) is None or number < 0:
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
            _validate_tolerance(params)
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
        _validate_tolerance(params)
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
        if kind == "agree" and str(params.get(name, "same")) not in _EXTRACTS:
            raise ParamError(f"unknown {name} {params[name]!r}; known: {', '.join(_EXTRACTS)}")
    if kind == "unique" and not re.fullmatch(r"[a-z_]*", str(params.get("alike", ""))):
        raise ParamError(f"'alike' names a field beside the value, not {params['alike']!r}")
    for name in ("of", "other", "in", "country", "among", "within"):
        if name in params:
            Path.parse(str(params[name]))
    if kind == "any_present":
        for text in _path_list(params, "or"):
            Path.parse(text)
    if kind == "conditional":
        condition, consequence = _table(params, "if"), _table(params, "then")
        if "field" not in condition:
            raise ParamError("conditional 'if' needs a 'field'")
        Path.parse(str(condition["field"]))
        validate_params(str(condition["kind"]), condition)
        validate_params(str(consequence["kind"]), consequence)
