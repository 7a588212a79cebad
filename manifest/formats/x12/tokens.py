"""Cutting an interchange into segments and elements, keeping where each one stands.

X12.6: a segment is a tag and its data elements separated by the element separator, ended by the segment
terminator. Line breaks after a terminator are not data (senders add them for readability) and are skipped. A
segment keeps only its character offset; its 1-based line and column are worked out from the text it was cut from
when a finding or a source map lookup asks for them, so reading a clean file never counts lines segment by segment.
The tokenizer is fed text in chunks of any size, so a stream is read in bounded memory: only the incomplete last
segment of a chunk is held back.
"""

from __future__ import annotations

from collections.abc import Iterator

from manifest.diagnostics import Diagnostic, Position
from manifest.formats.readers import LONG_SEGMENT, OVERFULL_SEGMENT, SEPARATOR_LIMIT, overfull
from manifest.formats.textpos import LineIndex
from manifest.formats.x12.delimiters import Delimiters
from manifest.formats.x12.messages import EMPTY_SEGMENT, INDENTED, NO_TERMINATOR

WINDOW = 1 << 16  # characters of text split at a time


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


class Tokenizer:
    """Segments of an interchange fed as text chunks; ``feed`` returns the segments each chunk completes."""

    __slots__ = (
        "_blanks",
        "_cursor",
        "_delimiters",
        "_indented",
        "_line",
        "_line_start",
        "_number",
        "_offset",
        "_pending",
        "diagnostics",
    )

    def __init__(self, delimiters: Delimiters) -> None:
        self._delimiters = delimiters
        self._pending = ""
        self._offset = 0  # character offset of the start of _pending
        self._line = 1  # line of that offset
        self._line_start = 0  # character offset of the start of that line
        self._number = 0
        self._cursor = 0  # character offset of the next segment while cutting
        # White space that may indent a line (never a delimiter); lines so indented: their count and the first's
        # offset and lines, told once at the end.
        self._blanks = "".join(c for c in " \t" if c not in (delimiters.element, delimiters.segment))
        self._indented: tuple[int, int, int] | None = None
        self.diagnostics: list[Diagnostic] = []

    def feed(self, chunk: str) -> Iterator[Segment]:
        """The segments ``chunk`` completes, cut as they are consumed: a whole file is never held as segments."""
        text = self._pending + chunk if self._pending else chunk
        terminator = self._delimiters.segment
        end = text.rfind(terminator) + len(terminator)
        if end < len(terminator):
            self._pending = text
            return
        self._pending = text[end:]
        lines = Lines(text, self._offset, self._line, self._line_start)
        size = len(terminator)
        at = 0
        while at < end:
            # A window of whole segments at a time, so that the split pieces of a large text are never all alive.
            stop = text.rfind(terminator, at, at + WINDOW)
            if stop == -1:
                stop = text.find(terminator, at)
            stop += size
            pieces = text[at:stop].split(terminator)
            pieces.pop()
            yield from self._cut(lines, pieces, size)
            at = stop
        self._advance(text, end)

    def finish(self) -> list[Segment]:
        """The segments left at the end: a last segment without its terminator is read and reported."""
        rest = self._pending
        self._pending = ""
        segments = (
            list(self._cut(Lines(rest, self._offset, self._line, self._line_start), [rest.rstrip("\r\n")], 0))
            if rest.strip(" \t\r\n\x00\x1a")
            else []
        )
        self._advance(rest, len(rest))
        for segment in segments:
            self.diagnostics.append(
                NO_TERMINATOR(line=segment.line, column=segment.column, location=segment.tag[:10], tag=segment.tag[:10])
            )
        if self._indented is not None:
            count, line, column = self._indented
            self.diagnostics.append(INDENTED(line=line, column=column, count=count))
            self._indented = None
        return segments

    def _cut(self, lines: Lines, pieces: list[str], term_length: int) -> Iterator[Segment]:
        separator = self._delimiters.element
        offset = self._cursor
        number = self._number
        blanks = self._blanks
        # A segment terminator that is a line break: every segment starts a line.
        at_line_start = self._delimiters.segment.endswith("\n")
        for piece in pieces:
            broken = at_line_start or offset == 0  # the interchange's first line too
            if piece and piece[0] in "\r\n":
                stripped = piece.lstrip("\r\n")
                offset += len(piece) - len(stripped)
                piece = stripped
                broken = True
            if piece and blanks and piece[0] in blanks and broken:
                stripped = piece.lstrip(blanks)
                if stripped:
                    offset += len(piece) - len(stripped)
                    piece = stripped
                    count, line, column = self._indented or (0, *lines.position(offset))
                    self._indented = (count + 1, line, column)
            if not piece:
                line, column = lines.position(offset)
                self.diagnostics.append(EMPTY_SEGMENT(line=line, column=column))
                offset += term_length
                continue
            number += 1
            length = len(piece)
            if length > LONG_SEGMENT:
                piece = self._bounded(piece, offset, lines)
            yield Segment(piece.split(separator), offset, number, lines)
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

    def _advance(self, text: str, consumed: int) -> None:
        """What was cut is behind us: the next text starts where the held-back text starts."""
        breaks = text.count("\n", 0, consumed)
        if breaks:
            self._line += breaks
            self._line_start = self._offset + text.rfind("\n", 0, consumed) + 1
        self._offset += consumed
        self._cursor = self._offset
