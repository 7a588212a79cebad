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

import re
from dataclasses import dataclass, field, replace
from datetime import date

from manifest.diagnostics import Diagnostic
from manifest.formats.cargo_imp.codes import (
    BAD_SEQUENCE,
    CONT_WITHOUT_LAST,
    MISSING_END,
    MISSING_LINE,
    STRAY_LINE,
)
from manifest.formats.cargo_imp.elements import (
    AIRPORT,
    COUNTRY,
    FLIGHT,
    SHC,
    airport,
    parse_awb_detail,
    parse_day_month,
    parse_oci,
    parse_shc,
)
from manifest.formats.cargo_imp.ffm_layout import (
    END_CODES,
    X_DENSITY,
    X_END,
    X_LINE,
    X_LINES,
    X_PART,
    X_POINTS,
    X_SHIPMENT_CODE,
    X_ULD_LINES,
    X_ULD_LOADING,
    X_ULD_REMARKS,
    X_UNLOADING,
    implied_code,
    ordered,
)
from manifest.formats.cargo_imp.fwb import X_ENVELOPE, X_MESSAGE, X_VERSION
from manifest.formats.cargo_imp.lines import Line
from manifest.formats.cargo_imp.message import RawMessage
from manifest.formats.cargo_imp.sink import Sink
from manifest.formats.readers import ascii_digits
from manifest.model import (
    Carrier,
    Consignment,
    Conveyance,
    CustomsNote,
    DocumentType,
    Equipment,
    EquipmentKind,
    GoodsItem,
    Manifest,
    Mode,
    Packages,
    Place,
    Stop,
)

_DETAIL_TAGS = ("DIM", "OSI", "COR", "OCI")
_ULD = re.compile(r"ULD/([A-Z][A-Z0-9]{2})([A-Z0-9][0-9]{3,4}[A-Z0-9]{2})(?:-([A-Z]))?(?:/(.*))?")
_POINT = re.compile(r"[A-Z]{3}(?:/.*)?")


@dataclass(slots=True)
class _Item:
    sequence: int
    fields: dict[str, object] = field(default_factory=dict)
    code: str = "T"
    total: int | None = None
    ext: dict[str, str] = field(default_factory=dict)
    uld: str | None = None
    point: str | None = None


@dataclass(slots=True)
class _Awb:
    number: str
    index: int
    origin: str | None = None
    destination: str | None = None
    items: list[_Item] = field(default_factory=list)
    handling: list[str] = field(default_factory=list)
    notes: list[CustomsNote] = field(default_factory=list)


@dataclass(slots=True)
class _State:
    sink: Sink
    reference: date
    awbs: dict[str, _Awb] = field(default_factory=dict)
    ulds: dict[str, Equipment] = field(default_factory=dict)
    points: list[str] = field(default_factory=list)
    point_lines: list[str] = field(default_factory=list)
    point: str | None = None
    uld: str | None = None
    item: _Item | None = None
    awb: _Awb | None = None
    after_detail: bool = False
    in_oci: bool = False  # the last line was an OCI line: a continuation line is a further OCI detail
    order: list[tuple[int, int]] = field(default_factory=list)  # (consignment, goods item) of each line in turn


def flight_key(message: RawMessage) -> tuple[str, str] | None:
    """The flight a part belongs to (carrier and flight number, day and month of departure), None without one."""
    if message.kind != "FFM" or not message.body:
        return None
    pieces = message.body[0].text.split("/")
    return (pieces[1], pieces[2][:5]) if len(pieces) > 2 else None


def part_number(message: RawMessage) -> int | None:
    head = message.body[0].text.split("/", 1)[0] if message.body else ""
    return int(head) if ascii_digits(head) and len(head) <= 3 else None


def ends_continued(message: RawMessage) -> Line | None:
    """The CONT line a part ends with, if it does: the next part of the flight is another message."""
    last = message.body[-1] if message.body else None
    return last if last is not None and last.text.rstrip() == "CONT" else None


def continues(previous: RawMessage, message: RawMessage) -> bool:
    """Whether ``message`` is the part of a flight manifest that ``previous`` (ending CONT) is continued by."""
    key = flight_key(message)
    return ends_continued(previous) is not None and key is not None and key == flight_key(previous)


class PartsInFile:
    """The flight manifests of one file, group after group: a part ending CONT whose flight comes back later in the
    file, not in the message right after it, does not join up with the rest (Cargo-IMP FFM message sequence). A
    part read alone, whatever its number and end, is a message as it was sent and received."""

    def __init__(self) -> None:
        self._open: dict[tuple[str, str], Line] = {}  # flight -> CONT line of its last group

    def check(self, group: list[RawMessage]) -> list[Diagnostic]:
        key = flight_key(group[0])
        if key is None:
            return []
        found: list[Diagnostic] = []
        left = self._open.pop(key, None)
        if left is not None:
            found.append(CONT_WITHOUT_LAST(line=left.number, column=1, location="CONT", value=key[0], message="FFM"))
        end = ends_continued(group[-1])
        if end is not None:
            self._open[key] = end
        return found


def read(parts: list[RawMessage], sink: Sink, reference: date) -> Manifest:
    """One flight manifest from its parts (one or more messages ending CONT, then one ending LAST; or the parts
    of it that were sent in this file)."""
    first = parts[0]
    state = _State(sink, reference)
    header = _flight(first, sink, reference)
    flight_id = first.body[0].text.split("/")[1] if first.body and "/" in first.body[0].text else ""
    start = part_number(first) or 1
    end: Line | None = None
    for number, part in enumerate(parts, start=start):
        if number > start and part.body:
            pieces = part.body[0].text.split("/")
            if pieces[0] != str(number) or len(pieces) < 2 or pieces[1] != flight_id:
                sink.report(BAD_SEQUENCE, part.body[0], 1, "flight", value=pieces[0], part=number, flight=flight_id)
        end = _body(part, state)
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


def _points_reordered(state: _State) -> bool:
    """Whether the points of unloading differ from those the consignment lines imply, in their order."""
    awbs = list(state.awbs.values())
    implied: list[str] = []
    for c_index, g_index in state.order:
        point = awbs[c_index].items[g_index].point
        if point and point not in implied:
            implied.append(point)
    return implied != state.points


def _flight(message: RawMessage, sink: Sink, reference: date) -> Manifest:
    if not message.body:
        sink.bad(
            message.smi,
            1,
            "flight",
            value="",
            expected="<part>/<carrier><flight>/<DDMON>/<airport of loading>",
        )
        return Manifest(mode=Mode.AIR)
    line = message.body[0]
    pieces = line.fields()
    carrier = conveyance = trip = departure = arrival = None
    if part_number(message) is None:
        sink.bad(
            line,
            1,
            "flight/part",
            value=pieces[0].text,
            expected="a message part number, 1 to 3 digits",
        )
    flight = FLIGHT.fullmatch(pieces[1].text) if len(pieces) > 1 else None
    registration = None
    if flight is None:
        sink.bad(
            line,
            pieces[1].column if len(pieces) > 1 else 1,
            "flight/flight",
            value=pieces[1].text if len(pieces) > 1 else line.text,
            expected="carrier code and 3 or 4 digit flight number",
        )
    else:
        carrier = Carrier(iata_code=flight.group(1))
        trip = flight.group()
        sink.place("carrier.iata_code", line, pieces[1].column, "flight/carrier")
        sink.place("conveyance.flight_number", line, pieces[1].column, "flight/flight")
        sink.place("trip_number", line, pieces[1].column, "flight/flight")
    moment = parse_day_month(pieces[2].text, reference) if len(pieces) > 2 else None
    if moment is None:
        sink.bad(
            line,
            pieces[2].column if len(pieces) > 2 else len(line.text) + 1,
            "flight/date",
            value=pieces[2].text if len(pieces) > 2 else "",
            expected="DDMON or DDMONHHMM",
        )
    else:
        sink.place("departure.moment", line, pieces[2].column, "flight/date")
    loading = pieces[3].text if len(pieces) > 3 else ""
    if AIRPORT.fullmatch(loading):
        departure = Stop(place=airport(loading), moment=moment)
        sink.place("departure.place", line, pieces[3].column, "flight/loading")
    else:
        sink.bad(
            line,
            pieces[3].column if len(pieces) > 3 else len(line.text) + 1,
            "flight/loading",
            value=loading,
            expected="3-letter IATA code",
        )
    rest = pieces[4:]
    if len(rest) in (1, 4):
        registration = rest[0].text or None
        sink.place("conveyance.aircraft_registration", line, rest[0].column, "flight/registration")
        rest = rest[1:]
    if len(rest) == 3:
        country, when, place = rest
        arrived = parse_day_month(when.text, reference)
        if COUNTRY.fullmatch(country.text) is None or arrived is None or AIRPORT.fullmatch(place.text) is None:
            sink.bad(
                line,
                country.column,
                "flight/first-arrival",
                value="/".join(p.text for p in rest),
                expected="<country>/<DDMONHHMM>/<airport>",
            )
        else:
            arrival = Stop(
                place=Place(code=place.text, scheme=airport(place.text).scheme, country=country.text), moment=arrived
            )
            sink.place("arrival", line, country.column, "flight/first-arrival")
            sink.place("arrival.place.country", line, country.column, "flight/first-arrival/country")
            sink.place("arrival.moment", line, when.column, "flight/first-arrival/date")
            sink.place("arrival.place", line, place.column, "flight/first-arrival/airport")
    elif rest:
        sink.bad(
            line,
            rest[0].column,
            "flight",
            value=line.text,
            expected="[/aircraft registration][/country/DDMONHHMM/airport]",
        )
    if trip is not None or registration is not None:
        conveyance = Conveyance(flight_number=trip, aircraft_registration=registration)
    return Manifest(
        mode=Mode.AIR, carrier=carrier, conveyance=conveyance, trip_number=trip, departure=departure, arrival=arrival
    )


def _body(part: RawMessage, state: _State) -> Line | None:
    """Read the lines after the flight line; the end code line, or None when there is none."""
    state.item = state.awb = None
    state.uld = None
    for line in part.body[1:]:
        text = line.text.rstrip()
        in_oci, state.in_oci = state.in_oci, False
        if in_oci and line.is_continuation and state.awb is not None:
            _oci(line, state)
            continue
        if text in END_CODES:
            return line
        if text.startswith("ULD/"):
            _uld(line, state)
        elif re.match(r"[0-9]{3}-", text):
            _consignment_line(line, state)
        elif line.is_continuation:
            _continuation(line, state)
        elif state.item is not None and line.tag in _DETAIL_TAGS and not text.endswith("/NIL"):
            _detail(line, state)
        elif _POINT.fullmatch(text):
            _point(line, state)
        else:
            state.sink.report(STRAY_LINE, line, 1, "line", value=line.text)
    return None


def _point(line: Line, state: _State) -> None:
    code = line.text[:3]
    pieces = line.fields()
    for piece in pieces[1:]:
        if piece.text != "NIL" and parse_day_month(piece.text, state.reference) is None:
            state.sink.bad(
                line,
                piece.column,
                "unloading",
                value=piece.text,
                expected="NIL or DDMONHHMM",
            )
    if code not in state.points:
        if not state.points and len(pieces) == 2 and "arrival.moment" not in state.sink.positions:
            state.sink.place("arrival.moment", line, pieces[1].column, "unloading/arrival")
        if not state.points:
            state.sink.place(f"extensions[{X_POINTS}]", line, 1, "unloading")
            if "arrival" not in state.sink.positions:
                state.sink.place("arrival", line, 1, "unloading")
                state.sink.place("arrival.place", line, 1, "unloading")
        state.points.append(code)
        state.point_lines.append(line.text)
    state.point, state.uld, state.item, state.awb = code, None, None, None


def _uld(line: Line, state: _State) -> None:
    match = _ULD.fullmatch(line.text)
    state.item = state.awb = None
    if match is None:
        state.sink.bad(
            line,
            5,
            "ULD",
            value=line.text[4:],
            expected="<type, 3><serial, 4-5><owner, 2>[-<loading indicator>][/<remarks>]",
        )
        state.uld = None
        return
    identifier = match.group(1) + match.group(2)
    state.uld = identifier
    if identifier not in state.ulds:
        ext: dict[str, str] = {}
        if match.group(3):
            ext[X_ULD_LOADING] = match.group(3)
        if match.group(4) is not None:
            ext[X_ULD_REMARKS] = match.group(4)
        state.ulds[identifier] = Equipment(
            kind=EquipmentKind.ULD,
            initial=match.group(1),
            number=match.group(2),
            extensions=ext,
        )
        state.sink.place(f"uld:{identifier}", line, 5, "ULD")


def _consignment_line(line: Line, state: _State) -> None:
    sink = state.sink
    detail = parse_awb_detail(line, 0, sink, "consignment", ffm=True)
    state.item = state.awb = None
    if detail is None or detail.weight is None:
        return
    awb = state.awbs.get(detail.number)
    if awb is None:
        awb = _Awb(detail.number, len(state.awbs), detail.origin, detail.destination)
        state.awbs[detail.number] = awb
        sink.place(f"consignments[{awb.index}]", line, 1, "consignment")
        sink.place(f"consignments[{awb.index}].document_number", line, 1, "consignment/awb")
        if detail.origin:
            sink.place(
                f"consignments[{awb.index}].place_of_loading", line, detail.columns["origin"], "consignment/origin"
            )
        if detail.destination:
            sink.place(
                f"consignments[{awb.index}].place_of_discharge",
                line,
                detail.columns["destination"],
                "consignment/destination",
            )
    state.order.append((awb.index, len(awb.items)))
    item = _Item(len(awb.items) + 1, code=detail.code, total=detail.total_pieces, uld=state.uld, point=state.point)
    path = f"consignments[{awb.index}].goods[{len(awb.items)}]"
    sink.place(path, line, 1, "consignment")
    item.fields["packages"] = Packages(count=detail.pieces)
    item.fields["gross_weight"] = detail.weight
    sink.place(f"{path}.packages", line, detail.columns["pieces"], "consignment/pieces")
    sink.place(f"{path}.gross_weight", line, detail.columns["weight"], "consignment/weight")
    if detail.code == "T" and not awb.items:
        sink.place(f"consignments[{awb.index}].total_packages", line, detail.columns["pieces"], "consignment/pieces")
        sink.place(f"consignments[{awb.index}].gross_weight", line, detail.columns["weight"], "consignment/weight")
    if detail.total_pieces is not None:
        sink.place(
            f"consignments[{awb.index}].total_packages",
            line,
            detail.columns["total_pieces"],
            "consignment/total-pieces",
        )
    if detail.volume is not None:
        item.fields["volume"] = detail.volume
        if detail.code == "T" and not awb.items:
            sink.place(f"consignments[{awb.index}].volume", line, detail.columns["volume"], "consignment/volume")
        sink.place(f"{path}.volume", line, detail.columns["volume"], "consignment/volume")
    if detail.density:
        item.ext[X_DENSITY] = detail.density
    if state.uld:
        sink.place(f"{path}.equipment_ids", line, 1, "ULD")
    rest = line.text[detail.end :]
    if rest.startswith("/"):
        description, _, tail = rest[1:].partition("/")
        codes = _joined_codes(tail)
        if codes:
            column = detail.end + 2 + len(description) + 1
            for number, code in enumerate(codes):
                if code not in awb.handling:
                    where = f"consignments[{awb.index}].handling_codes[{len(awb.handling)}]"
                    sink.place(where, line, column + 3 * number, "SHC")
                    awb.handling.append(code)
        else:
            description = rest[1:]
        item.fields["description"] = description
        sink.place(f"{path}.description", line, detail.end + 2, "consignment/description")
    else:
        sink.bad(
            line,
            detail.end + 1,
            "consignment/description",
            value=rest,
            expected="/<manifest description of goods>",
        )
    awb.items.append(item)
    state.item, state.awb, state.after_detail = item, awb, False


def _joined_codes(tail: str) -> list[str]:
    """Special handling codes written after the description with no slant between them (``/CONSOLIDATED
    CA/EAWGEN``: EAW and GEN), as airline FFM/5 traffic writes them (tyroneous9/CargoIMP-Compiler
    cpp/data/input_tests/ffm_test.txt); none when the text after the description is anything else."""
    if not tail or len(tail) % 3:
        return []
    codes = [tail[start : start + 3] for start in range(0, len(tail), 3)]
    return codes if all(SHC.fullmatch(code) for code in codes) else []


def _continuation(line: Line, state: _State) -> None:
    pieces = line.fields()[1:]
    if state.item is not None and state.awb is not None:
        if not state.after_detail and pieces and all(SHC.fullmatch(p.text) for p in pieces):
            awb = state.awb
            for code, column in parse_shc(line, 0, state.sink, "SHC"):
                state.sink.place(f"consignments[{awb.index}].handling_codes[{len(awb.handling)}]", line, column, "SHC")
                awb.handling.append(code)
            return
        _keep(state.item, line.text)
        state.after_detail = True
    elif state.uld is not None:
        equipment = state.ulds[state.uld]
        kept = equipment.extensions.get(X_ULD_LINES)
        ext = dict(equipment.extensions)
        ext[X_ULD_LINES] = f"{kept}\n{line.text}" if kept else line.text
        state.ulds[state.uld] = replace(equipment, extensions=ext)
    else:
        state.sink.report(STRAY_LINE, line, 1, "line", value=line.text)


def _detail(line: Line, state: _State) -> None:
    assert state.item is not None and state.awb is not None
    state.after_detail = True
    if line.tag == "OCI":
        _oci(line, state)
        return
    _keep(state.item, line.text)


def _oci(line: Line, state: _State) -> None:
    assert state.awb is not None
    state.in_oci = True
    note = parse_oci(line, state.sink, "OCI")
    if note is not None:
        state.sink.place(f"consignments[{state.awb.index}].customs_notes[{len(state.awb.notes)}]", line, 1, "OCI")
        state.awb.notes.append(note)


def _keep(item: _Item, text: str) -> None:
    kept = item.ext.get(X_LINES)
    item.ext[X_LINES] = f"{kept}\n{text}" if kept else text


def _consignment(awb: _Awb, state: _State) -> Consignment:
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


def _pieces(item: _Item) -> int:
    packages = item.fields.get("packages")
    return packages.count if isinstance(packages, Packages) else 0
