"""A writer never writes a value as something of another kind: an air unit load device is not a rail car or a
container, a bill of lading is not an air waybill, a vessel voyage is not a flight, a UN/LOCODE is not an airport.
What the target has no place for is listed as not written, with its model field."""

from __future__ import annotations

from manifest import api, formats
from manifest.model import Consignment, Equipment, EquipmentKind, Manifest, Mode
from tests.conftest import SAMPLES

_FLIGHT = SAMPLES / "air" / "northbound-flight-am0642-mex-lax.ffm"
_TRAIN = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.json"


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
            Consignment(document_number="KCSM3", equipment=(uld, car)),
        ),
    )
    written = formats.get("x12-358").write([manifest])
    found = _codes(written.losses)
    assert found["consignments[0]"] == "X12414" and found["consignments[1]"] == "X12414"
    assert found["equipment[0]"] == "X12413" and found["consignments[2].equipment[0]"] == "X12413"
    assert "consignments[2]" not in found
    assert not any(d.field and d.field.startswith("consignments[0].") for d in written.losses)
    text = written.data.decode()
    assert "MBL**KCSM3" in text and "LOOSE1" not in text and "INULD2" not in text and "73850AM" not in text
    assert written.notes == () or "consignments" not in _codes(written.notes)
