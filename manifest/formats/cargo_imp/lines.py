"""The line layer of Cargo-IMP: text split into physical lines, and lines split into slant-separated fields.

Cargo-IMP messages are IATA Type B teletype text: lines end in CR LF (a lone CR or LF is accepted on reading), a
line starts with a three-letter line identifier or, for a continuation line, with a slant, and ``/`` separates the
fields of a line. Every field keeps its 1-based column so that a reader can pin each value to its place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from manifest.diagnostics import ParseError, Position
from manifest.formats.cargo_imp.codes import NOT_TEXT

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


def split_lines(text: str) -> Iterator[Line]:
    """Every physical line with its number; a final line break does not open an empty line."""
    pieces = _BREAK.split(text)
    if pieces and pieces[-1] == "":
        pieces.pop()
    for number, piece in enumerate(pieces, start=1):
        yield Line(number, piece)
