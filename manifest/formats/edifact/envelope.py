"""The service segments around messages: UNB/UNZ (interchange), UNG/UNE (group) and UNH/UNT (message).

:class:`Envelope` is fed every segment in order and says what each one is to the message reader: a service
segment it consumed, the start, body or end of a message, or data outside any message. It checks what ISO 9735
requires of the envelope (mandatory elements, matching references, counts of segments, messages and groups) and
reports every fault in its sink, so that a broken envelope never stops the messages inside it from being read.
"""

from __future__ import annotations

import re
from datetime import datetime
from enum import Enum

from manifest.diagnostics import Diagnostic
from manifest.formats.edifact.codes import (
    BAD_VALUE,
    COUNT_MISMATCH,
    DUPLICATE_REFERENCE,
    MISSING_ELEMENT,
    MISSING_TRAILER,
    MISSING_UNB,
    OUTSIDE_MESSAGE,
    REFERENCE_MISMATCH,
    UNEXPECTED_TRAILER,
)
from manifest.formats.edifact.segments import Segment
from manifest.slotted import record


class Kind(Enum):
    SERVICE = "service"  # UNB, UNZ, UNG, UNE: consumed by the envelope
    START = "start"  # UNH
    BODY = "body"
    END = "end"  # UNT
    OUTSIDE = "outside"  # a data segment with no open message (reported)


@record
class InterchangeHeader:
    """UNB: S001 syntax identifier, S002 sender, S003 recipient, S004 date/time, 0020 control reference."""

    segment: Segment

    @property
    def syntax(self) -> str:
        return self.segment.get(1, 1)

    @property
    def version(self) -> str:
        return self.segment.get(1, 2)

    @property
    def reference(self) -> str:
        return self.segment.get(5)


@record
class MessageHeader:
    """UNH: 0062 message reference, S009 message identifier (0065 type : 0052 version : 0054 release : 0051
    agency : 0057 association assigned code)."""

    segment: Segment
    interchange: InterchangeHeader | None

    @property
    def reference(self) -> str:
        return self.segment.get(1)

    @property
    def type(self) -> str:
        return self.segment.get(2, 1)

    @property
    def identifier(self) -> list[str]:
        return self.segment.components(2)


# (element, component, data element, name) of the mandatory values of each service segment (ISO 9735-1 and -2).
_MANDATORY: dict[str, tuple[tuple[int, int, str, str], ...]] = {
    "UNB": (
        (1, 1, "0001", "syntax identifier"),
        (1, 2, "0002", "syntax version number"),
        (2, 1, "0004", "interchange sender identification"),
        (3, 1, "0010", "interchange recipient identification"),
        (4, 1, "0017", "date of preparation"),
        (4, 2, "0019", "time of preparation"),
        (5, 1, "0020", "interchange control reference"),
    ),
    "UNZ": ((1, 1, "0036", "interchange control count"), (2, 1, "0020", "interchange control reference")),
    "UNG": ((5, 1, "0048", "group reference number"),),
    "UNE": ((1, 1, "0060", "number of messages"), (2, 1, "0048", "group reference number")),
    "UNH": (
        (1, 1, "0062", "message reference number"),
        (2, 1, "0065", "message type"),
        (2, 2, "0052", "message version number"),
        (2, 3, "0054", "message release number"),
        (2, 4, "0051", "controlling agency"),
    ),
    "UNT": ((1, 1, "0074", "number of segments in the message"), (2, 1, "0062", "message reference number")),
}

_DATE6 = re.compile(r"[0-9][0-9](0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])\Z")
_DATE8 = re.compile(r"[0-9]{4}(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])\Z")
_TIME = re.compile(r"([01][0-9]|2[0-3])[0-5][0-9]\Z")
_COUNT = re.compile(r"[0-9]{1,10}\Z")


def _real_date(text: str) -> bool:
    try:
        datetime.strptime(text, "%Y%m%d" if len(text) == 8 else "%y%m%d")
    except ValueError:
        return False
    return True


# The service segments that open or close an envelope level (ISO 9735-1 section 7): any other tag inside an open
# message is part of its body.
SERVICE_TAGS = frozenset(("UNB", "UNZ", "UNG", "UNE", "UNH", "UNT"))


class Envelope:
    """Feed it every segment with :meth:`accept`; a reader in a hurry may skip the call for a segment it sees to be
    a body segment (``message`` open and a tag not in :data:`SERVICE_TAGS`): a message's segments are counted from
    the ordinal numbers of its UNH and UNT."""

    __slots__ = (
        "_group",
        "_group_messages",
        "_groups",
        "_interchange_messages",
        "_missing_unb_reported",
        "_references",
        "interchange",
        "message",
        "sink",
    )

    def __init__(self, sink: list[Diagnostic]) -> None:
        self.sink = sink
        self.interchange: InterchangeHeader | None = None
        self.message: MessageHeader | None = None
        self._group: Segment | None = None
        self._groups = 0
        self._group_messages = 0
        self._interchange_messages = 0
        self._references: set[str] = set()
        self._missing_unb_reported = False

    def accept(self, segment: Segment) -> Kind:
        tag = segment.tag
        if self.message is not None:
            if tag == "UNT":
                self._end_message(segment)
                return Kind.END
            if tag not in SERVICE_TAGS:
                return Kind.BODY
            self._unclosed(self.message.segment, "UNT")
            self.message = None
        if tag == "UNH":
            self._start_message(segment)
            return Kind.START
        if tag == "UNB":
            self._start_interchange(segment)
        elif tag == "UNZ":
            self._end_interchange(segment)
        elif tag == "UNG":
            self._start_group(segment)
        elif tag == "UNE":
            self._end_group(segment)
        elif tag == "UNT":
            self.sink.append(UNEXPECTED_TRAILER(trailer="UNT", header="UNH").at(segment.position()))
        else:
            self.sink.append(OUTSIDE_MESSAGE(tag=tag).at(segment.position()))
            return Kind.OUTSIDE
        return Kind.SERVICE

    def close(self) -> None:
        """End of data: every header still open lacks its trailer."""
        if self.message is not None:
            self._unclosed(self.message.segment, "UNT")
            self.message = None
        if self._group is not None:
            self._unclosed(self._group, "UNE")
            self._group = None
        if self.interchange is not None:
            self._unclosed(self.interchange.segment, "UNZ")
            self.interchange = None

    # -- interchange -------------------------------------------------------------------------------------------
    def _start_interchange(self, segment: Segment) -> None:
        self.close()
        self._mandatory(segment)
        self.interchange = InterchangeHeader(segment)
        self._interchange_messages = 0
        self._groups = 0
        self._references = set()
        version = segment.get(1, 2)
        date, time = segment.get(4, 1), segment.get(4, 2)
        # ISO 9735 S004: 0017 is YYMMDD up to syntax version 3 and CCYYMMDD in version 4.
        pattern = _DATE8 if version == "4" else _DATE6
        if date and not (pattern.match(date) and _real_date(date)):
            self.sink.append(
                BAD_VALUE(
                    segment="UNB",
                    value=date,
                    name="date of preparation (0017, " + ("CCYYMMDD" if version == "4" else "YYMMDD") + ")",
                ).at(segment.position(4, 1))
            )
        if time and not _TIME.match(time):
            self.sink.append(
                BAD_VALUE(segment="UNB", value=time, name="time of preparation (0019, HHMM)").at(segment.position(4, 2))
            )
        if version and version not in ("1", "2", "3", "4"):
            self.sink.append(
                BAD_VALUE(segment="UNB", value=version, name="syntax version number (0002: 1 to 4)").at(
                    segment.position(1, 2)
                )
            )

    def _end_interchange(self, segment: Segment) -> None:
        if self._group is not None:
            self._unclosed(self._group, "UNE")
            self._group = None
        if self.interchange is None:
            self.sink.append(UNEXPECTED_TRAILER(trailer="UNZ", header="UNB").at(segment.position()))
            return
        self._mandatory(segment)
        # ISO 9735 0036: the number of groups when the interchange has groups, else of messages.
        actual = self._groups if self._groups else self._interchange_messages
        self._count(segment, actual, "messages or groups", "mensajes o grupos")
        self._reference(segment, 2, self.interchange.reference, "UNB")
        self.interchange = None

    # -- group -------------------------------------------------------------------------------------------------
    def _start_group(self, segment: Segment) -> None:
        if self._group is not None:
            self._unclosed(self._group, "UNE")
        self._mandatory(segment)
        self._group = segment
        self._groups += 1
        self._group_messages = 0

    def _end_group(self, segment: Segment) -> None:
        if self._group is None:
            self.sink.append(UNEXPECTED_TRAILER(trailer="UNE", header="UNG").at(segment.position()))
            return
        self._mandatory(segment)
        self._count(segment, self._group_messages, "messages", "mensajes")
        self._reference(segment, 2, self._group.get(5), "UNG")
        self._group = None

    # -- message -----------------------------------------------------------------------------------------------
    def _start_message(self, segment: Segment) -> None:
        self._mandatory(segment)
        if self.interchange is None and not self._missing_unb_reported:
            self._missing_unb_reported = True
            self.sink.append(MISSING_UNB(reference=segment.get(1)).at(segment.position()))
        reference = segment.get(1)
        if reference in self._references:
            self.sink.append(DUPLICATE_REFERENCE(value=reference).at(segment.position(1, 1)))
        self._references.add(reference)
        self.message = MessageHeader(segment, self.interchange)
        self._interchange_messages += 1
        self._group_messages += 1

    def _end_message(self, segment: Segment) -> None:
        assert self.message is not None
        self._mandatory(segment)
        # ISO 9735 0074: the segments of the message, UNH and UNT included (segments are numbered in file order).
        self._count(segment, segment.number - self.message.segment.number + 1, "segments", "segmentos")
        self._reference(segment, 2, self.message.reference, "UNH")
        self.message = None

    # -- checks ------------------------------------------------------------------------------------------------
    def _mandatory(self, segment: Segment) -> None:
        for element, component, code, name in _MANDATORY[segment.tag]:
            if not segment.get(element, component):
                self.sink.append(
                    MISSING_ELEMENT(segment=segment.tag, element=code, name=name).at(
                        segment.position(element, component)
                    )
                )

    def _count(self, segment: Segment, actual: int, what: str, what_es: str) -> None:
        declared = segment.get(1)
        if not declared:
            return
        if not _COUNT.match(declared):
            self.sink.append(BAD_VALUE(segment=segment.tag, value=declared, name="count").at(segment.position(1, 1)))
        elif int(declared) != actual:
            self.sink.append(
                COUNT_MISMATCH(trailer=segment.tag, value=declared, what=what, what_es=what_es, actual=actual).at(
                    segment.position(1, 1)
                )
            )

    def _reference(self, segment: Segment, element: int, expected: str, header: str) -> None:
        found = segment.get(element)
        if found and expected and found != expected:
            self.sink.append(
                REFERENCE_MISMATCH(trailer=segment.tag, header=header, value=found, expected=expected).at(
                    segment.position(element, 1)
                )
            )

    def _unclosed(self, header: Segment, trailer: str) -> None:
        reference = header.get(5) if header.tag == "UNG" else header.get(5 if header.tag == "UNB" else 1)
        self.sink.append(MISSING_TRAILER(header=header.tag, reference=reference, trailer=trailer).at(header.position()))
