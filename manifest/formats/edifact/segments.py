"""One EDIFACT segment with the position of every value it holds, and escaping of values on write.

A segment keeps its values already unescaped (``elements[e][c]``, both 0-based), its raw text and the line and column
of its tag. The position of any value is computed only when asked for: from the lengths of the values before it when
the segment holds no release character and no line break (the common case), else by scanning its raw text.
:func:`build_segment` cuts one segment's text; a reader may keep only that text and the tag's place and cut it again
when a position is asked for, rather than keeping the segment.
"""

from __future__ import annotations

from manifest.diagnostics import Position
from manifest.formats.edifact.syntax import Delimiters

Elements = list[list[str]]


class Segment:
    __slots__ = ("column", "delimiters", "elements", "line", "number", "raw", "tag")

    def __init__(
        self,
        tag: str,
        elements: Elements,
        line: int,
        column: int,
        number: int,
        raw: str = "",
        delimiters: Delimiters | None = None,
    ) -> None:
        self.tag = tag
        self.elements = elements  # the data elements after the tag
        self.line = line
        self.column = column
        self.number = number  # 1-based ordinal of the segment in the file
        self.raw = raw  # the text from the tag to the terminator (excluded)
        # Set only when the raw text must be scanned to place a value: it holds release characters or line breaks.
        self.delimiters = delimiters

    def get(self, element: int, component: int = 1) -> str:
        """The value at 1-based ``element`` and ``component``, or "" when absent."""
        # Lengths compared rather than IndexError caught: absent trailing values are common (ISO 9735-1 8.2 omits
        # them) and raising costs far more than comparing.
        elements = self.elements
        if 0 < element <= len(elements):
            values = elements[element - 1]
            if 0 < component <= len(values):
                return values[component - 1]
        return ""

    def values(self, element: int, count: int) -> list[str]:
        """The first ``count`` components of 1-based ``element``, "" for those absent: one lookup for a composite
        a handler reads whole."""
        found = self.components(element)[:count]
        if len(found) < count:
            found += [""] * (count - len(found))
        return found

    def components(self, element: int) -> list[str]:
        elements = self.elements
        if 0 < element <= len(elements):
            return elements[element - 1]
        return []

    def location(self, element: int = 0, component: int = 0) -> str:
        """``NAD(12)-02-1``: tag, segment number in the file, element and component (1-based)."""
        where = f"{self.tag}({self.number})"
        if element:
            where += f"-{element:02d}"
            if component:
                where += f"-{component}"
        return where

    def position(self, element: int = 0, component: int = 0) -> Position:
        if element == 0:
            return Position(self.line, self.column, self.location())
        offset = self._offset(element, max(component, 1))
        if self.delimiters is None or "\n" not in self.raw[:offset]:
            return Position(self.line, self.column + offset, self.location(element, component))
        before = self.raw[:offset]
        return Position(self.line + before.count("\n"), offset - before.rfind("\n"), self.location(element, component))

    def _offset(self, element: int, component: int) -> int:
        """Characters from the tag to the value (1-based element and component)."""
        if self.delimiters is None:
            offset = len(self.tag)
            for index in range(min(element - 1, len(self.elements))):
                offset += 1 + len(":".join(self.elements[index]))
            offset += 1
            if element - 1 < len(self.elements):
                parts = self.elements[element - 1]
                for index in range(min(component - 1, len(parts))):
                    offset += len(parts[index]) + 1
            return offset
        return _scan_offset(self.raw, self.delimiters, element, component)


def build_segment(body: str, d: Delimiters, line: int, column: int, number: int) -> Segment:
    """One segment from its text (tag to terminator, excluded), values unescaped."""
    release = d.release
    if release is not None and release in body:
        elements = split_released(body, d)
        tag = elements[0][0]
        del elements[0]
        return Segment(tag, elements, line, column, number, body, d)
    parts = body.split(d.element)
    component = d.component
    elements = [e.split(component) for e in parts[1:]]
    return Segment(parts[0], elements, line, column, number, body, d if "\n" in body else None)


def split_released(body: str, d: Delimiters) -> Elements:
    """Split one segment honouring release characters (ISO 9735-1 section 8.4)."""
    release = d.release
    elements: Elements = []
    components: list[str] = []
    value: list[str] = []
    index, length = 0, len(body)
    while index < length:
        char = body[index]
        if char == release and index + 1 < length:
            value.append(body[index + 1])
            index += 2
            continue
        if char == d.element:
            components.append("".join(value))
            elements.append(components)
            components, value = [], []
        elif char == d.component:
            components.append("".join(value))
            value = []
        elif char != release:
            value.append(char)
        index += 1
    components.append("".join(value))
    elements.append(components)
    return elements


def _scan_offset(raw: str, delimiters: Delimiters, element: int, component: int) -> int:
    want_element, want_component = element, component
    current_element, current_component = 0, 1
    release = delimiters.release
    index = 0
    length = len(raw)
    while index < length:
        if current_element == want_element and current_component == want_component:
            return index
        char = raw[index]
        if release is not None and char == release:
            index += 2
            continue
        if char == delimiters.element:
            current_element += 1
            current_component = 1
        elif char == delimiters.component and current_element > 0:
            current_component += 1
        index += 1
    return length


def escape_table(delimiters: Delimiters) -> dict[int, str]:
    """The ``str.translate`` table that releases every service character inside a value (ISO 9735-1 8.4)."""
    release = delimiters.release
    if release is None:
        return {}
    table = {ord(release): release + release}
    for char in delimiters.separators:
        table[ord(char)] = release + char
    return table


def format_segment(tag: str, elements: list[list[str]], delimiters: Delimiters, table: dict[int, str]) -> str:
    """One segment as text, values escaped; trailing empty components and elements are left out (ISO 9735-1
    section 8.2: 'trailing ... separators shall be omitted')."""
    parts = [tag]
    for components in elements:
        texts = [c.translate(table) for c in components]
        while texts and not texts[-1]:
            texts.pop()
        parts.append(delimiters.component.join(texts))
    while len(parts) > 1 and not parts[-1]:
        parts.pop()
    return delimiters.element.join(parts) + delimiters.terminator
