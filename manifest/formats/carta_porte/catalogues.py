"""The values of SAT's large catalogues (c_ClaveProdServCP, c_CodigoPostal, c_FraccionArancelaria ...), read from
the shipped XSDs so that a value missing from one is found without asking libxml2.

libxml2 words an enumeration failure by listing the whole value set: for a catalogue of tens of thousands of codes
that costs about a second per fault and buries the message. Checking these catalogues first keeps a file with many
bad codes fast, and its findings short.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from lxml import etree

from manifest.formats.carta_porte.namespaces import q

_XS = "http://www.w3.org/2001/XMLSchema"
FILES = ("catalogos/catCFDI.xsd", "catalogos/CartaPorte/catCartaPorte.xsd", "catalogos/ComExt/catComExt.xsd")
LARGE = 1000  # catalogues at least this long are checked before schema validation


def load(base: Path, wanted: Iterable[str]) -> dict[str, frozenset[str]]:
    """The values of each catalogue in ``wanted`` that has at least ``LARGE`` values."""
    names = set(wanted)
    found: dict[str, frozenset[str]] = {}
    simple_type = q(_XS, "simpleType")
    enumeration = q(_XS, "enumeration")
    for relative in FILES:
        for _, element in etree.iterparse(str(base / relative), tag=simple_type, huge_tree=True):
            name = element.get("name")
            if name in names:
                codes = frozenset(str(e.get("value")) for e in element.iter(enumeration))
                if len(codes) >= LARGE:
                    found[name] = codes
            element.clear()
    return found
