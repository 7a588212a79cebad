"""The harmonized manifest model: the data set that CBP (ACE) and SAT (VUCEM, Carta Porte) both need.

Every format reads into these classes and writes from them, so N formats need N readers and N writers. The classes
are frozen; sequences are tuples; quantities are ``Decimal`` (never float, a weight of 0.1 kg must stay 0.1 kg).

Field names follow the WCO Data Model where one exists. Coded values keep their scheme next to them (a place code
is meaningless without knowing whether it is a Schedule D port, a UN/LOCODE or a SAT station). Data that only one
format carries (an X12 control number, a CFDI seal) goes in ``extensions``: a flat map from a key namespaced by the
format (``x12.M10.07``, ``cfdi.Sello``) to its text, so that reading and writing the same format loses nothing and a
conversion elsewhere can list exactly what it leaves behind.

The model is one package: its enumerations are in :mod:`~manifest.model.codes`, its small values in
:mod:`~manifest.model.values`, what a truck adds in :mod:`~manifest.model.road`, and the objects that make a manifest
here; every name is taken from ``manifest.model``.
"""

from __future__ import annotations

from decimal import Decimal

from manifest.model.basics import NO_EXTENSIONS, Extensions, Moment
from manifest.model.codes import (
    CrewRole,
    Direction,
    DocumentType,
    EquipmentKind,
    InsuranceCover,
    Mode,
    PartyRole,
    Payment,
    PlaceScheme,
    TaxIdScheme,
)
from manifest.model.road import CrewMember, Insurance, Permit, TravelDocument
from manifest.model.values import Address, Contact, Money, Packages, Place, Quantity, Stop, TaxId
from manifest.slotted import record

__all__ = [
    "NO_EXTENSIONS",
    "Address",
    "Carrier",
    "ChargeDeclarations",
    "Consignment",
    "Contact",
    "Conveyance",
    "CrewMember",
    "CrewRole",
    "CustomsDocument",
    "CustomsNote",
    "Direction",
    "DocumentType",
    "Equipment",
    "EquipmentKind",
    "Execution",
    "Extensions",
    "GoodsItem",
    "HazardousMaterial",
    "InBond",
    "Insurance",
    "InsuranceCover",
    "Manifest",
    "Mode",
    "Moment",
    "Money",
    "Packages",
    "Party",
    "PartyRole",
    "Payment",
    "Permit",
    "Place",
    "PlaceScheme",
    "Quantity",
    "Rate",
    "Reference",
    "Seal",
    "Stop",
    "TariffCode",
    "TaxId",
    "TaxIdScheme",
    "TravelDocument",
]


@record(kw_only=True)
class Party:
    role: PartyRole
    name: str | None = None
    address: Address | None = None
    tax_ids: tuple[TaxId, ...] = ()
    trusted_trader_id: str | None = None  # C-TPAT SVI, NEEC/OEA registration
    contact: Contact | None = None
    code: str | None = None  # the party's code in the format (SCAC, CAAT, GLN, IATA agent code)
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class Carrier:
    name: str | None = None
    scac: str | None = None  # NMFTA Standard Carrier Alpha Code, 2-4 letters
    iata_code: str | None = None  # IATA airline designator, 2 characters
    iata_prefix: str | None = None  # IATA airline accounting prefix, 3 digits (air waybill prefix)
    sat_caat: str | None = None  # SAT Codigo Alfanumerico Armonizado del Transportista
    sat_air_code: str | None = None  # SAT Carta Porte c_CodigoTransporteAereo (CA001 ...)
    tax_id: TaxId | None = None
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class Conveyance:
    """The vessel, train, aircraft or truck; only the fields of its mode are set."""

    name: str | None = None  # vessel name
    imo_number: str | None = None  # 7 digits, without the "IMO" prefix
    flag: str | None = None  # country of registry
    call_sign: str | None = None
    train_id: str | None = None
    flight_number: str | None = None  # carrier designator + number, e.g. "AM0402"
    aircraft_registration: str | None = None
    vehicle_plate: str | None = None  # a truck's licence plate number, as issued
    plate_subdivision: str | None = None  # the state or province that issued the plate (ISO 3166-2 suffix)
    plate_country: str | None = None  # the country that issued the plate
    vin: str | None = None  # vehicle identification number, 17 characters (ISO 3779, 49 CFR 565)
    usdot_number: str | None = None  # US DOT number of the motor carrier operating the truck (49 CFR 390.19)
    transponder: str | None = None  # CBP ACE decal or transponder number of a commercial truck
    model_year: int | None = None  # Carta Porte AnioModeloVM
    gross_vehicle_weight: Quantity | None = None  # Carta Porte PesoBrutoVehicular
    type_code: str | None = None  # e.g. SAT c_ConfigMaritima, c_ConfigAutotransporte
    permits: tuple[Permit, ...] = ()  # authority to operate: SAT PermSCT and NumPermisoSCT
    insurances: tuple[Insurance, ...] = ()  # Carta Porte Seguros: civil liability, environment, cargo
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class Reference:
    """A reference to another document: a CFDI UUID, a Carta Porte IdCCP, a pedimento, an ISF, a booking."""

    kind: str
    value: str
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class CustomsDocument:
    """A customs document covering goods: a pedimento, a US entry, an in-bond, an aviso."""

    kind: str  # "pedimento", "us-entry", "in-bond", or the agency's own code (SAT c_DocumentoAduanero)
    number: str | None = None
    regime: str | None = None  # SAT c_RegimenAduanero, US entry type
    importer_tax_id: TaxId | None = None
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class CustomsNote:
    """A coded customs, security or regulatory note on a consignment: the Cargo-IMP OCI line (country, information
    identifier, control information identifier, supplementary text) and its Cargo-XML counterpart
    IncludedCustomsNote (CountryID, SubjectCode, ContentCode, Content)."""

    country: str | None = None  # ISO 3166-1 alpha-2
    subject: str | None = None  # information identifier: ISS, SHP, CNE, IMP, EXP, AGT ...
    content_code: str | None = None  # control information identifier: T (tax id), RA, SD, AH, RT ...
    content: str | None = None
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class InBond:
    """US in-bond movement data (X12 309 M12, ACE in-bond)."""

    entry_type: str | None = None  # CBP in-bond type, e.g. 61 IT, 62 T&E, 63 IE, 69 T-train
    number: str | None = None
    destination: Place | None = None
    bonded_carrier: str | None = None
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class HazardousMaterial:
    un_number: str | None = None  # 4 digits, without the "UN" prefix
    hazard_class: str | None = None
    packing_group: str | None = None  # I, II or III
    proper_shipping_name: str | None = None
    contact: Contact | None = None
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class TariffCode:
    scheme: str  # "hs", "us-hts", "mx-fraccion", "stcc"
    code: str


@record(kw_only=True)
class Seal:
    number: str
    party: str | None = None  # who applied it (carrier, shipper, customs)


@record(kw_only=True)
class Equipment:
    kind: EquipmentKind
    initial: str | None = None  # rail reporting mark, container owner prefix, ULD type+owner
    number: str
    size_type: str | None = None  # ISO 6346 size-type code, ULD type
    seals: tuple[Seal, ...] = ()
    loaded: bool | None = None
    tare_weight: Quantity | None = None
    gross_weight: Quantity | None = None
    net_weight: Quantity | None = None
    type_codes: tuple[Reference, ...] = ()  # agency type codes: X12 VID01, SAT c_TipoCarro ...
    vehicle_plate: str | None = None  # a trailer's or chassis's licence plate number, as issued
    plate_subdivision: str | None = None  # the state or province that issued the plate
    plate_country: str | None = None  # the country that issued the plate
    extensions: Extensions = NO_EXTENSIONS

    @property
    def identifier(self) -> str:
        return f"{self.initial or ''}{self.number}"


@record(kw_only=True)
class Rate:
    """The charge of one rate line of an air waybill: Cargo-IMP RTD elements C, S, W, R and T; Cargo-XML
    ApplicableFreightRateServiceCharge (CategoryCode, CommodityItemID, ChargeableWeightMeasure, AppliedRate,
    AppliedAmount). Amounts are in the currency of the waybill's charge declarations."""

    rate_class: str | None = None  # IATA rate class code: M minimum, N normal, Q quantity, C specific commodity ...
    commodity_item: str | None = None  # specific commodity item number
    chargeable_weight: Quantity | None = None
    rate: Decimal | None = None  # rate or charge per unit of chargeable weight
    total: Decimal | None = None  # the line's charge
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class ChargeDeclarations:
    """The charge declarations of an air waybill: Cargo-IMP CVD; Cargo-XML ApplicableOriginCurrencyExchange,
    ApplicableLogisticsServiceCharge, TotalChargePrepaidIndicator, TotalDisbursementPrepaidIndicator and the
    declared values with their Nil indicators. A declared value of None is declared as none (NVD, XXX; Nil...
    Indicator true); the declared value for customs is the consignment's ``value`` (NCV when None)."""

    currency: str | None = None  # ISO 4217, the currency of every charge and value of the waybill
    charge_code: str | None = None  # IATA charge code: PP, CC, PX, CX, CA ...
    weight_valuation: Payment | None = None  # weight charge and valuation charge
    other_charges: Payment | None = None
    carriage_value: Decimal | None = None  # declared value for carriage
    insurance_value: Decimal | None = None  # amount of insurance
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class Execution:
    """The carrier's execution of an air waybill: Cargo-IMP ISU; Cargo-XML SignatoryCarrierAuthentication."""

    moment: Moment | None = None  # date (and time) of execution
    place: str | None = None  # place of execution, as named on the waybill
    signature: str | None = None  # the carrier's or its agent's signature (authorisation)
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class GoodsItem:
    sequence: int | None = None
    description: str | None = None
    quantity: Quantity | None = None
    packages: Packages | None = None
    gross_weight: Quantity | None = None
    net_weight: Quantity | None = None
    volume: Quantity | None = None
    hs_code: str | None = None  # Harmonized System, 6 digits
    tariff_codes: tuple[TariffCode, ...] = ()  # national codes: US HTS, Mexican fraccion
    stcc: str | None = None  # Standard Transportation Commodity Code (rail)
    marks: str | None = None
    hazardous: tuple[HazardousMaterial, ...] = ()
    origin_country: str | None = None
    value: Money | None = None
    sat_product_key: str | None = None  # Carta Porte c_ClaveProdServCP
    customs_documents: tuple[CustomsDocument, ...] = ()
    equipment_ids: tuple[str, ...] = ()  # identifiers of the equipment the item is loaded in
    rate: Rate | None = None  # an air waybill rate line's charge
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class Consignment:
    """One transport document: an ocean bill of lading, a rail waybill, a master or house air waybill."""

    document_number: str
    document_type: DocumentType = DocumentType.BILL_OF_LADING
    master_number: str | None = None  # for a house document, its master
    place_of_receipt: Place | None = None
    place_of_loading: Place | None = None
    place_of_discharge: Place | None = None
    place_of_delivery: Place | None = None
    parties: tuple[Party, ...] = ()
    goods: tuple[GoodsItem, ...] = ()
    equipment: tuple[Equipment, ...] = ()
    # The document's totals. On a flight manifest a waybill split over several flights (FFM P, S or D lines; XFFM
    # TransportSplitDescription) is listed by the parts on board: each goods item holds a part's pieces, weight and
    # volume, and total_packages and gross_weight the waybill's totals only where the manifest gives them (FFM
    # T<pieces>; XFFM TotalPieceQuantity, TotalGrossWeightMeasure), never a part's.
    total_packages: Packages | None = None
    gross_weight: Quantity | None = None
    volume: Quantity | None = None
    value: Money | None = None
    in_bond: InBond | None = None
    customs_documents: tuple[CustomsDocument, ...] = ()
    references: tuple[Reference, ...] = ()
    handling_codes: tuple[str, ...] = ()  # IATA special handling codes (GEN, PER, RFL, EAP ...), in message order
    customs_notes: tuple[CustomsNote, ...] = ()
    charges: ChargeDeclarations | None = None  # an air waybill's charge declarations
    execution: Execution | None = None  # an air waybill's execution by the carrier
    extensions: Extensions = NO_EXTENSIONS

    def party(self, role: PartyRole) -> Party | None:
        return next((p for p in self.parties if p.role == role), None)


@record(kw_only=True)
class Manifest:
    mode: Mode
    carrier: Carrier | None = None
    conveyance: Conveyance | None = None
    trip_number: str | None = None  # voyage, train or flight/trip number as the agency knows it
    departure: Stop | None = None
    arrival: Stop | None = None
    stops: tuple[Stop, ...] = ()  # intermediate stops in order
    office_of_entry: Place | None = None  # US Schedule D port or Mexican aduana
    direction: Direction | None = None
    country_from: str | None = None
    country_to: str | None = None
    parties: tuple[Party, ...] = ()  # manifest-level parties: filer, issuer, receiver, operators
    references: tuple[Reference, ...] = ()
    equipment: tuple[Equipment, ...] = ()  # the conveyance's own equipment in order: a train consist, trailers
    crew: tuple[CrewMember, ...] = ()  # the people aboard: a truck's driver, co-driver and passengers
    consignments: tuple[Consignment, ...] = ()
    extensions: Extensions = NO_EXTENSIONS
