"""The values of SAT's large catalogues (c_ClaveProdServCP, c_CodigoPostal, c_FraccionArancelaria ...), read from
the shipped XSDs so that a value missing from one is found without asking libxml2.

libxml2 words an enumeration failure by listing the whole value set: for a catalogue of tens of thousands of codes
that costs about a second per fault and buries the message. It also checks an enumeration by comparing the value
with each code in turn, so a valid code of c_CodigoPostal (about 95,000 values) costs a scan of the list, and
compiling the lists takes seconds. The large catalogues are therefore checked before libxml2 against a set, and the
schema libxml2 compiles keeps their other facets (the whiteSpace collapse) but not their enumerations: the value it
then sees has already been checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from manifest.formats.carta_porte.namespaces import q

_XS = "http://www.w3.org/2001/XMLSchema"
FILES = ("catalogos/catCFDI.xsd", "catalogos/CartaPorte/catCartaPorte.xsd", "catalogos/ComExt/catComExt.xsd")
LARGE = 1000  # catalogues at least this long are checked before schema validation


@dataclass(frozen=True, slots=True)
class Catalogues:
    values: dict[str, frozenset[str]]  # each large catalogue's codes, by type name (c_CodigoPostal)
    schemas: dict[str, bytes]  # the catalogue XSDs by file URI, the large catalogues' enumerations left out


def load(base: Path, wanted: Iterable[str]) -> Catalogues:
    """The values of each catalogue in ``wanted`` that has at least ``LARGE`` values, and the catalogue schemas
    without those values."""
    names = set(wanted)
    values: dict[str, frozenset[str]] = {}
    schemas: dict[str, bytes] = {}
    enumeration = q(_XS, "enumeration")
    for relative in FILES:
        path = base / relative
        tree = etree.parse(str(path), etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True))
        for simple_type in tree.getroot().iterchildren(q(_XS, "simpleType")):
            if simple_type.get("name") not in names:
                continue
            codes = frozenset(str(e.get("value")) for e in simple_type.iter(enumeration))
            if len(codes) < LARGE:
                continue
            values[str(simple_type.get("name"))] = codes
            for restriction in simple_type.iterchildren(q(_XS, "restriction")):
                for code in restriction.findall(enumeration):
                    restriction.remove(code)
        schemas[path.as_uri()] = etree.tostring(tree)
    return Catalogues(values, schemas)
