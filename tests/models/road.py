"""A truck crossing as the harmonized model holds it: the tractor, its trailer, the crew and one shipment."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

from manifest import model

CENTRAL = timezone(timedelta(hours=-6))


def northbound_truck() -> model.Manifest:
    """A northbound truck from Nuevo Laredo to Laredo (port 2304) with one driver and one trailer."""
    tractor = model.Conveyance(
        vehicle_plate="12AB3C",
        plate_subdivision="TAM",
        plate_country="MX",
        vin="1FUJGLDR0CLBP8834",
        usdot_number="1234567",
        transponder="AB12345678",
        model_year=2020,
        type_code="T3S2",
        gross_vehicle_weight=model.Quantity(value=Decimal("36.5"), unit="TNE"),
        permits=(model.Permit(kind="TPAF01", number="0123456789"),),
        insurances=(
            model.Insurance(
                cover=model.InsuranceCover.CIVIL_LIABILITY, insurer="SEGUROS DEL NORTE", policy="RC-889921"
            ),
        ),
    )
    trailer = model.Equipment(
        kind=model.EquipmentKind.TRAILER,
        number="TR5531",
        vehicle_plate="45XY7Z",
        plate_subdivision="TAM",
        plate_country="MX",
        seals=(model.Seal(number="SL778812"),),
    )
    driver = model.CrewMember(
        role=model.CrewRole.DRIVER,
        family_name="GARZA",
        given_name="JUAN",
        middle_name="CARLOS",
        date_of_birth=date(1981, 4, 17),
        gender="M",
        citizenship="MX",
        documents=(model.TravelDocument(kind="5K", number="G12345678", country="MX"),),
        fast_card="42712345678901",
    )
    shipment = model.Consignment(
        document_number="ABCD1234567",
        document_type=model.DocumentType.ROAD_CONSIGNMENT_NOTE,
        goods=(
            model.GoodsItem(
                description="AUTO PARTS",
                packages=model.Packages(count=20, kind="PLT"),
                gross_weight=model.Quantity(value=Decimal("8400"), unit="KGM"),
            ),
        ),
        equipment=(trailer,),
    )
    return model.Manifest(
        mode=model.Mode.ROAD,
        carrier=model.Carrier(scac="ABCD"),
        conveyance=tractor,
        trip_number="ABCD20261205001",
        arrival=model.Stop(
            place=model.Place(code="2304", scheme=model.PlaceScheme.SCHEDULE_D, name="LAREDO"),
            moment=datetime(2026, 12, 5, 14, 30, tzinfo=CENTRAL),
        ),
        direction=model.Direction.NORTHBOUND,
        equipment=(trailer,),
        crew=(driver,),
        consignments=(shipment,),
    )
