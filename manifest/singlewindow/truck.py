"""A truck crossing compared between its documents: the ACE truck e-manifest (309 shipments, 358 trip), a Carta
Porte autotransporte and the harmonized model.

The tractor is compared with the movement (its VIN and plate, :mod:`.movement`). Here: the trailers it pulls, by
number and by plate where both documents give them (a Carta Porte knows a Remolque by its Placa only), and its
driver, by name (an ACE NM1 splits the name, a Carta Porte NombreFigura holds it whole, so the words of the name are
compared, in any order). A road Carta Porte is the consignment note of the truck's load: it has no shipment number
of its own (its reader numbers it by IdCCP), so with one shipment on each side the two are compared as one bill.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from manifest.model import CrewMember, CrewRole, DocumentType, Equipment, EquipmentKind, Mode
from manifest.singlewindow.findings import Disagreement
from manifest.singlewindow.identity import compact, equipment_key, words_of
from manifest.singlewindow.sources import Bill, Source, Spot


def is_road(source: Source) -> bool:
    return bool(source.document.manifests) and source.document.manifests[0].mode == Mode.ROAD


def consignment_note(source: Source, bills: list[Bill]) -> bool:
    """Whether ``bills`` are a road Carta Porte's one consignment note, known by the CFDI's IdCCP."""
    return (
        source.kind == "cfdi"
        and is_road(source)
        and len(bills) == 1
        and bills[0].consignment.document_type == DocumentType.ROAD_CONSIGNMENT_NOTE
    )


def paired(first: Source, one: list[Bill], second: Source, other: list[Bill]) -> tuple[list[Bill], list[Bill]]:
    """The bills of two documents, a road Carta Porte's consignment note keyed as the other document's only
    shipment so that the two are compared as one bill. A note facing several shipments is matched with none of
    them (which of the shipments it covers is not written) and is not reported missing."""
    if consignment_note(second, other):
        other = [dataclasses.replace(other[0], key=one[0].key)] if len(one) == 1 else []
    if consignment_note(first, one):
        one = [dataclasses.replace(one[0], key=other[0].key)] if len(other) == 1 else []
    return one, other


def truck(first: Source, second: Source) -> Iterator[Disagreement]:
    """What two documents of a truck crossing say differently of its trailers and its driver."""
    if not (is_road(first) and is_road(second)):
        return
    yield from _trailers(first, second)
    yield from _trailers(second, first)
    yield from _driver(first, second)


def _trailers_of(source: Source) -> list[tuple[Equipment, Spot]]:
    return [(e, spot) for e, spot in source.conveyance_equipment() if e.kind == EquipmentKind.TRAILER]


def _trailers(one: Source, other: Source) -> Iterator[Disagreement]:
    """The trailers of ``one`` that ``other`` does not list, by number where both number their trailers and by
    plate where both give their plates."""
    mine, theirs = _trailers_of(one), _trailers_of(other)
    if not mine or not theirs:
        return
    numbers = {equipment_key(e) for e, _ in theirs if e.number.strip()}
    plates = {compact(e.vehicle_plate) for e, _ in theirs if e.vehicle_plate}
    for equipment, spot in mine:
        if equipment.number.strip() and numbers and equipment_key(equipment) not in numbers:
            yield Disagreement(
                "trailer", dataclasses.replace(spot, path=f"{spot.path}.number"), theirs[0][1], equipment.identifier, {}
            )
        elif equipment.vehicle_plate and plates and compact(equipment.vehicle_plate) not in plates:
            here = dataclasses.replace(spot, path=f"{spot.path}.vehicle_plate")
            yield Disagreement("trailer_plate", here, theirs[0][1], equipment.vehicle_plate, {})


def _driver_of(source: Source) -> tuple[CrewMember, Spot] | None:
    for m_index, manifest in enumerate(source.document.manifests):
        for c_index, member in enumerate(manifest.crew):
            if member.role == CrewRole.DRIVER and _name(member):
                return member, Spot(source, m_index, f"crew[{c_index}]")
    return None


def _name(member: CrewMember) -> str:
    parts = (member.given_name, member.middle_name, member.family_name)
    return member.name or " ".join(part for part in parts if part)


def _words(member: CrewMember) -> frozenset[str]:
    return frozenset(words_of(_name(member)))


def _driver(first: Source, second: Source) -> Iterator[Disagreement]:
    one, other = _driver_of(first), _driver_of(second)
    if one is None or other is None or _words(one[0]) == _words(other[0]):
        return
    yield Disagreement("driver", one[1], other[1], _name(one[0]), {"other": _name(other[0])})
