"""Where an element or attribute of a parsed CFDI stands in the file: line, column and XPath.

lxml knows the line of each element's start tag but not the column, and nothing of attributes. The column of an
attribute is found by scanning the start tag's text from the element's line, so a diagnostic points at the very
attribute (``PesoEnKg="..."``) and not just at its element.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from manifest.diagnostics import Position
from manifest.formats.charsets import xml_text
from manifest.formats.textpos import LineIndex


class Locator:
    """Positions in one parsed file. A finding or a field may ask for the same element many times (each of its
    attributes), so an element's XPath and the offset of its start tag are worked out once."""

    def __init__(self, data: bytes, tree: Any) -> None:
        self._text = xml_text(data)  # the document's own encoding (UTF-16 too), without its byte-order mark
        self._lines = LineIndex(self._text)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self._text)]
        self._tree = tree
        self._paths: dict[Any, str] = {}
        self._tags: dict[Any, tuple[int, int] | None] = {}

    def xpath(self, element: Any) -> str:
        found = self._paths.get(element)
        if found is None:
            found = self._paths[element] = str(self._tree.getpath(element))
        return found

    def at(self, element: Any, attribute: str | None = None) -> Position:
        """The position of ``element``'s start tag, or of ``attribute`` within it when the attribute is found."""
        line = element.sourceline if isinstance(element.sourceline, int) and element.sourceline > 0 else None
        location = self.xpath(element) + (f"/@{attribute}" if attribute else "")
        if line is None or line > len(self._line_starts):
            return Position(line, None, location)
        tag = self._start_tag(element, line)
        if tag is None:
            return Position(line, None, location)
        offset, name_end = tag
        if attribute is not None:
            end = self._text.find(">", name_end)
            found = _attribute_pattern(attribute).search(self._text, name_end, end if end != -1 else len(self._text))
            if found is not None:
                offset = found.start(1)
        line, column = self._lines.position(offset)
        return Position(line, column, location)

    def _start_tag(self, element: Any, line: int) -> tuple[int, int] | None:
        """Where ``element``'s start tag begins and where its name ends, searched from the start of its line."""
        if element in self._tags:
            return self._tags[element]
        local = str(element.tag).rpartition("}")[2]
        found = _tag_pattern(local).search(self._text, self._line_starts[line - 1])
        tag = None if found is None else (found.start(), found.end())
        self._tags[element] = tag
        return tag


# An element and one of its attributes (None: the element itself): where a value stands, before it is located.
Spot = tuple[Any, str | None]


class Spots(Mapping[str, Position]):
    """Model path -> position, kept as the element and attribute and located only when asked for.

    Locating an attribute scans its element's start tag; a file has a dozen positions per goods item and a valid
    one has none of them asked for, so they are located on demand (and then kept)."""

    __slots__ = ("_found", "_locator", "_raw")

    def __init__(self, locator: Locator) -> None:
        self._locator = locator
        self._raw: dict[str, Spot] = {}
        self._found: dict[str, Position] = {}

    def put(self, path: str, element: Any, attribute: str | None = None) -> None:
        self._raw[path] = (element, attribute)

    def put_spot(self, path: str, spot: Spot) -> None:
        self._raw[path] = spot

    def location(self, path: str) -> str:
        """The XPath of the value at ``path``, without locating its line and column."""
        element, attribute = self._raw[path]
        return self._locator.xpath(element) + (f"/@{attribute}" if attribute else "")

    def __getitem__(self, path: str) -> Position:
        found = self._found.get(path)
        if found is None:
            found = self._found[path] = self._locator.at(*self._raw[path])
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def __reduce__(self) -> tuple[type[dict[str, Position]], tuple[dict[str, Position]]]:
        # A copy sent to another process (a batch's worker) carries the positions located, not the parsed tree.
        return dict, (dict(self.items()),)


@cache
def _tag_pattern(local: str) -> re.Pattern[str]:
    return re.compile(r"<(?:[\w.-]+:)?" + re.escape(local) + r"(?=[\s/>])")


@cache
def _attribute_pattern(attribute: str) -> re.Pattern[str]:
    return re.compile(r"\s(" + re.escape(attribute) + r")\s*=")
