"""Validating a file as a stream reports what validating it whole reports, at the same positions."""

from __future__ import annotations

import io
import re
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

import pytest
from hypothesis import given
from hypothesis import strategies as st

from manifest import api, checkfile, model, streaming
from manifest.api import FileReport, validate, validate_stream
from manifest.checkfile import BatchSettings, validate_file
from manifest.diagnostics import Diagnostic
from manifest.formats import manifest_json, manifest_xml
from manifest.formats.base import ConsignmentChunk, ManifestEnd
from manifest.requirements import Config, rules, streamed
from tests.conftest import REPO, SAMPLES
from tests.report_shape import shown
from tests.strategies.model import manifests

NEGATIVE = REPO / "tests" / "data" / "negative"
FILES = sorted(p for p in [*SAMPLES.rglob("*"), *NEGATIVE.iterdir()] if p.is_file() and p.name != "README.md")
SCHEMA_INVALID = {NEGATIVE / "maritime-bill-without-number.manifest.xml"}
PROFILES = ("auto", "cbp", "sat", "harmonized")


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_a_file_streamed_gives_the_report_of_a_whole_read(
    path: Path, profile: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = BatchSettings(profile=profile)
    whole = validate_file(path, settings, Config())
    monkeypatch.setattr(checkfile, "STREAM_THRESHOLD", 0)
    streamed = validate_file(path, settings, Config())
    assert shown(streamed) == shown(whole)


def test_a_schema_fault_found_in_a_stream_is_found_at_its_line() -> None:
    (path,) = SCHEMA_INVALID
    whole = validate(path.read_bytes(), path=str(path))
    with path.open("rb") as source:
        streamed = validate_stream(source, path=str(path))
    found = [(d.code, d.line, d.location, d.message()) for d in streamed.diagnostics]
    assert found == [(d.code, d.line, d.location, d.message()) for d in whole.diagnostics]
    assert whole.diagnostics[0].line == 194
    assert whole.diagnostics[0].location == "/manifests/manifest[1]/consignments/consignment[2]/document_type"


@pytest.mark.parametrize("where", ["first", "last"])
def test_a_schema_fault_deep_in_a_large_stream_is_found_at_its_line(where: str) -> None:
    """The parser reads ahead of the elements it hands out; the fault is still found in its own consignment."""
    (manifest,) = manifest_xml.read(
        (SAMPLES / "air" / "northbound-flight-am0642-mex-lax.manifest.xml").read_bytes()
    ).manifests
    data = manifest_xml.write([replace(manifest, consignments=manifest.consignments * 60)]).data
    assert len(data) > 300_000
    at = data.find(b"<document_number>") if where == "first" else data.rfind(b"<document_number>")
    end = data.index(b"</document_number>", at)
    broken = data[:at] + b"<document_numbr>" + data[at + 17 : end] + b"</document_numbr>" + data[end + 18 :]
    whole = validate(broken)
    streamed = validate_stream(io.BytesIO(broken))
    assert shown(streamed) == shown(whole)
    assert streamed.diagnostics[0].line == broken[:at].count(b"\n") + 1


def test_a_file_not_well_formed_is_reported_as_such_when_streamed() -> None:
    data = (NEGATIVE / "air-not-well-formed.manifest.xml").read_bytes()
    (finding,) = validate_stream(io.BytesIO(data)).diagnostics
    assert (finding.code, finding.line, finding.column) == ("XML001", 381, 14)


@given(st.lists(manifests(), min_size=1, max_size=2), st.sampled_from(("cbp", "sat", "harmonized")))
def test_any_model_streamed_gives_the_findings_of_a_whole_read(found: list[model.Manifest], profile: str) -> None:
    for writer in (manifest_xml, manifest_json):
        data = writer.write(found).data
        whole = validate(data, profile=profile)
        streamed = validate_stream(io.BytesIO(data), profile=profile)
        assert shown(streamed) == shown(whole)


def _air_with_houses_first() -> tuple[model.Manifest, bytes]:
    source = SAMPLES / "air" / "northbound-flight-am0642-mex-lax.manifest.json"
    (manifest,) = manifest_json.read(source.read_bytes()).manifests
    houses = [c for c in manifest.consignments if c.master_number]
    assert houses, "the air sample holds house waybills"
    reordered = replace(manifest, consignments=(*houses, *(c for c in manifest.consignments if not c.master_number)))
    return reordered, manifest_xml.write([reordered]).data


def test_a_house_waybill_before_its_master_resolves_in_a_stream() -> None:
    _, data = _air_with_houses_first()
    streamed = validate_stream(io.BytesIO(data), profile="harmonized")
    assert "HM-AIR-001" not in {d.code for d in streamed.diagnostics}
    assert shown(streamed) == shown(validate(data, profile="harmonized"))


def test_a_master_that_never_comes_is_reported_at_the_house_waybill() -> None:
    manifest, _ = _air_with_houses_first()
    house = replace(manifest.consignments[0], master_number="999-99999990")
    data = manifest_xml.write([replace(manifest, consignments=(house, *manifest.consignments[1:]))]).data
    streamed = validate_stream(io.BytesIO(data), profile="harmonized")
    unresolved = [d for d in streamed.diagnostics if d.code == "HM-AIR-001"]
    assert [d.field for d in unresolved] == ["consignments[0].master_number"]
    assert shown(streamed) == shown(validate(data, profile="harmonized"))


def test_every_catalogue_rule_can_be_checked_in_a_stream() -> None:
    one_file = [rule for rule in rules() if rule.kind != "reconcile"]  # the others compare several files
    assert [rule.code for rule in one_file if not streaming.streamable(rule)] == []


def test_a_number_repeated_in_a_later_consignment_is_found_in_a_stream() -> None:
    """The stream keeps the first path of each bill number; the bill that repeats one is reported as a whole read
    reports it, naming the first, even when the first is consignment 0."""
    data = (SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309").read_bytes()
    repeated = data.replace(b"M11*KCSM26110452*", b"M11*KCSM26110451*")
    whole = validate(repeated, profile="cbp").diagnostics
    streamed = validate_stream(io.BytesIO(repeated), profile="cbp").diagnostics
    (found,) = [d for d in streamed if d.code == "ID-009"]
    assert (
        found.field == "consignments[1].document_number"
        and found.args["other_field"] == "consignments[0].document_number"
    )
    assert "consignments[0].document_number" in found.message("en")
    assert [(d.code, d.line, d.column, d.field, d.message("en")) for d in streamed] == [
        (d.code, d.line, d.column, d.field, d.message("en")) for d in whole
    ]


def test_a_total_over_all_consignments_cannot_be_streamed_and_is_noted(monkeypatch: pytest.MonkeyPatch) -> None:
    (per_consignment,) = [rule for rule in rules() if rule.code == "HM-GEN-003"]
    total = replace(
        per_consignment,
        fields=("consignments",),
        params={"of": "consignments[*].gross_weight", "tolerance": "0"},
        kind="sum_equals",
    )
    assert streaming.placement(total) is None
    monkeypatch.setattr(streamed, "rules", lambda profile, mode: (total,))
    streamed.plan.cache_clear()
    data = (SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.xml").read_bytes()
    quiet = Config(disabled=frozenset({"MF401"}))
    try:
        found = validate_stream(io.BytesIO(data), profile="harmonized").diagnostics
        unsaid = validate_stream(io.BytesIO(data), profile="harmonized", config=quiet).diagnostics
    finally:
        streamed.plan.cache_clear()
    notes = [d for d in found if d.code == "MF401"]
    assert [(d.args["rule"], str(d.severity)) for d in notes] == [("HM-GEN-003", "info")]
    assert "MF401" not in {d.code for d in unsaid}  # the note, like every finding, obeys the configuration


def test_a_list_rule_is_silent_once_a_consignment_of_its_kind_went_by() -> None:
    (rule,) = [rule for rule in rules() if rule.code == "SAT-AIR-001"]
    assert streaming.placement(rule) == streaming.Placement(("list",))


def test_stream_parts_end_each_set_with_its_located_header() -> None:
    sample = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
    whole = api.read(sample.read_bytes(), name=sample.name)
    with sample.open("rb") as source:
        items = list(streaming.parts(source, "x12-309"))
    (end,) = [item for item in items if isinstance(item, ManifestEnd)]
    assert end.consignments == len(whole.manifests[0].consignments)
    assert end.header == replace(whole.manifests[0], consignments=())
    assert end.source_map.locate("trip_number") == whole.source_map(0).locate("trip_number")
    assert not any(isinstance(item, ManifestEnd) for item in api.stream(io.BytesIO(sample.read_bytes())))


def test_a_large_file_is_validated_from_the_open_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    path = tmp_path / "train.309"
    path.write_bytes((SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309").read_bytes())
    monkeypatch.setattr(checkfile, "STREAM_THRESHOLD", 0)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("a large file is never read whole"))
    report = validate_file(path, BatchSettings(), Config())
    assert isinstance(report, FileReport) and report.format == "x12-309" and report.manifests == ()


def test_a_blank_large_file_is_empty() -> None:
    report = validate_stream(io.BytesIO(b" \n" * 5000))
    assert [d.code for d in report.diagnostics] == ["MF005"]


def test_the_findings_of_a_stream_are_diagnostics() -> None:
    data = (SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.cuscar").read_bytes()
    found = streaming.check_stream(streaming.parts(io.BytesIO(data), "cuscar"), "cuscar", profile="sat")
    assert all(isinstance(d, Diagnostic) for d in found.diagnostics) and found.profiles == ["sat"]


STREAMED = sorted(
    p
    for p in SAMPLES.rglob("*")
    if p.suffix in (".309", ".358", ".cuscar", ".fwb", ".fhl", ".ffm", ".xml")
    and "cartaporte" not in p.name
    and ".xf" not in p.name
)


@pytest.mark.parametrize("fraction", [0.13, 0.5, 0.95])
@pytest.mark.parametrize("path", STREAMED, ids=lambda p: p.name)
def test_a_file_cut_short_streams_as_it_reads(path: Path, fraction: float) -> None:
    data = path.read_bytes()
    cut = data[: int(len(data) * fraction)]
    whole = validate(cut, path=path.name)
    streamed = validate_stream(io.BytesIO(cut), path=path.name)
    # The wording of a syntax fault is libxml2's, which words a file fed in pieces a little differently.
    assert [(d.code, d.line, d.column, d.field) for d in streamed.diagnostics] == [
        (d.code, d.line, d.column, d.field) for d in whole.diagnostics
    ]


# --- manifest-xml past libxml2's 16-bit line numbers ------------------------------------------------------------


@cache
def _long_manifest_xml() -> bytes:
    """The air sample's consignments repeated until the file is longer than 65,535 lines."""
    (manifest,) = manifest_xml.read(
        (SAMPLES / "air" / "northbound-flight-am0642-mex-lax.manifest.xml").read_bytes()
    ).manifests
    data = manifest_xml.write([replace(manifest, consignments=manifest.consignments * 220)]).data
    assert data.count(b"\n") > 70_000
    return data


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def test_every_schema_fault_past_line_65535_is_streamed_at_its_line_and_xpath() -> None:
    data = _long_manifest_xml()
    numbers = [m.start() for m in re.finditer(rb"<document_number>", data)]
    weights = [m.end() for m in re.finditer(rb"<gross_weight>\s*<value>", data)]
    first, late, weight = numbers[0], numbers[-60], weights[-20]
    assert _line_of(data, late) > 65_535
    broken = data[:weight] + b"1,5" + data[weight:]  # from the last fault back, so that the offsets hold
    for at in (late, first):
        closing = broken.index(b"</document_number>", at)
        broken = (
            broken[:at]
            + b"<document_numbr>"
            + broken[at + 17 : closing]
            + b"</document_numbr>"
            + broken[closing + 18 :]
        )
    whole = validate(broken)
    streamed = validate_stream(io.BytesIO(broken))
    assert shown(streamed) == shown(whole)
    found = [(d.code, d.line, d.location) for d in whole.diagnostics]
    assert found[:2] == [
        ("MF201", _line_of(data, first), "/manifests/manifest[1]/consignments/consignment[1]/document_numbr"),
        (
            "MF201",
            _line_of(data, late),
            f"/manifests/manifest[1]/consignments/consignment[{len(numbers) - 59}]/document_numbr",
        ),
    ]
    (code, line, location), *more = found[2:]
    assert not more and code == "MF201" and line == _line_of(data, weight) > 65_535
    assert str(location).startswith("/manifests/manifest[1]/consignments/consignment[")


@pytest.mark.parametrize("readable", ["seekable", "one-way"])
def test_a_manifest_xml_cut_short_is_not_valid_when_streamed(readable: str) -> None:
    """Whatever the parser does at the end of its input (lxml 6 ends the elements left open and raises nothing when
    entities are not resolved), the reader knows whether the root element was closed."""
    data = _long_manifest_xml()
    cut = data[: len(data) // 2]
    source: BinaryIO = io.BytesIO(cut) if readable == "seekable" else io.BufferedReader(_OneWay(cut))
    streamed = validate_stream(source)
    assert [d.code for d in streamed.diagnostics] == ["XML001"]
    assert [d.code for d in validate(cut).diagnostics] == ["XML001"]


class _OneWay(io.RawIOBase):
    """A source that cannot be read again, handing out a few bytes at a time (a pipe)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        size = min(len(buffer), 1000, len(self.data))
        buffer[:size], self.data = self.data[:size], self.data[size:]
        return size


@given(st.data())
def test_a_manifest_xml_cut_anywhere_streams_as_it_reads(data: st.DataObject) -> None:
    sample = (SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.xml").read_bytes()
    end = sample.rindex(b"</manifests>") + len(b"</manifests>")
    cut = sample[: data.draw(st.integers(sample.index(b"<manifests"), end - 1))]
    streamed = validate_stream(io.BytesIO(cut))
    whole = validate(cut)
    assert [(d.code, d.line) for d in streamed.diagnostics] == [(d.code, d.line) for d in whole.diagnostics]
    assert not streamed.passes()


@pytest.mark.parametrize("where", ["header", "consignment"])
def test_a_text_over_ten_million_characters_is_xml005_when_streamed(where: str) -> None:
    data = _long_manifest_xml()
    at = data.index(b"<name>") if where == "header" else data.rindex(b"<name>")
    huge = data[:at] + b"<name>" + b"x" * 10_000_001 + data[at + len(b"<name>") :]
    whole = validate(huge)
    streamed = validate_stream(io.BytesIO(huge))
    assert [(d.code, d.line) for d in streamed.diagnostics] == [(d.code, d.line) for d in whole.diagnostics]
    assert [d.code for d in whole.diagnostics] == ["XML005"]


def test_a_file_cut_in_a_start_tag_is_worded_alike_streamed_and_whole() -> None:
    """libxml2 ends this message with the tag's line when it parses a whole document, not when it is fed blocks."""
    sample = (SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.xml").read_bytes()
    cut = sample[: sample.index(b"<goods_item>") + len(b"<goods_it")]
    streamed = validate_stream(io.BytesIO(cut))
    assert shown(streamed) == shown(validate(cut))
    assert streamed.diagnostics[0].message() == "not well-formed XML: Couldn't find end of Start Tag goods_it"


def test_text_between_consignments_a_stream_has_forgotten_is_still_a_fault() -> None:
    data = _long_manifest_xml()
    at = data.index(b"</consignment>") + len(b"</consignment>")
    broken = data[:at] + b"stray words" + data[at:]
    whole = validate(broken)
    assert shown(validate_stream(io.BytesIO(broken))) == shown(whole)
    ((code, location, message),) = [(d.code, d.location, d.message()) for d in whole.diagnostics]
    assert code == "MF201" and location == "/manifests/manifest[1]/consignments"
    assert "Character content other than whitespace is not allowed" in message


def test_a_file_with_the_wrong_root_and_cut_short_is_not_well_formed_when_streamed() -> None:
    """A whole read finds the file not well-formed before it looks at the root; so does the stream."""
    sample = (SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.xml").read_bytes()
    rootless = sample.replace(b"<manifests", b"<wrong", 1)
    cut = rootless[: len(rootless) // 2]
    streamed = validate_stream(io.BytesIO(cut), format="manifest-xml")
    assert shown(streamed) == shown(validate(cut, format="manifest-xml"))
    assert [d.code for d in streamed.diagnostics] == ["XML001"]
    whole_file = validate_stream(io.BytesIO(rootless), format="manifest-xml")
    assert [d.code for d in whole_file.diagnostics] == ["XML001"]  # </manifests> closes <wrong>
    renamed = sample.replace(b"manifests>", b"wrong>").replace(b"<manifests", b"<wrong", 1)
    assert [d.code for d in validate_stream(io.BytesIO(renamed), format="manifest-xml").diagnostics] == ["MF202"]


@pytest.mark.parametrize("where", [0.2, 0.5, 0.9])
def test_a_byte_that_is_not_utf8_far_into_a_stream_is_named_as_a_whole_read_names_it(where: float) -> None:
    data = _long_manifest_xml()
    at = data.index(b"<name>", int(len(data) * where)) + len(b"<name>")
    assert at > 1 << 16
    broken = data[:at] + b"PE\xd1A" + data[at:]
    whole = validate(broken)
    assert [d.code for d in whole.diagnostics] == ["XML006"]
    assert shown(validate_stream(io.BytesIO(broken))) == shown(whole)


def test_a_consignment_out_of_its_list_is_a_schema_fault_streamed_as_read_whole() -> None:
    sample = (SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.xml").read_bytes()
    first = sample[sample.index(b"<consignment>") : sample.index(b"</consignment>") + len(b"</consignment>")]
    at = sample.index(b"</carrier>")
    misplaced = sample[:at] + first + sample[at:]
    whole = validate(misplaced)
    streamed = validate_stream(io.BytesIO(misplaced))
    assert shown(streamed) == shown(whole)
    assert [(d.code, d.location) for d in whole.diagnostics] == [
        ("MF201", "/manifests/manifest[1]/carrier/consignment")
    ]
    # Only the items of the list are handed out as consignments, before the fault is found at the manifest's end.
    chunks = [item for item in manifest_xml.stream(io.BytesIO(misplaced)) if isinstance(item, ConsignmentChunk)]
    assert len(chunks) == sample.count(b"<consignment>")
