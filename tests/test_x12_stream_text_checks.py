"""An X12 file streamed block by block (as `manifest validate` reads a large file) reports what a whole read reports
about its text: the first byte that is not UTF-8 (X12003) and control characters (MF007), at the same places,
wherever the blocks happen to cut the file."""

from __future__ import annotations

import io

import pytest

from manifest import api
from manifest.formats.x12 import interchange
from tests.conftest import SAMPLES

RAIL_309 = next(SAMPLES.glob("rail/*.309")).read_bytes()
BOM = b"\xef\xbb\xbf"

CASES = {
    "a Latin-1 letter and a bell in a name": RAIL_309.replace(b"N1*CN*", b"N1*CN*PE\xd1A \x07", 1),
    "a byte-order mark, then a Latin-1 letter": BOM + RAIL_309.replace(b"N1*CN*", b"N1*CN*PE\xd1A", 1),
    "UTF-8 letters only": RAIL_309.replace(b"N1*CN*", "N1*CN*PEÑA CAMIÓN".encode(), 1),
    "more control characters than are reported": (
        RAIL_309[: RAIL_309.index(b"ST*")] + RAIL_309[RAIL_309.index(b"ST*") :].replace(b"*", b"*\x01", 40)
    ),
    "a Windows-1252 letter near the end": RAIL_309[:-40] + b"\xe9" + RAIL_309[-40:],
}


def _findings(report: api.FileReport) -> list[tuple[str, int | None, int | None, dict[str, str]]]:
    return [(d.code, d.line, d.column, dict(d.args)) for d in report.diagnostics]


@pytest.mark.parametrize("block", [1, 3, 7, 4096])
@pytest.mark.parametrize("name", sorted(CASES))
def test_streamed_text_findings_match_a_whole_read(name: str, block: int, monkeypatch: pytest.MonkeyPatch) -> None:
    data = CASES[name]
    monkeypatch.setattr(interchange, "BLOCK", block)
    whole = _findings(api.validate(data, path="train.309"))
    assert whole == _findings(api.validate_stream(io.BytesIO(data), path="train.309"))
    if name != "UTF-8 letters only":
        assert {"X12003", "MF007"} & {code for code, *_ in whole}


def test_the_offset_of_a_byte_that_is_not_utf8_counts_the_byte_order_mark() -> None:
    data = CASES["a byte-order mark, then a Latin-1 letter"]
    (finding,) = [d for d in api.validate(data, path="train.309").diagnostics if d.code == "X12003"]
    assert data[int(finding.args["offset"]) - 1] == 0xD1
    assert finding.line == data[: data.index(b"\xd1")].count(b"\n") + 1


def test_only_the_first_twenty_control_characters_are_reported_streamed_too() -> None:
    data = CASES["more control characters than are reported"]
    streamed = api.validate_stream(io.BytesIO(data), path="train.309")
    assert sum(d.code == "MF007" for d in streamed.diagnostics) == 20
