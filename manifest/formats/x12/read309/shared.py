"""The small values of a 309 that its bills repeat, made once and shared: ports, quantities, package counts, the
equipment type codes and the tariff numbers.

A vessel call names the same few ports, units, packaging kinds and container types in thousands of bills; one
object each, rather than one per bill, was about a fifth of what a whole read of a large 309 held. The model's
objects are immutable, so sharing them is invisible to whoever reads them. Each is keyed by the text it is made
from, never by a parsed value: 100 and 100.0 are equal Decimals, but a quantity must keep the one that was written.
"""

from __future__ import annotations

from functools import lru_cache

from manifest.formats.x12 import convert as cv
from manifest.model import Packages, Place, PlaceScheme, Quantity, Reference, TariffCode

_KEPT = 4096  # distinct values of each kind kept; a file with more shares the most recent


@lru_cache(maxsize=_KEPT)
def place(code: str, scheme: PlaceScheme | None) -> Place:
    return Place(code=code, scheme=scheme)


@lru_cache(maxsize=_KEPT)
def named_place(name: str) -> Place:
    return Place(name=name)


@lru_cache(maxsize=_KEPT)
def quantity(amount: str, unit: str) -> Quantity | None:
    """The quantity of ``amount`` in ``unit`` (a model unit), None when the amount is no number."""
    value = cv.decimal(amount)
    return None if value is None else Quantity(value=value, unit=unit)


@lru_cache(maxsize=_KEPT)
def packages(count: int, kind: str | None) -> Packages:
    return Packages(count=count, kind=kind)


@lru_cache(maxsize=_KEPT)
def type_codes(kind: str, value: str) -> tuple[Reference, ...]:
    return (Reference(kind=kind, value=value),)


@lru_cache(maxsize=_KEPT)
def tariff_codes(scheme: str, code: str) -> tuple[TariffCode, ...]:
    return (TariffCode(scheme=scheme, code=code),)
