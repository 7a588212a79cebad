"""Checking one segment's elements against the dictionary (X12.6 section 3: data element attributes).

Findings come back as ``(diagnostic, element index)`` so that a 997 can name the element (AK401). Empty elements
are "not used"; lengths of numeric types count digits only (X12.6: the sign and the decimal point are not counted).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from datetime import date
from functools import cache
from typing import Any

from manifest.diagnostics import Diagnostic, Message
from manifest.formats.readers import SEPARATOR_LIMIT, ascii_digits
from manifest.formats.x12 import messages as m
from manifest.formats.x12.dictionary import Element, SegmentSpec
from manifest.formats.x12.tokens import Segment

Finding = tuple[Diagnostic, int]

_INTEGER = re.compile(r"-?[0-9]+")
_DECIMAL = re.compile(r"-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)")
_DATE6 = re.compile(r"[0-9]{6} *")
_HHMM = r"([01][0-9]|2[0-3])[0-5][0-9]"
_TIME = re.compile(_HHMM + r"(?:[0-5][0-9](?:[0-9]{1,2})?)?")
_INTERCHANGE_TIME = re.compile(_HHMM)
_RULE = re.compile(r"([PRECL])((?:[0-9]{2})+)")


def parse_date(text: str) -> date | None:
    """A CCYYMMDD date (X12 DT), or None."""
    if len(text) != 8 or not ascii_digits(text):
        return None
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:]))
    except ValueError:
        return None


def parse_short_date(text: str) -> date | None:
    """A six-digit YYMMDD date padded to eight with spaces, as older senders write it; 2000-2099 assumed."""
    if _DATE6.fullmatch(text) is None:
        return None
    try:
        return date(2000 + int(text[:2]), int(text[2:4]), int(text[4:6]))
    except ValueError:
        return None


def interchange_date_time(segment: Segment) -> list[Finding]:
    """ISA09 (I08, interchange date) and ISA10 (I09, interchange time) of an ISA: X12.5 gives them as YYMMDD and
    HHMM in fields of fixed width. A value of another width is the ISA's width fault (told where the delimiters are
    found), not a second one here."""
    findings: list[Finding] = []
    found_date = segment.get(9)
    if len(found_date) == 6 and parse_short_date(found_date) is None:
        findings.append((_isa_report(m.BAD_DATE, segment, 9, "Interchange Date", format="YYMMDD"), 9))
    found_time = segment.get(10)
    if len(found_time) == 4 and _INTERCHANGE_TIME.fullmatch(found_time) is None:
        findings.append((_isa_report(m.BAD_TIME, segment, 10, "Interchange Time", format="HHMM"), 10))
    return findings


def _isa_report(message: Message, segment: Segment, index: int, name: str, **extra: Any) -> Diagnostic:
    value = segment.get(index)
    return message(value=value, ref=f"ISA{index:02d}", name=name, **extra).at(segment.position(index))


def _element_pattern(element: Element) -> str:
    kind = element.type
    low, high = element.min, element.max
    if kind == "R":
        # Digits are counted without the sign and the decimal point (X12.6); at most one point.
        body = rf"-?(?=(?:\.?[0-9]){{{low},{high}}}\.?(?:\x1f|$))[0-9]*\.?[0-9]*"
    elif kind[0] == "N":
        body = rf"-?[0-9]{{{low},{high}}}"
    elif kind == "DT":
        body = rf"[0-9]{{{low},{high}}}"
    elif kind == "TM":
        body = _TIME.pattern
    elif element.codes is not None:
        body = "|".join(re.escape(code) for code in sorted(element.codes))
    else:
        body = rf"[^\x1f]{{{low},{high}}}"
    return f"(?:{body})" if element.req == "M" else f"(?:{body})?"


class Checker:
    """The checks of one segment spec compiled once: a pattern accepting exactly the segments whose elements all
    pass (dates are then checked as dates) and the syntax notes as (kind, element numbers) pairs. Segments that pass
    the pattern and every note cost one regular expression match; the others are checked element by element to say
    what is wrong."""

    __slots__ = ("dates", "match", "rules", "spec")

    def __init__(self, spec: SegmentSpec) -> None:
        tail = ""
        optional_tail = True
        for element in reversed(spec.elements):
            part = r"\x1f" + _element_pattern(element) + tail
            optional_tail = optional_tail and element.req != "M"
            tail = f"(?:{part})?" if optional_tail else part
        self.spec = spec
        self.match = re.compile(re.escape(spec.tag) + tail).fullmatch
        self.dates = tuple(i for i, e in enumerate(spec.elements, start=1) if e.type == "DT")
        self.rules = tuple(parse_rule(rule) for rule in spec.rules)

    def __call__(self, segment: Segment) -> list[Finding]:
        elements = segment.elements
        joined = "\x1f".join(elements)
        # A separator character inside data would shift the elements the pattern sees: such a segment goes the slow
        # way.
        if self.match(joined) is None or joined.count("\x1f") != len(elements) - 1:
            return _check_slowly(segment, self.spec)
        for i in self.dates:
            if i < len(elements) and elements[i] and parse_date(elements[i]) is None:
                return _check_slowly(segment, self.spec)
        for kind, numbers in self.rules:
            if not _holds(kind, numbers, elements):
                return [finding for rule in self.spec.rules for finding in _check_rule(segment, self.spec.tag, rule)]
        return []


def checker(spec: SegmentSpec) -> Checker:
    """The compiled checks of ``spec``, built on first use and kept with it."""
    found = spec.memo.get("checker")
    if found is None:
        found = spec.memo["checker"] = Checker(spec)
    return found  # type: ignore[return-value]


class Checkers(dict[str, "Checker | None"]):
    """The checks of a dictionary's segments by tag (None for a tag it does not define), each compiled when a
    segment of its tag first comes: a 309 uses a few dozen of the dictionary's segments, and compiling the pattern of
    every one of them took a sixth of checking a small file."""

    __slots__ = ("specs",)

    def __init__(self, specs: Mapping[str, SegmentSpec]) -> None:
        super().__init__()
        self.specs = specs

    def __missing__(self, tag: str) -> Checker | None:
        spec = self.specs.get(tag)
        made = self[tag] = None if spec is None else checker(spec)
        return made


def check_segment(segment: Segment, spec: SegmentSpec) -> list[Finding]:
    return checker(spec)(segment)


def _holds(kind: str, numbers: tuple[int, ...], elements: list[str]) -> bool:
    """Whether a syntax note (X12.6 3.6: P paired, R required, E exclusion, C conditional, L list) is met."""
    size = len(elements)
    if kind == "C" or kind == "L":
        first = numbers[0]
        if first >= size or not elements[first]:
            return True
        rest = [n < size and bool(elements[n]) for n in numbers[1:]]
        return all(rest) if kind == "C" else any(rest)
    present = sum(1 for n in numbers if n < size and elements[n])
    if kind == "P":
        return present == 0 or present == len(numbers)
    if kind == "R":
        return present > 0
    return present <= 1  # E


def _check_slowly(segment: Segment, spec: SegmentSpec) -> list[Finding]:
    findings: list[Finding] = []
    elements = segment.elements
    specs = spec.elements
    count = len(elements) - 1
    if count > len(specs):
        # A long segment of more than 99 elements was cut at the 99th (MF006): how many it had is not known.
        said = f"{count}+" if count == SEPARATOR_LIMIT else count
        findings.append(
            (
                m.TOO_MANY_ELEMENTS(tag=spec.tag, count=said, max=len(specs)).at(segment.position(len(specs) + 1)),
                len(specs) + 1,
            )
        )
    for index, element in enumerate(specs, start=1):
        value = elements[index] if index <= count else ""
        if not value:
            if element.req == "M":
                findings.append((_report(m.MISSING_ELEMENT, segment, index, element, value), index))
            continue
        problem = _element_problem(element, value)
        if problem is not None:
            message, extra = problem
            findings.append((_report(message, segment, index, element, value, **extra), index))
    for rule in spec.rules:
        findings.extend(_check_rule(segment, spec.tag, rule))
    return findings


def _element_problem(element: Element, value: str) -> tuple[Message, dict[str, object]] | None:
    kind = element.type
    if kind == "DT":
        if parse_date(value) is not None:
            return None
        short = parse_short_date(value)
        if short is not None:
            return m.PADDED_DATE, {"date": short.isoformat()}
        return m.BAD_DATE, {"format": "CCYYMMDD"}
    if kind == "TM":
        if _TIME.fullmatch(value) is None:
            return m.BAD_TIME, {"format": "HHMM[SS[d..]]"}
        return None
    if kind[0] not in "RN" and element.codes is not None and value not in element.codes:
        return m.BAD_CODE, {"data_element": element.ref, "codes": ", ".join(sorted(element.codes))}
    return size_problem(element, value)


def size_problem(element: Element, value: str) -> tuple[Message, dict[str, object]] | None:
    """Whether ``value`` is of the type and length ``element`` holds (X12.6 3.5): a number of an R or N element
    (BAD_NUMBER), too short (TOO_SHORT) or too long (TOO_LONG), or None. The length of a number counts its digits
    only, without the sign and the decimal point (X12.6 section 3.5, data element types N and R)."""
    kind = element.type
    if kind == "R" or kind[0] == "N":
        pattern = _DECIMAL if kind == "R" else _INTEGER
        if pattern.fullmatch(value) is None:
            return m.BAD_NUMBER, {"type": kind}
        length = len(value) - value.startswith("-") - ("." in value)
    else:
        length = len(value)
    if length < element.min:
        return m.TOO_SHORT, {"min": element.min}
    if length > element.max:
        return m.TOO_LONG, {"max": element.max}
    return None


@cache
def parse_rule(rule: str) -> tuple[str, tuple[int, ...]]:
    """A syntax note (X12.6 3.6) as its kind and the element positions it names: ``P0708`` is ("P", (7, 8))."""
    match = _RULE.fullmatch(rule)
    if match is None:
        raise ValueError(f"bad X12 syntax note {rule!r}")
    digits = match.group(2)
    return match.group(1), tuple(int(digits[i : i + 2]) for i in range(0, len(digits), 2))


def _check_rule(segment: Segment, tag: str, rule: str) -> Iterator[Finding]:
    kind, numbers = parse_rule(rule)
    elements = segment.elements
    size = len(elements)
    present = [n for n in numbers if n < size and elements[n]]
    if kind == "P" and (not present or len(present) == len(numbers)):
        return
    if kind in "CL" and numbers[0] not in present:
        return
    names = ", ".join(f"{tag}{n:02d}" for n in numbers)
    label = rule
    if kind == "P" and present and len(present) < len(numbers):
        first_missing = next(n for n in numbers if n not in present)
        yield (
            m.RULE_PAIRED(rule=label, elements=names, missing=f"{tag}{first_missing:02d}").at(
                segment.position(first_missing)
            ),
            first_missing,
        )
    elif kind == "R" and not present:
        yield m.RULE_REQUIRED(rule=label, elements=names).at(segment.position(numbers[0])), numbers[0]
    elif kind == "E" and len(present) > 1:
        yield m.RULE_EXCLUSION(rule=label, elements=names).at(segment.position(present[1])), present[1]
    elif kind in "CL" and numbers[0] in present:
        rest = numbers[1:]
        others = ", ".join(f"{tag}{n:02d}" for n in rest)
        missing = [n for n in rest if n not in present]
        if kind == "C" and missing:
            yield (
                m.RULE_CONDITIONAL(
                    rule=label,
                    first=f"{tag}{numbers[0]:02d}",
                    elements=others,
                    missing=f"{tag}{missing[0]:02d}",
                ).at(segment.position(missing[0])),
                missing[0],
            )
        elif kind == "L" and len(missing) == len(rest):
            yield (
                m.RULE_LIST(rule=label, first=f"{tag}{numbers[0]:02d}", elements=others).at(segment.position(rest[0])),
                rest[0],
            )


def _report(message: Message, segment: Segment, index: int, element: Element, value: str, **extra: Any) -> Diagnostic:
    ref = f"{segment.tag}{index:02d}"
    return message(value=value or None, ref=ref, name=element.name, **extra).at(segment.position(index))
