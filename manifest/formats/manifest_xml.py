"""``manifest-xml``: the harmonized model as XML, defined by ``schemas/manifest.xsd``.

Layout: ``<manifests xmlns="urn:manifest-toolkit:manifest:1" version="1">`` holding ``<manifest>`` elements whose
children are the model's fields in declaration order, named as the fields are; a list is a wrapper element named as
the field holding one element per item (``<consignments><consignment>``); extensions are
``<extension key="...">text</extension>``. Every file is validated against the XSD with lxml before it is decoded,
so a fault is reported at its line with the schema's own words.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from typing import Any, BinaryIO

from lxml import etree

from manifest.core.registry import described
from manifest.diagnostics import Diagnostic, ParseError, Position, Severity, define
from manifest.formats import xmlsafe
from manifest.formats.base import (
    ConsignmentChunk,
    Document,
    ManifestEnd,
    PositionsOnDemand,
    SourceMap,
    StreamItem,
    Written,
    without_ends,
)
from manifest.formats.canonical import NAMESPACE, SCHEMA_VERSION, TreeDecoder, field_specs, fields_of, scalar_to_text
from manifest.formats.manifest_xml_faults import SchemaFaults
from manifest.formats.xmlchars import xml_ready
from manifest.model import Consignment, Manifest, Mode
from manifest.packaged import packaged

DESCRIPTION = described("manifest-xml")
NAME = DESCRIPTION.name
TITLE = DESCRIPTION.title
EXTENSIONS = DESCRIPTION.extensions
MODES = DESCRIPTION.modes

_NS = "{" + NAMESPACE + "}"

SCHEMA_INVALID = define(
    "MF201",
    Severity.ERROR,
    "schema: $reason",
    "esquema: $reason",
    "schemas/manifest.xsd",
)
WRONG_ROOT = define(
    "MF202",
    Severity.ERROR,
    "the root element is $found, not manifests in namespace $namespace",
    "el elemento raíz es $found, no manifests en el espacio de nombres $namespace",
    "schemas/manifest.xsd",
)


sniff = DESCRIPTION.sniff

# Where a value stands: its element's line and XPath, made into a Position only when a finding asks for it (a valid
# file asks for none, and a Position per value cost a tenth of a validation).
Spot = tuple[int | None, str]


def _position(spot: Spot) -> Position:
    line, location = spot
    return Position(line, None, location)


@cache
def _schema() -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(packaged("schemas", "manifest.xsd"))))


def read(data: bytes) -> Document:
    root = xmlsafe.parse(data).getroot()
    if root.tag != _NS + "manifests":
        raise ParseError(WRONG_ROOT(line=root.sourceline, found=root.tag, namespace=NAMESPACE))
    schema = _schema()
    if not schema.validate(root):
        return Document(NAME, diagnostics=_schema_faults(root, schema))
    manifests: list[Manifest] = []
    maps: list[SourceMap] = []
    diagnostics: list[Diagnostic] = []
    for index, element in enumerate(root.iterchildren(_NS + "manifest")):
        positions: dict[str, Spot] = {}
        prefix = f"/manifests/manifest[{index + 1}]"
        tree = _tree(element, Manifest, "", prefix, positions)
        decoder = TreeDecoder(_locator(positions, prefix))
        decoded = decoder.manifest(tree, "")
        source_map = SourceMap(PositionsOnDemand(positions, _position))
        diagnostics.extend(d.at(source_map.locate(d.field or "")) for d in decoder.diagnostics)
        if decoded is not None:
            manifests.append(decoded)
            maps.append(source_map)
    return Document(NAME, tuple(manifests), tuple(maps), tuple(diagnostics))


def stream(source: BinaryIO) -> Iterator[ConsignmentChunk | Diagnostic]:
    """Read consignment by consignment, validating against the XSD on the way; memory holds one consignment.

    Each chunk carries the manifest-level data that precedes the consignments in document order (the manifest's
    ``extensions`` come after them and are not part of the header).
    """
    return without_ends(stream_parts(source))


def stream_parts(source: BinaryIO) -> Iterator[StreamItem]:
    """The stream with the end of each manifest: its header read whole (extensions included) and located.

    The schema is checked piece by piece as the elements end (see :mod:`manifest.formats.manifest_xml_faults`),
    in one pass and whether or not the source can be read again. Once a fault is found nothing more is handed
    out, the parse goes on to the end, and the stream ends with a ParseError holding every fault, as :func:`read`
    gives only the schema's findings for a file that is not valid; a file not well-formed ends it with that
    fault, as :func:`read` reports it.
    """
    manifest_index = -1
    consignment_index = 0
    header = Manifest(mode=Mode.RAIL)
    reported: list[Diagnostic] = []  # what the header read before the consignments found, not to be said twice
    faults = SchemaFaults(_schema(), NAMESPACE, SCHEMA_INVALID)
    depth = 0  # of the element that starts, or below the element that ends
    events = xmlsafe.iterparse(source, events=("start", "end"))
    for event, element in events:
        if event == "start":
            depth += 1
            if element.tag == _NS + "manifest":
                manifest_index += 1
                consignment_index = 0
                reported = []
            elif element.tag == _NS + "consignments" and not faults.found:
                header, reported = _header(element.getparent(), manifest_index)
                yield from reported
            elif element.getparent() is None and element.tag != _NS + "manifests":
                wrong = ParseError(WRONG_ROOT(line=element.sourceline, found=element.tag, namespace=NAMESPACE))
                xmlsafe.drain(events)  # a file not well-formed is reported as such first, as read reports it
                raise wrong
            continue
        depth -= 1
        if depth <= SchemaFaults.DEPTH:
            faults.end(element)
        if element.tag == _NS + "manifest":
            if not faults.found:
                whole, found, located = _located_header(element, manifest_index)
                yield from (d for d in found if d not in reported)
                yield ManifestEnd(
                    manifest_index, whole, SourceMap(PositionsOnDemand(located, _position)), consignment_index
                )
            continue
        if element.tag != _NS + "consignment" or depth != 3 or element.getparent().tag != _NS + "consignments":
            continue  # a consignment elsewhere than in a manifest's list is a schema fault, found at its piece
        if not faults.found:
            yield from _consignment(element, manifest_index, consignment_index, header)
        consignment_index += 1
        element.clear(keep_tail=True)
        faults.forget_before(element)
    if faults.found:
        raise ParseError(*faults.found)


def _consignment(element: Any, manifest_index: int, index: int, header: Manifest) -> Iterator[StreamItem]:
    """The consignment ``element`` decoded, with what its decoding found."""
    path = f"consignments[{index}]"
    xpath = f"/manifests/manifest[{manifest_index + 1}]/consignments/consignment[{index + 1}]"
    positions: dict[str, Spot] = {}
    decoder = TreeDecoder(_locator(positions, xpath))
    consignment = decoder.build(Consignment, _tree(element, Consignment, path, xpath, positions), path)
    source_map = SourceMap(PositionsOnDemand(positions, _position))
    yield from (d.at(source_map.locate(d.field or "")) for d in decoder.diagnostics)
    if consignment is not None:
        yield ConsignmentChunk(manifest_index, header, index, consignment, source_map)


def _schema_faults(root: Any, schema: etree.XMLSchema) -> tuple[Diagnostic, ...]:
    """Every schema fault of a file read whole, found as a stream finds them."""
    faults = SchemaFaults(schema, NAMESPACE, SCHEMA_INVALID)
    faults.walk(root)
    if faults.found:
        return tuple(faults.found)
    # Not reached while the pieces cover the file (see manifest_xml_faults); libxml2's own words otherwise.
    schema.validate(root)
    return tuple(
        SCHEMA_INVALID(line=entry.line or None, location=entry.path or None, reason=entry.message.replace(_NS, ""))
        for entry in schema.error_log
    )


def _header(element: Any, index: int) -> tuple[Manifest, list[Diagnostic]]:
    header, found, _ = _located_header(element, index)
    return header, found


def _located_header(element: Any, index: int) -> tuple[Manifest, list[Diagnostic], dict[str, Spot]]:
    """The manifest-level data of ``element`` with their positions; the consignments (one cleared element at the
    end of a stream) are left out, their wrapper's position kept."""
    prefix = f"/manifests/manifest[{index + 1}]"
    positions: dict[str, Spot] = {}
    tree = _tree(element, Manifest, "", prefix, positions)
    tree.pop("consignments", None)
    for path in [path for path in positions if path.startswith("consignments[")]:
        del positions[path]
    decoder = TreeDecoder(_locator(positions, prefix))
    decoded = decoder.manifest(tree, "")
    source_map = SourceMap(PositionsOnDemand(positions, _position))
    found = [d.at(source_map.locate(d.field or "")) for d in decoder.diagnostics]
    return (decoded if decoded is not None else Manifest(mode=Mode.RAIL)), found, positions


def _locator(positions: dict[str, Spot], fallback: str) -> Callable[[str], str]:
    def location(path: str) -> str:
        found = positions.get(path)
        return found[1] if found is not None else fallback

    return location


def _tree(element: Any, cls: type[Any], path: str, xpath: str, positions: dict[str, Spot]) -> dict[str, object]:
    """The plain tree of a schema-valid element, recording the line of every value on the way."""
    positions[path] = (element.sourceline, xpath)
    specs = field_specs(cls)
    prefix = f"{path}." if path else ""
    tree: dict[str, object] = {}
    for child in element:
        tag = child.tag
        if not isinstance(tag, str):
            continue  # a comment or processing instruction
        name = tag.rpartition("}")[2]
        spec = specs.get(name)
        child_path = prefix + name
        child_xpath = f"{xpath}/{name}"
        if spec is None or spec.kind == "scalar":
            # An element the schema does not know reaches the decoder, which reports it (only the streaming
            # reader meets one: there the schema is checked as the parse goes, not before).
            positions[child_path] = (child.sourceline, child_xpath)
            tree[name] = child.text or ""
        elif spec.kind == "object":
            tree[name] = _tree(child, typing.cast(type, spec.cls), child_path, child_xpath, positions)
        elif spec.kind == "map":
            positions[child_path] = (child.sourceline, child_xpath)
            tree[name] = {str(item.get("key")): item.text or "" for item in child.iterchildren(_NS + "extension")}
        else:
            positions[child_path] = (child.sourceline, child_xpath)
            items: list[object] = []
            item_xpath = f"{child_xpath}/{spec.item_name}["
            number = 0
            for item in child:
                if not isinstance(item.tag, str):
                    continue
                item_path = f"{child_path}[{number}]"
                number += 1
                if spec.cls is not None:
                    items.append(_tree(item, spec.cls, item_path, f"{item_xpath}{number}]", positions))
                else:
                    positions[item_path] = (item.sourceline, f"{item_xpath}{number}]")
                    items.append(item.text or "")
            tree[name] = items
    return tree


def write(manifests: Sequence[Manifest]) -> Written:
    carried, losses = xml_ready(manifests)
    root = etree.Element(_NS + "manifests", nsmap={None: NAMESPACE})
    root.set("version", SCHEMA_VERSION)
    for manifest in carried:
        _fill(etree.SubElement(root, _NS + "manifest"), manifest)
    return Written(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True), tuple(losses))


def _fill(element: Any, obj: object) -> None:
    for spec in fields_of(type(obj)):
        value = getattr(obj, spec.name)
        if value is None or (spec.kind in ("list", "map") and not value):
            continue
        child = etree.SubElement(element, _NS + spec.name)
        if spec.kind == "scalar":
            child.text = scalar_to_text(value)
        elif spec.kind == "object":
            _fill(child, value)
        elif spec.kind == "map":
            for key, text in value.items():
                etree.SubElement(child, _NS + "extension", key=key).text = text
        else:
            for item in value:
                item_element = etree.SubElement(child, _NS + spec.item_name)
                if spec.cls is not None:
                    _fill(item_element, item)
                else:
                    item_element.text = scalar_to_text(item)
