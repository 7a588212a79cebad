"""Decoding an interchange in the character set its syntax identifier declares, and checking every character
against that syntax level's repertoire (ISO 9735-1 annex A), for a text read whole or block by block.

Both are written for blocks, so that a streamed interchange is checked as a whole read checks it: a whole read is
one block. Positions are carried from block to block, so a fault is reported at the same line and column (EDI005)
or byte (EDI004) whatever the blocks' sizes.
"""

from __future__ import annotations

import codecs
import re

from manifest.diagnostics import Diagnostic
from manifest.formats.edifact.codes import BAD_CHARACTER, UNDECODABLE, UTF8_IN_SINGLE_BYTE
from manifest.formats.edifact.syntax import UNCHECKED, Delimiters, SyntaxLevel, forbidden_pattern

# Two characters of ISO 8859-1 that are the two bytes of one UTF-8 sequence: text written in UTF-8 and declared
# UNOC or UNOL ('PEÃ‘A').
_UTF8_PAIR = re.compile("[\u00c2-\u00f4][\u0080-\u00bf]+")
_MOJIBAKE_CODECS = ("iso8859_1", "iso8859_15")


class BlockDecoder:
    """Bytes to text in the codec of ``level``; each byte that cannot be decoded becomes U+FFFD and is reported
    (EDI004) at its line and its 1-based offset from the start of the interchange."""

    def __init__(self, level: SyntaxLevel, identifier: str, first_line: int, sink: list[Diagnostic]) -> None:
        self._level, self._identifier, self._sink = level, identifier, sink
        self._line = first_line  # the line the next block starts on
        self._offset = 0  # the offset of the next block in the interchange
        self._pending = b""  # the start of a UTF-8 sequence the last block cut

    def decode(self, data: bytes, final: bool = False) -> str:
        data = self._pending + data
        cut = len(data) if final else _complete(data, self._level.codec)
        block, self._pending = data[:cut], data[cut:]
        text = self._decode(block)
        self._offset += len(block)
        self._line += block.count(b"\n")
        return text

    def _decode(self, block: bytes) -> str:
        codec = self._level.codec
        try:
            return block.decode(codec)
        except UnicodeDecodeError:
            pass
        decoder = codecs.getincrementaldecoder(codec)("strict")
        parts: list[str] = []
        position = 0
        while position < len(block):
            try:
                parts.append(decoder.decode(block[position:], final=True))
                break
            except UnicodeDecodeError as error:
                parts.append(block[position : position + error.start].decode(codec, "replace"))
                bad = position + error.start
                self._sink.append(
                    UNDECODABLE(
                        line=self._line + block.count(b"\n", 0, bad),
                        syntax=self._identifier,
                        codec=codec,
                        offset=self._offset + bad + 1,
                        value=f"0x{block[bad]:02X}",
                    )
                )
                parts.append("\ufffd")
                position = position + max(error.end, error.start + 1)
                decoder.reset()
        return "".join(parts)


def _complete(data: bytes, codec: str) -> int:
    """How much of ``data`` can be decoded now: all of it in a single-byte codec; in UTF-8, up to a sequence the
    block cuts (its lead byte within the last three bytes, its continuation bytes still to come)."""
    if codec != "utf-8":
        return len(data)
    for back in range(1, min(4, len(data)) + 1):
        byte = data[-back]
        if byte < 0x80:
            return len(data)
        if byte >= 0xC0:  # a lead byte: 110xxxxx needs 2 bytes, 1110xxxx 3, 11110xxx 4
            needed = 2 if byte < 0xE0 else 3 if byte < 0xF0 else 4
            return len(data) - back if needed > back else len(data)
    return len(data)


class RepertoireCheck:
    """Characters outside the repertoire of the declared syntax level (EDI005, at most ``limit``), and text in
    UTF-8 under a single-byte ISO 8859 level (EDI020, once), over a text given block by block."""

    def __init__(
        self, level: SyntaxLevel, identifier: str, delimiters: Delimiters, line: int, column: int, limit: int = 100
    ) -> None:
        self._level, self._identifier, self._limit = level, identifier, limit
        self._pattern = forbidden_pattern(level, delimiters)
        self._allowed = (
            bytes(c for c in range(128) if self._pattern.fullmatch(chr(c)) is None) if self._pattern else b""
        )
        self._mojibake = level.single_byte and level is not UNCHECKED and level.codec in _MOJIBAKE_CODECS
        self._line = line  # the line the next block starts on
        self._carry = column - 1  # characters of that line before the next block
        self._tail = ""  # the last character of the previous block, where a UTF-8 pair may begin
        self.found: list[Diagnostic] = []

    def feed(self, text: str) -> list[Diagnostic]:
        """The faults of the next block of the text, in order."""
        new: list[Diagnostic] = []
        plain = text.isascii()
        pattern = self._pattern
        if pattern is not None and not (plain and not text.encode("ascii").translate(None, self._allowed)):
            match = pattern.search(text)
            while match is not None and len(self.found) + len(new) < self._limit:
                line, column = self._where(text, match.start())
                new.append(
                    BAD_CHARACTER(
                        line=line,
                        column=column,
                        syntax=self._identifier,
                        char=f"U+{ord(match.group()):04X} {match.group()!r}",
                        value=match.group(),
                    )
                )
                match = pattern.search(text, match.start() + 1)
        if self._mojibake and not plain:
            joined = self._tail + text
            pair = _UTF8_PAIR.search(joined)
            if pair is not None:
                self._mojibake = False
                line, column = self._where(text, pair.start() - len(self._tail))
                new.append(
                    UTF8_IN_SINGLE_BYTE(
                        line=line,
                        column=column,
                        syntax=self._identifier,
                        codec=self._level.codec,
                        value=pair.group(),
                    )
                )
        self._tail = text[-1:]
        newlines = text.count("\n")
        if newlines:
            self._line += newlines
            self._carry = len(text) - text.rfind("\n") - 1
        else:
            self._carry += len(text)
        self.found.extend(new)
        return new

    def _where(self, text: str, at: int) -> tuple[int, int]:
        """Line and column of character ``at`` of the block (-1: the previous block's last character)."""
        if at < 0:
            return self._line, self._carry
        newline = text.rfind("\n", 0, at)
        if newline < 0:
            return self._line, self._carry + at + 1
        return self._line + text.count("\n", 0, at), at - newline
