"""From bytes to a :class:`~manifest.formats.base.Document`: parse safely, tell the version, validate, read, check.

A Carta Porte 2.0 or 1.0 is recognised by its namespace and reported as superseded, never read as 3.x. A 3.0 is read
(its differences from 3.1 are handled by the reader) with a warning that SAT accepts only 3.1.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from manifest.diagnostics import Diagnostic, ParseError
from manifest.formats import xmlsafe
from manifest.formats.base import Document, PositionsOnDemand, SourceMap
from manifest.formats.carta_porte import messages, rules, schema
from manifest.formats.carta_porte.namespaces import CFDI, CFDI33, READABLE, SUPERSEDED, q
from manifest.formats.carta_porte.positions import Locator, Spot
from manifest.formats.carta_porte.reader import Reader

NAME = "carta-porte"


def read_document(data: bytes) -> Document:
    tree = xmlsafe.parse(data)
    root = tree.getroot()
    locator = Locator(data, tree)
    if root.tag != q(CFDI, "Comprobante"):
        if root.tag == q(CFDI33, "Comprobante"):
            raise ParseError(messages.CFDI_VERSION(version=root.get("Version", "3.3")).at(locator.at(root)))
        raise ParseError(messages.NOT_CFDI(found=str(root.tag)).at(locator.at(root)))
    complements = [c for complemento in root.iterfind(q(CFDI, "Complemento")) for c in complemento]
    found = [c for c in complements if _namespace(c) in READABLE or _namespace(c) in SUPERSEDED]
    if not found:
        raise ParseError(messages.NO_CARTA_PORTE().at(locator.at(root)))
    diagnostics: list[Diagnostic] = []
    if len(found) > 1:
        diagnostics.append(messages.SEVERAL_CARTA_PORTE(count=len(found)).at(locator.at(found[1])))
    carta_porte = found[0]
    namespace = _namespace(carta_porte)
    if namespace in SUPERSEDED:
        version = carta_porte.get("Version") or SUPERSEDED[namespace]
        diagnostics.append(messages.SUPERSEDED(version=version, value=version).at(locator.at(carta_porte, "Version")))
        return Document(NAME, diagnostics=tuple(diagnostics))
    if READABLE[namespace] != "3.1":
        diagnostics.append(messages.OLDER_VERSION(version=READABLE[namespace]).at(locator.at(carta_porte, "Version")))
    diagnostics.extend(schema.validate(root, locator))
    reader = Reader(root, carta_porte, locator, READABLE[namespace])
    manifest = reader.manifest()
    diagnostics.extend(reader.diagnostics)
    diagnostics.extend(rules.check(root, carta_porte, locator))
    positions = PositionsOnDemand(reader.positions, lambda spot: locator.at(*spot))
    return Document(NAME, (manifest,), (SourceMap(positions),), _with_fields(diagnostics, reader.positions, locator))


def _with_fields(diagnostics: list[Diagnostic], spots: dict[str, Spot], locator: Locator) -> tuple[Diagnostic, ...]:
    """Each finding about an attribute that fills a model field names that field too (its first, shortest path)."""
    # Only the locations of findings without a field are looked up: a valid file's positions are not gone through.
    wanted = {d.location for d in diagnostics if not d.field and d.location and "/@" in d.location}
    if not wanted:
        return tuple(diagnostics)
    fields: dict[str, str] = {}
    for path, spot in spots.items():
        location = locator.location(*spot)
        if location in wanted:
            known = fields.get(location)
            if known is None or (len(path), path) < (len(known), known):
                fields[location] = path
    return tuple(
        d if d.field or d.location not in fields else replace(d, field=fields[d.location or ""]) for d in diagnostics
    )


def _namespace(element: Any) -> str:
    tag = element.tag
    return str(tag)[1:].partition("}")[0] if isinstance(tag, str) and tag.startswith("{") else ""
