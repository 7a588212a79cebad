"""An X12 interchange whose lines are indented is read as if they were not, and told once with the count of lines
(X12016), read whole or block by block; the EDIFACT counterpart (EDI022) is in test_encodings.py."""

from __future__ import annotations

import io

import pytest

from manifest import api
from manifest.formats.x12 import interchange
from tests.conftest import SAMPLES

RAIL_309 = (SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309").read_text(encoding="ascii")


def _indented(text: str, indent: str = "  ", first: bool = True) -> bytes:
    lines = text.splitlines()
    return "\n".join(indent + line if first or n else line for n, line in enumerate(lines)).encode("ascii")


@pytest.mark.parametrize("first", [True, False], ids=["every line", "all but the first"])
def test_an_indented_x12_is_read_as_written_flush_and_told_once(first: bool) -> None:
    plain = api.validate(RAIL_309.encode("ascii"), format="x12-309")
    data = _indented(RAIL_309, first=first)
    report = api.validate(data, format="x12-309")
    told = [(d.code, d.line, d.column, d.args["count"]) for d in report.diagnostics if d.code == "X12016"]
    count = len(RAIL_309.splitlines()) - (0 if first else 1)
    assert told == [("X12016", 1 if first else 2, 3, str(count))]
    assert [d for d in report.diagnostics if d.code != "X12016"] == []
    assert plain.diagnostics == ()
    assert report.manifests[0].consignments == plain.manifests[0].consignments


@pytest.mark.parametrize("block", [5, 64, 1 << 16])
def test_an_indented_x12_streamed_is_reported_as_read_whole(block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    data = _indented(RAIL_309)
    whole = api.validate(data, format="x12-309")
    monkeypatch.setattr(interchange, "BLOCK", block)
    streamed = api.validate_stream(io.BytesIO(data), format="x12-309")
    assert streamed.diagnostics == whole.diagnostics
    assert [d.code for d in streamed.diagnostics] == ["X12016"]
