"""Parsing XML from untrusted files: no entity expansion, no DTD, no network, bounded size.

Every XML format goes through :func:`parse`. A manifest never needs a DTD, so any DOCTYPE is refused outright:
that closes entity expansion (billion laughs, quadratic blow-up) and external entities (file and network) at once.
"""

from __future__ import annotations

import re

from lxml import etree

from manifest.diagnostics import ParseError, Severity, define

NOT_XML = define(
    "XML001",
    Severity.ERROR,
    "not well-formed XML: $reason",
    "XML mal formado: $reason",
    "W3C XML 1.0",
)
DOCTYPE_REFUSED = define(
    "XML002",
    Severity.ERROR,
    "a DOCTYPE declaration is not allowed in a manifest (entities and external DTDs are never loaded)",
    "no se permite una declaración DOCTYPE en un manifiesto (nunca se cargan entidades ni DTD externos)",
    "OWASP XML External Entity Prevention",
)

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse(data: bytes) -> etree._ElementTree:
    """Parse ``data``; a fault is a ParseError with the line and column that libxml2 reports."""
    doctype = _DOCTYPE.search(data)
    if doctype is not None:
        line = data.count(b"\n", 0, doctype.start()) + 1
        column = doctype.start() - (data.rfind(b"\n", 0, doctype.start()) + 1) + 1
        raise ParseError(DOCTYPE_REFUSED(line=line, column=column))
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        line, column = error.position
        reason = error.msg or "unreadable"
        raise ParseError(NOT_XML(line=line or 1, column=column or None, reason=reason)) from error
    if root is None:
        raise ParseError(NOT_XML(line=1, column=1, reason="empty document"))
    return root.getroottree()


def local_name(tag: object) -> str:
    text = str(tag)
    return text.rpartition("}")[2]
