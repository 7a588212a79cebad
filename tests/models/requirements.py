"""Valid northbound manifests, one per mode, that satisfy every profile; the catalogue's examples change them.

They follow the project's sample stories: a KCSM train Nuevo Laredo (aduana 24) -> Laredo (Schedule D 2304), a
vessel call Manzanillo -> Long Beach (2709), and an Aeroméxico flight Mexico City -> Los Angeles (2720) with a
consolidation. Identifiers carry valid check digits (RFC, ISO 6346, IMO, air waybill mod 7).
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from manifest.formats.carta_porte.road import LICENCE
from manifest.model import (
    Address,
    Carrier,
    Consignment,
    Conveyance,
    CrewMember,
    CustomsDocument,
    Direction,
    DocumentType,
    Equipment,
    EquipmentKind,
    GoodsItem,
    HazardousMaterial,
    Insurance,
    InsuranceCover,
    Manifest,
    Mode,
    Packages,
    Party,
    PartyRole,
    Permit,
    Place,
    PlaceScheme,
    Quantity,
    Seal,
    Stop,
    TariffCode,
    TaxId,
    TaxIdScheme,
    TravelDocument,
)


def _kg(value: str) -> Quantity:
    return Quantity(value=Decimal(value), unit="KGM")


def _shipper(name: str, rfc: str) -> Party:
    return Party(
        role=PartyRole.SHIPPER,
        name=name,
        address=Address(
            street="AV INDUSTRIAL 200", city="MONTERREY", subdivision="NLE", postal_code="64000", country="MX"
        ),
        tax_ids=(TaxId(scheme=TaxIdScheme.RFC, value=rfc),),
    )


def _consignee(name: str) -> Party:
    return Party(
        role=PartyRole.CONSIGNEE,
        name=name,
        address=Address(street="1200 MAIN ST", city="DALLAS", subdivision="TX", postal_code="75201", country="US"),
        tax_ids=(
            TaxId(scheme=TaxIdScheme.RFC, value="XEXX010101000"),
            TaxId(scheme=TaxIdScheme.FOREIGN, value="121234567", country="US"),
            TaxId(scheme=TaxIdScheme.EIN, value="12-1234567"),
        ),
    )


def _goods(
    sequence: int,
    description: str,
    hs: str,
    hts: str,
    fraccion: str,
    weight: str,
    count: int,
    equipment: tuple[str, ...],
    hazardous: tuple[HazardousMaterial, ...] = (),
) -> GoodsItem:
    return GoodsItem(
        sequence=sequence,
        description=description,
        packages=Packages(count=count, kind="PLT"),
        gross_weight=_kg(weight),
        hs_code=hs,
        tariff_codes=(TariffCode(scheme="us-hts", code=hts), TariffCode(scheme="mx-fraccion", code=fraccion)),
        hazardous=hazardous,
        origin_country="MX",
        sat_product_key="25174800",
        customs_documents=(CustomsDocument(kind="pedimento", number="26  24  3456  6001234"),),
        equipment_ids=equipment,
    )


def rail() -> Manifest:
    first = Consignment(
        document_number="KCSM260001",
        document_type=DocumentType.RAIL_WAYBILL,
        place_of_receipt=Place(name="MONTERREY", country="MX"),
        place_of_loading=Place(code="20195", scheme=PlaceScheme.SCHEDULE_K, name="NUEVO LAREDO", country="MX"),
        parties=(_shipper("AUTOPARTES DEL NORTE SA DE CV", "NAL851215QT1"), _consignee("TEXAS AUTO PARTS INC")),
        goods=(
            _goods(1, "AUTOMOTIVE BRAKE PARTS", "870899", "8708.99.81.80", "87089999", "40000", 40, ("KCSM123456",)),
        ),
        equipment=(
            Equipment(
                kind=EquipmentKind.RAILCAR,
                initial="KCSM",
                number="123456",
                loaded=True,
                seals=(Seal(number="KC000123"),),
                net_weight=_kg("40000"),
            ),
        ),
        total_packages=Packages(count=40, kind="PLT"),
        gross_weight=_kg("40000"),
    )
    second = Consignment(
        document_number="KCSM260002",
        document_type=DocumentType.RAIL_WAYBILL,
        place_of_loading=Place(code="20195", scheme=PlaceScheme.SCHEDULE_K, name="NUEVO LAREDO", country="MX"),
        parties=(_shipper("RESINAS ATLAS SA DE CV", "ATR920505K1A"), _consignee("GULF POLYMERS LLC")),
        goods=(
            _goods(1, "POLYETHYLENE RESIN PELLETS", "390110", "3901.10.10.00", "39011001", "60000", 1, ("TTGX900123",)),
            _goods(
                2,
                "PETROLEUM DISTILLATES",
                "271019",
                "2710.19.06.00",
                "27101999",
                "80000",
                1,
                ("TFM55012",),
                (HazardousMaterial(un_number="1268", hazard_class="3", packing_group="II"),),
            ),
        ),
        equipment=(
            Equipment(
                kind=EquipmentKind.RAILCAR, initial="TTGX", number="900123", loaded=True, net_weight=_kg("60000")
            ),
            Equipment(kind=EquipmentKind.RAILCAR, initial="TFM", number="55012", loaded=True, net_weight=_kg("80000")),
        ),
        total_packages=Packages(count=2),
        gross_weight=_kg("140000"),
    )
    return Manifest(
        mode=Mode.RAIL,
        carrier=Carrier(name="CPKC DE MEXICO", scac="KCSM", tax_id=TaxId(scheme=TaxIdScheme.RFC, value="KCM970609AB8")),
        conveyance=Conveyance(train_id="KCSM-NB127"),
        trip_number="NB127",
        departure=Stop(
            place=Place(code="24", scheme=PlaceScheme.SAT_ADUANA, name="NUEVO LAREDO", country="MX"),
            moment=datetime(2026, 11, 20, 8, 0),
        ),
        arrival=Stop(
            place=Place(code="2304", scheme=PlaceScheme.SCHEDULE_D, name="LAREDO, TX", country="US"),
            moment=datetime(2026, 11, 20, 10, 30),
        ),
        office_of_entry=Place(code="2304", scheme=PlaceScheme.SCHEDULE_D, name="LAREDO, TX", country="US"),
        direction=Direction.NORTHBOUND,
        country_from="MX",
        country_to="US",
        consignments=(first, second),
    )


def maritime() -> Manifest:
    def bill(number: str, container: str, seal: str, hs: str, hts: str, fraccion: str, weight: str) -> Consignment:
        return Consignment(
            document_number=number,
            document_type=DocumentType.BILL_OF_LADING,
            place_of_receipt=Place(name="GUADALAJARA", country="MX"),
            place_of_loading=Place(code="MXZLO", scheme=PlaceScheme.UNLOCODE, name="MANZANILLO", country="MX"),
            place_of_discharge=Place(code="2709", scheme=PlaceScheme.SCHEDULE_D, name="LONG BEACH", country="US"),
            parties=(_shipper("AUTOPARTES DEL NORTE SA DE CV", "NAL851215QT1"), _consignee("TEXAS AUTO PARTS INC")),
            goods=(_goods(1, "AUTOMOTIVE BRAKE PARTS", hs, hts, fraccion, weight, 20, (container,)),),
            equipment=(
                Equipment(
                    kind=EquipmentKind.CONTAINER,
                    initial=container[:4],
                    number=container[4:],
                    size_type="45G1",
                    loaded=True,
                    seals=(Seal(number=seal),),
                ),
            ),
            total_packages=Packages(count=20, kind="PLT"),
            gross_weight=_kg(weight),
        )

    return Manifest(
        mode=Mode.MARITIME,
        carrier=Carrier(name="MAERSK", scac="MAEU", tax_id=TaxId(scheme=TaxIdScheme.RFC, value="GOML800101HM7")),
        conveyance=Conveyance(name="CAPE MANZANILLO", imo_number="9321483", flag="PA"),
        trip_number="026N",
        departure=Stop(
            place=Place(code="MXZLO", scheme=PlaceScheme.UNLOCODE, name="MANZANILLO", country="MX"),
            moment=datetime(2026, 11, 10, 18, 0),
        ),
        arrival=Stop(
            place=Place(code="2709", scheme=PlaceScheme.SCHEDULE_D, name="LONG BEACH", country="US"),
            moment=datetime(2026, 11, 16, 6, 0),
        ),
        office_of_entry=Place(code="2709", scheme=PlaceScheme.SCHEDULE_D, name="LONG BEACH", country="US"),
        direction=Direction.NORTHBOUND,
        country_from="MX",
        country_to="US",
        consignments=(
            bill("MAEU260112345", "MSKU1234565", "ML123456", "870899", "8708.99.81.80", "87089999", "18000"),
            bill("MAEU260112346", "TGHU7654320", "ML123457", "390110", "3901.10.10.00", "39011001", "21000"),
        ),
    )


def air() -> Manifest:
    master = Consignment(
        document_number="139-12345675",
        document_type=DocumentType.AIR_WAYBILL,
        place_of_loading=Place(code="MEX", scheme=PlaceScheme.IATA_AIRPORT, name="MEXICO CITY", country="MX"),
        place_of_discharge=Place(code="LAX", scheme=PlaceScheme.IATA_AIRPORT, name="LOS ANGELES", country="US"),
        parties=(_shipper("CONSOLIDADORA AEREA SA DE CV", "ATR920505K1A"), _consignee("PACIFIC FORWARDING INC")),
        goods=(_goods(1, "CONSOLIDATION AS PER MANIFEST", "870899", "8708.99.81.80", "87089999", "500", 12, ()),),
        total_packages=Packages(count=12),
        gross_weight=_kg("500"),
    )

    def house(number: str, description: str, weight: str, count: int) -> Consignment:
        return Consignment(
            document_number=number,
            document_type=DocumentType.HOUSE_AIR_WAYBILL,
            master_number="139-12345675",
            place_of_loading=Place(code="MEX", scheme=PlaceScheme.IATA_AIRPORT, name="MEXICO CITY", country="MX"),
            place_of_discharge=Place(code="LAX", scheme=PlaceScheme.IATA_AIRPORT, name="LOS ANGELES", country="US"),
            parties=(_shipper("AUTOPARTES DEL NORTE SA DE CV", "NAL851215QT1"), _consignee("TEXAS AUTO PARTS INC")),
            goods=(_goods(1, description, "870899", "8708.99.81.80", "87089999", weight, count, ()),),
            total_packages=Packages(count=count),
            gross_weight=_kg(weight),
        )

    return Manifest(
        mode=Mode.AIR,
        carrier=Carrier(
            name="AEROMEXICO",
            iata_code="AM",
            iata_prefix="139",
            tax_id=TaxId(scheme=TaxIdScheme.RFC, value="KCM970609AB8"),
        ),
        conveyance=Conveyance(flight_number="AM0642", aircraft_registration="XA-AMX"),
        trip_number="AM0642",
        departure=Stop(
            place=Place(code="MEX", scheme=PlaceScheme.IATA_AIRPORT, name="MEXICO CITY", country="MX"),
            moment=datetime(2026, 11, 21, 9, 15),
        ),
        arrival=Stop(
            place=Place(code="LAX", scheme=PlaceScheme.IATA_AIRPORT, name="LOS ANGELES", country="US"),
            moment=datetime(2026, 11, 21, 11, 40),
        ),
        office_of_entry=Place(code="2720", scheme=PlaceScheme.SCHEDULE_D, name="LOS ANGELES AIRPORT", country="US"),
        direction=Direction.NORTHBOUND,
        country_from="MX",
        country_to="US",
        consignments=(
            master,
            house("HMX0000101", "BRAKE PADS", "300", 7),
            house("HMX0000102", "BRAKE ROTORS", "200", 5),
        ),
    )


def road() -> Manifest:
    """A northbound truck Nuevo Laredo -> Laredo (2304): a tractor with one trailer, its driver, one shipment."""
    trailer = Equipment(
        kind=EquipmentKind.TRAILER,
        number="TR5531",
        seals=(Seal(number="SL778812"),),
        vehicle_plate="45XY7Z",
        plate_subdivision="TAM",
        plate_country="MX",
    )
    shipment = Consignment(
        document_number="ABCD2612050001",
        document_type=DocumentType.ROAD_CONSIGNMENT_NOTE,
        place_of_loading=Place(name="NUEVO LAREDO", country="MX"),
        parties=(_shipper("AUTOPARTES DEL NORTE SA DE CV", "NAL851215QT1"), _consignee("TEXAS AUTO PARTS INC")),
        goods=(_goods(1, "AUTOMOTIVE BRAKE PARTS", "870899", "8708.99.81.80", "87089999", "8400", 20, ("TR5531",)),),
        equipment=(trailer,),
        total_packages=Packages(count=20, kind="PLT"),
        gross_weight=_kg("8400"),
    )
    return Manifest(
        mode=Mode.ROAD,
        carrier=Carrier(name="TRANSPORTES FRONTERA SA DE CV", scac="ABCD"),
        conveyance=Conveyance(
            vin="3AKJHHDR8NSMA1234",
            vehicle_plate="12AB3C",
            plate_subdivision="TAM",
            plate_country="MX",
            usdot_number="1234567",
            model_year=2022,
            type_code="T3S2",
            gross_vehicle_weight=Quantity(value=Decimal("23.4"), unit="TNE"),
            permits=(Permit(kind="TPAF01", number="0928LRD0731"),),
            insurances=(
                Insurance(
                    cover=InsuranceCover.CIVIL_LIABILITY, insurer="SEGUROS FRONTERA SA DE CV", policy="RC-2026-7731"
                ),
            ),
        ),
        trip_number="ABCD2612050001",
        departure=Stop(
            place=Place(code="24", scheme=PlaceScheme.SAT_ADUANA, name="NUEVO LAREDO", country="MX"),
            moment=datetime(2026, 12, 5, 8, 0),
        ),
        arrival=Stop(
            place=Place(code="2304", scheme=PlaceScheme.SCHEDULE_D, name="LAREDO, TX", country="US"),
            moment=datetime(2026, 12, 5, 9, 30),
        ),
        office_of_entry=Place(code="2304", scheme=PlaceScheme.SCHEDULE_D, name="LAREDO, TX", country="US"),
        direction=Direction.NORTHBOUND,
        country_from="MX",
        country_to="US",
        equipment=(trailer,),
        crew=(
            CrewMember(
                family_name="GARZA",
                given_name="JUAN",
                date_of_birth=date(1981, 4, 17),
                gender="M",
                citizenship="MX",
                documents=(
                    TravelDocument(kind="passport", number="G12345678", country="MX"),
                    TravelDocument(kind=LICENCE, number="LFC0912345"),
                ),
                tax_ids=(TaxId(scheme=TaxIdScheme.RFC, value="GAXJ810417H5A"),),
            ),
        ),
        consignments=(shipment,),
    )


VALID = {Mode.RAIL: rail, Mode.MARITIME: maritime, Mode.AIR: air, Mode.ROAD: road}
