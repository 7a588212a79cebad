"""The charge data of an air waybill: charge declarations (CVD), the carrier's execution (ISU) and the charge of
each rate line (RTD elements C, S, W, R and T).

CVD (FWB/14 ABNF ``ChargeDeclarations``; FHL/5 CVD, which has no charge code): currency code (ISO 4217), charge
code (two letters, often left empty: ``CVD/USD//PP/...``), prepaid or collect for the weight and valuation charges
and for the other charges (P or C each, written together: ``PP``, ``PC``, ``CP``, ``CC``), declared value for
carriage (an amount, or NVD: no value declared), declared value for customs (an amount, or NCV: no customs value)
and amount of insurance (an amount, or XXX: none). ISU: date of execution (DDMMMYY), place of execution (at most
17 characters) and the signature of the issuing carrier or its agent (at most 20 characters, may be left out).
RTD charge elements: C rate class code, S commodity item number, W chargeable weight (in the weight unit of the
line), R rate or charge, T total. Checked against airline traffic (``CVD/USD//PP/NVD/NCV/XXX``,
``RTD/1/P40/K574/CQ/W798/R4.25/T3391.5``, ``RTD/1/P108/K1599/CQ/S2199/W1599/R4.2/T6715.8``,
``ISU/03JUN26/DHAKA/CONVEYOR LOGISTICS L``: the signature cut at 20 characters) and FHL CVD lines without a charge
code (``CVD/USD/PP/NVD/NCV/XXX``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from manifest.formats.cargo_imp.elements import MONTHS, TextWriter, decimal_of, decimal_text
from manifest.formats.cargo_imp.lines import Line
from manifest.formats.cargo_imp.sink import Sink
from manifest.model import ChargeDeclarations, Execution, Moment, Money, Payment, Quantity, Rate

AMOUNT = re.compile(r"[0-9]{1,12}(?:[.,][0-9]{1,5})?")
CURRENCY = re.compile(r"[A-Z]{3}")
CHARGE_CODE = re.compile(r"[A-Z]{2}")
RATE_CLASS = re.compile(r"[A-Z]")
COMMODITY_ITEM = re.compile(r"[A-Z0-9]{1,7}")
NO_CARRIAGE_VALUE = "NVD"
NO_CUSTOMS_VALUE = "NCV"
NO_INSURANCE = "XXX"
PLACE_SIZE = 17  # ISU place of execution
SIGNATURE_SIZE = 20  # ISU signature
_PAYMENTS = {"P": Payment.PREPAID, "C": Payment.COLLECT}
_PAYMENT_CODES = {payment: code for code, payment in _PAYMENTS.items()}
_ISSUE_DATE = re.compile(r"([0-9]{2})(" + "|".join(MONTHS) + r")([0-9]{2})")
_CVD_ELEMENTS = {
    "currency": (CURRENCY, "ISO 4217 currency code"),
    "charge code": (re.compile(r"(?:[A-Z]{2})?"), "2 letters or nothing"),
    "prepaid/collect": (re.compile(r"[PC]{2}"), "PP, PC, CP or CC"),
    "carriage": (re.compile(rf"{NO_CARRIAGE_VALUE}|{AMOUNT.pattern}"), "NVD or an amount"),
    "customs": (re.compile(rf"{NO_CUSTOMS_VALUE}|{AMOUNT.pattern}"), "NCV or an amount"),
    "insurance": (re.compile(rf"{NO_INSURANCE}|{AMOUNT.pattern}"), "XXX or an amount"),
}
_RATE_ELEMENT = re.compile(r"([CSWRT])(.+)")


@dataclass(slots=True)
class Declared:
    """What a CVD line declares: the charge declarations and the declared value for customs."""

    charges: ChargeDeclarations
    customs_value: Money | None
    customs_column: int


def read_cvd(line: Line, sink: Sink, location: str, *, charge_code: bool) -> Declared | None:
    """The charge declarations of a CVD line; None, with a finding, when an element is not in its format."""
    pieces = line.fields()[1:]
    names = ["currency", *(["charge code"] if charge_code else []), "prepaid/collect", "carriage", "customs"]
    names.append("insurance")
    found = dict(zip(names, pieces, strict=False))
    texts = {name: piece.text for name, piece in found.items()}
    fine = True
    for name in names:
        pattern, expected = _CVD_ELEMENTS[name]
        piece = found.get(name)
        if piece is None or pattern.fullmatch(piece.text) is None:
            column = piece.column if piece is not None else len(line.text) + 1
            sink.bad(line, column, f"{location}/{name}", value=piece.text if piece else "", expected=expected)
            fine = False
    if fine and len(pieces) > len(names):
        extra = pieces[len(names)]
        sink.bad(line, extra.column - 1, location, value="/" + extra.text, expected="the end of the line")
        fine = False
    if not fine:
        return None
    currency = texts["currency"]
    payment = texts["prepaid/collect"]
    customs = texts["customs"]
    return Declared(
        charges=ChargeDeclarations(
            currency=currency,
            charge_code=texts.get("charge code") or None,
            weight_valuation=_PAYMENTS[payment[0]],
            other_charges=_PAYMENTS[payment[1]],
            carriage_value=_amount(texts["carriage"], NO_CARRIAGE_VALUE),
            insurance_value=_amount(texts["insurance"], NO_INSURANCE),
        ),
        customs_value=None if customs == NO_CUSTOMS_VALUE else Money(amount=decimal_of(customs), currency=currency),
        customs_column=found["customs"].column,
    )


def _amount(text: str, none: str) -> Decimal | None:
    return None if text == none else decimal_of(text)


@dataclass(slots=True)
class Lacking:
    """A line the message requires that is not written, with the values the model lacks for it."""

    tag: str
    missing: list[str] = field(default_factory=list)


def cvd_text(charges: ChargeDeclarations | None, customs: Money | None, *, charge_code: bool) -> str | Lacking:
    """The CVD line of the model's declarations, or what the model lacks for one (no value is invented)."""
    lacking = Lacking("CVD")
    currency = (charges.currency if charges else None) or (customs.currency if customs else None)
    if currency is None or CURRENCY.fullmatch(currency) is None:
        lacking.missing.append("charges.currency")
    if customs is not None and charges is not None and charges.currency and customs.currency != charges.currency:
        lacking.missing.append("value.currency")  # one currency for every charge and value of the waybill
    weight = charges.weight_valuation if charges else None
    other = charges.other_charges if charges else None
    if weight is None:
        lacking.missing.append("charges.weight_valuation")
    if other is None:
        lacking.missing.append("charges.other_charges")
    code = charges.charge_code if charges else None
    if code is not None and CHARGE_CODE.fullmatch(code) is None:
        lacking.missing.append("charges.charge_code")
    if lacking.missing or weight is None or other is None or currency is None:
        return lacking
    pieces = ["CVD", currency, *([code or ""] if charge_code else []), _PAYMENT_CODES[weight] + _PAYMENT_CODES[other]]
    amounts = (
        (charges.carriage_value if charges else None, NO_CARRIAGE_VALUE, "charges.carriage_value"),
        (customs.amount if customs else None, NO_CUSTOMS_VALUE, "value.amount"),
        (charges.insurance_value if charges else None, NO_INSURANCE, "charges.insurance_value"),
    )
    for amount, none, name in amounts:
        text = none if amount is None else decimal_text(amount)
        if amount is not None and AMOUNT.fullmatch(text) is None:
            return Lacking("CVD", [name])  # an amount CVD cannot hold is not written as another
        pieces.append(text)
    return "/".join(pieces)


def read_isu(line: Line, sink: Sink, location: str) -> Execution | None:
    """The carrier's execution; None, with a finding, when its date is not DDMMMYY or its place is missing."""
    pieces = line.fields()[1:]
    moment = _ISSUE_DATE.fullmatch(pieces[0].text) if pieces else None
    if moment is None:
        value = pieces[0].text if pieces else ""
        sink.bad(line, 5, f"{location}/date", value=value, expected="DDMMMYY")
        return None
    if len(pieces) < 2 or not pieces[1].text:
        sink.bad(line, len(line.text) + 1, f"{location}/place", value="", expected="the place of execution")
        return None
    day, month, year = int(moment.group(1)), MONTHS.index(moment.group(2)) + 1, 2000 + int(moment.group(3))
    try:
        executed = date(year, month, day)
    except ValueError:
        sink.bad(line, 5, f"{location}/date", value=pieces[0].text, expected="DDMMMYY")
        return None
    signature = "/".join(p.text for p in pieces[2:]) or None
    return Execution(moment=executed, place=pieces[1].text, signature=signature)


def isu_text(execution: Execution | None, out: TextWriter, path: str) -> str | Lacking:
    """The ISU line of the model's execution, or what the model lacks for one."""
    lacking = Lacking("ISU")
    if execution is None or execution.moment is None:
        lacking.missing.append("execution.moment")
    if execution is None or not execution.place:
        lacking.missing.append("execution.place")
    if lacking.missing or execution is None or execution.moment is None or not execution.place:
        return lacking
    moment: Moment = execution.moment
    text = f"ISU/{moment.day:02d}{MONTHS[moment.month - 1]}{moment.year % 100:02d}"
    text += "/" + _cut(execution.place, PLACE_SIZE, out, f"{path}.execution.place")
    if execution.signature:
        text += "/" + _cut(execution.signature, SIGNATURE_SIZE, out, f"{path}.execution.signature")
    return text


def _cut(value: str, size: int, out: TextWriter, path: str) -> str:
    """Free text in a field of ``size`` characters: cut, and the cut reported, as airline traffic does."""
    written = out.text(value, path)
    if len(written) <= size:
        return written
    cut = written[:size].rstrip()
    if written == value:
        out.losses.append(out.altered(path, value, cut))
    else:
        out.losses[-1] = out.altered(path, value, cut)
    return cut


def read_rate(elements: list[str], weight_unit: str) -> tuple[Rate | None, list[str]]:
    """The charge of a rate line from its C, S, W, R and T elements, and the elements it does not hold (a rate
    combination point, or an element out of its format), as written."""
    found: dict[str, object] = {}
    rest: list[str] = []
    for text in elements:
        match = _RATE_ELEMENT.fullmatch(text)
        code, value = (match.group(1), match.group(2)) if match else ("", "")
        number = code in "WRT" and AMOUNT.fullmatch(value) is not None
        if match is None or code in found or (code in "WRT" and not number):
            rest.append(text)
        elif code == "C":
            found["rate_class"] = value
        elif code == "S":
            found["commodity_item"] = value
        elif code == "W":
            found["chargeable_weight"] = Quantity(value=decimal_of(value), unit=weight_unit)
        else:
            found["rate" if code == "R" else "total"] = decimal_of(value)
    return (Rate(**found) if found else None), rest  # type: ignore[arg-type]


def rate_elements(rate: Rate | None, weight_unit: str) -> list[str]:
    """The C, S, W, R and T elements of a rate line; a chargeable weight in another unit than the line's weight
    cannot be written (RTD has one weight code per line) and is left out."""
    if rate is None:
        return []
    elements = []
    if rate.rate_class and RATE_CLASS.fullmatch(rate.rate_class):
        elements.append(f"C{rate.rate_class}")
    if rate.commodity_item and COMMODITY_ITEM.fullmatch(rate.commodity_item):
        elements.append(f"S{rate.commodity_item}")
    weight = rate.chargeable_weight
    if weight is not None and weight.unit == weight_unit:
        elements.extend(_number("W", weight.value))
    elements.extend(_number("R", rate.rate))
    elements.extend(_number("T", rate.total))
    return elements


def _number(code: str, value: Decimal | None) -> list[str]:
    """An amount element, when the amount has the element's format (a value that does not fit is left out, and
    reading the message back lists it as not carried)."""
    text = None if value is None else decimal_text(value)
    return [code + text] if text is not None and AMOUNT.fullmatch(text) else []
