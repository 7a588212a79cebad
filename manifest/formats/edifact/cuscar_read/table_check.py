"""Every segment of a CUSCAR message placed in the segment table of the directory its UNH declares
(:mod:`manifest.formats.edifact.cuscar_table`): a segment with no place where it stands (out of order, outside the
group that holds it, or in no group of the table), a segment or group repeated past its maximum, a mandatory
segment or group missing. One finding per fault, at the segment's position, naming the segment and the group.

The walk is :class:`manifest.formats.segment_table.TableWalker`: per segment a dict lookup in the open groups and an
integer position moved. A segment out of place changes nothing, so the segments after it are placed as if it were
not there; but a goods item (GID) out of place, whose group is the one the table opens with GID, opens that group,
so that its own segments are not each reported too.

:func:`table_faults` walks every CUSCAR message of an interchange. The reader does not walk the table yet: this
project's writer still writes consignments the D.95B table has no place for as they are: one with goods and no
document number (no RFF opens the group that holds its goods), one with no goods (its RFF group lacks the mandatory
GID group), and one with several references (a house bill's master, its own references: each RFF opens another RFF
group, which has no goods).
"""

from __future__ import annotations

from manifest.diagnostics import Diagnostic
from manifest.formats.edifact import cuscar_codes as C
from manifest.formats.edifact.cuscar_table import Table, table, table_known
from manifest.formats.edifact.directory import version_of
from manifest.formats.edifact.opening import open_interchange
from manifest.formats.edifact.segments import Segment
from manifest.formats.edifact.syntax import UNA_LENGTH
from manifest.formats.edifact.tokenizer import tokenize
from manifest.formats.segment_table import Frame, Loop, Seg, TableWalker, tag_of

# The names of the mandatory segments outside any group (CUS006 names them).
_NAMES = {"BGM": "beginning of message"}


class TableCheck(TableWalker[Segment]):
    """The walk of one message (from its UNH ``unh``, whose message reference is ``reference``) through the segment
    table of directory ``version``; its findings go to ``sink``. Feed it the segments between UNH and UNT."""

    def __init__(self, unh: Segment, reference: str, version: str, sink: list[Diagnostic]) -> None:
        self.table: Table = table(version)
        super().__init__(self.table.root, unh, resync=True)
        self.unh = unh
        self.reference = reference
        self.version = version
        self.sink = sink

    def misplaced(self, segment: Segment, known: bool, innermost: Frame) -> None:
        v = self.version
        if known:
            group, group_es = self.table.name(innermost.spec), self.table.name_es(innermost.spec)
            after = self.last.tag
            reason = f"the D.{v} segment table has no place for it after {after} in {group}"
            reason_es = f"la tabla de segmentos D.{v} no le da lugar tras {after} en {group_es}"
        else:
            reason = f"the D.{v} segment table of CUSCAR has no {segment.tag} segment"
            reason_es = f"la tabla de segmentos D.{v} de CUSCAR no tiene el segmento {segment.tag}"
        self.sink.append(C.OUT_OF_PLACE(tag=segment.tag, reason=reason, reason_es=reason_es).at(segment.position()))

    def over_max(self, segment: Segment, child: Seg | Loop, frame: Frame, uses: int) -> None:
        if uses > child.max + 1:
            return  # one fault: the first use too many is reported, not each after it
        what, what_es = self._what(child)
        self.sink.append(
            C.TOO_MANY(
                what=what,
                what_es=what_es,
                max=child.max,
                group=self.table.name(frame.spec),
                group_es=self.table.name_es(frame.spec),
                directory=self.version,
            ).at(segment.position())
        )

    def missing(self, frame: Frame, child: Seg | Loop, at: Segment, root: bool) -> None:
        tag = tag_of(child)
        if root:
            name = _NAMES.get(tag, tag)
            finding = C.MISSING_SEGMENT(reference=self.reference, tag=tag, name=name)
            self.sink.append(finding.at(self.unh.position()))
            return
        what, what_es = self._what(child)
        first = frame.first
        assert isinstance(first, Segment)
        self.sink.append(
            C.MISSING_IN_GROUP(
                group=self.table.name(frame.spec),
                group_es=self.table.name_es(frame.spec),
                opened=first.line,
                what=what,
                what_es=what_es,
                directory=self.version,
            ).at(at.position())
        )

    def _what(self, child: Seg | Loop) -> tuple[str, str]:
        if isinstance(child, Loop):
            return self.table.name(child), self.table.name_es(child)
        return f"segment {child.tag}", f"el segmento {child.tag}"


def table_faults(data: bytes) -> list[Diagnostic]:
    """The segment table faults of every CUSCAR message of the interchange ``data`` whose directory's table is
    known (:func:`manifest.formats.edifact.cuscar_table.table_known`); faults of syntax and envelope are the
    reader's, not repeated here."""
    opening = open_interchange(data)
    skip = UNA_LENGTH if opening.una else 0
    segments, _ = tokenize(opening.text[skip:], opening.delimiters, opening.line, opening.column + skip)
    found: list[Diagnostic] = []
    check: TableCheck | None = None
    for segment in segments:
        tag = segment.tag
        if tag == "UNH":
            check = None
            identifier = segment.components(2)
            version = version_of(identifier)
            if identifier[:1] == ["CUSCAR"] and table_known(version):
                check = TableCheck(segment, segment.get(1), version, found)
        elif tag in ("UNT", "UNZ", "UNE", "UNG", "UNB"):
            if check is not None:
                check.finish(check.last)
            check = None
        elif check is not None:
            check.feed(segment)
    if check is not None:
        check.finish(check.last)
    return found
