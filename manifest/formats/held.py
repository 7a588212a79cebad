"""The unfinished last segment of a stream of text, for the X12 and EDIFACT tokenizers.

Each character is searched for a terminator once, as it arrives: the text of a segment whose terminator has not come
yet is held as the pieces it came in and joined once, when its terminator comes, so that reading is linear in the
size of the data. A segment longer than a bound (:data:`manifest.formats.readers.LONGEST_READ`) is no data a sender
meant: from the piece that makes it too long it is passed over, keeping only where it starts, its tag and its length,
so that memory stays bounded however long it runs. Where a segment starts and how its characters move the position
are the tokenizer's to say (an X12 offset, an EDIFACT line and column); this holds the text and decides.
"""

from __future__ import annotations

import re
from typing import Generic, TypeVar

Start = TypeVar("Start")

TAG_ROOM = 11  # characters enough to hold the longest tag reported (10) and the separator after it
_LINE_BREAKS = re.compile(r"[\r\n]*")


def tag_of(head: str, separator: str) -> str:
    """The tag of a segment that starts with ``head``, as reported: what stands before ``separator``, at most 10
    characters."""
    return head.split(separator, 1)[0][:10]


class Skip(Generic[Start]):
    """A segment being passed over: where it starts, its tag, and how many characters have gone by."""

    __slots__ = ("blank", "length", "start", "tag")

    def __init__(self, start: Start, tag: str, length: int, blank: bool) -> None:
        self.start = start
        self.tag = tag
        self.length = length
        self.blank = blank  # only padding so far: at the end of the data it is no segment at all


class Held(Generic[Start]):
    """The text of the unfinished last segment, as ``pieces`` of ``size`` characters in all, or the segment being
    passed over (``skip``) once it is longer than ``limit``. ``visible`` finds a character that is not padding."""

    __slots__ = ("_limit", "_visible", "pieces", "size", "skip")

    def __init__(self, limit: int, visible: re.Pattern[str]) -> None:
        self.pieces: list[str] = []
        self.size = 0
        self.skip: Skip[Start] | None = None
        self._limit = limit
        self._visible = visible

    def body(self, text: str, start: int) -> int:
        """Where the held text goes on in ``text`` from ``start``: past the line breaks after a terminator when
        nothing is held yet. They are not part of the next segment: passed at once, held text never starts with them
        and a run of them alone is never held."""
        if self.pieces:
            return start
        return _LINE_BREAKS.match(text, start).end()  # type: ignore[union-attr]

    def keep(self, text: str, start: int) -> bool:
        """Hold ``text[start:]``; False, holding nothing, when that would make the segment longer than the bound."""
        size = len(text) - start
        if self.size + size > self._limit:
            return False
        self.pieces.append(text[start:] if start else text)
        self.size += size
        return True

    def join(self, tail: str = "") -> str:
        """The held text, then ``tail``; nothing is held after."""
        if not self.pieces:
            return tail
        text = "".join(self.pieces) + tail
        self.pieces = []
        self.size = 0
        return text

    def pass_over(self, text: str, start: int, where: Start, separator: str) -> list[str]:
        """Pass the segment over from here on, ``text[start:]`` being the piece that makes it too long: keep only
        ``where`` it starts, its tag (before ``separator``), its length so far and whether it is blank so far. The
        pieces that were held are handed back, for the position to move past them; ``text[start:]`` is to be
        passed with :meth:`passing`."""
        pieces = self.pieces
        head = ("".join(pieces[:TAG_ROOM]) + text[start : start + TAG_ROOM])[:TAG_ROOM]
        visible = self._visible
        blank = not any(visible.search(piece) for piece in pieces) and not visible.search(text, start)
        self.skip = Skip(where, tag_of(head, separator), self.size, blank)
        self.pieces = []
        self.size = 0
        return pieces

    def passing(self, text: str, start: int, stop: int) -> None:
        """``text[start:stop]`` is part of the segment being passed over."""
        skip = self.skip
        assert skip is not None
        skip.length += stop - start
        if skip.blank and self._visible.search(text, start, stop):
            skip.blank = False

    def passed(self) -> Skip[Start]:
        """The segment passed over, now ended."""
        skip = self.skip
        assert skip is not None
        self.skip = None
        return skip
