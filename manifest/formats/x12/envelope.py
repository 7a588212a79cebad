"""The interchange envelope: ISA/IEA, GS/GE and ST/SE checked against each other, and each set handed on.

X12.5: IEA02 repeats ISA13, IEA01 counts the functional groups; GE02 repeats GS06, GE01 counts the transaction
sets; SE02 repeats ST02 and SE01 counts the segments of the set including ST and SE. GS08 names the version of the
sets in the group and must belong to the version of the interchange (ISA12). The checker is fed segments one by one
and passes each segment of a transaction set, already placed in its loop and checked against the dictionary, to the
handler the caller supplies for that set; findings carry what a 997 needs (group, set, segment position, loop,
element).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Generic, Protocol, TypeVar

from manifest.diagnostics import Diagnostic
from manifest.formats.readers import ascii_digits
from manifest.formats.x12 import messages as m
from manifest.formats.x12.delimiters import Delimiters
from manifest.formats.x12.dictionary import DICTIONARIES, ENVELOPE, SegmentSpec, dictionary_for
from manifest.formats.x12.loops import Loop, Walker
from manifest.formats.x12.syntax import Checkers, check_segment, interchange_date_time
from manifest.formats.x12.tokens import Segment
from manifest.slotted import record

T = TypeVar("T")
_ENVELOPE_TAGS = frozenset(("SE", "ST", "GE", "GS", "IEA", "ISA"))


@record
class Finding:
    """A diagnostic with its place in the envelope, as a 997 reports it."""

    diagnostic: Diagnostic
    group: str | None = None  # GS06
    set_id: str | None = None  # ST01
    set_control: str | None = None  # ST02
    segment_tag: str | None = None
    segment_position: int | None = None  # 1-based position in the set, ST = 1
    loop: str | None = None
    element: int = 0


@dataclass
class SetContext:
    """What a transaction set handler knows of its set when it starts."""

    isa: list[str]  # ISA01..ISA16 as written
    gs: Segment | None
    st: Segment
    delimiters: Delimiters
    version: str
    index: int  # 0-based ordinal of the set in the interchange
    isa_segment: Segment | None = None  # where the ISA values stand (none when the interchange lacks its ISA)


class SetHandler(Protocol[T]):
    def segment(self, segment: Segment, path: tuple[str, ...]) -> list[T]: ...

    def end(self, trailer: Segment | None) -> list[T]: ...


HandlerFactory = Callable[[SetContext], "tuple[Loop, SetHandler[T]] | Diagnostic"]


@dataclass
class _Group:
    gs: Segment
    sets: int = 0
    dictionary_noted: bool = False


@dataclass
class _Set:
    context: SetContext
    walker: Walker | None
    handler: SetHandler[object] | None
    count: int = 1
    findings_before: int = 0
    checkers: Checkers = field(default_factory=lambda: Checkers({}))  # the dictionary's checks by segment tag


@lru_cache(maxsize=8)
def _checkers(version: str) -> Checkers:
    return Checkers(dictionary_for(version) or {})


@dataclass
class Envelope(Generic[T]):
    """Feed segments; collect findings; get back what the set handlers produce."""

    delimiters: Delimiters
    isa_elements: list[str]
    factory: HandlerFactory[T]
    findings: list[Finding] = field(default_factory=list)
    _isa: Segment | None = None
    _groups: int = 0
    _group: _Group | None = None
    _set: _Set | None = None
    _sets_seen: int = 0

    def add(self, diagnostic: Diagnostic, segment: Segment | None = None, element: int = 0) -> None:
        current = self._set
        group = self._group
        self.findings.append(
            Finding(
                diagnostic,
                group=group.gs.get(6) if group else None,
                set_id=current.context.st.get(1) if current else None,
                set_control=current.context.st.get(2) if current else None,
                segment_tag=segment.tag if segment is not None else None,
                segment_position=(segment.number - current.context.st.number + 1)
                if current is not None and segment is not None
                else None,
                loop=(current.walker.path[-1] if current.walker and current.walker.path else None) if current else None,
                element=element,
            )
        )

    def feed(self, segment: Segment) -> list[T]:
        tag = segment.tag
        current = self._set
        if segment.unread:
            # Too long to be read (reported where it was cut): it is neither placed nor checked, but it was sent
            # and SE01 counts it.
            if current is not None:
                current.count += 1
            return []
        if current is not None and tag not in _ENVELOPE_TAGS:
            current.count += 1
            return self._in_set(current, segment)
        if tag == "ISA":
            self._isa_segment(segment)
        elif tag == "GS":
            self._gs(segment)
        elif tag == "ST":
            return self._st(segment)
        elif tag == "SE":
            return self._se(segment)
        elif tag == "GE":
            self._ge(segment)
        elif tag == "IEA":
            self._iea(segment)
        else:
            self.add(m.OUTSIDE_SET(line=segment.line, column=segment.column, location=tag, tag=tag[:10]), segment)
        return []

    def finish(self) -> list[T]:
        out: list[T] = []
        if self._set is not None:
            st = self._set.context.st
            self._missing("ST", st, "SE")
            out = self._close_set(None)
        if self._group is not None:
            self._missing("GS", self._group.gs, "GE")
            self._group = None
        if self._isa is not None:
            self._missing("ISA", self._isa, "IEA")
            self._isa = None
        return out

    # Interchange

    def _isa_segment(self, segment: Segment) -> None:
        if self._isa is not None:
            self._unexpected(segment, "the previous interchange has no IEA", "el intercambio anterior no tiene IEA")
        self._isa = segment
        self._groups = 0
        for diagnostic, element in interchange_date_time(segment):
            self.add(diagnostic, segment, element)
        version = segment.get(12)
        if version >= "00402" and segment.get(11).isalnum():
            self.add(m.BAD_REPETITION(value=segment.get(11), version=version).at(segment.position(11)), segment, 11)

    def _iea(self, segment: Segment) -> None:
        self._check_envelope(segment)
        if self._group is not None:
            self._missing("GS", self._group.gs, "GE")
            self._group = None
        if self._isa is None:
            self._unexpected(segment, "no ISA is open", "no hay un ISA abierto")
            return
        self._compare_count(segment, 1, self._groups, "functional groups", "grupos funcionales")
        self._compare_control(segment, 2, self._isa, 13, "IEA02", "ISA13")
        self._isa = None

    # Functional group

    def _gs(self, segment: Segment) -> None:
        self._check_envelope(segment)
        if self._isa is None:
            self._unexpected(segment, "no ISA is open", "no hay un ISA abierto")
        if self._group is not None:
            self._missing("GS", self._group.gs, "GE")
        self._groups += 1
        self._group = _Group(segment)
        isa_version = self._isa.get(12) if self._isa is not None else self.isa_elements[11]
        gs_version = segment.get(8)
        # ISA12 00401 and GS08 004010 share the version/release "004"; a group cannot be of another version.
        if gs_version and isa_version and gs_version[:3] != isa_version[:3]:
            self.add(m.VERSION_MISMATCH(value=gs_version, expected=isa_version).at(segment.position(8)), segment, 8)

    def _ge(self, segment: Segment) -> None:
        self._check_envelope(segment)
        group = self._group
        if group is None:
            self._unexpected(segment, "no GS is open", "no hay un GS abierto")
            return
        self._compare_count(segment, 1, group.sets, "transaction sets", "conjuntos de transacción")
        self._compare_control(segment, 2, group.gs, 6, "GE02", "GS06")
        self._group = None

    # Transaction set

    def _st(self, segment: Segment) -> list[T]:
        out: list[T] = []
        if self._set is not None:
            self._missing("ST", self._set.context.st, "SE")
            out = self._close_set(None)
        group = self._group
        if group is None:
            self._unexpected(segment, "no GS is open", "no hay un GS abierto")
        else:
            group.sets += 1
        version = group.gs.get(8) if group is not None else ""
        context = SetContext(
            self.isa_elements,
            group.gs if group else None,
            segment,
            self.delimiters,
            version,
            self._sets_seen,
            self._isa,
        )
        self._sets_seen += 1
        made = self.factory(context)
        self._set = _Set(context, None, None)
        self._check_envelope(segment)
        if isinstance(made, Diagnostic):
            self.add(made, segment, 1)
            return out
        loop_map, handler = made
        self._set.walker = Walker(loop_map, segment.get(1), segment)
        self._set.handler = handler  # type: ignore[assignment]
        self._set.checkers = _checkers(version[:6])
        if dictionary_for(version) is None and group is not None and not group.dictionary_noted:
            group.dictionary_noted = True
            self.add(
                m.NO_DICTIONARY(version=version or "(none)", known=", ".join(DICTIONARIES)).at(group.gs.position(8)),
                segment,
            )
        return out

    def _in_set(self, current: _Set, segment: Segment) -> list[T]:
        walker = current.walker
        if walker is None:
            return []
        placed = walker.feed(segment)
        if walker.findings:
            self._drain_walker(current)
        if not placed:
            return []
        check = current.checkers[segment.tag]
        if check is not None:
            for diagnostic, element in check(segment):
                self.add(diagnostic, segment, element)
        handler = current.handler
        return handler.segment(segment, walker.path) if handler is not None else []  # type: ignore[return-value]

    def _se(self, segment: Segment) -> list[T]:
        self._check_envelope(segment)
        current = self._set
        if current is None:
            self._unexpected(segment, "no ST is open", "no hay un ST abierto")
            return []
        current.count += 1
        if current.walker is not None:
            current.walker.feed(segment)
        self._compare_count(segment, 1, current.count, "segments", "segmentos")
        self._compare_control(segment, 2, current.context.st, 2, "SE02", "ST02")
        return self._close_set(segment)

    def _close_set(self, trailer: Segment | None) -> list[T]:
        current = self._set
        if current is None:
            return []
        if current.walker is not None:
            current.walker.finish(trailer or current.context.st, trailer is not None)
            self._drain_walker(current)
        out = current.handler.end(trailer) if current.handler is not None else []
        self._set = None
        return out  # type: ignore[return-value]

    def _drain_walker(self, current: _Set) -> None:
        walker = current.walker
        if walker is not None and walker.findings:
            for diagnostic, segment in walker.findings:
                self.add(diagnostic, segment)
            walker.findings.clear()

    # Shared checks

    def _check_envelope(self, segment: Segment) -> None:
        spec: SegmentSpec = ENVELOPE[segment.tag]
        for diagnostic, element in check_segment(segment, spec):
            self.add(diagnostic, segment, element)

    def _compare_count(self, segment: Segment, index: int, actual: int, what: str, what_es: str) -> None:
        said = segment.get(index)
        if ascii_digits(said) and int(said) != actual:
            self.add(
                m.COUNT_MISMATCH(
                    element=f"{segment.tag}{index:02d}",
                    value=said,
                    what=what,
                    what_es=what_es,
                    actual=actual,
                ).at(segment.position(index)),
                segment,
                index,
            )

    def _compare_control(
        self, segment: Segment, index: int, header: Segment, h_index: int, name: str, h_name: str
    ) -> None:
        value = segment.get(index)
        expected = header.get(h_index)
        if value != expected:
            self.add(
                m.CONTROL_MISMATCH(
                    trailer=name,
                    value=value,
                    header=h_name,
                    expected=expected,
                    header_line=header.line,
                ).at(segment.position(index)),
                segment,
                index,
            )

    def _missing(self, header: str, segment: Segment, trailer: str) -> None:
        self.add(
            m.MISSING_TRAILER(header=header, header_line=segment.line, trailer=trailer).at(segment.position(0)), segment
        )

    def _unexpected(self, segment: Segment, reason: str, reason_es: str) -> None:
        self.add(
            m.UNEXPECTED_ENVELOPE(tag=segment.tag, reason=reason, reason_es=reason_es).at(segment.position(0)), segment
        )
