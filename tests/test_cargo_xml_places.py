"""Cargo-XML writes a value only in the form its element takes: a place's location only with what the place holds
(an empty code is none, and no empty ID element is written for it: it would be read back as an arrival without an
airport, CBP-AIR-014), and an amount only in an ISO 4217 currency."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from manifest import formats
from manifest.model import Consignment, Manifest, Mode, Money, Place, PlaceScheme, Stop
from tests import closure

_A_STOP_OF_AN_EMPTY_CODE = Manifest(mode=Mode.AIR, stops=(Stop(place=Place(code="")),))


def test_a_stop_of_an_empty_code_has_no_empty_location() -> None:
    written = formats.get("cargo-xml").write([_A_STOP_OF_AN_EMPTY_CODE])
    assert b"<ID></ID>" not in written.data and b"<ID/>" not in written.data
    assert b"OccurrenceArrivalLocation" not in written.data
    source = formats.get("manifest-json").write([_A_STOP_OF_AN_EMPTY_CODE]).data
    assert closure.unexplained(source, "source.manifest-json", "cargo-xml") == []


def test_the_last_stop_of_a_flight_without_an_arrival_is_carried_as_its_arrival() -> None:
    """The last ArrivalEvent of an XFFM is the flight's arrival: the stop written there is not listed as lost."""
    lax = Place(code="LAX", scheme=PlaceScheme.IATA_AIRPORT)
    flight = Manifest(mode=Mode.AIR, stops=(Stop(place=replace(lax, code="MEX")), Stop(place=lax)))
    written = formats.get("cargo-xml").write([flight])
    assert formats.get("cargo-xml").read(written.data).manifests[0].arrival == Stop(place=lax)
    assert not [d for d in written.losses if (d.field or "").startswith("stops")]


def test_a_point_of_unloading_without_an_airport_is_noted_where_the_reader_reads_it() -> None:
    """Each ArrivalEvent of an XFFM names its airport: one the model lacks is noted (CXML021), at the arrival's code
    for the last ArrivalEvent, which the reader reads back as the arrival (the source's last stop, here)."""
    flight = Manifest(mode=Mode.AIR, stops=(Stop(place=Place(name="MEXICO")),))
    written = formats.get("cargo-xml").write([flight])
    assert [(d.code, d.field, d.location) for d in written.notes] == [
        ("CXML021", "arrival.place.code", "/FlightManifest/ArrivalEvent/OccurrenceArrivalLocation/ID")
    ]
    source = formats.get("manifest-json").write([flight]).data
    assert closure.unexplained(source, "source.manifest-json", "cargo-xml") == []


def test_an_amount_in_no_iso_4217_currency_is_not_written_for_a_surface_manifest() -> None:
    """Cargo-XML amounts name their currency by its ISO 4217 code (currencyID), which SAT-CP-020 holds an air
    manifest to: a truck's declared value in currency '0' is not written, and is listed."""
    truck = Manifest(
        mode=Mode.ROAD, consignments=(Consignment(document_number="", value=Money(amount=Decimal(0), currency="0")),)
    )
    written = formats.get("cargo-xml").write([truck])
    assert b"currencyID" not in written.data
    assert [(d.code, d.field, d.value) for d in written.losses if d.code == "CXML017"] == [
        ("CXML017", "consignments[0].value", "0")
    ]
    source = formats.get("manifest-json").write([truck]).data
    assert closure.unexplained(source, "source.manifest-json", "cargo-xml") == []
