"""Inputs found while fuzzing the readers (fuzz/README.md), each of which once raised instead of being reported.

Each case is a sample with one value replaced; the reader must return, report the value at its line, and the
requirements must evaluate on what was read (``fuzz.harness.check``).
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from fuzz import harness
from manifest import formats
from tests.conftest import SAMPLES

MANY_DIGITS = b"3" * 5000  # more than int() converts (sys.get_int_max_str_digits(), 4300 by default)


@dataclass(frozen=True)
class Case:
    id: str
    format: str
    sample: str
    old: bytes
    new: bytes
    code: str | None  # the diagnostic at the replaced value; None where the value is not checked at all

    def data(self) -> bytes:
        original = (SAMPLES / self.sample).read_bytes()
        assert original.count(self.old) >= 1, f"{self.old!r} is no longer in {self.sample}"
        return original.replace(self.old, self.new, 1)

    def line(self) -> int:
        data = self.data()
        return data[: data.index(self.new)].count(b"\n") + 1


CASES = (
    Case(
        "cuscar-gid-sequence-too-long-for-int",
        "cuscar",
        "maritime/northbound-vessel-maersk-kensington-647n.cuscar",
        b"GID+1+2400:CT'",
        b"GID+" + MANY_DIGITS + b"+2400:CT'",
        "CUS015",  # GID 1496 is n..5: the goods item number is too long before it is too long for an int
    ),
    Case(
        "cargo-xml-item-quantity-too-long-for-int",
        "cargo-xml",
        "air/northbound-flight-am0642-awb-139-12345675.xfwb.xml",
        b"<ItemQuantity>34<",
        b"<ItemQuantity>" + MANY_DIGITS + b"<",
        None,
    ),
    Case(
        "cargo-xml-piece-quantity-too-long-for-text",
        "cargo-xml",
        "air/northbound-flight-am0642-awb-139-12345675.xfwb.xml",
        b"<PieceQuantity>34<",
        b"<PieceQuantity>" + MANY_DIGITS + b"<",
        "CXML008",
    ),
    Case(
        "carta-porte-goods-count-too-long-for-int",
        "carta-porte",
        "air/northbound-mex-lax.cartaporte.xml",
        b'NumTotalMercancias="1"',
        b'NumTotalMercancias="' + MANY_DIGITS + b'"',
        "CP101",
    ),
    Case(
        "carta-porte-railcar-tonnes-with-overflowing-exponent",
        "carta-porte",
        "rail/northbound-nuevo-laredo.cartaporte.xml",
        b'ToneladasNetasCarro="46.200"',
        b'ToneladasNetasCarro="1E999999"',
        "CP006",
    ),
    Case(
        "manifest-json-count-text-too-long-for-int",
        "manifest-json",
        "air/northbound-flight-am0642-mex-lax.manifest.json",
        b'"count": "34"',
        b'"count": "' + MANY_DIGITS + b'"',
        "MF101",
    ),
    Case(
        "manifest-json-count-number-too-long-for-int",
        "manifest-json",
        "air/northbound-flight-am0642-mex-lax.manifest.json",
        b'"count": "34"',
        b'"count": ' + MANY_DIGITS,
        "MF101",
    ),
    Case(
        "manifest-json-weight-number-with-overflowing-exponent",
        "manifest-json",
        "air/northbound-flight-am0642-mex-lax.manifest.json",
        b'"value": "1276.5"',
        b'"value": 1E99999999999',
        "MF101",
    ),
    Case(
        "manifest-xml-sequence-too-long-for-int",
        "manifest-xml",
        "air/northbound-flight-am0642-mex-lax.manifest.xml",
        b"<sequence>1</sequence>",
        b"<sequence>" + MANY_DIGITS + b"</sequence>",
        "MF101",
    ),
)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_value_is_reported_where_it_stands(case: Case) -> None:
    data = case.data()
    document = formats.get(case.format).read(data)
    if not document.manifests:
        # libxml2 before 2.13 refuses an integer of hundreds of digits against the XSD before the reader sees it:
        # the schema fault must then stand at the value's line.
        assert case.format == "manifest-xml", [str(d) for d in document.diagnostics]
        assert case.line() in [d.line for d in document.diagnostics if d.code == "MF201"]
        harness.check(case.format, data)
        return
    if case.code is None:
        assert all(d.line is not None for d in document.diagnostics)
    else:
        lines = [d.line for d in document.diagnostics if d.code == case.code]
        assert case.line() in lines, [str(d) for d in document.diagnostics]
    harness.check(case.format, data)
