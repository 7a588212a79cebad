"""DTM date/time/period formats (UNCL 2379) in a CUSCAR: read, kept, or reported for what they are."""

from __future__ import annotations

import pytest

from manifest.diagnostics import Severity
from manifest.formats import cuscar
from manifest.formats.edifact.dates import FORMAT_CODES, is_time_of_day

_ENVELOPE = "UNB+UNOC:3+SENDER+RECEIVER+040127:0730+1'UNH+1+CUSCAR:D:99B:UN'BGM+85+1+9'{dtm}UNT+{count}+1'UNZ+1+1'"


def _with(*dtms: str) -> bytes:
    return _ENVELOPE.format(dtm="".join(dtms), count=3 + len(dtms)).encode()


def _dates(data: bytes) -> list[tuple[str, Severity, str | None]]:
    return [(d.code, d.severity, d.location) for d in cuscar.read(data).diagnostics if d.code.startswith("CUS")]


@pytest.mark.parametrize(("value", "fmt"), [("0700", "401"), ("2359", "401"), ("000000", "402"), ("235959", "402")])
def test_a_time_of_day_is_valid_and_kept_as_it_came(value: str, fmt: str) -> None:
    data = _with("DTM+132:20040127:102'", f"DTM+132:{value}:{fmt}'")
    assert _dates(data) == []
    assert f"DTM+132:{value}:{fmt}'".encode() in cuscar.write(cuscar.read(data).manifests).data


@pytest.mark.parametrize(("value", "fmt"), [("2400", "401"), ("0760", "401"), ("07000", "401"), ("120061", "402")])
def test_a_time_that_is_not_one_is_an_error(value: str, fmt: str) -> None:
    assert _dates(_with(f"DTM+132:{value}:{fmt}'")) == [("CUS005", Severity.ERROR, "DTM(4)-01-2")]


def test_a_format_of_uncl_2379_that_is_not_read_is_said_as_information() -> None:
    # 718, CCYYMMDD-CCYYMMDD: a period, which no model field holds.
    data = _with("DTM+132:2004012720040130:718'")
    assert _dates(data) == [("CUS014", Severity.INFO, "DTM(4)-01-2")]
    assert b"DTM+132:2004012720040130:718'" in cuscar.write(cuscar.read(data).manifests).data


@pytest.mark.parametrize("fmt", ["9", "263", "ABC"])
def test_a_format_code_outside_uncl_2379_is_an_error_at_the_code(fmt: str) -> None:
    assert _dates(_with(f"DTM+132:20040127:{fmt}'")) == [("CUS011", Severity.ERROR, "DTM(4)-01-3")]


def test_a_date_not_valid_in_a_format_read_is_still_an_error() -> None:
    assert _dates(_with("DTM+132:20041327:102'")) == [("CUS005", Severity.ERROR, "DTM(4)-01-2")]


def test_the_code_list_holds_the_formats_read() -> None:
    assert {"101", "102", "201", "203", "204", "401", "402", "2"} <= FORMAT_CODES
    assert not is_time_of_day("0700", "102") and is_time_of_day("0700", "401")
