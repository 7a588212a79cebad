"""Conversions between Carta Porte's spellings and the model's: countries, weights, dates, numbers, identifiers."""

from __future__ import annotations

import re
from datetime import date, datetime
from decimal import Decimal

from manifest import codelists
from manifest.model import Moment, Quantity

# Conversion factors to kilograms of the c_ClaveUnidadPeso codes a manifest uses (UN/ECE Recommendation 20).
KILOGRAMS_PER = {"KGM": Decimal(1), "TNE": Decimal(1000), "LBR": Decimal("0.45359237"), "GRM": Decimal("0.001")}
_THOUSANDTH = Decimal("0.001")

# SAT's pedimento number (Anexo 22; CartaPorte31.xsd NumPedimento pattern): validation year, aduana, patente,
# progressive number, written with two spaces between the groups.
PEDIMENTO = re.compile(r"([0-9]{2})  ([0-9]{2})  ([0-9]{4})  ([0-9]{7})")
_PEDIMENTO_LOOSE = re.compile(r"([0-9]{2})[\s-]*([0-9]{2})[\s-]*([0-9]{4})[\s-]*([0-9]{7})")

# An IATA air waybill number: 3-digit airline prefix and 8-digit serial (IATA Resolution 600a).
_AWB = re.compile(r"([0-9]{3})-?([0-9]{8})")


def alpha2(code: str | None) -> str | None:
    """ISO 3166-1 alpha-2 for a c_Pais (alpha-3) code, or None when c_Pais has no ISO equivalent (e.g. ZZZ)."""
    if not code:
        return None
    return codelists.alpha2_of_alpha3(code)


def alpha3(code: str | None) -> str | None:
    """The c_Pais (ISO 3166-1 alpha-3) code of a country given as alpha-2 or alpha-3, None when ISO has none."""
    return codelists.country_alpha3(code) if code else None


# XML Schema Part 2, 3.2.3.1: the lexical space of xs:decimal is an optional sign, digits and an optional decimal
# point; no exponent, no NaN or Infinity (Python's Decimal reads "1E999999", whose arithmetic overflows).
_XS_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


def decimal(text: str) -> Decimal | None:
    stripped = text.strip()
    return Decimal(stripped) if _XS_DECIMAL.fullmatch(stripped) else None


def moment(text: str) -> datetime | None:
    """A t_FechaH ``YYYY-MM-DDThh:mm:ss`` local date-time (naive: CFDI carries no offset)."""
    try:
        return datetime.fromisoformat(text.strip())
    except ValueError:
        return None


def moment_text(value: Moment) -> str:
    if isinstance(value, datetime):
        return value.replace(tzinfo=None).isoformat(timespec="seconds")
    return datetime(value.year, value.month, value.day).isoformat(timespec="seconds")


def moment_left_out(value: Moment) -> str | None:
    """What a t_FechaH local date and time (CFDI 4.0 tdCFDI, no offset, whole seconds) cannot hold of ``value``:
    its UTC offset and its fractions of a second, as words, or None when it holds all of it."""
    if not isinstance(value, datetime):
        return None
    left = [
        what
        for what, present in (
            ("UTC offset", value.utcoffset() is not None),
            ("fraction of a second", value.microsecond),
        )
        if present
    ]
    return " and ".join(left) or None


def plain_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def text(value: Decimal) -> str:
    return format(value, "f")


def in_kilograms(quantity: Quantity) -> Decimal | None:
    factor = KILOGRAMS_PER.get(quantity.unit)
    if factor is None:
        return None
    value = quantity.value * factor
    return value if factor == 1 else value.quantize(_THOUSANDTH)


def in_tonnes(quantity: Quantity) -> Decimal | None:
    if quantity.unit == "TNE":
        return quantity.value
    kilograms = in_kilograms(quantity)
    return None if kilograms is None else (kilograms / 1000).quantize(_THOUSANDTH)


def pedimento(text: str) -> str | None:
    """SAT's two-space spelling of a pedimento written with any separators (or none), else None."""
    found = _PEDIMENTO_LOOSE.fullmatch(text.strip())
    return None if found is None else "  ".join(found.groups())


def awb_number(text: str) -> str | None:
    """The model's ``PPP-SSSSSSSS`` spelling of an air waybill number, or None when the text is not one."""
    found = _AWB.fullmatch(text.strip())
    return None if found is None else f"{found.group(1)}-{found.group(2)}"


def split_mark(text: str, letters: str) -> tuple[str | None, str]:
    """A reporting mark or container owner code and the number, e.g. ``KCSM 123456`` -> (``KCSM``, ``123456``)."""
    found = re.fullmatch(rf"({letters})[\s-]*([0-9A-Z]+)", text.strip())
    if found is None:
        return None, text
    return found.group(1), found.group(2)
