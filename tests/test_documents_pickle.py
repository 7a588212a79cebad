"""A document read from any sample can be pickled, as a batch's workers hand their results back, and keeps every
position: the readers that locate values only when asked (Carta Porte, Cargo-XML) locate them all for the copy."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from manifest import api
from tests.conftest import SAMPLES

SAMPLE_FILES = sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.suffix != ".md")


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_a_document_survives_pickling_with_its_positions(sample: Path) -> None:
    document = api.read(sample.read_bytes(), name=sample.name)
    copy = pickle.loads(pickle.dumps(document))
    assert copy.manifests == document.manifests
    assert copy.diagnostics == document.diagnostics
    for index in range(len(document.manifests)):
        original, copied = document.source_map(index), copy.source_map(index)
        # manifest-json finds positions by looking them up in the text and does not list them.
        paths = [*original.positions, "", "consignments[0]", "consignments[0].document_number"]
        assert [copied.locate(path) for path in paths] == [original.locate(path) for path in paths]
        assert original.locate("consignments[0].document_number") is not None, sample.name
