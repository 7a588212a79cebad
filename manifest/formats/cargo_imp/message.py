"""From lines to messages, and from a message's lines to records (a line identifier with its continuation lines).

A file may hold several messages, each opened by its standard message identification line (``FWB/16``) and
optionally preceded by the Type B envelope lines of the network that carried it (``QK MEXFFAM``,
``.LAXFFAM 151230``), which are kept so that writing gives them back.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from manifest.formats.cargo_imp.codes import (
    LINE_TOO_LONG,
    MISSING_LINE,
    STRAY_LINE,
    UNEXPECTED_LINE,
    UNKNOWN_LINE,
)
from manifest.formats.cargo_imp.grammar import MESSAGE_TYPES, PARTY_LINES, PARTY_SUBLINES, LineRule
from manifest.formats.cargo_imp.lines import LINE_LIMIT, Line
from manifest.formats.cargo_imp.sink import Sink

_SMI = re.compile(r"([A-Z]{3})/([0-9]{1,3})")
_ENVELOPE = re.compile(r"Q[A-Z] [A-Z0-9]{7}(?: [A-Z0-9]{7})*|\.[A-Z0-9]{7}(?: .*)?")


@dataclass(slots=True)
class RawMessage:
    kind: str
    version: str
    smi: Line
    body: list[Line] = field(default_factory=list)
    envelope: list[Line] = field(default_factory=list)


@dataclass(slots=True)
class Record:
    tag: str
    lines: list[Line]

    @property
    def first(self) -> Line:
        return self.lines[0]


def split_messages(lines: Iterable[Line]) -> tuple[list[RawMessage], list[Line]]:
    """The messages in order, and the lines found before any message that are not envelope lines."""
    before: list[Line] = []
    return list(each_message(lines, before)), before


def each_message(lines: Iterable[Line], before: list[Line]) -> Iterator[RawMessage]:
    """Each message once it is complete (the next one has started, or the lines have ended), so that a file can be
    read a message at a time; the lines found before any message that are not envelope lines go to ``before``."""
    current: RawMessage | None = None
    pending: list[Line] = []  # envelope lines waiting for their message
    for line in lines:
        if not line.text.strip():
            continue
        smi = _SMI.fullmatch(line.text.rstrip())
        if smi and smi.group(1) in MESSAGE_TYPES:
            if current is not None:
                yield current
            current = RawMessage(smi.group(1), smi.group(2), line, envelope=pending)
            pending = []
        elif _ENVELOPE.fullmatch(line.text):
            pending.append(line)
        elif current is not None:
            current.body.extend(pending)
            pending = []
            current.body.append(line)
        else:
            before.extend(pending)
            pending = []
            before.append(line)
    if current is not None:
        current.body.extend(pending)
        yield current


def check_lengths(message: RawMessage, sink: Sink) -> None:
    for line in [message.smi, *message.body]:
        if len(line.text) > LINE_LIMIT:
            sink.report(LINE_TOO_LONG, line, LINE_LIMIT + 1, "line", length=len(line.text), limit=LINE_LIMIT)


def group_records(body: Sequence[Line], rules: Sequence[LineRule], first: str | None, sink: Sink) -> list[Record]:
    """Lines grouped under their line identifier; ``first`` names the identifier-less first line (FWB AWB line)."""
    known = {rule.tag for rule in rules}
    records: list[Record] = []
    skipping = False
    for index, line in enumerate(body):
        tag = line.tag
        current = records[-1] if records else None
        if index == 0 and first is not None and not line.is_continuation and tag not in known:
            records.append(Record(first, [line]))
        elif line.is_continuation:
            if current is None:
                if not skipping:
                    sink.report(STRAY_LINE, line, 1, "line", value=line.text)
            elif not skipping:
                current.lines.append(line)
        elif tag in PARTY_SUBLINES and current is not None and current.tag in PARTY_LINES:
            current.lines.append(line)
        elif tag in known:
            records.append(Record(tag, [line]))
            skipping = False
        elif tag is not None:
            sink.report(UNKNOWN_LINE, line, 1, tag, value=tag)
            skipping = True
        else:
            sink.report(STRAY_LINE, line, 1, "line", value=line.text)
    return records


def check_structure(records: Sequence[Record], rules: Sequence[LineRule], smi: Line, sink: Sink) -> None:
    """Order, repetition and presence of the lines against the message's table."""
    index = {rule.tag: position for position, rule in enumerate(rules)}
    last = -1
    for record in records:
        position = index[record.tag]
        rule = rules[position]
        if position > last or (rule.repeats and (position == last or rule.opens_group)):
            last = position
            continue
        sink.report(UNEXPECTED_LINE, record.first, 1, record.tag, value=record.tag)
    seen = {record.tag for record in records}
    for rule in rules:
        if rule.mandatory and rule.tag not in seen:
            sink.report(MISSING_LINE, smi, 1, rule.tag, value=rule.tag, title=rule.title)
