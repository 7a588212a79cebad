"""One finding per fault: what several layers found at the same place becomes one finding under its most specific code.

The three layers check some values more than once, each in its own words: a pedimento number with one space between
groups breaks the pattern of SAT's XSD (CP101), the Carta Porte reader's own check (CP210) and the catalogue rule of
the SAT profile (SAT-CP-013); a party that two consignments share is checked once per consignment, at the one place
it is written. Reported as they come, one fault would count three times in the summary and in the decision to
convert. :func:`one_per_fault` keeps one finding per fault and names the other codes in its ``also``.

Two findings are the same fault when they stand at the same line, column and format address and:

- both carry the same value; two different values at one place, or a value and a finding without one, stay apart;
- or neither carries a value and they have the same code and field name (``name`` of ``consignments[1].parties[0]
  .name``): two missing fields reported at the segment that should hold them are two faults, the same missing field
  of a party shared by two consignments is one;
- or one is a generic validator's (:data:`GENERIC`: the schema's message, which does not repeat the value) and the
  other is the only finding with a value at that place.

Two different codes of the same layer on one value are two faults (a master air waybill number with a wrong check
digit that also names no waybill of the manifest): a group is one finding only when a single code is the most
specific in it. The finding kept is that code's (see :func:`specificity`): a rule of the catalogue, which names the
agency requirement of the chosen profile and is what a user configures; then a reader's own check of the format,
which names the attribute or element in the format's terms; last a generic validator's message. Its severity is the
worst of the group, so a fault that one layer calls an error stays an error whatever another layer says of it.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from manifest.core.paths import last_name
from manifest.diagnostics import Diagnostic

# Codes whose findings are a generic validator's words on a value that other layers check in their own terms: the
# SAT XSDs' facets (pattern, enumeration, length) as libxml2 reports them.
GENERIC: frozenset[str] = frozenset({"CP101"})

_Key = tuple[int, int | None, str | None, str | None, str | None]


@cache
def _catalogue_codes() -> frozenset[str]:
    from manifest.requirements.definitions import load_catalogue

    return frozenset(rule.code for rule in load_catalogue())


def specificity(code: str) -> int:
    """0 for a catalogue rule, 1 for a reader's check of its format, 2 for a generic validator's message."""
    if code in _catalogue_codes():
        return 0
    return 2 if code in GENERIC else 1


def one_per_fault(findings: Iterable[Diagnostic]) -> list[Diagnostic]:
    """``findings`` with each fault once, in the order of the first finding of each fault; see the module's
    docstring. Findings without a line are kept as they are."""
    groups: dict[_Key, list[Diagnostic]] = {}
    order: list[list[Diagnostic]] = []
    generic: list[Diagnostic] = []
    for finding in findings:
        if finding.line is None:
            order.append([finding])
            continue
        if finding.value is None and finding.code in GENERIC:
            generic.append(finding)
            continue
        key = _key(finding)
        group = groups.get(key)
        if group is None:
            group = groups[key] = []
            order.append(group)
        group.append(finding)
    by_place: dict[tuple[int, int | None, str | None], list[list[Diagnostic]]] = {}
    for key, group in groups.items():
        if key[3] is not None:
            by_place.setdefault(key[:3], []).append(group)
    for finding in generic:
        candidates = by_place.get((finding.line or 0, finding.column, finding.location), [])
        if len(candidates) == 1:
            candidates[0].append(finding)
        else:
            order.append([finding])
    return [merged for group in order for merged in _merged(group)]


def _key(finding: Diagnostic) -> _Key:
    """The place and value of a finding; a finding without a value by its code and the name of its field instead
    (``name`` of ``consignments[1].parties[0].name``: the same party's name reached from another consignment)."""
    if finding.value is not None:
        return (finding.line or 0, finding.column, finding.location, finding.value, None)
    name = last_name(finding.field) if finding.field else ""
    return (finding.line or 0, finding.column, finding.location, None, f"{finding.code} {name}")


def _merged(group: list[Diagnostic]) -> list[Diagnostic]:
    """One finding for ``group`` when a single code is the most specific in it; otherwise (two rules of the catalogue
    on one value: a wrong check digit and a reference to nothing are two faults) one finding per code."""
    if len(group) == 1:
        return group
    codes = {d.code for d in group}
    top = min(specificity(code) for code in codes)
    if sum(1 for code in codes if specificity(code) == top) > 1:
        return [_one([d for d in group if d.code == code]) for code in dict.fromkeys(d.code for d in group)]
    return [_one(group)]


def _one(group: list[Diagnostic]) -> Diagnostic:
    if len(group) == 1:
        return group[0]
    kept = min(group, key=lambda d: (specificity(d.code), -d.severity))
    others = sorted({d.code for d in group} - {kept.code}, key=lambda code: (specificity(code), code))
    worst = max(d.severity for d in group)
    if not others and worst == kept.severity:
        return kept
    return Diagnostic(
        definition=kept.definition,
        severity=worst,
        args=kept.args,
        line=kept.line,
        column=kept.column,
        location=kept.location,
        field=kept.field,
        value=kept.value,
        source=kept.source,
        also=(*kept.also, *(code for code in others if code not in kept.also)),
        related=kept.related,
    )
