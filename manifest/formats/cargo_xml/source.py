"""Reading a parsed Cargo-XML tree: where each element stands, which values a mapping used, and what is left.

Every element gets its 1-based line and column (lxml only knows the line; the column comes from matching the start
tags of the raw text, in document order, to the elements) and an XPath of local names. A mapping takes values with
:meth:`Reading.text` and friends, which marks them used and records their position under the model field path.
Whatever no mapping used is the *residue* of the nearest model object that owns an enclosing element: it goes to
that object's ``extensions`` under ``cargo-xml.<relative path>`` (``ApplicableTotalRating/.../GrandTotalAmount``,
``...@currencyID`` for an attribute, ``[n]`` on a step whose name repeats among its siblings), which is how the
writer puts it back.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from lxml import etree

from manifest.diagnostics import Diagnostic, Position
from manifest.formats.base import PositionsOnDemand
from manifest.formats.charsets import xml_text
from manifest.formats.readback import entry_path, join_path
from manifest.formats.textpos import LineIndex
from manifest.formats.xmlsafe import local_name

EXT = "cargo-xml."

# Markup that is not a start tag is skipped so that the n-th start tag found is the n-th element of the tree.
_MARKUP = re.compile(r"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<(?=[A-Za-z_])", re.DOTALL)


# An element and one of its attributes (None: the element itself): where a value stands, located when asked for.
Spot = tuple[Any, str | None]


class Reading:
    """One document being mapped: positions of elements, the values used so far and the owners of residue."""

    def __init__(self, root: Any, data: bytes) -> None:
        self.root = root
        self.positions: dict[str, Spot] = {}
        self.diagnostics: list[Diagnostic] = []
        self._where: dict[Any, tuple[int, int | None]] = {}
        self._xpath: dict[Any, str] = {}
        self._steps: dict[Any, str] = {}
        self._used: set[tuple[Any, str | None]] = set()
        self._owners: set[Any] = set()
        self._trial: tuple[set[tuple[Any, str | None]], set[Any], dict[str, Spot]] | None = None
        self._locate(data)

    def _locate(self, data: bytes) -> None:
        elements = list(self.root.iter(tag=etree.Element))
        starts: list[int] = []
        text = xml_text(data)  # the document's own encoding (UTF-16 too), without its byte-order mark
        starts = [m.start() for m in _MARKUP.finditer(text) if m.group(0) == "<"]
        if len(starts) == len(elements):
            index = LineIndex(text)
            for element, offset in zip(elements, starts, strict=True):
                self._where[element] = index.position(offset)
        else:
            for element in elements:
                self._where[element] = (element.sourceline or 1, None)

    # -- where things are -------------------------------------------------------------------------------------

    def xpath(self, element: Any) -> str:
        found = self._xpath.get(element)
        if found is None:
            parent = element.getparent()
            step = self._step(element)
            found = f"/{step}" if parent is None else f"{self.xpath(parent)}/{step}"
            self._xpath[element] = found
        return found

    def position(self, element: Any, attribute: str | None = None) -> Position:
        line, column = self._where.get(element, (element.sourceline or 1, None))
        location = self.xpath(element) + (f"/@{attribute}" if attribute else "")
        return Position(line, column, location)

    def at(self, element: Any) -> dict[str, Any]:
        """Keyword arguments that pin a diagnostic to ``element``."""
        where = self.position(element)
        return {"line": where.line, "column": where.column, "location": where.location}

    def report(self, diagnostic: Diagnostic) -> None:
        self.diagnostics.append(diagnostic)

    # -- taking values ----------------------------------------------------------------------------------------

    def find(self, parent: Any, path: str) -> Any | None:
        current = parent
        for name in path.split("/"):
            current = next((c for c in current.iterchildren(tag=etree.Element) if local_name(c.tag) == name), None)
            if current is None:
                return None
        return current

    def findall(self, parent: Any, name: str) -> list[Any]:
        return [c for c in parent.iterchildren(tag=etree.Element) if local_name(c.tag) == name]

    def text(self, parent: Any, path: str, field: str | None = None) -> str | None:
        """The stripped text of the element at ``path`` under ``parent``, marked used and placed at ``field``."""
        element = self.find(parent, path)
        if element is None:
            return None
        return self.take(element, field)

    def take(self, element: Any, field: str | None = None) -> str:
        self._use(element, None)
        if field is not None:
            self.place(field, element)
        return (element.text or "").strip()

    def attribute(self, element: Any, name: str) -> str | None:
        value: str | None = element.get(name)
        if value is not None:
            self._use(element, name)
        return value

    def _use(self, element: Any, attribute: str | None) -> None:
        if (element, attribute) not in self._used:
            self._used.add((element, attribute))
            if self._trial is not None:
                self._trial[0].add((element, attribute))

    def begin_trial(self) -> None:
        """Start reading values that may turn out to repeat what is already known (a split consignment in XFFM)."""
        self._trial = (set(), set(), {})

    def end_trial(self, keep: bool) -> None:
        """Keep the values read since :meth:`begin_trial` as used, or give them back to the residue.

        Positions recorded during a trial are dropped either way: the first reading of the values keeps its own.
        """
        if self._trial is None:
            return
        used, owners, _ = self._trial
        self._trial = None
        if not keep:
            self._used -= used
            self._owners -= owners

    def release(self, element: Any) -> None:
        """Return a value to the residue: it could not be mapped, so it is kept as written."""
        self._used.discard((element, None))

    def place(self, field: str, element: Any) -> None:
        self._mark(field, (element, None))

    # -- residue ----------------------------------------------------------------------------------------------

    def own(self, element: Any) -> None:
        """``element`` belongs to a model object of its own: its residue is not its ancestors' residue."""
        if element not in self._owners:
            self._owners.add(element)
            if self._trial is not None:
                self._trial[1].add(element)

    def residue(self, owner: Any, field: str) -> dict[str, str]:
        """The values under ``owner`` that no mapping used, keyed ``cargo-xml.<path relative to owner>``."""
        self.own(owner)
        found: dict[str, str] = {}
        self._collect(owner, "", field, found)
        return found

    def _collect(self, element: Any, prefix: str, field: str, found: dict[str, str]) -> None:
        for name in sorted(element.keys()):
            if (element, name) not in self._used and not _is_namespace_attribute(name):
                key = f"{EXT}{prefix.rstrip('/')}@{local_name(name)}"
                found[key] = element.get(name)
                self._mark(entry_path(join_path(field, "extensions"), key), (element, local_name(name)))
        children = list(element.iterchildren(tag=etree.Element))
        if not children:
            if prefix and (element, None) not in self._used:
                key = EXT + prefix.rstrip("/")
                found[key] = (element.text or "").strip()
                self._mark(entry_path(join_path(field, "extensions"), key), (element, None))
            return
        for child in children:
            if child in self._owners:
                continue
            self._collect(child, f"{prefix}{self._step(child)}/", field, found)

    def _step(self, element: Any) -> str:
        """The element's local name, with its 1-based index when siblings share the name."""
        found = self._steps.get(element)
        if found is None:
            parent = element.getparent()
            if parent is None:
                return local_name(element.tag)
            # Every child of the parent is named at once, so that long lists of siblings cost linear time.
            children = list(parent.iterchildren(tag=etree.Element))
            totals: dict[str, int] = {}
            for child in children:
                totals[child.tag] = totals.get(child.tag, 0) + 1
            seen: dict[str, int] = {}
            for child in children:
                seen[child.tag] = seen.get(child.tag, 0) + 1
                name = local_name(child.tag)
                self._steps[child] = name if totals[child.tag] == 1 else f"{name}[{seen[child.tag]}]"
            found = self._steps[element]
        return found

    def _mark(self, field: str, spot: Spot) -> None:
        target = self.positions if self._trial is None else self._trial[2]
        target[field] = spot

    def located(self) -> Mapping[str, Position]:
        """The positions of the values mapped, each located (line, column, XPath) when it is asked for: a valid
        message asks for none, and locating every value took a quarter of a validation."""
        return PositionsOnDemand(self.positions, self._position_of)

    def _position_of(self, spot: Spot) -> Position:
        return self.position(*spot)


def _is_namespace_attribute(name: str) -> bool:
    return name.startswith("{http://www.w3.org/2001/XMLSchema-instance}")
