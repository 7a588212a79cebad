"""The air story in Cargo-XML: flight AM0642 Mexico City -> Los Angeles, a consolidation and a direct waybill."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from manifest import formats
from manifest.formats import cargo_xml
from manifest.model import DocumentType, Manifest
from tests.conftest import SAMPLES

AIR = SAMPLES / "air"
FILES = sorted(p for p in AIR.iterdir() if p.name.endswith(cargo_xml.EXTENSIONS))


def _manifest(name: str) -> Manifest:
    return cargo_xml.read((AIR / name).read_bytes()).manifests[0]


def _mod7(number: str) -> bool:
    serial = number.partition("-")[2]
    return int(serial[:7]) % 7 == int(serial[7])


def test_every_message_type_has_a_sample() -> None:
    assert {cargo_xml.message_for(_manifest(p.name)).code for p in FILES} == {"XFWB", "XFZB", "XFHL", "XFFM"}


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_sample_is_recognised_reads_clean_and_writes_back(path: Path) -> None:
    data = path.read_bytes()
    assert formats.sniff(data[: formats.SNIFF_BYTES]) == "cargo-xml"
    assert formats.by_extension(path.name) == "cargo-xml"
    document = cargo_xml.read(data)
    assert document.diagnostics == ()
    written = cargo_xml.write(document.manifests)
    assert written.losses == ()
    assert written.data == data


def test_flight_manifest_tells_the_northbound_story() -> None:
    flight = _manifest("northbound-flight-am0642-mex-lax.xffm.xml")
    assert flight.carrier is not None and flight.carrier.iata_code == "AM"
    assert flight.conveyance is not None and flight.conveyance.flight_number == "AM0642"
    assert flight.departure is not None and flight.departure.place.code == "MEX"
    assert flight.arrival is not None and flight.arrival.place.code == "LAX"
    assert [e.identifier for e in flight.equipment] == ["PMC73850AM", "AKE12045AM"]
    assert [c.document_number for c in flight.consignments] == ["139-12345675", "139-24681016"]
    assert all(_mod7(c.document_number) and c.document_number.startswith("139-") for c in flight.consignments)


def test_consolidation_adds_up() -> None:
    master, *houses = _manifest("northbound-flight-am0642-consolidation-139-12345675.xfhl.xml").consignments
    assert master.document_type == DocumentType.AIR_WAYBILL and _mod7(master.document_number)
    assert [h.master_number for h in houses] == [master.document_number] * 2
    assert master.total_packages is not None and master.gross_weight is not None
    assert sum(h.total_packages.count for h in houses if h.total_packages) == master.total_packages.count
    assert sum((h.gross_weight.value for h in houses if h.gross_weight), Decimal(0)) == master.gross_weight.value
    waybill = _manifest("northbound-flight-am0642-awb-139-12345675.xfwb.xml").consignments[0]
    assert waybill.document_number == master.document_number
    assert waybill.total_packages == master.total_packages and waybill.gross_weight == master.gross_weight
    for house in houses:
        name = f"northbound-flight-am0642-hawb-{house.document_number.lower()}.xfzb.xml"
        assert _manifest(name).consignments[1] == house
