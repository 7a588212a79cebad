"""XFFM, the flight manifest: the flight, its unloading points, the ULDs loaded for each and the consignments in each.

Structure (JAXB and xsd.exe classes generated from IATA's XFFM XSD, see :mod:`schema`): LogisticsTransportMovement
(the flight, with its DepartureEvent), then one ArrivalEvent per point of unloading with its
OccurrenceArrivalLocation and AssociatedTransportCargo elements; each of those is a ULD (TypeCode ULD,
UtilizedUnitLoadTransportEquipment) or bulk (TypeCode BLK), holding IncludedMasterConsignment elements: the part of
one air waybill loaded there (TransportSplitDescription T total, P part, S split, D divided), with its weight
(GrossWeightMeasure), pieces (PieceQuantity) and the waybill's totals (TotalPieceQuantity, TotalGrossWeightMeasure).

Mapping: the last ArrivalEvent is the manifest's arrival and earlier ones its stops; every ULD is manifest
equipment; every waybill is one consignment and each of its loaded parts one goods item, whose equipment_ids name its
ULD. With more than one point of unloading, ULDs and bulk items keep theirs as ``cargo-xml.unloading``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from manifest.diagnostics import Diagnostic
from manifest.formats.air_kind import unit_load_device
from manifest.formats.cargo_xml import values
from manifest.formats.cargo_xml.build import Node
from manifest.formats.cargo_xml.codes import NO_UNLOADING
from manifest.formats.cargo_xml.consignments import read_core, write_core
from manifest.formats.cargo_xml.goods import read_uld, write_uld
from manifest.formats.cargo_xml.header import read_header, write_header
from manifest.formats.cargo_xml.movement import read_flight, read_stop, write_flight, write_stop
from manifest.formats.cargo_xml.schema import XFFM
from manifest.formats.cargo_xml.source import EXT, Reading
from manifest.formats.cargo_xml.waybill import awb_number
from manifest.model import Consignment, DocumentType, Equipment, GoodsItem, Manifest, Mode, Packages, Stop

UNLOADING = f"{EXT}unloading"
SPLIT = f"{EXT}TransportSplitDescription"
_TOTAL_WEIGHT = "TotalGrossWeightMeasure"
_DEPARTED = "DepartureOccurrenceDateTime"
_ARRIVED = "ArrivalOccurrenceDateTime"


@dataclass
class _Waybill:
    number: str
    path: str
    core: dict[str, Any]
    goods: list[GoodsItem] = field(default_factory=list)
    splits: list[str | None] = field(default_factory=list)
    equipment: dict[str, Equipment] = field(default_factory=dict)


def read_flight_manifest(reading: Reading, root: Any) -> Manifest:
    movement = reading.find(root, "LogisticsTransportMovement")
    flight: dict[str, Any] = {}
    if movement is not None:
        flight = read_flight(reading, movement)
        flight["departure"] = read_stop(
            reading,
            reading.find(movement, "DepartureEvent"),
            "OccurrenceDepartureLocation",
            _DEPARTED,
            "departure",
        )
    events = reading.findall(root, "ArrivalEvent")
    stops: list[Stop] = []
    arrival: Stop | None = None
    equipment: list[Equipment] = []
    waybills: dict[str, _Waybill] = {}
    for index, event in enumerate(events):
        last = index == len(events) - 1
        stop = read_stop(
            reading, event, "OccurrenceArrivalLocation", _ARRIVED, "arrival" if last else f"stops[{len(stops)}]"
        )
        if last:
            arrival = stop
        elif stop is not None:
            stops.append(stop)
        unloading = stop.place.code if stop is not None and len(events) > 1 else None
        for cargo in reading.findall(event, "AssociatedTransportCargo"):
            _read_cargo(reading, cargo, unloading, equipment, waybills)
    read_header(reading, root, XFFM, flight.get("trip_number"))
    consignments = tuple(
        Consignment(
            document_number=w.number,
            document_type=DocumentType.AIR_WAYBILL,
            goods=_with_splits(w),
            equipment=tuple(w.equipment.values()),
            **w.core,
        )
        for w in waybills.values()
    )
    return Manifest(
        mode=Mode.AIR,
        **flight,
        arrival=arrival,
        stops=tuple(stops),
        equipment=tuple(equipment),
        consignments=consignments,
        extensions={f"{EXT}message": XFFM.code, **reading.residue(root, "")},
    )


def _read_cargo(
    reading: Reading, cargo: Any, unloading: str | None, equipment: list[Equipment], waybills: dict[str, _Waybill]
) -> None:
    kind = reading.find(cargo, "TypeCode")
    uld_element = reading.find(cargo, "UtilizedUnitLoadTransportEquipment")
    uld: Equipment | None = None
    if uld_element is not None:
        uld = read_uld(reading, uld_element, f"equipment[{len(equipment)}]")
        if unloading is not None:
            uld = _with_extension(uld, UNLOADING, unloading)
        equipment.append(uld)
    if kind is not None and (kind.text or "").strip() == ("ULD" if uld is not None else "BLK"):
        reading.take(kind)
    for part in reading.findall(cargo, "IncludedMasterConsignment"):
        _read_part(reading, part, (uld, uld_element) if uld is not None else None, unloading, waybills)


def _with_extension(equipment: Equipment, key: str, value: str) -> Equipment:
    return replace(equipment, extensions={**equipment.extensions, key: value})


def _read_part(
    reading: Reading,
    part: Any,
    loaded_in: tuple[Equipment, Any] | None,
    unloading: str | None,
    waybills: dict[str, _Waybill],
) -> None:
    uld = loaded_in[0] if loaded_in is not None else None
    found = reading.find(part, "TransportContractDocument/ID")
    key = (found.text or "").strip() if found is not None else ""
    waybill = waybills.get(key)
    if waybill is None:
        field = f"consignments[{len(waybills)}]"
        number = awb_number(reading, part, "TransportContractDocument/ID", f"{field}.document_number") or ""
        waybill = waybills[key] = _Waybill(number, field, _read_totals(reading, part, field))
    else:
        # A later part of a split waybill repeats the waybill's data: it is taken only if it says the same.
        reading.begin_trial()
        reading.text(part, "TransportContractDocument/ID")
        reading.end_trial(keep=_read_totals(reading, part, waybill.path) == waybill.core)
    item_field = f"{waybill.path}.goods[{len(waybill.goods)}]"
    reading.place(item_field, part)
    pieces = values.count(reading, part, "PieceQuantity", f"{item_field}.packages")
    description = reading.text(part, "SummaryDescription", f"{item_field}.description")
    waybill.splits.append(reading.text(part, "TransportSplitDescription"))
    weight = values.measure(reading, part, "GrossWeightMeasure", f"{item_field}.gross_weight")
    volume = values.measure(reading, part, "GrossVolumeMeasure", f"{item_field}.volume")
    extensions = reading.residue(part, item_field)
    if uld is None and unloading is not None:
        extensions[UNLOADING] = unloading
    waybill.goods.append(
        GoodsItem(
            description=description,
            packages=Packages(count=pieces) if pieces is not None else None,
            gross_weight=weight,
            volume=volume,
            equipment_ids=(uld.identifier,) if uld is not None else (),
            extensions=extensions,
        )
    )
    if loaded_in is not None and uld is not None and uld.identifier not in waybill.equipment:
        reading.place(f"{waybill.path}.equipment[{len(waybill.equipment)}]", loaded_in[1])
        waybill.equipment[uld.identifier] = uld


def split_code(parts: int, total: Packages | None, pieces: Packages | None) -> str:
    """TransportSplitDescription (Cargo-IMP DE703): T when the waybill travels whole (one part holding all its
    pieces), P for each of its parts."""
    whole = total is None or pieces is None or total.count == pieces.count
    return "T" if parts <= 1 and whole else "P"


def _with_splits(waybill: _Waybill) -> tuple[GoodsItem, ...]:
    """Each part's split code, kept with the part where it is not the one the writer would give."""
    total = waybill.core.get("total_packages")
    return tuple(
        item
        if code is None or code == split_code(len(waybill.goods), total, item.packages)
        else replace(item, extensions={**item.extensions, SPLIT: code})
        for item, code in zip(waybill.goods, waybill.splits, strict=True)
    )


def _read_totals(reading: Reading, part: Any, field: str) -> dict[str, Any]:
    return read_core(reading, part, field, weight=_TOTAL_WEIGHT, volume=None)


def _points(manifest: Manifest) -> list[Stop | None]:
    """The points of unloading, one ArrivalEvent each: the stops, then the arrival (the last is read back as the
    arrival). The cargo (a bill's parts, a ULD) is listed under the arrival where it is unloaded: one without a place
    when the model names none."""
    points: list[Stop | None] = [*manifest.stops, manifest.arrival] if manifest.arrival else list(manifest.stops)
    if not points and (manifest.consignments or _all_ulds(manifest)):
        points = [None]
    return points


def unloading_notes(manifest: Manifest) -> tuple[Diagnostic, ...]:
    """A note (CXML021) for each point of unloading written without its airport, which the model lacks: at the
    arrival's code for the last (the reader reads it back as the arrival), at the stop's for the others."""
    points = _points(manifest)
    notes = []
    for number, point in enumerate(points, start=1):
        if point is not None and point.place.code:
            continue
        field = "arrival.place.code" if number == len(points) else f"stops[{number - 1}].place.code"
        event = "ArrivalEvent" if number == 1 else f"ArrivalEvent[{number}]"
        element = "OccurrenceArrivalLocation/ID"
        location = f"/{XFFM.root}/{event}/{element}"
        notes.append(NO_UNLOADING(element=element, field=field, location=location))
    return tuple(notes)


def write_flight_manifest(manifest: Manifest) -> Node:
    root = Node(XFFM.root)
    flight = (manifest.conveyance.flight_number if manifest.conveyance else None) or manifest.trip_number
    write_header(root, XFFM, flight)
    movement = root.walk("LogisticsTransportMovement")
    write_flight(movement, manifest)
    write_stop(movement, manifest.departure, "OccurrenceDepartureLocation", _DEPARTED, "DepartureEvent")
    points = _points(manifest)
    ulds = _all_ulds(manifest)
    events = [root.add("ArrivalEvent") for _ in points]
    for event, point in zip(events, points, strict=True):
        write_stop(event, point, "OccurrenceArrivalLocation", _ARRIVED)

    def event_for(extensions: Mapping[str, str]) -> Node:
        code = extensions.get(UNLOADING)
        chosen = next((i for i, p in enumerate(points) if code and p is not None and p.place.code == code), None)
        return events[-1 if chosen is None else chosen]

    cargos: dict[str, Node] = {}
    for uld in ulds:
        cargo = event_for(uld.extensions).add("AssociatedTransportCargo")
        cargo.set("TypeCode", "ULD")
        write_uld(cargo.walk("UtilizedUnitLoadTransportEquipment"), uld)
        cargos[uld.identifier] = cargo
    bulk: dict[int, Node] = {}
    for consignment in manifest.consignments:
        for item in consignment.goods or (GoodsItem(),):
            target = cargos.get(item.equipment_ids[0]) if item.equipment_ids else None
            if target is None:
                event = event_for(item.extensions)
                target = bulk.get(id(event))
                if target is None:
                    target = bulk[id(event)] = event.add("AssociatedTransportCargo")
                    target.set("TypeCode", "BLK")
            split = split_code(len(consignment.goods), consignment.total_packages, item.packages)
            _write_part(target.add("IncludedMasterConsignment"), consignment, item, split)
    root.restore(manifest.extensions)
    return root


def _all_ulds(manifest: Manifest) -> list[Equipment]:
    """The ULDs of the flight; other equipment is no ULD (see :mod:`manifest.formats.air_kind`), and the parts
    loaded in it are listed as bulk."""
    found = {e.identifier: e for e in manifest.equipment}
    for consignment in manifest.consignments:
        for equipment in consignment.equipment:
            found.setdefault(equipment.identifier, equipment)
    return [e for e in found.values() if unit_load_device(e)]


def _write_part(node: Node, consignment: Consignment, item: GoodsItem, split: str) -> None:
    node.set("TransportContractDocument/ID", consignment.document_number)
    node.set("TransportSplitDescription", split)
    # A flight manifest names the waybill and its totals; parties travel on the waybill itself (XFWB).
    write_core(node, consignment, weight=_TOTAL_WEIGHT, volume=None, parties=False)
    values.write_measure(node, "GrossWeightMeasure", item.gross_weight)
    values.write_measure(node, "GrossVolumeMeasure", item.volume)
    if item.packages is not None:
        node.set("PieceQuantity", str(item.packages.count))
    node.set("SummaryDescription", item.description)
    node.restore(item.extensions)
