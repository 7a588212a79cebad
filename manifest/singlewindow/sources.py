"""The documents of a movement as reconciliation sees them: each file read by its content, what kind of document it
is, its bills, and the places of its values.

A file may hold several manifests (an X12 interchange of one 309 per bill); reconciliation looks at the file as one
document, its bills in file order and its movement data (conveyance, trip, ports, dates) taken from the first
manifest that gives each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from manifest.core.document import Document
from manifest.diagnostics import Position, Related
from manifest.model import Consignment, DocumentType, Equipment, EquipmentKind, Manifest
from manifest.requirements.documents import document_kind
from manifest.requirements.engine import locate_field
from manifest.slotted import record

# The kinds of document that list the whole cargo of a conveyance, so that a bill of another document of the same
# movement must be in them: a manifest (X12 309, CUSCAR, a flight manifest), a rail consist (X12 358) and the
# harmonized model. An air waybill, a house list and a Carta Porte cover their own shipments only.
COMPLETE = frozenset({"manifest", "consist", "model"})
_UNNUMBERED_GOODS = frozenset({"x12-309", "x12-358", "carta-porte"})
HOUSES = frozenset({DocumentType.HOUSE_BILL_OF_LADING, DocumentType.HOUSE_AIR_WAYBILL})

T = TypeVar("T")


@record
class Spot:
    """A value of one source: the manifest it is in and its model path there."""

    source: Source
    manifest: int
    path: str

    def position(self) -> Position | None:
        return locate_field(self.source.document.source_map(self.manifest), self.path)

    def related(self) -> Related:
        found = self.position() or Position()
        return Related(self.source.path, found.line, found.column, found.location, self.path or None)


@record
class Bill:
    """One bill (consignment) of a source, with where it is."""

    source: Source
    manifest: int
    index: int
    consignment: Consignment
    key: str

    @property
    def house(self) -> bool:
        return self.consignment.document_type in HOUSES

    def spot(self, below: str = "") -> Spot:
        return Spot(self.source, self.manifest, f"consignments[{self.index}]{below}")

    def placed(self, *belows: str) -> Spot:
        """The spot of the first of ``belows`` that the reader placed in the file, else of the first: a Carta
        Porte's bill weight is worked out from its goods, whose weights are written."""
        positions = self.source.document.source_map(self.manifest).positions
        for below in belows:
            spot = self.spot(below)
            if spot.path in positions:
                return spot
        return self.spot(belows[0])


@record
class Source:
    """One file of the movement, read."""

    path: str
    document: Document
    kind: str  # a kind of manifest.requirements.documents.DOCUMENTS

    @property
    def complete(self) -> bool:
        return self.kind in COMPLETE

    @property
    def flight_manifest(self) -> bool:
        """A flight manifest lists the part of a split waybill on board, so its goods do not add up to the bill."""
        return self.kind == "manifest" and self.document.format in ("cargo-xml", "cargo-imp")

    def first(self, value: Callable[[Manifest], T | None], path: str) -> tuple[T, Spot] | None:
        """The first manifest's ``value`` that is given, with the spot of ``path`` in that manifest."""
        for index, manifest in enumerate(self.document.manifests):
            found = value(manifest)
            if found is not None:
                return found, Spot(self, index, path)
        return None

    def anywhere(self) -> Spot:
        """Where the document's bills are, for a part it lacks: its first bill, or the manifest itself."""
        for index, manifest in enumerate(self.document.manifests):
            if manifest.consignments:
                return Spot(self, index, "consignments[0]")
        return Spot(self, 0, "")

    def whole(self) -> Spot:
        """The document as a whole: its first manifest."""
        return Spot(self, 0, "")

    def conveyance_equipment(self) -> list[tuple[Equipment, Spot]]:
        """The conveyance's own equipment: the cars of a train's consist, the ULDs of a flight."""
        return [
            (equipment, Spot(self, m_index, f"equipment[{e_index}]"))
            for m_index, manifest in enumerate(self.document.manifests)
            for e_index, equipment in enumerate(manifest.equipment)
        ]

    def equipment_kinds(self) -> frozenset[EquipmentKind]:
        """The kinds of equipment this document identifies under its bills (a Carta Porte's rail containers have a
        type but no number: containers are then not compared with it)."""
        return frozenset(
            equipment.kind
            for manifest in self.document.manifests
            for consignment in manifest.consignments
            for equipment in consignment.equipment
            if equipment.number.strip()
        )

    @property
    def numbers_goods(self) -> bool:
        """Whether the document writes a number on each goods line (CUSCAR GID 1496, Cargo-XML SequenceNumeric, a
        Cargo-IMP rate line, the model's sequence). An X12 309's N10 has none, and a Carta Porte's reader numbers
        its Mercancia elements by their place, which is no number the document gives."""
        return self.document.format not in _UNNUMBERED_GOODS

    @property
    def parties_per_bill(self) -> bool:
        """Whether the document names each bill's own shipper and consignee. A Carta Porte names the sender of its
        origins and the recipient of its destinations, which its reader gives every bill: with several bills they
        are not any one bill's."""
        if self.kind != "cfdi":
            return True
        return sum(len(manifest.consignments) for manifest in self.document.manifests) <= 1


def source_of(path: str, document: Document) -> Source:
    first = document.manifests[0] if document.manifests else None
    return Source(path, document, document_kind(document.format, first))


def bills_of(source: Source, prefixes: frozenset[str], key: Callable[[str, frozenset[str]], str]) -> list[Bill]:
    return [
        Bill(source, m_index, c_index, consignment, key(consignment.document_number, prefixes))
        for m_index, manifest in enumerate(source.document.manifests)
        for c_index, consignment in enumerate(manifest.consignments)
    ]
