"""Amounts as the checks compare them: quantities in kilograms or cubic metres, and the tolerance a rule allows
between two of them."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from manifest.model import Money, Quantity

# UN/ECE Recommendation 20 mass units to kilograms (LBR: the international avoirdupois pound, exactly 0.45359237 kg).
_KILOGRAMS = {"KGM": Decimal(1), "LBR": Decimal("0.45359237"), "TNE": Decimal(1000), "GRM": Decimal("0.001")}
# Volumes to cubic metres (FTQ: 0.3048**3).
_CUBIC_METRES = {"MTQ": Decimal(1), "FTQ": Decimal("0.028316846592"), "LTR": Decimal("0.001")}


def in_base_unit(value: object) -> Decimal | None:
    """A comparable amount: Quantity values in kilograms or cubic metres, integers and decimals as they are; None
    when the value is neither a number nor a quantity of a known unit."""
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


def rounding_step(params: Mapping[str, object], values: list[object]) -> Decimal:
    """The largest rounding step, in the unit of comparison, among the units of ``values`` that ``step`` names."""
    steps = params.get("step")
    if not isinstance(steps, Mapping):
        return Decimal(0)
    found = Decimal(0)
    for value in values:
        if isinstance(value, Quantity) and value.unit in steps:
            amount = in_base_unit(Quantity(value=Decimal(str(steps[value.unit])), unit=value.unit))
            found = max(found, amount or Decimal(0))
    return found


def apart_beyond(first: object, second: object, params: Mapping[str, object]) -> bool | None:
    """Whether two quantities (or numbers) differ by more than the tolerance that ``params`` state (``tolerance``, a
    fraction of the larger, and ``step``, units to their rounding steps, as :func:`sum_equals` takes them); None when
    either is absent or of a unit that cannot be compared."""
    one, other = in_base_unit(first), in_base_unit(second)
    if one is None or other is None:
        return None
    relative = Decimal(str(params.get("tolerance", "0"))) * max(abs(one), abs(other), Decimal(1))
    return abs(one - other) > max(relative, rounding_step(params, [first, second]))


def plain_number(number: Decimal) -> str:
    return format(number.normalize(), "f")
