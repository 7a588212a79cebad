"""manifest.api.stream hands out every format's consignments one by one, streaming where the format can."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from manifest.api import read, stream
from manifest.diagnostics import Diagnostic, Severity
from manifest.formats.base import ConsignmentChunk
from tests.conftest import SAMPLES

SAMPLE_FILES = sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.name != "README.md")


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: str(p.relative_to(SAMPLES)))
def test_stream_yields_what_read_returns(sample: Path) -> None:
    data = sample.read_bytes()
    document = read(data, name=sample.name)
    expected = [c for m in document.manifests for c in m.consignments]
    with sample.open("rb") as source:
        items = list(stream(source, name=sample.name))
    chunks = [i for i in items if isinstance(i, ConsignmentChunk)]
    assert [c.consignment for c in chunks] == expected
    assert not any(isinstance(i, Diagnostic) and i.severity >= Severity.ERROR for i in items)


def test_stream_sniffs_an_unnamed_in_memory_source() -> None:
    sample = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
    chunks = [i for i in stream(io.BytesIO(sample.read_bytes())) if isinstance(i, ConsignmentChunk)]
    assert [c.consignment.document_number for c in chunks] == ["KCSM26110451", "KCSM26110452"]


def test_stream_of_unreadable_content_yields_its_diagnostic() -> None:
    (finding,) = list(stream(io.BytesIO(b"hello")))
    assert isinstance(finding, Diagnostic)
    assert finding.code == "MF004"
