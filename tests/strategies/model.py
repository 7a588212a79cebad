"""Hypothesis strategies that build any valid harmonized model.

The strategies are derived from the model's own field descriptions (the ones the canonical formats use), so a field
added to the model is generated with no change here. What a format can carry differs (XML has no control characters,
X12 has no lowercase in some elements): those limits are parameters, in the manner of cattrs' ``everythings``.
"""

from __future__ import annotations

import typing
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from hypothesis import strategies as st

from manifest import model
from manifest.formats.canonical import FieldSpec, ScalarType, fields_of

T = TypeVar("T")

# XML 1.0 cannot carry control characters other than tab and line feed, and turns a carriage return into a line
# feed; surrogates cannot be encoded in UTF-8. Text that every canonical format carries unchanged:
CANONICAL_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff")
    | st.sampled_from("\t\n"),
    max_size=12,
)

_OFFSETS = st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: timezone(timedelta(minutes=m)))


def moments() -> st.SearchStrategy[date | datetime]:
    naive = st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2199, 12, 31))
    aware = st.builds(lambda d, tz: d.replace(tzinfo=tz), naive, _OFFSETS | st.just(UTC))
    return st.one_of(st.dates(min_value=date(1900, 1, 1), max_value=date(2199, 12, 31)), naive, aware)


def decimals() -> st.SearchStrategy[Decimal]:
    return st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**12), max_value=10**12, places=4)


def _scalar(scalar: ScalarType, text: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    if scalar is str:
        return text
    if scalar is int:
        return st.integers(min_value=-(10**9), max_value=10**9)
    if scalar is bool:
        return st.booleans()
    if scalar is Decimal:
        return decimals()
    if scalar == "moment":
        return moments()
    return st.sampled_from(list(typing.cast(type[StrEnum], scalar)))


def _field(spec: FieldSpec, text: st.SearchStrategy[str], max_items: int) -> st.SearchStrategy[Any]:
    if spec.kind == "scalar":
        return _scalar(typing.cast(ScalarType, spec.scalar), text)
    if spec.kind == "object":
        return objects(typing.cast(type, spec.cls), text=text, max_items=max_items)
    if spec.kind == "map":
        return st.dictionaries(st.from_regex(r"[a-z0-9]+\.[A-Za-z0-9.]{1,8}", fullmatch=True), text, max_size=2)
    if spec.cls is not None:
        item: st.SearchStrategy[Any] = objects(spec.cls, text=text, max_items=max_items)
    else:
        item = _scalar(typing.cast(ScalarType, spec.scalar), text)
    return st.lists(item, max_size=max_items).map(tuple)


def objects(cls: type[T], *, text: st.SearchStrategy[str] = CANONICAL_TEXT, max_items: int = 2) -> st.SearchStrategy[T]:
    """Any instance of model class ``cls``: required fields always set, optional ones sometimes."""
    required: dict[str, st.SearchStrategy[Any]] = {}
    optional: dict[str, st.SearchStrategy[Any]] = {}
    for spec in fields_of(cls):
        strategy = _field(spec, text, max_items)
        if spec.required:
            required[spec.name] = strategy
        else:
            optional[spec.name] = strategy
    return st.fixed_dictionaries(required, optional=optional).map(lambda values: cls(**values))


def manifests(
    *, text: st.SearchStrategy[str] = CANONICAL_TEXT, max_items: int = 2
) -> st.SearchStrategy[model.Manifest]:
    return st.deferred(lambda: objects(model.Manifest, text=text, max_items=max_items))
