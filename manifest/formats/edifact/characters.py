"""Decoding an interchange in the character set its syntax identifier declares, and checking every character
against that syntax level's repertoire (ISO 9735-1 annex A), for a text read whole or block by block.

Both are written for blocks, so that a streamed interchange is checked as a whole read checks it: a whole read is
one block. Positions are carried from block to block, so a fault is reported at the same line and column (EDI005)
or byte (EDI004) whatever the blocks' sizes.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

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


@dataclass(slots=True)
class _Value:
    """A value holding characters outside the repertoire, not yet closed by a separator: where its first such
    character stands and how many it holds so far."""

    line: int
    column: int
    first: str
    count: int


_BLANKS = " \t"


class RepertoireCheck:
    """Characters outside the repertoire of the declared syntax level, one finding per value that holds any (EDI005,
    with their count and the first of them, at most ``limit`` findings), and text in UTF-8 under a single-byte
    ISO 8859 level (EDI020, once), over a text given block by block; :meth:`finish` closes the last value.

    A value is what stands between two separators (ISO 9735-1 section 8): a lower-case name under UNOA is one fault,
    not one per letter. White space that indents a line (before a segment tag, reported once by the tokenizer) is
    not a value and is not checked here."""

    def __init__(
        self, level: SyntaxLevel, identifier: str, delimiters: Delimiters, line: int, column: int, limit: int = 100
    ) -> None:
        self._level, self._identifier, self._limit = level, identifier, limit
        self._pattern = forbidden_pattern(level, delimiters)
        self._allowed = (
            bytes(c for c in range(128) if self._pattern.fullmatch(chr(c)) is None) if self._pattern else b""
        )
        ends = re.escape(delimiters.separators + "\r\n")
        release = delimiters.release
        # The rest of a value from one of its characters: up to a separator that is not released.
        self._rest = re.compile(
            f"(?:{re.escape(release)}[\\s\\S]|[^{ends}{re.escape(release)}])*" if release else f"[^{ends}]*"
        )
        self._release = release
        self._mojibake = level.single_byte and level is not UNCHECKED and level.codec in _MOJIBAKE_CODECS
        self._line = line  # the line the next block starts on
        self._carry = column - 1  # characters of that line before the next block
        self._tail = ""  # the last character of the previous block, where a UTF-8 pair may begin
        self._open: _Value | None = None  # a value the previous block left unclosed
        self._released = False  # the previous block ended with a release character inside that value
        self._indenting = column == 1  # the text since the last line break is white space only
        self._reported = 0
        self.found: list[Diagnostic] = []

    def feed(self, text: str) -> list[Diagnostic]:
        """The faults of the next block of the text that are complete, in order."""
        new: list[Diagnostic] = []
        plain = text.isascii()
        pattern = self._pattern
        if pattern is not None and self._open is not None:
            self._continue(text, pattern, new)
        elif pattern is not None and not (plain and not text.encode("ascii").translate(None, self._allowed)):
            self._search(text, 0, pattern, new)
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
            self._indenting = not text[text.rfind("\n") + 1 :].strip(_BLANKS)
        else:
            self._carry += len(text)
            self._indenting = self._indenting and not text.strip(_BLANKS)
        self.found.extend(new)
        return new

    def finish(self) -> list[Diagnostic]:
        """The fault of a value that the end of the text closes, if any."""
        new: list[Diagnostic] = []
        if self._open is not None:
            new.append(self._closed(self._open))
            self._open = None
        self.found.extend(new)
        return new

    def _continue(self, text: str, pattern: re.Pattern[str], new: list[Diagnostic]) -> None:
        """Count the rest of the value the previous block left open, then search the remainder of ``text``."""
        assert self._open is not None
        if not text:
            return
        end = self._end(text, 1 if self._released else 0)
        self._open.count += len(pattern.findall(text, 0, len(text) if end is None else end))
        if end is None:
            return
        new.append(self._closed(self._open))
        self._open = None
        self._search(text, end, pattern, new)

    def _search(self, text: str, at: int, pattern: re.Pattern[str], new: list[Diagnostic]) -> None:
        match = pattern.search(text, at)
        while match is not None and self._reported < self._limit:
            start = match.start()
            if self._indentation(text, start):
                match = pattern.search(text, start + 1)
                continue
            end = self._end(text, start)
            line, column = self._where(text, start)
            count = len(pattern.findall(text, start, len(text) if end is None else end))
            value = _Value(line, column, match.group(), count)
            self._reported += 1
            if end is None:
                self._open = value
                return
            new.append(self._closed(value))
            match = pattern.search(text, end)

    def _end(self, text: str, start: int) -> int | None:
        """Where the value running from ``start`` ends (at its separator); None when it runs to the end of the
        block; ``_released`` says whether the block ends with a release character that frees the next one."""
        end = self._rest.match(text, start).end()  # type: ignore[union-attr]
        self._released = False
        if end == len(text) - 1 and text[end] == self._release:
            self._released = True
            return None
        return None if end >= len(text) else end

    def _indentation(self, text: str, at: int) -> bool:
        """Whether character ``at`` is white space that only indents its line."""
        if text[at] not in _BLANKS:
            return False
        newline = text.rfind("\n", 0, at)
        before = text[newline + 1 : at]
        return not before.strip(_BLANKS) and (newline >= 0 or self._indenting)

    def _closed(self, value: _Value) -> Diagnostic:
        return BAD_CHARACTER(
            line=value.line,
            column=value.column,
            syntax=self._identifier,
            char=f"U+{ord(value.first):04X} {value.first!r}",
            count=value.count,
            value=value.first,
        )

    def _where(self, text: str, at: int) -> tuple[int, int]:
        """Line and column of character ``at`` of the block (-1: the previous block's last character)."""
        if at < 0:
            return self._line, self._carry
        newline = text.rfind("\n", 0, at)
        if newline < 0:
            return self._line, self._carry + at + 1
        return self._line + text.count("\n", 0, at), at - newline
