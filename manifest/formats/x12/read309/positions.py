"""The positions of one bill of a 309, worked out only when a diagnostic asks for one."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from itertools import repeat

from manifest.diagnostics import Position
from manifest.formats.readers import LONG_SEGMENT, overfull
from manifest.formats.x12 import convert as cv
from manifest.formats.x12.delimiters import Delimiters
from manifest.formats.x12.read309.bill import BillMapper
from manifest.formats.x12.read309.loops import BillLoop, add
from manifest.formats.x12.tokens import Lines, Segment
from manifest.model import Manifest, Mode


class BillPositions(Mapping[str, Position]):
    """The positions of one bill, worked out on the first lookup: only the offsets of its segments and the texts
    they were cut from are kept (a whole file's text, or the blocks of a stream the bill spans), and the lookup cuts
    those segments again and maps them as the reader did, recording positions. Reading never builds a path."""

    __slots__ = ("_built", "_delimiters", "_first_port", "_header", "_index", "_mode", "_offsets", "_p4", "_texts")

    def __init__(self, bill: BillLoop, delimiters: Delimiters, mode: Mode, header: Manifest, index: int) -> None:
        # Kept for as long as the document: the offsets in an array of their exact size (the bill's grew as it was
        # read), and the text they were cut from once when it is one (always in a whole read; a bill of a stream may
        # span blocks) rather than once per segment.
        texts = bill.texts
        first = texts[0]
        self._texts: Lines | list[Lines] = first if all(text is first for text in texts) else texts
        self._offsets = bill.offsets[:]
        self._p4 = bill.p4
        self._first_port = bill.first_port
        self._delimiters = delimiters
        self._mode = mode
        self._header = header
        self._index = index
        self._built: cv.LazyPositions | None = None

    def _positions(self) -> cv.LazyPositions:
        built = self._built
        if built is None:
            built = self._built = self._build()
        return built

    def _build(self) -> cv.LazyPositions:
        terminator, separator = self._delimiters.segment, self._delimiters.element
        segments = []
        texts = self._texts
        for offset, lines in zip(
            self._offsets, repeat(texts, len(self._offsets)) if isinstance(texts, Lines) else texts, strict=True
        ):
            text = lines.text
            at = offset - lines.start
            end = text.find(terminator, at)
            # The last segment of an interchange may lack its terminator (the tokenizer reads it up to the end).
            piece = text[at:end] if end != -1 else text[at:].rstrip("\r\n")
            if len(piece) > LONG_SEGMENT:  # cut as the tokenizer cut it
                piece = overfull(piece, separator, self._delimiters.component) or piece
            segments.append(Segment(piece.split(separator), offset, 0, lines))
        bill = BillLoop(segments[0], self._p4, self._first_port)
        for segment in segments[1:]:
            add(bill, segment)
        positions = cv.LazyPositions()
        BillMapper(self._mode, f"consignments[{self._index}]", positions, self._header).bill(bill, self._index)
        return positions

    def __getitem__(self, path: str) -> Position:
        return self._positions()[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._positions())

    def __len__(self) -> int:
        return len(self._positions())
