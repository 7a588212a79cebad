"""Making written segments fit the element dictionary (X12.6 section 3), and saying what that cost.

A writer fills elements from the model; a value longer than its element's maximum length would give an interchange
that its receiver (and this project's own reader) rejects. Free text (type AN: names, addresses, descriptions) is
cut to the maximum length and the cut is reported. A code (type ID) or an identifier (the AN elements of
``IDENTIFIERS``: bill, equipment, seal, reference and entry numbers, voyages, ports) cut short or re-spelled would
name something else, so one that does not fit whole, or has characters outside the X12 character sets, is left out
instead and listed as not written (X12411), with or without ``--allow-loss``. Any other value the element cannot
hold whole (shorter than its minimum length, a number with more digits than it allows, or not a number where one
is due) is left out and listed too (X12416). A decimal number (type R) with more digits than its element allows is
first written without the zeros that do not change its value (``12.500`` as ``12.5``, ``0.5`` as ``.5``): the same
number spelt shorter, not a changed one. Dates and times come from typed model fields and are written in their X12
form already.

A mandatory element (X12.6 3.5.2: requirement designator M, "shall be present") or one a syntax note requires
(X12.6 3.6: P paired, R at least one, C conditional, L list) for which the model has no value is not invented: it is
written empty, since any value would be a false statement to customs, and it is reported so that the sender can
supply it before filing. That report is a note of the written file (``Written.notes``), not a loss: no model value
is left behind.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from manifest.diagnostics import Diagnostic, Message, Severity, define
from manifest.formats.charsets import outside, transliterate
from manifest.formats.x12.dictionary import ENVELOPE, Element, SegmentSpec, dictionary_for
from manifest.formats.x12.messages import BAD_NUMBER
from manifest.formats.x12.messages import TOO_LONG as TOO_LONG_ELEMENT
from manifest.formats.x12.messages import TOO_SHORT as TOO_SHORT_ELEMENT
from manifest.formats.x12.syntax import check_segment, parse_rule, size_problem
from manifest.formats.x12.tokens import Lines, Segment
from manifest.formats.x12.writer import Elements
from manifest.slotted import record

SHORTENED = define(
    "X12402",
    Severity.WARNING,
    "$field ('$value') is longer than $element allows ($max); '$written' is written",
    "$field ('$value') es más largo de lo que $element permite ($max); se escribe '$written'",
    "X12.6 section 3.5: an element's value may not exceed the maximum length of its data element",
)
LEFT_EMPTY = define(
    "X12403",
    Severity.INFO,
    "$element ($name) is required ($why) but the model has no value for it; it is left empty",
    "$element ($name) es obligatorio ($why) pero el modelo no tiene valor para él; se deja vacío",
    "X12.6 sections 3.5.2 (mandatory elements) and 3.6 (syntax notes P, R, C, L)",
)


NOT_HELD = define(
    "X12416",
    Severity.WARNING,
    "$field ('$value') $why in $element, which cannot hold it; it is not written",
    "$field ('$value') $why_es en $element, que no puede contenerlo; no se escribe",
    "X12.6 section 3.5: an element's value has the type and lies within the minimum and maximum length of its data "
    "element (N and R lengths count digits only)",
)
WITHHELD = define(
    "X12411",
    Severity.WARNING,
    "$field ('$value') $why in $element; a code or identifier is never cut or re-spelled, so it is not written",
    "$field ('$value') $why_es en $element; un código o identificador nunca se recorta ni se reescribe, así que no "
    "se escribe",
    "X12.6 sections 3.3 (character sets) and 3.5 (element length); a changed identifier names another shipment",
)

# Data elements that identify something: bill of lading/waybill number (122), reference identification (127),
# equipment initial and number (206, 207), seal number (225), flight/voyage number (55), identification code (67),
# location identifier (310), customs entry number (595), hazardous material code (62), commodity code (22).
IDENTIFIERS = frozenset({"122", "127", "206", "207", "225", "55", "67", "310", "595", "62", "22"})
TOO_LONG = ("is longer than it may be ({max})", "es más largo de lo permitido ({max})")
TOO_SHORT = ("is shorter than it may be ({min})", "es más corto de lo permitido ({min})")
TOO_MANY_DIGITS = ("has more digits than it may have ({max})", "tiene más dígitos de los permitidos ({max})")
NOT_A_NUMBER = ("is not a number of type {type}", "no es un número de tipo {type}")
OUTSIDE = (
    "has characters outside the X12 character sets ({chars})",
    "tiene caracteres fuera de los juegos de caracteres X12 ({chars})",
)


@record
class Cut:
    """One value the dictionary made shorter (``written`` empty: a code or identifier left out, ``why`` saying
    why in English and Spanish)."""

    element: str  # e.g. "M11-01"
    max: int
    full: str
    written: str
    why: tuple[str, str] = ("", "")
    identifier: bool = True  # a code or identifier (X12411), else a value of another kind (X12416)
    number: bool = False  # the value of an R or N element, the same number however it is spelt


OUTSIDE_CHARACTER_SET = define(
    "X12410",
    Severity.WARNING,
    "$field ('$value') has characters outside the X12 basic and extended character sets ($chars); '$written' is "
    "written",
    "$field ('$value') tiene caracteres fuera de los juegos de caracteres básico y extendido de X12 ($chars); se "
    "escribe '$written'",
    "ASC X12.6 section 3.3 (basic and extended character sets)",
)


def in_extended_set(char: str) -> bool:
    """X12.6 section 3.3: the basic set (A-Z, 0-9, space and ! " & ' ( ) * + , - . / : ; ? =) and the extended set
    (a-z and % @ [ ] _ { } \\ | < > ~ ^ ` # $) are together the printable ASCII characters. Language-specific
    characters (Ñ, É) are left by X12.6 to each trading partner agreement, which an interchange cannot declare;
    a receiver such as CBP ACE reads ASCII, so they are written without their accents and listed."""
    return " " <= char <= "~"


@dataclass
class Fitting:
    cuts: list[Cut]
    notices: list[Diagnostic]
    recoded: list[Cut] = field(default_factory=list)  # values transliterated into the character sets
    respelled: list[Cut] = field(default_factory=list)  # numbers written shorter with the same value


def fit_sets(sets: Sequence[list[Elements]], version: str) -> Fitting:
    """Fits every segment of ``sets`` in place to the dictionary of ``version`` (a GS08 value)."""
    specs: Mapping[str, SegmentSpec] = {**ENVELOPE, **(dictionary_for(version) or {})}
    out = Fitting([], [])
    lines = Lines("")
    named: set[str] = set()  # the values left out so far, each of which a loss names at its first element
    for segments in sets:
        for values in segments:
            spec = specs.get(values[0])
            withheld, recoded = len(out.cuts), len(out.recoded)
            _recode(values, spec, out)
            if spec is not None:
                _fit(values, spec, out)
                _drop_partners(values, spec, out.cuts[withheld:])
                # An element left out is explained by the loss of its model value, which names the first element
                # the value was left out of. A value first recoded (U+2735D as '?') and then left out names no model
                # value, and the same value left out again (a SCAC in M1001 and in each MBL01) is named only at its
                # first element, in this segment or an earlier one (a rail trip number in M1005 and M1006): those
                # elements are noted as left empty.
                changed = {change.element for change in out.recoded[recoded:]}
                left: set[str] = set()
                for cut in out.cuts[withheld:]:
                    if cut.written:
                        continue
                    if cut.element not in changed and cut.full not in named:
                        left.add(cut.element)
                    named.add(cut.full)
                _notice(values, spec, lines, out, left)
    return out


def is_identifier(spec: SegmentSpec | None, index: int) -> bool:
    """Whether element ``index`` of ``spec`` holds a code or an identifier, which is never cut or re-spelled."""
    if spec is None or not 0 < index <= len(spec.elements):
        return False
    element = spec.elements[index - 1]
    return element.type == "ID" or element.ref in IDENTIFIERS


def _recode(values: Elements, spec: SegmentSpec | None, out: Fitting) -> None:
    for index in range(1, len(values)):
        value = values[index]
        if not value.isascii() or not value.isprintable():
            written = transliterate(value, in_extended_set)
            if written == value:
                continue
            where = f"{values[0]}-{index:02d}"
            if is_identifier(spec, index):
                chars = outside(value, in_extended_set)
                why = (OUTSIDE[0].format(chars=chars), OUTSIDE[1].format(chars=chars))
                values[index] = ""
                out.cuts.append(Cut(where, len(value), value, "", why))
            else:
                values[index] = written
                out.recoded.append(Cut(where, len(written), value, written))


def _fit(values: Elements, spec: SegmentSpec, out: Fitting) -> None:
    for index, element in enumerate(spec.elements, start=1):
        if index >= len(values) or not values[index] or element.type in ("DT", "TM"):
            continue
        full = values[index]
        problem = size_problem(element, full)
        if problem is None:
            continue
        where = f"{spec.tag}-{index:02d}"
        number = element.type == "R" or element.type[0] == "N"
        if element.type == "R" and problem[0] is TOO_LONG_ELEMENT:
            shorter = shortest_decimal(full)
            if size_problem(element, shorter) is None:
                values[index] = shorter
                out.respelled.append(Cut(where, element.max, full, shorter))
                continue
        identifier = is_identifier(spec, index)
        if problem[0] is TOO_LONG_ELEMENT and not identifier and not number:
            # X12.6 3.5.1.5: trailing spaces of an AN value are suppressed, so a cut ending in a space drops it.
            written = full[: element.max].rstrip(" ")
            if size_problem(element, written) is None:
                values[index] = written
                out.cuts.append(Cut(where, element.max, full, written))
                continue
        values[index] = ""
        out.cuts.append(Cut(where, element.max, full, "", _why(problem[0], element, number), identifier, number))
    while len(values) > 1 and not values[-1]:
        values.pop()


def _drop_partners(values: Elements, spec: SegmentSpec, cuts: Sequence[Cut]) -> None:
    """Leaves out the partners of an element left out under a paired syntax note (X12.6 3.6, P: if any is present,
    all are required): a volume's unit (M11-08) is not written without the volume (M11-07), nor the vessel code
    qualifier (M10-10) without the vessel code (M10-04). The partner is part of the value whose loss is listed."""
    left_out = {int(cut.element.rpartition("-")[2]) for cut in cuts if not cut.written}
    if not left_out:
        return
    for rule in spec.rules:
        kind, positions = parse_rule(rule)
        if kind == "P" and left_out.intersection(positions):
            for position in positions:
                if position < len(values):
                    values[position] = ""
    while len(values) > 1 and not values[-1]:
        values.pop()


def _why(problem: Message, element: Element, number: bool) -> tuple[str, str]:
    """Why a value was left out of ``element``, in English and Spanish."""
    if problem is TOO_SHORT_ELEMENT:
        pair = TOO_SHORT
    elif problem is BAD_NUMBER:
        pair = NOT_A_NUMBER
    else:
        pair = TOO_MANY_DIGITS if number else TOO_LONG
    return pair[0].format(min=element.min, max=element.max, type=element.type), pair[1].format(
        min=element.min, max=element.max, type=element.type
    )


def shortest_decimal(text: str) -> str:
    """An X12 R value spelt with as few digits as keep its value: the zeros after the last significant decimal
    digit and a lone zero before the decimal point are not digits of the number (``-0.500`` is ``-.5``)."""
    if "." not in text:
        return text
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text[len(sign) :].partition(".")
    fraction = fraction.rstrip("0")
    whole = whole.lstrip("0") if fraction else whole.lstrip("0") or "0"
    return sign + whole + ("." + fraction if fraction else "")


def _notice(values: Elements, spec: SegmentSpec, lines: Lines, out: Fitting, withheld: set[str]) -> None:
    segment = Segment(values, 0, 0, lines)
    for finding, index in check_segment(segment, spec):
        element = spec.elements[index - 1] if 0 < index <= len(spec.elements) else None
        if element is None or (index < len(values) and values[index]) or f"{spec.tag}-{index:02d}" in withheld:
            continue
        why = "M" if element.req == "M" else finding.message()
        out.notices.append(
            LEFT_EMPTY(element=f"{spec.tag}{index:02d}", name=element.name, why=why, location=f"{spec.tag}-{index:02d}")
        )


def recoded(fitting: Fitting, field: str, value: str, back: str | None) -> Diagnostic | None:
    """The X12410 finding of a model field whose value was transliterated (and perhaps cut after), or None."""
    for change in fitting.recoded:
        if change.full == value and back is not None and change.written.startswith(back):
            return OUTSIDE_CHARACTER_SET(
                field=field,
                value=value,
                written=back,
                chars=outside(value, in_extended_set),
                location=change.element,
            )
    return None


def withheld(cuts: Sequence[Cut], field: str, value: str, back: str | None) -> Diagnostic | None:
    """The finding of a model field left out because its element could not hold it whole (X12411 for a code or
    identifier, X12416 for another value), or None. M1101 may hold part of a bill number: the number without its
    issuer's SCAC (see bills.py)."""
    for cut in cuts:
        whole = cut.full == value or (field.endswith("document_number") and value.endswith(cut.full))
        whole = whole or (cut.number and same_number(cut.full, value))
        if not cut.written and cut.full and whole and back != value:
            message = WITHHELD if cut.identifier else NOT_HELD
            return message(
                field=field, value=value, element=cut.element, why=cut.why[0], why_es=cut.why[1], location=cut.element
            )
    return None


def respelled(fitting: Fitting, value: str, back: str | None) -> bool:
    """Whether ``value`` came back as ``back`` because the fitting wrote the same number with fewer digits."""
    return back is not None and any(
        change.full == value and change.written == back and same_number(value, back) for change in fitting.respelled
    )


def same_number(one: str, other: str) -> bool:
    """Whether two spellings are of the same decimal number (``12.500`` and ``12.5``)."""
    try:
        return Decimal(one) == Decimal(other)
    except InvalidOperation:
        return False


def shortened(cuts: Sequence[Cut], field: str, value: str, back: str | None) -> Diagnostic | None:
    """The X12402 finding of a model field whose value was cut (``back``, what reading the file gives, is what the
    cut wrote), or None when no cut explains the difference."""
    for cut in cuts:
        if cut.full == value and cut.written and cut.written == back:
            return SHORTENED(
                field=field, value=value, element=cut.element, max=cut.max, written=cut.written, location=cut.element
            )
    return None
