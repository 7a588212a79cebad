"""The reader of one CUSCAR message: hands each body segment to the handler of its segment group, and closes the
consignments and the message."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

from manifest.diagnostics import Diagnostic, Position
from manifest.formats.edifact import cuscar_codes as C
from manifest.formats.edifact.cuscar_read import conveyance, equipment, goods, measures, parties
from manifest.formats.edifact.cuscar_read import header as message_header
from manifest.formats.edifact.cuscar_read.consignments import close_consignment, cni, cnt
from manifest.formats.edifact.cuscar_read.directory_check import DirectoryCheck
from manifest.formats.edifact.cuscar_read.positions import Positions, SegmentTable
from manifest.formats.edifact.cuscar_read.state import ReadState
from manifest.formats.edifact.directory import version_of
from manifest.formats.edifact.envelope import MessageHeader
from manifest.formats.edifact.segments import Segment
from manifest.formats.edifact.syntax import Delimiters
from manifest.model import Consignment, Manifest

# The handler of each body segment but CNI, which closes the open consignment first (see MessageReader.feed); a
# segment not named here (GIS among them) is kept in the extensions of the innermost open group.
_HANDLERS: dict[str, Callable[[ReadState, Segment], None]] = {
    "BGM": message_header.bgm,
    "RFF": message_header.rff,
    "TDT": conveyance.tdt,
    "LOC": conveyance.loc,
    "DTM": conveyance.dtm,
    "NAD": parties.nad,
    "CTA": parties.cta,
    "COM": parties.com,
    "EQD": equipment.eqd,
    "SEL": equipment.sel,
    "MEA": measures.mea,
    "CNT": cnt,
    "GID": goods.gid,
    "FTX": goods.ftx,
    "PCI": goods.pci,
    "SGP": goods.sgp,
    "PIA": goods.pia,
    "CST": goods.cst,
    "DOC": goods.doc,
    "DGS": goods.dgs,
}


class MessageReader:
    """Reads the body segments of one CUSCAR message; see the package docstring."""

    def __init__(
        self,
        header: MessageHeader,
        sink: list[Diagnostic],
        defaults: Mapping[str, str],
        delimiters: Delimiters,
        record: bool = True,
    ) -> None:
        self.state = ReadState(header, sink, defaults, delimiters, record)
        # Against the directory the UNH declares (S009/0052, 0054), D.95B for one this reader does not know (CUS003).
        self.check = DirectoryCheck(version_of(header.identifier), delimiters)
        message_header.unh(self.state, header.segment, defaults)

    def feed(self, segment: Segment) -> tuple[int, Consignment] | None:
        """Take one body segment; returns a consignment that this segment closed, with its index."""
        state = self.state
        state.table.add(segment)
        faults = self.check(segment)
        if faults or state.faulted:
            state.faulted = {(fault.line, fault.column) for fault in faults}
            state.sink.extend(faults)
        if segment.tag == "CNI":
            equipment.close_equipment(state)
            closed = close_consignment(state)
            cni(state, segment)
            return closed
        handler = _HANDLERS.get(segment.tag)
        if handler is None:
            state.route_extra(segment)
        else:
            handler(state, segment)
        return None

    def finish(self) -> tuple[Manifest, tuple[int, Consignment] | None]:
        """Close the message: the last consignment, and the manifest header (without consignments)."""
        state = self.state
        equipment.close_equipment(state)
        last = close_consignment(state)
        if not state.seen_bgm:
            state.sink.append(
                C.MISSING_SEGMENT(reference=state.header.reference, tag="BGM", name="beginning of message").at(
                    state.header.segment.position()
                )
            )
        return self.manifest_header(), last

    def manifest_header(self, with_used: bool = False) -> Manifest:
        """The manifest without consignments, with the message-level equipment no goods item was placed in (or all
        of it, ``with_used``)."""
        state = self.state
        kept = [(k, e) for k, e in state.equipment.items() if with_used or k not in state.used_equipment]
        for index, (key, _) in enumerate(kept):
            state.equipment_positions(key, f"equipment[{index}]")
        values = dict(state.values)
        conveyance.stops(values)
        return Manifest(
            mode=state.mode,
            parties=tuple(parties.to_party(p) for p in state.parties),
            references=tuple(state.references),
            equipment=tuple(e for _, e in kept),
            extensions=state.ext,
            **values,
        )

    def source_positions(self) -> Mapping[str, Position]:
        state = self.state
        if state.record:
            return Positions(state.spots, state.table)
        return _ReplayedPositions(state.header, state.defaults, state.table)

    def take_positions(self, index: int) -> Positions:
        """The positions of consignment ``index`` (moved out of the reader) with those of the header."""
        state = self.state
        prefix = f"consignments[{index}]"
        taken = {k: v for k, v in state.spots.items() if k.startswith(prefix)}
        for key in taken:
            del state.spots[key]
        header = {k: v for k, v in state.spots.items() if not k.startswith("consignments[")}
        spots = {**header, **taken}
        table = state.table.subset({spot >> 16 for spot in spots.values()})
        # Only the segments positions may still be asked of stay: a stream keeps one consignment, not the message.
        kept = {spot >> 16 for spot in state.spots.values()}
        kept.update(spot >> 16 for spots in state.equipment_spots.values() for spot in spots.values())
        state.table.keep_only(kept)
        return Positions(spots, table)


class _ReplayedPositions(Mapping[str, Position]):
    """The positions of a message read without recording them: on first use the message is read again from the
    text of its segments, recording this time. Most files are read with no position ever asked for, and building
    the paths of every value (hundreds of thousands) costs a good share of the reading."""

    __slots__ = ("_defaults", "_header", "_positions", "_table")

    def __init__(self, header: MessageHeader, defaults: Mapping[str, str], table: SegmentTable) -> None:
        self._header = header
        self._defaults = defaults
        self._table = table
        self._positions: Positions | None = None

    def _replay(self) -> Positions:
        if self._positions is None:
            table = self._table
            reader = MessageReader(self._header, [], self._defaults, table.delimiters)
            first = self._header.segment.number
            for number in list(table.texts):
                if number != first:
                    reader.feed(table.segment(number))
            reader.finish()
            self._positions = Positions(reader.state.spots, table)
        return self._positions

    def __getitem__(self, path: str) -> Position:
        return self._replay()[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._replay())

    def __len__(self) -> int:
        return len(self._replay())
