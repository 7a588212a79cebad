"""The schema faults of a manifest-xml file, found piece by piece: the same report whether it is read whole or
streamed.

A stream cannot be validated whole without holding it whole, and libxml2 validating as it parses gives one fault,
with no line (its SAX validator has no nodes to point at). So both reads validate the same pieces, small documents
copied from the file as its elements end (``end`` events in document order, from the parser or from a walk of the
tree read whole):

- each item of a ``consignments`` list, with its manifest's header (the elements before the list);
- each child of the root (a manifest), its lists of consignments reduced to their last item (the others were
  checked as items, and a stream keeps no more);
- the root alone, with its attributes.

A piece reports only the faults of its own part (an item's, a manifest's outside its items, the root's own), so
that none is reported twice, and every fault of the file is reported, not only the first. Each is placed at the
line of its element in the file (libxml2 numbers the elements of a copy from 1, or not at all past line 65,535) and
named by an XPath of the element in the file (``/manifests/manifest[1]/consignments/consignment[7]/gross_weight``).
The file has no identity constraints (``xs:key``, ``xs:unique``) that would compare one item with another.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from lxml import etree

from manifest.diagnostics import Diagnostic
from manifest.formats.canonical import FieldSpec, field_specs
from manifest.formats.xmlsafe import local_name
from manifest.model import Manifest

# A piece: the document to validate, and how to map its copies back to the elements of the file whose faults it
# reports (worked out only for a piece found invalid).
Piece = tuple[Any, Callable[[], dict[Any, Any]]]

_STRAY = "x"  # stands for text other than white space among the items of a list


class SchemaFaults:
    """Fed the ``end`` event of every element of a file down to DEPTH, in document order, before the reader forgets
    any element (or a tree read whole, see walk); ``found`` holds the faults in the order the pieces were checked."""

    def __init__(self, schema: etree.XMLSchema, namespace: str, fault: Callable[..., Diagnostic]) -> None:
        self.schema = schema
        self.list_tag = "{" + namespace + "}consignments"
        self.namespace = namespace
        self.fault = fault
        self.found: list[Diagnostic] = []
        self.wrapper: Any = None  # the list whose items are being counted
        self.numbers: dict[str, int] = {}  # items of the list so far, by tag
        self.number = 0  # of the item that ended last, among those of its tag
        self.shell: Any = None  # the list, empty, in a copy of its manifest's header
        self.stray: set[Any] = set()  # lists with text among items a stream has forgotten (see forget_before)

    DEPTH = 3  # of the deepest element that ends a piece (an item: root, manifest, list, item)

    def walk(self, root: Any) -> None:
        """The pieces of a tree read whole, in the order a stream's ``end`` events give them."""
        for manifest in root:
            for child in manifest:
                if child.tag == self.list_tag:
                    for item in child:
                        self.end(item)
            self.end(manifest)
        self.end(root)

    def end(self, element: Any) -> None:
        """Check the piece that ``element`` ends, if any; a stream may leave out elements deeper than DEPTH."""
        if not isinstance(element.tag, str):
            return  # a comment or processing instruction
        parent = element.getparent()
        if parent is None:
            self._check(self._root_piece(element), element)
        elif parent.getparent() is None:
            self._check(self._manifest_piece(element), element)
        elif parent.tag == self.list_tag and parent.getparent().getparent().getparent() is None:
            if parent is not self.wrapper:
                self.wrapper, self.numbers, self.shell = parent, {}, self._list_shell(parent)
            self.number = self.numbers[element.tag] = self.numbers.get(element.tag, 0) + 1
            copied = copy.deepcopy(element)
            copied.tail = None
            self.shell.append(copied)
            self._check(
                (self.shell.getroottree().getroot(), lambda: dict(zip(copied.iter(), element.iter(), strict=True))),
                element,
            )
            self.shell.remove(copied)

    def forget_before(self, item: Any) -> None:
        """Drop the items before ``item`` from its list, the first one excepted: libxml2 gives an element with no
        line of its own (past line 65,535) the line of its first child, which must stay what it was."""
        wrapper = item.getparent()
        while (previous := item.getprevious()) is not None and previous.getprevious() is not None:
            if previous.tail is not None and previous.tail.strip():
                self.stray.add(wrapper)
            wrapper.remove(previous)

    # --- the pieces: (document, {copy: original} of the part whose faults it reports) -----------------------------

    def _root_piece(self, root: Any) -> Piece:
        shell = etree.Element(root.tag, dict(root.attrib), nsmap=root.nsmap)
        shell.text = _stray_text(root.text, root)
        return shell, lambda: {shell: root}

    def _manifest_piece(self, manifest: Any) -> Piece:
        root = manifest.getparent()
        document = etree.Element(root.tag, dict(root.attrib), nsmap=root.nsmap)
        alone = etree.SubElement(document, manifest.tag, dict(manifest.attrib))
        alone.text = manifest.text
        part = {alone: manifest}
        for child in manifest:
            if child.tag != self.list_tag:
                copied = copy.deepcopy(child)
                alone.append(copied)
                part.update(zip(copied.iter(), child.iter(), strict=True))
                continue
            wrapper = etree.SubElement(alone, child.tag, dict(child.attrib))
            wrapper.text = _STRAY if child in self.stray else _stray_text(child.text, child)
            wrapper.tail = child.tail
            part[wrapper] = child
            items = [item for item in child if isinstance(item.tag, str)]
            if items:
                # The last item's place is kept, not its content (a stream has cleared it): its faults are its own
                # piece's, and only its name tells the list's content model anything.
                etree.SubElement(wrapper, items[-1].tag)
        return document, lambda: part

    def _list_shell(self, wrapper: Any) -> Any:
        """An empty copy of the list ``wrapper`` in a copy of its manifest's header, to hold one item at a time."""
        manifest = wrapper.getparent()
        root = manifest.getparent()
        document = etree.Element(root.tag, dict(root.attrib), nsmap=root.nsmap)
        alone = etree.SubElement(document, manifest.tag, dict(manifest.attrib))
        for child in manifest:
            if child is wrapper:
                break
            alone.append(copy.deepcopy(child))
        return etree.SubElement(alone, wrapper.tag, dict(wrapper.attrib))

    # --- checking one piece -------------------------------------------------------------------------------------

    def _check(self, piece: Piece, element: Any) -> None:
        document, parts = piece
        if self.schema.validate(document):
            return
        part = parts()
        tree = document.getroottree()
        namespaces = {prefix: uri for node in document.iter() for prefix, uri in node.nsmap.items() if prefix}
        for entry in self.schema.error_log:
            copied = _node_at(tree, entry.path, namespaces)
            original = part.get(copied) if copied is not None else element
            if original is None:
                continue  # another piece's fault
            self.found.append(
                self.fault(
                    line=original.sourceline,
                    location=self._xpath(original),
                    reason=entry.message.replace("{" + self.namespace + "}", ""),
                )
            )

    def _xpath(self, node: Any) -> str:
        """Where ``node`` stands in the file: every item of a list numbered (a manifest, a consignment, a party),
        any other element numbered only when its name repeats among its siblings."""
        chain = [node, *node.iterancestors()][::-1]
        steps = ["/" + local_name(chain[0].tag)]
        items: tuple[str, type[Any] | None] | None = ("manifest", Manifest)  # the children are items: their name, class
        fields: dict[str, FieldSpec] = {}
        for depth, element in enumerate(chain[1:], 1):
            name = local_name(element.tag)
            cls: type[Any] | None = None
            if items is not None:
                number = self.number if depth == 3 and chain[2].tag == self.list_tag else _number(element)
                steps.append(f"/{name}[{number}]")
                cls = items[1] if name == items[0] else None
                items = None
            else:
                spec = fields.get(name)
                number = _number(element)
                steps.append(f"/{name}[{number}]" if number > 1 or _repeats(element) else f"/{name}")
                if spec is not None and spec.kind in ("list", "map"):
                    items, fields = (spec.item_name or "extension", spec.cls), {}
                    continue
                cls = spec.cls if spec is not None and spec.kind == "object" else None
            fields = field_specs(cls) if cls is not None else {}
        return "".join(steps)


def _stray_text(text: str | None, element: Any) -> str | None:
    """``text``, or a stand-in when any text among the children of ``element`` is other than white space."""
    if text is not None and text.strip():
        return text
    return _STRAY if any(child.tail is not None and child.tail.strip() for child in element) else text


def _node_at(tree: Any, path: str | None, namespaces: dict[str, str]) -> Any | None:
    """The element libxml2's XPath ``path`` names in ``tree`` (an attribute's element); None when it names none."""
    if not path:
        return None
    try:
        found = tree.xpath(path, namespaces=namespaces)
    except etree.XPathError:
        return None
    if not isinstance(found, list) or not found:
        return None
    node = found[0]
    return node.getparent() if hasattr(node, "getparent") and not isinstance(node, etree._Element) else node


def _number(element: Any) -> int:
    return 1 + sum(1 for sibling in element.itersiblings(preceding=True) if sibling.tag == element.tag)


def _repeats(element: Any) -> bool:
    return any(sibling.tag == element.tag for sibling in element.itersiblings())
