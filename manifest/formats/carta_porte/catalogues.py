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

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

FILES = ("catalogos/catCFDI.xsd", "catalogos/CartaPorte/catCartaPorte.xsd", "catalogos/ComExt/catComExt.xsd")
LARGE = 1000  # catalogues at least this long are checked before schema validation

_SIMPLE_TYPE = re.compile(r'<xs:simpleType name="([^"]+)">')
_SIMPLE_TYPE_END = "</xs:simpleType>"
_ENUMERATION = re.compile(r'<xs:enumeration value="([^"<>&]*)"/>')


@dataclass(frozen=True, slots=True)
class Catalogues:
    values: dict[str, frozenset[str]]  # each large catalogue's codes, by type name (c_CodigoPostal)
    schemas: dict[str, bytes]  # the catalogue XSDs by file URI, the large catalogues' enumerations left out


def codes(base: Path, catalogue: str) -> frozenset[str]:
    """Every code of the SAT catalogue ``catalogue`` (c_ClaveUnidad), of whichever catalogue file defines it; an
    empty set when none does. Only the catalogue's own definition is scanned, in the form :func:`load` reads."""
    opening = f'<xs:simpleType name="{catalogue}">'
    for relative in FILES:
        text = (base / relative).read_text(encoding="utf-8")
        start = text.find(opening)
        if start >= 0:
            return frozenset(_ENUMERATION.findall(text, start, text.index(_SIMPLE_TYPE_END, start)))
    return frozenset()


def signature(base: Path, wanted: Iterable[str]) -> list[bytes]:
    """What :func:`load` depends on, to name its result in a cache: the catalogue files (their path, size and time
    of change, as Python names its compiled modules) and the catalogues wanted."""
    found = [f"{name}\n".encode() for name in wanted]
    for relative in FILES:
        path = base / relative
        state = path.stat()
        found.append(f"{path}\0{state.st_size}\0{state.st_mtime_ns}".encode())
    return found


def load(base: Path, wanted: Iterable[str]) -> Catalogues:
    """The values of each catalogue in ``wanted`` that has at least ``LARGE`` values, and the catalogue schemas
    without those values.

    SAT writes each catalogue file as one line of ``<xs:simpleType name="c_X">`` definitions whose values are
    ``<xs:enumeration value="..."/>`` elements (no entity, comment or annotation among them). The wanted types are
    cut out of the text in that form rather than through a parsed tree: building an element for each of some
    240,000 values and removing them again took most of the half second that compiling the schemas cost on the
    first Carta Porte file of a run. The schema text around the removed values is kept as SAT wrote it.
    """
    names = set(wanted)
    values: dict[str, frozenset[str]] = {}
    schemas: dict[str, bytes] = {}
    for relative in FILES:
        path = base / relative
        text = path.read_text(encoding="utf-8")
        kept: list[str] = []
        done = 0
        for opening in _SIMPLE_TYPE.finditer(text):
            end = text.index(_SIMPLE_TYPE_END, opening.end())
            codes = _ENUMERATION.findall(text, opening.end(), end)
            if opening.group(1) not in names or len(codes) < LARGE:
                continue
            values[opening.group(1)] = frozenset(codes)
            kept += [text[done : opening.end()], _ENUMERATION.sub("", text[opening.end() : end])]
            done = end
        kept.append(text[done:])
        schemas[path.as_uri()] = "".join(kept).encode()
    return Catalogues(values, schemas)
