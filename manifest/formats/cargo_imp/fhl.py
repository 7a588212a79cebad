"""FHL, the consolidation list message (versions 5 and 4): a master air waybill and its house waybills.

Model mapping: MBI gives the master consignment (document type AIR_WAYBILL); each HBS a house consignment
(HOUSE_AIR_WAYBILL, ``master_number`` set to the master's number) with origin, destination, pieces, weight, the
manifest description of goods and its special handling codes on the continuation line; TXT the free text
description; HTS the harmonised codes; OCI the customs notes. SHP, CNE and CVD follow the houses and describe the
house of the message: with several HBS lines they are given to the last house.

Written, MBI is the first master with an air waybill number, else the master number of the houses alone (IMP106
notes what of the master that leaves out); a master number of another form is not written (IMP107) and none is
noted (IMP102), since MBI is mandatory and no number is invented. Without MBI the houses are read back first, and
with it after the master (``Written.moves``). HBS is written with the values the model holds, and a note names the
mandatory ones it lacks.
"""

from __future__ import annotations

import re

from manifest.formats.cargo_imp import charges, goods, parties
from manifest.formats.cargo_imp.charges import Lacking
from manifest.formats.cargo_imp.codes import NO_MASTER, NOT_A_MASTER_NUMBER, NOT_AN_AIR_WAYBILL, NOT_WRITTEN
from manifest.formats.cargo_imp.elements import (
    AIRPORT,
    QUANTITY,
    TextWriter,
    airport,
    awb_detail_fields,
    awb_detail_text,
    codes_of_tariffs,
    oci_lines,
    parse_awb_detail,
    parse_oci,
    parse_shc,
    tariff_codes_of,
    tariff_paths,
    weight_of,
)
from manifest.formats.cargo_imp.fwb import X_ENVELOPE, X_MESSAGE, X_VERSION, lacking_note
from manifest.formats.cargo_imp.grammar import FHL_LINES, VERSIONS
from manifest.formats.cargo_imp.kinds import named_by_air_waybill
from manifest.formats.cargo_imp.lines import Field, Line
from manifest.formats.cargo_imp.message import RawMessage, Record, check_structure, group_records
from manifest.formats.cargo_imp.sink import Sink
from manifest.formats.readers import ascii_digits
from manifest.identifiers import air_waybill_form
from manifest.model import (
    Consignment,
    CustomsNote,
    DocumentType,
    GoodsItem,
    Manifest,
    Mode,
    Packages,
    Party,
    PartyRole,
)

X_SLAC = "cargo-imp.slac"  # shipper's load and count
X_NATURE = "cargo-imp.HBS.nature"  # the HBS manifest description when a TXT free text description is also given
X_CVD = "cargo-imp.CVD"  # a CVD line out of its format, as written
X_HS_DERIVED = goods.X_HS_DERIVED
NATURE_SIZE = 15  # HBS manifest description of goods
TEXT_SIZE = 65  # TXT free text, per line
_TITLES = {rule.tag: rule.title for rule in FHL_LINES}
_HOUSE_NUMBER = re.compile(r"[A-Z0-9]{1,12}")
_SLAC = re.compile(r"[0-9]{0,5}")


class _House:
    def __init__(self) -> None:
        self.fields: dict[str, object] = {}
        self.handling: list[str] = []
        self.nature: str | None = None
        self.text: list[str] = []
        self.codes: list[str] = []
        self.code_columns: list[tuple[Line, int]] = []
        self.notes: list[CustomsNote] = []
        self.parties: list[Party] = []
        self.ext: dict[str, str] = {}


def read(messages: list[RawMessage], sink: Sink) -> Manifest:
    """One manifest from consecutive FHL messages of the same master (one message per house, or one listing all)."""
    first = messages[0]
    manifest_ext = {X_MESSAGE: "FHL", X_VERSION: first.version}
    if first.envelope:
        manifest_ext[X_ENVELOPE] = "\n".join(line.text for line in first.envelope)
        sink.place(f"extensions[{X_ENVELOPE}]", first.envelope[0], 1, "envelope")
    master: Consignment | None = None
    houses: list[_House] = []
    for message in messages:
        records = group_records(message.body, FHL_LINES, None, sink)
        check_structure(records, FHL_LINES, message.smi, sink)
        for record in records:
            if record.tag == "MBI":
                if master is None:
                    master = _master(record.first, sink)
                continue
            # The houses follow the master in the manifest, or stand first when it names none.
            _record(record, houses, sink, 0 if master is None else 1)
    master_number = master.document_number if master else ""
    consignments = [] if master is None else [master]
    consignments.extend(_house_consignment(house, master_number) for house in houses)
    return Manifest(mode=Mode.AIR, consignments=tuple(consignments), extensions=manifest_ext)


def _record(record: Record, houses: list[_House], sink: Sink, first: int) -> None:
    line = record.first
    if record.tag == "HBS":
        houses.append(_house(record, sink, len(houses) + first))
        return
    if not houses:
        return  # already reported by the structure check: these lines follow an HBS
    house = houses[-1]
    path = f"consignments[{len(houses) - 1 + first}]"
    if record.tag == "TXT":
        house.text.extend(part.text[(4 if n == 0 else 1) :] for n, part in enumerate(record.lines))
        sink.place(f"{path}.goods[0].description", line, 5, "TXT")
    elif record.tag == "HTS":
        for part in record.lines:
            code = part.text[(4 if part is line else 1) :]
            if not code.isalnum():
                sink.bad(
                    part,
                    5 if part is line else 2,
                    "HTS",
                    value=code,
                    expected="letters and digits",
                )
                continue
            house.codes.append(code)
            house.code_columns.append((part, 5 if part is line else 2))
        for (part, column), fields in zip(house.code_columns, tariff_paths(house.codes), strict=True):
            for name in fields:
                sink.place(f"{path}.goods[0].{name}", part, column, "HTS")
    elif record.tag == "OCI":
        for part in record.lines:
            note = parse_oci(part, sink, "OCI")
            if note is not None:
                sink.place(f"{path}.customs_notes[{len(house.notes)}]", part, 1, "OCI")
                house.notes.append(note)
    elif record.tag in ("SHP", "CNE"):
        where = f"{path}.parties[{len(house.parties)}]"
        sink.place(where, line, 1, record.tag)
        house.parties.append(parties.read_block(record, sink, where))
    elif record.tag == "CVD":
        declared = charges.read_cvd(line, sink, "CVD", charge_code=False)
        if declared is None:
            house.ext[X_CVD] = line.text  # kept as written, so that nothing of it is lost
            sink.place(f"{path}.extensions[{X_CVD}]", line, 1, "CVD")
            return
        house.fields["charges"] = declared.charges
        sink.place(f"{path}.charges", line, 5, "CVD")
        if declared.customs_value is not None:
            house.fields["value"] = declared.customs_value
            sink.place(f"{path}.value", line, declared.customs_column, "CVD/customs")


def _master(line: Line, sink: Sink) -> Consignment | None:
    detail = parse_awb_detail(line, 4, sink, "MBI")
    if detail is None:
        return None
    path = "consignments[0]"
    sink.place(path, line, 1, "MBI")
    sink.place(f"{path}.document_number", line, 5, "MBI/awb")
    fields = awb_detail_fields(detail, line, sink, path, "MBI")
    return Consignment(document_number=detail.number, document_type=DocumentType.AIR_WAYBILL, **fields)  # type: ignore[arg-type]


def _house(record: Record, sink: Sink, index: int) -> _House:
    """``HBS/<house number>/<origin><destination>/<pieces>/<K|L><weight>/<SLAC>/<description>`` + ``/SHC...``."""
    house = _House()
    line = record.first
    pieces = line.fields()
    path = f"consignments[{index}]"
    sink.place(path, line, 1, "HBS")
    sink.place(f"{path}.goods[0]", line, 1, "HBS")
    sink.place(f"{path}.master_number", line, 1, "HBS")
    while len(pieces) < 7:
        pieces.append(Field("", len(line.text) + 1))
    number, places, count, weight, slac, nature = pieces[1:7]
    if _HOUSE_NUMBER.fullmatch(number.text) is None:
        sink.bad(
            line,
            number.column,
            "HBS/number",
            value=number.text,
            expected="1 to 12 letters or digits",
        )
    house.fields["document_number"] = number.text
    sink.place(f"{path}.document_number", line, number.column, "HBS/number")
    if len(places.text) == 6 and AIRPORT.fullmatch(places.text[:3]) and AIRPORT.fullmatch(places.text[3:]):
        house.fields["place_of_loading"] = airport(places.text[:3])
        house.fields["place_of_discharge"] = airport(places.text[3:])
        sink.place(f"{path}.place_of_loading", line, places.column, "HBS/origin")
        sink.place(f"{path}.place_of_discharge", line, places.column + 3, "HBS/destination")
    else:
        sink.bad(
            line,
            places.column,
            "HBS/origin-destination",
            value=places.text,
            expected="two 3-letter IATA airport codes",
        )
    if ascii_digits(count.text) and len(count.text) <= 4:
        house.fields["total_packages"] = Packages(count=int(count.text))
        sink.place(f"{path}.total_packages", line, count.column, "HBS/pieces")
        sink.place(f"{path}.goods[0].packages", line, count.column, "HBS/pieces")
    else:
        sink.bad(
            line,
            count.column,
            "HBS/pieces",
            value=count.text,
            expected="1 to 4 digits",
        )
    if weight.text[:1] in ("K", "L") and QUANTITY.fullmatch("T1" + weight.text):
        house.fields["gross_weight"] = weight_of(weight.text[0], weight.text[1:])
        sink.place(f"{path}.gross_weight", line, weight.column, "HBS/weight")
        sink.place(f"{path}.goods[0].gross_weight", line, weight.column, "HBS/weight")
    else:
        sink.bad(
            line,
            weight.column,
            "HBS/weight",
            value=weight.text,
            expected="K<weight> or L<weight>",
        )
    if _SLAC.fullmatch(slac.text) is None:
        sink.bad(
            line,
            slac.column,
            "HBS/slac",
            value=slac.text,
            expected="up to 5 digits",
        )
    elif slac.text:
        house.ext[X_SLAC] = slac.text
    house.nature = "/".join(p.text for p in pieces[6:]) or None
    sink.place(f"{path}.goods[0].description", line, nature.column, "HBS/description")
    for part in record.lines[1:]:
        for code, column in parse_shc(part, 0, sink, "HBS/SHC"):
            sink.place(f"{path}.handling_codes[{len(house.handling)}]", part, column, "HBS/SHC")
            house.handling.append(code)
    return house


def _house_consignment(house: _House, master_number: str) -> Consignment:
    hs_code, tariffs, derived = tariff_codes_of(house.codes)
    item_ext = {X_HS_DERIVED: "1"} if derived else {}
    description = house.nature
    if house.text:
        description = " ".join(house.text)
        if house.nature is not None and house.nature != description[:NATURE_SIZE]:
            item_ext[X_NATURE] = house.nature
        elif house.nature is None:
            item_ext[X_NATURE] = ""
    fields = dict(house.fields)
    # The house's one goods item carries the house's pieces and weight, as a Cargo-XML house waybill's does.
    item = GoodsItem(
        sequence=1,
        description=description,
        packages=fields.get("total_packages"),  # type: ignore[arg-type]
        gross_weight=fields.get("gross_weight"),  # type: ignore[arg-type]
        hs_code=hs_code,
        tariff_codes=tariffs,
        extensions=item_ext,
    )
    return Consignment(
        document_type=DocumentType.HOUSE_AIR_WAYBILL,
        master_number=master_number or None,
        parties=tuple(house.parties),
        goods=(item,),
        handling_codes=tuple(house.handling),
        customs_notes=tuple(house.notes),
        extensions=house.ext,
        **fields,  # type: ignore[arg-type]
    )


def write(manifest: Manifest, out: TextWriter) -> tuple[list[list[str]], tuple[int | None, ...]]:
    """One message listing every house, or one message per house when the houses carry their own parties or
    values (FHL/5 has room for one shipper, consignee and charge declaration, after the houses); and, for each
    consignment the reader reads back from them in order, the index of the consignment it is written from (None
    for a master the model names by number alone)."""
    version = manifest.extensions.get(X_VERSION, "5")
    smi = f"FHL/{version if version in VERSIONS['FHL'] else VERSIONS['FHL'][0]}"
    houses = [(n, c) for n, c in enumerate(manifest.consignments) if c.document_type == DocumentType.HOUSE_AIR_WAYBILL]
    head = [smi]
    mbi, master = _mbi(manifest, houses, out)
    origins: list[int | None] = []
    if mbi is not None:
        head.append(mbi)
        origins.append(master)
    origins.extend(n for n, _ in houses)
    # The messages of one master are read as one by their MBI line: without it, one message lists every house.
    own = [house for _, house in houses[:-1] if house.parties or _declares(house)] if mbi is not None else []
    groups = [[entry] for entry in houses] if own else [houses]
    messages: list[list[str]] = []
    for group in groups:
        lines = list(head)
        for index, house in group:
            lines.extend(_write_house(house, index, out))
        if group:
            lines.extend(_house_tail(*group[-1], out))
        messages.append(lines)
    return messages, tuple(origins)


def _mbi(manifest: Manifest, houses: list[tuple[int, Consignment]], out: TextWriter) -> tuple[str | None, int | None]:
    """The MBI line (master AWB consignment detail, mandatory) and the index of the consignment it is written from:
    the first master with an air waybill number, else the master number of the houses alone (None). A master or
    master number of another form is not written (IMP103, IMP107); the values the line needs that the model lacks
    are noted (IMP102, IMP106), and none is invented."""
    masters = [(n, c) for n, c in enumerate(manifest.consignments) if c.document_type != DocumentType.HOUSE_AIR_WAYBILL]
    out.losses.extend(
        NOT_AN_AIR_WAYBILL(field=f"consignments[{n}]", value=c.document_number, message="FHL")
        for n, c in masters
        if not named_by_air_waybill(c)
    )
    named = next(((n, c) for n, c in masters if named_by_air_waybill(c)), None)
    if named is not None:
        index, master = named
        return "MBI/" + _detail(master, f"consignments[{index}]", out), index
    naming = next(((n, c) for n, c in houses if c.master_number), None)
    field = f"consignments[{naming[0] if naming else houses[0][0] if houses else 0}].master_number"
    number = naming[1].master_number if naming else None
    if not number:
        out.notes.append(NOT_WRITTEN(field=field, value="MBI", title=_TITLES["MBI"], message="FHL", missing=field))
        return None, None
    if not air_waybill_form(number):
        out.losses.append(NOT_A_MASTER_NUMBER(field=field, value=number, element="MBI", message="FHL", location="MBI"))
        return None, None
    out.notes.append(NO_MASTER(field=field, value="MBI", message="FHL", location="MBI"))
    return f"MBI/{number}", None


def _detail(master: Consignment, path: str, out: TextWriter) -> str:
    """The master's AWB consignment detail, with a note of the values it needs that the model lacks."""
    origin = master.place_of_loading.code if master.place_of_loading else None
    destination = master.place_of_discharge.code if master.place_of_discharge else None
    pieces = master.total_packages.count if master.total_packages else None
    required = (
        ("place_of_loading", origin),
        ("place_of_discharge", destination),
        ("total_packages", pieces is not None),
        ("gross_weight", master.gross_weight),
    )
    missing = [name for name, value in required if not value]
    if missing:
        out.notes.append(lacking_note(Lacking("MBI", missing), "FHL", _TITLES["MBI"], path))
    return awb_detail_text(master.document_number, origin, destination, "T", pieces, master.gross_weight)


def _house_tail(index: int, house: Consignment, out: TextWriter) -> list[str]:
    lines: list[str] = []
    for role in (PartyRole.SHIPPER, PartyRole.CONSIGNEE):
        party = house.party(role)
        if party is not None:
            where = f"consignments[{index}].parties[{house.parties.index(party)}]"
            lines.extend(parties.write_block(party, out, where))
    written = house.extensions.get(X_CVD)
    if written and house.charges is None:
        lines.append(written)
    elif _declares(house):
        # CVD is optional in FHL: declarations the model cannot complete are not written, and reading the message
        # back lists the values left out.
        line = charges.cvd_text(house.charges, house.value, charge_code=False)
        if isinstance(line, str):
            lines.append(line)
    return lines


def _declares(house: Consignment) -> bool:
    return house.charges is not None or house.value is not None or X_CVD in house.extensions


def _write_house(house: Consignment, index: int, out: TextWriter) -> list[str]:
    path = f"consignments[{index}]"
    item = house.goods[0] if house.goods else GoodsItem()
    origin = house.place_of_loading.code if house.place_of_loading else ""
    destination = house.place_of_discharge.code if house.place_of_discharge else ""
    pieces = house.total_packages.count if house.total_packages else None
    weight = ""
    if house.gross_weight is not None:
        weight = awb_detail_text("", None, None, "T", 0, house.gross_weight)[3:]
    # HBS origin and destination, pieces, weight and manifest description of goods are mandatory (FHL/5): the line
    # is written with what the model holds, and a note says what the sender must supply.
    required = (
        ("place_of_loading", origin),
        ("place_of_discharge", destination),
        ("total_packages", pieces is not None),
        ("gross_weight", weight),
        ("goods[0].description", item.description),
    )
    missing = [name for name, value in required if not value]
    if missing:
        out.notes.append(lacking_note(Lacking("HBS", missing), "FHL", _TITLES["HBS"], path))
    description = out.text(item.description, f"{path}.goods[0].description") if item.description else ""
    text_lines: list[str] = []
    if X_NATURE in item.extensions:
        nature = item.extensions[X_NATURE]
        text_lines = out.chunks(item.description or "", f"{path}.goods[0].description", TEXT_SIZE)
    elif len(description) > NATURE_SIZE:
        nature = description[:NATURE_SIZE]
        text_lines = out.chunks(item.description or "", f"{path}.goods[0].description", TEXT_SIZE)
    else:
        nature = description
    slac = house.extensions.get(X_SLAC, "")
    count = "" if pieces is None else str(pieces)
    lines = [f"HBS/{house.document_number}/{origin}{destination}/{count}/{weight}/{slac}/{nature}"]
    if house.handling_codes:
        lines.append("/" + "/".join(house.handling_codes))
    if text_lines:
        lines.append("TXT/" + text_lines[0])
        lines.extend("/" + piece for piece in text_lines[1:])
    derived = bool(item.extensions.get(X_HS_DERIVED))
    codes = codes_of_tariffs(item.hs_code, item.tariff_codes, derived, out, f"{path}.goods[0]", "HTS")
    if codes:
        lines.append("HTS/" + codes[0])
        lines.extend("/" + code for code in codes[1:])
    lines.extend(oci_lines(house.customs_notes, out, f"{path}.customs_notes"))
    return lines
