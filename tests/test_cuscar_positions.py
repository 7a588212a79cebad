"""CUSCAR positions far into a file: a fault in the 1000th message, and the same file with CRLF line ends.

The expected line and column are worked out here from the text itself (count the line breaks before the value), not
from the reader's bookkeeping, so that any drift in the tokenizer's counting over many segments shows.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest

from manifest.diagnostics import Diagnostic
from manifest.formats import cuscar
from manifest.formats.base import ConsignmentChunk, Document

SAMPLE = (
    Path(__file__).resolve().parent.parent / "samples" / "maritime" / "northbound-vessel-maersk-kensington-647n.cuscar"
)
MESSAGES = 1000
FAULT = "KGM:16X00"  # the third bill's goods weight in the last message, not a number (CUS004)


def _interchange(newline: str) -> str:
    """The sample's message 1000 times in one interchange, the last with a bad weight."""
    text = SAMPLE.read_text("latin-1")
    start, end = text.index("UNH+1+"), text.index("UNZ+")
    head, message = text[:start], text[start:end]
    messages = [
        re.sub(r"UNT\+(\d+)\+1'", rf"UNT+\g<1>+{k}'", message.replace("UNH+1+", f"UNH+{k}+"))
        for k in range(1, MESSAGES + 1)
    ]
    messages[-1] = messages[-1].replace("KGM:16400", FAULT)
    return (head + "".join(messages) + f"UNZ+{MESSAGES}+1'\n").replace("\n", newline)


def _line_column(text: str, offset: int) -> tuple[int, int]:
    return text.count("\n", 0, offset) + 1, offset - text.rfind("\n", 0, offset)


@pytest.fixture(scope="module", params=["\n", "\r\n"], ids=["lf", "crlf"])
def read(request: pytest.FixtureRequest) -> tuple[str, Document]:
    text = _interchange(request.param)
    return text, cuscar.read(text.encode("latin-1"))


def test_a_fault_in_the_1000th_message_points_at_its_line_and_column(read: tuple[str, Document]) -> None:
    interchange, document = read
    assert len(document.manifests) == MESSAGES
    (fault,) = document.diagnostics
    at = interchange.index(FAULT)
    expected = _line_column(interchange, at + len("KGM:"))
    assert (fault.code, fault.line, fault.column) == ("CUS004", *expected)
    # Segments are numbered from UNB (the UNA is no segment), one per terminator; the sample has no released one.
    assert "?'" not in interchange
    number = interchange.count("'", len("UNA:+.? '"), at) + 1
    assert fault.location == f"MEA({number})-03-2"


def test_source_map_of_the_1000th_message_points_at_its_values(read: tuple[str, Document]) -> None:
    interchange, document = read
    last = document.source_map(MESSAGES - 1)
    manifest = document.manifests[MESSAGES - 1]
    at = interchange.rindex("CNI+2+")
    number = manifest.consignments[1].document_number
    assert interchange[at + len("CNI+2+") :].startswith(number)
    position = last.locate("consignments[1].document_number")
    assert position is not None
    assert (position.line, position.column) == _line_column(interchange, at + len("CNI+2+"))
    weight = last.locate("consignments[0].goods[0].gross_weight")
    assert weight is not None
    value_at = interchange.index("KGM:38400", interchange.rindex("UNH+")) + len("KGM:")
    assert (weight.line, weight.column) == _line_column(interchange, value_at)


def test_stream_gives_the_same_positions_far_into_the_file(read: tuple[str, Document]) -> None:
    interchange, document = read
    whole = document.source_map(MESSAGES - 1)
    faults: list[Diagnostic] = []
    last: ConsignmentChunk | None = None
    for item in cuscar.stream(io.BytesIO(interchange.encode("latin-1")), chunk_size=4096):
        if isinstance(item, ConsignmentChunk):
            if item.manifest_index == MESSAGES - 1 and item.index == 1:
                last = item
        else:
            faults.append(item)
    assert faults == list(document.diagnostics)
    assert last is not None
    for path in ("consignments[1].document_number", "consignments[1].goods[0].hs_code", "trip_number"):
        assert last.source_map.locate(path) == whole.locate(path)
