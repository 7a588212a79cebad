"""The enumerations of the model: modes of transport, schemes of codes, roles, kinds of document and equipment."""

from __future__ import annotations

from enum import StrEnum


class Mode(StrEnum):
    RAIL = "rail"
    MARITIME = "maritime"
    AIR = "air"
    ROAD = "road"


class PlaceScheme(StrEnum):
    """The code list a place code belongs to."""

    SCHEDULE_D = "schedule-d"  # CBP/Census US port, 4 digits
    SCHEDULE_K = "schedule-k"  # USACE/Census foreign port, 5 digits
    UNLOCODE = "unlocode"  # UN/ECE Recommendation 16, 5 characters
    IATA_AIRPORT = "iata-airport"  # IATA Resolution 763 location identifier, 3 letters
    SAT_STATION = "sat-station"  # SAT Carta Porte c_Estaciones
    SAT_ADUANA = "sat-aduana"  # SAT c_Aduana (Anexo 22 Apendice 1), 2 digits
    SAT_LOCATION_ID = "sat-location-id"  # Carta Porte Ubicacion/@IDUbicacion, OR/DE + 6 digits
    FIRMS = "firms"  # CBP Facilities Information and Resources Management System code
    OTHER = "other"


class PartyRole(StrEnum):
    SHIPPER = "shipper"
    CONSIGNEE = "consignee"
    NOTIFY = "notify"
    BROKER = "broker"
    IMPORTER = "importer"
    EXPORTER = "exporter"
    CARRIER = "carrier"
    AGENT = "agent"
    FORWARDER = "forwarder"
    OWNER = "owner"
    OPERATOR = "operator"
    LESSOR = "lessor"
    FILER = "filer"
    ISSUER = "issuer"
    RECEIVER = "receiver"
    OTHER = "other"


class TaxIdScheme(StrEnum):
    RFC = "rfc"  # Mexican Registro Federal de Contribuyentes
    EIN = "ein"  # US IRS employer identification number
    IOR = "ior"  # CBP importer of record number
    CBP_ASSIGNED = "cbp-assigned"
    FOREIGN = "foreign"  # Carta Porte NumRegIdTrib: a foreign tax id with its ResidenciaFiscal
    CURP = "curp"
    GLN = "gln"
    OTHER = "other"


class DocumentType(StrEnum):
    BILL_OF_LADING = "bill-of-lading"
    HOUSE_BILL_OF_LADING = "house-bill-of-lading"
    SEA_WAYBILL = "sea-waybill"
    RAIL_WAYBILL = "rail-waybill"
    AIR_WAYBILL = "air-waybill"  # master air waybill
    HOUSE_AIR_WAYBILL = "house-air-waybill"
    ROAD_CONSIGNMENT_NOTE = "road-consignment-note"
    OTHER = "other"


class EquipmentKind(StrEnum):
    CONTAINER = "container"
    RAILCAR = "railcar"
    ULD = "uld"
    TRAILER = "trailer"
    TRUCK = "truck"
    LOCOMOTIVE = "locomotive"
    CHASSIS = "chassis"
    OTHER = "other"


class Payment(StrEnum):
    """Who pays a charge: the shipper at origin (prepaid) or the consignee at destination (collect)."""

    PREPAID = "prepaid"
    COLLECT = "collect"


class Direction(StrEnum):
    """Crossing direction relative to the US/Mexico border; Carta Porte EntradaSalidaMerc is relative to Mexico."""

    NORTHBOUND = "northbound"
    SOUTHBOUND = "southbound"


class InsuranceCover(StrEnum):
    CIVIL_LIABILITY = "civil-liability"  # Carta Porte AseguraRespCivil / PolizaRespCivil
    ENVIRONMENT = "environment"  # AseguraMedAmbiente / PolizaMedAmbiente (hazardous materials)
    CARGO = "cargo"  # AseguraCarga / PolizaCarga
    OTHER = "other"


class CrewRole(StrEnum):
    DRIVER = "driver"
    CREW = "crew"
    PASSENGER = "passenger"
