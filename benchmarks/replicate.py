"""Grow a sample manifest into a large one: copies of its consignments (or goods items) with identifiers that stay
unique and keep valid check digits, so that the generated file checks as cleanly as the sample it comes from.

Identifiers are renumbered by the rule of their kind: ISO 6346 container numbers get their check digit back
(ISO 6346:1995 annex A, through python-stdnum), air waybill serials their modulo-7 check digit (IATA Resolution
600a), railcar and ULD serials stay within their field widths; document numbers keep the template's letters and the
width of its digits.
"""

from __future__ import annotations

import re
from dataclasses import replace

from stdnum import iso6346

from manifest.model import Consignment, DocumentType, Equipment, EquipmentKind, GoodsItem, Manifest

_LETTERS_THEN_DIGITS = re.compile(r"([^0-9]*)([0-9]+)$")


def container_number(initial: str, serial: int) -> str:
    """The 6-digit serial and its ISO 6346 check digit, as the model holds it after the owner code."""
    digits = f"{serial % 1_000_000:06d}"
    return digits + str(iso6346.calc_check_digit(initial + digits))


def air_waybill(prefix: str, serial: int) -> str:
    """``PPP-SSSSSSSC``: the 7-digit serial and its check digit, the serial modulo 7."""
    serial %= 10_000_000
    return f"{prefix}-{serial:07d}{serial % 7}"


def renumbered(value: str, serial: int) -> str:
    """The template's letters followed by ``serial`` in as many digits as the template had."""
    match = _LETTERS_THEN_DIGITS.match(value)
    if match is None:
        return f"{value}{serial}"
    letters, digits = match.groups()
    return f"{letters}{serial % 10 ** len(digits):0{len(digits)}d}"


def renumber_equipment(equipment: Equipment, serial: int) -> Equipment:
    initial = equipment.initial or ""
    if equipment.kind is EquipmentKind.CONTAINER and len(initial) == 4:
        return replace(equipment, number=container_number(initial, serial))
    if equipment.kind is EquipmentKind.RAILCAR:
        return replace(equipment, number=f"{serial % 1_000_000:06d}")
    if equipment.kind is EquipmentKind.ULD:
        # ULD serial (4 or 5 digits) followed by the owner's two-character code (IATA ULD Regulations, chapter 4).
        owner = equipment.number[-2:] if equipment.number[-2:].isalpha() else ""
        return replace(equipment, number=f"{10_000 + serial % 90_000:05d}{owner}")
    return replace(equipment, number=renumbered(equipment.number, serial))


def document_number(consignment: Consignment, serial: int) -> str:
    if consignment.document_type is DocumentType.AIR_WAYBILL and "-" in consignment.document_number:
        return air_waybill(consignment.document_number.split("-")[0], 3_000_000 + serial)
    return renumbered(consignment.document_number, serial)


class _Copier:
    """Makes copy after copy of a template; one serial counter per kind of identifier keeps every copy unique."""

    def __init__(self) -> None:
        self.equipment_serial = 0
        self.document_serial = 0

    def equipment_map(self, equipment: list[Equipment]) -> dict[str, Equipment]:
        renamed: dict[str, Equipment] = {}
        for item in equipment:
            if item.identifier not in renamed:
                self.equipment_serial += 1
                renamed[item.identifier] = renumber_equipment(item, self.equipment_serial)
        return renamed

    def copy(self, manifest: Manifest) -> tuple[tuple[Consignment, ...], tuple[Equipment, ...]]:
        """One copy of the manifest's consignments and of its own equipment, every identifier new."""
        every = list(manifest.equipment) + [e for c in manifest.consignments for e in c.equipment]
        renamed = self.equipment_map(every)
        masters: dict[str, str] = {}
        consignments: list[Consignment] = []
        for consignment in manifest.consignments:
            self.document_serial += 1
            number = document_number(consignment, self.document_serial)
            masters[consignment.document_number] = number
            consignments.append(
                replace(
                    consignment,
                    document_number=number,
                    master_number=masters.get(consignment.master_number or "", consignment.master_number),
                    equipment=tuple(renamed[e.identifier] for e in consignment.equipment),
                    goods=tuple(_goods_in(g, renamed) for g in consignment.goods),
                )
            )
        return tuple(consignments), tuple(renamed[e.identifier] for e in manifest.equipment)


def _goods_in(goods: GoodsItem, renamed: dict[str, Equipment]) -> GoodsItem:
    return replace(
        goods, equipment_ids=tuple(renamed[i].identifier if i in renamed else i for i in goods.equipment_ids)
    )


def grow(template: Manifest, copies: int) -> Manifest:
    """One manifest holding ``copies`` copies of the template's consignments (and of its own equipment)."""
    (manifest,) = split(template, copies, copies)
    return manifest


def split(template: Manifest, copies: int, per_manifest: int) -> list[Manifest]:
    """``copies`` copies of the template's consignments spread over manifests of ``per_manifest`` copies each (the
    trains of a day, the vessel calls of a CUSCAR interchange), each manifest with its own trip number."""
    copier = _Copier()
    manifests: list[Manifest] = []
    for start in range(0, copies, per_manifest):
        consignments: list[Consignment] = []
        equipment: list[Equipment] = []
        for _ in range(min(per_manifest, copies - start)):
            more, own = copier.copy(template)
            consignments.extend(more)
            equipment.extend(own)
        trip = template.trip_number
        if trip and trip[-1].isdigit():
            trip = renumbered(trip, len(manifests) + 1)
        manifests.append(
            replace(template, trip_number=trip, consignments=tuple(consignments), equipment=tuple(equipment))
        )
    return manifests


def more_goods(template: Manifest, items: int) -> Manifest:
    """The template with its first consignment carrying ``items`` goods items, copies of the ones it has."""
    first, *rest = template.consignments
    goods = tuple(
        replace(first.goods[n % len(first.goods)], sequence=n + 1) for n in range(max(items, len(first.goods)))
    )
    return replace(template, consignments=(replace(first, goods=goods), *rest))
