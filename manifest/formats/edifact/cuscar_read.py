"""Reading one CUSCAR message (UN/EDIFACT D.95B and later) into the harmonized model, segment by segment.

The message is walked in order; each segment group opens a builder (the manifest header, a TDT group, an EQD group,
a CNI consignment with its NAD parties, a GID goods item with its DGS dangerous goods) and a segment belongs to the
innermost open group that can hold it. Segments and elements the model has no field for are kept in the
``extensions`` of the object they belong to, under ``cuscar.`` keys, so that writing the manifest back as CUSCAR
restores them. Equipment is declared once at message level (D.95B segment group EQD) and tied to consignments by
the SGP split goods placement of their goods items; equipment no goods item points at stays on the manifest.
``feed`` returns each consignment as soon as the next CNI (or UNT) closes it, so a stream needs memory for one
consignment and the message header only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from manifest.codelists import contains, crosswalks
from manifest.diagnostics import Diagnostic, Position
from manifest.formats.edifact import cuscar_codes as C
from manifest.formats.edifact.dates import parse_moment
from manifest.formats.edifact.envelope import MessageHeader
from manifest.formats.edifact.rawtext import compose, extra_key, segment_text
from manifest.formats.edifact.segments import Segment, build_segment
from manifest.formats.edifact.syntax import Delimiters
from manifest.formats.readers import ascii_digits
from manifest.model import (
    Address,
    Carrier,
    Consignment,
    Contact,
    Conveyance,
    CustomsDocument,
    Direction,
    DocumentType,
    Equipment,
    EquipmentKind,
    GoodsItem,
    HazardousMaterial,
    Manifest,
    Mode,
    Packages,
    Party,
    PartyRole,
    Place,
    PlaceScheme,
    Quantity,
    Reference,
    Seal,
    Stop,
    TariffCode,
    TaxId,
    TaxIdScheme,
)

NS = "cuscar"
Ext = dict[str, str]

_UNLOCODE = re.compile(r"[A-Z]{2}[A-Z2-9]{3}\Z")
_CONTAINER = re.compile(r"[A-Z]{4}[0-9]{7}\Z")
_SCAC = re.compile(r"[A-Z]{2,4}\Z")
_NUMBER = re.compile(r"-?([0-9]+([.,][0-9]*)?|[.,][0-9]+)\Z")
DEFAULT_IDENTIFIER = ["CUSCAR", "D", "95B", "UN"]


def _spot(segment: Segment, element: int, component: int) -> int:
    """Where a value is, packed in one int (segment number, element, component): a reader records hundreds of
    thousands of them, and plain ints cost the cyclic collector nothing."""
    return segment.number << 16 | element << 8 | component


class SegmentTable:
    """The raw text and the place of the tag of each segment read, by segment number: enough to cut a segment again
    when a position is asked for, without keeping every segment and its lists of values alive."""

    __slots__ = ("delimiters", "places", "texts")

    def __init__(self, delimiters: Delimiters) -> None:
        self.delimiters = delimiters
        self.texts: dict[int, str] = {}
        self.places: dict[int, int] = {}  # line << 32 | column

    def add(self, segment: Segment) -> None:
        self.texts[segment.number] = segment.raw
        self.places[segment.number] = segment.line << 32 | segment.column

    def position(self, spot: int) -> Position:
        number = spot >> 16
        place = self.places[number]
        segment = build_segment(self.texts[number], self.delimiters, place >> 32, place & 0xFFFFFFFF, number)
        return segment.position(spot >> 8 & 0xFF, spot & 0xFF)

    def subset(self, numbers: Iterable[int]) -> SegmentTable:
        table = SegmentTable(self.delimiters)
        for number in numbers:
            table.texts[number] = self.texts[number]
            table.places[number] = self.places[number]
        return table

    def keep_only(self, numbers: set[int]) -> None:
        self.texts = {n: t for n, t in self.texts.items() if n in numbers}
        self.places = {n: p for n, p in self.places.items() if n in numbers}


class Positions(Mapping[str, Position]):
    """Model path -> position, computed from the segment's text only when a diagnostic asks for it."""

    __slots__ = ("_spots", "_table")

    def __init__(self, spots: dict[str, int], table: SegmentTable) -> None:
        self._spots = spots
        self._table = table

    def __getitem__(self, path: str) -> Position:
        return self._table.position(self._spots[path])

    def __iter__(self) -> Iterator[str]:
        return iter(self._spots)

    def __len__(self) -> int:
        return len(self._spots)


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
            for number, text in list(table.texts.items()):
                if number != first:
                    place = table.places[number]
                    reader.feed(build_segment(text, table.delimiters, place >> 32, place & 0xFFFFFFFF, number))
            reader.finish()
            self._positions = Positions(reader.spots, table)
        return self._positions

    def __getitem__(self, path: str) -> Position:
        return self._replay()[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._replay())

    def __len__(self) -> int:
        return len(self._replay())


def number(text: str) -> Decimal | None:
    """An EDIFACT numeric value: either decimal mark (ISO 9735-1 section 10), an optional leading minus."""
    if not _NUMBER.match(text):
        return None
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        return None


def _keep(ext: Ext, segment: Segment, elements: tuple[int, ...], prefix: str) -> None:
    """Keep the named elements (in ascending order) of a segment whose other elements the model carries."""
    if not elements or len(segment.elements) < elements[0]:
        return
    for element in elements:
        components = segment.components(element)
        if any(components):
            ext[f"{NS}.{prefix}.{element:02d}"] = compose(components)


@dataclass
class _Goods:
    values: dict[str, Any] = field(default_factory=dict)
    ext: Ext = field(default_factory=dict)
    hazardous: list[dict[str, Any]] = field(default_factory=list)
    tariff_codes: list[TariffCode] = field(default_factory=list)
    documents: list[CustomsDocument] = field(default_factory=list)
    equipment_ids: list[str] = field(default_factory=list)
    extras: int = 0
    path: str = ""  # consignments[c].goods[g]


@dataclass
class _Consignment:
    values: dict[str, Any] = field(default_factory=dict)
    ext: Ext = field(default_factory=dict)
    parties: list[dict[str, Any]] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    goods: list[_Goods] = field(default_factory=list)
    equipment: list[Equipment] = field(default_factory=list)
    extras: int = 0


class MessageReader:
    """Reads the body segments of one CUSCAR message; see the module docstring."""

    def __init__(
        self,
        header: MessageHeader,
        sink: list[Diagnostic],
        defaults: Mapping[str, str],
        delimiters: Delimiters,
        record: bool = True,
    ) -> None:
        self.sink = sink
        self.header = header
        self.defaults = defaults
        # Whether positions are recorded as the message is read. Without, the reader keeps only the segments' text
        # and source_positions() reads the message again the first time a position is asked for.
        self.record = record
        self.spots: dict[str, int] = {}
        self.table = SegmentTable(delimiters)
        self.places: dict[str, Place] = {}  # see _place
        self.ext: Ext = {}
        self.values: dict[str, Any] = {}
        self.parties: list[dict[str, Any]] = []
        self.references: list[Reference] = []
        self.equipment: dict[str, Equipment] = {}  # message-level EQD groups by identifier, in order
        self.equipment_spots: dict[str, dict[str, int]] = {}  # identifier -> path suffix -> spot
        self.used_equipment: set[str] = set()
        self.extras = 0
        self.consignment_index = -1
        self.consignment: _Consignment | None = None
        self.goods: _Goods | None = None
        self.context = "header"  # header, rff, nad, tdt, loc, eqd, cni, cni-nad, gid, dgs, cni-eqd
        self.stop: dict[str, Any] | None = None
        self.last_party: dict[str, Any] | None = None
        self.current_equipment: dict[str, Any] | None = None
        self.seen_bgm = False
        self.mode = Mode.MARITIME  # until the first TDT names another (C220/8067)
        self._read_unh(header.segment, defaults)

    # -- entry points ------------------------------------------------------------------------------------------
    def feed(self, segment: Segment) -> tuple[int, Consignment] | None:
        """Take one body segment; returns a consignment that this segment closed, with its index."""
        closed = None
        self.table.add(segment)
        if segment.tag == "CNI":
            self._close_equipment()
            closed = self._close_consignment()
            self._start_consignment(segment)
            return closed
        handler = _HANDLERS.get(segment.tag)
        if handler is None:
            self._route_extra(segment)
        else:
            handler(self, segment)
        return closed

    def finish(self) -> tuple[Manifest, tuple[int, Consignment] | None]:
        """Close the message: the last consignment, and the manifest header (without consignments)."""
        self._close_equipment()
        last = self._close_consignment()
        if not self.seen_bgm:
            self.sink.append(
                C.MISSING_SEGMENT(reference=self.header.reference, tag="BGM", name="beginning of message").at(
                    self.header.segment.position()
                )
            )
        return self.manifest_header(), last

    def manifest_header(self, with_used: bool = False) -> Manifest:
        unused = tuple(e for key, e in self.equipment.items() if with_used or key not in self.used_equipment)
        for index, (key, _) in enumerate(
            (k, e) for k, e in self.equipment.items() if with_used or k not in self.used_equipment
        ):
            self._equipment_positions(key, f"equipment[{index}]")
        values = dict(self.values)
        for name in ("departure", "arrival"):
            stop = values.get(name)
            if isinstance(stop, dict):
                values[name] = Stop(place=stop["place"], moment=stop.get("moment"), extensions=stop["ext"])
        _crossing(values)
        return Manifest(
            mode=self.mode,
            parties=tuple(_party(p) for p in self.parties),
            references=tuple(self.references),
            equipment=unused,
            extensions=self.ext,
            **values,
        )

    def source_positions(self) -> Mapping[str, Position]:
        if self.record:
            return Positions(self.spots, self.table)
        return _ReplayedPositions(self.header, self.defaults, self.table)

    def take_positions(self, index: int) -> Positions:
        """The positions of consignment ``index`` (moved out of the reader) with those of the header."""
        prefix = f"consignments[{index}]"
        taken = {k: v for k, v in self.spots.items() if k.startswith(prefix)}
        for key in taken:
            del self.spots[key]
        header = {k: v for k, v in self.spots.items() if not k.startswith("consignments[")}
        spots = {**header, **taken}
        table = self.table.subset({spot >> 16 for spot in spots.values()})
        # Only the segments positions may still be asked of stay: a stream keeps one consignment, not the message.
        kept = {spot >> 16 for spot in self.spots.values()}
        kept.update(spot >> 16 for spots in self.equipment_spots.values() for spot in spots.values())
        self.table.keep_only(kept)
        return Positions(spots, table)

    # -- header ------------------------------------------------------------------------------------------------
    def _read_unh(self, unh: Segment, defaults: Mapping[str, str]) -> None:
        for key, value in defaults.items():
            self.ext[key] = value
        identifier = unh.components(2)
        if identifier[:4] != DEFAULT_IDENTIFIER or len([c for c in identifier if c]) > 4:
            self.ext[f"{NS}.UNH.S009"] = compose(identifier)
        for element in (3, 4, 5, 6, 7):
            if any(unh.components(element)):
                self.ext[f"{NS}.UNH.{element:02d}"] = compose(unh.components(element))
        self.table.add(unh)
        if self.record:
            # The message itself, and the envelope values its extensions keep, are found at its UNH.
            self.spots[""] = self.spots["extensions"] = _spot(unh, 0, 0)

    def _bgm(self, s: Segment) -> None:
        self.seen_bgm = True
        self.context = "header"
        # BGM C002/1001 document name (85 customs manifest), 1004 document number, 1225 message function (9 original)
        if s.get(1) != "85" or len(s.components(1)) > 1:
            self.ext[f"{NS}.BGM.01"] = compose(s.components(1))
        if s.get(2):
            self.ext[f"{NS}.BGM.02"] = compose(s.components(2))
        if s.get(3) != "9":
            self.ext[f"{NS}.BGM.03"] = compose(s.components(3))
        function = s.get(3)
        if function and not contains("uncl-1225", function):
            self.sink.append(
                C.NOT_A_CODE(
                    location=s.location(3, 1),
                    value=function,
                    name="message function code",
                    name_es="código de función del mensaje",
                    list="UNCL 1225",
                ).at(s.position(3, 1))
            )
        _keep(self.ext, s, (4,), "BGM")

    def _dtm(self, s: Segment) -> None:
        qualifier, value, fmt = s.values(1, 3)
        moment = parse_moment(value, fmt)
        if value and moment is None:
            self.sink.append(
                C.BAD_DATE(location=s.location(1, 2), value=value, format=fmt or "102").at(s.position(1, 2))
            )
        if self.context == "dgs" or self.context == "gid":
            self._goods_extra(s)
            return
        if self.context in ("loc", "tdt") and self.stop is not None:
            stop = self.stop
            if "moment" not in stop and moment is not None and qualifier in stop["dtm"]:
                stop["moment"] = moment
                if qualifier != stop["dtm"][0]:
                    stop["ext"][f"{NS}.DTM.01"] = qualifier
                if self.record:
                    self.spots[f"{stop['path']}.moment"] = _spot(s, 1, 2)
            else:
                stop["ext"][extra_key(NS, stop["extras"])] = segment_text(s)
                stop["extras"] += 1
            return
        self._route_extra(s)

    def _rff(self, s: Segment) -> None:
        qualifier, value = s.values(1, 2)
        if self.context in ("cni", "cni-nad", "gid", "dgs", "cni-eqd") and self.consignment is not None:
            if self.context in ("gid", "dgs"):
                self._goods_extra(s)
                return
            self._consignment_rff(s, qualifier, value)
            return
        if self.context not in ("header", "rff"):
            self._route_extra(s)
            return
        self.context = "rff"
        index = len(self.references)
        ext: Ext = {}
        _keep(ext, s, (), "RFF")
        if len(s.components(1)) > 2:
            ext[f"{NS}.RFF.C506"] = compose(s.components(1))
        self.references.append(Reference(kind=qualifier, value=value, extensions=ext))
        if self.record:
            self.spots[f"references[{index}]"] = _spot(s, 1, 2)

    def _nad(self, s: Segment) -> None:
        if self.consignment is not None and self.context != "header":
            party = self._party(s, f"consignments[{self.consignment_index}].parties[{len(self.consignment.parties)}]")
            self.consignment.parties.append(party)
            self.context = "cni-nad"
        else:
            party = self._party(s, f"parties[{len(self.parties)}]")
            self.parties.append(party)
            self.context = "nad"
        self.last_party = party

    def _party(self, s: Segment, path: str) -> dict[str, Any]:
        code = s.get(1)
        role = C.party_role(code)
        ext: Ext = {}
        if role is PartyRole.OTHER:
            ext[f"{NS}.NAD.01"] = code
        party: dict[str, Any] = {"role": role, "ext": ext, "path": path}
        if self.record:
            self.spots[path] = _spot(s, 0, 0)
            self.spots[f"{path}.role"] = _spot(s, 1, 1)
        identification = s.components(2)
        _, listed, agency = s.values(2, 3)
        if identification and identification[0] and agency == C.AGENCY_MUTUAL and listed in C.TAX_SCHEME_BY_LIST:
            # A tax registration (RFC, EIN ...) as the party identification, its scheme named under agency ZZZ.
            scheme = C.TAX_SCHEME_BY_LIST[listed]
            country = C.TAX_COUNTRY.get(scheme)
            party["tax_ids"] = [TaxId(scheme=scheme, value=identification[0], country=country)]
            if self.record:
                self.spots[f"{path}.tax_ids[0]"] = _spot(s, 2, 1)
            if len(identification) > 3:
                ext[f"{NS}.NAD.02"] = compose(identification)
        elif identification and identification[0]:
            party["code"] = identification[0]
            if self.record:
                self.spots[f"{path}.code"] = _spot(s, 2, 1)
            if agency == C.AGENCY_GS1:
                # A GLN (GS1 agency 9) identifies the party, as the Mexican CUSCAR guide requires.
                party["tax_ids"] = [TaxId(scheme=TaxIdScheme.GLN, value=identification[0])]
                if self.record:
                    self.spots[f"{path}.tax_ids[0]"] = _spot(s, 2, 1)
                if s.get(2, 2):
                    ext[f"{NS}.NAD.02"] = compose(identification)
            elif len([c for c in identification if c]) > 1:
                ext[f"{NS}.NAD.02"] = compose(identification)
        if any(s.components(3)):
            ext[f"{NS}.NAD.03"] = compose(s.components(3))  # C058 unstructured name and address
        names = s.components(4)
        if any(names[:5]):
            party["name"] = "".join(names[:5])
            if self.record:
                self.spots[f"{path}.name"] = _spot(s, 4, 1)
            if len(names) > 5 and names[5]:
                ext[f"{NS}.NAD.04.3045"] = names[5]
        address: dict[str, Any] = {}
        if any(s.components(5)):
            address["street"] = "".join(s.components(5))
            if self.record:
                self.spots[f"{path}.address.street"] = _spot(s, 5, 1)
        for element, name in ((6, "city"), (7, "subdivision"), (8, "postal_code"), (9, "country")):
            value = s.get(element)
            if value:
                address[name] = value
                if self.record:
                    self.spots[f"{path}.address.{name}"] = _spot(s, element, 1)
        if address:
            party["address"] = Address(**address)
        return party

    def _cta(self, s: Segment) -> None:
        # CTA 3139 contact function (IC information contact, HG dangerous goods contact), C056 3413:3412 name.
        if self.context == "dgs" and self.goods is not None and self.goods.hazardous:
            hazard = self.goods.hazardous[-1]
            hazard["contact"] = {"name": s.get(2, 2) or None}
            if s.get(1) != "HG" or s.get(2, 1):
                hazard["ext"][f"{NS}.CTA"] = compose(s.components(1)) + "+" + compose(s.components(2))
            return
        if self.last_party is not None and self.context in ("nad", "cni-nad") and "contact" not in self.last_party:
            self.last_party["contact"] = {"name": s.get(2, 2) or None}
            if s.get(1) != "IC" or s.get(2, 1):
                self.last_party["ext"][f"{NS}.CTA"] = compose(s.components(1)) + "+" + compose(s.components(2))
            if self.record:
                self.spots[f"{self.last_party['path']}.contact"] = _spot(s, 2, 2)
            return
        self._route_extra(s)

    def _com(self, s: Segment) -> None:
        # COM C076: 3148 communication number, 3155 channel (TE telephone, EM electronic mail).
        number, channel = s.values(1, 2)
        target: dict[str, Any] | None = None
        if self.context == "dgs" and self.goods is not None and self.goods.hazardous:
            target = self.goods.hazardous[-1].get("contact")
        elif self.last_party is not None and self.context in ("nad", "cni-nad"):
            target = self.last_party.get("contact")
        key = {"TE": "phone", "EM": "email"}.get(channel)
        if target is None or key is None or key in target:
            self._route_extra(s)
            return
        target[key] = number

    def _tdt(self, s: Segment) -> None:
        if self.consignment is not None:
            self._consignment_extra(s)
            return
        self.context = "tdt"
        self.stop = None
        ext = self.ext
        # TDT 8051 transport stage (20 main carriage), 8028 conveyance reference (voyage), C220 8067 mode (1 sea).
        if s.get(1) != "20":
            ext[f"{NS}.TDT.01"] = compose(s.components(1))
        voyage = s.get(2)
        if voyage:
            self.values["trip_number"] = voyage
            if self.record:
                self.spots["trip_number"] = _spot(s, 2, 1)
        self.mode = _mode(s.get(3, 1))
        if s.components(3) != [crosswalks.translate("transport-modes", "model-mode", "unece-rec19", self.mode.value)]:
            ext[f"{NS}.TDT.03"] = compose(s.components(3))
        _keep(ext, s, (4, 6, 7), "TDT")
        carrier: dict[str, Any] = {}
        carrier_ext: Ext = {}
        c040 = s.components(5)
        if any(c040):
            code, agency = s.get(5, 1), s.get(5, 3)
            if code and _SCAC.match(code) and agency in (C.AGENCY_SCAC, "") and s.get(5, 2) in (C.LIST_CARRIER, ""):
                carrier["scac"] = code
                if self.record:
                    self.spots["carrier.scac"] = _spot(s, 5, 1)
                if s.get(5, 2) != C.LIST_CARRIER or agency != C.AGENCY_SCAC:
                    carrier_ext[f"{NS}.TDT.05"] = compose(c040[:3])
            elif code or s.get(5, 2) or agency:
                carrier_ext[f"{NS}.TDT.05"] = compose(c040[:3])
            if s.get(5, 4):
                carrier["name"] = s.get(5, 4)
                if self.record:
                    self.spots["carrier.name"] = _spot(s, 5, 4)
            self.values["carrier"] = Carrier(extensions=carrier_ext, **carrier)
            if self.record:
                self.spots["carrier"] = _spot(s, 5, 1)
        c222 = s.components(8)
        if any(c222):
            conveyance: dict[str, Any] = {}
            conveyance_ext: Ext = {}
            ident, listed, agency = s.get(8, 1), s.get(8, 2), s.get(8, 3)
            if ident:
                if listed == C.LIST_IMO:
                    conveyance["imo_number"] = ident.removeprefix("IMO").strip()
                    if self.record:
                        self.spots["conveyance.imo_number"] = _spot(s, 8, 1)
                    if conveyance["imo_number"] != ident:
                        conveyance_ext[f"{NS}.TDT.08.8213"] = ident
                elif listed == C.LIST_CALL_SIGN:
                    conveyance["call_sign"] = ident
                    if self.record:
                        self.spots["conveyance.call_sign"] = _spot(s, 8, 1)
                else:
                    conveyance_ext[f"{NS}.TDT.08.8213"] = ident
                    conveyance_ext[f"{NS}.TDT.08.1131"] = listed
            if agency:
                conveyance_ext[f"{NS}.TDT.08.3055"] = agency
            if s.get(8, 4):
                conveyance["name"] = s.get(8, 4)
                if self.record:
                    self.spots["conveyance.name"] = _spot(s, 8, 4)
            if s.get(8, 5):
                conveyance["flag"] = s.get(8, 5)
                if self.record:
                    self.spots["conveyance.flag"] = _spot(s, 8, 5)
            self.values["conveyance"] = Conveyance(extensions=conveyance_ext, **conveyance)
            if self.record:
                self.spots["conveyance"] = _spot(s, 8, 1)
        _keep(ext, s, (9, 10), "TDT")

    def _loc(self, s: Segment) -> None:
        qualifier = s.get(1)
        if self.context in ("gid", "dgs") and self.goods is not None:
            if qualifier == C.LOC_ORIGIN and s.get(2) and "origin_country" not in self.goods.values:
                self.goods.values["origin_country"] = s.get(2)
                self._spot_goods("origin_country", s, 2, 1)
                if len([c for c in s.components(2) if c]) > 1:
                    self.goods.ext[f"{NS}.LOC.27"] = compose(s.components(2))
                return
            self._goods_extra(s)
            return
        if self.consignment is not None:
            field_name = C.LOC_CONSIGNMENT.get(qualifier)
            if field_name is None or field_name in self.consignment.values or self.context not in ("cni", "cni-nad"):
                self._consignment_extra(s)
                return
            path = f"consignments[{self.consignment_index}].{field_name}"
            self.consignment.values[field_name] = self._place(s, path)
            self.context = "cni"
            return
        if qualifier in C.LOC_DEPARTURE or qualifier in C.LOC_ARRIVAL:
            name = "departure" if qualifier in C.LOC_DEPARTURE else "arrival"
            if name not in self.values:
                ext: Ext = {}
                default = (C.LOC_DEPARTURE if name == "departure" else C.LOC_ARRIVAL)[0]
                if qualifier != default:
                    ext[f"{NS}.LOC.01"] = qualifier
                stop = {
                    "place": self._place(s, f"{name}.place"),
                    "ext": ext,
                    "path": name,
                    "dtm": C.DTM_DEPARTURE if name == "departure" else C.DTM_ARRIVAL,
                    "extras": 0,
                }
                self.values[name] = stop
                self.stop = stop
                self.context = "loc"
                return
        if qualifier == C.LOC_CUSTOMS_OFFICE and "office_of_entry" not in self.values:
            self.values["office_of_entry"] = self._place(s, "office_of_entry")
            self.stop = None
            self.context = "loc"
            return
        self.stop = None
        self._route_extra(s)

    def _place(self, s: Segment, path: str) -> Place:
        if self.record:
            self.spots[path] = _spot(s, 2, 1)
            if s.get(2, 1):
                self.spots[f"{path}.code"] = _spot(s, 2, 1)
            if s.get(2, 4):
                self.spots[f"{path}.name"] = _spot(s, 2, 4)
        if s.delimiters is not None:
            return _place(s)
        # The same ports come back in bill after bill. The place of a plain segment (no release character) follows
        # from its text after the qualifier, so equal texts share one Place: the model is immutable.
        rest = s.raw.split(self.table.delimiters.element, 2)
        key = rest[2] if len(rest) == 3 else ""
        place = self.places.get(key)
        if place is None:
            place = self.places[key] = _place(s)
        return place

    def _gis(self, s: Segment) -> None:
        self._route_extra(s)

    def _eqd(self, s: Segment) -> None:
        self._close_equipment()
        # EQD 8053 equipment qualifier, C237 8260 equipment id, C224 8155 size and type, 8077 supplier, 8249 status,
        # 8169 full/empty indicator (5 full, 4 empty).
        qualifier, ident = s.get(1), s.get(2, 1)
        kind = C.equipment_kind(qualifier)
        ext: Ext = {}
        if kind is EquipmentKind.OTHER:
            ext[f"{NS}.EQD.01"] = qualifier
        if not ident:
            self.sink.append(
                C.MISSING_VALUE(location=s.location(2, 1), name="equipment identification (C237/8260)").at(
                    s.position(2, 1)
                )
            )
        if kind is EquipmentKind.CONTAINER and _CONTAINER.match(ident):
            initial, serial = ident[:4], ident[4:]
        else:
            initial, serial = None, ident
        if len([c for c in s.components(2) if c]) > 1:
            ext[f"{NS}.EQD.02"] = compose(s.components(2))
        size = s.components(3)
        values: dict[str, Any] = {"kind": kind, "initial": initial, "number": serial}
        if size and size[0]:
            values["size_type"] = size[0]
        if len([c for c in size if c]) > 1 or (size and not size[0] and any(size)):
            ext[f"{NS}.EQD.03"] = compose(size)
        _keep(ext, s, (4, 5), "EQD")
        full = s.get(6)
        if full == "5":
            values["loaded"] = True
        elif full == "4":
            values["loaded"] = False
        elif full:
            ext[f"{NS}.EQD.06"] = compose(s.components(6))
        _keep(ext, s, (7,), "EQD")
        in_consignment = self.consignment is not None
        self.current_equipment = {
            "values": values,
            "ext": ext,
            "seals": [],
            "segment": s,
            "extras": 0,
            "spots": {"": _spot(s, 2, 1)},
            "in_consignment": in_consignment,
        }
        if "size_type" in values:
            self.current_equipment["spots"]["size_type"] = _spot(s, 3, 1)
        self.context = "cni-eqd" if in_consignment else "eqd"

    def _close_equipment(self) -> None:
        current, self.current_equipment = self.current_equipment, None
        if current is None:
            return
        values = current["values"]
        equipment = Equipment(seals=tuple(current["seals"]), extensions=current["ext"], **values)
        if current["in_consignment"] and self.consignment is not None:
            index = len(self.consignment.equipment)
            self.consignment.equipment.append(equipment)
            base = f"consignments[{self.consignment_index}].equipment[{index}]"
            for suffix, spot in current["spots"].items():
                if self.record:
                    self.spots[f"{base}.{suffix}" if suffix else base] = spot
            return
        key = equipment.identifier
        self.equipment[key] = equipment
        self.equipment_spots.setdefault(key, {}).update(current["spots"])

    def _equipment_positions(self, key: str, base: str) -> None:
        if not self.record:
            return
        for suffix, spot in self.equipment_spots.get(key, {}).items():
            if self.record:
                self.spots[f"{base}.{suffix}" if suffix else base] = spot

    def _sel(self, s: Segment) -> None:
        # SEL 9308 seal number, C215 9303 sealing party (CA carrier, SH shipper, CU customs ...).
        current = self.current_equipment
        if current is None or self.context not in ("eqd", "cni-eqd"):
            self._out_of_place(s, "SEL follows an EQD", "SEL sigue a un EQD")
            self._route_extra(s)
            return
        index = len(current["seals"])
        party = s.get(2, 1)
        current["seals"].append(Seal(number=s.get(1), party=C.SEAL_PARTY.get(party, party) or None))
        current["spots"][f"seals[{index}]"] = _spot(s, 1, 1)
        if len([c for c in s.components(2) if c]) > 1 or any(s.components(3)):
            current["ext"][f"{NS}.SEL.{index:02d}"] = compose(s.components(2)) + "+" + compose(s.components(3))

    def _mea(self, s: Segment) -> None:
        # MEA 6311 purpose (AAE measurement; WT/VOL in later directories), C502 6313 dimension, C174 6411 unit : 6314
        purpose, dimension = s.get(1), s.get(2)
        unit, raw = s.values(3, 2)
        value = number(raw)
        if raw and value is None:
            self.sink.append(
                C.BAD_NUMBER(location=s.location(3, 2), value=raw, name="measurement value (6314)").at(s.position(3, 2))
            )
        target: dict[str, Any] | None
        spots: dict[str, int]
        names: dict[str, str]
        if self.context in ("eqd", "cni-eqd") and self.current_equipment is not None:
            target, ext = self.current_equipment["values"], self.current_equipment["ext"]
            spots = self.current_equipment["spots"]
            names = {C.MEA_GROSS: "gross_weight", C.MEA_NET: "net_weight", C.MEA_TARE: "tare_weight"}
        elif self.context == "gid" and self.goods is not None:
            target, ext, spots = self.goods.values, self.goods.ext, {}
            names = {C.MEA_GROSS: "gross_weight", C.MEA_NET: "net_weight", C.MEA_VOLUME: "volume"}
        elif self.context == "cni" and self.consignment is not None:
            target, ext, spots = self.consignment.values, self.consignment.ext, {}
            names = {C.MEA_GROSS: "gross_weight", C.MEA_VOLUME: "volume"}
        else:
            self._route_extra(s)
            return
        name = names.get(dimension)
        if name is None or name in target or value is None or not unit:
            self._route_extra(s)
            return
        target[name] = Quantity(value=value, unit=unit)
        if purpose != C.MEA_PURPOSE or len(s.components(2)) > 1 or len(s.components(3)) > 2:
            ext[f"{NS}.MEA.{dimension}"] = compose(s.components(1)) + "+" + compose(s.components(2))
        if self.context == "gid":
            self._spot_goods(name, s, 3, 2)
        elif self.context == "cni":
            if self.record:
                self.spots[f"consignments[{self.consignment_index}].{name}"] = _spot(s, 3, 2)
        else:
            spots[name] = _spot(s, 3, 2)

    # -- consignment -------------------------------------------------------------------------------------------
    def _start_consignment(self, s: Segment) -> None:
        self.consignment_index += 1
        self.consignment = _Consignment()
        self.goods = None
        self.context = "cni"
        self.stop = None
        # CNI 1490 consolidation item number, C503 1004 document number (the transport document).
        base = f"consignments[{self.consignment_index}]"
        if self.record:
            self.spots[base] = _spot(s, 0, 0)
        values = self.consignment.values
        # C503 and 1004 are conditional in CNI (UNTDID CNI segment directory): a consignment may be numbered by an
        # RFF of its group instead (see _consignment_rff), and whether a number is due is the agency's rule to say.
        values["document_number"] = s.get(2, 1)
        if self.record:
            self.spots[f"{base}.document_number"] = _spot(s, 2, 1)
        if s.get(1) != str(self.consignment_index + 1):
            self.consignment.ext[f"{NS}.CNI.01"] = s.get(1)
        if len([c for c in s.components(2) if c]) > 1 or not s.get(2, 1):
            # Kept as written when it holds more than the number, or no number: the writer then leaves CNI as read.
            self.consignment.ext[f"{NS}.CNI.02"] = compose(s.components(2))
        _keep(self.consignment.ext, s, (3,), "CNI")

    def _consignment_rff(self, s: Segment, qualifier: str, value: str) -> None:
        assert self.consignment is not None
        values = self.consignment.values
        base = f"consignments[{self.consignment_index}]"
        if not values["document_number"] and value and qualifier in C.RFF_TRANSPORT_DOCUMENTS:
            values["document_number"] = value
            if self.record:
                self.spots[f"{base}.document_number"] = _spot(s, 1, 2)
        if qualifier == C.RFF_BILL and value == values["document_number"] and "document_type" not in values:
            values["document_type"] = DocumentType.BILL_OF_LADING
            if self.record:
                self.spots[f"{base}.document_type"] = _spot(s, 1, 1)
            return
        if qualifier == C.RFF_HOUSE_BILL and value == values["document_number"] and "document_type" not in values:
            values["document_type"] = DocumentType.HOUSE_BILL_OF_LADING
            if self.record:
                self.spots[f"{base}.document_type"] = _spot(s, 1, 1)
            return
        if (
            qualifier == C.RFF_BILL
            and values.get("document_type") is DocumentType.HOUSE_BILL_OF_LADING
            and "master_number" not in values
        ):
            values["master_number"] = value
            if self.record:
                self.spots[f"{base}.master_number"] = _spot(s, 1, 2)
            return
        index = len(self.consignment.references)
        ext: Ext = {}
        if len(s.components(1)) > 2:
            ext[f"{NS}.RFF.C506"] = compose(s.components(1))
        self.consignment.references.append(Reference(kind=qualifier, value=value, extensions=ext))
        if self.record:
            self.spots[f"{base}.references[{index}]"] = _spot(s, 1, 2)

    def _cnt(self, s: Segment) -> None:
        if self.consignment is None or self.context not in ("cni", "cni-nad"):
            self._route_extra(s)
            return
        # CNT C270: 6069 control qualifier, 6066 value, 6411 unit.
        qualifier, raw, unit = s.values(1, 3)
        value = number(raw)
        values = self.consignment.values
        base = f"consignments[{self.consignment_index}]"
        if raw and value is None:
            self.sink.append(
                C.BAD_NUMBER(location=s.location(1, 2), value=raw, name="control value (6066)").at(s.position(1, 2))
            )
        if qualifier == C.CNT_GROSS and value is not None and unit and "gross_weight" not in values:
            values["gross_weight"] = Quantity(value=value, unit=unit)
            if self.record:
                self.spots[f"{base}.gross_weight"] = _spot(s, 1, 2)
            return
        if (
            qualifier == C.CNT_PACKAGES
            and value is not None
            and value == value.to_integral_value()
            and not unit
            and "total_packages" not in values
        ):
            values["total_packages"] = Packages(count=int(value))
            if self.record:
                self.spots[f"{base}.total_packages"] = _spot(s, 1, 2)
            return
        self._consignment_extra(s)

    # -- goods item --------------------------------------------------------------------------------------------
    def _gid(self, s: Segment) -> None:
        self._close_equipment()
        if self.consignment is None:
            self._out_of_place(s, "GID belongs to a CNI consignment", "GID pertenece a una consignación CNI")
            self._start_consignment_implicit(s)
        assert self.consignment is not None
        self.goods = _Goods(path=f"consignments[{self.consignment_index}].goods[{len(self.consignment.goods)}]")
        self.consignment.goods.append(self.goods)
        self.context = "gid"
        # GID 1496 goods item number, C213 7224 number of packages : 7065 type of packages : 1131 : 3055 : 7064.
        values = self.goods.values
        self._spot_goods("", s, 0, 0)
        sequence = s.get(1)
        if sequence:
            if ascii_digits(sequence):
                values["sequence"] = int(sequence)
                self._spot_goods("sequence", s, 1, 1)
                if str(int(sequence)) != sequence:
                    self.goods.ext[f"{NS}.GID.01"] = sequence
            else:
                self.sink.append(
                    C.BAD_NUMBER(location=s.location(1, 1), value=sequence, name="goods item number (1496)").at(
                        s.position(1, 1)
                    )
                )
                self.goods.ext[f"{NS}.GID.01"] = sequence
        count_text = s.get(2, 1)
        if count_text:
            if ascii_digits(count_text):
                values["packages"] = Packages(count=int(count_text), kind=s.get(2, 2) or None)
                self._spot_goods("packages", s, 2, 1)
                if len([c for c in s.components(2) if c]) > 2 or str(int(count_text)) != count_text:
                    self.goods.ext[f"{NS}.GID.02"] = compose(s.components(2))
            else:
                self.sink.append(
                    C.BAD_NUMBER(location=s.location(2, 1), value=count_text, name="number of packages (7224)").at(
                        s.position(2, 1)
                    )
                )
                self.goods.ext[f"{NS}.GID.02"] = compose(s.components(2))
        _keep(self.goods.ext, s, (3, 4, 5, 6), "GID")

    def _start_consignment_implicit(self, s: Segment) -> None:
        self.consignment_index += 1
        self.consignment = _Consignment(values={"document_number": ""})
        if self.record:
            self.spots[f"consignments[{self.consignment_index}]"] = _spot(s, 0, 0)

    def _spot_goods(self, name: str, s: Segment, element: int, component: int) -> None:
        if not self.record:
            return
        assert self.goods is not None
        base = self.goods.path
        if self.record:
            self.spots[f"{base}.{name}" if name else base] = _spot(s, element, component)

    def _ftx(self, s: Segment) -> None:
        # FTX 4451 subject (AAA goods description, AAD dangerous goods technical name), C108 4440 text lines.
        subject, text = s.get(1), "".join(s.components(4)[:5])
        if self.context == "dgs" and self.goods is not None and subject == C.FTX_DG_NAME:
            hazard = self.goods.hazardous[-1]
            if "proper_shipping_name" not in hazard and text and not any(s.components(2) + s.components(3)):
                hazard["proper_shipping_name"] = text
                return
        if (
            self.context == "gid"
            and self.goods is not None
            and subject == C.FTX_DESCRIPTION
            and "description" not in self.goods.values
            and text
            and not any(s.components(2) + s.components(3))
        ):
            self.goods.values["description"] = text
            self._spot_goods("description", s, 4, 1)
            if any(s.components(5)):
                self.goods.ext[f"{NS}.FTX.05"] = compose(s.components(5))
            return
        self._route_extra(s)

    def _pci(self, s: Segment) -> None:
        # PCI 4233 marking instructions, C210 7102 shipping marks (up to ten lines).
        if self.context != "gid" or self.goods is None or "marks" in self.goods.values:
            self._route_extra(s)
            return
        lines = s.components(2)
        while lines and not lines[-1]:
            lines = lines[:-1]
        if lines:
            self.goods.values["marks"] = "\n".join(lines)
            self._spot_goods("marks", s, 2, 1)
        if s.get(1):
            self.goods.ext[f"{NS}.PCI.01"] = s.get(1)
        _keep(self.goods.ext, s, (3, 4), "PCI")

    def _sgp(self, s: Segment) -> None:
        # SGP C237 8260 equipment id, 7224 number of packages placed in it.
        if self.goods is None or self.context not in ("gid", "dgs"):
            self._out_of_place(s, "SGP follows a GID goods item", "SGP sigue a un GID")
            self._route_extra(s)
            return
        ident = s.get(1, 1)
        index = len(self.goods.equipment_ids)
        self.goods.equipment_ids.append(ident)
        self._spot_goods(f"equipment_ids[{index}]", s, 1, 1)
        if s.get(2):
            self.goods.ext[f"{NS}.SGP.{index:02d}"] = s.get(2)
        if len([c for c in s.components(1) if c]) > 1:
            self.goods.ext[f"{NS}.SGP.{index:02d}.C237"] = compose(s.components(1))
        if ident in self.equipment:
            self.used_equipment.add(ident)
        elif self.consignment is not None and not any(e.identifier == ident for e in self.consignment.equipment):
            self.sink.append(C.UNKNOWN_EQUIPMENT(value=ident).at(s.position(1, 1)))
        self.context = "gid"

    def _pia(self, s: Segment) -> None:
        # PIA 4347 product id function, C212 7140 item number : 7143 type (HS) : 1131 code list : 3055 agency.
        if self.context != "gid" or self.goods is None or s.get(1) not in ("1", "5") or len(s.elements) > 2:
            self._route_extra(s)
            return
        code, kind, listed, agency = s.values(2, 4)
        if not code or kind != C.ITEM_HS:
            self._route_extra(s)
            return
        if not listed and not agency and len(code) == 6 and ascii_digits(code) and "hs_code" not in self.goods.values:
            self.goods.values["hs_code"] = code
            self._spot_goods("hs_code", s, 2, 1)
            return
        if agency == C.AGENCY_MUTUAL and listed:
            scheme = listed
        elif not listed and not agency:
            scheme = "hs"
        else:
            self._route_extra(s)
            return
        self._spot_goods(f"tariff_codes[{len(self.goods.tariff_codes)}]", s, 2, 1)
        self.goods.tariff_codes.append(TariffCode(scheme=scheme, code=code))

    def _doc(self, s: Segment) -> None:
        # DOC C002 1001 document name code : 1131 : 3055 : 1000 document name, C503 1004 document number.
        if self.context != "gid" or self.goods is None or len(s.elements) > 2:
            self._route_extra(s)
            return
        kind = s.get(1, 4) or s.get(1, 1)
        if not kind:
            self._route_extra(s)
            return
        self._spot_goods(f"customs_documents[{len(self.goods.documents)}]", s, 2, 1)
        ext: Ext = {}
        if s.components(1) != [C.AGENCY_MUTUAL, "", "", kind]:
            ext[f"{NS}.DOC.01"] = compose(s.components(1))
        if len([c for c in s.components(2) if c]) > 1:
            ext[f"{NS}.DOC.02"] = compose(s.components(2))
        self.goods.documents.append(CustomsDocument(kind=kind, number=s.get(2, 1) or None, extensions=ext))

    def _dgs(self, s: Segment) -> None:
        if self.goods is None or self.context not in ("gid", "dgs"):
            self._out_of_place(s, "DGS follows a GID goods item", "DGS sigue a un GID")
            self._route_extra(s)
            return
        self.context = "dgs"
        # DGS 8273 regulations (IMD), C205 8351 hazard class, C234 7124 UN number, 8339 packing group.
        hazard: dict[str, Any] = {"ext": {}}
        ext = hazard["ext"]
        if s.get(1) != "IMD":
            ext[f"{NS}.DGS.01"] = s.get(1)
        if s.get(2, 1):
            hazard["hazard_class"] = s.get(2, 1)
        if len([c for c in s.components(2) if c]) > 1:
            ext[f"{NS}.DGS.02"] = compose(s.components(2))
        un = s.get(3, 1)
        if un:
            hazard["un_number"] = un.removeprefix("UN")
            if hazard["un_number"] != un or len([c for c in s.components(3) if c]) > 1:
                ext[f"{NS}.DGS.03"] = compose(s.components(3))
        _keep(ext, s, (4,), "DGS")
        group = s.get(5)
        if group in C.PACKING_GROUP:
            hazard["packing_group"] = C.PACKING_GROUP[group]
        elif group:
            ext[f"{NS}.DGS.05"] = compose(s.components(5))
        _keep(ext, s, tuple(range(6, max(len(s.elements), 5) + 1)), "DGS")
        index = len(self.goods.hazardous)
        self._spot_goods(f"hazardous[{index}]", s, 0, 0)
        self._spot_goods(f"hazardous[{index}].un_number", s, 3, 1)
        self._spot_goods(f"hazardous[{index}].hazard_class", s, 2, 1)
        self._spot_goods(f"hazardous[{index}].packing_group", s, 5, 1)
        self.goods.hazardous.append(hazard)

    def _close_consignment(self) -> tuple[int, Consignment] | None:
        current, self.consignment = self.consignment, None
        self.goods = None
        self.last_party = None
        if current is None:
            return None
        goods = tuple(_goods(g) for g in current.goods)
        equipment = list(current.equipment)
        own = {e.identifier for e in equipment}
        placed = {ident for item in goods for ident in item.equipment_ids if ident not in own}
        base = f"consignments[{self.consignment_index}]"
        # Message-level equipment, in the order the EQD groups declare it, for the goods placed in it (SGP).
        for ident, item in self.equipment.items():
            if ident in placed:
                self._equipment_positions(ident, f"{base}.equipment[{len(equipment)}]")
                equipment.append(item)
        values = dict(current.values)
        consignment = Consignment(
            parties=tuple(_party(p) for p in current.parties),
            goods=goods,
            equipment=tuple(equipment),
            references=tuple(current.references),
            extensions=current.ext,
            **values,
        )
        return self.consignment_index, consignment

    # -- segments the model does not carry ---------------------------------------------------------------------
    def _route_extra(self, s: Segment) -> None:
        """Keep a segment the model has no field for in the extensions of the innermost open group."""
        if self.context in ("eqd", "cni-eqd") and self.current_equipment is not None:
            current = self.current_equipment
            current["ext"][extra_key(NS, current["extras"])] = segment_text(s)
            current["extras"] += 1
        elif self.context in ("gid", "dgs") and self.goods is not None:
            self._goods_extra(s)
        elif self.consignment is not None:
            self._consignment_extra(s)
        else:
            self.ext[extra_key(NS, self.extras)] = segment_text(s)
            self.extras += 1

    def _goods_extra(self, s: Segment) -> None:
        assert self.goods is not None
        self.goods.ext[extra_key(NS, self.goods.extras)] = segment_text(s)
        self.goods.extras += 1

    def _consignment_extra(self, s: Segment) -> None:
        assert self.consignment is not None
        self.consignment.ext[extra_key(NS, self.consignment.extras)] = segment_text(s)
        self.consignment.extras += 1

    def _out_of_place(self, s: Segment, en: str, es: str) -> None:
        self.sink.append(C.OUT_OF_PLACE(tag=s.tag, reason=en, reason_es=es).at(s.position()))


def _place(s: Segment) -> Place:
    # LOC C517: 3225 place id, 1131 code list, 3055 agency, 3224 place name.
    code, listed, agency, name = s.values(2, 4)
    ext: Ext = {}
    scheme: PlaceScheme | None = None
    if agency == C.AGENCY_MUTUAL and listed in C.SCHEME_BY_LIST:
        scheme = C.SCHEME_BY_LIST[listed]
    elif code and (agency == C.AGENCY_UNECE or _UNLOCODE.match(code)):
        scheme = PlaceScheme.UNLOCODE
        if listed != C.LIST_PORT or agency != C.AGENCY_UNECE:
            ext[f"{NS}.LOC.C517"] = compose([code, listed, agency])
    elif code:
        ext[f"{NS}.LOC.C517"] = compose([code, listed, agency])
    _keep(ext, s, (3, 4, 5), "LOC")
    # A UN/LOCODE begins with the ISO 3166-1 country code (UN/ECE Recommendation 16); Schedule D ports are US.
    country = None
    if scheme is PlaceScheme.UNLOCODE:
        country = code[:2]
    elif scheme is PlaceScheme.SCHEDULE_D:
        country = "US"
    return Place(code=code or None, scheme=scheme, name=name or None, country=country, extensions=ext)


def _crossing(values: dict[str, Any]) -> None:
    """Countries of departure and arrival from the ports of the voyage, and the direction of a crossing between
    Mexico and the United States (the harmonized model's Direction is relative to that border)."""
    departure, arrival = values.get("departure"), values.get("arrival")
    origin = departure.place.country if isinstance(departure, Stop) else None
    destination = arrival.place.country if isinstance(arrival, Stop) else None
    if origin:
        values["country_from"] = origin
    if destination:
        values["country_to"] = destination
    if (origin, destination) == ("MX", "US"):
        values["direction"] = Direction.NORTHBOUND
    elif (origin, destination) == ("US", "MX"):
        values["direction"] = Direction.SOUTHBOUND


def _party(p: dict[str, Any]) -> Party:
    contact = p.get("contact")
    return Party(
        role=p["role"],
        name=p.get("name"),
        address=p.get("address"),
        tax_ids=tuple(p.get("tax_ids", ())),
        contact=Contact(**contact) if contact else None,
        code=p.get("code"),
        extensions=p["ext"],
    )


def _goods(g: _Goods) -> GoodsItem:
    hazardous = tuple(
        HazardousMaterial(
            un_number=h.get("un_number"),
            hazard_class=h.get("hazard_class"),
            packing_group=h.get("packing_group"),
            proper_shipping_name=h.get("proper_shipping_name"),
            contact=Contact(**h["contact"]) if h.get("contact") else None,
            extensions=h["ext"],
        )
        for h in g.hazardous
    )
    return GoodsItem(
        hazardous=hazardous,
        tariff_codes=tuple(g.tariff_codes),
        customs_documents=tuple(g.documents),
        equipment_ids=tuple(g.equipment_ids),
        extensions=g.ext,
        **g.values,
    )


_HANDLERS = {
    "BGM": MessageReader._bgm,
    "DTM": MessageReader._dtm,
    "RFF": MessageReader._rff,
    "NAD": MessageReader._nad,
    "CTA": MessageReader._cta,
    "COM": MessageReader._com,
    "TDT": MessageReader._tdt,
    "LOC": MessageReader._loc,
    "GIS": MessageReader._gis,
    "EQD": MessageReader._eqd,
    "SEL": MessageReader._sel,
    "MEA": MessageReader._mea,
    "CNT": MessageReader._cnt,
    "GID": MessageReader._gid,
    "FTX": MessageReader._ftx,
    "PCI": MessageReader._pci,
    "SGP": MessageReader._sgp,
    "PIA": MessageReader._pia,
    "DOC": MessageReader._doc,
    "DGS": MessageReader._dgs,
}


def _mode(code: str) -> Mode:
    """The mode of TDT C220 8067 (UN/ECE Recommendation 19, through the transport-modes crosswalk), written with or
    without a leading zero. Any code that names none of the model's modes (0 not specified, 5 mail, 6 multimodal, 7
    fixed installation, 8 inland water, 9 not applicable) leaves the report read as maritime, the mode a cargo report
    is lodged for."""
    digits = code.lstrip("0") if ascii_digits(code) else code
    found = crosswalks.translate("transport-modes", "unece-rec19", "model-mode", digits)
    return Mode(found) if found is not None else Mode.MARITIME
