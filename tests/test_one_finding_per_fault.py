"""One fault, one finding: what several layers find at the same place is reported once, under its most specific
code, with the others named in ``also``; the summary and the refusal to convert count faults."""

from __future__ import annotations

import io
import json
import pickle

from manifest import api, reporters
from manifest.codes import message_of
from manifest.diagnostics import Diagnostic, Severity
from manifest.faults import one_per_fault, specificity
from manifest.requirements import Config
from tests.conftest import SAMPLES

MARITIME = (SAMPLES / "maritime" / "northbound-manzanillo-long-beach.cartaporte.xml").read_text(encoding="utf-8")
RAIL = (SAMPLES / "rail" / "northbound-nuevo-laredo.cartaporte.xml").read_text(encoding="utf-8")
# A pedimento with one space between its groups (the XSD pattern, the reader and the SAT catalogue all refuse it)
# and a receiver's RFC whose check digit is wrong (the reader and the SAT catalogue).
BROKEN = (
    MARITIME.replace('NumPedimento="26  16  1734  6012345"', 'NumPedimento="26 16 1734 6012345"')
    .replace('Receptor Rfc="NMS990315P26"', 'Receptor Rfc="NMS990315P27"')
    .encode("utf-8")
)


def _found(report: api.FileReport) -> list[tuple[str, tuple[str, ...], int | None]]:
    return [(d.code, d.also, d.line) for d in report.diagnostics]


def test_a_fault_found_by_three_layers_is_one_finding_under_the_catalogue_rule() -> None:
    report = api.validate(BROKEN, format="carta-porte", profile="sat")
    assert _found(report) == [("ID-004", ("CP213",), 4), ("SAT-CP-013", ("CP210", "CP101"), 23)]
    assert reporters.summary([report]) == {"files": 1, "errors": 2, "warnings": 0}


# The catalogue's rules on those two values turned off: the reader's findings alone.
READER_ONLY = Config(disabled=frozenset({"ID-004", "SAT-CP-013"}))


def test_without_the_catalogue_the_reader_s_check_is_kept_over_the_schema() -> None:
    report = api.validate(BROKEN, format="carta-porte", profile="sat", config=READER_ONLY)
    assert _found(report) == [("CP213", (), 4), ("CP210", ("CP101",), 23)]


def test_a_party_shared_by_two_consignments_is_reported_once() -> None:
    data = RAIL.replace('RFCRemitenteDestinatario="ACM8901011A3"', 'RFCRemitenteDestinatario="ACM8901011A4"')
    report = api.validate(data.encode("utf-8"), format="carta-porte", profile="sat")
    assert _found(report) == [("ID-004", ("CP213",), 14)]
    assert report.diagnostics[0].field == "consignments[0].parties[0].tax_ids[0].value"


def test_validate_and_convert_count_the_same_faults() -> None:
    validated = api.validate(BROKEN, format="carta-porte", profile="sat", config=READER_ONLY)
    converted = api.convert(BROKEN, "manifest-json", format="carta-porte")
    assert converted.written is None
    refusal, *errors = converted.diagnostics
    assert refusal.code == "MF301" and refusal.args["count"] == str(len(errors)) == "2"
    assert sorted((d.code, d.also) for d in errors) == sorted((d.code, d.also) for d in validated.diagnostics)
    assert reporters.summary([validated])["errors"] == 2


def test_a_streamed_file_merges_as_a_whole_read_does() -> None:
    whole = api.validate(BROKEN, format="carta-porte", profile="sat")
    streamed = api.validate_stream(io.BytesIO(BROKEN), format="carta-porte", profile="sat")
    assert streamed.diagnostics == whole.diagnostics


def test_every_report_names_the_other_codes() -> None:
    report = api.validate(BROKEN, path="cp.xml", format="carta-porte", profile="sat")
    assert "(also: CP210, CP101)" in reporters.text([report])
    assert "(also: CP210, CP101)" in reporters.github([report])
    assert "(también: CP210, CP101)" in reporters.text([report], "es")
    files = json.loads(reporters.as_json([report]))["files"]
    assert [d["also"] for d in files[0]["diagnostics"]] == [["CP213"], ["CP210", "CP101"]]
    run = json.loads(reporters.sarif([report]))["runs"][0]
    assert [r["properties"].get("also") for r in run["results"]] == [["CP213"], ["CP210", "CP101"]]
    described = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert described == ["CP101", "CP210", "CP213", "ID-004", "SAT-CP-013"]
    alone = api.validate(BROKEN, format="carta-porte", profile="sat", config=Config(disabled=frozenset({"CP213"})))
    assert json.loads(reporters.as_json([alone]))["files"][0]["diagnostics"][0]["also"] == []


def test_also_travels_between_processes() -> None:
    finding = api.validate(BROKEN, format="carta-porte", profile="sat").diagnostics[1]
    assert pickle.loads(pickle.dumps(finding)) == finding and finding.also


def test_the_kept_finding_has_the_worst_severity_of_its_group() -> None:
    config = Config(severities={"SAT-CP-013": Severity.WARNING})
    report = api.validate(BROKEN, format="carta-porte", profile="sat", config=config)
    assert [(d.code, d.severity) for d in report.diagnostics][1] == ("SAT-CP-013", Severity.ERROR)


def _at(code: str, field: str | None = None, value: str | None = None) -> Diagnostic:
    return Diagnostic(
        definition=message_of(code),
        severity=Severity.ERROR,
        line=7,
        column=45,
        location="NAD(7)",
        field=field,
        value=value,
    )


def test_different_faults_at_one_place_stay_apart() -> None:
    missing_name = _at("CBP-OCEAN-021", "consignments[0].parties[1].name")
    missing_address = _at("CBP-OCEAN-021", "consignments[0].parties[1].address")
    name_again = _at("CBP-OCEAN-021", "consignments[1].parties[0].name")
    two_values = [_at("CP213", value="AAA010101AAA"), _at("CP213", value="BBB")]
    found = one_per_fault([missing_name, missing_address, name_again, *two_values, _at("CP101")])
    # The same field missing twice (a party shared by two consignments) is one fault; two missing fields are two;
    # the schema's message, which does not say its value, joins no value when there are two at its place.
    assert [(d.code, d.field, d.value) for d in found] == [
        ("CBP-OCEAN-021", "consignments[0].parties[1].name", None),
        ("CBP-OCEAN-021", "consignments[0].parties[1].address", None),
        ("CP213", None, "AAA010101AAA"),
        ("CP213", None, "BBB"),
        ("CP101", None, None),
    ]


def test_findings_without_a_line_are_never_merged() -> None:
    note = Diagnostic(definition=message_of("MF401"), severity=Severity.INFO)
    assert one_per_fault([note, note]) == [note, note]


def test_specificity_puts_the_catalogue_first_and_the_schema_last() -> None:
    assert [specificity(code) for code in ("SAT-CP-013", "CP210", "CP101")] == [0, 1, 2]
