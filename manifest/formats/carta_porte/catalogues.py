"""The values of SAT's large catalogues (c_ClaveProdServCP, c_CodigoPostal, c_FraccionArancelaria ...), read from
the shipped XSDs so that a value missing from one is found without asking libxml2.

libxml2 words an enumeration failure by listing the whole value set: for a catalogue of tens of thousands of codes
that costs about a second per fault and buries the message. It also checks an enumeration by comparing the value
with each code in turn, so a valid code of c_CodigoPostal (about 95,000 values) costs a scan of the list, and
compiling the lists takes seconds. The large catalogues are therefore checked before libxml2 against a set, and the
schema libxml2 compiles keeps their other facets (the whiteSpace collapse) but not their enumerations: the value it
then sees has already been checked. A large catalogue that no schema names (c_Colonia, about 10,000 values, which
CFDI 4.0 and Carta Porte no longer use) loses its enumeration too: no value is ever checked against it, and it was
three quarters of what libxml2 compiled.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from manifest.compiled import file_state
from manifest.slotted import record

FILES = ("catalogos/catCFDI.xsd", "catalogos/CartaPorte/catCartaPorte.xsd", "catalogos/ComExt/catComExt.xsd")
LARGE = 1000  # catalogues at least this long are checked before schema validation

_SIMPLE_TYPE = re.compile(r'<xs:simpleType name="([^"]+)">')
_SIMPLE_TYPE_END = "</xs:simpleType>"
_ENUMERATION = re.compile(r'<xs:enumeration value="([^"<>&]*)"/>')


class Codes:
    """A large catalogue's codes kept as one text, a code a line, as the user's cache holds them.

    Loading the seven large catalogues as sets (some 240,000 strings) took longer than reading a small Carta Porte,
    which looks up a handful of values: the first lookups search the text, and a set is built once a file has asked
    more than ``SEARCHES`` times, so that a large file pays one set per catalogue it uses.
    """

    SEARCHES = 64
    __slots__ = ("_asked", "_set", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        self._set: frozenset[str] | None = None
        self._asked = 0

    @staticmethod
    def text_of(codes: Iterable[str]) -> str:
        """The text a :class:`Codes` is made from: each code between line ends (SAT's codes hold none)."""
        return "".join(f"\n{code}" for code in sorted(codes)) + "\n"

    def __contains__(self, code: object) -> bool:
        if not isinstance(code, str):
            return False
        if self._set is None:
            if self._asked < self.SEARCHES and "\n" not in code:
                self._asked += 1
                return f"\n{code}\n" in self._text
            self._set = frozenset(self._text[1:-1].split("\n"))
        return code in self._set


@record
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
    """What :func:`load` depends on, to name its result in a cache: the schema files (their path, size and time of
    change, as Python names its compiled modules; the catalogues and the schemas that name them) and the catalogues
    wanted."""
    found = [f"{name}\n".encode() for name in wanted]
    found.extend(file_state(path) for path in sorted(base.rglob("*.xsd")))
    return found


def load(base: Path, wanted: Iterable[str]) -> Catalogues:
    """The values of each catalogue in ``wanted`` that has at least ``LARGE`` values, and the catalogue schemas
    without those values.

    SAT writes each catalogue file as one line of ``<xs:simpleType name="c_X">`` definitions whose values are
    ``<xs:enumeration value="..."/>`` elements (no entity, comment or annotation among them). The wanted types are
    cut out of the text in that form rather than through a parsed tree: building an element for each of some
    240,000 values and removing them again took most of the half second that compiling the schemas cost on the
    first Carta Porte file of a run. The schema text around the removed values is kept as SAT wrote it. A large
    catalogue no schema names loses its values too, and they are not returned.
    """
    names = set(wanted)
    texts = {path: path.read_text(encoding="utf-8") for path in sorted(base.rglob("*.xsd"))}
    values: dict[str, frozenset[str]] = {}
    schemas: dict[str, bytes] = {}
    for relative in FILES:
        path = base / relative
        text = texts[path]
        kept: list[str] = []
        done = 0
        for opening in _SIMPLE_TYPE.finditer(text):
            name = opening.group(1)
            end = text.index(_SIMPLE_TYPE_END, opening.end())
            codes = _ENUMERATION.findall(text, opening.end(), end)
            if len(codes) < LARGE or (name not in names and _named(name, texts.values())):
                continue
            if name in names:
                values[name] = frozenset(codes)
            kept += [text[done : opening.end()], _ENUMERATION.sub("", text[opening.end() : end])]
            done = end
        kept.append(text[done:])
        schemas[path.as_uri()] = "".join(kept).encode()
    return Catalogues(values, schemas)


def _named(name: str, texts: Iterable[str]) -> bool:
    """Whether any schema names the type ``name`` other than where it is defined (as a type, a base or a member
    type, under any prefix). Counting the bare text errs one way only: a longer name it begins (c_ClaveProdServ in
    c_ClaveProdServCP) counts as a use, so a catalogue in use is never cut."""
    return sum(text.count(name) for text in texts) > 1
