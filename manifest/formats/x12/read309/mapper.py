"""Where the values of a bill are read: the part of mapping a bill that records positions, shared by the mappers of
its loops."""

from __future__ import annotations

from manifest.formats.x12 import convert as cv
from manifest.formats.x12.read309.elements import keep_rest, kept_elements
from manifest.formats.x12.tokens import Segment
from manifest.model import Manifest, Mode


class Mapper:
    """Maps the loops of one bill (or of a consist's cars) under model path ``prefix``; records positions only when
    given ``positions``."""

    def __init__(self, mode: Mode, prefix: str, positions: cv.LazyPositions | None, header: Manifest) -> None:
        self.mode = mode
        self.prefix = prefix
        self.pos = positions
        self.header = header

    def put(self, path: str, segment: Segment, index: int = 0, suffix: str = "") -> None:
        """Record where the value at ``path + suffix`` (relative to the bill) was read; nothing while reading, whose
        positions are worked out later (the path is then not even built)."""
        if self.pos is None:
            return
        path += suffix
        full = f"{self.prefix}.{path}" if self.prefix and path else path or self.prefix
        self.pos.put(full, segment, index)

    def keep(
        self, owner: str, ext: dict[str, str], segment: Segment, mapped: tuple[int, ...], key: str | None = None
    ) -> None:
        """:func:`keep_rest` for the object at ``owner`` (relative to the bill), placing each value kept."""
        keep_rest(ext, segment, mapped, key)
        if self.pos is not None:
            for entry, index in kept_elements(ext, segment, key):
                self.put(owner, segment, index, f".extensions[{entry}]" if owner else f"extensions[{entry}]")
