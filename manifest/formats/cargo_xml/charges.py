"""An air waybill's charge data in Cargo-XML: charge declarations, the carrier's execution and rate charges.

As the real Riege XFWB 3.00 samples have them (riege/one-record-converter ``src/test/resources``): on the
consignment, NilCarriageValueIndicator or DeclaredValueForCarriageAmount, NilCustomsValueIndicator or
DeclaredValueForCustomsAmount, NilInsuranceValueIndicator or InsuranceValueAmount (amounts with ``currencyID``),
TotalChargePrepaidIndicator (weight and valuation charges) and TotalDisbursementPrepaidIndicator (other charges),
ApplicableOriginCurrencyExchange/SourceCurrencyCode (the currency of the waybill) and
ApplicableLogisticsServiceCharge/TransportPaymentMethodCode (the charge code, PP, CC ...); in
BusinessHeaderDocument, SignatoryCarrierAuthentication (ActualDateTime, Signatory, IssueAuthenticationLocation/
Name); on each rate line, ApplicableFreightRateServiceCharge (CategoryCode rate class, CommodityItemID,
ChargeableWeightMeasure, AppliedRate, AppliedAmount). They are Cargo-IMP's CVD, ISU and RTD charge elements.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from manifest import codelists
from manifest.formats.canonical import scalar_to_text
from manifest.formats.cargo_xml import values
from manifest.formats.cargo_xml.build import Node
from manifest.formats.cargo_xml.source import Reading
from manifest.model import ChargeDeclarations, Consignment, Execution, Money, Payment, Rate

_TRUE, _FALSE = ("true", "1"), ("false", "0")  # xsd:boolean
_SIGNATURE = "BusinessHeaderDocument/SignatoryCarrierAuthentication"


def read_declarations(reading: Reading, element: Any, field: str) -> dict[str, Any]:
    """The consignment's ``charges`` and declared value for customs (``value``), as keyword arguments."""
    currency = reading.text(element, "ApplicableOriginCurrencyExchange/SourceCurrencyCode", f"{field}.charges")
    found: dict[str, Any] = {
        "currency": currency,
        "charge_code": reading.text(
            element, "ApplicableLogisticsServiceCharge/TransportPaymentMethodCode", f"{field}.charges.charge_code"
        ),
        "weight_valuation": _payment(reading, element, "TotalChargePrepaidIndicator"),
        "other_charges": _payment(reading, element, "TotalDisbursementPrepaidIndicator"),
    }
    declared = {
        "carriage_value": ("NilCarriageValueIndicator", "DeclaredValueForCarriageAmount"),
        "value": ("NilCustomsValueIndicator", "DeclaredValueForCustomsAmount"),
        "insurance_value": ("NilInsuranceValueIndicator", "InsuranceValueAmount"),
    }
    # A declared value for customs alone is the consignment's value, as other formats give it; the charge
    # declarations are read when any of their own elements (or a Nil indicator) is there.
    said = any(value is not None for value in found.values())
    customs: Money | None = None
    for name, (nil, path) in declared.items():
        nil_element = reading.find(element, nil)
        if nil_element is not None and (nil_element.text or "").strip() in _TRUE:
            reading.take(nil_element)  # declared as none: the model's None
            said = True
        where = f"{field}.value.amount" if name == "value" else f"{field}.charges.{name}"
        if name == "value":
            amount = values.number(reading, element, path, where)
            if amount is not None:
                unit = reading.attribute(reading.find(element, path), "currencyID")
                customs = Money(amount=amount, currency=unit or currency or "")
        else:
            amount = _amount(reading, element, path, where, currency)
            found[name] = amount
            said = said or amount is not None
    result: dict[str, Any] = {"value": customs}
    if said:
        reading.place(f"{field}.charges", element)
        result["charges"] = ChargeDeclarations(**found)
    return result


def _payment(reading: Reading, element: Any, path: str) -> Payment | None:
    indicator = reading.find(element, path)
    text = (indicator.text or "").strip() if indicator is not None else ""
    if text not in _TRUE + _FALSE:
        return None  # an indicator out of its format stays in the residue, as written
    reading.take(indicator)
    return Payment.PREPAID if text in _TRUE else Payment.COLLECT


def _amount(reading: Reading, element: Any, path: str, field: str, currency: str | None) -> Decimal | None:
    """An amount in the waybill's currency; a ``currencyID`` naming another stays in the residue, as written."""
    found = values.number(reading, element, path, field)
    amount_element = reading.find(element, path)
    if found is not None and amount_element is not None and amount_element.get("currencyID") == currency:
        reading.attribute(amount_element, "currencyID")
    return found


def write_declarations(node: Node, consignment: Consignment) -> None:
    charges = consignment.charges
    if charges is None:
        if consignment.value is not None:
            _write_amount(node, "DeclaredValueForCustomsAmount", consignment.value.amount, consignment.value.currency)
        return
    currency = waybill_currency(consignment)
    for nil, path, amount in (
        ("NilCarriageValueIndicator", "DeclaredValueForCarriageAmount", charges.carriage_value),
        ("NilCustomsValueIndicator", "DeclaredValueForCustomsAmount", _customs(consignment)),
        ("NilInsuranceValueIndicator", "InsuranceValueAmount", charges.insurance_value),
    ):
        if amount is None:
            node.set(nil, "true")
        else:
            unit = consignment.value.currency if path.endswith("CustomsAmount") and consignment.value else currency
            _write_amount(node, path, amount, unit)
    for path, payment in (
        ("TotalChargePrepaidIndicator", charges.weight_valuation),
        ("TotalDisbursementPrepaidIndicator", charges.other_charges),
    ):
        if payment is not None:
            node.set(path, "true" if payment == Payment.PREPAID else "false")
    node.set("ApplicableOriginCurrencyExchange/SourceCurrencyCode", currency)
    node.set("ApplicableLogisticsServiceCharge/TransportPaymentMethodCode", charges.charge_code)


def waybill_currency(consignment: Consignment) -> str | None:
    """The currency of the waybill's amounts, when it is an ISO 4217 code. One that is not is not written: the reader
    takes SourceCurrencyCode as the currency of every amount of the waybill (the customs value's too), so the code
    would go on as a currency elsewhere; its loss is listed."""
    code = consignment.charges.currency if consignment.charges is not None else None
    return code if code and codelists.contains("currency", code) else None


def _customs(consignment: Consignment) -> Decimal | None:
    return consignment.value.amount if consignment.value is not None else None


def _write_amount(node: Node, path: str, amount: Decimal, currency: str | None) -> None:
    node.set(path, scalar_to_text(amount), currencyID=currency or None)


def read_execution(reading: Reading, root: Any, field: str) -> Execution | None:
    signed = reading.find(root, _SIGNATURE)
    if signed is None:
        return None
    moment = values.moment(reading, signed, "ActualDateTime", f"{field}.execution.moment")
    place = reading.text(signed, "IssueAuthenticationLocation/Name", f"{field}.execution.place")
    signature = reading.text(signed, "Signatory", f"{field}.execution.signature")
    if moment is None and place is None and signature is None:
        return None
    reading.place(f"{field}.execution", signed)
    return Execution(moment=moment, place=place, signature=signature)


def write_execution(root: Node, execution: Execution | None) -> None:
    if execution is None or (execution.moment, execution.place, execution.signature) == (None, None, None):
        return
    signed = root.walk(_SIGNATURE)
    signed.set("ActualDateTime", values.moment_text(execution.moment) if execution.moment else None)
    signed.set("Signatory", execution.signature)
    signed.set("IssueAuthenticationLocation/Name", execution.place)


_RATE = "ApplicableFreightRateServiceCharge"


def read_rate(reading: Reading, item: Any, field: str, currency: str | None) -> Rate | None:
    charge = reading.find(item, _RATE)
    if charge is None:
        return None
    where = f"{field}.rate"
    found = Rate(
        rate_class=reading.text(charge, "CategoryCode", f"{where}.rate_class"),
        commodity_item=reading.text(charge, "CommodityItemID", f"{where}.commodity_item"),
        chargeable_weight=values.measure(reading, charge, "ChargeableWeightMeasure", f"{where}.chargeable_weight"),
        rate=values.number(reading, charge, "AppliedRate", f"{where}.rate"),
        total=_amount(reading, charge, "AppliedAmount", f"{where}.total", currency),
    )
    if found == Rate():
        return None
    reading.place(where, charge)
    return found


def write_rate(item: Node, rate: Rate | None, currency: str | None) -> None:
    if rate is None:
        return
    charge = item.walk(_RATE)
    charge.set("CategoryCode", rate.rate_class)
    charge.set("CommodityItemID", rate.commodity_item)
    values.write_measure(charge, "ChargeableWeightMeasure", rate.chargeable_weight)
    charge.set("AppliedRate", None if rate.rate is None else scalar_to_text(rate.rate))
    if rate.total is not None:
        _write_amount(charge, "AppliedAmount", rate.total, currency)
