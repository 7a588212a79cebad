"""The Carta Porte 3.1 Autotransporte and the road figures read into the road model and written from it: the
tractor's permit, vehicle and insurance, the trailers by plate, the operator as the truck's driver; what Carta Porte
cannot hold is a loss named by its field, what the model lacks a CP404 note."""

from __future__ import annotations

import dataclasses
from datetime import date
from decimal import Decimal

from manifest import formats
from manifest.formats.carta_porte.road import LICENCE
from manifest.model import (
    CrewMember,
    CrewRole,
    Equipment,
    EquipmentKind,
    Insurance,
    InsuranceCover,
    Permit,
    Quantity,
    Reference,
    TaxId,
    TaxIdScheme,
    TravelDocument,
)
from tests.conftest import SAMPLES

NORTHBOUND = SAMPLES / "road" / "northbound-truck-lrdy0731.cartaporte.xml"
CARTA_PORTE = formats.get("carta-porte")


def _read() -> formats.base.Document:
    return CARTA_PORTE.read(NORTHBOUND.read_bytes())


def test_the_autotransporte_is_read_into_the_road_model() -> None:
    (truck,) = _read().manifests
    conveyance = truck.conveyance
    assert conveyance is not None
    assert (conveyance.vehicle_plate, conveyance.type_code, conveyance.model_year) == ("R123456", "T3S2", 2022)
    assert conveyance.gross_vehicle_weight == Quantity(value=Decimal("23.4"), unit="TNE")
    assert conveyance.permits == (Permit(kind="TPAF01", number="0928LRD0731"),)
    assert conveyance.insurances == (
        Insurance(cover=InsuranceCover.CIVIL_LIABILITY, insurer="SEGUROS FRONTERA SA DE CV", policy="RC-2026-7731"),
    )
    assert conveyance.extensions == {}
    assert truck.equipment == (
        Equipment(
            kind=EquipmentKind.TRAILER,
            number="",
            vehicle_plate="9TX4521",
            type_codes=(Reference(kind="c_SubTipoRem", value="CTR007"),),
        ),
    )
    assert truck.crew == (
        CrewMember(
            role=CrewRole.DRIVER,
            name="JUAN GARZA",
            tax_ids=(TaxId(scheme=TaxIdScheme.RFC, value="GAXJ810417H5A"),),
            documents=(TravelDocument(kind=LICENCE, number="LFC0912345"),),
        ),
    )
    assert not [p for p in truck.parties if p.role.value == "operator"]


def test_every_road_value_is_placed_in_the_file() -> None:
    document = _read()
    positions = document.source_map(0).positions
    for path in (
        "conveyance.permits[0].kind",
        "conveyance.gross_vehicle_weight",
        "conveyance.insurances[0].policy",
        "equipment[0].vehicle_plate",
        "crew[0].documents[0].number",
    ):
        assert path in positions, path


def test_the_sample_is_written_back_without_a_loss_or_a_note_of_the_truck() -> None:
    written = CARTA_PORTE.write(_read().manifests)
    assert written.losses == ()
    assert written.notes == ()
    assert CARTA_PORTE.read(written.data).manifests == _read().manifests


def test_what_carta_porte_cannot_hold_is_a_loss_named_by_its_field() -> None:
    (truck,) = _read().manifests
    assert truck.conveyance is not None
    third = dataclasses.replace(truck.equipment[0], vehicle_plate="8TX1111")
    passenger = CrewMember(role=CrewRole.PASSENGER, name="ANA GARZA")
    driver = dataclasses.replace(truck.crew[0], date_of_birth=date(1981, 4, 17), fast_card="42795301")
    changed = dataclasses.replace(
        truck,
        conveyance=dataclasses.replace(
            truck.conveyance,
            vin="3AKJHHDR8NSMA1234",
            usdot_number="1234567",
            vehicle_plate="R-12345",
            permits=(*truck.conveyance.permits, Permit(kind="TPAF02", number="X1")),
        ),
        equipment=(
            dataclasses.replace(truck.equipment[0], number="TR5531"),
            truck.equipment[0],
            third,
        ),
        crew=(driver, passenger),
    )
    written = CARTA_PORTE.write([changed])
    lost = {d.field for d in written.losses}
    assert {
        "conveyance.vin",
        "conveyance.usdot_number",
        "conveyance.vehicle_plate",
        "conveyance.permits[1]",
        "equipment[0].number",
        "equipment[2]",
        "crew[0].date_of_birth",
        "crew[0].fast_card",
        "crew[1]",
    } <= lost
    assert b"R-12345" not in written.data and b"8TX1111" not in written.data
    notes = {d.location for d in written.notes if d.code == "CP404"}
    assert any(location.endswith("IdentificacionVehicular/@PlacaVM") for location in notes if location)


def test_a_driver_of_an_ace_manifest_becomes_the_operator_with_what_sat_requires_noted() -> None:
    (trip,) = (
        formats.get("x12-358")
        .read((SAMPLES / "road" / "northbound-truck-lrdy0731.synthetic.358").read_bytes())
        .manifests
    )
    written = CARTA_PORTE.write([trip])
    assert b'TipoFigura="01"' in written.data and b'NombreFigura="JUAN GARZA"' in written.data
    noted = {d.location.rsplit("/", 1)[-1] for d in written.notes if d.code == "CP404" and d.location}
    assert {"@NumLicencia", "@RFCFigura", "@PermSCT", "@ConfigVehicular", "@AseguraRespCivil"} <= noted
    lost = {d.field for d in written.losses}
    assert {"crew[0].date_of_birth", "crew[0].family_name", "crew[0].given_name", "conveyance.vin"} <= lost
