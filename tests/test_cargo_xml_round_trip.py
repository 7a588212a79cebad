"""Round trips of each Cargo-XML message type: a model restricted to what the message carries comes back equal.

The strategies, in tests/strategies/cargo_xml.py, keep the relations the reader derives (the trip number from the
flight, the consignment's ULDs from its items).
"""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given

from manifest.diagnostics import Severity
from manifest.formats import cargo_xml
from manifest.model import Manifest, Quantity
from tests.strategies.cargo_xml import flight_manifests, house_messages, waybills


def _round_trip(manifest: Manifest) -> None:
    written = cargo_xml.write([manifest])
    assert written.losses == ()
    document = cargo_xml.read(written.data)
    assert document.manifests == (manifest,)
    assert [d for d in document.diagnostics if d.severity >= Severity.ERROR] == []


@given(waybills())
def test_master_air_waybill_round_trip(manifest: Manifest) -> None:
    _round_trip(manifest)


@given(house_messages("XFZB"))
def test_house_waybill_round_trip(manifest: Manifest) -> None:
    _round_trip(manifest)


@given(house_messages("XFHL"))
def test_house_manifest_round_trip(manifest: Manifest) -> None:
    _round_trip(manifest)


@given(flight_manifests())
def test_flight_manifest_round_trip(manifest: Manifest) -> None:
    _round_trip(manifest)


def test_weights_in_iata_codes_are_read_as_recommendation_20_units() -> None:
    data = (
        b'<ns2:Waybill xmlns="iata:datamodel:3" xmlns:ns2="iata:waybill:1"><ns2:BusinessHeaderDocument><ID>'
        b"139-12345675</ID></ns2:BusinessHeaderDocument><ns2:MasterConsignment>"
        b'<IncludedTareGrossWeightMeasure unitCode="L">12.5</IncludedTareGrossWeightMeasure>'
        b"</ns2:MasterConsignment></ns2:Waybill>"
    )
    [consignment] = cargo_xml.read(data).manifests[0].consignments
    assert consignment.gross_weight == Quantity(value=Decimal("12.5"), unit="LBR")
