"""A variant of a format that is not read (a CFDI 3.3, a Carta Porte 2.0, an X12 version without a bundled dictionary,
a Cargo-XML or Cargo-IMP message version the reader does not know) gets one finding that names the variant and what
is read instead."""

from __future__ import annotations

from pathlib import Path

import pytest

from manifest import api
from tests.conftest import SAMPLES

CFDI_33 = b"""<?xml version="1.0" encoding="UTF-8"?>
<cfdi:Comprobante xmlns:cfdi="http://www.sat.gob.mx/cfd/3" Version="3.3" Fecha="2021-01-01T00:00:00" SubTotal="0"
    Moneda="XXX" Total="0" TipoDeComprobante="T" LugarExpedicion="64000">
  <cfdi:Emisor Rfc="KCS970101J14" Nombre="KANSAS CITY SOUTHERN DE MEXICO SA DE CV" RegimenFiscal="601"/>
  <cfdi:Receptor Rfc="KCS970101J14" UsoCFDI="P01"/>
</cfdi:Comprobante>
"""


def _one(data: bytes, name: str = "-") -> tuple[str, str, int | None]:
    report = api.validate(data, path=name)
    (finding,) = report.diagnostics
    return finding.code, finding.message(), finding.line


def test_a_cfdi_33_is_told_as_such_not_as_an_unknown_format() -> None:
    code, message, line = _one(CFDI_33)
    assert code == "CP005" and line is not None
    assert "CFDI 3.3 is not read" in message and "CFDI 4.0 with the Complemento Carta Porte 3.1 or 3.0" in message


@pytest.mark.parametrize("name", ["cfdv40-cartaporte20.xml", "cfdv40-cartaporte20-min.xml"])
def test_a_real_carta_porte_20_names_what_is_read_instead(external_samples: Path, name: str) -> None:
    code, message, _ = _one((external_samples / "cfdi-cartaporte" / name).read_bytes())
    assert code == "CP003"
    assert "Carta Porte 2.0 is superseded and not read" in message and "reads Carta Porte 3.1 and 3.0" in message


def test_an_x12_version_without_a_dictionary_is_told_once_with_the_bundled_ones() -> None:
    text = (SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309").read_text(encoding="ascii")
    data = text.replace("*00404*", "*00501*").replace("*004040~", "*005010~").encode("ascii")
    report = api.validate(data, format="x12-309")
    told = [d for d in report.diagnostics if d.code == "X12013"]
    assert [(d.line, d.location) for d in told] == [(2, "GS-08")]
    assert told[0].message() == (
        "X12 version 005010 has no bundled dictionary (bundled: 004010, 004040, 004060): its segments are read as in "
        "those versions, without checking the syntax of their elements"
    )
    assert report.manifests and report.manifests[0].consignments


@pytest.mark.parametrize("written", ["3", "3.0", "3.000"])
def test_a_cargo_xml_version_written_with_fewer_or_more_zeros_is_the_same_version(written: str) -> None:
    text = (SAMPLES / "air" / "northbound-flight-am0642-awb-139-12345675.xfwb.xml").read_text(encoding="utf-8")
    data = text.replace("<VersionID>3.00</VersionID>", f"<VersionID>{written}</VersionID>").encode("utf-8")
    assert [d.code for d in api.validate(data).diagnostics] == []
    written_again = api.convert(data, "cargo-xml").written
    assert written_again is not None and f"<VersionID>{written}</VersionID>".encode() in written_again.data


def test_a_cargo_xml_version_the_reader_does_not_know_is_told_at_its_version_id() -> None:
    text = (SAMPLES / "air" / "northbound-flight-am0642-awb-139-12345675.xfwb.xml").read_text(encoding="utf-8")
    report = api.validate(text.replace("<VersionID>3.00</VersionID>", "<VersionID>6.00</VersionID>").encode("utf-8"))
    assert [(d.code, d.location) for d in report.diagnostics] == [
        ("CXML012", "/Waybill/MessageHeaderDocument/VersionID")
    ]
    assert report.diagnostics[0].message() == (
        "XFWB version 6.00 is not one this reader knows (3.00); it is read as version 3.00"
    )


def test_a_cargo_imp_version_the_reader_does_not_know_names_the_version_it_is_read_as() -> None:
    text = (SAMPLES / "air" / "northbound-flight-am0642-awb-139-12345675.fwb").read_text(encoding="ascii")
    code, message, line = _one(text.replace("FWB/16", "FWB/99", 1).encode("ascii"))
    assert (code, line) == ("IMP003", 1)
    assert message == "FWB version 99 is not one this reader knows (16, 17); it is read with the version 17 rules"
