"""FWB, the air waybill data message (versions 16 and 17): one master air waybill, read and written.

Model mapping: the AWB consignment detail gives the consignment (number, origin as place of loading, destination
as place of discharge, pieces, weight, volume); FLT gives the flight (carrier, flight number); SHP, CNE, AGT and NFY
the parties; RTD the goods items with their rate charges; CVD the charge declarations and the declared value for
customs; ISU the carrier's execution (:mod:`.charges`); SPH the special handling codes; OCI the customs notes.
Every other line (routing, other charges, charge summaries, references ...) is kept as written in the
consignment's extensions under ``cargo-imp.<line identifier>`` and written back in its place. A mandatory line the
model has no value for is not written empty: the writer notes what must be supplied (IMP102).

Line layouts checked against real messages, each read without a finding and written back: IATA's FWB/17 examples
(gumraq/iata-messages IataMessageTests/Examples/fwb17.txt), airline traffic (tyroneous9/CargoIMP-Compiler
cpp/data/input_tests/fwb_test.txt and fwb17_test.txt) and CargoWise's FWB/16 output as its own tests expect it.
AGT: ``AGT//<code>/<CASS>`` (CargoWise), ``AGT//<code>/<CASS>/<participant>`` (airline), ``AGT/<account with
spaces>/<code>/<CASS>`` and ``AGT//<code>`` (IATA). ACC: ``ACC/GEN/<text>`` with ``/GEN/<text>`` continuations
(IATA, CargoWise, airline). OCI: ``OCI/<country>/<information>/<control>/<text>`` with ``/...``, ``//...`` and
``///...`` continuations (all three). REF: ``REF/<address>`` (airline), ``REF///<participant>/<id>/<airport>``
(IATA), ``REF//<file reference>/FFW/<id>/<airport>`` (CargoWise). SPH: three-character codes (all three). Shipper,
consignee and notify blocks: :mod:`.parties`; rate lines: :mod:`.goods`.
"""

from __future__ import annotations

from collections.abc import Callable

from manifest.diagnostics import Diagnostic
from manifest.formats.cargo_imp import charges, goods, parties
from manifest.formats.cargo_imp.codes import NOT_WRITTEN
from manifest.formats.cargo_imp.elements import (
    FLIGHT,
    TextWriter,
    awb_detail_fields,
    awb_detail_text,
    oci_lines,
    parse_awb_detail,
    parse_oci,
    parse_shc,
)
from manifest.formats.cargo_imp.grammar import AWB, FWB_LINES
from manifest.formats.cargo_imp.kinds import described
from manifest.formats.cargo_imp.message import RawMessage, check_structure, group_records
from manifest.formats.cargo_imp.sink import Sink
from manifest.model import (
    Carrier,
    Consignment,
    Conveyance,
    CustomsNote,
    DocumentType,
    GoodsItem,
    Manifest,
    Mode,
    Party,
    PartyRole,
)

X_MESSAGE = "cargo-imp.message"
X_VERSION = "cargo-imp.version"
X_ENVELOPE = "cargo-imp.envelope"
X_FLT = "cargo-imp.FLT"
X_CVD = "cargo-imp.CVD"  # a CVD line out of its format, as written
X_ISU = "cargo-imp.ISU"  # an ISU line out of its format, as written
X_DENSITY = "cargo-imp.density"
X_SHIPMENT_CODE = "cargo-imp.shipment-code"
_TITLES = {rule.tag: rule.title for rule in FWB_LINES}
_PATH = "consignments[0]"


def raw_key(tag: str) -> str:
    return f"cargo-imp.{tag}"


def read(message: RawMessage, sink: Sink) -> Manifest:
    records = group_records(message.body, FWB_LINES, AWB, sink)
    check_structure(records, FWB_LINES, message.smi, sink)
    manifest_ext: dict[str, str] = {X_MESSAGE: "FWB", X_VERSION: message.version}
    if message.envelope:
        manifest_ext[X_ENVELOPE] = "\n".join(line.text for line in message.envelope)
        sink.place(f"extensions[{X_ENVELOPE}]", message.envelope[0], 1, "envelope")
    ext: dict[str, str] = {}
    number = ""
    fields: dict[str, object] = {}
    party_list: list[Party] = []
    goods_items: tuple[GoodsItem, ...] = ()
    handling: list[str] = []
    notes: list[CustomsNote] = []
    carrier = conveyance = trip = None
    for record in records:
        line = record.first
        if record.tag == AWB:
            detail = parse_awb_detail(line, 0, sink, "AWB")
            if detail is None:
                continue
            number = detail.number
            sink.place(_PATH, line, 1, "AWB")
            sink.place(f"{_PATH}.document_number", line, 1, "AWB/awb")
            fields.update(awb_detail_fields(detail, line, sink, _PATH, "AWB"))
            if detail.volume is not None:
                fields["volume"] = detail.volume
                sink.place(f"{_PATH}.volume", line, detail.columns["volume"], "AWB/volume")
            if detail.density:
                ext[X_DENSITY] = detail.density
            if detail.code != "T":
                ext[X_SHIPMENT_CODE] = detail.code
            if detail.end < len(line.text) and detail.weight is not None:
                sink.bad(
                    line,
                    detail.end + 1,
                    "AWB",
                    value=line.text[detail.end :],
                    expected="the end of the line",
                )
        elif record.tag == "FLT":
            pieces = line.fields()
            flight = FLIGHT.fullmatch(pieces[1].text) if len(pieces) > 1 else None
            if flight is None:
                sink.bad(
                    line,
                    5,
                    "FLT/flight",
                    value=line.text[4:],
                    expected="carrier code and 3 or 4 digit flight number",
                )
                continue
            carrier = Carrier(iata_code=flight.group(1))
            conveyance = Conveyance(flight_number=flight.group())
            trip = flight.group()
            sink.place("carrier.iata_code", line, 5, "FLT/carrier")
            sink.place("conveyance.flight_number", line, 5, "FLT/flight")
            sink.place("trip_number", line, 5, "FLT/flight")
            manifest_ext[X_FLT] = line.text
            sink.place(f"extensions[{X_FLT}]", line, 1, "FLT")
        elif record.tag in parties.PARTY_TAGS:
            path = f"{_PATH}.parties[{len(party_list)}]"
            sink.place(path, line, 1, record.tag)
            party_list.append(parties.read_block(record, sink, path))
        elif record.tag == "AGT":
            path = f"{_PATH}.parties[{len(party_list)}]"
            sink.place(path, line, 1, "AGT")
            party_list.append(parties.read_agent(record, sink, path))
        elif record.tag == "RTD":
            goods_items = goods.read_rtd(record, sink, f"{_PATH}.goods")
        elif record.tag == "CVD":
            declared = charges.read_cvd(line, sink, "CVD", charge_code=True)
            if declared is None:
                ext[X_CVD] = line.text  # kept as written, so that nothing of it is lost
                sink.place(f"{_PATH}.extensions[{X_CVD}]", line, 1, "CVD")
                continue
            fields["charges"] = declared.charges
            sink.place(f"{_PATH}.charges", line, 5, "CVD")
            if declared.customs_value is not None:
                fields["value"] = declared.customs_value
                sink.place(f"{_PATH}.value", line, declared.customs_column, "CVD/customs")
        elif record.tag == "ISU":
            execution = charges.read_isu(line, sink, "ISU")
            if execution is None:
                ext[X_ISU] = line.text
                sink.place(f"{_PATH}.extensions[{X_ISU}]", line, 1, "ISU")
                continue
            fields["execution"] = execution
            sink.place(f"{_PATH}.execution", line, 5, "ISU")
        elif record.tag == "SPH":
            for code, column in parse_shc(line, 3, sink, "SPH"):
                sink.place(f"{_PATH}.handling_codes[{len(handling)}]", line, column, "SPH")
                handling.append(code)
        elif record.tag == "OCI":
            for oci_line in record.lines:
                note = parse_oci(oci_line, sink, "OCI")
                if note is not None:
                    sink.place(f"{_PATH}.customs_notes[{len(notes)}]", oci_line, 1, "OCI")
                    notes.append(note)
        else:
            key = raw_key(record.tag)
            text = "\n".join(part.text for part in record.lines)
            if key not in ext:
                sink.place(f"{_PATH}.extensions[{key}]", line, 1, record.tag)
            ext[key] = f"{ext[key]}\n{text}" if key in ext else text
    consignment = Consignment(
        document_number=number,
        document_type=DocumentType.AIR_WAYBILL,
        parties=tuple(party_list),
        goods=goods_items,
        equipment=goods.ulds_of(goods_items),
        handling_codes=tuple(handling),
        customs_notes=tuple(notes),
        extensions=ext,
        **fields,  # type: ignore[arg-type]
    )
    return Manifest(
        mode=Mode.AIR,
        carrier=carrier,
        conveyance=conveyance,
        trip_number=trip,
        consignments=(consignment,),
        extensions=manifest_ext,
    )


def write(manifest: Manifest, consignment: Consignment, index: int, out: TextWriter) -> list[str]:
    """The lines of one FWB for ``consignment`` (the manifest's ``index``-th), SMI first."""
    path = f"consignments[{index}]"
    version = manifest.extensions.get(X_VERSION, "16")
    lines = [f"FWB/{version if version in ('16', '17') else '16'}"]
    writers: dict[str, Callable[[], list[str]]] = {
        AWB: lambda: _awb(consignment, out, path),
        "FLT": lambda: _flt(manifest),
        "SHP": lambda: _party(consignment, PartyRole.SHIPPER, out, path),
        "CNE": lambda: _party(consignment, PartyRole.CONSIGNEE, out, path),
        "AGT": lambda: _party(consignment, PartyRole.AGENT, out, path),
        "NFY": lambda: _party(consignment, PartyRole.NOTIFY, out, path),
        "RTD": lambda: _rtd(manifest, consignment, out, path),
        "CVD": lambda: _cvd(consignment, out, path),
        "ISU": lambda: _isu(consignment, out, path),
        "SPH": lambda: ["SPH/" + "/".join(consignment.handling_codes)] if consignment.handling_codes else [],
        "OCI": lambda: oci_lines(consignment.customs_notes, out, f"{path}.customs_notes"),
        "RTG": lambda: _rtg(manifest, consignment, out, path),
        "REF": lambda: _ref(consignment, out, path),
    }
    for rule in FWB_LINES:
        writer = writers.get(rule.tag)
        if writer is not None:
            lines.extend(writer())
        elif consignment.extensions.get(raw_key(rule.tag)):
            lines.extend(consignment.extensions[raw_key(rule.tag)].split("\n"))
    return lines


def _awb(consignment: Consignment, out: TextWriter, path: str) -> list[str]:
    """The AWB consignment detail, which names the waybill and so is always written; the airports, pieces and weight
    it requires that the model lacks are told in a note."""
    required = (
        ("place_of_loading", consignment.place_of_loading and consignment.place_of_loading.code),
        ("place_of_discharge", consignment.place_of_discharge and consignment.place_of_discharge.code),
        ("total_packages", consignment.total_packages),
        ("gross_weight", consignment.gross_weight),
    )
    missing = [name for name, value in required if not value]
    if missing:
        out.notes.append(lacking_note(charges.Lacking(AWB, missing), "FWB", _TITLES[AWB], path))
    return [_awb_line(consignment)]


def _awb_line(consignment: Consignment) -> str:
    ext = consignment.extensions
    origin = consignment.place_of_loading.code if consignment.place_of_loading else None
    destination = consignment.place_of_discharge.code if consignment.place_of_discharge else None
    # A piece count the model lacks is left empty, never written as 0 pieces: the note of _awb asks for it.
    pieces = consignment.total_packages.count if consignment.total_packages else None
    return awb_detail_text(
        consignment.document_number,
        origin,
        destination,
        ext.get(X_SHIPMENT_CODE, "T"),
        pieces,
        consignment.gross_weight,
        consignment.volume,
        ext.get(X_DENSITY),
    )


def _flt(manifest: Manifest) -> list[str]:
    flight = manifest.conveyance.flight_number if manifest.conveyance else None
    written = manifest.extensions.get(X_FLT)
    if written and flight and written.startswith(f"FLT/{flight}/"):
        return [written]
    moment = manifest.departure.moment if manifest.departure else None
    if flight and moment is not None:
        return [f"FLT/{flight}/{moment.day:02d}"]
    return []


def _rtg(manifest: Manifest, consignment: Consignment, out: TextWriter, path: str) -> list[str]:
    written = consignment.extensions.get(raw_key("RTG"))
    if written:
        return written.split("\n")
    carrier = manifest.carrier.iata_code if manifest.carrier else None
    destination = consignment.place_of_discharge.code if consignment.place_of_discharge else None
    if carrier and destination:
        return [f"RTG/{destination}{carrier}"]
    missing = [name for name, value in (("place_of_discharge", destination), ("carrier", carrier)) if not value]
    # The carrier is the manifest's, not the consignment's: its path is written whole.
    fields = [name if name != "carrier" else "carrier.iata_code" for name in missing]
    return _or_note(charges.Lacking("RTG", fields), out, path)


def _ref(consignment: Consignment, out: TextWriter, path: str) -> list[str]:
    """REF, the sender's reference (its Type B address), is kept as read from an FWB; the model has no field for
    it, so an FWB written from another format says it must be supplied."""
    written = consignment.extensions.get(raw_key("REF"))
    if written:
        return written.split("\n")
    return _or_note(charges.Lacking("REF", [f"extensions[{raw_key('REF')}]"]), out, path)


def _party(consignment: Consignment, role: PartyRole, out: TextWriter, path: str) -> list[str]:
    for number, party in enumerate(consignment.parties):
        if party.role == role:
            where = f"{path}.parties[{number}]"
            if role == PartyRole.AGENT:
                return parties.write_agent(party, out, where)
            return parties.write_block(party, out, where)
    return []


def _cvd(consignment: Consignment, out: TextWriter, path: str) -> list[str]:
    written = consignment.extensions.get(X_CVD)
    if written and consignment.charges is None:
        return [written]
    return _or_note(charges.cvd_text(consignment.charges, consignment.value, charge_code=True), out, path)


def _isu(consignment: Consignment, out: TextWriter, path: str) -> list[str]:
    written = consignment.extensions.get(X_ISU)
    if written and consignment.execution is None:
        return [written]
    return _or_note(charges.isu_text(consignment.execution, out, path), out, path)


def _rtd(manifest: Manifest, consignment: Consignment, out: TextWriter, path: str) -> list[str]:
    if not consignment.goods:
        return _or_note(charges.Lacking("RTD", ["goods"]), out, path)
    known = described((*manifest.equipment, *consignment.equipment))
    return goods.write_rtd(consignment.goods, out, f"{path}.goods", known)


def _or_note(line: str | charges.Lacking, out: TextWriter, path: str) -> list[str]:
    """The line; or, when the model lacks a value the line requires, no line and a note saying what to supply."""
    if isinstance(line, str):
        return [line]
    out.notes.append(lacking_note(line, "FWB", _TITLES[line.tag], path))
    return []


def lacking_note(lacking: charges.Lacking, message: str, title: str, path: str) -> Diagnostic:
    fields = [name if name.startswith("carrier.") else f"{path}.{name}" for name in lacking.missing]
    return NOT_WRITTEN(field=fields[0], value=lacking.tag, title=title, message=message, missing=", ".join(fields))
