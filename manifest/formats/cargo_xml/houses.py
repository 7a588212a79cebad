"""XFZB (one house waybill) and XFHL (the house manifest, the consolidation list): a master and its houses.

Structure as in the real Riege XFZB 3.00 sample: MasterConsignment holds the master's totals, its number in
TransportContractDocument/ID, its airports, and IncludedHouseConsignment elements, each with the house number in ID,
totals, parties, airports, customs notes and IncludedHouseConsignmentItem rate lines. XFHL (HouseManifest,
iata:housemanifest:1) uses the same MasterConsignment and IncludedHouseConsignment types with one house per
consolidated shipment. The master becomes a consignment of type AIR_WAYBILL and each house a HOUSE_AIR_WAYBILL whose
master_number is the master's number.
"""

from __future__ import annotations

from typing import Any

from manifest.formats.cargo_xml import codes
from manifest.formats.cargo_xml.build import Node
from manifest.formats.cargo_xml.consignments import read_core, write_core
from manifest.formats.cargo_xml.goods import read_item, write_item
from manifest.formats.cargo_xml.header import read_header, write_header
from manifest.formats.cargo_xml.numbers import listed, master_number
from manifest.formats.cargo_xml.schema import XFZB, Message
from manifest.formats.cargo_xml.source import EXT, Reading
from manifest.formats.cargo_xml.waybill import awb_number
from manifest.identifiers import air_waybill_form
from manifest.model import Consignment, DocumentType, Equipment, GoodsItem, Manifest, Mode


def read_houses(reading: Reading, root: Any, message: Message) -> Manifest:
    master = reading.find(root, "MasterConsignment")
    if master is None:
        reading.report(codes.MISSING_ELEMENT(**reading.at(root), element="MasterConsignment", parent=message.root))
        read_header(reading, root, message, None)
        return Manifest(mode=Mode.AIR, extensions={f"{EXT}message": message.code, **reading.residue(root, "")})
    number = awb_number(reading, master, "TransportContractDocument/ID", "consignments[0].document_number")
    houses: list[Consignment] = []
    for house in reading.findall(master, "IncludedHouseConsignment"):
        houses.append(_house(reading, house, number, f"consignments[{len(houses) + 1}]"))
    header_id = houses[0].document_number if message is XFZB and houses else number
    read_header(reading, root, message, header_id)
    master_consignment = Consignment(
        document_number=number or "",
        document_type=DocumentType.AIR_WAYBILL,
        **read_core(reading, master, "consignments[0]"),
        extensions=reading.residue(master, "consignments[0]"),
    )
    return Manifest(
        mode=Mode.AIR,
        consignments=(master_consignment, *houses),
        extensions={f"{EXT}message": message.code, **reading.residue(root, "")},
    )


def _house(reading: Reading, house: Any, master_number: str | None, field: str) -> Consignment:
    number = reading.text(house, "ID", f"{field}.document_number")
    if number is None:
        reading.report(codes.MISSING_ELEMENT(**reading.at(house), element="ID", parent="IncludedHouseConsignment"))
    core = read_core(reading, house, field)
    destination = core["place_of_discharge"].code if core["place_of_discharge"] else None
    ulds: dict[str, Equipment] = {}
    goods: list[GoodsItem] = []
    for item in reading.findall(house, "IncludedHouseConsignmentItem"):
        goods.append(read_item(reading, item, f"{field}.goods[{len(goods)}]", destination, ulds, field))
    return Consignment(
        document_number=number or "",
        document_type=DocumentType.HOUSE_AIR_WAYBILL,
        master_number=master_number,
        goods=tuple(goods),
        equipment=tuple(ulds.values()),
        **core,
        extensions=reading.residue(house, field),
    )


def write_houses(manifest: Manifest, message: Message) -> Node:
    master_index, house_indexes = listed(manifest, message)
    master = manifest.consignments[master_index] if master_index is not None else None
    houses = [manifest.consignments[i] for i in house_indexes]
    named_by = master_number(manifest, message)[1]
    number = named_by if air_waybill_form(named_by) else None  # none, or one of another form (CXML013), is no element
    root = Node(message.root)
    write_header(root, message, houses[0].document_number if message is XFZB and houses else number)
    master_node = root.walk("MasterConsignment")
    master_node.set("TransportContractDocument/ID", number)
    if master is not None:
        write_core(master_node, master)
    for house in houses:
        node = master_node.add("IncludedHouseConsignment")
        node.set("ID", house.document_number)
        write_core(node, house)
        ulds = {uld.identifier: uld for uld in house.equipment}
        for item in house.goods:
            write_item(node.add("IncludedHouseConsignmentItem"), item, ulds)
        node.restore(house.extensions)
    if master is not None:
        master_node.restore(master.extensions)
    root.restore(manifest.extensions)
    return root
