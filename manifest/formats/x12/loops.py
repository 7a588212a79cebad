"""Transaction set loop maps as data, and the walker that places each segment in its loop.

X12.6 section 4: a transaction set is a sequence of segments and loops in a fixed order; a loop begins with its
first segment (the loop trigger) and repeats up to its maximum; each segment and loop has a requirement and a
maximum use. The walker (:class:`manifest.formats.segment_table.TableWalker`) is fed segments one at a time, answers
the loop path the segment belongs to, and reports here, in the words of X12, what the table forbids: a segment not in
the set, out of sequence, used more than allowed, or a mandatory segment missing when its loop closes.
"""

from __future__ import annotations

from manifest.diagnostics import Diagnostic
from manifest.formats.segment_table import Frame, Loop, Seg, TableWalker, tag_of
from manifest.formats.x12 import messages as m
from manifest.formats.x12.tokens import Segment

__all__ = ["Loop", "Seg", "Walker"]


class Walker(TableWalker[Segment]):
    """Places segments in the loops of ``root`` (whose first segment is ST and last SE)."""

    def __init__(self, root: Loop, set_name: str, first: Segment) -> None:
        super().__init__(root, first)
        self._set = set_name
        self._known_missing = ""
        self.findings: list[tuple[Diagnostic, Segment | None]] = []

    def finish(self, at: Segment, trailer_seen: bool = True) -> None:
        """Close every open loop at the set trailer (or where the set was cut short, whose missing SE the
        envelope reports)."""
        if not trailer_seen:
            self._known_missing = "SE"
        super().finish(at)

    def misplaced(self, segment: Segment, known: bool, innermost: Frame) -> None:
        tag = segment.tag
        if known:
            finding = m.OUT_OF_ORDER(
                line=segment.line, column=segment.column, location=tag, tag=tag, after=self.last.tag
            )
        else:
            finding = m.UNKNOWN_SEGMENT(line=segment.line, column=segment.column, location=tag, tag=tag, set=self._set)
        self.findings.append((finding, segment))

    def over_max(self, segment: Segment, child: Seg | Loop, frame: Frame, uses: int) -> None:
        what, what_es = ("loop", "el ciclo") if isinstance(child, Loop) else ("segment", "el segmento")
        self.findings.append(
            (
                m.OVER_MAX(
                    line=segment.line,
                    column=segment.column,
                    location=segment.tag,
                    what=what,
                    what_es=what_es,
                    tag=segment.tag,
                    max=child.max,
                ),
                segment,
            )
        )

    def missing(self, frame: Frame, child: Seg | Loop, at: Segment, root: bool) -> None:
        tag = tag_of(child)
        if tag != self._known_missing:
            where = "the transaction set" if root else f"loop {frame.spec.id} (line {frame.first.line})"  # type: ignore[attr-defined]
            self.findings.append(
                (m.MISSING_SEGMENT(line=at.line, column=at.column, location=tag, tag=tag, loop=where), None)
            )
