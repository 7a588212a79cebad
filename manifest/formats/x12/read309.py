"""Reading a 309 set into the harmonized model, one bill (LX loop) at a time.

Mapping (X12 309; CBP ACE rail 309 and ocean 309 usage): M1001 carrier SCAC, M1002 transport method (R rail, else
an ocean code), M1003 vessel flag, M1004 IMO/Lloyd's number (with M1010), M1005 vessel name, M1006 voyage or train
number; P401 US port of arrival (Schedule D) with P402 the arrival date; per LX: M1101 bill number, M1102 port of
lading, M1103/M1104 pieces and unit, M1105/M1106 weight, M1107/M1108 volume, M1110 place of receipt; N9
references; N1 loop parties; M12 in-bond; VID equipment (initial, number, seals, ISO size-type, load status) with
its M7 seals; N10 goods (description and marks continued over N10 segments without a quantity, HTS, value, weight)
and H1/H2 hazardous material. Every element the model has no field for is kept in the ``extensions`` of the object
it belongs to under ``x12.<segment>.<element>``, so that writing the model back gives the same segments.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from manifest.diagnostics import Position
from manifest.formats.base import ConsignmentChunk, SourceMap
from manifest.formats.readers import LONG_SEGMENT, ascii_digits, overfull
from manifest.formats.x12 import bills, truck
from manifest.formats.x12 import convert as cv
from manifest.formats.x12.delimiters import Delimiters
from manifest.formats.x12.envelope import SetContext
from manifest.formats.x12.syntax import parse_date, parse_short_date
from manifest.formats.x12.tokens import Lines, Segment
from manifest.model import (
    Address,
    Carrier,
    Consignment,
    Contact,
    Conveyance,
    DocumentType,
    Equipment,
    GoodsItem,
    HazardousMaterial,
    InBond,
    Manifest,
    Mode,
    Money,
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
)

# Party roles (X12 element 98, N101) and equipment kinds (X12 element 40, VID01) come from the crosswalks of
# manifest.codelists; an N101 code it does not know is a role OTHER kept as read, a VID01 code a container.
VID_TYPE = "x12.VID.01"
# X12 element 256 Manifest Type Code W: original manifest from the carrier.
DEFAULT_MANIFEST_TYPE = "W"
# N401..N404 and the address fields they fill.
_N4_FIELDS = ((".address.city", 1), (".address.subdivision", 2), (".address.postal_code", 3), (".address.country", 4))
DESCRIPTION_WIDTH = 45  # N1002 maximum length
MARKS_WIDTH = 48  # N1003 maximum length
HAZARD_NAME_WIDTH = 30  # H104 and H201 maximum length


def envelope_extensions(context: SetContext) -> dict[str, str]:
    """ISA, GS and ST values kept verbatim (padding included) so that the envelope is written back as read."""
    ext = {f"x12.ISA.{i:02d}": value for i, value in enumerate(context.isa, start=1)}
    if context.gs is not None:
        ext.update({f"x12.GS.{i:02d}": value for i, value in enumerate(context.gs.elements[1:], start=1)})
    ext["x12.ST.02"] = context.st.get(2)
    if context.st.get(3):
        ext["x12.ST.03"] = context.st.get(3)
    d = context.delimiters
    ext["x12.separators"] = d.element + d.segment + d.suffix
    return ext


def envelope_positions(context: SetContext, positions: cv.LazyPositions) -> None:
    """Where the values of :func:`envelope_extensions` stand, and the manifest itself (its ST segment): a loss of an
    envelope value, or a finding about the manifest as a whole, is reported at its line."""
    positions.put("", context.st)
    isa = context.isa_segment
    if isa is not None:
        for i in range(1, len(isa.elements)):
            positions.put(f"extensions[x12.ISA.{i:02d}]", isa, i)
        positions.put("extensions[x12.separators]", isa)
    if context.gs is not None:
        for i in range(1, len(context.gs.elements)):
            positions.put(f"extensions[x12.GS.{i:02d}]", context.gs, i)
    for i in (2, 3):
        positions.put(f"extensions[x12.ST.{i:02d}]", context.st, i)


def _fields(segment: Segment, last: int) -> list[str]:
    """Elements 0..``last`` of ``segment``, "" for those it omits (padded in a copy: the segment's own list gives
    the columns of its elements)."""
    elements = segment.elements
    missing = last + 1 - len(elements)
    return elements + [""] * missing if missing > 0 else elements


def keep_rest(ext: dict[str, str], segment: Segment, mapped: tuple[int, ...], key: str | None = None) -> None:
    """Store the elements of ``segment`` that no model field took."""
    name = key or segment.tag
    elements = segment.elements
    for index in range(1, len(elements)):
        value = elements[index]
        if value and index not in mapped:
            ext[f"x12.{name}.{index:02d}"] = value


def kept_elements(ext: dict[str, str], segment: Segment, key: str | None = None) -> Iterator[tuple[str, int]]:
    """(extension key, element number) of each value of ``segment`` that :func:`keep_rest` kept in ``ext``: where
    it was read, so that a conversion that leaves it behind names its element."""
    name = key or segment.tag
    for index in range(1, len(segment.elements)):
        entry = f"x12.{name}.{index:02d}"
        if entry in ext:
            yield entry, index


def _place_kept(positions: cv.LazyPositions, ext: dict[str, str], segment: Segment) -> None:
    for entry, index in kept_elements(ext, segment):
        positions.put(f"extensions[{entry}]", segment, index)


@dataclass
class SetEnd:
    """The end of one set: its manifest header (without consignments) and the header's positions."""

    manifest_index: int
    header: Manifest
    positions: cv.LazyPositions


@dataclass
class _Goods:
    first: Segment
    more: list[Segment] = field(default_factory=list)
    hazards: list[tuple[Segment, list[Segment]]] = field(default_factory=list)


@dataclass
class _Equipment:
    vid: Segment
    m7: list[Segment] = field(default_factory=list)
    vc: list[Segment] = field(default_factory=list)
    goods: list[_Goods] = field(default_factory=list)


@dataclass
class _Party:
    n1: Segment
    n3: list[Segment] = field(default_factory=list)
    n4: Segment | None = None
    dtm: Segment | None = None
    per: Segment | None = None


@dataclass
class _Bill:
    lx: Segment
    p4: Segment | None
    first_port: bool
    m13: Segment | None = None
    m11: Segment | None = None
    n9: list[Segment] = field(default_factory=list)
    parties: list[_Party] = field(default_factory=list)
    m12: Segment | None = None
    p5: Segment | None = None
    equipment: list[_Equipment] = field(default_factory=list)
    # Where its segments were read: offsets, and the text each was cut from (for _BillPositions).
    offsets: array[int] = field(default_factory=lambda: array("q"))
    texts: list[Lines] = field(default_factory=list)

    def note(self, segment: Segment) -> None:
        self.offsets.append(segment.offset)
        self.texts.append(segment.lines)


def _add(bill: _Bill, segment: Segment) -> None:
    """Place a segment of an LX loop (other than LX) in its bill."""
    tag = segment.tag
    if tag == "M11":
        bill.m11 = segment
    elif tag == "M13":
        bill.m13 = segment
    elif tag == "N9":
        bill.n9.append(segment)
    elif tag == "N1":
        bill.parties.append(_Party(segment))
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
        bill.equipment.append(_Equipment(segment))
    elif bill.equipment:
        _equipment_segment(bill.equipment[-1], segment)


def _equipment_segment(equipment: _Equipment, segment: Segment) -> None:
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
            equipment.goods.append(_Goods(segment))
    elif tag == "H1" and equipment.goods:
        equipment.goods[-1].hazards.append((segment, []))
    elif tag == "H2" and equipment.goods and equipment.goods[-1].hazards:
        equipment.goods[-1].hazards[-1][1].append(segment)


class _BillPositions(Mapping[str, Position]):
    """The positions of one bill, worked out on the first lookup: only the offsets of its segments and the texts
    they were cut from are kept (a whole file's text, or the blocks of a stream the bill spans), and the lookup cuts
    those segments again and maps them as the reader did, recording positions. Reading never builds a path."""

    __slots__ = ("_built", "_delimiters", "_first_port", "_header", "_index", "_mode", "_offsets", "_p4", "_texts")

    def __init__(self, bill: _Bill, delimiters: Delimiters, mode: Mode, header: Manifest, index: int) -> None:
        self._texts = bill.texts
        self._offsets = bill.offsets
        self._p4 = bill.p4
        self._first_port = bill.first_port
        self._delimiters = delimiters
        self._mode = mode
        self._header = header
        self._index = index
        self._built: cv.LazyPositions | None = None

    def _positions(self) -> cv.LazyPositions:
        built = self._built
        if built is None:
            built = self._built = self._build()
        return built

    def _build(self) -> cv.LazyPositions:
        terminator, separator = self._delimiters.segment, self._delimiters.element
        segments = []
        for offset, lines in zip(self._offsets, self._texts, strict=True):
            text = lines.text
            at = offset - lines.start
            end = text.find(terminator, at)
            # The last segment of an interchange may lack its terminator (the tokenizer reads it up to the end).
            piece = text[at:end] if end != -1 else text[at:].rstrip("\r\n")
            if len(piece) > LONG_SEGMENT:  # cut as the tokenizer cut it
                piece = overfull(piece, separator, self._delimiters.component) or piece
            segments.append(Segment(piece.split(separator), offset, 0, lines))
        bill = _Bill(segments[0], self._p4, self._first_port)
        for segment in segments[1:]:
            _add(bill, segment)
        positions = cv.LazyPositions()
        _BillMapper(self._mode, f"consignments[{self._index}]", positions, self._header).bill(bill, self._index)
        return positions

    def __getitem__(self, path: str) -> Position:
        return self._positions()[path]

    def __iter__(self) -> Iterator[str]:
        return iter(self._positions())

    def __len__(self) -> int:
        return len(self._positions())


class Reader309:
    """The set handler of a 309: emits a ConsignmentChunk per LX loop and a SetEnd at SE."""

    def __init__(self, context: SetContext, manifest_index: int) -> None:
        self._context = context
        self._index = manifest_index
        self._ext = envelope_extensions(context)
        self._positions = cv.LazyPositions()
        envelope_positions(context, self._positions)
        self._m10: Segment | None = None
        self._p4: Segment | None = None
        self._first: Segment | None = None  # the first P4: the port of arrival of the whole manifest
        self._p4_count = 0
        self._header: Manifest | None = None
        self._bill: _Bill | None = None
        self._count = 0
        self._heading = truck.Heading()

    @property
    def mode(self) -> Mode:
        gs01 = self._context.gs.get(1) if self._context.gs is not None else ""
        method = self._m10.get(2) if self._m10 is not None else ""
        if truck.is_truck(self._context.version, method):
            return Mode.ROAD
        return Mode.RAIL if method == "R" or (gs01 == "AQ" and method in ("", "R")) else Mode.MARITIME

    def segment(self, segment: Segment, path: tuple[str, ...]) -> list[object]:
        tag = segment.tag
        bill = self._bill
        if tag == "LX":
            out = self._close()
            self._bill = _Bill(segment, self._p4, self._p4_count <= 1)
            self._bill.note(segment)
            return out
        if tag == "P4":
            out = self._close()
            self._p4_count += 1
            self._p4 = segment
            if self._first is None:
                self._first = segment
            return out
        if tag == "M10":
            self._m10 = segment
            return []
        if bill is None and self._heading.take(segment, path):
            return []
        if bill is None:
            return []
        bill.note(segment)
        _add(bill, segment)
        return []

    def end(self, trailer: Segment | None) -> list[object]:
        out = self._close()
        out.append(SetEnd(self._index, self.header(), self._positions))
        return out

    def _close(self) -> list[object]:
        bill = self._bill
        if bill is None:
            return []
        self._bill = None
        header = self.header()
        mode = self.mode
        consignment = _BillMapper(mode, f"consignments[{self._count}]", None, header).bill(bill, self._count)
        lazy = _BillPositions(bill, self._context.delimiters, mode, header, self._count)
        chunk = ConsignmentChunk(self._index, header, self._count, consignment, SourceMap(lazy))
        self._count += 1
        return [chunk]

    def header(self) -> Manifest:
        if self._header is None:
            self._header = self._build_header()
        return self._header

    def _build_header(self) -> Manifest:
        ext = dict(self._ext)
        pos = self._positions
        mode = self.mode
        carrier = conveyance = None
        trip = None
        m10 = self._m10
        if m10 is not None:
            pos.put("carrier.scac", m10, 1)
            method = m10.get(2)
            if method != default_method(mode):
                ext["x12.M10.02"] = method
            vessel_code = m10.get(4)
            imo = vessel_code if len(vessel_code) == 7 and ascii_digits(vessel_code) else None
            if vessel_code and imo is None:
                ext["x12.M10.04"] = vessel_code
            qualifier = m10.get(10)
            if imo is not None and qualifier != "L":
                ext["x12.M10.10"] = qualifier
            trip = m10.get(6) or None
            # A rail 309 has no vessel: the train is named in M1005 (X12 R0504 wants M1004 or M1005).
            name = m10.get(5) or None
            if mode is Mode.RAIL and name == trip:
                name = None
            conveyance = Conveyance(
                name=name,
                imo_number=imo,
                flag=m10.get(3) or None,
                train_id=trip if mode is Mode.RAIL else None,
            )
            for name, index in (
                ("conveyance.name", 5),
                ("conveyance.imo_number", 4),
                ("conveyance.flag", 3),
                ("trip_number", 6),
                ("conveyance.train_id", 6),
            ):
                pos.put(name, m10, index)
            carrier = Carrier(scac=m10.get(1) or None)
            keep_rest(ext, m10, (1, 2, 3, 4, 5, 6, 10) + ((9,) if m10.get(9) == DEFAULT_MANIFEST_TYPE else ()))
            _place_kept(pos, ext, m10)
        office = arrival = None
        p4 = self._first
        if p4 is not None:
            office, arrival = _port(p4, ext)
            _place_kept(pos, ext, p4)
            pos.put("office_of_entry", p4, 1)
            pos.put("arrival.place", p4, 1)
            pos.put("arrival.moment", p4, 2)
        if conveyance == Conveyance():
            conveyance = None
        if carrier == Carrier():
            carrier = None
        header = Manifest(
            mode=mode,
            carrier=carrier,
            conveyance=conveyance,
            trip_number=trip,
            arrival=arrival,
            office_of_entry=office,
            extensions=ext,
        )
        return self._heading.apply(header, pos) if mode is Mode.ROAD else header


def document_type(mode: Mode) -> DocumentType:
    """What a bill of the 309 or 358 is called in the mode: a rail waybill, a truck shipment's consignment note, an
    ocean bill of lading."""
    return {Mode.RAIL: DocumentType.RAIL_WAYBILL, Mode.ROAD: DocumentType.ROAD_CONSIGNMENT_NOTE}.get(
        mode, DocumentType.BILL_OF_LADING
    )


def default_method(mode: Mode) -> str:
    # X12 element 91: R rail; J motor; O containerized ocean (the code of the ACE ocean 309s seen).
    return {Mode.RAIL: "R", Mode.ROAD: truck.MOTOR}.get(mode, "O")


def _port(p4: Segment, ext: dict[str, str], prefix: str = "P4") -> tuple[Place | None, Stop | None]:
    code = p4.get(1)
    written = p4.get(2)
    moment: date | None = parse_date(written)
    if moment is None:
        moment = parse_short_date(written)
        if written:
            ext[f"x12.{prefix}.02"] = written
    keep_rest(ext, p4, (1, 2), prefix)
    place = Place(code=code, scheme=PlaceScheme.SCHEDULE_D) if code else None
    if place is None:
        return None, None
    return place, Stop(place=place, moment=moment)


class _BillMapper:
    def __init__(self, mode: Mode, prefix: str, positions: cv.LazyPositions | None, header: Manifest) -> None:
        self.mode = mode
        self.prefix = prefix
        self.pos = positions
        self.header = header

    def put(self, path: str, segment: Segment, index: int = 0, suffix: str = "") -> None:
        """Record where the value at ``path + suffix`` (relative to the bill) was read; nothing while reading, whose
        positions are worked out later (the path is then not even built)."""
        if self.pos is None:
            return
        path += suffix
        full = f"{self.prefix}.{path}" if self.prefix and path else path or self.prefix
        self.pos.put(full, segment, index)

    def keep(
        self, owner: str, ext: dict[str, str], segment: Segment, mapped: tuple[int, ...], key: str | None = None
    ) -> None:
        """:func:`keep_rest` for the object at ``owner`` (relative to the bill), placing each value kept."""
        keep_rest(ext, segment, mapped, key)
        if self.pos is not None:
            for entry, index in kept_elements(ext, segment, key):
                self.put(owner, segment, index, f".extensions[{entry}]" if owner else f"extensions[{entry}]")

    def bill(self, bill: _Bill, index: int) -> Consignment:
        ext: dict[str, str] = {}
        self.put("", bill.lx)
        if bill.lx.get(1) != str(index + 1):
            ext["x12.LX.01"] = bill.lx.get(1)
        discharge = None
        if bill.p4 is not None:
            # P401 is the US port where this bill's cargo is unladen; a later P4 loop has its own date and data.
            if bill.first_port:
                discharge = Place(code=bill.p4.get(1), scheme=PlaceScheme.SCHEDULE_D) if bill.p4.get(1) else None
            else:
                discharge, _ = _port(bill.p4, ext, "P4")
                ext.setdefault("x12.P4.02", bill.p4.get(2))
            self.put("place_of_discharge", bill.p4, 1)
        number = ""
        loading = receipt = None
        packages = None
        weight = volume = None
        m11 = bill.m11
        if m11 is not None:
            m = _fields(m11, 12)
            number = m[1]
            if self.mode is not Mode.RAIL:
                scac = self.header.carrier.scac if self.header.carrier is not None else None
                number = bills.join(number, m[12], scac, ext)
            self.put("document_number", m11, 1)
            lading = m[2]
            if lading:
                loading = Place(code=lading, scheme=cv.place_scheme(lading))
                self.put("place_of_loading", m11, 2)
            pieces = m[3]
            if ascii_digits(pieces):
                packages = Packages(count=int(pieces), kind=m[4] or None)
                self.put("total_packages", m11, 3)
            mapped = [1, 2, 10] + ([3, 4] if packages is not None else [])
            if self.mode is not Mode.RAIL:
                mapped.append(12)  # joined with M1101 (bills.py), or kept by join as the issuer read
            weight = _quantity(m[5], m[6], cv.weight_unit)
            if weight is not None:
                mapped += [5, 6]
                self.put("gross_weight", m11, 5)
            volume = _quantity(m[7], m[8], cv.volume_unit)
            if volume is not None:
                mapped += [7, 8]
                self.put("volume", m11, 7)
            if m[10]:
                receipt = Place(name=m[10])
                self.put("place_of_receipt", m11, 10)
            self.keep("", ext, m11, tuple(mapped))
        else:
            ext["x12.M11"] = ""
        if bill.m13 is not None:
            ext["x12.M13"] = cv.raw(bill.m13)
        references = tuple(self.reference(i, seg) for i, seg in enumerate(bill.n9))
        parties = tuple(self.party(i, p) for i, p in enumerate(bill.parties))
        in_bond = self.in_bond(bill.m12, bill.p5) if bill.m12 is not None else None
        equipment: list[Equipment] = []
        goods: list[GoodsItem] = []
        for e_index, acc in enumerate(bill.equipment):
            item = self.equipment(e_index, acc)
            equipment.append(item)
            for g in acc.goods:
                goods.append(self.goods(len(goods), g, item.identifier))
        return Consignment(
            document_number=number,
            document_type=document_type(self.mode),
            place_of_receipt=receipt,
            place_of_loading=loading,
            place_of_discharge=discharge,
            parties=parties,
            goods=tuple(goods),
            equipment=tuple(equipment),
            total_packages=packages,
            gross_weight=weight,
            volume=volume,
            in_bond=in_bond,
            references=references,
            extensions=ext,
        )

    def reference(self, index: int, n9: Segment) -> Reference:
        ext: dict[str, str] = {}
        self.keep(f"references[{index}]", ext, n9, (1, 2))
        self.put(f"references[{index}]", n9, 2)
        return Reference(kind=n9.get(1), value=n9.get(2), extensions=ext)

    def party(self, index: int, acc: _Party) -> Party:
        n1 = acc.n1
        f1 = _fields(n1, 4)
        path = f"parties[{index}]"
        ext: dict[str, str] = {}
        code = f1[1]
        role = cv.party_role(code)
        if role is PartyRole.OTHER:
            ext["x12.N1.01"] = code
        self.put(path, n1, 1)
        self.put(path, n1, 2, ".name")
        if f1[4]:
            self.put(path, n1, 4, ".code")
        self.keep(path, ext, n1, (1, 2, 4))
        address = None
        if acc.n3 or acc.n4 is not None:
            a_ext: dict[str, str] = {}
            street = None
            for number, n3 in enumerate(acc.n3):
                if number == 0:
                    street = n3.get(1) or None
                    self.put(path, n3, 1, ".address.street")
                    self.keep(f"{path}.address", a_ext, n3, (1,))
                else:
                    self.keep(f"{path}.address", a_ext, n3, (), f"N3.{number + 1}")
            n4 = acc.n4
            city = subdivision = postal = country = None
            if n4 is not None:
                f4 = _fields(n4, 4)
                city, subdivision, postal, country = (
                    f4[1] or None,
                    f4[2] or None,
                    f4[3] or None,
                    f4[4] or None,
                )
                for name, i in _N4_FIELDS:
                    self.put(path, n4, i, name)
                self.keep(f"{path}.address", a_ext, n4, (1, 2, 3, 4))
            else:
                a_ext["x12.N4"] = ""
            address = Address(
                street=street, city=city, subdivision=subdivision, postal_code=postal, country=country, extensions=a_ext
            )
            if not acc.n3:
                a_ext["x12.N3"] = ""
        if acc.dtm is not None:
            self.keep(path, ext, acc.dtm, ())
        contact = None
        if acc.per is not None:
            contact = self.contact(acc.per, ext)
            self.put(path, acc.per, 2, ".contact")
        return Party(
            role=role, name=f1[2] or None, address=address, code=f1[4] or None, contact=contact, extensions=ext
        )

    @staticmethod
    def contact(per: Segment, ext: dict[str, str]) -> Contact:
        # X12 element 365: TE telephone, EM electronic mail; written in that order, other pairs kept verbatim.
        phone = email = None
        mapped = [2]
        pair = 3
        if per.get(pair) == "TE":
            phone = per.get(pair + 1)
            mapped += [pair, pair + 1]
            pair += 2
        if per.get(pair) == "EM":
            email = per.get(pair + 1)
            mapped += [pair, pair + 1]
        if per.get(1) == "IC":
            mapped.append(1)
        keep_rest(ext, per, tuple(mapped))
        return Contact(name=per.get(2) or None, phone=phone, email=email)

    def in_bond(self, m12: Segment, p5: Segment | None) -> InBond:
        ext: dict[str, str] = {}
        self.keep("in_bond", ext, m12, (1, 2))
        if p5 is not None:
            ext["x12.P5"] = cv.raw(p5)
        self.put("in_bond.entry_type", m12, 1)
        self.put("in_bond.number", m12, 2)
        return InBond(entry_type=m12.get(1) or None, number=m12.get(2) or None, extensions=ext)

    def equipment(self, index: int, acc: _Equipment) -> Equipment:
        vid = acc.vid
        v = _fields(vid, 10)
        path = f"equipment[{index}]"
        ext: dict[str, str] = {}
        code = v[1]
        seals = [Seal(number=v[i]) for i in (4, 5) if v[i]]
        if self.pos is not None:
            for n, i in enumerate(i for i in (4, 5) if v[i]):
                self.put(f"{path}.seals[{n}]", vid, i)
        if v[5] and not v[4]:
            ext["x12.VID.04"] = ""
        for m7 in acc.m7:
            party = m7.get(5) or None
            for i in (1, 2, 3, 4):
                if m7.get(i):
                    self.put(f"{path}.seals[{len(seals)}]", m7, i)
                    seals.append(Seal(number=m7.get(i), party=party))
        if acc.m7 and len([s for s in (4, 5) if v[s]]) < 2:
            ext["x12.VID.seals"] = str(len([s for s in (4, 5) if v[s]]))
        status = v[10]
        loaded = True if status == "L" else False if status == "E" else None
        self.keep(path, ext, vid, (1, 2, 3, 4, 5, 9, 10) if loaded is not None or not status else (1, 2, 3, 4, 5, 9))
        for n, vc in enumerate(acc.vc):
            ext[f"x12.VC.{n + 1}"] = cv.raw(vc)
        self.put(path, vid, 3)
        self.put(path, vid, 2, ".initial")
        self.put(path, vid, 3, ".number")
        self.put(path, vid, 9, ".size_type")
        self.put(path, vid, 10, ".loaded")
        return Equipment(
            kind=cv.equipment_kind(code),
            initial=v[2] or None,
            number=v[3],
            size_type=v[9] or None,
            seals=tuple(seals),
            loaded=loaded,
            type_codes=(Reference(kind=VID_TYPE, value=code),),
            extensions=ext,
        )

    def goods(self, index: int, acc: _Goods, equipment_id: str) -> GoodsItem:
        n10 = acc.first
        e = _fields(n10, 10)
        path = f"goods[{index}]"
        ext: dict[str, str] = {}
        self.put(path, n10)
        mapped = [2, 3]
        packages = None
        count = e[1]
        if ascii_digits(count):
            packages = Packages(count=int(count), kind=e[10] or None)
            mapped += [1, 10]
            self.put(path, n10, 1, ".packages")
        first = (e[2], e[3])
        if not acc.more and len(first[0]) <= DESCRIPTION_WIDTH and len(first[1]) <= MARKS_WIDTH:
            # One N10 whose texts fit: the layout the writer would choose anyway.
            description, marks = first[0] or None, first[1] or None
        else:
            parts = [first] + [(s.get(2), s.get(3)) for s in acc.more]
            description = "".join(p[0] for p in parts) or None
            marks = "".join(p[1] for p in parts) or None
            layout = ",".join(f"{len(d)}/{len(k)}" for d, k in parts)
            if layout != default_layout(description or "", marks or ""):
                ext["x12.N10.layout"] = layout
        for seg in acc.more:
            self.keep(path, ext, seg, (2, 3), "N10.more")
        self.put(path, n10, 2, ".description")
        self.put(path, n10, 3, ".marks")
        hs = None
        tariffs: tuple[TariffCode, ...] = ()
        commodity = e[5]
        if ascii_digits(commodity) and len(commodity) >= 6:
            hs = commodity[:6]
            if len(commodity) > 6:
                tariffs = (TariffCode(scheme="us-hts", code=commodity),)
            mapped.append(5)
            self.put(path, n10, 5, ".hs_code")
            if e[4] == "J":
                mapped.append(4)
        value = None
        if ascii_digits(e[6]):
            value = Money(amount=cv.decimal(e[6]) or 0, currency="USD")  # type: ignore[arg-type]
            mapped.append(6)
            self.put(path, n10, 6, ".value")
        weight = _quantity(e[8], e[7], cv.weight_unit)
        if weight is not None:
            mapped += [7, 8]
            self.put(path, n10, 8, ".gross_weight")
        self.keep(path, ext, n10, tuple(mapped))
        hazards = tuple(
            self.hazard(
                f"{path}.hazardous[{i}]",
                h1,
                h2s,
            )
            for i, (h1, h2s) in enumerate(acc.hazards)
        )
        return GoodsItem(
            description=description,
            marks=marks,
            packages=packages,
            gross_weight=weight,
            hs_code=hs,
            tariff_codes=tariffs,
            value=value,
            hazardous=hazards,
            equipment_ids=(equipment_id,),
            extensions=ext,
        )

    def hazard(self, path: str, h1: Segment, h2s: list[Segment]) -> HazardousMaterial:
        ext: dict[str, str] = {}
        code = h1.get(1)
        un = code[2:] if code.startswith("UN") and ascii_digits(code[2:]) else code
        if un != code:
            ext["x12.H1.01"] = code
        self.keep(path, ext, h1, (1, 2, 4, 5, 9))
        name = h1.get(4)
        if _continues(name, h2s):
            # H2 (Additional Hazardous Material Description) carries on a shipping name that fills H104: read as
            # one name, written back in the same 30-character pieces.
            name += "".join(h2.get(1) for h2 in h2s)
        else:
            for n, h2 in enumerate(h2s):
                ext[f"x12.H2.{n + 1}"] = cv.raw(h2)
        self.put(path, h1, 1)
        self.put(path, h1, 1, ".un_number")
        contact = Contact(name=h1.get(5)) if h1.get(5) else None
        return HazardousMaterial(
            un_number=un or None,
            hazard_class=h1.get(2) or None,
            proper_shipping_name=name or None,
            contact=contact,
            packing_group=h1.get(9) or None,
            extensions=ext,
        )


def default_layout(description: str, marks: str) -> str:
    """How the writer splits a long description and marks over N10 segments: 45 and 48 characters at a time."""
    lines = max(1, -(-len(description) // DESCRIPTION_WIDTH), -(-len(marks) // MARKS_WIDTH))
    parts = []
    for i in range(lines):
        d = description[i * DESCRIPTION_WIDTH : (i + 1) * DESCRIPTION_WIDTH]
        k = marks[i * MARKS_WIDTH : (i + 1) * MARKS_WIDTH]
        parts.append(f"{len(d)}/{len(k)}")
    return ",".join(parts)


def _quantity(value: str, code: str, unit_of: object) -> Quantity | None:
    amount = cv.decimal(value)
    unit = unit_of(code) if callable(unit_of) else None
    if amount is None or unit is None:
        return None
    return Quantity(value=amount, unit=unit)


def hazard_name_pieces(name: str) -> list[str]:
    """H104 and the H201 continuations of a shipping name longer than H104, or ``[name]`` when it fits or cannot be
    split into pieces the dictionary accepts (H201 is 2 to 30 characters)."""
    width = HAZARD_NAME_WIDTH
    pieces = [name[i : i + width] for i in range(0, len(name), width)] or [name]
    return pieces if len(pieces) == 1 or len(pieces[-1]) >= 2 else [name]


def _continues(name: str, h2s: list[Segment]) -> bool:
    """Whether ``h2s`` are exactly the continuation pieces :func:`hazard_name_pieces` writes for a long name."""
    if not h2s or len(name) != HAZARD_NAME_WIDTH or any(len(h2.elements) != 2 for h2 in h2s):
        return False
    texts = [h2.get(1) for h2 in h2s]
    return all(len(t) == HAZARD_NAME_WIDTH for t in texts[:-1]) and 2 <= len(texts[-1]) <= HAZARD_NAME_WIDTH
