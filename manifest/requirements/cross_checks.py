"""The kinds of check that compare a field with others: a total with the sum or count of its parts, two dates,
a reference with what it names, a value with the others of its kind, the same datum carried twice."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping
from datetime import date, datetime
from decimal import Decimal

from manifest.identifiers import pedimento_aduana
from manifest.requirements.amounts import in_base_unit, plain_number, rounding_step
from manifest.requirements.check_context import (
    Context,
    Finding,
    Params,
    bound_others,
    is_missing,
    parsed,
    text_of,
    unique_key,
)
from manifest.requirements.paths import Item


def sum_equals(context: Context, item: Item, params: Params) -> Iterator[Finding]:
    """The field (a total) equals the sum of the fields ``of``, within the tolerance the rule states: ``tolerance``, a
    fraction of the larger of the two, and ``step``, a table of units to the rounding step of a value declared in
    that unit (``{ KGM = "0.5", LBR = "1" }``: weights rounded up to the next half kilogram or pound). The larger
    of the two allowances applies. Quantities are compared in kilograms or cubic metres. Silent when any value is
    absent or of an unknown unit: ``required`` and ``codelist`` rules report those. Adds ``$sum``."""
    total = in_base_unit(item.value)
    parts = bound_others(context, item, params, "of")
    amounts = [in_base_unit(part.value) for part in parts]
    if total is None or not amounts or any(amount is None for amount in amounts):
        return
    found = sum((amount for amount in amounts if amount is not None), Decimal(0))
    relative = Decimal(str(params.get("tolerance", "0"))) * max(abs(total), abs(found), Decimal(1))
    allowed = max(relative, rounding_step(params, [item.value, *(part.value for part in parts)]))
    if abs(total - found) > allowed:
        yield Finding(item, {"sum": plain_number(found)})


def count_equals(context: Context, item: Item, params: Params) -> Iterator[Finding]:
    """The field (a count) equals the number of items that the path ``of`` names. Adds ``$count``."""
    count = in_base_unit(item.value)
    if count is None:
        return
    found = sum(1 for other in bound_others(context, item, params, "of") if not is_missing(other.value))
    if count != found:
        yield Finding(item, {"count": str(found)})


def not_after(context: Context, item: Item, params: Params) -> Iterator[Finding]:
    """The date or moment of the field is not later than that of ``other`` (dates in order). Moments with and
    without an offset, or a date and a datetime, are compared by calendar date only. Adds ``$other``."""
    if not isinstance(item.value, date):
        return
    for other in bound_others(context, item, params, "other"):
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


def agree(context: Context, item: Item, params: Params) -> Iterator[Finding]:
    """Where the model carries the same datum twice (once for each agency, or at two levels), both agree: the field
    equals every present value at ``other``, after the optional ``extract`` on this field and ``extract_other`` on
    the other (``digits6``: the first six digits, the HS subheading of a national tariff code; ``pedimento-aduana``:
    the aduana of a pedimento number). Adds ``$other`` and ``$other_field``."""
    extract = EXTRACTS[str(params.get("extract", "same"))]
    extract_other = EXTRACTS[str(params.get("extract_other", "same"))]
    mine = extract(text_of(item.value)) if not is_missing(item.value) else None
    if mine is None:
        return
    for other in bound_others(context, item, params, "other"):
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


EXTRACTS: Mapping[str, Callable[[str], str | None]] = {
    "same": lambda text: text,
    "digits6": _digits(6),
    "pedimento-aduana": pedimento_aduana,
}
