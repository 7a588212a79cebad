"""The segments of one LX loop (a bill), gathered as read and mapped when the next LX, P4 or SE closes it: the N1
party loops, and the VID equipment loops with their N10 goods and H1 hazardous material loops (see ts309)."""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field

from manifest.formats.x12.tokens import Lines, Segment


@dataclass
class GoodsLoop:
    """An N10 loop: its first N10, the N10 lines that continue its texts, and its H1 loops with their H2s."""

    first: Segment
    more: list[Segment] = field(default_factory=list)
    hazards: list[tuple[Segment, list[Segment]]] = field(default_factory=list)


@dataclass
class EquipmentLoop:
    """A VID loop: the equipment, its M7 seals, VC vehicles and N10 goods."""

    vid: Segment
    m7: list[Segment] = field(default_factory=list)
    vc: list[Segment] = field(default_factory=list)
    goods: list[GoodsLoop] = field(default_factory=list)


@dataclass
class PartyLoop:
    """An N1 loop: the party with its N3 street lines, N4 place, DTM and PER contact."""

    n1: Segment
    n3: list[Segment] = field(default_factory=list)
    n4: Segment | None = None
    dtm: Segment | None = None
    per: Segment | None = None


@dataclass
class BillLoop:
    """An LX loop, with the P4 port loop it is read under (``first_port``: the manifest's first)."""

    lx: Segment
    p4: Segment | None
    first_port: bool
    m13: Segment | None = None
    m11: Segment | None = None
    n9: list[Segment] = field(default_factory=list)
    parties: list[PartyLoop] = field(default_factory=list)
    m12: Segment | None = None
    p5: Segment | None = None
    equipment: list[EquipmentLoop] = field(default_factory=list)
    # Where its segments were read: offsets, and the text each was cut from (for BillPositions).
    offsets: array[int] = field(default_factory=lambda: array("q"))
    texts: list[Lines] = field(default_factory=list)

    def note(self, segment: Segment) -> None:
        self.offsets.append(segment.offset)
        self.texts.append(segment.lines)


def add(bill: BillLoop, segment: Segment) -> None:
    """Place a segment of an LX loop (other than LX) in its bill."""
    tag = segment.tag
    if tag == "M11":
        bill.m11 = segment
    elif tag == "M13":
        bill.m13 = segment
    elif tag == "N9":
        bill.n9.append(segment)
    elif tag == "N1":
        bill.parties.append(PartyLoop(segment))
    elif tag in ("N3", "N4", "DTM", "PER") and bill.parties:
        party = bill.parties[-1]
        if tag == "N3":
            party.n3.append(segment)
        elif tag == "N4":
            party.n4 = segment
        elif tag == "DTM":
            party.dtm = segment
        else:
            party.per = segment
    elif tag == "M12":
        bill.m12 = segment
    elif tag == "P5":
        bill.p5 = segment
    elif tag == "VID":
        bill.equipment.append(EquipmentLoop(segment))
    elif bill.equipment:
        _equipment_segment(bill.equipment[-1], segment)


def _equipment_segment(equipment: EquipmentLoop, segment: Segment) -> None:
    tag = segment.tag
    if tag == "M7":
        equipment.m7.append(segment)
    elif tag == "VC":
        equipment.vc.append(segment)
    elif tag == "N10":
        continuation = not segment.get(1) and not any(segment.get(i) for i in range(4, 11))
        if continuation and equipment.goods and (segment.get(2) or segment.get(3)):
            equipment.goods[-1].more.append(segment)
        else:
            equipment.goods.append(GoodsLoop(segment))
    elif tag == "H1" and equipment.goods:
        equipment.goods[-1].hazards.append((segment, []))
    elif tag == "H2" and equipment.goods and equipment.goods[-1].hazards:
        equipment.goods[-1].hazards[-1][1].append(segment)
