"""Reading FFM, the airline flight manifest message (version 8): one manifest per flight, its parts joined.

Layout (FFM/8): the flight line ``<part>/<carrier><flight>/<DDMON>[HHMM]/<airport of loading>[/<aircraft
registration>][/<country>/<DDMONHHMM>/<airport of first arrival>]``; for each point of unloading a line
``<airport>[/NIL][/<arrival>][/<departure>]``, its bulk consignments, then each ULD line ``ULD/<type><serial><owner>
[-<loading indicator>][/<remarks>]`` followed by its consignments; each consignment line is the AWB consignment
detail with ``/<nature of goods>`` and may be followed by its special handling codes (``/GEN/EAP``), DIM, onward
movement, OSI, COR and OCI lines. Each part ends with CONT, the last with LAST. Writing is
:mod:`manifest.formats.cargo_imp.ffm_write`; the layout both follow is :mod:`manifest.formats.cargo_imp.ffm_layout`.

Model mapping: one consignment per air waybill; each consignment line is one goods item of it (so a shipment split
over several ULDs is one consignment with one item per ULD, in ``equipment_ids``), with ``sequence`` its number
within the air waybill; ULDs are equipment of kind ULD, of the consignments loaded in them and, in loading order, of
the manifest; the air waybill's destination is the consignment's place of discharge, and a point of unloading other
than it is kept in the consignment's extensions.

Split shipments: a line with shipment description code P (part), S (split) or D (divided) gives the pieces,
weight and volume of the part on board this flight, which are its goods item's; the waybill's total pieces, when the
line gives them (``T298``), are the consignment's ``total_packages``, and its total weight and volume, which a
flight manifest never gives for a part, stay unset. Only a T line gives the consignment's weight and volume.

Parts: a flight manifest longer than a message is sent in parts numbered from 1, each ending CONT but the last
(LAST). Each part is a complete message as sent and received, so a file may hold one part, or some, of a flight:
parts that follow each other in the file are joined, the first read may have any number (kept in
``cargo-imp.FFM.part`` when not 1) and the last may end CONT (kept in ``cargo-imp.FFM.end``). Parts of one flight
in one file that do not join up are reported (:class:`PartsInFile`).

Checked against real messages: IATA's FFM/8 examples (gumraq/iata-messages IataMessageTests/Examples/ffm8.txt: a
part 2 on its own, D, P and S lines with their totals, ULD remarks and ULD continuation lines, DIM, onward
movement, OSI, COR and OCI lines) and airline traffic (tyroneous9/CargoIMP-Compiler cpp/data/input_tests/
ffm_test.txt: FFM/5 part 5 ending CONT, D and S lines with their totals, the same waybill in several ULDs).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from manifest.formats.cargo_imp.codes import BAD_SEQUENCE, MISSING_END, MISSING_LINE
from manifest.formats.cargo_imp.elements import airport, parse_day_month
from manifest.formats.cargo_imp.ffm_flight import PartsInFile, continues, flight_header, part_number
from manifest.formats.cargo_imp.ffm_layout import (
    X_END,
    X_LINE,
    X_PART,
    X_POINTS,
    X_SHIPMENT_CODE,
    X_UNLOADING,
    implied_code,
    ordered,
)
from manifest.formats.cargo_imp.ffm_lines import LineItem, State, Waybill, read_body
from manifest.formats.cargo_imp.fwb import X_ENVELOPE, X_MESSAGE, X_VERSION
from manifest.formats.cargo_imp.lines import Line
from manifest.formats.cargo_imp.message import RawMessage
from manifest.formats.cargo_imp.sink import Sink
from manifest.model import Consignment, DocumentType, Equipment, GoodsItem, Manifest, Packages, Stop

__all__ = ["PartsInFile", "continues", "read"]


def read(parts: list[RawMessage], sink: Sink, reference: date) -> Manifest:
    """One flight manifest from its parts (one or more messages ending CONT, then one ending LAST; or the parts
    of it that were sent in this file)."""
    first = parts[0]
    state = State(sink, reference)
    header = flight_header(first, sink, reference)
    flight_id = first.body[0].text.split("/")[1] if first.body and "/" in first.body[0].text else ""
    start = part_number(first) or 1
    end: Line | None = None
    for number, part in enumerate(parts, start=start):
        if number > start and part.body:
            pieces = part.body[0].text.split("/")
            if pieces[0] != str(number) or len(pieces) < 2 or pieces[1] != flight_id:
                sink.report(BAD_SEQUENCE, part.body[0], 1, "flight", value=pieces[0], part=number, flight=flight_id)
        end = read_body(part, state)
        if end is None:
            sink.report(MISSING_END, part.body[-1] if part.body else part.smi, 1, "end", value=flight_id)
    if not state.points and first.body:
        # FFM/8: every manifest has at least one point of unloading (destinationHeader+).
        sink.report(MISSING_LINE, first.smi, 1, "unloading", value="<airport>", title="point of unloading")
    consignments = tuple(_consignment(awb, state) for awb in state.awbs.values())
    manifest_ext = dict(header.extensions)
    manifest_ext.update({X_MESSAGE: "FFM", X_VERSION: first.version})
    if start != 1:
        manifest_ext[X_PART] = str(start)
        sink.place(f"extensions[{X_PART}]", first.body[0], 1, "flight/part")
    if end is not None and end.text.rstrip() == "CONT":
        manifest_ext[X_END] = "CONT"
        sink.place(f"extensions[{X_END}]", end, 1, "CONT")
    if first.envelope:
        manifest_ext[X_ENVELOPE] = "\n".join(line.text for line in first.envelope)
        sink.place(f"extensions[{X_ENVELOPE}]", first.envelope[0], 1, "envelope")
    arrival = header.arrival
    implied = list(state.points)  # the point of unloading lines a writer gives from the model alone
    if arrival is None and state.points:
        # Without a first point of arrival, the flight arrives at its first point of unloading, at the scheduled
        # arrival time its line may give (FFM/8 pointOfUnloading arrivalInformation).
        pieces = state.point_lines[0].split("/")
        moment = parse_day_month(pieces[1], reference) if len(pieces) == 2 else None
        arrival = Stop(place=airport(state.points[0]), moment=moment)
        if moment is not None:
            implied[0] = state.point_lines[0]
        else:
            sink.positions.pop("arrival.moment", None)
    if state.point_lines != implied or _points_reordered(state):
        manifest_ext[X_POINTS] = "\n".join(state.point_lines)
    for number, identifier in enumerate(state.ulds):
        found = sink.positions.get(f"uld:{identifier}")
        if found is not None:
            sink.positions[f"equipment[{number}]"] = found
    for key in [key for key in sink.positions if key.startswith("uld:")]:
        del sink.positions[key]
    manifest = replace(
        header,
        arrival=arrival,
        equipment=tuple(state.ulds.values()),
        consignments=consignments,
        extensions=manifest_ext,
    )
    if [(c, g) for c, g, _, _ in ordered(manifest)] != state.order:
        manifest = _with_line_numbers(manifest, state.order)
    return manifest


def _with_line_numbers(manifest: Manifest, order: list[tuple[int, int]]) -> Manifest:
    """Every goods item numbered with its line's place in the manifest, for an order the grouping would not give."""
    numbers = {entry: str(number) for number, entry in enumerate(order, start=1)}
    consignments = tuple(
        replace(
            consignment,
            goods=tuple(
                replace(item, extensions={**item.extensions, X_LINE: numbers[(c_index, g_index)]})
                for g_index, item in enumerate(consignment.goods)
            ),
        )
        for c_index, consignment in enumerate(manifest.consignments)
    )
    return replace(manifest, consignments=consignments)


def _points_reordered(state: State) -> bool:
    """Whether the points of unloading differ from those the consignment lines imply, in their order."""
    awbs = list(state.awbs.values())
    implied: list[str] = []
    for c_index, g_index in state.order:
        point = awbs[c_index].items[g_index].point
        if point and point not in implied:
            implied.append(point)
    return implied != state.points


def _consignment(awb: Waybill, state: State) -> Consignment:
    totals = [item.total for item in awb.items if item.total is not None]
    whole = next((item for item in awb.items if item.code == "T"), None)
    total = totals[0] if totals else (_pieces(whole) if whole else None)
    goods: list[GoodsItem] = []
    equipment: list[Equipment] = []
    for item in awb.items:
        ext = dict(item.ext)
        if item.code != implied_code(len(awb.items), total, _pieces(item)):
            ext[X_SHIPMENT_CODE] = item.code
        ids: tuple[str, ...] = ()
        if item.uld is not None:
            ids = (item.uld,)
            if state.ulds[item.uld] not in equipment:
                found = state.sink.positions.get(f"uld:{item.uld}")
                if found is not None:
                    state.sink.positions[f"consignments[{awb.index}].equipment[{len(equipment)}]"] = found
                equipment.append(state.ulds[item.uld])
        goods.append(GoodsItem(sequence=item.sequence, equipment_ids=ids, extensions=ext, **item.fields))  # type: ignore[arg-type]
    point = next((item.point for item in awb.items if item.point), None)
    return Consignment(
        extensions={X_UNLOADING: point} if point and point != awb.destination else {},
        document_number=awb.number,
        document_type=DocumentType.AIR_WAYBILL,
        place_of_loading=airport(awb.origin) if awb.origin else None,
        place_of_discharge=airport(awb.destination) if awb.destination else None,
        total_packages=Packages(count=total) if total is not None else None,
        gross_weight=whole.fields.get("gross_weight") if whole is not None else None,  # type: ignore[arg-type]
        volume=whole.fields.get("volume") if whole is not None else None,  # type: ignore[arg-type]
        goods=tuple(goods),
        equipment=tuple(equipment),
        handling_codes=tuple(awb.handling),
        customs_notes=tuple(awb.notes),
    )


def _pieces(item: LineItem) -> int:
    packages = item.fields.get("packages")
    return packages.count if isinstance(packages, Packages) else 0
