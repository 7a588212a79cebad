"""A streamed validation does work in proportion to the file: the fields of the manifest (a 358's list of cars) are
checked once, at its end, not again with every consignment that goes by."""

from __future__ import annotations

import io
from collections.abc import Iterator

import pytest

from benchmarks import replicate
from manifest import api
from manifest.requirements import checks
from manifest.requirements.check_context import Context, Finding, Params
from manifest.requirements.paths import Item
from tests.conftest import SAMPLES

CONSIST = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.358"


def _consist(copies: int) -> bytes:
    (template,) = api.read(CONSIST.read_bytes()).manifests
    return api.write([replicate.grow(template, copies)], "x12-358").data


def _checks_of_a_stream(data: bytes, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many fields the rules look at while the consist is validated as a stream."""
    count = 0
    with monkeypatch.context() as patched:
        for kind, check in list(checks.KINDS.items()):

            def counted(context: Context, item: Item, params: Params, check: checks.Check = check) -> Iterator[Finding]:
                nonlocal count
                count += 1
                return check(context, item, params)

            patched.setitem(checks.KINDS, kind, counted)
        report = api.validate_stream(io.BytesIO(data))
    assert report.diagnostics == api.validate(data).diagnostics
    return count


def test_a_streamed_consist_checks_its_cars_once_not_once_per_consignment(monkeypatch: pytest.MonkeyPatch) -> None:
    small = _checks_of_a_stream(_consist(20), monkeypatch)
    large = _checks_of_a_stream(_consist(40), monkeypatch)
    # Twice the cars in one consist: twice the checks (each car's header entry and its consignment), where checking
    # the header's cars with every consignment made four times as many.
    assert large <= 2.2 * small, (small, large)
