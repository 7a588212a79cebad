"""A train's consist (358) against its manifest (309): what CBP matches when the train reaches the port; and a
truck's trip (358) against its shipments (309), which must name the same tractor.

ACE rail: the carrier files a 309 per bill ahead of the train, then a 358 consist listing the cars of the train and
the bills each car carries. Every bill on the train must have been manifested, and every car the manifest puts a
bill in must be on the train; a bill both list must be in the same cars. Each finding names the position in both
files (the primary one in ``line``/``column``, the other in the message).
"""

from __future__ import annotations

from manifest.diagnostics import Diagnostic, Position, Severity, define
from manifest.formats.base import Document
from manifest.model import EquipmentKind, Mode

SOURCE = "CBP ACE rail: 358 consist matched against the 309 manifests of the train"

BILL_NOT_MANIFESTED = define(
    "X12301",
    Severity.ERROR,
    "bill $value is on the train (358) but in no 309 manifest (manifest at line $manifest_line)",
    "el conocimiento $value está en el tren (358) pero en ningún manifiesto 309 (manifiesto en la línea "
    "$manifest_line)",
    SOURCE,
)
CAR_NOT_ON_TRAIN = define(
    "X12302",
    Severity.ERROR,
    "car $value carries bill $bill in the 309 but is not in the consist (358 at line $consist_line)",
    "el carro $value lleva el conocimiento $bill en el 309 pero no está en el tren (358 en la línea $consist_line)",
    SOURCE,
)
CARS_DIFFER = define(
    "X12303",
    Severity.WARNING,
    "bill $value is in car $car on the train (358) but the 309 (line $manifest_line) does not put it there",
    "el conocimiento $value va en el carro $car en el tren (358) pero el 309 (línea $manifest_line) no lo pone ahí",
    SOURCE,
)
NOT_ON_TRAIN = define(
    "X12304",
    Severity.WARNING,
    "bill $value is manifested (309) but not on the train (358 at line $consist_line)",
    "el conocimiento $value está manifestado (309) pero no va en el tren (358 en la línea $consist_line)",
    SOURCE,
)


TRUCKS_DIFFER = define(
    "X12305",
    Severity.ERROR,
    "the trip (358) names the truck's $what '$value', its manifest (309, line $manifest_line) '$other'",
    "el viaje (358) da como $what_es del tractocamión '$value', su manifiesto (309, línea $manifest_line) '$other'",
    "CBP ACE truck: the 309 and the 358 of one trip carry the same conveyance (VEH)",
)

_TRUCK_FIELDS = (
    ("vin", "VIN", "NIV"),
    ("vehicle_plate", "licence plate", "placa"),
    ("plate_subdivision", "plate's state or province", "estado o provincia de la placa"),
)


def _trucks(consist: Document, manifest: Document) -> list[Diagnostic]:
    """ACE truck: the tractor the 358 names must be the one the 309 of the same trip names (both carry VEH)."""
    found: list[Diagnostic] = []
    for k_index, trip in enumerate(consist.manifests):
        truck = trip.conveyance
        if trip.mode is not Mode.ROAD or truck is None:
            continue
        for m_index, shipped in enumerate(manifest.manifests):
            other = shipped.conveyance
            if other is None or shipped.trip_number != trip.trip_number:
                continue
            for name, what, what_es in _TRUCK_FIELDS:
                mine, theirs = getattr(truck, name), getattr(other, name)
                if mine and theirs and mine != theirs:
                    m_where = manifest.source_map(m_index).locate(f"conveyance.{name}")
                    found.append(
                        TRUCKS_DIFFER(
                            what=what, what_es=what_es, value=mine, other=theirs, manifest_line=_line(m_where)
                        ).at(consist.source_map(k_index).locate(f"conveyance.{name}"))
                    )
    return found


def _line(position: Position | None) -> str:
    return str(position.line) if position is not None and position.line is not None else "?"


def crosscheck(consist: Document, manifest: Document) -> list[Diagnostic]:
    """Findings of the consist ``consist`` (x12-358) against the manifests in ``manifest`` (x12-309)."""
    found: list[Diagnostic] = []
    bills: dict[str, tuple[int, int]] = {}
    for m_index, m in enumerate(manifest.manifests):
        for c_index, c in enumerate(m.consignments):
            bills.setdefault(c.document_number, (m_index, c_index))
    manifest_head = manifest.source_map(0).locate("carrier.scac") if manifest.manifests else None
    train_cars: set[str] = set()
    on_train: set[str] = set()
    consist_head = None
    for k_index, train in enumerate(consist.manifests):
        k_map = consist.source_map(k_index)
        consist_head = consist_head or k_map.locate("carrier.scac")
        train_cars.update(e.identifier for e in train.equipment)
        for c_index, bill in enumerate(train.consignments):
            on_train.add(bill.document_number)
            where = k_map.locate(f"consignments[{c_index}]")
            if bill.document_number not in bills:
                found.append(
                    BILL_NOT_MANIFESTED(value=bill.document_number, manifest_line=_line(manifest_head)).at(where)
                )
                continue
            m_index, mc_index = bills[bill.document_number]
            manifested = manifest.manifests[m_index].consignments[mc_index]
            ids = {e.identifier for e in manifested.equipment}
            m_where = manifest.source_map(m_index).locate(f"consignments[{mc_index}]")
            for car in bill.equipment:
                if car.identifier not in ids:
                    found.append(
                        CARS_DIFFER(value=bill.document_number, car=car.identifier, manifest_line=_line(m_where)).at(
                            where
                        )
                    )
    for m_index, m in enumerate(manifest.manifests):
        source_map = manifest.source_map(m_index)
        for c_index, c in enumerate(m.consignments):
            if c.document_number not in on_train:
                found.append(
                    NOT_ON_TRAIN(value=c.document_number, consist_line=_line(consist_head)).at(
                        source_map.locate(f"consignments[{c_index}]")
                    )
                )
                continue
            for e_index, equipment in enumerate(c.equipment):
                # Containers ride on cars; only rail cars are themselves in the consist.
                if equipment.kind is EquipmentKind.RAILCAR and equipment.identifier not in train_cars:
                    found.append(
                        CAR_NOT_ON_TRAIN(
                            value=equipment.identifier, bill=c.document_number, consist_line=_line(consist_head)
                        ).at(source_map.locate(f"consignments[{c_index}].equipment[{e_index}]"))
                    )
    return found + _trucks(consist, manifest)
