"""Each envelope fault of X12.5, reported once with its position; and input that is not X12 at all."""

from __future__ import annotations

import pytest

from manifest.diagnostics import ParseError
from manifest.formats import x12_309
from tests.x12_helpers import BILL, HEAD, ISA_4010, interchange, minimal_309


def _codes(data: bytes) -> list[tuple[str, int | None, str | None]]:
    return [(d.code, d.line, d.location) for d in x12_309.read(data).diagnostics]


def test_a_clean_interchange_has_no_finding() -> None:
    assert _codes(minimal_309()) == []


def test_isa_not_fixed_width_is_reported_but_read() -> None:
    isa = ISA_4010.replace("SENDER         ", "SENDER")
    data = interchange(*HEAD, *BILL, isa=isa)
    assert _codes(data) == [("X12002", 1, "ISA06")]
    assert x12_309.read(data).manifests[0].extensions["x12.ISA.06"] == "SENDER"


def test_iea02_must_repeat_isa13() -> None:
    assert _codes(interchange(*HEAD, *BILL, iea="IEA*1*000000008")) == [("X12004", 12, "IEA-02")]


def test_ge02_must_repeat_gs06() -> None:
    assert _codes(interchange(*HEAD, *BILL, ge="GE*1*8")) == [("X12004", 11, "GE-02")]


def test_se02_must_repeat_st02() -> None:
    assert _codes(interchange(*HEAD, *BILL, se_control="0002")) == [("X12004", 10, "SE-02")]


def test_se01_counts_the_segments_of_the_set() -> None:
    document = x12_309.read(interchange(*HEAD, *BILL, se_count=99))
    (finding,) = document.diagnostics
    assert (finding.code, finding.line, finding.location) == ("X12005", 10, "SE-01")
    assert finding.args["actual"] == "8"


def test_ge01_counts_the_sets() -> None:
    assert _codes(interchange(*HEAD, *BILL, ge="GE*2*7")) == [("X12005", 11, "GE-01")]


def test_iea01_counts_the_groups() -> None:
    assert _codes(interchange(*HEAD, *BILL, iea="IEA*3*000000007")) == [("X12005", 12, "IEA-01")]


def test_gs08_must_be_of_the_isa12_version() -> None:
    assert _codes(interchange(*HEAD, *BILL, version="005010")) == [
        ("X12008", 2, "GS-08"),
        ("X12013", 2, "GS-08"),
    ]


def test_missing_trailers_are_reported_at_their_headers() -> None:
    text = minimal_309().decode().split("SE*")[0].encode()
    assert _codes(text) == [("X12006", 3, "ST"), ("X12006", 2, "GS"), ("X12006", 1, "ISA")]


def test_repetition_separator_from_00402() -> None:
    isa = ISA_4010.replace("*U*00401*", "*U*00404*")
    assert ("X12009", 1, "ISA-11") in _codes(interchange(*HEAD, *BILL, isa=isa, version="004040"))


def test_segments_outside_a_set_and_empty_segments() -> None:
    text = minimal_309().decode().replace("GE*1*7~", "LX*9~~GE*1*7~")
    assert [c for c, _, _ in _codes(text.encode())] == ["X12014", "X12010"]


def test_a_last_segment_without_terminator_is_read() -> None:
    text = minimal_309().decode().rstrip().rstrip("~")
    assert _codes(text.encode()) == [("X12011", 12, "IEA")]


def test_latin1_is_read_and_reported() -> None:
    data = minimal_309().replace(b"TEQUILA", b"TEQUILA A\xd1EJO")
    document = x12_309.read(data)
    assert [d.code for d in document.diagnostics] == ["X12003"]
    assert document.manifests[0].consignments[0].goods[0].description == "TEQUILA AÑEJO"


@pytest.mark.parametrize("data", [b"", b"UNA:+.? '", b"ISA", b"ISA*00*", b"ISA1" + b" " * 200])
def test_not_an_interchange_is_a_parse_error(data: bytes) -> None:
    with pytest.raises(ParseError):
        x12_309.read(data)


@pytest.mark.parametrize(
    ("date", "time", "expected"),
    [
        ("040709", "3339", [("X12106", 1, "ISA-10", "HHMM")]),  # pyx12's ele.txt: hour 33
        ("261127", "1260", [("X12106", 1, "ISA-10", "HHMM")]),
        ("261127", "12AM", [("X12106", 1, "ISA-10", "HHMM")]),
        ("261327", "1200", [("X12105", 1, "ISA-09", "YYMMDD")]),
        ("260230", "2400", [("X12105", 1, "ISA-09", "YYMMDD"), ("X12106", 1, "ISA-10", "HHMM")]),
        ("280229", "2359", []),
        ("000101", "0000", []),
    ],
)
def test_isa09_and_isa10_are_a_yymmdd_date_and_an_hhmm_time(date: str, time: str, expected: list[object]) -> None:
    isa = ISA_4010.replace("*261127*1200*", f"*{date}*{time}*")
    document = x12_309.read(interchange(*HEAD, *BILL, isa=isa))
    found = [(d.code, d.line, d.location, d.args["format"]) for d in document.diagnostics]
    assert found == expected
    for finding in document.diagnostics:
        assert finding.column == isa.index(f"*{date}*{time}*") + 2 + (7 if finding.location == "ISA-10" else 0)


def test_a_gs_date_and_time_are_checked_as_ccyymmdd_and_hhmm() -> None:
    data = interchange(*HEAD, *BILL).replace(b"*20261127*1200*7*", b"*20261131*2500*7*")
    found = [(d.code, d.location, d.args["format"]) for d in x12_309.read(data).diagnostics]
    assert found == [("X12105", "GS-04", "CCYYMMDD"), ("X12106", "GS-05", "HHMM[SS[d..]]")]
