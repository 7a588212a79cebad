"""Writing manifests as one CUSCAR interchange (UN/EDIFACT D.95B): UNB, one UNH ... UNT message per manifest, UNZ.

Segment order follows the segment table of the directory the UNH declares (:mod:`.cuscar_table`): BGM, the kept
header segments, RFF, NAD (CTA, COM), TDT with its LOCs and then their DTMs, the EQD groups (MEA, SEL), then one CNI
group per consignment (RFF, CNT, LOC, NAD, and its GID goods items with FTX, MEA, SGP, DGS, PCI, CST, and LOC from
D.97B). Values found in ``cuscar.`` extensions (kept by the reader) are written back in their places. Long text is
cut into the 35-character components of its element (an..35, NAD C080 and C059) and rejoined on read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from manifest.codelists import crosswalks
from manifest.formats.edifact import cuscar_codes as C
from manifest.formats.edifact.cuscar_table import holds
from manifest.formats.edifact.cuscar_words import airport_locode, country_code, measure_unit, package_type
from manifest.formats.edifact.dates import format_moment
from manifest.formats.edifact.directory import DEFAULT_VERSION, element_length, fit_segment, version_of
from manifest.formats.edifact.rawtext import decompose, extras
from manifest.formats.edifact.segments import escape_table, format_segment, split_released
from manifest.formats.edifact.syntax import DEFAULT, Delimiters
from manifest.model import (
    Consignment,
    DocumentType,
    Equipment,
    EquipmentKind,
    GoodsItem,
    Manifest,
    Party,
    PartyRole,
    Place,
    PlaceScheme,
    Quantity,
    Reference,
    Stop,
    TaxIdScheme,
)

NS = "cuscar"

GOODS_ITEM_NUMBER_MAX = 99999  # data element 1496, n..5
PACKAGES_MAX = 99999999  # data element 7224, n..8


Elements = list[list[str]]
NAME_WIDTH = 35  # an..35: NAD 3036 and 3042, FTX 4440 in D.95B is an..70
TEXT_WIDTH = 70


def _chunks(text: str, width: int, limit: int) -> list[str]:
    """``text`` in the ``limit`` repeats of an element of ``width`` characters; what does not fit in them is left
    out, and the comparison of the written file with the model lists the value as not carried."""
    return [text[i : i + width] for i in range(0, min(len(text), width * limit), width)] or [""]


def _number(value: object) -> str:
    return format(value, "f")


def _ext(extensions: Mapping[str, str], key: str) -> list[str] | None:
    found = extensions.get(f"{NS}.{key}")
    return None if found is None else decompose(found)


def _pair(extensions: Mapping[str, str], key: str) -> tuple[list[str], list[str]] | None:
    """Two composites kept as one text ``a+b`` (escaped, so a released '+' stays inside its value)."""
    found = extensions.get(f"{NS}.{key}")
    if found is None:
        return None
    elements = split_released(found, DEFAULT)
    first = elements[0]
    second = elements[1] if len(elements) > 1 else []
    return first, second


def interchange_defaults(manifests: Sequence[Manifest]) -> dict[str, str]:
    """The UNB values written when no ``cuscar.UNB.*`` extension says otherwise; the reader keeps only values that
    differ from these, so that the extensions stay empty for manifests that came from elsewhere."""
    first = manifests[0] if manifests else None
    sender = "UNKNOWN"
    if first is not None and first.carrier is not None and first.carrier.scac:
        sender = first.carrier.scac
    moment: date | datetime | None = None
    if first is not None:
        for stop in (first.departure, first.arrival):
            if stop is not None and stop.moment is not None:
                moment = stop.moment
                break
    stamp = "000101:0000"
    if moment is not None:
        stamp = moment.strftime("%y%m%d") + ":" + (moment.strftime("%H%M") if isinstance(moment, datetime) else "0000")
    return {
        f"{NS}.UNB.02": sender,
        f"{NS}.UNB.03": "UNKNOWN",
        f"{NS}.UNB.04": stamp,
        f"{NS}.UNB.05": "1",
    }


class Writer:
    def __init__(self, delimiters: Delimiters = DEFAULT) -> None:
        self.d = delimiters
        self.table = escape_table(delimiters)
        self.out: list[str] = []
        self.count = 0
        self.version = DEFAULT_VERSION  # the directory of the message being written (UNH S009)

    def seg(self, tag: str, *elements: list[str]) -> bool:
        return self.raw(tag, list(elements))

    def raw(self, tag: str, elements: Elements) -> bool:
        """Write one segment with what the directory does not hold left out (see ``fit_segment``); False when
        nothing of it is left to write."""
        fitted = fit_segment(tag, elements, self.version)
        if fitted is None:
            return False
        self.out.append(format_segment(tag, fitted, self.d, self.table))
        self.count += 1
        return True

    def kept(self, extensions: Mapping[str, str]) -> None:
        for tag, elements in extras(extensions, NS):
            self.raw(tag, elements)

    def num(self, value: object) -> str:
        text = format(value, "f")
        return text.replace(".", self.d.decimal) if self.d.decimal != "." else text


def write_interchange(manifests: Sequence[Manifest], syntax: str, delimiters: Delimiters = DEFAULT) -> str:
    """The interchange as text; the UNA states ``delimiters``, and numbers use its decimal mark."""
    w = Writer(delimiters)
    first = manifests[0].extensions if manifests else {}
    defaults = interchange_defaults(manifests)

    def unb(element: int) -> list[str]:
        key = f"{NS}.UNB.{element:02d}"
        return decompose(first.get(key, defaults.get(key, "")))

    head = unb(1) if f"{NS}.UNB.01" in first else syntax.split(":")
    stamp = unb(4)
    if head[1:2] == ["4"] and stamp and len(stamp[0]) == 6 and stamp[0].isdigit():
        # ISO 9735-1:2002 (syntax version 4) has the date of preparation (S004/0017) as CCYYMMDD; a six-digit date
        # (versions 1 to 3, or the default) is of this century.
        stamp = ["20" + stamp[0], *stamp[1:]]
    w.seg("UNB", head, unb(2), unb(3), stamp, unb(5), *[unb(e) for e in range(6, 12)])
    w.count = 0
    for index, manifest in enumerate(manifests):
        _message(w, manifest, index)
    reference = unb(5)
    w.count = 0
    w.seg("UNZ", [str(len(manifests))], reference)
    return w.d.una() + "\n" + "\n".join(w.out) + "\n"


def _message(w: Writer, m: Manifest, index: int) -> None:
    ext = m.extensions
    w.count = 0
    reference = ext.get(f"{NS}.UNH.01", str(index + 1))
    identifier = _ext(ext, "UNH.S009") or ["CUSCAR", "D", "95B", "UN"]
    w.version = version_of(identifier)
    w.seg("UNH", [reference], identifier, *[_ext(ext, f"UNH.{e:02d}") or [] for e in range(3, 8)])
    w.seg(
        "BGM",
        _ext(ext, "BGM.01") or ["85"],
        _ext(ext, "BGM.02") or [],
        _ext(ext, "BGM.03") or ["9"],
        _ext(ext, "BGM.04") or [],
    )
    w.kept(ext)
    for ref in m.references:
        _reference(w, ref)
    for party in m.parties:
        _party(w, party)
    _transport(w, m)
    # The manifest's own equipment first, in its order, then what only a consignment names: the reader lists the
    # EQD groups in the order written, so each piece of the manifest's equipment keeps its index.
    written: set[str] = set()
    for equipment in (*m.equipment, *(e for c in m.consignments for e in c.equipment)):
        if equipment.identifier not in written:
            written.add(equipment.identifier)
            _equipment(w, equipment)
    for c_index, consignment in enumerate(m.consignments):
        _consignment(w, consignment, c_index)
    w.seg("UNT", [str(w.count + 1)], [reference])


def _reference(w: Writer, ref: Reference) -> None:
    kept = _ext(ref.extensions, "RFF.C506")
    if kept is not None or ref.value:
        w.seg("RFF", kept or [ref.kind, ref.value])


def _transport(w: Writer, m: Manifest) -> None:
    ext = m.extensions
    carrier, conveyance = m.carrier, m.conveyance
    tdt_keys = any(k.startswith(f"{NS}.TDT.") for k in ext)
    if m.trip_number is None and carrier is None and conveyance is None and not tdt_keys:
        _stops(w, m)
        return
    c040: list[str] = []
    if carrier is not None:
        kept = _ext(carrier.extensions, "TDT.05")
        if kept is not None:
            c040 = [*kept, "", "", ""][:3]
        elif carrier.scac:
            c040 = [carrier.scac, C.LIST_CARRIER, C.AGENCY_SCAC]
        else:
            c040 = ["", "", ""]
        c040.append(carrier.name or "")
    c222: list[str] = []
    if conveyance is not None:
        cext = conveyance.extensions
        ident, listed = "", ""
        if conveyance.imo_number:
            ident, listed = cext.get(f"{NS}.TDT.08.8213", conveyance.imo_number), C.LIST_IMO
        elif conveyance.call_sign:
            ident, listed = conveyance.call_sign, C.LIST_CALL_SIGN
        elif f"{NS}.TDT.08.8213" in cext:
            ident, listed = cext[f"{NS}.TDT.08.8213"], cext.get(f"{NS}.TDT.08.1131", "")
        c222 = [ident, listed, cext.get(f"{NS}.TDT.08.3055", ""), conveyance.name or "", conveyance.flag or ""]
    w.seg(
        "TDT",
        _ext(ext, "TDT.01") or ["20"],
        [m.trip_number or ""],
        _ext(ext, "TDT.03")
        or [crosswalks.translate("transport-modes", "model-mode", "unece-rec19", m.mode.value) or ""],
        _ext(ext, "TDT.04") or [],
        c040,
        _ext(ext, "TDT.06") or [],
        _ext(ext, "TDT.07") or [],
        c222,
        _ext(ext, "TDT.09") or [],
        _ext(ext, "TDT.10") or [],
    )
    _stops(w, m)


def _stops(w: Writer, m: Manifest) -> None:
    # The transport group holds its LOCs and then their DTMs (D.95B segment table: TDT, LOC C99, DTM C99); the reader
    # ties each DTM to its stop by its qualifier.
    dated: list[tuple[Stop, str]] = []
    for stop, qualifiers, dtm in (
        (m.departure, C.LOC_DEPARTURE, C.DTM_DEPARTURE),
        (m.arrival, C.LOC_ARRIVAL, C.DTM_ARRIVAL),
    ):
        if stop is None:
            continue
        # The moment and the kept dates of a stop whose LOC is left out (nothing of its place can be written) would
        # date nothing: they are left out with it, and the comparison with the file read back lists them.
        if _location(w, stop.extensions.get(f"{NS}.LOC.01", qualifiers[0]), stop.place):
            dated.append((stop, dtm[0]))
    if m.office_of_entry is not None:
        _location(w, C.LOC_CUSTOMS_OFFICE, m.office_of_entry)
    for stop, qualifier in dated:
        if stop.moment is not None:
            value, fmt = format_moment(stop.moment)
            w.seg("DTM", [stop.extensions.get(f"{NS}.DTM.01", qualifier), value, fmt])
        w.kept(stop.extensions)


def _location(w: Writer, qualifier: str, place: Place) -> bool:
    """Write the LOC of ``place``; False when it is left out (nothing of it can be written)."""
    ext = place.extensions
    kept = _ext(ext, "LOC.C517")
    code = place.code or ""
    related = [_ext(ext, f"LOC.{element:02d}") or [] for element in (3, 4, 5)]
    if not code and not place.name and kept is None and not any(related):
        # A place known by neither code nor name says nothing: no LOC is written rather than an empty one.
        return False
    if kept is not None and kept and kept[0] == code:
        c517 = [*kept, "", "", ""][:3]
    elif place.scheme is PlaceScheme.IATA_AIRPORT:
        # A CUSCAR names ports by UN/LOCODE (code list 139, UN/ECE Recommendation 16); an airport code is written
        # as the UN/LOCODE of the same place, or the location is left out and the comparison with the file read
        # back lists it (CBP's ocean rules take no airport as port of lading).
        locode = airport_locode(code)
        if locode is None:
            return False
        c517 = [locode, C.LIST_PORT, C.AGENCY_UNECE]
    elif place.scheme is PlaceScheme.UNLOCODE:
        c517 = [code, C.LIST_PORT, C.AGENCY_UNECE]
    elif place.scheme is not None:
        c517 = [code, C.PLACE_LIST[place.scheme], C.AGENCY_MUTUAL]
    else:
        c517 = [code, "", ""]
    if len(c517[0]) > element_length("LOC", 2, 1, w.version):
        # A place code longer than 3225 holds is never cut, and its code list says nothing without it: the place is
        # named by its name alone, or left out.
        if not place.name:
            return False
        c517 = ["", "", ""]
    c517.append(place.name or "")
    return w.seg("LOC", [qualifier], c517, *related)


def _party(w: Writer, party: Party) -> None:
    ext = party.extensions
    role = ext.get(f"{NS}.NAD.01") if party.role is PartyRole.OTHER else None
    code = role or C.role_code(party.role)
    c082: list[str] = _ext(ext, "NAD.02") or []
    if not c082 and party.code:
        gln = any(t.scheme is TaxIdScheme.GLN and t.value == party.code for t in party.tax_ids)
        c082 = [party.code, "", C.AGENCY_GS1] if gln else [party.code]
    elif not c082 and party.tax_ids and party.tax_ids[0].scheme is not TaxIdScheme.GLN:
        # With no party code, the first tax registration identifies the party (scheme in 1131, agency ZZZ).
        c082 = [party.tax_ids[0].value, C.TAX_LIST[party.tax_ids[0].scheme], C.AGENCY_MUTUAL]
    names = _chunks(party.name, NAME_WIDTH, 5) if party.name else []
    if names and f"{NS}.NAD.04.3045" in ext:
        names = [*[*names, "", "", "", "", ""][:5], ext[f"{NS}.NAD.04.3045"]]
    address = party.address
    street = _chunks(address.street, NAME_WIDTH, 4) if address is not None and address.street else []
    w.seg(
        "NAD",
        [code],
        c082,
        _ext(ext, "NAD.03") or [],
        names,
        street,
        [address.city or ""] if address else [],
        [address.subdivision or ""] if address else [],
        [address.postal_code or ""] if address else [],
        [country_code(address.country or "")] if address else [],
    )
    if party.contact is not None:
        _contact(w, party.contact.name, party.contact.phone, party.contact.email, _pair(ext, "CTA"), "IC")


def _contact(
    w: Writer,
    name: str | None,
    phone: str | None,
    email: str | None,
    kept: tuple[list[str], list[str]] | None,
    function: str,
) -> None:
    if kept is not None:
        first, second = kept
        second = [*[*second, ""][:1], name or ""]
        w.seg("CTA", first, second)
    else:
        w.seg("CTA", [function], ["", name or ""])
    if phone:
        w.seg("COM", [phone, "TE"])
    if email:
        w.seg("COM", [email, "EM"])


def _measure(w: Writer, ext: Mapping[str, str], dimension: str, quantity: Quantity | None) -> None:
    unit = measure_unit(quantity.unit) if quantity is not None else ""
    if quantity is None or not unit:
        return
    kept = _pair(ext, f"MEA.{dimension}")
    purpose, c502 = kept if kept is not None else ([C.MEA_PURPOSE], [dimension])
    w.seg("MEA", purpose, c502, [unit, w.num(quantity.value)])


def _equipment(w: Writer, e: Equipment) -> None:
    """One EQD group. Equipment with no identifier (a Carta Porte container without its number) has nothing for
    EQD C237 to name, and SGP and SEL could not refer to it: no EQD is written, and the comparison of the written
    file with the model lists what was left out."""
    ext = e.extensions
    if not e.identifier and f"{NS}.EQD.02" not in ext:
        return
    if f"{NS}.EQD.02" not in ext and len(e.identifier) > element_length("EQD", 2, 1, w.version):
        # An identifier longer than C237/8260 holds is never cut: the equipment is left out like one without it.
        return
    qualifier = ext.get(f"{NS}.EQD.01") if e.kind is EquipmentKind.OTHER else None
    code = qualifier or C.equipment_code(e.kind)
    c237 = _ext(ext, "EQD.02") or [e.identifier]
    c224 = _ext(ext, "EQD.03") or ([e.size_type] if e.size_type else [])
    full = _ext(ext, "EQD.06") or ([] if e.loaded is None else ["5" if e.loaded else "4"])
    w.seg(
        "EQD", [code], c237, c224, _ext(ext, "EQD.04") or [], _ext(ext, "EQD.05") or [], full, _ext(ext, "EQD.07") or []
    )
    _measure(w, ext, C.MEA_GROSS, e.gross_weight)
    _measure(w, ext, C.MEA_NET, e.net_weight)
    _measure(w, ext, C.MEA_TARE, e.tare_weight)
    for index, seal in enumerate(e.seals):
        if not seal.number:
            continue
        kept = _pair(ext, f"SEL.{index:02d}")
        if kept is not None:
            w.seg("SEL", [seal.number], [C.SEAL_CODE.get(seal.party or "", seal.party or ""), *kept[0][1:]], kept[1])
        else:
            w.seg("SEL", [seal.number], [C.SEAL_CODE.get(seal.party or "", seal.party or "")])
    w.kept(ext)


def _consignment(w: Writer, c: Consignment, index: int) -> None:
    ext = c.extensions
    c503 = _ext(ext, "CNI.02") or [c.document_number]
    w.seg("CNI", [ext.get(f"{NS}.CNI.01", str(index + 1))], c503, _ext(ext, "CNI.03") or [])
    if c.document_type is DocumentType.HOUSE_BILL_OF_LADING and c.document_number:
        # A house bill is known by its own number in RFF BH; without it nothing says the consignment is a house, and
        # the master's RFF BM would be read as the consignment's own number: the type and the master are left out,
        # and the comparison with the file read back lists them.
        w.seg("RFF", [C.RFF_HOUSE_BILL, c.document_number])
        if c.master_number:
            w.seg("RFF", [C.RFF_BILL, c.master_number])
    elif c.document_number:
        w.seg("RFF", [C.RFF_BILL, c.document_number])
    for ref in c.references:
        _reference(w, ref)
    weight_unit = measure_unit(c.gross_weight.unit) if c.gross_weight is not None else ""
    if c.gross_weight is not None and weight_unit:
        w.seg("CNT", [C.CNT_GROSS, w.num(c.gross_weight.value), weight_unit])
    if c.total_packages is not None:
        w.seg("CNT", [C.CNT_PACKAGES, str(c.total_packages.count)])
    # The consignment's volume is not written: no directory's consignment group has a MEA of its own (D.95B to
    # D.03B), and the comparison with the file read back lists it.
    for field_name, code in C.CONSIGNMENT_LOC.items():
        place = getattr(c, field_name)
        if place is not None:
            _location(w, code, place)
    w.kept(ext)
    for party in c.parties:
        _party(w, party)
    for goods in c.goods:
        _goods(w, goods)


def _goods(w: Writer, g: GoodsItem) -> None:
    ext = g.extensions
    # GID 1496 goods item number is n..5 (UN/EDIFACT D.95B): a negative number or one of more digits is not
    # written, and the comparison with the file read back lists it.
    held = g.sequence is not None and 0 <= g.sequence <= GOODS_ITEM_NUMBER_MAX
    sequence = ext.get(f"{NS}.GID.01", str(g.sequence) if held else "")
    c213 = _ext(ext, "GID.02")
    if c213 is None:
        # C213 7224 number of packages is n..8 (UN/EDIFACT D.95B): a negative count or one of more digits is not
        # written, and the comparison with the file read back lists it.
        count = g.packages.count if g.packages is not None else None
        held_count = str(count) if count is not None and 0 <= count <= PACKAGES_MAX else ""
        c213 = [held_count, package_type(g.packages.kind or "")] if g.packages is not None else []
    w.seg("GID", [sequence], c213, *[_ext(ext, f"GID.{e:02d}") or [] for e in range(3, 7)])
    if g.description:
        w.seg("FTX", [C.FTX_DESCRIPTION], [], [], _chunks(g.description, TEXT_WIDTH, 5), _ext(ext, "FTX.05") or [])
    # FTX stands before DGS in the goods item group (D.95B), so a dangerous goods text names the item's DGS only
    # when it has one; the names of several are left out, and the comparison with the file read back lists them.
    named = g.hazardous[0].proper_shipping_name if len(g.hazardous) == 1 else None
    if named:
        w.seg("FTX", [C.FTX_DG_NAME], [], [], _chunks(named, TEXT_WIDTH, 5))
    _measure(w, ext, C.MEA_GROSS, g.gross_weight)
    _measure(w, ext, C.MEA_NET, g.net_weight)
    _measure(w, ext, C.MEA_VOLUME, g.volume)
    for index, ident in enumerate(g.equipment_ids):
        if not ident and f"{NS}.SGP.{index:02d}.C237" not in ext:
            continue
        c237 = _ext(ext, f"SGP.{index:02d}.C237") or [ident]
        if len(c237[0]) <= element_length("SGP", 1, 1, w.version):
            w.seg("SGP", c237, [ext.get(f"{NS}.SGP.{index:02d}", "")])
    w.kept(ext)
    for hazard in g.hazardous:
        hext = hazard.extensions
        un = _ext(hext, "DGS.03") or [hazard.un_number or ""]
        c205 = _ext(hext, "DGS.02") or [hazard.hazard_class or ""]
        group = _ext(hext, "DGS.05") or [C.PACKING_CODE.get(hazard.packing_group or "", "")]
        tail = [_ext(hext, f"DGS.{e:02d}") or [] for e in range(6, 14)]
        # The dangerous goods contact is not written: no directory's goods item group has a CTA (D.95B to D.03B), and
        # the comparison with the file read back lists it.
        w.seg("DGS", [hext.get(f"{NS}.DGS.01", "IMD")], c205, un, _ext(hext, "DGS.04") or [], group, *tail)
    # PCI follows SGP and DGS in the goods item group (D.95B segment table: GID, PAC, HAN, FTX, MEA, MOA, SGP, DGS,
    # PCI, CST, GIS group, QTY group).
    if g.marks is not None or f"{NS}.PCI.01" in ext:
        w.seg(
            "PCI",
            [ext.get(f"{NS}.PCI.01", "")],
            (g.marks or "").split("\n"),
            _ext(ext, "PCI.03") or [],
            _ext(ext, "PCI.04") or [],
        )
    _customs_codes(w, g)
    # A goods item has a LOC (origin, 27) after CST from D.97B on; it holds DOC only in a GIS group, whose processing
    # indicator the model lacks, so its documents are left out, as the origin before D.97B (the read back lists them).
    if g.origin_country and holds(w.version, GOODS_ITEM, "LOC"):
        w.seg("LOC", [C.LOC_ORIGIN], _ext(ext, "LOC.27") or [country_code(g.origin_country)])


GOODS_ITEM = ("CNI", "RFF", "GID")  # the groups that hold a goods item in the CUSCAR segment table
CUSTOMS_CODES_MAX = 5  # CST repeats C246 five times, and a goods item has one CST (D.95B)


def _customs_codes(w: Writer, g: GoodsItem) -> None:
    """The HS subheading and the tariff codes of a goods item in its CST. A code its element does not hold (7361
    an..18, a scheme past 1131) and the codes past the fifth are left out (the file read back lists them)."""
    codes: list[list[str]] = []
    if g.hs_code:
        codes.append([g.hs_code, C.LIST_HS])
    for tariff in g.tariff_codes:
        listed = C.LIST_HS if tariff.scheme == "hs" else C.TARIFF_LIST.get(tariff.scheme, tariff.scheme)
        codes.append([tariff.code, listed, C.AGENCY_MUTUAL])
    longest, listed_longest = element_length("CST", 2, 1, w.version), element_length("CST", 2, 2, w.version)
    held = [code for code in codes if len(code[0]) <= longest and len(code[1]) <= listed_longest]
    if held:
        w.seg("CST", [], *held[:CUSTOMS_CODES_MAX])
