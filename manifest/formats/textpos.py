"""Turning character offsets into 1-based line and column numbers, for any text format."""

from __future__ import annotations

import bisect


class LineIndex:
    """Offsets of line starts, so that an offset maps to (line, column) in O(log n)."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        at = find("\n")
        while at != -1:
            starts.append(at + 1)
            at = find("\n", at + 1)
        self._starts = starts

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1
