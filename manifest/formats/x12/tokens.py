"""Cutting an interchange into segments and elements, keeping where each one stands.

X12.6: a segment is a tag and its data elements separated by the element separator, ended by the segment
terminator. Line breaks after a terminator are not data (senders add them for readability) and are skipped, but
they are counted so that every segment knows its 1-based line and column. The tokenizer is fed text in chunks of
any size, so a stream is read in bounded memory: only the incomplete last segment of a chunk is held back.
"""

from __future__ import annotations

from manifest.diagnostics import Diagnostic, Position
from manifest.formats.x12.delimiters import Delimiters
from manifest.formats.x12.messages import EMPTY_SEGMENT, NO_TERMINATOR


class Segment:
    """One segment: ``elements[0]`` is the tag, ``elements[n]`` the n-th data element (empty when omitted)."""

    __slots__ = ("column", "elements", "line", "number", "raw")

    def __init__(self, elements: list[str], line: int, column: int, number: int, raw: str | None = None) -> None:
        self.elements = elements
        self.line = line
        self.column = column
        self.number = number  # 1-based ordinal of the segment in the interchange
        self.raw = raw  # the text, kept only when the segment spans lines

    @property
    def tag(self) -> str:
        return self.elements[0]

    def get(self, index: int) -> str:
        """Element ``index`` (1-based), or "" when the segment stops before it."""
        elements = self.elements
        return elements[index] if index < len(elements) else ""

    def position(self, index: int = 0) -> Position:
        """Line, column and reference designator (``M11-02``) of element ``index``; 0 is the segment itself."""
        offset = 0
        elements = self.elements
        for i in range(min(index, len(elements))):
            offset += len(elements[i]) + 1
        location = f"{self.tag}-{index:02d}" if index else self.tag
        if self.raw is not None and "\n" in self.raw[:offset]:
            before = self.raw[:offset]
            return Position(self.line + before.count("\n"), offset - before.rfind("\n"), location)
        return Position(self.line, self.column + offset, location)

    def __repr__(self) -> str:
        return f"Segment({self.elements!r}, line={self.line}, column={self.column})"


class Tokenizer:
    """Segments of an interchange fed as text chunks; ``feed`` returns the segments each chunk completes."""

    __slots__ = ("_delimiters", "_line", "_line_start", "_number", "_offset", "_pending", "diagnostics")

    def __init__(self, delimiters: Delimiters) -> None:
        self._delimiters = delimiters
        self._pending = ""
        self._offset = 0  # character offset of the start of _pending
        self._line = 1
        self._line_start = 0  # character offset of the start of the current line
        self._number = 0
        self.diagnostics: list[Diagnostic] = []

    def feed(self, chunk: str) -> list[Segment]:
        pieces = (self._pending + chunk).split(self._delimiters.segment)
        self._pending = pieces.pop()
        return self._cut(pieces, len(self._delimiters.segment))

    def finish(self) -> list[Segment]:
        """The segments left at the end: a last segment without its terminator is read and reported."""
        rest = self._pending
        self._pending = ""
        if not rest.strip(" \t\r\n\x00\x1a"):
            return []
        segments = self._cut([rest.rstrip("\r\n")], 0)
        for segment in segments:
            self.diagnostics.append(
                NO_TERMINATOR(line=segment.line, column=segment.column, location=segment.tag[:10], tag=segment.tag[:10])
            )
        return segments

    def _cut(self, pieces: list[str], term_length: int) -> list[Segment]:
        out: list[Segment] = []
        append = out.append
        separator = self._delimiters.element
        offset = self._offset
        line = self._line
        line_start = self._line_start
        number = self._number
        for piece in pieces:
            if piece and piece[0] in "\r\n":
                stripped = piece.lstrip("\r\n")
                skipped = len(piece) - len(stripped)
                breaks = piece.count("\n", 0, skipped)
                if breaks:
                    line += breaks
                    line_start = offset + piece.rfind("\n", 0, skipped) + 1
                offset += skipped
                piece = stripped
            if not piece:
                self.diagnostics.append(EMPTY_SEGMENT(line=line, column=offset - line_start + 1))
                offset += term_length
                continue
            number += 1
            if "\n" in piece:
                append(Segment(piece.split(separator), line, offset - line_start + 1, number, piece))
                breaks = piece.count("\n")
                line += breaks
                line_start = offset + piece.rfind("\n") + 1
            else:
                append(Segment(piece.split(separator), line, offset - line_start + 1, number))
            offset += len(piece) + term_length
        self._offset = offset
        self._line = line
        self._line_start = line_start
        self._number = number
        return out
