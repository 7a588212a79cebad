"""Lines and columns of findings and of source map entries, whatever the line breaks and however far in the file."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from manifest.diagnostics import Position
from manifest.formats import x12_309
from manifest.formats.base import ConsignmentChunk
from tests.x12_helpers import BILL, HEAD, interchange, minimal_309

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
# The weight of the bill (M11-05, X12 type R) made not a number.
BAD_WEIGHT = (BILL[0], BILL[1].replace("*38400*K", "*38A00*K"), *BILL[2:])


def _spots(data: bytes) -> list[tuple[str, int | None, int | None, str | None]]:
    return [(d.code, d.line, d.column, d.location) for d in x12_309.read(data).diagnostics]


def _where(data: bytes, path: str) -> tuple[int | None, int | None, str | None]:
    position = x12_309.read(data).source_maps[0].positions[path]
    return position.line, position.column, position.location


def _breaks(data: bytes, style: str) -> bytes:
    return data.replace(b"\n", style.encode())


# (line breaks after each terminator, model path, line, column, location); ISA is line 1, M11 line 7, N10 line 9.
# Without line breaks everything is on line 1: M11 starts at column 246 and N10 at column 327.
PATHS = [
    ("\n", "consignments[0].gross_weight", 7, 33, "M11-05"),
    ("\r\n", "consignments[0].gross_weight", 7, 33, "M11-05"),
    ("", "consignments[0].gross_weight", 1, 278, "M11-05"),
    ("\n", "consignments[0].goods[0].gross_weight", 9, 44, "N10-08"),
    ("\r\n", "consignments[0].goods[0].gross_weight", 9, 44, "N10-08"),
    ("", "consignments[0].goods[0].gross_weight", 1, 370, "N10-08"),
    ("\r\n", "consignments[0].equipment[0].seals[0]", 8, 21, "VID-04"),
    ("\r\n", "office_of_entry", 5, 4, "P4-01"),
    ("\r\n", "carrier.scac", 4, 5, "M10-01"),
]


@pytest.mark.parametrize(("style", "path", "line", "column", "location"), PATHS)
def test_source_map_positions(style: str, path: str, line: int, column: int, location: str) -> None:
    assert _where(_breaks(minimal_309(), style), path) == (line, column, location)


@pytest.mark.parametrize(
    ("style", "expected"),
    [("\n", ("X12104", 7, 33, "M11-05")), ("\r\n", ("X12104", 7, 33, "M11-05")), ("", ("X12104", 1, 278, "M11-05"))],
)
def test_finding_positions(style: str, expected: tuple[str, int, int, str]) -> None:
    assert _spots(_breaks(interchange(*HEAD, *BAD_WEIGHT), style)) == [expected]


def test_line_break_inside_a_segment_moves_the_elements_after_it() -> None:
    # A line break inside M11 after M11-03 (which it makes not a number) puts M11-05 on the next line, column 6.
    bill = (BILL[0], BILL[1].replace("*2400*CTN*38400*K", "*2400\r\n*CTN*38A00*K"), *BILL[2:])
    data = interchange(*HEAD, *bill)
    assert _spots(data) == [("X12104", 7, 24, "M11-03"), ("X12104", 8, 6, "M11-05")]
    # The segments after it are one line further down.
    assert _where(data, "consignments[0].goods[0].gross_weight") == (10, 44, "N10-08")


def _many_bills(count: int, faulty: int, style: str = "\n") -> bytes:
    body: list[str] = []
    for n in range(count):
        _, m11, vid, n10 = BAD_WEIGHT if n == faulty else BILL
        body += [f"LX*{n + 1}", m11.replace("MAEU26478120", f"MAEU{n:08d}"), vid, n10]
    return _breaks(interchange(*HEAD, *body), style)


@pytest.mark.parametrize("style", ["\n", "\r\n"])
def test_a_fault_in_the_thousandth_bill(style: str) -> None:
    # Each bill is four lines after the six of ISA, GS, ST, M10, P4: the M11 of bill n (0-based) is on line 7 + 4n.
    data = _many_bills(1200, 999, style)
    assert _spots(data) == [("X12104", 4003, 33, "M11-05")]
    document = x12_309.read(data)
    positions = document.source_maps[0].positions
    assert positions["consignments[999].document_number"].line == 4003
    assert positions["consignments[1199].goods[0].gross_weight"].line == 7 + 4 * 1199 + 2
    assert document.manifests[0].consignments[999].document_number == "MAEU00000999"


def test_streamed_positions_are_those_of_the_whole_read() -> None:
    # Large enough for several 64 KiB blocks, so bills straddle block boundaries.
    data = _many_bills(1500, 1400, "\r\n")
    whole = x12_309.read(data)
    items = list(x12_309.stream(io.BytesIO(data)))
    chunks = [item for item in items if isinstance(item, ConsignmentChunk)]
    assert len(chunks) == 1500
    findings = [(d.code, d.line, d.column, d.location) for d in items if not isinstance(d, ConsignmentChunk)]
    assert findings == [(d.code, d.line, d.column, d.location) for d in whole.diagnostics]
    positions = whole.source_maps[0].positions
    listed = dict(positions.items())
    assert len(listed) == len(positions) and listed["consignments[1400].document_number"].line == 7 + 4 * 1400
    for chunk in chunks[::97]:
        for path, position in chunk.source_map.positions.items():
            assert positions[path] == position


def test_hazardous_material_positions_are_under_their_consignment() -> None:
    document = x12_309.read((SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309").read_bytes())
    positions = document.source_maps[0].positions
    assert document.manifests[0].consignments[1].goods[1].hazardous[0].un_number == "3481"
    assert positions["consignments[1].goods[1].hazardous[0].un_number"] == Position(37, 4, "H1-01")
    assert not any(path.startswith("goods[") for path in positions)


def test_values_kept_in_extensions_are_found_at_their_elements() -> None:
    """A value with no model field is kept in the extensions of the object it belongs to; a conversion that leaves
    it behind names it at its own element."""
    data = interchange(
        *HEAD,
        "LX*1",
        "M11*MAEU26478120*20195*2400*CTN*38400*K***A",
        "N9*BM*B1*FREE TEXT",
        "N1*SH*SHIPPER*ZZ*12345",
        "N3*1 MAIN ST*SUITE 2",
        "N3*BUILDING 3",
        "VID*CN*MSKU*1234565*ML4471203****45G1*L",
        "N10*1200*TEQUILA*NO MARKS*J*220890*96000*K*19200**CTN",
    )
    source_map = x12_309.read(data).source_maps[0]
    for path, location in (
        ("consignments[0].extensions[x12.M11.09]", "M11-09"),
        ("consignments[0].references[0].extensions[x12.N9.03]", "N9-03"),
        ("consignments[0].parties[0].extensions[x12.N1.03]", "N1-03"),
        ("consignments[0].parties[0].address.extensions[x12.N3.02]", "N3-02"),
        ("consignments[0].parties[0].address.extensions[x12.N3.2.01]", "N3-01"),
        ("extensions[x12.M10.07]", "M10-07"),
    ):
        found = source_map.locate(path)
        assert found is not None and found.location == location, path
