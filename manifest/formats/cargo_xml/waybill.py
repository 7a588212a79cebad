"""XFWB, the master air waybill: one MasterConsignment with its flights, rate lines and ULDs.

Structure as in the real Riege XFWB 3.00 samples: the waybill number in BusinessHeaderDocument/ID
(``888-11111111``), the consignment in MasterConsignment, its flights in SpecifiedLogisticsTransportMovement (the
first is the manifest's flight; further legs stay in the consignment's extensions), its rate lines in
ApplicableRating/IncludedMasterConsignmentItem with their ULDs in AssociatedUnitLoadTransportEquipment, its charge
declarations, execution and rate charges as :mod:`.charges` reads them.
"""

from __future__ import annotations

from typing import Any

from manifest.formats.air_kind import unit_load_device
from manifest.formats.cargo_xml import charges, codes, values
from manifest.formats.cargo_xml.build import Node
from manifest.formats.cargo_xml.consignments import read_core, write_core
from manifest.formats.cargo_xml.goods import read_item, write_item
from manifest.formats.cargo_xml.header import read_header, write_header
from manifest.formats.cargo_xml.movement import check_mode, read_flight, read_stop, write_flight, write_stop
from manifest.formats.cargo_xml.numbers import waybill_index
from manifest.formats.cargo_xml.schema import XFWB
from manifest.formats.cargo_xml.source import EXT, Reading
from manifest.model import Consignment, DocumentType, Equipment, Execution, GoodsItem, Manifest, Mode

_SCHEDULED = "ScheduledOccurrenceDateTime"


def read_waybill(reading: Reading, root: Any) -> Manifest:
    master = reading.find(root, "MasterConsignment")
    number = awb_number(reading, root, "BusinessHeaderDocument/ID", "consignments[0].document_number")
    read_header(reading, root, XFWB, number)
    flight: dict[str, Any] = {}
    if master is None:
        reading.report(codes.MISSING_ELEMENT(**reading.at(root), element="MasterConsignment", parent=XFWB.root))
        consignments: tuple[Consignment, ...] = ()
    else:
        movements = reading.findall(master, "SpecifiedLogisticsTransportMovement")
        if movements:
            flight = read_flight(reading, movements[0])
            flight["departure"] = read_stop(
                reading,
                reading.find(movements[0], "DepartureEvent"),
                "OccurrenceDepartureLocation",
                _SCHEDULED,
                "departure",
            )
            flight["arrival"] = read_stop(
                reading, reading.find(movements[0], "ArrivalEvent"), "OccurrenceArrivalLocation", _SCHEDULED, "arrival"
            )
        for later in movements[1:]:
            check_mode(reading, later, take=False)
        execution = charges.read_execution(reading, root, "consignments[0]")
        consignments = (_master(reading, master, number or "", execution),)
    return Manifest(
        mode=Mode.AIR,
        **flight,
        consignments=consignments,
        extensions={f"{EXT}message": XFWB.code, **reading.residue(root, "")},
    )


def awb_number(reading: Reading, parent: Any, path: str, field: str) -> str | None:
    number = reading.text(parent, path, field)
    if number is None:
        reading.report(codes.MISSING_ELEMENT(**reading.at(parent), element=path, parent=reading.xpath(parent)))
    elif not values.AWB.fullmatch(number):
        element = reading.find(parent, path)
        reading.report(codes.NOT_AN_AWB(**reading.at(element), field=field, value=number, element=path))
    return number


def _master(reading: Reading, master: Any, number: str, execution: Execution | None) -> Consignment:
    field = "consignments[0]"
    core = read_core(reading, master, field)
    declared = charges.read_declarations(reading, master, field)
    currency = declared["charges"].currency if declared.get("charges") else None
    destination = core["place_of_discharge"].code if core["place_of_discharge"] else None
    ulds: dict[str, Equipment] = {}
    goods: list[GoodsItem] = []
    for rating in reading.findall(master, "ApplicableRating"):
        for item in reading.findall(rating, "IncludedMasterConsignmentItem"):
            where = f"{field}.goods[{len(goods)}]"
            goods.append(read_item(reading, item, where, destination, ulds, field, currency))
    return Consignment(
        document_number=number,
        document_type=DocumentType.AIR_WAYBILL,
        goods=tuple(goods),
        equipment=tuple(ulds.values()),
        **core,
        **declared,
        execution=execution,
        extensions=reading.residue(master, field),
    )


def write_waybill(manifest: Manifest) -> Node:
    index = waybill_index(manifest)
    consignment = manifest.consignments[index] if index is not None else None
    root = Node(XFWB.root)
    # An empty number is left out rather than written as an empty element (see :mod:`.numbers`).
    number = (consignment.document_number or None) if consignment else None
    write_header(root, XFWB, number)
    master = root.walk("MasterConsignment")
    if consignment is not None:
        write_core(master, consignment)
        charges.write_declarations(master, consignment)
        charges.write_execution(root, consignment.execution)
    if _has_flight(manifest):
        movement = master.walk("SpecifiedLogisticsTransportMovement")
        write_flight(movement, manifest)
        write_stop(movement, manifest.arrival, "OccurrenceArrivalLocation", _SCHEDULED, "ArrivalEvent")
        write_stop(movement, manifest.departure, "OccurrenceDepartureLocation", _SCHEDULED, "DepartureEvent")
    if consignment is not None:
        ulds = {uld.identifier: uld for uld in consignment.equipment if unit_load_device(uld)}
        if consignment.goods:
            rating = master.walk("ApplicableRating")
            for item in consignment.goods:
                currency = charges.waybill_currency(consignment)
                write_item(rating.add("IncludedMasterConsignmentItem"), item, ulds, currency)
        master.restore(consignment.extensions)
    root.restore(manifest.extensions)
    return root


def _has_flight(manifest: Manifest) -> bool:
    return any((manifest.carrier, manifest.conveyance, manifest.trip_number, manifest.departure, manifest.arrival))
