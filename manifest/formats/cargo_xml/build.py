"""Building a Cargo-XML message: a light tree addressed by the same relative paths the reader's residue uses.

The writer sets mapped values with :meth:`Node.set` (``"OriginLocation/ID"``) and puts residue back with
:meth:`Node.restore`; both find or create each step, so a value lands in the same element, at the same index among
its namesakes, as where it was read. :func:`serialize` orders children as the message types define them
(:data:`manifest.formats.cargo_xml.schema.ORDER`) and puts the top-level blocks in the message namespace.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from manifest.formats.cargo_xml.schema import DATAMODEL, ORDER, Message
from manifest.formats.cargo_xml.source import EXT

_STEP = re.compile(r"([A-Za-z_][A-Za-z0-9_.-]*)(?:\[([1-9][0-9]{0,5})\])?")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*")
# Characters XML 1.0 cannot hold (W3C XML 1.0, production 2 Char). They are left out of the text written; the value
# then differs when read back, so the writer lists the field among its losses.
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


@dataclass(slots=True)
class Node:
    name: str
    text: str | None = None
    attributes: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)

    def add(self, name: str, text: str | None = None) -> Node:
        child = Node(name, text)
        self.children.append(child)
        return child

    def child(self, name: str, index: int = 1) -> Node:
        """The ``index``-th child called ``name`` (1-based), created with any missing namesakes before it."""
        same = [c for c in self.children if c.name == name]
        while len(same) < index:
            same.append(self.add(name))
        return same[index - 1]

    def walk(self, path: str) -> Node:
        node = self
        for step in path.split("/") if path else ():
            match = _STEP.fullmatch(step)
            if match is None:
                raise ValueError(f"not a Cargo-XML element path: {path!r}")
            node = node.child(match.group(1), int(match.group(2) or 1))
        return node

    def set(self, path: str, value: str | None, **attributes: str | None) -> Node | None:
        """Put ``value`` at ``path`` (nothing when the value is None); attributes with a None value are left out."""
        if value is None:
            return None
        node = self.walk(path)
        node.text = value
        node.attributes.update({k: v for k, v in attributes.items() if v is not None})
        return node

    def restore(self, extensions: Mapping[str, str]) -> None:
        """Put back the residue kept in ``extensions`` (keys ``cargo-xml.<Path>[@attribute]``)."""
        for key, value in extensions.items():
            path = residue_path(key)
            if path is None:
                continue
            elements, _, attribute = path.partition("@")
            node = self.walk(elements.rstrip("/"))
            if attribute:
                node.attributes[attribute] = value
            else:
                node.text = value


def residue_path(key: str) -> str | None:
    """The element path of a residue key; None for the format's other keys (``cargo-xml.message``, lowercase)."""
    if not key.startswith(EXT):
        return None
    path = key[len(EXT) :]
    if not path or not (path[0].isupper() or path[0] == "@"):
        return None
    elements, _, attribute = path.partition("@")
    if elements and not all(_STEP.fullmatch(step) for step in elements.split("/")):
        return None
    if attribute and not _NAME.fullmatch(attribute):
        return None
    return path


def serialize(root: Node, message: Message) -> bytes:
    element = etree.Element(f"{{{message.namespace}}}{root.name}", nsmap={None: DATAMODEL, "ns2": message.namespace})
    for child in _ordered(root):
        _emit(element, child, message.namespace)
    data: bytes = etree.tostring(element, xml_declaration=True, encoding="UTF-8", standalone=True, pretty_print=True)
    return data


def _ordered(node: Node) -> list[Node]:
    order = ORDER.get(node.name, ())
    rank = {name: index for index, name in enumerate(order)}
    return sorted(node.children, key=lambda c: rank.get(c.name, len(order)))


def _emit(parent: Any, node: Node, namespace: str) -> None:
    element = etree.SubElement(parent, f"{{{namespace}}}{node.name}")
    for name, value in node.attributes.items():
        element.set(name, _NOT_XML.sub("", value))
    if node.text is not None and not node.children:
        element.text = _NOT_XML.sub("", node.text)
    for child in _ordered(node):
        _emit(element, child, DATAMODEL)
