"""The EDI readers' first stages timed alone, to show where a full validation's time goes: the X12 tokenizer
(segments with their offsets), the X12 checks without the model (envelope, loop map, element syntax) and the EDIFACT
tokenizer. Each runs with the collector paused, as the readers run."""

from __future__ import annotations

import io
from collections.abc import Callable

from manifest import api
from manifest.formats.edifact.opening import open_interchange
from manifest.formats.edifact.syntax import UNA_LENGTH
from manifest.formats.edifact.tokenizer import tokenize
from manifest.formats.readers import collector_paused
from manifest.formats.x12 import ts309, ts358
from manifest.formats.x12.delimiters import find_delimiters
from manifest.formats.x12.envelope import SetContext, SetHandler
from manifest.formats.x12.interchange import decode, run_whole
from manifest.formats.x12.loops import Loop
from manifest.formats.x12.tokens import Segment, Tokenizer


def x12_tokenizer(data: bytes) -> int:
    with collector_paused():
        text, _ = decode(data)
        delimiters, _, _ = find_delimiters(text)
        tokenizer = Tokenizer(delimiters)
        return sum(1 for _ in tokenizer.feed(text)) + len(tokenizer.finish())


class _NoModel:
    """A set handler that builds nothing, so that only the checks are timed."""

    def segment(self, segment: Segment, path: tuple[str, ...]) -> list[object]:
        return []

    def end(self, trailer: Segment | None) -> list[object]:
        return []


def x12_checks(loop: Loop) -> Callable[[bytes], int]:
    def no_model(context: SetContext) -> tuple[Loop, SetHandler[object]]:
        return loop, _NoModel()

    def run(data: bytes) -> int:
        _, findings, _ = run_whole(data, no_model)
        return len(findings)

    return run


def edifact_tokenizer(data: bytes) -> int:
    opening = open_interchange(data)
    with collector_paused():
        segments, _ = tokenize(opening.text[UNA_LENGTH:] if opening.una else opening.text, opening.delimiters)
        return len(segments)


def streamed(format: str) -> Callable[[bytes], int]:
    """The full validation of a file read as a stream, consignment by consignment (``manifest.api.validate_stream``):
    its ratio is the whole read's speed over the stream's, the time a stream takes as a multiple of a whole read's
    (issue 21 asks at most 1.2 for X12)."""

    def run(data: bytes) -> int:
        return len(api.validate_stream(io.BytesIO(data), format=format).diagnostics)

    return run


def for_format(format: str) -> list[tuple[str, Callable[[bytes], object]]]:
    """The stages worth timing alone for a format, by name."""
    if format in ("x12-309", "x12-358"):
        loop = ts309.TS309 if format == "x12-309" else ts358.TS358_4040  # the generated consists are 004040
        return [
            ("stage: X12 tokenizer alone", x12_tokenizer),
            ("stage: X12 checks without the model", x12_checks(loop)),
            ("streamed validation (time: the ratio; goal ≤ 1.2)", streamed(format)),
        ]
    if format == "cuscar":
        return [("stage: EDIFACT tokenizer alone", edifact_tokenizer)]
    return []
