"""The line layer of Cargo-IMP: text split into physical lines, and lines split into slant-separated fields.

Cargo-IMP messages are IATA Type B teletype text: lines end in CR LF (a lone CR or LF is accepted on reading), a
line starts with a three-letter line identifier or, for a continuation line, with a slant, and ``/`` separates the
fields of a line. Every field keeps its 1-based column so that a reader can pin each value to its place.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import BinaryIO

from manifest.diagnostics import Diagnostic, ParseError, Position
from manifest.formats.cargo_imp.codes import NOT_TEXT
from manifest.formats.readers import control_characters

LINE_LIMIT = 69  # Type B line length, as the Cargo-IMP Manual applies it to every line
MESSAGE_LIMIT = 3500  # Cargo-IMP Manual, 32nd ed., preface: longer messages are split
CRLF = "\r\n"

_BREAK = re.compile(r"\r\n|\r|\n")
_TAG = re.compile(r"[A-Z]{3}(?=/|$)")


@dataclass(frozen=True, slots=True)
class Field:
    text: str
    column: int  # 1-based column of the field's first character


@dataclass(frozen=True, slots=True)
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


def read_lines(source: BinaryIO, controls: ControlScan | None = None) -> Iterator[Line]:
    """:func:`split_lines` of :func:`decode` of a file read a block at a time: the same lines, the same fault;
    ``controls`` is given the text as it is decoded."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    carry = ""  # the unfinished last line, with a final CR that may be the first half of CR LF
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
            decoded = decoder.decode(block, final=not block)
            text = carry + decoded
        except UnicodeDecodeError as error:
            offset = fed - buffered + error.start
            # decode() counts the line feeds before the offset in the bytes as given, the mark included.
            counted = offset - len(_BOM) if marked else offset
            if counted >= fed:
                line = newlines + block[: counted - fed].count(b"\n") + 1
            else:  # within the last bytes before the block, held by the decoder or standing for the mark
                line = newlines - previous[max(0, counted - fed + len(previous)) :].count(b"\n") + 1
            raise ParseError(NOT_TEXT(line=line, offset=offset + 1)) from error
        if controls is not None:
            controls.feed(decoded)
        fed += len(block)
        newlines += block.count(b"\n")
        previous = (previous + block)[-8:]  # enough for the decoder's held bytes and the mark
        held = bool(block) and text.endswith("\r")
        pieces = _BREAK.split(text[:-1] if held else text)
        carry = pieces.pop() + ("\r" if held else "")
        for piece in pieces:
            number += 1
            yield Line(number, piece)
        if not block:
            break
    if carry:
        yield Line(number + 1, carry)


def split_lines(text: str) -> Iterator[Line]:
    """Every physical line with its number; a final line break does not open an empty line."""
    pieces = _BREAK.split(text)
    if pieces and pieces[-1] == "":
        pieces.pop()
    for number, piece in enumerate(pieces, start=1):
        yield Line(number, piece)
