"""What the segment groups of one CUSCAR message share while it is read: the open groups, the values read so far, and
where each was found.

Every segment handler takes the one :class:`ReadState` of its message and the segment; the state knows which group
is open (``context``) and keeps a segment no handler maps in the extensions of the innermost open group.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from manifest.diagnostics import Diagnostic
from manifest.formats.edifact import cuscar_codes as C
from manifest.formats.edifact.cuscar_read.positions import SegmentTable, spot
from manifest.formats.edifact.directory import is_number
from manifest.formats.edifact.envelope import MessageHeader
from manifest.formats.edifact.rawtext import compose, extra_key, segment_text
from manifest.formats.edifact.segments import Segment
from manifest.formats.edifact.syntax import Delimiters
from manifest.model import CustomsDocument, Equipment, Mode, Place, Reference, TariffCode

NS = "cuscar"
Ext = dict[str, str]


def number(text: str) -> Decimal | None:
    """An EDIFACT numeric value: either decimal mark (ISO 9735-1 section 10), an optional leading minus."""
    if not is_number(text):
        return None
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def keep(ext: Ext, segment: Segment, elements: tuple[int, ...], prefix: str) -> None:
    """Keep the named elements (in ascending order) of a segment whose other elements the model carries."""
    if not elements or len(segment.elements) < elements[0]:
        return
    for element in elements:
        components = segment.components(element)
        if any(components):
            ext[f"{NS}.{prefix}.{element:02d}"] = compose(components)


@dataclass
class GoodsDraft:
    """A GID goods item being read: its values until the next GID, CNI or UNT closes it."""

    values: dict[str, Any] = field(default_factory=dict)
    ext: Ext = field(default_factory=dict)
    hazardous: list[dict[str, Any]] = field(default_factory=list)
    tariff_codes: list[TariffCode] = field(default_factory=list)
    documents: list[CustomsDocument] = field(default_factory=list)
    equipment_ids: list[str] = field(default_factory=list)
    extras: int = 0
    path: str = ""  # consignments[c].goods[g]
    seen: set[str] = field(default_factory=set)  # the segments of the item read once only (CST)
    # A dangerous goods text (FTX AAD) before the item's DGS: its text and the segment's, until the item closes
    # and says whether one DGS is there for it to name.
    dangerous_text: tuple[str, str] | None = None


@dataclass
class ConsignmentDraft:
    """A CNI consignment being read: its values until the next CNI or UNT closes it."""

    values: dict[str, Any] = field(default_factory=dict)
    ext: Ext = field(default_factory=dict)
    parties: list[dict[str, Any]] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    goods: list[GoodsDraft] = field(default_factory=list)
    equipment: list[Equipment] = field(default_factory=list)
    extras: int = 0


class ReadState:
    """The state of one message being read, shared by the handlers of every segment group."""

    def __init__(
        self,
        header: MessageHeader,
        sink: list[Diagnostic],
        defaults: Mapping[str, str],
        delimiters: Delimiters,
        record: bool,
    ) -> None:
        self.sink = sink
        self.header = header
        self.defaults = defaults
        # Whether positions are recorded as the message is read. Without, the reader keeps only the segments' text
        # and reads the message again the first time a position is asked for.
        self.record = record
        self.spots: dict[str, int] = {}
        self.table = SegmentTable(delimiters)
        self.places: dict[str, Place] = {}  # see conveyance.place
        self.ext: Ext = {}
        self.values: dict[str, Any] = {}
        self.parties: list[dict[str, Any]] = []
        self.references: list[Reference] = []
        self.equipment: dict[str, Equipment] = {}  # message-level EQD groups by identifier, in order
        self.equipment_spots: dict[str, dict[str, int]] = {}  # identifier -> path suffix -> spot
        self.used_equipment: set[str] = set()
        self.extras = 0
        self.consignment_index = -1
        self.consignment: ConsignmentDraft | None = None
        self.goods: GoodsDraft | None = None
        self.context = "header"  # header, rff, nad, tdt, loc, eqd, cni, cni-nad, gid, dgs, cni-eqd
        self.stop: dict[str, Any] | None = None  # the stop of the segment before (its LOC, or its DTM)
        self.transport_groups = 0  # the TDT groups opened so far: a DTM dates a stop of its own group only
        self.last_party: dict[str, Any] | None = None
        self.current_equipment: dict[str, Any] | None = None
        self.seen_bgm = False
        self.mode = Mode.MARITIME  # until the first TDT names another (C220/8067)
        # The places (line, column) of the segment being read where its check against the directory found a fault.
        self.faulted: set[tuple[int | None, int | None]] = set()

    def report(self, finding: Diagnostic) -> None:
        """Report a handler's finding on a value, unless the directory check already found a fault at its place: one
        finding per fault (a goods item number of letters is not a number once, not twice)."""
        if (finding.line, finding.column) not in self.faulted:
            self.sink.append(finding)

    def spot_goods(self, name: str, s: Segment, element: int, component: int) -> None:
        """Record where a value of the open goods item is (``name`` relative to the item, "" for the item)."""
        if not self.record:
            return
        assert self.goods is not None
        base = self.goods.path
        self.spots[f"{base}.{name}" if name else base] = spot(s, element, component)

    def equipment_positions(self, key: str, base: str) -> None:
        """Record the positions of message-level equipment ``key`` under the model path ``base``."""
        if not self.record:
            return
        for suffix, where in self.equipment_spots.get(key, {}).items():
            self.spots[f"{base}.{suffix}" if suffix else base] = where

    # -- segments the model does not carry ---------------------------------------------------------------------
    def route_extra(self, s: Segment) -> None:
        """Keep a segment the model has no field for in the extensions of the innermost open group."""
        if self.context in ("eqd", "cni-eqd") and self.current_equipment is not None:
            current = self.current_equipment
            current["ext"][extra_key(NS, current["extras"])] = segment_text(s)
            current["extras"] += 1
        elif self.context in ("gid", "dgs") and self.goods is not None:
            self.goods_extra(s)
        elif self.consignment is not None:
            self.consignment_extra(s)
        else:
            self.ext[extra_key(NS, self.extras)] = segment_text(s)
            self.extras += 1

    def goods_extra(self, s: Segment) -> None:
        assert self.goods is not None
        self.goods.ext[extra_key(NS, self.goods.extras)] = segment_text(s)
        self.goods.extras += 1

    def consignment_extra(self, s: Segment) -> None:
        assert self.consignment is not None
        self.consignment.ext[extra_key(NS, self.consignment.extras)] = segment_text(s)
        self.consignment.extras += 1

    def out_of_place(self, s: Segment, en: str, es: str) -> None:
        self.sink.append(C.OUT_OF_PLACE(tag=s.tag, reason=en, reason_es=es).at(s.position()))
