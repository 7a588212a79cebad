"""What the Carta Porte writer carries of each model class: the fields it writes whenever they hold a value (for the
conveyance, carrier and equipment, by mode). :mod:`.losses` reports any other field that holds one, so that a field
added to the model is reported until the writer learns it, and checks against what the writer wrote the values the
table cannot vouch for."""

from __future__ import annotations

from manifest.formats.carta_porte import rail
from manifest.model import (
    Address,
    Consignment,
    Contact,
    CustomsDocument,
    EquipmentKind,
    GoodsItem,
    HazardousMaterial,
    Insurance,
    Mode,
    Money,
    Packages,
    Party,
    Permit,
    Place,
    Quantity,
    Reference,
    Seal,
    Stop,
    TariffCode,
    TaxId,
    TravelDocument,
)

CARRIED: dict[type, frozenset[str]] = {
    Stop: frozenset({"place", "moment", "distance_km", "extensions"}),
    Place: frozenset({"code", "scheme", "name", "country", "address", "extensions"}),
    Address: frozenset(
        {"street", "number", "district", "city", "municipality", "subdivision", "postal_code", "country", "extensions"}
    ),
    Party: frozenset({"role", "name", "tax_ids", "address", "extensions"}),
    TaxId: frozenset({"scheme", "value", "country"}),
    Consignment: frozenset({"document_number", "document_type", "parties", "goods", "equipment", "gross_weight"}),
    GoodsItem: frozenset(
        {
            "sequence",
            "description",
            "quantity",
            "packages",
            "gross_weight",
            "net_weight",
            "hs_code",
            "tariff_codes",
            "stcc",
            "hazardous",
            "value",
            "sat_product_key",
            "customs_documents",
            "equipment_ids",
            "extensions",
        }
    ),
    CustomsDocument: frozenset({"kind", "number", "importer_tax_id", "extensions"}),
    HazardousMaterial: frozenset({"un_number", "extensions"}),
    TariffCode: frozenset({"scheme", "code"}),
    Quantity: frozenset({"value", "unit"}),
    Money: frozenset({"amount", "currency"}),
    Packages: frozenset({"count", "kind"}),
    Seal: frozenset({"number"}),
    Reference: frozenset({"kind", "value", "extensions"}),
    Contact: frozenset(),
    Permit: frozenset({"kind", "number"}),
    Insurance: frozenset({"cover", "insurer", "policy"}),
    TravelDocument: frozenset({"kind", "number"}),
}
MANIFEST = frozenset(
    {
        "mode",
        "carrier",
        "conveyance",
        "departure",
        "arrival",
        "stops",
        "direction",
        "country_from",
        "country_to",
        "parties",
        "references",
        "consignments",
        "crew",
        "extensions",
    }
)
CONVEYANCE = {
    Mode.RAIL: frozenset({"extensions"}),
    Mode.MARITIME: frozenset({"name", "imo_number", "flag", "type_code", "extensions"}),
    Mode.AIR: frozenset({"aircraft_registration", "extensions"}),
    Mode.ROAD: frozenset(
        {"vehicle_plate", "type_code", "gross_vehicle_weight", "model_year", "permits", "insurances", "extensions"}
    ),
}
CARRIER = {
    Mode.RAIL: frozenset({"extensions"}),
    Mode.MARITIME: frozenset({"name", "extensions"}),
    Mode.AIR: frozenset({"sat_air_code", "extensions"}),
    Mode.ROAD: frozenset({"extensions"}),
}
EQUIPMENT = {
    EquipmentKind.RAILCAR: frozenset({"kind", "initial", "number", "net_weight", "type_codes", "extensions"}),
    EquipmentKind.CONTAINER: frozenset({"kind", "initial", "number", "seals", "type_codes", "extensions"}),
    EquipmentKind.TRAILER: frozenset({"kind", "number", "vehicle_plate", "type_codes", "extensions"}),
}
# A driver as a TiposFigura: NombreFigura (whole name or its parts), RFCFigura or NumRegIdTribFigura, NumLicencia
# and Domicilio; each of these is then checked on its own.
DRIVER = frozenset(
    {"role", "name", "given_name", "middle_name", "family_name", "tax_ids", "documents", "address", "extensions"}
)
# The SAT catalogue each kind of equipment written states its type in, by whether it rides a train.
TYPE_CATALOGUES = {
    (True, EquipmentKind.RAILCAR): rail.CAR_TYPES,
    (True, EquipmentKind.LOCOMOTIVE): rail.CAR_TYPES,
    (True, EquipmentKind.CONTAINER): rail.CONTAINER_TYPES,
    (False, EquipmentKind.CONTAINER): "c_ContenedorMaritimo",
}
RAIL_CONTAINER = frozenset({"kind", "tare_weight", "net_weight", "type_codes", "extensions"})
