"""The closure property checks the file convert wrote: a writer run again over the same models gives the same file
but for an envelope's clock (an X12 ISA09/ISA10 states the minute it was written in), so the check holds when the
minute turns between the two."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

import pytest

from tests import closure
from tests.conftest import SAMPLES


class _EachCallAMinuteLater(datetime):
    calls = 0

    @classmethod
    def now(cls, tz: tzinfo | None = None) -> _EachCallAMinuteLater:
        cls.calls += 1
        return cls(2026, 12, 6, 3, 59) + timedelta(minutes=cls.calls)


def test_a_rerun_of_the_writer_a_minute_later_does_not_fail_the_check(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("manifest.formats.x12.write309.datetime", _EachCallAMinuteLater)
    source = SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.cuscar"
    assert closure.unexplained(source.read_bytes(), str(source), "x12-309") == []
    assert _EachCallAMinuteLater.calls >= 2
