"""A requirement that the target of a conversion brings and the source holds no value for is a note (MF303): the
file is written without the value, never with an invented one, and the note names the rule and the model field."""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from manifest import api, formats
from manifest.cli import main
from manifest.diagnostics import Diagnostic
from manifest.model import Carrier, Consignment, Conveyance, GoodsItem, Manifest, Mode, Place
from manifest.requirements import rules
from manifest.unmet import UNMET_REQUIREMENT, held, noted, written_as
from tests.conftest import SAMPLES

# A house waybill: the file names no vessel, and a list of house waybills is held to no vessel data; written as
# CUSCAR it is a manifest of a vessel, which SAT asks the IMO number and the flag of (RGCE 1.9.22).
HOUSE = SAMPLES / "air" / "northbound-flight-am0642-hawb-mex26110001.xfzb.xml"
RAIL_309 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"


def _unmet(notes: tuple[Diagnostic, ...]) -> list[tuple[str, str | None]]:
    """The rule and the field of each MF303 note."""
    return [(note.args["rule"], note.field) for note in notes if note.code == UNMET_REQUIREMENT.code]


def test_a_model_without_the_vessels_imo_number_converted_to_cuscar_gets_exactly_that_note() -> None:
    conversion = api.convert(HOUSE.read_bytes(), "cuscar", name=HOUSE.name)
    assert conversion.written is not None
    assert _unmet(conversion.notes) == [("SAT-MAR-001", "conveyance.imo_number"), ("SAT-MAR-003", "conveyance.flag")]
    (imo,) = (note for note in conversion.notes if note.field == "conveyance.imo_number")
    assert "SAT-MAR-001" in imo.message() and "cuscar" in imo.message() and "by sea" in imo.message()
    assert "SAT-MAR-001" in imo.message("es") and "por vía marítima" in imo.message("es")
    assert imo.line is not None  # pinned to the source by settle, at what holds the missing value
    (rule,) = (rule for rule in rules() if rule.code == "SAT-MAR-001")
    assert imo.source == rule.source


@pytest.mark.parametrize(
    ("imo_number", "expected"),
    [
        (None, [("SAT-MAR-001", "conveyance.imo_number"), ("SAT-MAR-003", "conveyance.flag")]),
        ("9321483", [("SAT-MAR-003", "conveyance.flag")]),
    ],
)
def test_a_model_that_has_the_imo_number_gets_no_note_for_it(
    imo_number: str | None, expected: list[tuple[str, str]]
) -> None:
    # The house waybill's model carried by sea: a list of house waybills is still held to no vessel data.
    document = api.read(HOUSE.read_bytes())
    (manifest,) = document.manifests
    vessel = Conveyance(imo_number=imo_number) if imo_number else None
    by_sea = dataclasses.replace(manifest, mode=Mode.MARITIME, conveyance=vessel)
    source = dataclasses.replace(document, manifests=(by_sea,))
    written = formats.get("cuscar").write(source.manifests)
    assert _unmet(noted(written, source, "cuscar", profile="sat").notes) == expected


def test_the_rules_are_those_of_the_profile_asked_for() -> None:
    conversion = api.convert(HOUSE.read_bytes(), "cuscar", name=HOUSE.name, profile="cbp")
    rules = {rule for rule, _ in _unmet(conversion.notes)}
    assert {"CBP-OCEAN-005", "CBP-OCEAN-007"} <= rules
    assert not any(rule.startswith("SAT-") for rule in rules)
    assert _unmet(api.convert(HOUSE.read_bytes(), "cuscar", profile="none").notes) == []


def test_the_written_file_is_checked_in_the_mode_and_kind_its_reader_reads() -> None:
    document = api.read(HOUSE.read_bytes())
    written = formats.get("x12-309").write(document.manifests)
    assert written_as(written, "x12-309", document.manifests) == [(Mode.MARITIME, "manifest")]
    own = formats.get("cargo-xml").write(document.manifests)
    assert written_as(own, "cargo-xml", document.manifests) == [(Mode.AIR, "houses")]


def test_a_conversion_within_the_same_kind_and_mode_notes_nothing() -> None:
    # A rail 309 and the canonical model: the source's own kind is held to every rule the canonical file is.
    conversion = api.convert(RAIL_309.read_bytes(), "manifest-json")
    assert _unmet(conversion.notes) == []


def test_what_the_writer_already_reports_is_not_noted_twice() -> None:
    # Carta Porte: the writer notes the carrier's RFC it lacks (CP404); the requirement is not repeated.
    conversion = api.convert(RAIL_309.read_bytes(), "carta-porte")
    told = {note.field for note in conversion.notes if note.code == "CP404" and note.field}
    assert "carrier.tax_id" in told
    assert not any(field in told for _, field in _unmet(conversion.notes))


def test_each_manifest_of_a_file_is_noted_under_its_own_path() -> None:
    # Two empty manifests in the canonical JSON, written as one CUSCAR interchange of two vessel manifests.
    two = (Manifest(mode=Mode.RAIL), Manifest(mode=Mode.RAIL))
    document = api.read(formats.get("manifest-json").write(two).data, "manifest-json")
    written = formats.get("cuscar").write(document.manifests)
    fields = [field or "" for _, field in _unmet(noted(written, document, "cuscar").notes)]
    assert "manifests[0].conveyance.imo_number" in fields and "manifests[1].conveyance.imo_number" in fields
    assert all(re.match(r"manifests\[[01]\]\.", field) for field in fields)


def test_the_note_is_in_the_json_report_and_counted_in_the_summary(tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out.edi"
    arguments = ["convert", str(HOUSE), "--to", "cuscar", "-o", str(out), "--allow-loss"]
    report = json.loads(runner.invoke(main, [*arguments, "--output", "json"]).output)
    unmet = [note for note in report["notes"] if note["code"] == "MF303"]
    assert [note["field"] for note in unmet] == ["conveyance.imo_number", "conveyance.flag"]
    assert all(note["line"] is not None and note["severity"] == "warning" for note in unmet)
    assert report["summary"]["notes"] == len(report["notes"])
    line = runner.invoke(main, arguments).output.splitlines()[0]
    assert re.search(rf"\b{len(report['notes'])} note\(s\)", line), line


TRUCK_358 = SAMPLES / "road" / "northbound-truck-lrdy0731.synthetic.358"


@pytest.mark.parametrize("to", ["x12-309", "x12-358"])
def test_a_value_the_writer_withholds_leaves_the_requirement_it_met_unmet(to: str) -> None:
    # X12 has no 'Ñ' (X12.6 basic and extended sets): the plate is withheld (X12411), and the truck is left with
    # neither VIN nor plate in the file written (CBP-ROAD-005), at the source's path.
    truck = Manifest(mode=Mode.ROAD, conveyance=Conveyance(vehicle_plate="ÑL-1234"))
    conversion = api.convert(formats.get("manifest-json").write([truck]).data, to, format="manifest-json")
    assert conversion.written is not None
    assert "conveyance.vehicle_plate" in {loss.field for loss in conversion.written.losses}
    assert ("CBP-ROAD-005", "conveyance.vin") in _unmet(conversion.notes)
    # With a plate X12 can spell, the requirement is met and nothing is noted.
    spelt = Manifest(mode=Mode.ROAD, conveyance=Conveyance(vehicle_plate="NL-1234"))
    plain = api.convert(formats.get("manifest-json").write([spelt]).data, to, format="manifest-json")
    assert ("CBP-ROAD-005", "conveyance.vin") not in _unmet(plain.notes)


def test_a_bill_the_target_holds_as_an_air_waybill_is_held_to_what_an_air_waybill_needs() -> None:
    # A truck consist's road bill written as an XFWB is read back as an air waybill, which needs its shipper and
    # consignee (CBP-AIR-004): the notes are at the source's paths and pinned to its lines.
    conversion = api.convert(TRUCK_358.read_bytes(), "cargo-xml", name=TRUCK_358.name)
    assert conversion.source is not None and conversion.written is not None
    assert conversion.source.manifests[0].consignments[0].document_type is not None
    unmet = _unmet(conversion.notes)
    assert ("CBP-AIR-021", "consignments[0].gross_weight") in unmet
    # The XFWB writer notes the shipper and consignee itself (CXML018), and a requirement is noted once.
    for role in ("shipper", "consignee"):
        field = f"consignments[0].parties[role={role}]"
        (note,) = (note for note in conversion.notes if note.field == field)
        assert note.code == "CXML018" and note.line is not None


def test_the_model_as_held_takes_the_value_read_back_or_none_at_each_lost_path() -> None:
    truck = Manifest(mode=Mode.ROAD, conveyance=Conveyance(vehicle_plate="ÑL-1234", vin="1FUJGLDR5CLBP8834"))
    back = Manifest(mode=Mode.AIR, trip_number="AM0642")
    lost = ["conveyance.vehicle_plate", "mode", "trip_number", "crew[0]", "extensions[x12.ISA.01]"]
    as_held = held(truck, back, lost)
    assert as_held.conveyance == Conveyance(vin="1FUJGLDR5CLBP8834")
    assert (as_held.mode, as_held.trip_number) == (Mode.AIR, "AM0642")
    assert held(truck, None, ["conveyance.nothing", "conveyance.vin.x"]) == truck


def test_an_object_that_holds_no_value_is_held_as_none() -> None:
    # An air bill's place of receipt given as an empty object: nothing of it is written in a 309, where an ocean
    # bill needs one (CBP-OCEAN-018).
    bill = Consignment(document_number="BILL1", place_of_receipt=Place())
    source = formats.get("manifest-json").write([Manifest(mode=Mode.AIR, consignments=(bill,))]).data
    conversion = api.convert(source, "x12-309", format="manifest-json")
    assert ("CBP-OCEAN-018", "consignments[0].place_of_receipt") in _unmet(conversion.notes)
    kept = Manifest(mode=Mode.AIR, consignments=(dataclasses.replace(bill, place_of_receipt=Place(code="MXMEX")),))
    assert held(kept, None, []) == kept
    assert held(Manifest(mode=Mode.AIR, consignments=(bill,)), None, []).consignments[0].place_of_receipt is None


def test_an_extension_entry_not_carried_is_taken_out_of_the_model_as_held() -> None:
    # A truck bill whose place of receipt holds only an extension entry the ACE truck 309 has no element for: the
    # place is written as nothing, and the foreign place where the carrier took the shipment is noted as needed
    # (CBP-ROAD-013, place of loading or of receipt), not taken as given.
    receipt = Place(extensions={"0.0": ""})
    bill = Consignment(document_number="BILL1", place_of_receipt=receipt)
    source = formats.get("manifest-json").write([Manifest(mode=Mode.ROAD, consignments=(bill,))]).data
    conversion = api.convert(source, "x12-309", format="manifest-json")
    assert ("CBP-ROAD-013", "consignments[0].place_of_loading") in _unmet(conversion.notes)
    lost = ["consignments[0].place_of_receipt.extensions[0.0]"]
    assert held(Manifest(mode=Mode.ROAD, consignments=(bill,)), None, lost).consignments[0].place_of_receipt is None
    # An entry read back stays, and so do the other entries.
    both = dataclasses.replace(bill, place_of_receipt=Place(extensions={"0.0": "", "x12.P": "1"}))
    back = Manifest(mode=Mode.ROAD, consignments=(dataclasses.replace(bill, place_of_receipt=Place()),))
    place = held(Manifest(mode=Mode.ROAD, consignments=(both,)), back, lost).consignments[0].place_of_receipt
    assert place is not None and dict(place.extensions) == {"x12.P": "1"}


def test_a_value_the_targets_mode_rejects_is_written_as_it_is_and_noted() -> None:
    # An air manifest's carrier code of three letters, written as an X12 309, is the SCAC of an ocean manifest,
    # which CBP holds to four capital letters (CBP-OCEAN-002): it is not changed, and the note names the rule.
    flight = Manifest(mode=Mode.AIR, carrier=Carrier(scac="AAM"), trip_number="AM0642")
    source = formats.get("manifest-json").write([flight]).data
    conversion = api.convert(source, "x12-309", format="manifest-json")
    assert conversion.written is not None and b"M10*AAM*" in conversion.written.data
    assert [(d.args["rule"], d.field, d.value) for d in conversion.notes if d.code == "MF304"] == [
        ("CBP-OCEAN-002", "carrier.scac", "AAM")
    ]
    # Within the same mode and kind the source's own rules held it, and its error is its own: no note.
    vessel = formats.get("manifest-json").write([dataclasses.replace(flight, mode=Mode.MARITIME)]).data
    assert not [
        d for d in api.convert(vessel, "x12-309", format="manifest-json", allow_errors=True).notes if d.code == "MF304"
    ]


def test_items_that_all_hold_nothing_are_held_as_none() -> None:
    # A rail bill whose one goods item holds nothing: a 309 writes nothing of it, and CBP's rule that a bill
    # describes its goods (CBP-RAIL-023) is noted as unmet, not taken as met.
    bill = Consignment(document_number="B1", goods=(GoodsItem(),))
    train = Manifest(mode=Mode.RAIL, trip_number="T1", consignments=(bill,))
    assert held(train, None, []).consignments[0].goods == ()
    kept = dataclasses.replace(bill, goods=(GoodsItem(), GoodsItem(description="STEEL")))
    assert held(dataclasses.replace(train, consignments=(kept,)), None, []).consignments[0].goods == kept.goods
    source = formats.get("manifest-json").write([train]).data
    conversion = api.convert(source, "x12-309", format="manifest-json")
    assert ("CBP-RAIL-023", "consignments[0].goods") in _unmet(conversion.notes)


def test_telling_notes_from_told_fields_costs_one_pass_over_the_losses(monkeypatch: pytest.MonkeyPatch) -> None:
    """A 358 of many cars written as a 309 has thousands of losses and hundreds of notes: each note is looked up
    among the told fields, not compared with each of them (which took minutes for a train of 400 cars)."""
    from manifest import unmet

    source = formats.get("x12-358").write(api.read(RAIL_309.read_bytes()).manifests).data
    calls = 0
    original = unmet._unfiltered

    def counted(path: str) -> str:
        nonlocal calls
        calls += 1
        return original(path)

    monkeypatch.setattr(unmet, "_unfiltered", counted)
    conversion = api.convert(source, "x12-309", allow_errors=True)
    assert conversion.written is not None
    told = len(conversion.written.losses) + len(conversion.written.notes)
    assert calls <= 2 * told + 10


def test_a_conversion_reads_its_output_back_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The notes look at the manifests the writer read back to find its losses, not at a second reading."""
    from manifest.formats import cuscar

    reads = 0
    read = cuscar.read

    def counted(data: bytes) -> object:
        nonlocal reads
        reads += 1
        return read(data)

    monkeypatch.setattr(cuscar, "read", counted)
    conversion = api.convert(RAIL_309.read_bytes(), "cuscar")
    assert conversion.written is not None and conversion.written.read_back is None
    assert reads == 1
    assert api.write(api.read(RAIL_309.read_bytes()).manifests, "cuscar").read_back is None
