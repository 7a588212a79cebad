"""What the parts of the Carta Porte reader share: the source, its positions, its findings, and the units
(transport documents) that consignments are built from."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from manifest.diagnostics import Diagnostic
from manifest.formats.carta_porte import messages, values
from manifest.formats.carta_porte.namespaces import q
from manifest.formats.carta_porte.positions import Locator, Spot
from manifest.model import (
    DocumentType,
    Equipment,
    GoodsItem,
)

# c_CveTransporte (catCartaPorte.xsd): the transport node of each mode.


@dataclass
class HeldGoods:
    element: Any
    item: GoodsItem
    positions: dict[str, Spot]  # relative to the goods item


@dataclass
class TransportUnit:
    """A consignment being assembled: its document and equipment, with positions relative to it."""

    number: str
    kind: DocumentType
    equipment: list[Equipment] = field(default_factory=list)
    positions: dict[str, Spot] = field(default_factory=dict)
    goods: list[HeldGoods] = field(default_factory=list)


class ReadingContext:
    def __init__(self, root: Any, carta_porte: Any, locator: Locator, version: str) -> None:
        self.root = root
        self.cp = carta_porte
        self.ns = str(carta_porte.tag)[1:].partition("}")[0]
        self.at = locator.at
        self.version = version
        self.positions: dict[str, Spot] = {}
        self.diagnostics: list[Diagnostic] = []

    def _q(self, local: str) -> str:
        return q(self.ns, local)

    def _record(self, path: str, element: Any, attribute: str | None = None) -> None:
        self.positions[path] = (element, attribute)

    def _number(
        self, element: Any, attribute: str, kept: dict[str, str], key: str, parse: Callable[[str], Any] = values.decimal
    ) -> Any:
        """The parsed value of an attribute; a value that does not parse is reported and kept as text."""
        text = element.get(attribute)
        if text is None:
            return None
        parsed = parse(text)
        if parsed is None:
            kept[f"{key}.{attribute}"] = text
            self.diagnostics.append(
                messages.BAD_VALUE(attribute=attribute, value=text, reason="not a valid value").at(
                    self.at(element, attribute)
                )
            )
        return parsed
