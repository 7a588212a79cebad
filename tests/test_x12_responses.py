"""CBP's 355 and 350 are read as responses: the verdict and its reasons are findings of the response, at the segment
that gives them."""

from __future__ import annotations

import pytest

from manifest.diagnostics import Severity
from manifest.formats import x12_309

HEAD = (
    "ISA*00*          *00*          *ZZ*CBPACE         *ZZ*LRDY           *261205*0701*^*00406*000000902*0*P*>~\n"
    "GS*AQ*CBPACE*LRDY*20261205*0701*902*X*004060~\n"
)


def _interchange(set_id: str, *body: str) -> bytes:
    segments = [f"ST*{set_id}*0001~", *body]
    tail = f"SE*{len(segments) + 1}*0001~\nGE*1*902~\nIEA*1*000000902~\n"
    return (HEAD + "\n".join(segments) + "\n" + tail).encode()


def _said(data: bytes) -> list[tuple[str, Severity, int | None, str | None]]:
    document = x12_309.read(data)
    assert document.manifests == ()
    return [(d.code, d.severity, d.line, d.location) for d in document.diagnostics]


def test_an_acceptance_is_an_info_at_the_verdict() -> None:
    data = _interchange("355", "M10*LRDY*J****LRDY0731~", "AK1*AQ*731~", "AK9*A*1*1*1~")
    assert _said(data) == [("X12501", Severity.INFO, 6, "AK9-01")]
    message = x12_309.read(data).diagnostics[0].message()
    assert "LRDY LRDY0731" in message and "1 of 1" in message


def test_a_rejection_is_an_error_with_cbps_reasons() -> None:
    data = _interchange(
        "355",
        "M10*LRDY*J****LRDY0731~",
        "K1*DRIVER NOT ON FILE~",
        "AK1*AQ*731~",
        "AK9*R*1*1*0~",
        "AK2*358*7310001~",
        "AK3*NM1*4**8~",
        "AK5*R*5~",
    )
    (found,) = x12_309.read(data).diagnostics
    assert (found.code, found.severity, found.line, found.location) == ("X12503", Severity.ERROR, 7, "AK9-01")
    assert "DRIVER NOT ON FILE" in found.message() and "segment NM1 at position 4" in found.message()
    assert "DRIVER NOT ON FILE" in found.message("es")


@pytest.mark.parametrize(("code", "expected"), [("E", "X12502"), ("P", "X12502"), ("R", "X12503")])
def test_a_verdict_given_by_the_sets_alone(code: str, expected: str) -> None:
    data = _interchange("355", "M10*LRDY*J~", "AK1*AQ*731~", "AK2*309*7310001~", f"AK5*{code}~")
    assert [(c, line) for c, _, line, _ in _said(data)] == [(expected, 7)]


def test_a_355_without_a_verdict_is_an_error() -> None:
    data = _interchange("355", "M10*LRDY*J~", "AK1*AQ*731~")
    assert _said(data) == [("X12504", Severity.ERROR, 6, "SE")]


def test_a_status_notification_lists_its_events() -> None:
    data = _interchange(
        "350", "M10*LRDY*J****LRDY0731~", "P4*2304*20261205~", "V9*ARR*ARRIVED*20261205~", "K1*RELEASED~"
    )
    (found,) = x12_309.read(data).diagnostics
    assert (found.code, found.severity) == ("X12505", Severity.INFO)
    assert "ARRIVED (20261205)" in found.message() and "RELEASED" in found.message()


def test_a_segment_out_of_place_in_a_response_is_reported() -> None:
    data = _interchange("355", "M10*LRDY*J~", "AK9*A*1*1*1~", "LX*1~")
    codes = [code for code, *_ in _said(data)]
    assert "X12501" in codes and any(code.startswith("X122") for code in codes)
