"""Text to segments (ISO 9735-1 section 8), whole or a piece at a time, with the line and column of each tag.

Fast path: the text is cut with ``str.split`` on the terminator, each segment on the element separator and each
element on the component separator, which is exact whenever a segment holds no release character. Segments that do
are re-read character by character. Line breaks between segments (which many senders add, though ISO 9735 has no
place for them) are skipped and counted so that positions stay right. A piece laid out one segment per line (LF or
CR LF), with no release character, is cut on terminator and line break together, each segment then starting a line.
"""

from __future__ import annotations

import re

from manifest.diagnostics import Diagnostic
from manifest.formats.edifact.codes import BAD_TAG, DANGLING_RELEASE, EMPTY_SEGMENT, INDENTED, UNTERMINATED
from manifest.formats.edifact.segments import Segment, build_segment
from manifest.formats.edifact.syntax import Delimiters
from manifest.formats.readers import LONG_SEGMENT, OVERFULL_SEGMENT, SEPARATOR_LIMIT, overfull

_TAG = re.compile(r"[A-Z0-9]{3}\Z")
_BREAKS = "\r\n"
_BLANKS = " \t"
# Tags already seen to be well formed (three upper-case letters or digits); shared, it only grows by valid tags.
_VALID_TAGS: set[str] = set()


class Tokenizer:
    """Turns text into segments; ``feed`` may be called with successive pieces of one interchange."""

    __slots__ = ("_buffer", "_column", "_d", "_indented", "_line", "_number", "diagnostics")

    def __init__(self, delimiters: Delimiters, line: int = 1, column: int = 1, number: int = 1) -> None:
        self._d = delimiters
        self._line = line
        self._column = column  # column of the first character of the buffer
        self._number = number
        self._buffer = ""
        # Lines whose segment tag stands after white space, and the first of them: reported once, at the end.
        self._indented: tuple[int, int, int] | None = None
        self.diagnostics: list[Diagnostic] = []

    @property
    def delimiters(self) -> Delimiters:
        return self._d

    def feed(self, text: str) -> list[Segment]:
        """The segments completed by ``text``; an unfinished segment waits for the next piece."""
        data = self._buffer + text
        cut = self._last_terminator(data)
        if cut < 0:
            self._buffer = data
            return []
        self._buffer = data[cut + 1 :]
        return self._split(data[: cut + 1], closed=True)

    def finish(self) -> list[Segment]:
        """The segments left at the end of the data: an unterminated last segment is reported and still read."""
        data, self._buffer = self._buffer, ""
        segments = self._split(data, closed=False) if data.strip() else []
        if self._indented is not None:
            count, line, column = self._indented
            self.diagnostics.append(INDENTED(line=line, column=column, count=count))
            self._indented = None
        return segments

    def _last_terminator(self, data: str) -> int:
        terminator, release = self._d.terminator, self._d.release
        cut = data.rfind(terminator)
        while cut > 0 and release is not None and _released(data, cut, release):
            cut = data.rfind(terminator, 0, cut)
        return cut

    def _split(self, data: str, closed: bool) -> list[Segment]:
        if closed:
            lines = self._split_lines(data)
            if lines is not None:
                return lines
        d = self._d
        terminator, release = d.terminator, d.release
        pieces = data.split(terminator)
        if closed:
            pieces.pop()  # the empty text after the last terminator
        if release is not None and release in data:
            pieces = _rejoin(pieces, terminator, release)
        segments: list[Segment] = []
        append = segments.append
        line, column, number = self._line, self._column, self._number
        tags = _VALID_TAGS
        marker = release if release is not None and release in data else None
        element_sep, component_sep = d.element, d.component
        for piece in pieces:
            body = piece
            if piece[:1] in _BREAKS and piece:
                if piece[0] == "\n" and piece[1:2] not in _BREAKS:
                    # The usual line break after a terminator.
                    body = piece[1:]
                    line += 1
                    column = 1
                else:
                    body = piece.lstrip(_BREAKS)
                    skipped = piece[: len(piece) - len(body)]
                    breaks = skipped.count("\n")
                    if breaks:
                        line += breaks
                        column = len(skipped) - skipped.rfind("\n")
                    else:
                        column += len(skipped)
            if body[:1] in _BLANKS and body and column == 1:
                # A line indented before its segment tag: the white space is layout, not data.
                tag_at = len(body) - len(body.lstrip(_BLANKS))
                if tag_at < len(body) and body[tag_at] not in _BREAKS:
                    self._indent(line, column + tag_at)
                    body = body[tag_at:]
                    column += tag_at
            if not body:
                self.diagnostics.append(EMPTY_SEGMENT(line=line, column=column))
                column += 1
                continue
            whole = body
            if len(body) > LONG_SEGMENT:
                body = self._bounded(body, line, column)
            broken = "\n" in whole
            if (marker is not None and marker in body) or broken:
                segment = build_segment(body, d, line, column, number)
                tag = segment.tag
            else:
                # build_segment's plain case, inline: this loop runs once per segment of the file.
                parts = body.split(element_sep)
                tag = parts[0]
                segment = Segment(tag, [e.split(component_sep) for e in parts[1:]], line, column, number, body)
            append(segment)
            if tag not in tags:
                if len(tag) == 3 and _TAG.match(tag):
                    tags.add(tag)
                else:
                    self.diagnostics.append(BAD_TAG(line=line, column=column, value=tag[:20]))
            if broken:
                line += whole.count("\n")
                column = len(whole) - whole.rfind("\n")
            else:
                column += len(whole) + 1
            number += 1
        if not closed and segments:
            last = segments[-1]
            self.diagnostics.append(
                UNTERMINATED(
                    line=last.line, column=last.column, location=last.location(), tag=last.tag, terminator=terminator
                )
            )
            if release is not None and _released(data, len(data), release):
                self.diagnostics.append(DANGLING_RELEASE(line=line, column=max(column - 1, 1), release=release))
        self._line, self._column, self._number = line, column, number
        return segments

    def indented(self, line: int, column: int) -> None:
        """Count a line whose segment tag, at ``column``, stands after white space that the caller skipped (the
        interchange's first line, before its UNA or UNB)."""
        self._indent(line, column)

    def _indent(self, line: int, column: int) -> None:
        count, first_line, first_column = self._indented or (0, line, column)
        self._indented = (count + 1, first_line, first_column)

    def _bounded(self, body: str, line: int, column: int) -> str:
        d = self._d
        cut = overfull(body, d.element, d.component)
        if cut is None:
            return body
        tag = body.split(d.element, 1)[0][:10]
        at = column + len(cut) if "\n" not in cut else column
        self.diagnostics.append(
            OVERFULL_SEGMENT(
                line=line, column=at, location=tag, tag=tag, limit=SEPARATOR_LIMIT, count=len(body) - len(cut)
            )
        )
        return cut

    def _split_lines(self, data: str) -> list[Segment] | None:
        """The common layout read in one cut: one segment per line (a line break, LF or CR LF, after every
        terminator but the last), no release character. None when ``data`` is laid out otherwise."""
        d = self._d
        terminator, element_sep, component_sep = d.terminator, d.element, d.component
        line, column, number = self._line, self._column, self._number
        newline = "\r\n" if "\r" in data else "\n"
        body = data
        if body.startswith(newline):
            body = body[len(newline) :]
            line += 1
            column = 1
        if d.release is not None and d.release in body:
            return None
        ends = terminator + newline
        if body[:1] in _BLANKS or ends + " " in body or ends + "\t" in body:
            return None  # indented lines: cut one by one
        breaks = body.count(ends)
        if body.count("\n") != breaks or body.count("\r") != (breaks if newline == "\r\n" else 0):
            return None
        if body.count(terminator) != breaks + 1:
            return None
        pieces = body[:-1].split(ends)
        if "" in pieces or max(map(len, pieces)) > LONG_SEGMENT:
            return None
        segments: list[Segment] = []
        append = segments.append
        tags = _VALID_TAGS
        for piece in pieces:
            parts = piece.split(element_sep)
            tag = parts[0]
            append(Segment(tag, [e.split(component_sep) for e in parts[1:]], line, column, number, piece))
            if tag not in tags:
                if len(tag) == 3 and _TAG.match(tag):
                    tags.add(tag)
                else:
                    self.diagnostics.append(BAD_TAG(line=line, column=column, value=tag[:20]))
            line += 1
            column = 1
            number += 1
        # The last segment's terminator ends the data: what follows continues its line.
        last = segments[-1]
        self._line, self._column, self._number = last.line, last.column + len(last.raw) + 1, number
        return segments


def _released(data: str, index: int, release: str) -> bool:
    """Whether the character at ``index`` is preceded by an odd run of release characters."""
    run = 0
    index -= 1
    while index >= 0 and data[index] == release:
        run += 1
        index -= 1
    return run % 2 == 1


def _rejoin(pieces: list[str], terminator: str, release: str) -> list[str]:
    """Glue back pieces that ``str.split`` cut at a released terminator."""
    joined: list[str] = []
    pending: str | None = None
    for piece in pieces:
        current = piece if pending is None else pending + terminator + piece
        if current.endswith(release) and _released(current, len(current), release):
            pending = current
        else:
            joined.append(current)
            pending = None
    if pending is not None:
        joined.append(pending)
    return joined


def tokenize(
    text: str, delimiters: Delimiters, line: int = 1, column: int = 1
) -> tuple[list[Segment], list[Diagnostic]]:
    """Every segment of ``text`` and the faults found while cutting it."""
    tokenizer = Tokenizer(delimiters, line, column)
    segments = tokenizer.feed(text)
    segments.extend(tokenizer.finish())
    return segments, tokenizer.diagnostics
