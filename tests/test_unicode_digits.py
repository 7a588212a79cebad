"""Unicode digits that are not 0-9 (superscripts, Arabic-Indic digits) in numeric fields are reported as bad
values, never passed to int() (``"²".isdigit()`` is true, ``int("²")`` raises)."""

from __future__ import annotations

import pytest

from manifest.api import read
from manifest.diagnostics import Severity
from tests.conftest import SAMPLES

CASES = [
    ("maritime/northbound-vessel-maersk-kensington-647n.cuscar", "GID+1+2400:CT'", "GID+1\u00b3+2400:CT'", 30),
    ("rail/northbound-train-kcsm-qmtyla27.synthetic.309", "*MXMTY*12*COL*", "*MXMTY*1\u00b2*COL*", 7),
    ("air/northbound-flight-am0642-mex-lax.ffm", "/T34K1276.5", "/T3\u0664K1276.5", 5),
]


@pytest.mark.parametrize(("sample", "before", "after", "line"), CASES, ids=[c[0].split("/")[0] for c in CASES])
def test_a_unicode_digit_is_a_positioned_error(sample: str, before: str, after: str, line: int) -> None:
    text = (SAMPLES / sample).read_text(encoding="utf-8")
    assert before in text
    document = read(text.replace(before, after, 1).encode("utf-8"), name=sample)
    errors = [d for d in document.diagnostics if d.severity >= Severity.ERROR]
    assert any(d.line == line for d in errors), [str(d) for d in document.diagnostics]
