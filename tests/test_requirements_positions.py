"""A requirement failing on the model points at the offending value in the file it was read from, in every format.

Each case breaks one value of a sample by text substitution, reads the file with its own reader, runs the
requirements and checks the line and column of the finding against where the substituted text stands.
"""

from __future__ import annotations

import pytest

from manifest.api import read
from manifest.requirements import evaluate
from tests.conftest import SAMPLES

CASES = [
    ("rail/northbound-train-kcsm-qmtyla27.synthetic.309", "M10*KCSM*", "M10*KC5M*", 4, "cbp", "CBP-RAIL-002"),
    (
        "rail/northbound-train-kcsm-qmtyla27.manifest.json",
        '"hs_code": "720838"',
        '"hs_code": "720830"',
        11,
        "harmonized",
        "ID-005",
    ),
    ("air/northbound-flight-am0642-mex-lax.ffm", "139-24681016MEXLAX", "139-24681015MEXLAX", 0, "cbp", "ID-003"),
    (
        "maritime/northbound-manzanillo-long-beach.cartaporte.xml",
        'MatriculaContenedor="MSCU1234566"',
        'MatriculaContenedor="MSCU1234567"',
        0,  # the Carta Porte reader points at the attribute
        "sat",  # a check digit is checked whoever receives the file
        "ID-001",
    ),
]


@pytest.mark.parametrize(("sample", "old", "new", "offset", "profile", "code"), CASES)
def test_finding_points_at_the_value(sample: str, old: str, new: str, offset: int, profile: str, code: str) -> None:
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    assert old in text
    broken = text.replace(old, new, 1)
    start = broken.index(new) + offset  # where the offending value itself begins
    line = broken.count("\n", 0, start) + 1
    column = start - broken.rfind("\n", 0, start)

    document = read(broken.encode("utf-8"), None, name=sample)
    found = [
        diagnostic
        for index, manifest in enumerate(document.manifests)
        for diagnostic in evaluate(manifest, document.source_map(index), profile=profile, format_name=document.format)
        if diagnostic.code == code
    ]
    assert found, f"{code} did not fire"
    assert (found[0].line, found[0].column) == (line, column)
    assert found[0].location and found[0].field and found[0].source


def test_missing_value_points_at_its_enclosing_object() -> None:
    sample = "rail/northbound-train-kcsm-qmtyla27.manifest.json"
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    old = '"description": "HOT ROLLED STEEL COILS",'
    assert old in text
    broken = text.replace(old, "", 1)
    document = read(broken.encode("utf-8"), None, name=sample)
    (found,) = [
        d
        for d in evaluate(document.manifests[0], document.source_map(0), profile="cbp", format_name=document.format)
        if d.code == "CBP-RAIL-024"
    ]
    assert found.field == "consignments[0].goods[0].description" and found.value is None
    # The goods item's opening brace: the nearest enclosing value the file has.
    lines = broken.splitlines()
    assert found.line is not None and found.column is not None
    assert lines[found.line - 1][found.column - 1] == "{"
