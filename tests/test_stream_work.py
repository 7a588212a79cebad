"""A streamed validation does work in proportion to the file: the fields of the manifest (a 358's list of cars) are
checked once, at its end, not again with every consignment that goes by."""

from __future__ import annotations

import io

import pytest

from benchmarks import replicate
from manifest import api
from tests.conftest import SAMPLES
from tests.rule_checks import counted_checks

CONSIST = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.358"


def _consist(copies: int) -> bytes:
    (template,) = api.read(CONSIST.read_bytes()).manifests
    return api.write([replicate.grow(template, copies)], "x12-358").data


def _checks_of_a_stream(data: bytes, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many fields the rules look at while the consist is validated as a stream."""
    reports = []
    count = counted_checks(monkeypatch, lambda: reports.append(api.validate_stream(io.BytesIO(data))))
    assert reports[0].diagnostics == api.validate(data).diagnostics
    return count


def test_a_streamed_consist_checks_its_cars_once_not_once_per_consignment(monkeypatch: pytest.MonkeyPatch) -> None:
    small = _checks_of_a_stream(_consist(20), monkeypatch)
    large = _checks_of_a_stream(_consist(40), monkeypatch)
    # Twice the cars in one consist: twice the checks (each car's header entry and its consignment), where checking
    # the header's cars with every consignment made four times as many.
    assert large <= 2.2 * small, (small, large)
