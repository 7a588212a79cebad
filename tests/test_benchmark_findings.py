"""What the benchmark's files make the validator report does not change when the code is made faster: each
workload's file (as generated, and damaged at fixed places) gives the findings whose digest is stored in
``benchmarks/findings.json`` (see :mod:`benchmarks.findings`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from benchmarks import findings
from benchmarks.workloads import BY_NAME

STORED = json.loads(findings.STORED.read_text(encoding="utf-8"))


def test_every_workload_has_stored_findings() -> None:
    assert set(STORED) == set(BY_NAME)


@pytest.mark.parametrize("name", sorted(BY_NAME))
def test_findings_of_the_benchmark_files_are_the_stored_ones(name: str, tmp_path: Path) -> None:
    found = findings.of_workload(BY_NAME[name], tmp_path)
    assert found["clean"]["findings"] == 0, found["clean"]
    assert found["damaged"]["findings"] != 0, "the damaged copy is reported"
    assert found == STORED[name], "a finding changed; if meant, store them again: python -m benchmarks.findings --write"


def test_damage_is_reproducible_and_changes_only_digits_and_capitals_of_values() -> None:
    edi = b"ISA*00*" + b" " * 200 + b"~N1*SH*Acme Corp 12~" * 10
    once, twice = findings.damaged(edi, "x"), findings.damaged(edi, "x")
    assert once == twice != edi
    assert len(once) == len(edi)
    changed = [at for at, (a, b) in enumerate(zip(edi, once, strict=True)) if a != b]
    assert all(at >= findings.ENVELOPE_HEADER and (chr(edi[at]).isdigit() or chr(edi[at]).isupper()) for at in changed)
    xml = b'<?xml version="1.0" encoding="UTF-8"?><A xmlns="urn:X" B="C1"><D>E2</D></A>'
    places = {xml[at : at + 1] for at in findings._values(xml)}
    assert places == {b"C", b"1", b"E", b"2"}
