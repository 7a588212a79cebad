"""Validation against SAT's official XSDs, shipped verbatim under ``schemas/sat/``.

The schemas are compiled once per process, on the first Carta Porte file (the catalogues make ``catCFDI.xsd`` about
5 MB; libxml2 compiles them without the large catalogues' values, which :mod:`.catalogues` checks). A CFDI's
``cfdi:Complemento`` and ``cfdi:Addenda`` admit any element under a strict wildcard, so the timbre fiscal digital
and other complements (whose XSDs are not shipped) are left out of the validated copy; the Carta Porte complement is
validated with the CFDI. A catalogue miss is reported as "not in catalogue c_X", naming the catalogue from the
attribute's declared type: the large catalogues are checked before libxml2 (see :mod:`.catalogues`), and the small
ones' libxml2 messages, which list every value, are rewritten.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from lxml import etree

from manifest.compiled import compiled
from manifest.diagnostics import Diagnostic
from manifest.formats.carta_porte import catalogues, messages
from manifest.formats.carta_porte.namespaces import CFDI, CP30, CP31, q
from manifest.formats.carta_porte.positions import Locator
from manifest.packaged import packaged
from manifest.slotted import record

XS = "http://www.w3.org/2001/XMLSchema"
_CFD = ("schemas", "sat", "sitio_internet", "cfd")
# The documents that declare the elements a Carta Porte CFDI uses; each imports its catalogues by relative path.
_ROOTS = {CFDI: "4/cfdv40.xsd", CP31: "CartaPorte/CartaPorte31.xsd", CP30: "CartaPorte/CartaPorte30.xsd"}

_MESSAGE = re.compile(r"Element '(?:\{[^}]*\})?([^']+)'(?:, attribute '([^']+)')?: (.*)", re.DOTALL)
_ENUMERATION_VALUE = re.compile(r"\[facet 'enumeration'\] The value '(.*?)' is not an element of the set")
_ATOMIC = re.compile(r"is not a valid value of the atomic type")
_SET = re.compile(r"\{('[^']*'(?:, '[^']*')*)\}")
_SHOWN_VALUES = 12


def cfd_directory() -> Path:
    """The folder holding SAT's ``sitio_internet/cfd`` tree inside the installed package."""
    return packaged(*_CFD, _ROOTS[CFDI]).parent.parent


# (element's namespace, parent element's local name, element's local name, attribute): Carta Porte 3.0 and 3.1
# declare elements of the same local names, and an attribute of one version (3.0's CartaPorte/@RegimenAduanero)
# must not give its type to the other's.
TypeKey = tuple[str, str, str, str]


@record
class _Compiled:
    schema: etree.XMLSchema
    types: dict[TypeKey, str]  # -> the attribute's declared type (its local name, e.g. c_ClaveProdServCP)
    catalogues: dict[str, catalogues.Codes]  # the large catalogues' values, checked before libxml2 sees them
    # A valid code of each large catalogue, put in place of a missing one so that libxml2 reports nothing twice;
    # chosen once, as finding it scans the whole catalogue.
    stand_ins: dict[str, str]


@cache
def _compiled() -> _Compiled:
    base = cfd_directory()
    imports = "".join(
        f'<xs:import namespace="{namespace}" schemaLocation="{relative}"/>' for namespace, relative in _ROOTS.items()
    )
    wrapper = f'<xs:schema xmlns:xs="{XS}">{imports}</xs:schema>'
    types = every_declared_type()
    wanted = sorted({name for name in types.values() if name.startswith("c_")})
    texts, schemas, stand_ins = compiled(
        "sat-catalogue-texts", catalogues.signature(base, wanted), lambda: _cut(base, wanted)
    )
    values = {name: catalogues.Codes(text) for name, text in texts.items()}
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    parser.resolvers.add(_Replaced(schemas))
    document = etree.fromstring(wrapper.encode(), parser, base_url=(base / "carta-porte.xsd").as_uri())
    return _Compiled(etree.XMLSchema(document), types, values, stand_ins)


def _cut(base: Path, wanted: list[str]) -> tuple[dict[str, str], dict[str, bytes], dict[str, str]]:
    """The large catalogues cut out of SAT's XSDs (see :func:`catalogues.load`), each as the text of a
    :class:`catalogues.Codes`, and a stand-in of each, in the form kept in the user's cache (manifest.compiled):
    cutting them took most of checking one small Carta Porte."""
    loaded = catalogues.load(base, wanted)
    texts = {name: catalogues.Codes.text_of(codes) for name, codes in loaded.values.items()}
    return texts, loaded.schemas, {name: min(codes) for name, codes in loaded.values.items()}


class _Replaced(etree.Resolver):  # type: ignore[misc]  # lxml's resolver base class is untyped
    """Hands libxml2 the catalogue schemas without their large enumerations when an import asks for them."""

    def __init__(self, documents: dict[str, bytes]) -> None:
        super().__init__()
        self._documents = documents

    def resolve(self, system_url: str, public_id: str, context: Any) -> Any:
        found = self._documents.get(system_url)
        return None if found is None else self.resolve_string(found, context, base_url=system_url)


def declarations(namespace: str) -> Iterator[tuple[TypeKey, Any]]:
    """Each attribute declaration (an ``xs:attribute`` element) of the schema of ``namespace`` (CFDI 4.0, Carta Porte
    3.1 or 3.0), by its key: its element and that element's parent."""
    tree = etree.parse(str(cfd_directory() / _ROOTS[namespace]))
    for attribute in tree.iter(q(XS, "attribute")):
        name = attribute.get("name")
        owners = [a.get("name") for a in attribute.iterancestors(q(XS, "element"))]
        if name and owners and owners[0]:
            yield (namespace, owners[1] if len(owners) > 1 else "", owners[0], name), attribute


@cache
def declared_types(namespace: str) -> dict[TypeKey, str]:
    """The declared type of each attribute of the schema of ``namespace``, by its element and that element's
    parent: the named type, else the base of its inline restriction."""
    found: dict[TypeKey, str] = {}
    for key, attribute in declarations(namespace):
        declared = attribute.get("type")
        if declared is None:
            restriction = attribute.find(f"{q(XS, 'simpleType')}/{q(XS, 'restriction')}")
            declared = restriction.get("base") if restriction is not None else None
        if declared:
            found[key] = declared.rpartition(":")[2]
    return found


@cache
def every_declared_type() -> dict[TypeKey, str]:
    """The declared type of each attribute of CFDI 4.0, Carta Porte 3.1 and 3.0, told apart by namespace."""
    return {key: declared for namespace in _ROOTS for key, declared in declared_types(namespace).items()}


def key_of(element: Any, attribute: str) -> TypeKey:
    """The key of ``attribute`` of ``element`` in a table of declarations."""
    parent = element.getparent()
    name = etree.QName(element)
    # An element under another namespace's element (cp:CartaPorte in cfdi:Complemento) is declared at the top of
    # its own schema, where it has no parent.
    held = parent is not None and etree.QName(parent).namespace == name.namespace
    return (name.namespace or "", etree.QName(parent).localname if held else "", name.localname, attribute)


def type_of(types: dict[TypeKey, str], element: Any, attribute: str) -> str:
    """The declared type of ``attribute`` of ``element`` among ``types`` (its local name), or "" when undeclared."""
    return types.get(key_of(element, attribute), "")


def _precheck(compiled: _Compiled, checked: Any, originals: dict[Any, Any], locator: Locator) -> list[Diagnostic]:
    """Find values missing from the large catalogues, and give libxml2 a valid one in their place."""
    found: list[Diagnostic] = []
    for element in checked.iter(tag=etree.Element):
        for attribute, value in list(element.attrib.items()):
            catalogue = type_of(compiled.types, element, attribute)
            codes = compiled.catalogues.get(catalogue)
            if codes is None or " ".join(value.split()) in codes:
                continue
            original = originals[element]
            found.append(
                messages.NOT_IN_CATALOGUE(
                    attribute=f"{etree.QName(element).localname}/@{attribute}", value=value, catalogue=catalogue
                ).at(locator.at(original, attribute))
            )
            element.set(attribute, compiled.stand_ins[catalogue])
    return found


def compile_schema() -> None:
    """Compile the SAT schemas now (they are otherwise compiled on the first validation)."""
    _compiled()


def validate(root: Any, locator: Locator) -> list[Diagnostic]:
    """Schema diagnostics for a ``cfdi:Comprobante`` element, each pinned to its line, column and attribute."""
    compiled = _compiled()
    checked = copy.deepcopy(root)
    originals = dict(zip(checked.iter(), root.iter(), strict=True))
    _drop_unvalidated(checked)
    found = _precheck(compiled, checked, originals, locator)
    if compiled.schema.validate(checked):
        return found
    reported: set[tuple[int, str | None]] = set()
    for entry in compiled.schema.error_log:
        match = _MESSAGE.match(entry.message or "")
        element = _element_for(checked, originals, entry.path)
        attribute = match.group(2) if match else None
        key = (entry.line, attribute)
        if match and _ATOMIC.search(match.group(3)) and key in reported:
            continue  # libxml2 repeats an enumeration failure as an atomic-type failure
        reported.add(key)
        position = locator.at(element, attribute) if element is not None else None
        catalogue = type_of(compiled.types, element, attribute) if element is not None and attribute else ""
        found.append(_diagnostic(entry, match, catalogue).at(position))
    return found


def _drop_unvalidated(checked: Any) -> None:
    for addenda in checked.findall(q(CFDI, "Addenda")):
        checked.remove(addenda)
    for complemento in checked.findall(q(CFDI, "Complemento")):
        for child in list(complemento):
            if not isinstance(child.tag, str) or etree.QName(child).namespace not in (CP31, CP30):
                complemento.remove(child)


def _element_for(checked: Any, originals: dict[Any, Any], path: str | None) -> Any:
    if not path:
        return None
    try:
        hits = checked.getroottree().xpath(path, namespaces=_prefixes(checked))
    except etree.XPathError:
        return None
    if not hits:
        return None
    return originals.get(hits[0])


def _prefixes(root: Any) -> dict[str, str]:
    found: dict[str, str] = {}
    for element in root.iter(tag=etree.Element):
        found.update((prefix, namespace) for prefix, namespace in element.nsmap.items() if prefix)
    return found


def _diagnostic(entry: Any, match: re.Match[str] | None, catalogue: str) -> Diagnostic:
    line = entry.line or None
    if match is None:
        return messages.SCHEMA(line=line, reason=_shorten(entry.message or "invalid"))
    element, attribute, detail = match.groups()
    value = _ENUMERATION_VALUE.search(detail)
    if value is not None and attribute is not None and catalogue.startswith("c_"):
        return messages.NOT_IN_CATALOGUE(
            line=line, attribute=f"{element}/@{attribute}", value=value.group(1), catalogue=catalogue
        )
    subject = f"{element}/@{attribute}" if attribute else element
    return messages.SCHEMA(line=line, reason=f"{subject}: {_shorten(detail)}", field=None)


def _shorten(text: str) -> str:
    """A libxml2 message with any long enumeration set cut to its first values."""

    def cut(found: re.Match[str]) -> str:
        values = found.group(1).split(", ")
        if len(values) <= _SHOWN_VALUES:
            return found.group(0)
        return "{" + ", ".join(values[:_SHOWN_VALUES]) + f", ... ({len(values)} values)" + "}"

    return _SET.sub(cut, text.strip())
