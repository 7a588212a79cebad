"""The lines of a flight manifest after its flight line (FFM/8): points of unloading, ULD lines, consignment lines
and the DIM, onward movement, OSI, COR and OCI lines and continuation lines that follow them, read into the waybills
and ULDs of the flight as they come (:class:`State`). :mod:`~manifest.formats.cargo_imp.ffm` makes the manifest of
them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date

from manifest.formats.cargo_imp.codes import STRAY_LINE
from manifest.formats.cargo_imp.elements import SHC, parse_awb_detail, parse_day_month, parse_oci, parse_shc
from manifest.formats.cargo_imp.ffm_layout import (
    END_CODES,
    X_DENSITY,
    X_LINES,
    X_POINTS,
    X_ULD_LINES,
    X_ULD_LOADING,
    X_ULD_REMARKS,
)
from manifest.formats.cargo_imp.lines import Line
from manifest.formats.cargo_imp.message import RawMessage
from manifest.formats.cargo_imp.sink import Sink
from manifest.model import CustomsNote, Equipment, EquipmentKind, Packages

_DETAIL_TAGS = ("DIM", "OSI", "COR", "OCI")
_ULD = re.compile(r"ULD/([A-Z][A-Z0-9]{2})([A-Z0-9][0-9]{3,4}[A-Z0-9]{2})(?:-([A-Z]))?(?:/(.*))?")
_POINT = re.compile(r"[A-Z]{3}(?:/.*)?")


@dataclass(slots=True)
class LineItem:
    sequence: int
    fields: dict[str, object] = field(default_factory=dict)
    code: str = "T"
    total: int | None = None
    ext: dict[str, str] = field(default_factory=dict)
    uld: str | None = None
    point: str | None = None


@dataclass(slots=True)
class Waybill:
    number: str
    index: int
    origin: str | None = None
    destination: str | None = None
    items: list[LineItem] = field(default_factory=list)
    handling: list[str] = field(default_factory=list)
    notes: list[CustomsNote] = field(default_factory=list)


@dataclass(slots=True)
class State:
    sink: Sink
    reference: date
    awbs: dict[str, Waybill] = field(default_factory=dict)
    ulds: dict[str, Equipment] = field(default_factory=dict)
    points: list[str] = field(default_factory=list)
    point_lines: list[str] = field(default_factory=list)
    point: str | None = None
    uld: str | None = None
    item: LineItem | None = None
    awb: Waybill | None = None
    after_detail: bool = False
    in_oci: bool = False  # the last line was an OCI line: a continuation line is a further OCI detail
    order: list[tuple[int, int]] = field(default_factory=list)  # (consignment, goods item) of each line in turn


def read_body(part: RawMessage, state: State) -> Line | None:
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
        if _names_a_uld(text, state):
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


def _names_a_uld(text: str, state: State) -> bool:
    """Whether a line is a ULD line. ULD is also an airport's code (Ulundi), so a point of unloading line may start
    with ``ULD/`` too: one whose pieces after the airport are NIL or a day, month and time is that point's."""
    if not text.startswith("ULD/"):
        return False
    if _ULD.fullmatch(text):
        return True
    pieces = text.split("/")[1:]
    return not all(piece == "NIL" or parse_day_month(piece, state.reference) is not None for piece in pieces)


def _point(line: Line, state: State) -> None:
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


def _uld(line: Line, state: State) -> None:
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


def _consignment_line(line: Line, state: State) -> None:
    sink = state.sink
    detail = parse_awb_detail(line, 0, sink, "consignment", ffm=True)
    state.item = state.awb = None
    if detail is None or detail.weight is None:
        return
    awb = state.awbs.get(detail.number)
    if awb is None:
        awb = Waybill(detail.number, len(state.awbs), detail.origin, detail.destination)
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
    item = LineItem(len(awb.items) + 1, code=detail.code, total=detail.total_pieces, uld=state.uld, point=state.point)
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


def _continuation(line: Line, state: State) -> None:
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


def _detail(line: Line, state: State) -> None:
    assert state.item is not None and state.awb is not None
    state.after_detail = True
    if line.tag == "OCI":
        _oci(line, state)
        return
    _keep(state.item, line.text)


def _oci(line: Line, state: State) -> None:
    assert state.awb is not None
    state.in_oci = True
    note = parse_oci(line, state.sink, "OCI")
    if note is not None:
        state.sink.place(f"consignments[{state.awb.index}].customs_notes[{len(state.awb.notes)}]", line, 1, "OCI")
        state.awb.notes.append(note)


def _keep(item: LineItem, text: str) -> None:
    kept = item.ext.get(X_LINES)
    item.ext[X_LINES] = f"{kept}\n{text}" if kept else text
