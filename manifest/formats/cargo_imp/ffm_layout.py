"""The layout of an FFM that its reader and writer share: the extension keys, the shipment description code a
consignment line implies, where an air waybill leaves the flight, and the order of consignment lines.

FFM/8 lists consignment lines by point of unloading, its bulk cargo first, then each ULD with the consignments
loaded in it (gumraq/iata-messages ffm8.g4 ``destinationHeader``: ``bulkLoadedCargo? uldLoadedCargo*``). A reader
keeps what it finds only where this layout would not give it back.
"""

from __future__ import annotations

from dataclasses import replace

from manifest.formats.cargo_imp.fwb import X_MESSAGE
from manifest.formats.readers import ascii_digits
from manifest.model import Consignment, DocumentType, GoodsItem, Manifest

X_POINTS = "cargo-imp.FFM.points"  # the point of unloading lines, when they hold more than the airport codes
X_UNLOADING = "cargo-imp.FFM.unloading"  # the point of unloading of an air waybill bound further on
X_LINE = "cargo-imp.FFM.line"  # the place of a consignment line in the manifest, when not the grouped order
X_LINES = "cargo-imp.FFM.lines"  # DIM, onward movement, OSI and COR lines of a consignment line, as written
X_SHIPMENT_CODE = "cargo-imp.shipment-code"  # S, D, or a T/P other than the one implied by the pieces
X_DENSITY = "cargo-imp.density"
X_ULD_LOADING = "cargo-imp.ULD.loading"
X_ULD_REMARKS = "cargo-imp.ULD.remarks"
X_ULD_LINES = "cargo-imp.ULD.lines"  # ULD onward movement and utilisation lines, as written
X_PART = "cargo-imp.FFM.part"  # the number of the first part read, when not 1
X_END = "cargo-imp.FFM.end"  # CONT: the last part read is continued by a message not read with it
END_CODES = ("LAST", "CONT")


def implied_code(lines: int, total: int | None, pieces: int | None) -> str:
    """The shipment description code a consignment line gets unless another is kept: T when it is the only line of
    its air waybill and holds all its pieces, P otherwise."""
    return "T" if lines == 1 and (total is None or total == pieces) else "P"


def unloading(consignment: Consignment, arrival: str | None) -> str | None:
    """Where the air waybill leaves this flight: as kept, else its destination, else the flight's arrival."""
    if consignment.extensions.get(X_UNLOADING):
        return consignment.extensions[X_UNLOADING]
    if consignment.place_of_discharge is not None and consignment.place_of_discharge.code:
        return consignment.place_of_discharge.code
    return arrival


Entry = tuple[int, int, Consignment, GoodsItem]


def ordered(manifest: Manifest) -> list[Entry]:
    """The consignment lines in the order written: by point of unloading, its bulk cargo first, then each ULD in
    the order the ULDs first appear; kept line numbers, where present, come first."""
    entries: list[tuple[int, Entry]] = []
    arrival = manifest.arrival.place.code if manifest.arrival is not None else None
    lines_are_items = manifest.extensions.get(X_MESSAGE) == "FFM" or any(
        item.equipment_ids for consignment in manifest.consignments for item in consignment.goods
    )
    for c_index, consignment in enumerate(manifest.consignments):
        if consignment.document_type == DocumentType.HOUSE_AIR_WAYBILL:
            continue
        if lines_are_items and consignment.goods:
            items = consignment.goods
        else:
            first = consignment.goods[0] if consignment.goods else GoodsItem()
            items = (GoodsItem(description=first.description, equipment_ids=first.equipment_ids),)
            consignment = replace(consignment, goods=items)
        for g_index, item in enumerate(items):
            kept = item.extensions.get(X_LINE, "")
            entries.append((int(kept) if ascii_digits(kept) else 10**9, (c_index, g_index, consignment, item)))
    entries.sort(key=lambda entry: (entry[0], entry[1][0], entry[1][1]))
    plain = [entry for _, entry in entries]
    if any(number < 10**9 for number, _ in entries):
        return plain
    ordered: list[Entry] = []
    points: dict[str | None, tuple[list[Entry], dict[str, list[Entry]]]] = {}
    for entry in plain:
        bulk, loaded = points.setdefault(unloading(entry[2], arrival), ([], {}))
        if entry[3].equipment_ids:
            loaded.setdefault(entry[3].equipment_ids[0], []).append(entry)
        else:
            bulk.append(entry)
    for bulk, loaded in points.values():
        ordered.extend(bulk)
        for mine in loaded.values():
            ordered.extend(mine)
    return ordered
