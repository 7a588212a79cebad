"""From bytes to segments placed in their sets: decoding, delimiters, tokenizer and envelope wired together.

Both the whole-file readers and the streaming readers go through :class:`Pipeline`, so a file read whole and the
same file streamed give the same findings.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable, Iterator
from dataclasses import replace
from typing import BinaryIO, Generic, TypeVar

from manifest.diagnostics import Diagnostic
from manifest.formats.charsets import decode_legacy, legacy_decoder
from manifest.formats.readers import ascii_digits, collector_paused, control_characters
from manifest.formats.x12.delimiters import find_delimiters
from manifest.formats.x12.envelope import Envelope, Finding, HandlerFactory
from manifest.formats.x12.messages import NOT_UTF8
from manifest.formats.x12.tokens import Segment, Tokenizer

T = TypeVar("T")
BLOCK = 1 << 16


def decode(data: bytes) -> tuple[str, list[Diagnostic]]:
    """UTF-8 text. X12 declares no character encoding (X12.6 leaves the extended set's code to the trading
    partners), and legacy senders write ISO-8859-1 or Windows-1252: a byte that is not part of UTF-8 is read as
    Windows-1252 (see :mod:`manifest.formats.charsets`), and the first one is reported with its position."""
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as error:
        # utf-8-sig counts from after a byte-order mark; the offset reported is the byte's place in the file
        at = error.start + (len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0)
        line = data.count(b"\n", 0, at) + 1
        text = decode_legacy(data.removeprefix(codecs.BOM_UTF8))
        return text, [NOT_UTF8(line=line, offset=at + 1)]


class Pipeline(Generic[T]):
    """Text in (whole or in chunks), set handler outputs and findings out."""

    def __init__(self, head: str, factory: HandlerFactory[T]) -> None:
        delimiters, isa, problems = find_delimiters(head)
        self.delimiters = delimiters
        self.isa = isa
        self.tokenizer = Tokenizer(delimiters)
        self.envelope: Envelope[T] = Envelope(delimiters, isa, factory)
        for problem in problems:
            self.envelope.findings.append(Finding(problem, segment_tag="ISA", element=_isa_index(problem)))

    def feed(self, text: str) -> list[T]:
        return self._run(self.tokenizer.feed(text))

    def finish(self) -> list[T]:
        out = self._run(self.tokenizer.finish())
        for problem in self.tokenizer.diagnostics:
            self.envelope.findings.append(Finding(problem))
        self.tokenizer.diagnostics.clear()
        out.extend(self.envelope.finish())
        return out

    def _run(self, segments: Iterable[Segment]) -> list[T]:
        out: list[T] = []
        feed = self.envelope.feed
        for segment in segments:
            produced = feed(segment)
            if produced:
                out.extend(produced)
        return out

    def take_findings(self) -> list[Finding]:
        taken = self.envelope.findings[:]
        self.envelope.findings.clear()
        return taken


def _isa_index(diagnostic: Diagnostic) -> int:
    location = diagnostic.location or ""
    return int(location[3:]) if ascii_digits(location[3:]) else 0


def run_whole(data: bytes, factory: HandlerFactory[T]) -> tuple[list[T], list[Finding], list[Diagnostic]]:
    """Read ``data`` whole: the handlers' outputs, the envelope findings, and decoding notes."""
    text, notes = decode(data)
    pipeline: Pipeline[T] = Pipeline(text, factory)
    d = pipeline.delimiters
    notes.extend(control_characters(text, d.element + d.segment + d.component + (d.repetition or "") + d.suffix))
    with collector_paused():
        out = pipeline.feed(text)
        out.extend(pipeline.finish())
    return out, pipeline.take_findings(), notes


class _TextChecks:
    """What :func:`run_whole` finds in the text itself, found block by block at the same places: the first byte that
    is not UTF-8 (as :func:`decode` reports it) and the control characters (as :func:`control_characters`)."""

    def __init__(self) -> None:
        self.offset = 0  # bytes before the current block
        self.newlines = 0  # line feeds before the current block
        self.pending = b""  # the start of a UTF-8 sequence that the next block completes
        self.utf8 = True  # no byte outside UTF-8 seen yet (only the first is reported)
        self.line, self.column = 1, 1  # where the next piece of decoded text starts
        self.controls = 0

    def raw(self, block: bytes) -> list[Diagnostic]:
        found: list[Diagnostic] = []
        if self.utf8:
            data = self.pending + block
            try:
                data.decode("utf-8")
                self.pending = b""
            except UnicodeDecodeError as error:
                if block and error.end == len(data) and error.reason == "unexpected end of data":
                    self.pending = data[error.start :]
                else:
                    self.utf8 = False
                    # the pending bytes hold no line feed: they are the start of a multi-byte sequence
                    line = self.newlines + data.count(b"\n", 0, error.start) + 1
                    found.append(NOT_UTF8(line=line, offset=self.offset - len(self.pending) + error.start + 1))
        self.offset += len(block)
        self.newlines += block.count(b"\n")
        return found

    def text(self, text: str, allowed: str) -> list[Diagnostic]:
        found = []
        for diagnostic in control_characters(text, allowed, limit=_CONTROL_LIMIT - self.controls):
            line, column = diagnostic.line or 1, diagnostic.column or 1
            found.append(
                replace(diagnostic, line=line + self.line - 1, column=column + self.column - 1 if line == 1 else column)
            )
        self.controls += len(found)
        feeds = text.count("\n")
        if feeds:
            self.line += feeds
            self.column = len(text) - text.rfind("\n")
        else:
            self.column += len(text)
        return found


_CONTROL_LIMIT = 20  # as many as a whole read reports (control_characters' default)


def run_stream(source: BinaryIO, factory: HandlerFactory[T]) -> Iterator[T | Finding]:
    """Read ``source`` block by block; memory holds one block and what the handlers keep (one bill)."""
    decoder = legacy_decoder()
    checks = _TextChecks()
    head = ""
    pipeline: Pipeline[T] | None = None
    while True:
        block = source.read(BLOCK)
        notes = checks.raw(block)
        text = decoder.decode(block, final=not block)
        if pipeline is None:
            head += text
            if len(head) < 1024 and block:
                yield from (Finding(note) for note in notes)
                continue
            pipeline = Pipeline(head.lstrip("\ufeff"), factory)
            text = head.lstrip("\ufeff")
        d = pipeline.delimiters
        notes += checks.text(text, d.element + d.segment + d.component + (d.repetition or "") + d.suffix)
        yield from (Finding(note) for note in notes)
        with collector_paused():
            out = pipeline.feed(text) if text else []
        yield from pipeline.take_findings()
        yield from out
        if not block:
            break
    assert pipeline is not None  # the last (empty) block always builds it
    with collector_paused():
        out = pipeline.finish()
    yield from pipeline.take_findings()
    yield from out
