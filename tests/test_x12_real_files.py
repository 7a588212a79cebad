"""The real X12 files in the shared samples: their true faults are reported with line numbers, nothing else."""

from __future__ import annotations

from pathlib import Path

from manifest.diagnostics import Severity
from manifest.formats import x12_309, x12_358


def _read(path: Path) -> bytes:
    return path.read_bytes()


def test_ocean_309_recovers_every_bill_and_reports_the_segment_count(external_samples: Path) -> None:
    document = x12_309.read(_read(external_samples / "x12" / "309_ocean_cbp_manifest_anonymized.x12"))
    (manifest,) = document.manifests
    assert len(manifest.consignments) == 10
    assert sum(len(c.equipment) for c in manifest.consignments) == 18
    assert manifest.conveyance is not None and manifest.conveyance.name == "MONTE CERVANTES"
    assert manifest.conveyance.imo_number == "9283186"
    assert manifest.office_of_entry is not None and manifest.office_of_entry.code == "1803"
    first = manifest.consignments[0]
    # M1112 (the issuer SCAC) and M1101 make the bill number: CBP ACE ocean 309, M11.
    assert first.document_number == "XXXX99XXZ999999X"
    assert first.equipment[0].identifier == "HASU5044950"
    assert first.goods[0].hs_code == "401120"
    assert first.goods[0].description is not None and first.goods[0].description.endswith("A.FAROUGH@")
    counts = [d for d in document.diagnostics if d.code == "X12005"]
    assert len(counts) == 1
    assert counts[0].line == 297 and counts[0].args["value"] == "622" and counts[0].args["actual"] == "295"
    assert document.source_map(0).locate("consignments[9].equipment[2]") is not None


def test_ocean_309_writes_back_the_same_segments(external_samples: Path) -> None:
    data = _read(external_samples / "x12" / "309_ocean_cbp_manifest_anonymized.x12")
    document = x12_309.read(data)
    written = x12_309.write(document.manifests)
    assert written.losses == ()
    before = data.decode().splitlines()
    after = written.data.decode().splitlines()
    # Only SE01 differs: the writer counts the segments it writes.
    assert [(a, b) for a, b in zip(before, after, strict=True) if a != b] == [("SE*622*3899~", "SE*295*3899~")]


def test_310_is_said_not_to_be_a_manifest_and_its_control_numbers_are_checked(external_samples: Path) -> None:
    document = x12_309.read(_read(external_samples / "x12" / "310_ocean_freight_receipt_004010.x12"))
    assert document.manifests == ()
    codes = {(d.code, d.location) for d in document.diagnostics}
    assert ("X12205", "ST-01") in codes
    assert {("X12004", "SE-02"), ("X12004", "GE-02"), ("X12004", "IEA-02")} <= codes


def test_315_has_a_clean_envelope(external_samples: Path) -> None:
    document = x12_309.read(_read(external_samples / "x12" / "315_ocean_status_004010.x12"))
    assert [d.code for d in document.diagnostics] == ["X12205"]


def test_truck_files_report_the_isa_width_only(external_samples: Path) -> None:
    document = x12_358.read(_read(external_samples / "x12" / "358_cbp_truck_minimal_004060.x12"))
    assert len(document.manifests) == 1
    errors = [d for d in document.diagnostics if d.severity is Severity.ERROR]
    assert [(d.code, d.line, d.location) for d in errors] == [("X12002", 1, "ISA06")]
    assert document.manifests[0].extensions["x12.ISA.08"] == "DEST"
    assert document.manifests[0].extensions["x12.GS.03"] == "DEST"
    document = x12_309.read(_read(external_samples / "x12" / "350_cbp_truck_minimal_004060.x12"))
    assert [d.code for d in document.diagnostics if d.severity is Severity.ERROR] == ["X12002"]
