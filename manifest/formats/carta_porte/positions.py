"""Where an element or attribute of a parsed CFDI stands in the file: line, column and XPath.

lxml knows the line of each element's start tag but not the column, and nothing of attributes. The column of an
attribute is found by scanning the start tag's text from the element's line, so a diagnostic points at the very
attribute (``PesoEnKg="..."``) and not just at its element.
"""

from __future__ import annotations

import re
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

    def location(self, element: Any, attribute: str | None = None) -> str:
        """The XPath of ``element``, or of its ``attribute``."""
        return self.xpath(element) + (f"/@{attribute}" if attribute else "")

    def at(self, element: Any, attribute: str | None = None) -> Position:
        """The position of ``element``'s start tag, or of ``attribute`` within it when the attribute is found."""
        line = element.sourceline if isinstance(element.sourceline, int) and element.sourceline > 0 else None
        location = self.location(element, attribute)
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


# An element and one of its attributes (None: the element itself): where a value stands. Locating it scans the
# element's start tag, a dozen times per goods item, so it is located only when a finding asks (PositionsOnDemand).
Spot = tuple[Any, str | None]


@cache
def _tag_pattern(local: str) -> re.Pattern[str]:
    return re.compile(r"<(?:[\w.-]+:)?" + re.escape(local) + r"(?=[\s/>])")


@cache
def _attribute_pattern(attribute: str) -> re.Pattern[str]:
    return re.compile(r"\s(" + re.escape(attribute) + r")\s*=")
