"""Cargo-XML values to model values and back: measures with units, piece counts, date-times, airports."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Any

from manifest.formats.canonical import iso_moment, scalar_to_text
from manifest.formats.cargo_xml import codes
from manifest.formats.cargo_xml.build import Node
from manifest.formats.cargo_xml.source import Reading
from manifest.formats.readers import MAX_DIGITS
from manifest.formats.xmlsafe import local_name
from manifest.model import Moment, Place, PlaceScheme, Quantity

# Cargo-XML measures carry UN/ECE Recommendation 20 unit codes (the ns8 code list of the messages); IATA's own
# weight codes K and L (Cargo-IMP DE601) are met in the field too and are read as kilograms and pounds.
_UNIT_ALIASES = {"K": "KGM", "L": "LBR"}
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_INTEGER = re.compile(rf"[+-]?[0-9]{{1,{MAX_DIGITS}}}(?:\.0*)?")  # no more digits than int() converts back to text
AWB = re.compile(r"[0-9]{3}-[0-9]{8}")


def measure(reading: Reading, parent: Any, path: str, field: str) -> Quantity | None:
    value = number(reading, parent, path, field)
    if value is None:
        return None
    unit = reading.attribute(reading.find(parent, path), "unitCode")
    unit = _UNIT_ALIASES.get(unit or "", unit or "")
    return Quantity(value=value, unit=unit)


def number(reading: Reading, parent: Any, path: str, field: str) -> Decimal | None:
    """The decimal at ``path`` (a measure's or an amount's value, without its attributes)."""
    element = reading.find(parent, path)
    if element is None:
        return None
    text = reading.take(element, field)
    if not _DECIMAL.fullmatch(text):
        reading.release(element)
        reading.report(codes.BAD_NUMBER(**reading.at(element), field=field, value=text, element=local_name(path)))
        return None
    return Decimal(text)


def count(reading: Reading, parent: Any, path: str, field: str) -> int | None:
    element = reading.find(parent, path)
    if element is None:
        return None
    text = reading.take(element, field)
    if not _INTEGER.fullmatch(text):
        reading.release(element)
        reading.report(codes.BAD_INTEGER(**reading.at(element), field=field, value=text, element=local_name(path)))
        return None
    try:
        return int(Decimal(text))
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid literals
        return None


def moment(reading: Reading, parent: Any, path: str, field: str) -> Moment | None:
    element = reading.find(parent, path)
    if element is None:
        return None
    text = reading.take(element, field)
    found = iso_moment(text)
    if found is not None:
        return found
    reading.release(element)
    reading.report(codes.BAD_DATETIME(**reading.at(element), field=field, value=text, element=local_name(path)))
    return None


def airport(reading: Reading, location: Any | None, field: str) -> Place | None:
    """An OriginLocation, FinalDestinationLocation or Occurrence*Location: IATA location identifier and name."""
    if location is None:
        return None
    code = reading.text(location, "ID", f"{field}.code")
    name = reading.text(location, "Name", f"{field}.name")
    if code is None and name is None:
        return None
    reading.place(field, location)
    return Place(code=code, scheme=PlaceScheme.IATA_AIRPORT if code else None, name=name)


def moment_text(value: Moment) -> str:
    return value.isoformat()


def write_measure(node: Node, path: str, quantity: Quantity | None) -> None:
    if quantity is not None:
        node.set(path, scalar_to_text(quantity.value), unitCode=quantity.unit or None)


def write_place(node: Node, path: str, place: Place | None) -> None:
    """The place's location element: its ID and Name, each only when the place has one (an empty code is none, and
    no empty element is written for it)."""
    code, name = (place.code or None, place.name or None) if place is not None else (None, None)
    if code is not None or name is not None:
        location = node.walk(path)
        location.set("ID", code)
        location.set("Name", name)
