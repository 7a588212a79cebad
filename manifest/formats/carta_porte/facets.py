"""The string facets SAT's XSDs give each text attribute (pattern, minimum and maximum length), read from the shipped
schemas, so that a writer never writes a value the schema rejects.

An attribute's simple type is either inline (``xs:restriction`` of ``xs:string`` under the attribute) or a named
type of tdCFDI.xsd (``t_Descrip100``: ``[^|]{1,100}``; ``t_RFC``). The CFDI and Carta Porte string types collapse
white space before their facets apply where they say so (XML Schema Part 2, 4.3.6), and an XSD pattern matches the
whole value (Part 2, appendix F). Decimal, date and catalogue types are not here: the writers fill them from typed
model values (:mod:`.road`'s ``NUMBERS``) and the catalogues (:mod:`.catalogues`).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from lxml import etree

from manifest.formats.carta_porte import schema
from manifest.formats.carta_porte.namespaces import q
from manifest.slotted import record

_TYPES = "tipoDatos/tdCFDI/tdCFDI.xsd"
_STRING = "string"


@record
class Facets:
    """What a string value must be to fit: at least ``least`` and at most ``most`` characters, matching ``pattern``
    whole, once white space is collapsed when the type says so (``collapse``; xs:string itself preserves it, which
    NumeroPedimento's two spaces between its groups rely on)."""

    pattern: re.Pattern[str] | None
    least: int
    most: int | None
    collapse: bool

    def admit(self, value: str) -> bool:
        collapsed = " ".join(value.split()) if self.collapse else value
        if len(collapsed) < self.least or (self.most is not None and len(collapsed) > self.most):
            return False
        return self.pattern is None or self.pattern.fullmatch(collapsed) is not None


def _of(restriction: Any) -> Facets | None:
    """The facets of an ``xs:restriction`` of ``xs:string``, or None for another base or a pattern Python's regular
    expressions do not read as XSD does."""
    if restriction is None or restriction.get("base", "").rpartition(":")[2] != _STRING:
        return None
    given = {etree.QName(child).localname: child.get("value") for child in restriction}
    try:
        pattern = re.compile(given["pattern"]) if "pattern" in given else None
    except re.error:
        return None
    length = given.get("length")
    least = int(length or given.get("minLength") or 0)
    most = int(length) if length else int(given["maxLength"]) if "maxLength" in given else None
    return Facets(pattern, least, most, given.get("whiteSpace") == "collapse")


@cache
def _named() -> dict[str, Facets]:
    """The string types of tdCFDI.xsd, by name."""
    tree = etree.parse(str(schema.cfd_directory() / _TYPES))
    found = {}
    for simple in tree.iter(q(schema.XS, "simpleType")):
        facets = _of(simple.find(q(schema.XS, "restriction")))
        if facets is not None and simple.get("name"):
            found[simple.get("name")] = facets
    return found


@cache
def declared_facets(namespace: str) -> dict[schema.TypeKey, Facets]:
    """The facets of each text attribute of the schema of ``namespace``, by its element and that element's parent."""
    found = {}
    for key, attribute in schema.declarations(namespace):
        named = attribute.get("type")
        if named is not None:
            facets = _named().get(named.rpartition(":")[2]) if named.startswith("tdCFDI:") else None
        else:
            facets = _of(attribute.find(f"{q(schema.XS, 'simpleType')}/{q(schema.XS, 'restriction')}"))
        if facets is not None:
            found[key] = facets
    return found


def facets_of(element: Any, attribute: str, namespace: str) -> Facets | None:
    """The facets of ``attribute`` of ``element`` (an element of ``namespace``). An element filled before it is
    placed has no parent to tell its declaration by: it takes the one its local name has under every parent, when
    all agree."""
    table = declared_facets(namespace)
    if element.getparent() is not None:
        return table.get(schema.key_of(element, attribute))
    return _anywhere(namespace, etree.QName(element).localname, attribute)


@cache
def _anywhere(namespace: str, local: str, attribute: str) -> Facets | None:
    found = {
        facets
        for (_, _, owner, name), facets in declared_facets(namespace).items()
        if (owner, name) == (local, attribute)
    }
    return found.pop() if len(found) == 1 else None
