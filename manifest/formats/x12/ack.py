"""The 997 Functional Acknowledgment a receiver (CBP ACE, SAT VUCEM) returns for an interchange.

X12 997 (004010): ST, AK1 (the group: GS01 and GS06), per transaction set an AK2 (ST01, ST02) with, per segment in
error, AK3 (segment tag, position in the set, loop, AK304 code) and AK4 (element position, AK403 code, copy of the
bad data), then AK5 (A accepted, E accepted with errors noted, R rejected; AK502 codes); AK9 for the group (AK901
A/E/P/R, sets included, received, accepted; AK905 codes); SE. One 997 set answers each functional group. The codes
come from the same findings the readers report (``messages.ACK_CODES``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from manifest.diagnostics import Diagnostic, Severity
from manifest.formats.x12 import ts309, ts358
from manifest.formats.x12.consist import Reader358
from manifest.formats.x12.delimiters import ISA_WIDTHS
from manifest.formats.x12.envelope import Finding, SetContext, SetHandler
from manifest.formats.x12.interchange import run_whole
from manifest.formats.x12.loops import Loop
from manifest.formats.x12.messages import (
    ACK_CODES,
    CONTROL_MISMATCH,
    COUNT_MISMATCH,
    MISSING_TRAILER,
    NOT_THIS_SET,
)
from manifest.formats.x12.read309 import Reader309
from manifest.formats.x12.writer import SegmentWriter, isa_elements
from manifest.slotted import record

# AK304 8: the segment has data element errors (its AK4s follow).
ELEMENT_ERRORS = "8"


@dataclass
class _SetAck:
    st01: str
    st02: str
    findings: list[Finding] = field(default_factory=list)


@dataclass
class _GroupAck:
    gs01: str
    gs06: str
    version: str
    sender: str  # GS02 of the group received
    receiver: str  # GS03
    sets: list[_SetAck] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)


def _factory(received: list[SetContext]) -> Callable[[SetContext], tuple[Loop, SetHandler[object]] | Diagnostic]:
    def factory(context: SetContext) -> tuple[Loop, SetHandler[object]] | Diagnostic:
        received.append(context)
        set_id = context.st.get(1)
        if set_id == "309":
            return ts309.map_for(context.version), Reader309(context, context.index)
        if set_id == "358":
            return ts358.map_for(context.version), Reader358(context, context.index)
        position = context.st.position(1)
        return NOT_THIS_SET(
            value=set_id,
            title=ts309.TITLES.get(set_id, "unknown"),
            title_es=ts309.TITLES_ES.get(set_id, "desconocido"),
            expected="309 or 358",
            expected_es="309 ni 358",
            expected_title="the X12 309 Customs Manifest and 358 Customs Consist",
            expected_title_es="el Manifiesto aduanero X12 309 y la Lista de carros para la aduana X12 358",
        ).at(position)

    return factory


@record
class Acknowledgement:
    """A 997 and whether it rejects anything: a transaction set (AK501 R) or a group, wholly or in part (AK901 R
    or P)."""

    data: bytes
    rejects: bool


def acknowledge(data: bytes, now: datetime | None = None) -> bytes:
    """The 997 for the interchange ``data``; raises ParseError when ``data`` is not an X12 interchange."""
    return acknowledgement(data, now).data


def acknowledgement(data: bytes, now: datetime | None = None) -> Acknowledgement:
    """The 997 for the interchange ``data`` and whether it rejects anything; raises ParseError when ``data`` is not
    an X12 interchange."""
    received: list[SetContext] = []
    _, findings, _ = run_whole(data, _factory(received))
    groups: dict[str, _GroupAck] = {}
    for context in received:
        gs = context.gs
        key = gs.get(6) if gs is not None else ""
        group = groups.setdefault(
            key,
            _GroupAck(gs.get(1) if gs else "", key, context.version, gs.get(2) if gs else "", gs.get(3) if gs else ""),
        )
        group.sets.append(_SetAck(context.st.get(1), context.st.get(2)))
    for finding in findings:
        owner = groups.get(finding.group) if finding.group is not None else None
        if owner is None:
            continue
        group = owner
        target = next((s for s in group.sets if s.st02 == finding.set_control), None) if finding.set_control else None
        (target.findings if target is not None else group.findings).append(finding)
    isa = received[0].isa if received else []
    return _write(isa, list(groups.values()), received[0].delimiters if received else None, now or datetime.now())


def _set_status(ack: _SetAck) -> tuple[str, list[str]]:
    codes: list[str] = []
    worst = Severity.INFO
    for finding in ack.findings:
        d = finding.diagnostic
        worst = max(worst, d.severity)
        code = ACK_CODES.get(d.code)
        if code is not None and code[0] == "AK5":
            codes.append(code[1])
        elif d.code == MISSING_TRAILER.code:
            codes.append("2")
        elif d.code == CONTROL_MISMATCH.code and d.location == "SE-02":
            codes.append("3")
        elif d.code == COUNT_MISMATCH.code and d.location == "SE-01":
            codes.append("4")
        elif d.severity is Severity.ERROR and d.code in ACK_CODES:
            codes.append("5")
    status = "R" if worst is Severity.ERROR else "E" if worst is Severity.WARNING else "A"
    return status, list(dict.fromkeys(codes))[:5]


def _group_codes(group: _GroupAck) -> list[str]:
    codes = []
    for finding in group.findings:
        d = finding.diagnostic
        if d.code == MISSING_TRAILER.code:
            codes.append("3")
        elif d.code == CONTROL_MISMATCH.code and d.location == "GE-02":
            codes.append("4")
        elif d.code == COUNT_MISMATCH.code and d.location == "GE-01":
            codes.append("5")
    return list(dict.fromkeys(codes))[:5]


def _write(isa: list[str], groups: list[_GroupAck], delimiters: object, now: datetime) -> Acknowledgement:
    from manifest.formats.x12.delimiters import Delimiters

    d = delimiters if isinstance(delimiters, Delimiters) else Delimiters(suffix="\n")
    writer = SegmentWriter(d)
    # The ISA is of fixed width (X12.5): a value received shorter than its element is padded, ISA13 with zeros.
    received = {f"x12.ISA.{i:02d}": _fixed_width(i, value) for i, value in enumerate(isa, start=1)}
    # The answer goes back: sender and receiver change places; the date and time are the receiver's.
    swapped = dict(received)
    for a, b in (("05", "07"), ("06", "08")):
        if f"x12.ISA.{a}" in received:
            swapped[f"x12.ISA.{a}"], swapped[f"x12.ISA.{b}"] = received[f"x12.ISA.{b}"], received[f"x12.ISA.{a}"]
    swapped.pop("x12.ISA.09", None)
    swapped.pop("x12.ISA.10", None)
    swapped["x12.ISA.14"] = "0"
    writer.segments.append(["ISA", *isa_elements(swapped, {}, now)])
    for number, group in enumerate(groups, start=1):
        control = f"{number:04d}"
        start = len(writer.segments)
        writer.add(
            "GS",
            "FA",
            group.receiver or "RECEIVER",
            group.sender or "SENDER",
            now.strftime("%Y%m%d"),
            now.strftime("%H%M"),
            str(number),
            "X",
            group.version or "004010",
        )
        writer.add("ST", "997", control)
        writer.add("AK1", group.gs01, group.gs06)
        accepted = 0
        for ack in group.sets:
            writer.add("AK2", ack.st01, ack.st02)
            _segment_errors(writer, ack)
            status, codes = _set_status(ack)
            accepted += status != "R"
            writer.add("AK5", status, *codes)
        group_codes = _group_codes(group)
        received_sets = len(group.sets)
        status = "A" if accepted == received_sets and not group_codes else "R" if accepted == 0 else "P"
        if status == "A" and any(_set_status(s)[0] == "E" for s in group.sets):
            status = "E"
        writer.add("AK9", status, str(received_sets), str(received_sets), str(accepted), *group_codes)
        writer.add("SE", str(len(writer.segments) - start), control)
        writer.add("GE", "1", str(number))
    writer.add("IEA", str(len(groups)), writer.segments[0][13])
    rejects = any(segment[0] in ("AK5", "AK9") and segment[1] in ("R", "P") for segment in writer.segments)
    return Acknowledgement(writer.text().encode("utf-8"), rejects)


def _fixed_width(position: int, value: str) -> str:
    """``value`` of ISA element ``position`` at its fixed width; a longer one is kept whole, never cut."""
    width = ISA_WIDTHS[position - 1] if position <= len(ISA_WIDTHS) else len(value)
    return value.zfill(width) if position == 13 and value.isdigit() else value.ljust(width)


def _segment_errors(writer: SegmentWriter, ack: _SetAck) -> None:
    by_segment: dict[int, list[Finding]] = {}
    for finding in ack.findings:
        code = ACK_CODES.get(finding.diagnostic.code)
        if code is None or code[0] not in ("AK3", "AK4") or finding.segment_position is None:
            continue
        by_segment.setdefault(finding.segment_position, []).append(finding)
    for position, found in sorted(by_segment.items()):
        first = found[0]
        segment_codes = [ACK_CODES[f.diagnostic.code][1] for f in found if ACK_CODES[f.diagnostic.code][0] == "AK3"]
        writer.add(
            "AK3",
            first.segment_tag or "",
            str(position),
            first.loop or "",
            segment_codes[0] if segment_codes else ELEMENT_ERRORS,
        )
        for f in found:
            kind, element_code = ACK_CODES[f.diagnostic.code]
            if kind == "AK4":
                writer.add("AK4", str(f.element), "", element_code, (f.diagnostic.value or "")[:99])
