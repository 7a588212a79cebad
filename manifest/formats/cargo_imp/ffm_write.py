"""Writing FFM/8 flight manifests: the flight line, the points of unloading, bulk cargo and ULDs with their
consignment lines, split into parts (``CONT`` ... ``LAST``) of at most 3500 characters (Cargo-IMP Manual, 32nd
ed., preface), each part repeating the point of unloading and the ULD it continues.
"""

from __future__ import annotations

from manifest.diagnostics import Diagnostic
from manifest.formats.cargo_imp.codes import NOT_A_ULD, NOT_AN_AIR_WAYBILL, NOT_WRITTEN
from manifest.formats.cargo_imp.elements import TextWriter, awb_detail_text, day_month_text, oci_lines
from manifest.formats.cargo_imp.ffm_layout import (
    X_DENSITY,
    X_END,
    X_LINES,
    X_PART,
    X_POINTS,
    X_SHIPMENT_CODE,
    X_ULD_LINES,
    X_ULD_LOADING,
    X_ULD_REMARKS,
    Entry,
    implied_code,
    ordered,
    unloading,
)
from manifest.formats.cargo_imp.kinds import described, named_by_air_waybill, names_a_uld
from manifest.formats.cargo_imp.lines import CRLF, LINE_LIMIT, MESSAGE_LIMIT
from manifest.formats.readers import ascii_digits
from manifest.model import Equipment, GoodsItem, Manifest
from manifest.slotted import record


@record
class _Block:
    point: str | None
    uld: str | None
    lines: tuple[str, ...]


def write(manifest: Manifest, out: TextWriter) -> list[str]:
    """The lines of the flight manifest, split into parts of at most 3500 characters (CONT ... LAST)."""
    flight_tail = _flight_tail(manifest, out)
    blocks = _blocks(manifest, out)
    point_lines = _point_lines(manifest, blocks)
    out.notes.extend(_lacking(manifest, point_lines))
    ulds = _ulds(manifest)
    parts: list[list[str]] = []
    current: list[str] = []
    point = uld = None

    first = manifest.extensions.get(X_PART, "1")
    first_number = int(first) if ascii_digits(first) else 1

    def open_part() -> None:
        nonlocal current
        current = ["FFM/8", f"{first_number + len(parts)}/{flight_tail}"]
        parts.append(current)

    def size(lines: list[str]) -> int:
        return sum(len(line) + len(CRLF) for line in lines)

    open_part()
    for code, point_line in point_lines.items():
        mine = [block for block in blocks if block.point == code]
        if not mine:
            current.append(point_line)
        for block in mine:
            heading: list[str] = []
            if block.point != point:
                heading.append(point_line)
                uld = None
            if block.uld != uld and block.uld is not None:
                heading.extend(_uld_lines(block.uld, ulds))
            needed = size(current) + size(heading) + size(list(block.lines)) + size(["LAST"])
            if needed > MESSAGE_LIMIT and len(current) > 2:
                current.append("CONT")
                open_part()
                heading = [point_line]
                if block.uld is not None:
                    heading.extend(_uld_lines(block.uld, ulds))
            current.extend(heading)
            current.extend(block.lines)
            point, uld = block.point, block.uld
    current.append("CONT" if manifest.extensions.get(X_END) == "CONT" else "LAST")
    return [line for part in parts for line in part]


def _flight_tail(manifest: Manifest, out: TextWriter) -> str:
    flight = (manifest.conveyance.flight_number if manifest.conveyance else None) or manifest.trip_number or ""
    departure = manifest.departure
    moment = day_month_text(departure.moment) if departure and departure.moment is not None else ""
    loading = departure.place.code if departure and departure.place.code else ""
    tail = f"{flight}/{moment}/{loading}"
    registration = manifest.conveyance.aircraft_registration if manifest.conveyance else None
    arrival = manifest.arrival
    first_arrival = arrival is not None and arrival.place.country and arrival.moment is not None and arrival.place.code
    if registration:
        tail += "/" + out.text(registration, "conveyance.aircraft_registration")
    elif first_arrival:
        tail += "/"
    if first_arrival and arrival is not None and arrival.moment is not None:
        tail += f"/{arrival.place.country}/{day_month_text(arrival.moment)}/{arrival.place.code}"
    return tail


def _lacking(manifest: Manifest, point_lines: dict[str, str]) -> list[Diagnostic]:
    """A note (IMP102) for each mandatory line the model has no value for: the flight line's flight, its date and
    its airport of loading (FFM/8 line 2: DE 315, 316, 313), and a point of unloading (DE 313). The flight line is
    written with what the model holds, never an invented value, and the sender must supply the rest."""
    departure = manifest.departure
    flight = (manifest.conveyance.flight_number if manifest.conveyance else None) or manifest.trip_number
    missing = [
        name
        for name, value in (
            ("conveyance.flight_number", flight),
            ("departure.moment", departure.moment if departure else None),
            ("departure.place.code", departure.place.code if departure else None),
        )
        if not value
    ]
    notes = []
    if missing:
        notes.append(
            NOT_WRITTEN(
                field=missing[0],
                value="flight",
                title="flight identification",
                message="FFM",
                missing=", ".join(missing),
            )
        )
    if not point_lines:
        notes.append(
            NOT_WRITTEN(
                field="arrival.place.code",
                value="unloading",
                title="point of unloading",
                message="FFM",
                missing="arrival.place.code",
            )
        )
    return notes


def _first_arrival(manifest: Manifest) -> bool:
    """Whether the flight line carries the first point of arrival (it needs the country, time and airport)."""
    arrival = manifest.arrival
    return bool(arrival and arrival.place.country and arrival.moment is not None and arrival.place.code)


def _ulds(manifest: Manifest) -> dict[str, Equipment]:
    found: dict[str, Equipment] = {equipment.identifier: equipment for equipment in manifest.equipment}
    for consignment in manifest.consignments:
        for equipment in consignment.equipment:
            found.setdefault(equipment.identifier, equipment)
    return found


def _uld_lines(identifier: str, ulds: dict[str, Equipment]) -> list[str]:
    """The ULD line and what it keeps. A goods item may name a ULD the manifest does not describe (a model built
    by hand, or converted from a file that breaks HM-GEN-001): the line then carries the identifier alone, which is
    all FFM/8 needs to place the consignment lines under it."""
    equipment = ulds.get(identifier)
    text = f"ULD/{identifier}"
    if equipment is None:
        return [text]
    if equipment.extensions.get(X_ULD_LOADING):
        text += "-" + equipment.extensions[X_ULD_LOADING]
    if X_ULD_REMARKS in equipment.extensions:
        text += "/" + equipment.extensions[X_ULD_REMARKS]
    lines = [text]
    if equipment.extensions.get(X_ULD_LINES):
        lines.extend(equipment.extensions[X_ULD_LINES].split("\n"))
    return lines


def _blocks(manifest: Manifest, out: TextWriter) -> list[_Block]:
    """One block per consignment line, with its point of unloading and ULD, in the order written. A consignment
    without an air waybill number is not listed (IMP103), and cargo in a container or trailer rather than a ULD is
    listed as bulk, its equipment as not written (IMP104): see :mod:`.kinds`."""
    arrival = manifest.arrival.place.code if manifest.arrival is not None else None
    known = described(_ulds(manifest).values())
    out.losses.extend(
        NOT_AN_AIR_WAYBILL(field=f"consignments[{i}]", value=c.document_number, message="FFM")
        for i, c in enumerate(manifest.consignments)
        if not named_by_air_waybill(c)
    )
    written: set[int] = set()
    blocks: list[_Block] = []
    for entry in ordered(manifest):
        if not named_by_air_waybill(entry[2]):
            continue
        uld = entry[3].equipment_ids[0] if entry[3].equipment_ids else None
        if uld is not None and not names_a_uld(uld, known):
            field = f"consignments[{entry[0]}].goods[{entry[1]}].equipment_ids[0]"
            out.losses.append(NOT_A_ULD(field=field, value=uld, message="FFM"))
            uld = None
        point = unloading(entry[2], arrival)
        blocks.append(_Block(point, uld, tuple(_item_lines(entry, written, out, listed=point is not None))))
    return blocks


def _item_lines(entry: Entry, written: set[int], out: TextWriter, *, listed: bool) -> list[str]:
    """The consignment line of one goods item and its own lines; ``listed`` when it stands under a point of
    unloading, so that it is written."""
    c_index, g_index, consignment, item = entry
    items = consignment.goods or (GoodsItem(),)
    total = consignment.total_packages.count if consignment.total_packages else None
    # An item with its own weight or packages is described by its own line; else the consignment's count stands.
    # A count the model lacks is left empty, never written as 0 pieces, and a note asks for it.
    own = item.packages is not None or item.gross_weight is not None
    pieces = item.packages.count if item.packages else (None if own else total)
    if pieces is None and listed:
        field = (
            f"consignments[{c_index}].goods[{g_index}].packages" if own else f"consignments[{c_index}].total_packages"
        )
        out.notes.append(
            NOT_WRITTEN(field=field, value="AWB", title="consignment detail", message="FFM", missing=field)
        )
    code = item.extensions.get(X_SHIPMENT_CODE) or implied_code(len(items), total, pieces)
    weight = item.gross_weight if item.gross_weight is not None else consignment.gross_weight
    volume = item.volume if item.volume is not None else (consignment.volume if code == "T" else None)
    text = awb_detail_text(
        consignment.document_number,
        consignment.place_of_loading.code if consignment.place_of_loading else None,
        consignment.place_of_discharge.code if consignment.place_of_discharge else "",
        code,
        pieces,
        weight,
        volume,
        item.extensions.get(X_DENSITY),
        total if code != "T" else None,
    )
    path = f"consignments[{c_index}].goods[{g_index}].description"
    description = out.text(item.description, path) if item.description else ""
    room = LINE_LIMIT - len(text) - 1
    if len(description) > room:
        out.losses.append(out.altered(path, description, description[:room]))
        description = description[:room]
    lines = [f"{text}/{description}"]
    first = c_index not in written
    written.add(c_index)
    if first and consignment.handling_codes:
        lines.append("/" + "/".join(consignment.handling_codes))
    if item.extensions.get(X_LINES):
        lines.extend(item.extensions[X_LINES].split("\n"))
    if first:
        lines.extend(oci_lines(consignment.customs_notes, out, f"consignments[{c_index}].customs_notes"))
    return lines


def _point_lines(manifest: Manifest, blocks: list[_Block]) -> dict[str, str]:
    """Point of unloading code -> its line, in order: as written when kept, else the codes the blocks need."""
    lines: dict[str, str] = {}
    written = manifest.extensions.get(X_POINTS)
    if written:
        for text in written.split("\n"):
            lines.setdefault(text[:3], text)
    arrival = manifest.arrival
    timed = arrival is not None and arrival.moment is not None and not _first_arrival(manifest)
    for block in blocks:
        if block.point is not None:
            lines.setdefault(block.point, block.point)
    if not lines and arrival is not None and arrival.place.code:
        lines[arrival.place.code] = arrival.place.code + "/NIL"
    if timed and not written and arrival is not None and arrival.moment is not None:
        first = next(iter(lines), None)
        if first is not None and first == arrival.place.code and lines[first] == first:
            lines[first] = f"{first}/{day_month_text(arrival.moment)}"
    return lines
