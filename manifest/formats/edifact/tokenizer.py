"""Text to segments (ISO 9735-1 section 8), whole or a piece at a time, with the line and column of each tag.

Fast path: the text is cut with ``str.split`` on the terminator, each segment on the element separator and each
element on the component separator, which is exact whenever a segment holds no release character. Segments that do
are re-read character by character. Line breaks between segments (which many senders add, though ISO 9735 has no
place for them) are skipped and counted so that positions stay right. A piece laid out one segment per line (LF or
CR LF), with no release character, is cut on terminator and line break together, each segment then starting a line.
"""

from __future__ import annotations

import re

from manifest.diagnostics import Diagnostic, Position
from manifest.formats.edifact.codes import (
    BAD_TAG,
    DANGLING_RELEASE,
    EMPTY_SEGMENT,
    INDENTED,
    UNREAD_SEGMENT,
    UNTERMINATED,
)
from manifest.formats.edifact.segments import Segment, build_segment
from manifest.formats.edifact.syntax import Delimiters
from manifest.formats.held import TAG_ROOM, Held, tag_of
from manifest.formats.readers import LONG_SEGMENT, LONGEST_READ, OVERFULL_SEGMENT, SEPARATOR_LIMIT, overfull

_TAG = re.compile(r"[A-Z0-9]{3}\Z")
_BREAKS = "\r\n"
_BLANKS = " \t"
_VISIBLE = re.compile(r"\S")
# Tags already seen to be well formed (three upper-case letters or digits); shared, it only grows by valid tags.
_VALID_TAGS: set[str] = set()


class Tokenizer:
    """Turns text into segments; ``feed`` may be called with successive pieces of one interchange.

    Each character is searched for a terminator once as it arrives: the text of an unfinished segment is held as the
    pieces it came in and joined once, when its terminator comes. A segment longer than :data:`LONGEST_READ` is
    reported and passed over (it keeps its ordinal, so that UNT still counts it); only its start is kept, so memory
    stays bounded however long it runs."""

    __slots__ = (
        "_column",
        "_d",
        "_held",
        "_indented",
        "_line",
        "_number",
        "_odd_release",
        "diagnostics",
    )

    def __init__(self, delimiters: Delimiters, line: int = 1, column: int = 1, number: int = 1) -> None:
        self._d = delimiters
        self._line = line
        self._column = column  # column of the first character of the held text
        self._number = number
        # The unfinished last segment, or the one being passed over, which starts at (line, column).
        self._held: Held[tuple[int, int]] = Held(LONGEST_READ, _VISIBLE)
        self._odd_release = False  # the text before this piece ends in an odd run of release characters
        # Lines whose segment tag stands after white space, and the first of them: reported once, at the end.
        self._indented: tuple[int, int, int] | None = None
        self.diagnostics: list[Diagnostic] = []

    @property
    def delimiters(self) -> Delimiters:
        return self._d

    def feed(self, text: str) -> list[Segment]:
        """The segments completed by ``text``; an unfinished segment waits for the next piece."""
        if self._held.skip is not None:
            stop = self._terminator(text, 0, first=True)
            if stop < 0:
                self._pass(text, 0, len(text))
                return []
            self._pass(text, 0, stop)
            self._passed(terminated=True)
            text = text[stop + 1 :]
            self._odd_release = False
        cut = self._terminator(text, len(text), first=False)
        if cut < 0:
            self._hold(text, 0)
            return []
        data = self._held.join(text[: cut + 1])
        segments = self._split(data, closed=True)
        self._odd_release = False
        self._hold(text, cut + 1)
        return segments

    def finish(self) -> list[Segment]:
        """The segments left at the end of the data: an unterminated last segment is reported and still read."""
        segments = self._finish()
        if self._indented is not None:
            count, line, column = self._indented
            self.diagnostics.append(INDENTED(line=line, column=column, count=count))
            self._indented = None
        return segments

    def indented(self, line: int, column: int) -> None:
        """Count a line whose segment tag, at ``column``, stands after white space that the caller skipped (the
        interchange's first line, before its UNA or UNB)."""
        self._indent(line, column)

    def _indent(self, line: int, column: int) -> None:
        count, first_line, first_column = self._indented or (0, line, column)
        self._indented = (count + 1, first_line, first_column)

    def _finish(self) -> list[Segment]:
        skip = self._held.skip
        if skip is not None:
            if not skip.blank:
                location = self._passed(terminated=False)
                unterminated = UNTERMINATED(tag=skip.tag, terminator=self._d.terminator)
                self.diagnostics.append(unterminated.at(Position(*skip.start, location)))
            return []
        data = self._held.join()
        if not data.strip():
            return []
        return self._split(data, closed=False)

    def _terminator(self, text: str, within: int, first: bool) -> int:
        """The first (or the last) terminator of ``text`` that no release character escapes, or -1; ``within`` bounds
        the search from the start (the first) or from the end (the last)."""
        terminator, release = self._d.terminator, self._d.release
        if first:
            at = text.find(terminator, within)
            while at >= 0 and release is not None and self._escaped(text, at, release):
                at = text.find(terminator, at + 1)
            return at
        at = text.rfind(terminator, 0, within)
        while at >= 0 and release is not None and self._escaped(text, at, release):
            at = text.rfind(terminator, 0, at)
        return at

    def _escaped(self, text: str, index: int, release: str) -> bool:
        """Whether the character at ``index`` follows an odd run of release characters, counting those that ended
        the text before ``text``."""
        run = 0
        index -= 1
        while index >= 0 and text[index] == release:
            run += 1
            index -= 1
        if index < 0 and self._odd_release:
            run += 1
        return run % 2 == 1

    def _after(self, text: str, start: int, stop: int) -> None:
        """Note whether ``text[start:stop]`` ends in an odd run of release characters, which would escape a
        terminator at the start of the next text."""
        release = self._d.release
        if release is None or stop <= start:
            return
        run = 0
        at = stop - 1
        while at >= start and text[at] == release:
            run += 1
            at -= 1
        self._odd_release = (run % 2 == 1) != (at < start and self._odd_release)

    def _hold(self, text: str, start: int) -> None:
        """Keep ``text[start:]``, the start of a segment whose terminator has not come yet."""
        held = self._held
        body = held.body(text, start)
        self._advance(text, start, body)
        if body == len(text):
            return
        if held.keep(text, body):
            self._after(text, body, len(text))
            return
        # Too long to be a segment: pass it over from here on, keeping only where it starts and its tag.
        self._odd_release = False
        for piece in held.pass_over(text, body, (self._line, self._column), self._d.element):
            self._advance(piece, 0, len(piece))
            self._after(piece, 0, len(piece))
        self._pass(text, body, len(text))

    def _pass(self, text: str, start: int, stop: int) -> None:
        """``text[start:stop]`` is part of the segment being passed over."""
        self._held.passing(text, start, stop)
        self._advance(text, start, stop)
        self._after(text, start, stop)

    def _passed(self, terminated: bool) -> str:
        """The segment passed over, reported, its terminator (if any) passed too; its location."""
        skip = self._held.passed()
        line, column = skip.start
        location = self._report_unread(line, column, skip.tag, self._number, skip.length)
        self._number += 1  # it keeps its ordinal: the message's segment count (UNT) still counts it
        if terminated:
            self._advance(self._d.terminator, 0, 1)
        return location

    def _report_unread(self, line: int, column: int, tag: str, number: int, length: int) -> str:
        location = f"{tag}({number})"
        self.diagnostics.append(
            UNREAD_SEGMENT(line=line, column=column, location=location, tag=tag, length=length, limit=LONGEST_READ)
        )
        return location

    def _advance(self, text: str, start: int, stop: int) -> None:
        """``text[start:stop]``, which starts where the held text starts, is behind us."""
        breaks = text.count("\n", start, stop)
        if breaks:
            self._line += breaks
            self._column = stop - text.rfind("\n", start, stop)
        else:
            self._column += stop - start

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
            if len(body) > LONGEST_READ:
                # Completed by this piece of text, not passed over while it came (see _hold): the same report.
                self._report_unread(line, column, tag_of(body[:TAG_ROOM], self._d.element), number, len(body))
                number += 1
                if "\n" in body:
                    line += body.count("\n")
                    column = len(body) - body.rfind("\n") + 1
                else:
                    column += len(body) + 1
                continue
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
                column = len(whole) - whole.rfind("\n") + 1  # past the terminator, as below
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
