"""Making written segments fit the element dictionary (X12.6 section 3), and saying what that cost.

A writer fills elements from the model; a value longer than its element's maximum length would give an interchange
that its receiver (and this project's own reader) rejects. Strings (type AN) are cut to the maximum length and the
cut is reported; an identifier (type ID) cut short would name something else, so one that does not fit is left
out instead (the comparison of the written file with the model then lists it as not carried). Numbers, dates and
times come from typed model fields and are written in their X12 form already.

A mandatory element (X12.6 3.5.2: requirement designator M, "shall be present") or one a syntax note requires
(X12.6 3.6: P paired, R at least one, C conditional, L list) for which the model has no value is not invented: it is
written empty, since any value would be a false statement to customs, and it is reported so that the sender can
supply it before filing. That report is a note of the written file (``Written.notes``), not a loss: no model value
is left behind.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from manifest.diagnostics import Diagnostic, Severity, define
from manifest.formats.charsets import outside, transliterate
from manifest.formats.x12.dictionary import ENVELOPE, SegmentSpec, dictionary_for
from manifest.formats.x12.syntax import check_segment
from manifest.formats.x12.tokens import Lines, Segment
from manifest.formats.x12.writer import Elements

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


@dataclass(frozen=True, slots=True)
class Cut:
    """One value the dictionary made shorter (``written`` empty: an identifier left out)."""

    element: str  # e.g. "M11-01"
    max: int
    full: str
    written: str


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


def fit_sets(sets: Sequence[list[Elements]], version: str) -> Fitting:
    """Fits every segment of ``sets`` in place to the dictionary of ``version`` (a GS08 value)."""
    specs: Mapping[str, SegmentSpec] = {**ENVELOPE, **(dictionary_for(version) or {})}
    out = Fitting([], [])
    lines = Lines("")
    for segments in sets:
        for values in segments:
            _recode(values, out)
            spec = specs.get(values[0])
            if spec is not None:
                _fit(values, spec, out)
                _notice(values, spec, lines, out)
    return out


def _recode(values: Elements, out: Fitting) -> None:
    for index in range(1, len(values)):
        value = values[index]
        if not value.isascii() or not value.isprintable():
            written = transliterate(value, in_extended_set)
            if written != value:
                values[index] = written
                out.recoded.append(Cut(f"{values[0]}-{index:02d}", len(written), value, written))


def _fit(values: Elements, spec: SegmentSpec, out: Fitting) -> None:
    for index, element in enumerate(spec.elements, start=1):
        if index >= len(values) or len(values[index]) <= element.max or element.type not in ("AN", "ID"):
            continue
        full = values[index]
        # X12.6 3.5.1.5: trailing spaces of an AN value are suppressed, so a cut ending in a space drops it.
        written = full[: element.max].rstrip(" ") if element.type == "AN" else ""
        values[index] = written
        out.cuts.append(Cut(f"{spec.tag}-{index:02d}", element.max, full, written))
    while len(values) > 1 and not values[-1]:
        values.pop()


def _notice(values: Elements, spec: SegmentSpec, lines: Lines, out: Fitting) -> None:
    segment = Segment(values, 0, 0, lines)
    for finding, index in check_segment(segment, spec):
        element = spec.elements[index - 1] if 0 < index <= len(spec.elements) else None
        if element is None or (index < len(values) and values[index]):
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


def shortened(cuts: Sequence[Cut], field: str, value: str, back: str | None) -> Diagnostic | None:
    """The X12402 finding of a model field whose value was cut (``back``, what reading the file gives, is what the
    cut wrote), or None when no cut explains the difference."""
    for cut in cuts:
        if cut.full == value and cut.written and cut.written == back:
            return SHORTENED(
                field=field, value=value, element=cut.element, max=cut.max, written=cut.written, location=cut.element
            )
    return None
