"""Editing a Carta Porte sample for negative tests: change, add or remove one attribute or element."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from lxml import etree

from tests.conftest import SAMPLES

NAMESPACES = {
    "cfdi": "http://www.sat.gob.mx/cfd/4",
    "cp": "http://www.sat.gob.mx/CartaPorte31",
    "tfd": "http://www.sat.gob.mx/TimbreFiscalDigital",
}
RAIL = SAMPLES / "rail" / "northbound-nuevo-laredo.cartaporte.xml"


def edited(change: Callable[[Any], None], path: Any = RAIL) -> bytes:
    """The sample's bytes after ``change`` was applied to its parsed tree; line numbers are kept."""
    tree = etree.fromstring(path.read_bytes())
    change(tree)
    return bytes(etree.tostring(tree, xml_declaration=True, encoding="UTF-8"))


def first(tree: Any, xpath: str) -> Any:
    return tree.xpath(xpath, namespaces=NAMESPACES)[0]


def set_attribute(xpath: str, attribute: str, value: str | None) -> Callable[[Any], None]:
    def change(tree: Any) -> None:
        for element in tree.xpath(xpath, namespaces=NAMESPACES):
            if value is None:
                element.attrib.pop(attribute, None)
            else:
                element.set(attribute, value)

    return change


def remove(xpath: str) -> Callable[[Any], None]:
    def change(tree: Any) -> None:
        for element in tree.xpath(xpath, namespaces=NAMESPACES):
            element.getparent().remove(element)

    return change


def both(*changes: Callable[[Any], None]) -> Callable[[Any], None]:
    def change(tree: Any) -> None:
        for each in changes:
            each(tree)

    return change
