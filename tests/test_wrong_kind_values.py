"""A writer never writes a value as something of another kind: an air unit load device is not a rail car or a
container, a bill of lading is not an air waybill, a vessel voyage is not a flight, a UN/LOCODE is not an airport.
What the target has no place for is listed as not written, with its model field."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

from manifest import api, formats
from manifest.formats import cargo_imp
from manifest.formats.base import Written
from manifest.model import (
    Consignment,
    Conveyance,
    Equipment,
    EquipmentKind,
    GoodsItem,
    Manifest,
    Mode,
    Packages,
    Place,
    PlaceScheme,
    Quantity,
    Stop,
)
from tests.conftest import SAMPLES

_FLIGHT = SAMPLES / "air" / "northbound-flight-am0642-mex-lax.ffm"
_TRAIN = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.json"
_VESSEL = SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.cuscar"
_TRUCK = SAMPLES / "road" / "northbound-truck-lrdy0731.manifest.json"


def _written(source: Path, to: str) -> Written:
    conversion = api.convert(source.read_bytes(), to, name=str(source))
    assert conversion.source is not None
    return formats.get(to).write(conversion.source.manifests)


def _codes(findings: tuple[object, ...]) -> dict[str | None, str]:
    return {d.field: d.code for d in findings}  # type: ignore[attr-defined]


def test_a_consist_does_not_list_an_air_uld_as_a_container() -> None:
    flight = api.convert(_FLIGHT.read_bytes(), "x12-358", name=str(_FLIGHT))
    assert flight.source is not None
    written = formats.get("x12-358").write(flight.source.manifests)
    assert b"PMC" not in written.data and b"73850AM" not in written.data
    assert b"VID" not in written.data and b"MBL" not in written.data
    found = _codes(written.losses)
    assert found["equipment[0]"] == "X12413"
    assert found["consignments[0]"] == "X12414"
    assert _codes(written.notes)["consignments"] == "X12415"


def test_a_309_does_not_write_an_air_uld_as_a_container() -> None:
    flight = _written(_FLIGHT, "x12-309")
    assert b"VID" not in flight.data and b"73850AM" not in flight.data and b"AKE" not in flight.data
    found = _codes(flight.losses)
    assert found["consignments[0].equipment[0]"] == "X12413" and found["consignments[1].equipment[0]"] == "X12413"
    # The goods loaded in the ULD have no VID loop to be listed in, and are listed as not written.
    assert found["consignments[0].goods[0].description"] == "X12401"


def test_a_309_names_the_equipment_it_writes_after_a_uld_at_its_own_index() -> None:
    uld = Equipment(kind=EquipmentKind.ULD, initial="PMC", number="73850AM")
    tare = Quantity(value=Decimal(3900), unit="KGM")
    box = Equipment(kind=EquipmentKind.CONTAINER, initial="MSCU", number="1234566", tare_weight=tare)
    goods = (GoodsItem(description="TILES", equipment_ids=(box.identifier,)),)
    bill = Consignment(document_number="MAEU1", equipment=(uld, box), goods=goods)
    many = [Manifest(mode=Mode.MARITIME), Manifest(mode=Mode.MARITIME, consignments=(bill,))]
    written = formats.get("x12-309").write(many)
    assert "VID*CN*MSCU*1234566" in written.data.decode() and b"73850AM" not in written.data
    found = _codes(written.losses)
    assert found["manifests[1].consignments[0].equipment[0]"] == "X12413"
    # The container's tare weight has no place in a 309 VID: named at the container's own index, 1, not 0.
    assert found["manifests[1].consignments[0].equipment[1].tare_weight.value"] == "X12401"
    assert not any(field and field.startswith("manifests[1].consignments[0].goods") for field in found)


def test_a_consist_lists_the_cars_that_only_the_bills_name() -> None:
    train = api.convert(_TRAIN.read_bytes(), "x12-358", name=str(_TRAIN))
    assert train.source is not None
    assert train.source.manifests[0].equipment == ()
    written = formats.get("x12-358").write(train.source.manifests)
    text = written.data.decode()
    assert "VID*RR*KCSM*720145" in text and "VID*CN*TGHU*8765436" in text
    assert text.count("MBL*KCSM*KCSM26110451") == 2 and text.count("MBL*KCSM*KCSM26110452") == 2
    found = _codes(written.losses)
    assert "X12414" not in found.values() and "X12413" not in found.values()
    assert not any(field and field.endswith(("document_number", ".identifier")) for field in found)


def test_a_bill_in_no_car_is_listed_with_the_index_it_has_in_the_manifest() -> None:
    car = Equipment(kind=EquipmentKind.RAILCAR, initial="KCSM", number="720145")
    uld = Equipment(kind=EquipmentKind.ULD, initial="PMC", number="73850AM")
    manifest = Manifest(
        mode=Mode.RAIL,
        equipment=(uld, car),
        consignments=(
            Consignment(document_number="LOOSE1"),
            Consignment(document_number="INULD2", equipment=(uld,)),
            Consignment(document_number="KCSM3", equipment=(uld, car), place_of_loading=Place(code="MXMTY")),
        ),
    )
    written = formats.get("x12-358").write([manifest])
    found = _codes(written.losses)
    assert found["consignments[0]"] == "X12414" and found["consignments[1]"] == "X12414"
    assert found["equipment[0]"] == "X12413" and found["consignments[2].equipment[0]"] == "X12413"
    assert "consignments[2]" not in found
    # What the 358 has no element for is named at the bill's own index, not at its index among the bills written.
    assert found["consignments[2].place_of_loading.code"] == "X12401"
    assert not any(d.field and d.field.startswith("consignments[0].") for d in written.losses)
    text = written.data.decode()
    assert "MBL**KCSM3" in text and "LOOSE1" not in text and "INULD2" not in text and "73850AM" not in text
    assert written.notes == () or "consignments" not in _codes(written.notes)


def test_a_vessel_s_manifest_is_no_flight_manifest_listing_bills_of_lading() -> None:
    """A voyage is no flight (CXML017), so no XFFM is written for it, and its three bills of lading are not the one
    air waybill of an XFWB: nothing is written, and each bill is listed as not carried (CXML020 says why)."""
    written = _written(_VESSEL, "cargo-xml")
    assert written.data == b""
    found = _codes(written.losses)
    assert (found["trip_number"], found["mode"]) == ("CXML017", "CXML020")
    assert [found[f"consignments[{i}]"] for i in range(3)] == ["CXML101"] * 3


def test_a_waybill_message_does_not_carry_a_truck_shipment_number_as_its_air_waybill_number() -> None:
    written = _written(_TRUCK, "cargo-xml")
    assert b"<ns2:Waybill" in written.data and b"LRDY2612050001" not in written.data
    assert b"BusinessHeaderDocument>\n    <ID" not in written.data
    loss = next(d for d in written.losses if d.field == "consignments[0].document_number")
    assert loss.code == "CXML013" and loss.location == "/Waybill/BusinessHeaderDocument/ID"
    reread = formats.get("cargo-xml").read(written.data)
    assert reread.manifests[0].consignments[0].document_number == ""


def test_a_waybill_without_a_number_says_the_number_is_required() -> None:
    manifest = Manifest(mode=Mode.AIR, consignments=(Consignment(document_number=""),))
    written = formats.get("cargo-xml").write([manifest])
    assert [(d.code, d.location) for d in written.notes if d.code != "CXML018"] == [
        ("CXML015", "/Waybill/BusinessHeaderDocument/ID")
    ]
    assert b"<ID></ID>" not in written.data and b"<ID/>" not in written.data


def test_a_flight_manifest_names_what_it_leaves_of_a_waybill_at_the_waybill_index() -> None:
    air_waybill = Consignment(document_number="139-12345675")
    manifest = Manifest(mode=Mode.AIR, consignments=(Consignment(document_number="MAEU264781203"), air_waybill))
    written = formats.get("cargo-xml").write([manifest])
    assert b"139-12345675" in written.data and b"MAEU264781203" not in written.data
    found = _codes(written.losses)
    assert found["consignments[0]"] == "CXML014"
    assert found["consignments[1].document_type"] == "CXML101"
    # The flight arrives nowhere the model names: its one point of unloading is written without an airport.
    assert [(d.code, d.field) for d in written.notes] == [("CXML021", "arrival.place.code")]


def test_a_vessel_voyage_is_no_flight_and_its_bills_are_no_air_waybills() -> None:
    conversion = api.convert(_VESSEL.read_bytes(), "cargo-imp", name=str(_VESSEL))
    assert conversion.source is not None
    (vessel,) = conversion.source.manifests
    assert vessel.trip_number == "647N"
    assert cargo_imp.message_kind(vessel) == "FWB"
    written = formats.get("cargo-imp").write([vessel])
    assert b"647N" not in written.data and b"MAEU" not in written.data and b"MXZLO" not in written.data
    found = _codes(written.losses)
    assert [found[f"consignments[{i}]"] for i in range(3)] == ["IMP103"] * 3
    assert found["trip_number"] == "IMP105"


_CONTAINER = Equipment(kind=EquipmentKind.CONTAINER, initial="MSKU", number="1234565")
_PALLET = Equipment(kind=EquipmentKind.ULD, initial="PMC", number="73850AM")


def _flight(*consignments: Consignment) -> Manifest:
    return Manifest(
        mode=Mode.AIR,
        conveyance=Conveyance(flight_number="AM0642"),
        departure=Stop(place=Place(code="MEX"), moment=date(2026, 11, 27)),
        arrival=Stop(place=Place(code="LAX", country="US")),
        equipment=(_CONTAINER, _PALLET),
        consignments=consignments,
    )


def _loaded(number: str, *equipment: Equipment) -> Consignment:
    weight = Quantity(value=Decimal("120"), unit="KGM")
    ids = tuple(e.identifier for e in equipment)
    item = GoodsItem(description="STEEL", packages=Packages(count=2), gross_weight=weight, equipment_ids=ids)
    return Consignment(
        document_number=number,
        goods=(item,),
        equipment=equipment,
        place_of_loading=Place(code="MEX"),
        place_of_discharge=Place(code="LAX"),
        total_packages=Packages(count=2),
        gross_weight=weight,
    )


def test_a_flight_manifest_lists_neither_a_container_as_uld_nor_a_bill_of_lading() -> None:
    manifest = _flight(_loaded("MAEU264781203", _PALLET), _loaded("139-12345675", _CONTAINER))
    written = cargo_imp.write_at([manifest], date(2026, 11, 27))
    text = written.data.decode()
    assert text.startswith("FFM/8") and "139-12345675" in text
    assert "MSKU1234565" not in text and "MAEU264781203" not in text
    found = _codes(written.losses)
    assert found["consignments[0]"] == "IMP103"
    assert found["consignments[1].goods[0].equipment_ids[0]"] == "IMP104"
    (flight,) = cargo_imp.read_at(written.data, date(2026, 11, 27)).manifests
    assert flight.consignments[0].goods[0].equipment_ids == ()


def test_an_air_waybill_names_a_uld_in_its_rate_line_but_not_a_container() -> None:
    manifest = Manifest(mode=Mode.AIR, consignments=(_loaded("139-12345675", _PALLET, _CONTAINER),))
    written = cargo_imp.write_at([manifest], date(2026, 11, 27))
    text = written.data.decode()
    assert text.startswith("FWB/") and "NU/PMC73850AM" in text and "MSKU1234565" not in text
    assert _codes(written.losses)["consignments[0].goods[0].equipment_ids[1]"] == "IMP104"


def test_a_truck_trip_is_no_flight_and_its_ports_are_no_airports() -> None:
    written = _written(_TRUCK, "cargo-xml")
    assert b"LRDY0731" not in written.data and b">2304<" not in written.data and b">24<" not in written.data
    found = {d.field: d for d in written.losses}
    assert found["trip_number"].code == "CXML017" and "surface" in found["trip_number"].message()
    for field in ("arrival.place.code", "departure.place.code", "consignments[0].place_of_loading.code"):
        assert found[field].code == "CXML017" and "airport" in found[field].message()


def test_a_port_the_crosswalk_knows_as_an_airport_is_written_as_that_airport() -> None:
    # border_port_crosswalk.csv: UN/LOCODE USLAX and IATA LAX are one port (Schedule D 2720, Los Angeles airport).
    seaport = Place(code="MXZLO", scheme=PlaceScheme.UNLOCODE)
    manifest = Manifest(
        mode=Mode.AIR,
        conveyance=Conveyance(flight_number="AM0642"),
        departure=Stop(place=Place(code="MXMEX", scheme=PlaceScheme.UNLOCODE)),
        arrival=Stop(place=Place(code="USLAX", scheme=PlaceScheme.UNLOCODE)),
        consignments=(replace(_loaded("139-12345675"), place_of_loading=seaport),),
    )
    for to in ("cargo-xml", "cargo-imp"):
        written = formats.get(to).write([manifest])
        assert b"LAX" in written.data and b"MEX" in written.data, to
        assert b"USLAX" not in written.data and b"MXMEX" not in written.data and b"MXZLO" not in written.data, to
        found = _codes(written.losses)
        assert "arrival.place.code" not in found and "departure.place.code" not in found, to
        assert found["consignments[0].place_of_loading.code"] in ("CXML017", "IMP105"), to


def test_a_flight_manifest_does_not_list_rail_cars_and_containers_as_ulds() -> None:
    consist = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.358"
    conversion = api.convert(consist.read_bytes(), "cargo-xml", name=str(consist))
    assert conversion.source is not None
    (train,) = conversion.source.manifests
    written = formats.get("cargo-xml").write([train])
    assert b"UnitLoadTransportEquipment" not in written.data and b"TGHU" not in written.data
    found = {d.field: d for d in written.losses}
    for index, car in enumerate(train.equipment):
        assert found[f"equipment[{index}]"].code == "CXML017", car
        assert "unit load device" in found[f"equipment[{index}]"].message()
    assert not any((field or "").startswith("equipment[0].") for field in found)
