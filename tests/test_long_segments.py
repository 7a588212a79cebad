"""A segment (X12, CUSCAR) or a line (Cargo-IMP) longer than any the standards allow is reported where it starts and
passed over: the reader goes on with what follows, holds none of it, and searches each character a bounded number of
times, so that a file of one endless segment is read in linear time and bounded memory.

No test times anything. Bounded memory is measured with tracemalloc; linear work follows from it, because the
text a reader holds back is all it ever searches again: held text that stays under a fixed bound while a segment
doubles means each further block costs the same. A whole read and a streamed read give the same findings.
"""

from __future__ import annotations

import io
import tracemalloc
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date

import pytest

from manifest import api
from manifest.diagnostics import Diagnostic
from manifest.formats import cargo_imp, cuscar, x12_309
from manifest.formats.cargo_imp import lines as imp_lines
from manifest.formats.cargo_imp.lines import ControlScan
from manifest.formats.edifact import tokenizer as edifact_tokenizer
from manifest.formats.edifact.segments import Segment as EdifactSegment
from manifest.formats.edifact.syntax import Delimiters as EdifactDelimiters
from manifest.formats.readers import LONGEST_READ
from manifest.formats.x12 import tokens
from manifest.formats.x12.delimiters import Delimiters
from manifest.formats.x12.dictionary import dictionary_for
from tests.conftest import SAMPLES
from tests.x12_helpers import HEAD, interchange

MB = 1 << 20


@contextmanager
def peak() -> Iterator[Callable[[], int]]:
    """The peak of what Python allocates inside the block, read after it."""
    tracemalloc.start()
    found: list[int] = []
    try:
        yield lambda: found[0]
        found.append(tracemalloc.get_traced_memory()[1])
    finally:
        tracemalloc.stop()


def findings(report: api.FileReport) -> list[tuple[str, int | None, int | None, str]]:
    return [(d.code, d.line, d.column, d.message()) for d in report.diagnostics]


def whole_and_streamed(data: bytes, name: str) -> list[tuple[str, int | None, int | None, str]]:
    """The findings of a whole read, checked to be those of a streamed read."""
    whole = findings(api.validate(data, format=name))
    assert findings(api.validate_stream(io.BytesIO(data), format=name)) == whole
    return whole


# -- X12 ----------------------------------------------------------------------------------------------------------


def x12_with_long_n9(length: int) -> bytes:
    """A 309 whose bill has an N9 of ``length`` characters on line 8, followed by an N9 that is read."""
    n9 = "N9*ZF*" + "A" * (length - len("N9*ZF*"))
    return interchange(*HEAD, "LX*1", "M11*MAEU1*20195*10*CTN*100*K", n9, "N9*ZF*RB1234", "VID*CN*MSKU*1234565")


def test_the_bound_leaves_every_x12_segment_untouched() -> None:
    """Every segment of the bundled dictionaries, each element at its maximum length, is far below the bound."""
    for version in ("004010", "004040"):
        dictionary = dictionary_for(version)
        assert dictionary is not None
        longest = max(len(spec.tag) + sum(e.max + 1 for e in spec.elements) for spec in dictionary.values())
        assert longest == 340  # PER, as readers.LONGEST_READ says
        assert longest * 100 < LONGEST_READ


@pytest.mark.parametrize("extra", [0, 1, MB])
def test_an_x12_segment_over_the_bound_is_reported_and_the_next_one_read(extra: int) -> None:
    data = x12_with_long_n9(LONGEST_READ + extra)
    found = whole_and_streamed(data, "x12-309")
    unread = [f for f in found if f[0] == "X12015"]
    if not extra:
        assert not unread  # at the bound: read, and judged by the dictionary
        assert ("X12103", 8, 7) in [f[:3] for f in found]  # N9-02 too long
        return
    assert [f[:3] for f in unread] == [("X12015", 8, 1)]
    assert f"segment N9 is {LONGEST_READ + extra} characters long" in unread[0][3]
    # Nothing else is said of it: it still counts among the set's segments (SE01) and the bill goes on.
    assert [f for f in found if f[0] != "X12015" and f[1] == 8] == []
    assert "X12005" not in [f[0] for f in found]
    (bill,) = x12_309.read(data).manifests[0].consignments
    assert [r.value for r in bill.references] == ["RB1234"]
    assert bill.equipment[0].number == "1234565"


def test_an_x12_segment_over_the_bound_in_the_middle_of_a_line_is_found_at_its_column() -> None:
    one_line = x12_with_long_n9(2 * LONGEST_READ).replace(b"\n", b"")
    found = whole_and_streamed(one_line, "x12-309")
    column = one_line.index(b"N9*ZF*AAA") + 1
    assert ("X12015", 1, column) in [f[:3] for f in found]


def test_an_endless_last_x12_segment_is_reported_once_with_its_missing_terminator() -> None:
    data = x12_with_long_n9(100).rstrip(b"\n") + b"\nN9*ZF*" + b"B" * (2 * LONGEST_READ)
    found = whole_and_streamed(data, "x12-309")
    last = data.count(b"\n") + 1
    assert [f[:3] for f in found if f[1] == last] == [("X12011", last, 1), ("X12015", last, 1)]


def test_padding_over_the_bound_after_the_last_x12_segment_is_no_segment() -> None:
    data = x12_with_long_n9(100) + b" \r\n" * LONGEST_READ
    assert whole_and_streamed(data, "x12-309") == whole_and_streamed(x12_with_long_n9(100), "x12-309")


def test_a_64_mib_x12_segment_streams_in_bounded_memory() -> None:
    """The issue's case: one 64 MiB segment. The stream holds at most the bound and a block of it."""
    data = x12_with_long_n9(64 * MB)
    api.validate_stream(io.BytesIO(x12_with_long_n9(100)), format="x12-309")  # the dictionaries, loaded once
    with peak() as peaked:
        report = api.validate_stream(io.BytesIO(data), format="x12-309")
    assert peaked() < 8 * MB
    assert [f[:3] for f in findings(report) if f[0] == "X12015"] == [("X12015", 8, 1)]


def test_the_x12_stream_holds_the_same_for_a_segment_twice_as_long() -> None:
    def streamed_peak(length: int) -> int:
        source = io.BytesIO(x12_with_long_n9(length))
        with peak() as peaked:
            api.validate_stream(source, format="x12-309")
        return peaked()

    streamed_peak(100)
    single, double = streamed_peak(8 * MB), streamed_peak(16 * MB)
    assert double < single + MB < 4 * MB


DELIMITERS = Delimiters("*", ">", "~")
TEXT = "ISA*1~\nAB*" + "x" * 40 + "~\r\n\nCD*1~" + "y" * 41 + "~EF*2~\n" + "z\n" * 30 + "~GH*" + "w" * 50


def _cut(text: str, size: int) -> tuple[list[tuple[list[str], int, int, int, int]], list[tuple[str, int, int]]]:
    """The segments and findings of ``text`` fed ``size`` characters at a time (all of it when 0)."""
    tokenizer = tokens.Tokenizer(DELIMITERS)
    segments: list[tokens.Segment] = []
    for at in range(0, len(text), size or len(text)):
        segments.extend(tokenizer.feed(text[at : at + (size or len(text))]))
    segments.extend(tokenizer.finish())
    cut = [(s.elements, s.offset, s.number, s.line, s.column) for s in segments]
    return cut, [(d.code, d.line or 0, d.column or 0) for d in tokenizer.diagnostics]


@pytest.mark.parametrize("size", [1, 2, 7, 40, 64])
def test_x12_segments_over_the_bound_are_cut_alike_in_any_pieces(size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tokens, "LONGEST_READ", 40)
    monkeypatch.setattr(tokens, "WINDOW", 16)  # a segment longer than the bound is always longer than the window
    whole = _cut(TEXT, 0)
    assert _cut(TEXT, size) == whole
    segments, found = whole
    assert [s[0] for s in segments] == [["ISA", "1"], ["AB"], ["CD", "1"], ["y" * 10], ["EF", "2"], ["z\n" * 5], ["GH"]]
    assert found == [("X12015", 2, 1), ("X12015", 4, 6), ("X12015", 5, 1), ("X12015", 35, 2), ("X12011", 35, 2)]


# -- EDIFACT (CUSCAR) ---------------------------------------------------------------------------------------------

CUSCAR = SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.cuscar"
FTX = b"FTX+AAA+++TEQUILA 100 PCT AGAVE IN BOTTLES'"


def cuscar_with_long_ftx(length: int) -> bytes:
    """The CUSCAR sample with the goods description of its first consignment (FTX, line 31) ``length`` long."""
    data = CUSCAR.read_bytes()
    assert data.count(FTX) == 1
    return data.replace(FTX, b"FTX+AAA+++" + b"T" * (length - len(b"FTX+AAA+++")) + b"'")


@pytest.mark.parametrize("extra", [0, 1, MB])
def test_a_cuscar_segment_over_the_bound_is_reported_and_the_next_one_read(extra: int) -> None:
    data = cuscar_with_long_ftx(LONGEST_READ + extra)
    found = whole_and_streamed(data, "cuscar")
    unread = [f for f in found if f[0] == "EDI021"]
    if not extra:
        assert not unread
        return
    assert [f[:3] for f in unread] == [("EDI021", 31, 1)]
    assert f"segment FTX is {LONGEST_READ + extra} characters long" in unread[0][3]
    document = cuscar.read(data)
    # It keeps its ordinal (UNT counts it, and the later segments keep their numbers), and the message goes on.
    assert [(d.code, d.location) for d in document.diagnostics] == [("EDI021", "FTX(30)")]
    clean = cuscar.read(CUSCAR.read_bytes()).manifests[0].consignments
    first, second = document.manifests[0].consignments[:2]
    assert first.gross_weight == clean[0].gross_weight
    assert second == clean[1]


def test_an_endless_last_cuscar_segment_is_reported_once_with_its_missing_terminator() -> None:
    # Every terminator in it is escaped.
    data = CUSCAR.read_bytes().rstrip(b"\r\n") + b"\nFTX+AAA+++" + b"?'" * (LONGEST_READ // 2)
    found = whole_and_streamed(data, "cuscar")
    last = data.count(b"\n") + 1
    assert [f[:3] for f in found if f[1] == last] == [("EDI007", last, 1), ("EDI021", last, 1)]


def test_a_64_mib_cuscar_segment_streams_in_bounded_memory() -> None:
    source = io.BytesIO(cuscar_with_long_ftx(64 * MB))
    api.validate_stream(io.BytesIO(CUSCAR.read_bytes()), format="cuscar")
    with peak() as peaked:
        report = api.validate_stream(source, format="cuscar")
    assert peaked() < 8 * MB
    assert [f[:3] for f in findings(report) if f[0] == "EDI021"] == [("EDI021", 31, 1)]


def test_the_cuscar_stream_holds_the_same_for_a_segment_twice_as_long() -> None:
    def streamed_peak(length: int) -> int:
        source = io.BytesIO(cuscar_with_long_ftx(length))
        with peak() as peaked:
            api.validate_stream(source, format="cuscar")
        return peaked()

    streamed_peak(100)
    single, double = streamed_peak(8 * MB), streamed_peak(16 * MB)
    assert double < single + MB < 4 * MB


# Release characters (?) escape terminators on either side of a piece's edge and inside segments passed over.
EDIFACT_TEXT = (
    "UNH+1'\nFTX+" + "a?'" * 15 + "'\r\nBGM+2??'DTM+" + "?" * 40 + "'\n\nNAD+x\ny'RFF+" + "b" * 50 + "?'" + "c\n" * 20
)


def _edifact(text: str, size: int) -> tuple[list[tuple[str, list[list[str]], int, int, int]], list[tuple[str, ...]]]:
    tokenizer = edifact_tokenizer.Tokenizer(EdifactDelimiters())
    segments: list[EdifactSegment] = []
    for at in range(0, len(text), size or len(text)):
        segments.extend(tokenizer.feed(text[at : at + (size or len(text))]))
    segments.extend(tokenizer.finish())
    cut = [(s.tag, s.elements, s.line, s.column, s.number) for s in segments]
    return cut, [(d.code, str(d.line), str(d.column), d.location or "") for d in tokenizer.diagnostics]


@pytest.mark.parametrize("size", [1, 2, 3, 7, 40, 64])
def test_edifact_segments_over_the_bound_are_cut_alike_in_any_pieces(
    size: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(edifact_tokenizer, "LONGEST_READ", 40)
    whole = _edifact(EDIFACT_TEXT, 0)
    assert _edifact(EDIFACT_TEXT, size) == whole
    segments, found = whole
    assert [(tag, line, column, number) for tag, _, line, column, number in segments] == [
        ("UNH", 1, 1, 1),
        ("BGM", 3, 1, 3),
        ("NAD", 5, 1, 5),
    ]
    assert found == [
        ("EDI021", "2", "1", "FTX(2)"),
        ("EDI021", "3", "9", "DTM(4)"),
        ("EDI021", "6", "3", "RFF(6)"),
        ("EDI007", "6", "3", "RFF(6)"),
    ]


# -- Cargo-IMP ----------------------------------------------------------------------------------------------------

FWB = SAMPLES / "air" / "northbound-flight-am0642-awb-139-12345675.fwb"
ON = date(2026, 11, 27)


def fwb_with_long_line(length: int) -> bytes:
    """The FWB sample with a line of ``length`` characters inserted as line 5, after its routing."""
    data = FWB.read_bytes()
    at = data.index(b"RTG/LAXAM\r\n") + len(b"RTG/LAXAM\r\n")
    return data[:at] + b"SSR/" + b"X" * (length - 4) + b"\r\n" + data[at:]


@pytest.mark.parametrize("extra", [0, 1, MB])
def test_a_cargo_imp_line_over_the_bound_is_reported_and_the_next_one_read(extra: int) -> None:
    data = fwb_with_long_line(LONGEST_READ + extra)
    found = whole_and_streamed(data, "cargo-imp")
    unread = [f for f in found if f[0] == "IMP020"]
    if not extra:
        assert not unread
        assert ("IMP011", 5, 70) in [f[:3] for f in found]  # read, and too long for a Cargo-IMP line
        return
    assert [f[:3] for f in unread] == [("IMP020", 5, 1)]
    assert f"the line has {LONGEST_READ + extra} characters" in unread[0][3]
    # As if the line were not there: the same manifest, the same findings (a line further on).
    document, clean = cargo_imp.read_at(data, ON), cargo_imp.read_at(FWB.read_bytes(), ON)
    assert document.manifests == clean.manifests
    moved = [(d.code, d.line if d.line is None or d.line < 5 else d.line + 1) for d in clean.diagnostics]
    assert [(d.code, d.line) for d in document.diagnostics] == [("IMP020", 5), *moved]


def test_an_endless_last_cargo_imp_line_is_reported() -> None:
    data = FWB.read_bytes() + b"OSI/" + b"Y" * (2 * LONGEST_READ)
    found = whole_and_streamed(data, "cargo-imp")
    last = data.count(b"\n") + 1
    assert [f[:3] for f in found if f[1] == last] == [("IMP020", last, 1)]


def test_a_64_mib_cargo_imp_line_streams_in_bounded_memory() -> None:
    source = io.BytesIO(fwb_with_long_line(64 * MB))
    api.validate_stream(io.BytesIO(FWB.read_bytes()), format="cargo-imp")
    with peak() as peaked:
        report = api.validate_stream(source, format="cargo-imp")
    assert peaked() < 8 * MB
    assert [f[:3] for f in findings(report) if f[0] == "IMP020"] == [("IMP020", 5, 1)]


def test_the_cargo_imp_stream_holds_the_same_for_a_line_twice_as_long() -> None:
    def streamed_peak(length: int) -> int:
        source = io.BytesIO(fwb_with_long_line(length))
        with peak() as peaked:
            api.validate_stream(source, format="cargo-imp")
        return peaked()

    streamed_peak(100)
    single, double = streamed_peak(8 * MB), streamed_peak(16 * MB)
    assert double < single + MB < 4 * MB


# Every kind of line break, one split across the edge of two blocks, lines over the bound (40) among them.
IMP_TEXT = "FWB/16\r\n" + "A" * 41 + "\r\nB\rC\n\n" + "D" * 40 + "\r" + "\r\n" + "E" * 39 + "\n" + "F" * 45


@pytest.mark.parametrize("block", [1, 2, 3, 7, 40, 64])
def test_cargo_imp_lines_over_the_bound_are_cut_alike_in_any_blocks(
    block: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imp_lines, "LONGEST_READ", 40)
    monkeypatch.setattr(imp_lines, "_BLOCK", block)
    whole: list[Diagnostic] = []
    lines = [(line.number, line.text) for line in imp_lines.split_lines(IMP_TEXT, whole)]
    streamed: list[Diagnostic] = []
    source = io.BytesIO(IMP_TEXT.encode())
    assert [(line.number, line.text) for line in imp_lines.read_lines(source, ControlScan(), streamed)] == lines
    assert lines == [(1, "FWB/16"), (3, "B"), (4, "C"), (5, ""), (6, "D" * 40), (7, ""), (8, "E" * 39)]
    assert [(d.code, d.line, d.args["length"]) for d in streamed] == [("IMP020", 2, "41"), ("IMP020", 9, "45")]
    assert streamed == whole
