"""A surface manifest that names no flight is not written as a Cargo-XML flight manifest (XFFM): a train, a vessel
or a truck trip is no flight (CXML017 says so of the trip number), so a manifest of one, with other than the one
waybill an XFWB holds or the house waybills of an XFZB or XFHL, is not written at all, and the conversion says why
(CXML020), as the Cargo-IMP writer writes no FFM for it."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from manifest import api, formats
from manifest.cli import main
from manifest.model import Consignment, Conveyance, Manifest, Mode
from tests import closure
from tests.conftest import SAMPLES

RAIL_309 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
_A_BARGE_S_FLIGHT_AND_AIRCRAFT = Manifest(
    mode=Mode.MARITIME, trip_number="I", conveyance=Conveyance(flight_number="Sfi", aircraft_registration="N*4")
)


@pytest.mark.parametrize(
    "manifest",
    [
        _A_BARGE_S_FLIGHT_AND_AIRCRAFT,
        Manifest(
            mode=Mode.RAIL,
            trip_number="QMTYLA27",
            consignments=(Consignment(document_number="139-12345675"), Consignment(document_number="139-24681016")),
        ),
    ],
)
def test_a_surface_manifest_naming_no_flight_is_no_flight_manifest(manifest: Manifest) -> None:
    written = formats.get("cargo-xml").write([manifest])
    assert written.data == b""
    found = {d.field: d.code for d in written.losses}
    assert found["mode"] == "CXML020"
    assert found["trip_number"] == "CXML017"
    assert {f"consignments[{n}]" for n in range(len(manifest.consignments))} <= set(found)


def test_the_same_manifest_by_air_is_a_flight_manifest() -> None:
    written = formats.get("cargo-xml").write([Manifest(mode=Mode.AIR, trip_number="AM0642")])
    assert b"<ns2:FlightManifest" in written.data


def test_a_train_s_309_converts_to_no_cargo_xml_file_and_says_why(tmp_path: Path) -> None:
    conversion = api.convert(RAIL_309.read_bytes(), "cargo-xml", name=RAIL_309.name)
    assert conversion.written is not None and conversion.written.data == b""
    assert [(d.code, d.field) for d in conversion.losses if d.code == "CXML020"] == [("CXML020", "mode")]
    out = tmp_path / "train.xml"
    result = CliRunner().invoke(main, ["convert", str(RAIL_309), "--to", "cargo-xml", "-o", str(out), "--allow-loss"])
    assert result.exit_code == 1
    assert not out.exists()
    assert "nothing written: cargo-xml can hold nothing of the source" in result.stdout


@pytest.mark.parametrize("to", ["cargo-xml", "cargo-imp"])
def test_an_air_trip_number_that_is_no_flight_designator_is_not_written_as_the_flight(to: str) -> None:
    """An air manifest's trip number is written as its flight (XFFM LogisticsTransportMovement/ID, FFM line 2) and
    read back as the conveyance's flight number, which CBP-AIR-011 holds to the form of a flight designator."""
    manifest = Manifest(mode=Mode.AIR, trip_number="0")
    written = formats.get(to).write([manifest])
    assert [(d.field, d.value) for d in written.losses if d.field == "trip_number"] == [("trip_number", "0")]
    assert b"<ID>0</ID>" not in written.data and b"\r\n0/" not in written.data
    source = formats.get("manifest-json").write([manifest]).data
    assert closure.unexplained(source, "source.manifest-json", to) == []
