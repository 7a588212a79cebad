"""Keeping the attributes the model has no field for in ``extensions``, and putting them back on write.

Keys are namespaced by the XML vocabulary: ``cfdi.`` for CFDI 4.0, ``tfd.`` for the timbre fiscal digital,
``cartaporte.`` for the complement. An attribute of an element mapped to a model object is kept on that object as
``<ns>.<Element>.<Attribute>``; repeated child elements without a model object of their own are numbered from 1 as
in XPath (``cartaporte.DerechosDePaso[2].KilometrajePagado``); a subtree the model does not describe at all
(``cfdi:Conceptos``, other complements, an addenda) is kept whole as XML text under ``<ns>.xml.<Element>[n]``.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterable, Mapping
from typing import Any

from lxml import etree

from manifest.formats import xmlsafe

OWN_NAMESPACES = ("cfdi.", "tfd.", "cartaporte.")
XSI_SCHEMA_LOCATION = "{http://www.w3.org/2001/XMLSchema-instance}schemaLocation"
SCHEMA_LOCATION_KEY = "schemaLocation"
_INDEXED = re.compile(r"(?P<name>[A-Za-z]+)\[(?P<index>[0-9]+)\]\.(?P<attribute>[A-Za-z]+)")


def attributes(element: Any, key: str, mapped: Iterable[str] = ()) -> dict[str, str]:
    """The attributes of ``element`` not in ``mapped``, keyed ``<key>.<Attribute>``."""
    skip = set(mapped)
    found = {
        f"{key}.{name}": str(value)
        for name, value in element.attrib.items()
        if not name.startswith("{") and name not in skip
    }
    schema_location = element.get(XSI_SCHEMA_LOCATION)
    if schema_location is not None:
        found[f"{key}.{SCHEMA_LOCATION_KEY}"] = schema_location
    return found


def numbered(elements: Iterable[Any], key: str) -> dict[str, str]:
    """Every attribute of repeated elements, keyed ``<key>[n].<Attribute>`` with ``n`` counted from 1."""
    found: dict[str, str] = {}
    for index, element in enumerate(elements, start=1):
        found.update(attributes(element, f"{key}[{index}]"))
    return found


def raw(element: Any) -> str:
    """The subtree as XML text, without the indentation between elements (a writer indents it anew)."""
    kept = copy.deepcopy(element)
    for node in kept.iter():
        if node.text is not None and not node.text.strip() and len(node):
            node.text = None
        if node.tail is not None and not node.tail.strip():
            node.tail = None
    return str(etree.tostring(kept, encoding="unicode", with_tail=False))


def restore(element: Any, extensions: Mapping[str, str], key: str) -> None:
    """Set on ``element`` every attribute kept under ``<key>.<Attribute>``."""
    prefix = key + "."
    for name, value in extensions.items():
        attribute = name[len(prefix) :]
        if name.startswith(prefix) and re.fullmatch(r"[A-Za-z]+", attribute):
            element.set(XSI_SCHEMA_LOCATION if attribute == SCHEMA_LOCATION_KEY else attribute, value)


def restore_numbered(extensions: Mapping[str, str], key: str) -> list[dict[str, str]]:
    """The attribute maps of repeated elements kept by :func:`numbered`, in their original order."""
    base, _, _ = key.rpartition(".")
    wanted = key.rpartition(".")[2]
    groups: dict[int, dict[str, str]] = {}
    for name, value in extensions.items():
        if not name.startswith(base + "."):
            continue
        found = _INDEXED.fullmatch(name[len(base) + 1 :])
        if found is not None and found.group("name") == wanted:
            groups.setdefault(int(found.group("index")), {})[found.group("attribute")] = value
    return [groups[index] for index in sorted(groups)]


def raw_elements(extensions: Mapping[str, str], key: str) -> list[Any]:
    """The subtrees kept by :func:`raw` under ``<key>[n]``, parsed back, in order."""
    pattern = re.compile(re.escape(key) + r"\[([0-9]+)\]")
    found = sorted(
        (int(match.group(1)), value) for name, value in extensions.items() if (match := pattern.fullmatch(name))
    )
    return [xmlsafe.parse(value.encode()).getroot() for _, value in found]


def is_own(key: str) -> bool:
    return key.startswith(OWN_NAMESPACES)
