"""What every consignment element of the four messages shares: totals, places, parties, handling, customs notes.

Consignment type (iata:datamodel:3; real XFWB/XFZB samples): IncludedTareGrossWeightMeasure (the total gross weight:
the tare of any ULD included), GrossVolumeMeasure, TotalPieceQuantity, ConsignorParty/ConsigneeParty/
FreightForwarderParty, OriginLocation and FinalDestinationLocation (IATA location identifiers of the airports of
departure and destination of the waybill), HandlingSPHInstructions/DescriptionCode (IATA special handling codes,
Cargo-IMP SPH) and IncludedCustomsNote (ContentCode, Content, SubjectCode, CountryID: the Other Customs Information of
Cargo-IMP, OCI). The US ACAS data travel as customs notes with SubjectCode CUS and CountryID US.
"""

from __future__ import annotations

from typing import Any

from manifest.formats.cargo_xml import codes, values
from manifest.formats.cargo_xml.build import Node
from manifest.formats.cargo_xml.parties import read_parties, write_parties
from manifest.formats.cargo_xml.schema import ACAS_CONTENT_CODES
from manifest.formats.cargo_xml.source import Reading
from manifest.model import Consignment, CustomsNote, Packages

_NOTE_FIELDS = (
    ("content_code", "ContentCode"),
    ("content", "Content"),
    ("subject", "SubjectCode"),
    ("country", "CountryID"),
)


def read_core(
    reading: Reading,
    element: Any,
    field: str,
    weight: str = "IncludedTareGrossWeightMeasure",
    volume: str | None = "GrossVolumeMeasure",
) -> dict[str, Any]:
    """The shared fields of a consignment element, as keyword arguments of :class:`Consignment`."""
    reading.place(field, element)
    pieces = values.count(reading, element, "TotalPieceQuantity", f"{field}.total_packages")
    return {
        "gross_weight": values.measure(reading, element, weight, f"{field}.gross_weight"),
        "volume": values.measure(reading, element, volume, f"{field}.volume") if volume else None,
        "total_packages": Packages(count=pieces) if pieces is not None else None,
        "parties": read_parties(reading, element, field),
        "place_of_loading": values.airport(
            reading, reading.find(element, "OriginLocation"), f"{field}.place_of_loading"
        ),
        "place_of_discharge": values.airport(
            reading, reading.find(element, "FinalDestinationLocation"), f"{field}.place_of_discharge"
        ),
        "handling_codes": _handling_codes(reading, element, field),
        "customs_notes": _customs_notes(reading, element, field),
    }


def _handling_codes(reading: Reading, element: Any, field: str) -> tuple[str, ...]:
    found: list[str] = []
    for handling in reading.findall(element, "HandlingSPHInstructions"):
        code = reading.find(handling, "DescriptionCode")
        if code is not None:
            found.append(reading.take(code, f"{field}.handling_codes[{len(found)}]"))
    return tuple(found)


def _customs_notes(reading: Reading, element: Any, field: str) -> tuple[CustomsNote, ...]:
    notes: list[CustomsNote] = []
    for note in reading.findall(element, "IncludedCustomsNote"):
        path = f"{field}.customs_notes[{len(notes)}]"
        reading.place(path, note)
        found = {key: reading.text(note, name, f"{path}.{key}") for key, name in _NOTE_FIELDS}
        _check_note(reading, note, path, found)
        notes.append(CustomsNote(**found, extensions=reading.residue(note, path)))
    return tuple(notes)


def _check_note(reading: Reading, note: Any, field: str, found: dict[str, str | None]) -> None:
    missing = [name for key, name in _NOTE_FIELDS[:2] if not found[key]]
    if missing and any(found.values()):
        reading.report(codes.NOTE_WITHOUT_CONTENT(**reading.at(note), field=field, missing=" / ".join(missing)))
    code = found["content_code"]
    if found["subject"] == "CUS" and found["country"] == "US" and code and code not in ACAS_CONTENT_CODES:
        reading.report(
            codes.UNKNOWN_ACAS_CODE(
                **reading.at(note), field=f"{field}.content_code", value=code, known=", ".join(ACAS_CONTENT_CODES)
            )
        )


def write_core(
    node: Node,
    consignment: Consignment,
    weight: str = "IncludedTareGrossWeightMeasure",
    volume: str | None = "GrossVolumeMeasure",
    parties: bool = True,
) -> None:
    values.write_measure(node, weight, consignment.gross_weight)
    if volume is not None:
        values.write_measure(node, volume, consignment.volume)
    if consignment.total_packages is not None:
        node.set("TotalPieceQuantity", str(consignment.total_packages.count))
    if parties:
        write_parties(node, consignment.parties)
    values.write_place(node, "OriginLocation", consignment.place_of_loading)
    values.write_place(node, "FinalDestinationLocation", consignment.place_of_discharge)
    for code in consignment.handling_codes:
        node.add("HandlingSPHInstructions").set("DescriptionCode", code)
    for note in consignment.customs_notes:
        note_node = node.add("IncludedCustomsNote")
        for key, name in _NOTE_FIELDS:
            note_node.set(name, getattr(note, key))
        note_node.restore(note.extensions)
