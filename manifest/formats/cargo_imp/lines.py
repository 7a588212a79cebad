"""The line layer of Cargo-IMP: text split into physical lines, and lines split into slant-separated fields.

Cargo-IMP messages are IATA Type B teletype text: lines end in CR LF (a lone CR or LF is accepted on reading), a
line starts with a three-letter line identifier or, for a continuation line, with a slant, and ``/`` separates the
fields of a line. Every field keeps its 1-based column so that a reader can pin each value to its place.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from manifest.diagnostics import Diagnostic, ParseError, Position
from manifest.formats.cargo_imp.codes import NOT_TEXT, UNREAD_LINE
from manifest.formats.readers import LONGEST_READ, control_characters
from manifest.slotted import record

LINE_LIMIT = 69  # Type B line length, as the Cargo-IMP Manual applies it to every line
MESSAGE_LIMIT = 3500  # Cargo-IMP Manual, 32nd ed., preface: longer messages are split
CRLF = "\r\n"

_BREAK = re.compile(r"\r\n|\r|\n")
_TAG = re.compile(r"[A-Z]{3}(?=/|$)")


@record
class Field:
    text: str
    column: int  # 1-based column of the field's first character


@record
class Line:
    number: int  # 1-based line number in the file
    text: str

    @property
    def tag(self) -> str | None:
        """The three-letter line identifier the line opens with, if any."""
        match = _TAG.match(self.text)
        return match.group() if match else None

    @property
    def is_continuation(self) -> bool:
        return self.text.startswith("/")

    def fields(self, start: int = 0) -> list[Field]:
        """The slant-separated fields from character offset ``start`` on (``start`` itself opens a field)."""
        found: list[Field] = []
        column = start
        for piece in self.text[start:].split("/"):
            found.append(Field(piece, column + 1))
            column += len(piece) + 1
        return found

    def at(self, column: int, location: str) -> Position:
        return Position(self.number, column, location)


def decode(data: bytes) -> str:
    """The text of a Cargo-IMP file; a byte that is neither ASCII nor UTF-8 makes it unreadable."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ParseError(NOT_TEXT(line=line, offset=error.start + 1)) from error


_BOM = b"\xef\xbb\xbf"
_BLOCK = 1 << 16


class ControlScan:
    """:func:`~manifest.formats.readers.control_characters` of a text handed over piece by piece: the same findings
    at the same lines and columns (counted by line feeds, as there), the same limit."""

    def __init__(self, limit: int = 20) -> None:
        self.found: list[Diagnostic] = []
        self.limit = limit
        self._line = 1  # where the next piece starts
        self._column = 0

    def feed(self, text: str) -> None:
        if len(self.found) < self.limit:
            for finding in control_characters(text, limit=self.limit - len(self.found)):
                line = (finding.line or 1) + self._line - 1
                column = (finding.column or 1) + (self._column if finding.line == 1 else 0)
                self.found.append(replace(finding, line=line, column=column))
        breaks = text.count("\n")
        self._line += breaks
        self._column = len(text) - text.rfind("\n") - 1 if breaks else self._column + len(text)


def read_lines(source: BinaryIO, controls: ControlScan, unread: list[Diagnostic]) -> Iterator[Line]:
    """:func:`split_lines` of :func:`decode` of a file read a block at a time: the same lines, the same faults;
    ``controls`` is given the text as it is decoded. Each character is searched for a line break once: the start of
    an unfinished line is held as the pieces it came in and joined once, when its line break comes."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    carry: list[str] = []  # the start of the unfinished last line (dropped once it is too long to be read)
    carried = 0  # its length
    after_cr = False  # the text so far ends with CR: a LF that opens the next text is the second half of CR LF
    number = 0
    fed = 0  # bytes given to the decoder, after any byte order mark (where decode's offsets count from)
    newlines = 0  # line feeds in them
    first = True
    marked = False
    previous = b""
    while True:
        block = source.read(_BLOCK)
        if first:
            while 0 < len(block) < len(_BOM) and (more := source.read(_BLOCK)):
                block += more
            if block.startswith(_BOM):
                block, marked = block[len(_BOM) :], True
                block = block or source.read(_BLOCK)
            first = False
        try:
            buffered = len(decoder.getstate()[0])
            text = decoder.decode(block, final=not block)
        except UnicodeDecodeError as error:
            offset = fed - buffered + error.start
            # decode() counts the line feeds before the offset in the bytes as given, the mark included.
            counted = offset - len(_BOM) if marked else offset
            if counted >= fed:
                line = newlines + block[: counted - fed].count(b"\n") + 1
            else:  # within the last bytes before the block, held by the decoder or standing for the mark
                line = newlines - previous[max(0, counted - fed + len(previous)) :].count(b"\n") + 1
            raise ParseError(NOT_TEXT(line=line, offset=offset + 1)) from error
        controls.feed(text)
        fed += len(block)
        newlines += block.count(b"\n")
        previous = (previous + block)[-8:]  # enough for the decoder's held bytes and the mark
        if text:
            start = 1 if after_cr and text[0] == "\n" else 0
            after_cr = text[-1] == "\r"
            # A regular expression scans far slower than a search for one character: most blocks of a long line
            # hold no break at all.
            breaks = _BREAK.finditer(text, start) if "\n" in text or "\r" in text else ()
            for match in breaks:
                number += 1
                length = carried + match.start() - start
                if length > LONGEST_READ:
                    unread.append(_unread(number, length))
                else:
                    yield Line(
                        number, "".join(carry) + text[start : match.start()] if carry else text[start : match.start()]
                    )
                carry.clear()
                carried = 0
                start = match.end()
            if start < len(text):
                carried += len(text) - start
                if carried <= LONGEST_READ:
                    carry.append(text[start:])
                else:
                    carry.clear()  # too long to be read: only its length is counted on
        if not block:
            break
    if carried:
        if carried > LONGEST_READ:
            unread.append(_unread(number + 1, carried))
        else:
            yield Line(number + 1, "".join(carry))


def split_lines(text: str, unread: list[Diagnostic]) -> Iterator[Line]:
    """Every physical line with its number; a final line break does not open an empty line. A line longer than
    :data:`LONGEST_READ` is not read: it is reported in ``unread``."""
    number = 0
    start = 0
    end = len(text)
    for match in _BREAK.finditer(text):
        number += 1
        stop = match.start()
        if stop - start > LONGEST_READ:
            unread.append(_unread(number, stop - start))
        else:
            yield Line(number, text[start:stop])
        start = match.end()
    if start < end:
        if end - start > LONGEST_READ:
            unread.append(_unread(number + 1, end - start))
        else:
            yield Line(number + 1, text[start:])


def _unread(number: int, length: int) -> Diagnostic:
    return UNREAD_LINE(line=number, column=1, location="line", length=length, limit=LONGEST_READ)
