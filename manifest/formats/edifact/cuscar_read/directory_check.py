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

from manifest.diagnostics import Diagnostic
from manifest.formats.edifact import cuscar_codes as C
from manifest.formats.edifact.directory import Element, is_number, segment_spec, structure_known
from manifest.formats.edifact.segments import Segment


def check_segment(s: Segment, version: str) -> list[Diagnostic]:
    """The faults of segment ``s`` against directory ``version`` ('95B'); none for a segment the directory tables
    do not list."""
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
                    found.append(
                        C.BEYOND_SEGMENT(
                            location=s.location(e, c),
                            value=value,
                            count=len(parts),
                            what="components",
                            what_es="componentes",
                            name=slot.label,
                            directory=version,
                        ).at(s.position(e, c))
                    )
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
                found.append(
                    C.BEYOND_SEGMENT(
                        location=s.location(e, c),
                        value=values[c - 1],
                        count=len(slots),
                        what="data elements",
                        what_es="elementos de datos",
                        name=s.tag,
                        directory=version,
                    ).at(s.position(e, c))
                )
    return found


def _value_fault(s: Segment, e: int, c: int, value: str, spec: Element, version: str) -> Diagnostic | None:
    if spec.numeric:
        if not is_number(value):
            return C.BAD_NUMBER(location=s.location(e, c), value=value, name=spec.label).at(s.position(e, c))
        length = sum(1 for char in value if char.isdigit())
    else:
        length = len(value)
        if spec.alphabetic and any(char.isdigit() for char in value):
            return C.BAD_NUMBER(location=s.location(e, c), value=value, name=spec.label).at(s.position(e, c))
    if length > spec.length or (spec.fixed and length != spec.length):
        return C.TOO_LONG(
            location=s.location(e, c),
            value=value,
            length=length,
            name=spec.label,
            representation=spec.representation,
            directory=version,
        ).at(s.position(e, c))
    return None
