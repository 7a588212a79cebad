"""Cutting an interchange into segments and elements, keeping where each one stands.

X12.6: a segment is a tag and its data elements separated by the element separator, ended by the segment
terminator. Line breaks after a terminator are not data (senders add them for readability) and are skipped. A
segment keeps only its character offset; its 1-based line and column are worked out from the text it was cut from
when a finding or a source map lookup asks for them, so reading a clean file never counts lines segment by segment.
The tokenizer is fed text in chunks of any size, so a stream is read in bounded memory: only the incomplete last
segment of a chunk is held back, and not even that once it is longer than any segment can be.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

from manifest.diagnostics import Diagnostic, Position
from manifest.formats.held import TAG_ROOM, Held, tag_of
from manifest.formats.readers import LONG_SEGMENT, LONGEST_READ, OVERFULL_SEGMENT, SEPARATOR_LIMIT, overfull
from manifest.formats.textpos import LineIndex
from manifest.formats.x12.delimiters import Delimiters
from manifest.formats.x12.messages import EMPTY_SEGMENT, INDENTED, NO_TERMINATOR, UNREAD_SEGMENT

WINDOW = 1 << 16  # characters of text split at a time
# Distinct element values remembered for sharing before the memory starts afresh, so that a streamed file of any
# size keeps a bounded number (a whole-read 4,000-bill 309 has about 20,000).
KNOWN_VALUES = 1 << 16
_BREAKS = re.compile(r"[\r\n]*")
_PADDING = " \t\r\n\x00\x1a"  # what may follow the last segment without being one: blanks, NUL, the DOS end mark
_NOT_PADDING = re.compile(f"[^{_PADDING}]")


class Lines:
    """Line and column of an offset in ``text``, a piece of the interchange that starts at character ``start``, on
    line ``line`` whose first character is at ``line_start`` (offsets count from the start of the interchange)."""

    __slots__ = ("_index", "line", "line_start", "start", "text")

    def __init__(self, text: str, start: int = 0, line: int = 1, line_start: int = 0) -> None:
        self.text = text
        self.start = start
        self.line = line
        self.line_start = line_start
        self._index: LineIndex | None = None

    def position(self, offset: int) -> tuple[int, int]:
        index = self._index
        if index is None:
            index = self._index = LineIndex(self.text)
        line, column = index.position(offset - self.start)
        if line == 1:
            return self.line, offset - self.line_start + 1
        return self.line + line - 1, column


class Segment:
    """One segment: ``elements[0]`` is the tag, ``elements[n]`` the n-th data element (empty when omitted)."""

    __slots__ = ("elements", "lines", "number", "offset", "tag")
    unread: ClassVar[bool] = False

    def __init__(self, elements: list[str], offset: int, number: int, lines: Lines) -> None:
        self.elements = elements
        self.tag = elements[0]
        self.offset = offset  # character offset of the tag in the interchange
        self.number = number  # 1-based ordinal of the segment in the interchange
        self.lines = lines

    @property
    def line(self) -> int:
        return self.lines.position(self.offset)[0]

    @property
    def column(self) -> int:
        return self.lines.position(self.offset)[1]

    def get(self, index: int) -> str:
        """Element ``index`` (1-based), or "" when the segment stops before it."""
        elements = self.elements
        return elements[index] if index < len(elements) else ""

    def position(self, index: int = 0) -> Position:
        """Line, column and reference designator (``M11-02``) of element ``index``; 0 is the segment itself."""
        offset = self.offset
        elements = self.elements
        for i in range(min(index, len(elements))):
            offset += len(elements[i]) + 1
        line, column = self.lines.position(offset)
        return Position(line, column, f"{self.tag}-{index:02d}" if index else self.tag)

    def __repr__(self) -> str:
        return f"Segment({self.elements!r}, offset={self.offset})"


class Unread(Segment):
    """A segment too long to be read (more than :data:`LONGEST_READ` characters): only its tag and its place are
    kept. It still counts among the segments of its set (SE01)."""

    __slots__ = ()
    unread = True


class Tokenizer:
    """Segments of an interchange fed as text chunks; ``feed`` returns the segments each chunk completes.

    Each character is searched for a terminator once as it arrives: the text of an unfinished segment is held as the
    pieces it came in and joined once, when its terminator comes. A segment longer than :data:`LONGEST_READ` is
    reported and passed over; only its start is kept, so memory stays bounded however long it runs."""

    __slots__ = (
        "_blanks",
        "_cursor",
        "_delimiters",
        "_held",
        "_indented",
        "_line",
        "_line_start",
        "_number",
        "_offset",
        "_values",
        "diagnostics",
    )

    def __init__(self, delimiters: Delimiters) -> None:
        self._delimiters = delimiters
        # The unfinished last segment, or the one being passed over, which starts at (offset, line, column).
        self._held: Held[tuple[int, int, int]] = Held(LONGEST_READ, _NOT_PADDING)
        self._offset = 0  # character offset of the start of the held text
        self._line = 1  # line of that offset
        self._line_start = 0  # character offset of the start of that line
        self._number = 0
        self._cursor = 0  # character offset of the next segment while cutting
        # White space that may indent a line (never a delimiter); lines so indented: their count and the first's
        # line and column, told once at the end.
        self._blanks = "".join(c for c in " \t" if c not in (delimiters.element, delimiters.segment))
        self._indented: tuple[int, int, int] | None = None
        self.diagnostics: list[Diagnostic] = []
        # Each element value met, so that equal values share one string: a manifest repeats its codes, ports,
        # countries, units and parties on every bill, and the model keeps them (see KNOWN_VALUES).
        self._values: dict[str, str] = {}

    def feed(self, chunk: str) -> Iterator[Segment]:
        """The segments ``chunk`` completes, cut as they are consumed: a whole file is never held as segments."""
        terminator = self._delimiters.segment
        size = len(terminator)
        held = self._held
        if held.skip is not None:
            stop = chunk.find(terminator)
            if stop == -1:
                self._pass(chunk, 0, len(chunk))
                return
            self._pass(chunk, 0, stop)
            yield self._passed(terminated=True)
            chunk = chunk[stop + size :]
        end = chunk.rfind(terminator) + size
        if end < size:
            self._hold(chunk, 0)
            return
        end += held.size
        text = held.join(chunk)
        lines = Lines(text, self._offset, self._line, self._line_start)
        at = 0
        while at < end:
            # A window of whole segments at a time, so that the split pieces of a large text are never all alive.
            stop = text.rfind(terminator, at, at + WINDOW)
            if stop == -1:
                # One segment longer than the window: the only place a segment longer than LONGEST_READ can start.
                stop = text.find(terminator, at)
                body = _BREAKS.match(text, at).end()  # type: ignore[union-attr]
                if stop - body > LONGEST_READ:
                    yield self._unread(text, body, stop, lines)
                    at = stop + size
                    continue
            stop += size
            pieces = text[at:stop].split(terminator)
            pieces.pop()
            yield from self._cut(lines, pieces, size)
            at = stop
        self._advance(text, 0, end)
        self._hold(text, end)

    def finish(self) -> list[Segment]:
        """The segments left at the end: a last segment without its terminator is read and reported."""
        segments = self._finish()
        if self._indented is not None:
            count, line, column = self._indented
            self.diagnostics.append(INDENTED(line=line, column=column, count=count))
            self._indented = None
        return segments

    def _finish(self) -> list[Segment]:
        held = self._held
        if held.skip is not None:
            if held.skip.blank:
                held.passed()
                return []
            segments: list[Segment] = [self._passed(terminated=False)]
        else:
            rest = held.join()
            if not rest.strip(_PADDING):
                return []
            segments = list(
                self._cut(Lines(rest, self._offset, self._line, self._line_start), [rest.rstrip("\r\n")], 0)
            )
            self._advance(rest, 0, len(rest))
        for segment in segments:
            self.diagnostics.append(
                NO_TERMINATOR(line=segment.line, column=segment.column, location=segment.tag[:10], tag=segment.tag[:10])
            )
        return segments

    def _cut(self, lines: Lines, pieces: list[str], term_length: int) -> Iterator[Segment]:
        separator = self._delimiters.element
        offset = self._cursor
        number = self._number
        blanks = self._blanks
        if len(self._values) > KNOWN_VALUES:
            self._values.clear()
        same = self._values.setdefault
        for piece in pieces:
            if piece and piece[0] in "\r\n":
                stripped = piece.lstrip("\r\n")
                offset += len(piece) - len(stripped)
                piece = stripped
            if piece and blanks and piece[0] in blanks:
                # A line indented before its segment identifier: the white space is layout, not data.
                stripped = piece.lstrip(blanks)
                line, column = lines.position(offset)
                if stripped and column == 1:
                    count, first_line, first_column = self._indented or (0, line, len(piece) - len(stripped) + 1)
                    self._indented = (count + 1, first_line, first_column)
                    offset += len(piece) - len(stripped)
                    piece = stripped
            if not piece:
                line, column = lines.position(offset)
                self.diagnostics.append(EMPTY_SEGMENT(line=line, column=column))
                offset += term_length
                continue
            number += 1
            length = len(piece)
            if length > LONG_SEGMENT:
                piece = self._bounded(piece, offset, lines)
            parts = piece.split(separator)
            yield Segment(list(map(same, parts, parts)), offset, number, lines)
            offset += length + term_length
        self._number = number
        self._cursor = offset

    def _bounded(self, piece: str, offset: int, lines: Lines) -> str:
        cut = overfull(piece, self._delimiters.element, self._delimiters.component)
        if cut is None:
            return piece
        line, column = lines.position(offset + len(cut))
        tag = piece.split(self._delimiters.element, 1)[0][:10]
        self.diagnostics.append(
            OVERFULL_SEGMENT(
                line=line, column=column, location=tag, tag=tag, limit=SEPARATOR_LIMIT, count=len(piece) - len(cut)
            )
        )
        return cut

    def _hold(self, text: str, start: int) -> None:
        """Keep ``text[start:]``, the start of a segment whose terminator has not come yet."""
        held = self._held
        body = held.body(text, start)
        self._advance(text, start, body)
        if body == len(text) or held.keep(text, body):
            return
        # Too long to be a segment: pass it over from here on, keeping only where it starts and its tag.
        where = (self._offset, self._line, self._offset - self._line_start + 1)
        for piece in held.pass_over(text, body, where, self._delimiters.element):
            self._advance(piece, 0, len(piece))
        self._pass(text, body, len(text))

    def _pass(self, text: str, start: int, stop: int) -> None:
        """``text[start:stop]`` is part of the segment being passed over."""
        self._held.passing(text, start, stop)
        self._advance(text, start, stop)

    def _passed(self, terminated: bool) -> Unread:
        """The segment passed over, reported, its terminator (if any) passed too."""
        skip = self._held.passed()
        if terminated:
            terminator = self._delimiters.segment
            self._advance(terminator, 0, len(terminator))
        offset, line, column = skip.start
        return self._report_unread(offset, line, column, skip.tag, skip.length)

    def _unread(self, text: str, start: int, stop: int, lines: Lines) -> Unread:
        """The segment ``text[start:stop]`` of a text fed whole, passed over as :meth:`_hold` passes it over."""
        offset = self._offset + start
        line, column = lines.position(offset)
        self._cursor = self._offset + stop + len(self._delimiters.segment)
        tag = tag_of(text[start : start + TAG_ROOM], self._delimiters.element)
        return self._report_unread(offset, line, column, tag, stop - start)

    def _report_unread(self, offset: int, line: int, column: int, tag: str, length: int) -> Unread:
        self.diagnostics.append(
            UNREAD_SEGMENT(line=line, column=column, location=tag, tag=tag, length=length, limit=LONGEST_READ)
        )
        self._number += 1
        return Unread([tag], offset, self._number, Lines(tag, offset, line, offset - column + 1))

    def _advance(self, text: str, start: int, stop: int) -> None:
        """``text[start:stop]``, which starts where the held text starts, is behind us."""
        if stop <= start:
            return
        breaks = text.count("\n", start, stop)
        if breaks:
            self._line += breaks
            self._line_start = self._offset + text.rfind("\n", start, stop) - start + 1
        self._offset += stop - start
        self._cursor = self._offset
