"""Strategies every format's strategies draw on: fixed-width codes, optional values, air waybill numbers."""

from __future__ import annotations

from typing import TypeVar

from hypothesis import strategies as st

T = TypeVar("T")

UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
DIGITS = "0123456789"


def fixed(alphabet: str, size: int, most: int | None = None) -> st.SearchStrategy[str]:
    """Text of ``alphabet``, ``size`` characters long (up to ``most`` when given)."""
    return st.text(alphabet, min_size=size, max_size=size if most is None else most)


def optional(strategy: st.SearchStrategy[T]) -> st.SearchStrategy[T | None]:
    return st.none() | strategy


@st.composite
def awb_numbers(draw: st.DrawFn) -> str:
    """An air waybill number: the airline's three-digit prefix (IATA assigns 001 to 999), a seven-digit serial and
    its mod-7 check digit."""
    prefix = draw(st.integers(min_value=1, max_value=999))
    serial = draw(st.integers(min_value=0, max_value=9_999_999))
    return f"{prefix:03d}-{serial:07d}{serial % 7}"
