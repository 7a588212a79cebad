"""Every segment of a CUSCAR message checked against the segment directory of the directory its UNH declares
(:mod:`manifest.formats.edifact.directory`): each value's length and representation, each mandatory data element and
component, and no value beyond the data elements and components a segment has.

A numeric value (ISO 9735-1 section 10) is digits with an optional leading minus and one decimal mark, a comma or a
full stop; its length counts its digits only. A composite is present when any of its components is; a mandatory
component of an absent conditional composite is not missing. Findings stand at the value's position, one per
fault; the reader's own checks of the same value (numbers, dates, code lists) give way to them (see
:meth:`ReadState.report`).
"""

from __future__ import annotations

import re
from functools import cache

from manifest.diagnostics import Diagnostic
from manifest.formats.edifact import cuscar_codes as C
from manifest.formats.edifact.directory import Element, Slot, measured, segment_spec, structure_known
from manifest.formats.edifact.segments import Segment
from manifest.formats.edifact.syntax import Delimiters


@cache
def clean_pattern(tag: str, version: str, component: str, element: str) -> re.Pattern[str] | None:
    """A regular expression that the raw text of segment ``tag`` (tag to terminator, no release character) matches
    only when the segment is within the directory: every value within its length, a numeric one of ASCII digits
    only, every mandatory element and component there, nothing beyond. Most segments are; matching their text in
    one pass spares reading each value in Python, and :func:`check_segment` looks closer at the others only (a
    decimal number, for one, does not match and is checked there). For a directory whose structure the tables do
    not know (:func:`structure_known`) it checks lengths only and lets anything follow the known values."""
    slots = segment_spec(tag, version)
    if slots is None:
        return None
    structure = structure_known(version)
    sep, end = re.escape(component), re.escape(element)
    text = f"[^{sep}{end}]"
    parts = [_slot(slot, structure, sep, end, text) for slot in slots]
    last = max((e + 1 for e, slot in enumerate(slots) if slot.mandatory), default=0) if structure else 0
    tail = f"(?:{end}[\\s\\S]*)?" if not structure else ""
    for part in reversed(parts[last:]):
        tail = f"(?:{end}{part}{tail})?"
    return re.compile(re.escape(tag) + "".join(end + part for part in parts[:last]) + tail)


def _slot(slot: Slot, structure: bool, sep: str, end: str, text: str) -> str:
    values = [_value(spec, structure, text) for spec in slot.components]
    last = max((c + 1 for c, spec in enumerate(slot.components) if spec.mandatory), default=0) if structure else 0
    first = max(last, 1)
    tail = f"(?:{sep}[^{end}]*)?" if not structure else ""
    for value in reversed(values[first:]):
        tail = f"(?:{sep}{value}{tail})?"
    pattern = sep.join(values[:first]) + tail
    if not structure:
        return pattern
    if slot.mandatory:
        # A mandatory composite with no mandatory component is there when any of its components is.
        return pattern if last else f"(?=[^{end}]*[^{sep}{end}]){pattern}"
    return f"(?:{pattern}|)" if last else pattern


def _value(spec: Element, structure: bool, text: str) -> str:
    required = structure and spec.mandatory
    length = spec.length
    if spec.numeric and not spec.fixed:
        # Digits with an optional minus, or with one decimal mark too: then no more than length + 1 characters, the
        # mark not counted (as :func:`manifest.formats.edifact.directory.is_number` reads a number).
        whole = f"-?[0-9]{{1,{length}}}"
        decimal = f"-?(?=[0-9.,]{{2,{length + 1}}}(?![0-9.,]))(?:[0-9]+[.,][0-9]*|[.,][0-9]+)"
        return f"(?:{whole}|{decimal})" if required else f"(?:{whole}|{decimal}|)"
    char = "[0-9]" if spec.numeric else f"(?![0-9]){text}" if spec.alphabetic else text
    if spec.fixed:
        return f"(?:{char}{{{length}}})" + ("" if required else "?")
    return f"{char}{{{1 if required else 0},{length}}}"


class DirectoryCheck:
    """The check of the segments of one message against directory ``version``, with the patterns of the segments
    seen so far (see :func:`clean_pattern`)."""

    __slots__ = ("_patterns", "delimiters", "version")

    def __init__(self, version: str, delimiters: Delimiters) -> None:
        self.version = version
        self.delimiters = delimiters
        self._patterns: dict[str, re.Pattern[str] | None] = {}

    def __call__(self, s: Segment) -> list[Diagnostic]:
        """The faults of segment ``s``; none for a segment the directory tables do not list."""
        try:
            pattern = self._patterns[s.tag]
        except KeyError:
            d = self.delimiters
            pattern = self._patterns[s.tag] = clean_pattern(s.tag, self.version, d.component, d.element)
        if pattern is None:
            return []
        release = self.delimiters.release
        if (release is None or release not in s.raw) and pattern.fullmatch(s.raw):
            return []
        return check_segment(s, self.version)


def check_segment(s: Segment, version: str) -> list[Diagnostic]:
    """The faults of segment ``s`` against directory ``version`` ('95B'), value by value; none for a segment the
    directory tables do not list."""
    slots = segment_spec(s.tag, version)
    if slots is None:
        return []
    found: list[Diagnostic] = []
    structure = structure_known(version)
    elements = s.elements
    for e, slot in enumerate(slots, 1):
        values = elements[e - 1] if e <= len(elements) else []
        parts = slot.components
        if not any(values):
            if structure and slot.mandatory:
                found.append(C.MISSING_VALUE(location=s.location(e, 1), name=slot.label).at(s.position(e, 1)))
            continue
        for c, value in enumerate(values, 1):
            if c > len(parts):
                if structure and value:
                    found.append(_beyond(s, e, c, value, len(parts), slot.label, version))
                    break
                continue
            spec = parts[c - 1]
            if not value:
                if structure and spec.mandatory:
                    found.append(C.MISSING_VALUE(location=s.location(e, c), name=spec.label).at(s.position(e, c)))
                continue
            fault = _value_fault(s, e, c, value, spec, version)
            if fault is not None:
                found.append(fault)
        if structure:
            for c in range(len(values) + 1, len(parts) + 1):
                if parts[c - 1].mandatory:
                    found.append(
                        C.MISSING_VALUE(location=s.location(e, c), name=parts[c - 1].label).at(s.position(e, c))
                    )
    if structure:
        for e in range(len(slots) + 1, len(elements) + 1):
            values = elements[e - 1]
            c = next((c for c, value in enumerate(values, 1) if value), 0)
            if c:
                found.append(_beyond(s, e, c, values[c - 1], len(slots), s.tag, version))
    return found


def _beyond(s: Segment, e: int, c: int, value: str, count: int, name: str, version: str) -> Diagnostic:
    """A value beyond the ``count`` components of composite ``name`` (or, ``c`` being 1 past the elements, beyond the
    ``count`` data elements of segment ``name``)."""
    elements = name == s.tag
    what, what_es = ("data element", "elemento de datos") if elements else ("component", "componente")
    if count != 1:
        what, what_es = ("data elements", "elementos de datos") if elements else ("components", "componentes")
    return C.BEYOND_SEGMENT(
        location=s.location(e, c),
        value=value,
        count=count,
        what=what,
        what_es=what_es,
        name=name,
        directory=version,
    ).at(s.position(e, c))


def _value_fault(s: Segment, e: int, c: int, value: str, spec: Element, version: str) -> Diagnostic | None:
    length = measured(value, spec)
    if length is None:
        return C.BAD_NUMBER(location=s.location(e, c), value=value, name=spec.label).at(s.position(e, c))
    if spec.holds(length):
        return None
    return C.TOO_LONG(
        location=s.location(e, c),
        value=value,
        length=length,
        name=spec.label,
        representation=spec.representation,
        directory=version,
    ).at(s.position(e, c))
