"""Where an element or attribute of a parsed CFDI stands in the file: line, column and XPath.

lxml knows the line of each element's start tag but not the column, and nothing of attributes. The column of an
attribute is found by scanning the start tag's text from the element's line, so a diagnostic points at the very
attribute (``PesoEnKg="..."``) and not just at its element.
"""

from __future__ import annotations

import re
from typing import Any

from manifest.diagnostics import Position
from manifest.formats.textpos import LineIndex


class Locator:
    def __init__(self, data: bytes, tree: Any) -> None:
        self._text = data.decode("utf-8", errors="replace")
        self._lines = LineIndex(self._text)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", self._text)]
        self._tree = tree

    def xpath(self, element: Any) -> str:
        return str(self._tree.getpath(element))

    def at(self, element: Any, attribute: str | None = None) -> Position:
        """The position of ``element``'s start tag, or of ``attribute`` within it when the attribute is found."""
        line = element.sourceline if isinstance(element.sourceline, int) and element.sourceline > 0 else None
        location = self.xpath(element) + (f"/@{attribute}" if attribute else "")
        if line is None or line > len(self._line_starts):
            return Position(line, None, location)
        start = self._line_starts[line - 1]
        local = str(element.tag).rpartition("}")[2]
        tag = re.compile(r"<(?:[\w.-]+:)?" + re.escape(local) + r"(?=[\s/>])").search(self._text, start)
        if tag is None:
            return Position(line, None, location)
        offset = tag.start()
        if attribute is not None:
            end = self._text.find(">", tag.end())
            found = re.compile(r"\s(" + re.escape(attribute) + r")\s*=").search(
                self._text, tag.end(), end if end != -1 else len(self._text)
            )
            if found is not None:
                offset = found.start(1)
        line, column = self._lines.position(offset)
        return Position(line, column, location)
