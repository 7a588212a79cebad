"""Finding the interchange in raw bytes: junk before it, the service string advice, the syntax identifier in UNB,
and decoding the bytes in the character set that identifier declares (ISO 9735-1 sections 7 and 9, annex A)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from manifest.diagnostics import Diagnostic, ParseError
from manifest.formats.charsets import legacy_decoder
from manifest.formats.edifact.characters import BlockDecoder, RepertoireCheck
from manifest.formats.edifact.codes import (
    JUNK_BEFORE,
    NO_INTERCHANGE,
    UNKNOWN_SYNTAX,
    UTF8_IN_SINGLE_BYTE,
)
from manifest.formats.edifact.syntax import (
    DEFAULT,
    LEVELS,
    UNA_LENGTH,
    UNCHECKED,
    Delimiters,
    SyntaxLevel,
    parse_una,
)

# Where an interchange may begin: a service string advice, an interchange header, or (for the bare messages some
# systems exchange) a message header.
_START = re.compile(rb"UNA[^\r\n]{6}|UNB[^A-Z0-9a-z\r\n]|UNH[^A-Z0-9a-z\r\n]")
_BOM = b"\xef\xbb\xbf"


@dataclass(slots=True)
class Opening:
    """The decoded interchange text from its first segment on, and where that text starts in the file."""

    text: str
    delimiters: Delimiters
    level: SyntaxLevel
    syntax_identifier: str
    line: int
    column: int
    una: bool
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Whether text that is not EDIFACT was skipped before the interchange (reported once, EDI002): its first segment
    # then stands after that text, not after white space, and its line is not indented.
    preamble: bool = False


def locate(data: bytes) -> tuple[int, list[Diagnostic]]:
    """The byte offset where the interchange starts; junk before it is reported, none at all is a ParseError."""
    start = len(_BOM) if data.startswith(_BOM) else 0
    while start < len(data) and data[start : start + 1] in b" \t\r\n":
        start += 1
    if data[start : start + 3] in (b"UNA", b"UNB", b"UNH"):
        return start, []
    found = _START.search(data, start)
    if found is None:
        raise ParseError(NO_INTERCHANGE(line=1, column=1))
    line, column = _line_column(data, start)
    return found.start(), [JUNK_BEFORE(line=line, column=column, count=found.start() - start)]


def _line_column(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    if line_start == 0 and data.startswith(_BOM):  # a byte-order mark is no column
        line_start = len(_BOM)
    return data.count(b"\n", 0, offset) + 1, offset - line_start + 1


def head_delimiters(head: str, line: int, column: int) -> tuple[Delimiters, bool, list[Diagnostic]]:
    """Delimiters of an interchange whose text (from its first segment, at ``line`` and ``column``) starts with
    ``head``: those of its UNA, else the defaults of ISO 9735-1 section 9."""
    if head.startswith("UNA"):
        delimiters, problems = parse_una(head, line, column)
        return delimiters, True, problems
    return DEFAULT, False, []


def syntax_of(head: str, delimiters: Delimiters) -> str:
    """The syntax identifier (UNB S001/0001) in the first bytes, read with the declared separators."""
    at = head.find("UNB" + delimiters.element)
    if at < 0 or at > UNA_LENGTH + 4:
        return ""
    rest = head[at + 4 : at + 4 + 40]
    for stop in (delimiters.component, delimiters.element, delimiters.terminator):
        rest = rest.split(stop, 1)[0]
    return rest


def prepare(data: bytes) -> tuple[int, Opening]:
    """Where the interchange starts in ``data`` (its first bytes suffice) and what its head declares; the
    returned opening has no text yet."""
    start, diagnostics = locate(data)
    preamble = bool(diagnostics)
    line, column = _line_column(data, start)
    head = data[start : start + 256].decode("latin-1")
    delimiters, una, problems = head_delimiters(head, line, column)
    diagnostics.extend(problems)
    identifier = syntax_of(head[UNA_LENGTH:] if una else head, delimiters)
    level = LEVELS.get(identifier)
    if level is None:
        level = UNCHECKED
        if identifier:
            diagnostics.append(UNKNOWN_SYNTAX(line=line, column=column, location="UNB-01-1", value=identifier))
    return start, Opening("", delimiters, level, identifier, line, column, una, diagnostics, preamble)


def open_interchange(data: bytes) -> Opening:
    start, opening = prepare(data)
    body = data[start:]
    utf8 = _utf8_under_latin(body, opening)
    if utf8 is not None:
        opening.text = utf8
        return opening
    opening.text = BlockDecoder(opening.level, opening.syntax_identifier, opening.line, opening.diagnostics).decode(
        body, final=True
    )
    return opening


_UTF8_BYTES = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def stream_decoder(head: bytes, opening: Opening, sink: list[Diagnostic]) -> BlockDecoder | codecs.IncrementalDecoder:
    """The decoder of an interchange read block by block, ``head`` being its first bytes: that of its syntax
    level, or UTF-8 (bytes that are not read as Windows-1252) when a UNOC or UNOL head is UTF-8, as
    :func:`open_interchange` decides on the whole text; undecodable bytes become U+FFFD and are reported as a
    whole read reports them."""
    complete = head[: len(head) - 3] if len(head) > 3 else head  # a sequence may be cut at the end of the head
    probe = Opening(
        "", opening.delimiters, opening.level, opening.syntax_identifier, opening.line, opening.column, False
    )
    if _utf8_under_latin(complete, probe) is not None:
        sink.extend(probe.diagnostics)
        return legacy_decoder()
    return BlockDecoder(opening.level, opening.syntax_identifier, opening.line, sink)


def _utf8_under_latin(body: bytes, opening: Opening) -> str | None:
    """The text of an interchange declared ISO 8859-1 (UNOC) or -15 (UNOL) whose bytes are all UTF-8, with a
    multi-byte sequence among them, read as UTF-8 and reported (EDI020); None for any other interchange.

    Read as declared, every accented letter would become two wrong ones ('PEÃ‘A'), and would be carried so into
    every output; ISO 8859-1 text that happens to be valid UTF-8 throughout is, in practice, never met."""
    if opening.level.codec not in ("iso8859_1", "iso8859_15") or body.isascii():
        return None
    sequence = _UTF8_BYTES.search(body)
    if sequence is None:
        return None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    line, column = _line_column(body, sequence.start())
    opening.diagnostics.append(
        UTF8_IN_SINGLE_BYTE(
            line=opening.line + line - 1,
            column=column if line > 1 else opening.column + column - 1,
            syntax=opening.syntax_identifier,
            codec=opening.level.codec,
            value=sequence.group().decode("utf-8"),
        )
    )
    return text


def check_characters(opening: Opening, limit: int = 100) -> list[Diagnostic]:
    """Values holding characters outside the repertoire of the declared syntax level (ISO 9735-1 annex A), one
    finding each, at most ``limit``."""
    check = RepertoireCheck(
        opening.level, opening.syntax_identifier, opening.delimiters, opening.line, opening.column, limit
    )
    return [*check.feed(opening.text), *check.finish()]
