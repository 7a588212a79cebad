"""The harmonized manifest model: the data set that CBP (ACE) and SAT (VUCEM, Carta Porte) both need.

Every format reads into these classes and writes from them, so N formats need N readers and N writers. The classes
are frozen; sequences are tuples; quantities are ``Decimal`` (never float, a weight of 0.1 kg must stay 0.1 kg).

Field names follow the WCO Data Model where one exists. Coded values keep their scheme next to them (a place code
is meaningless without knowing whether it is a Schedule D port, a UN/LOCODE or a SAT station). Data that only one
format carries (an X12 control number, a CFDI seal) goes in ``extensions``: a flat map from a key namespaced by the
format (``x12.M10.07``, ``cfdi.Sello``) to its text, so that reading and writing the same format loses nothing and a
conversion elsewhere can list exactly what it leaves behind.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum

from manifest.slotted import quick_init

Extensions = Mapping[str, str]


class _NoExtensions(dict[str, str]):
    """The extensions of an object that has none: one shared, immutable empty map instead of an empty dict per
    object (most objects of a manifest carry no format-only data, and a large file made tens of thousands of them).
    A dict still, so that everything that reads, compares, serializes or pickles extensions treats it as one."""

    def _refuse(self, *args: object, **kwargs: object) -> None:
        raise TypeError("a model object's extensions are immutable")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _refuse  # type: ignore[assignment]

    def __hash__(self) -> int:  # type: ignore[override]
        return hash(frozenset())  # immutable, so hashable (which is also what lets it be a dataclass default)

    def __reduce__(self) -> str:
        return "NO_EXTENSIONS"  # unpickled as the same shared object

    def __copy__(self) -> _NoExtensions:
        return self

    def __deepcopy__(self, memo: object) -> _NoExtensions:
        return self


NO_EXTENSIONS: Extensions = _NoExtensions()


Moment = date | datetime
"""A date, or a date and time; a ``datetime`` may be naive (CFDI local time) or carry an offset."""


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


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """An amount with its unit, as a UN/ECE Recommendation 20 code (KGM, LBR, TNE, MTQ, FTQ, H87 pieces ...)."""

    value: Decimal
    unit: str


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Money:
    amount: Decimal
    currency: str  # ISO 4217


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Packages:
    count: int
    kind: str | None = None  # UN/ECE Recommendation 21 package type, or the format's own manifest unit code


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Address:
    street: str | None = None
    number: str | None = None
    district: str | None = None  # colonia
    city: str | None = None
    municipality: str | None = None
    subdivision: str | None = None  # state or province code (ISO 3166-2 suffix, SAT c_Estado)
    postal_code: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2 or alpha-3, as the source has it
    extensions: Extensions = NO_EXTENSIONS


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    code: str | None = None
    scheme: PlaceScheme | None = None
    name: str | None = None
    country: str | None = None
    address: Address | None = None
    extensions: Extensions = NO_EXTENSIONS


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Stop:
    """A place with the moment a conveyance or consignment leaves or reaches it."""

    place: Place
    moment: Moment | None = None
    distance_km: Decimal | None = None
    extensions: Extensions = NO_EXTENSIONS


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class TaxId:
    scheme: TaxIdScheme
    value: str
    country: str | None = None  # issuing country, e.g. Carta Porte ResidenciaFiscal


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Contact:
    name: str | None = None
    phone: str | None = None
    email: str | None = None


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Party:
    role: PartyRole
    name: str | None = None
    address: Address | None = None
    tax_ids: tuple[TaxId, ...] = ()
    trusted_trader_id: str | None = None  # C-TPAT SVI, NEEC/OEA registration
    contact: Contact | None = None
    code: str | None = None  # the party's code in the format (SCAC, CAAT, GLN, IATA agent code)
    extensions: Extensions = NO_EXTENSIONS


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Carrier:
    name: str | None = None
    scac: str | None = None  # NMFTA Standard Carrier Alpha Code, 2-4 letters
    iata_code: str | None = None  # IATA airline designator, 2 characters
    iata_prefix: str | None = None  # IATA airline accounting prefix, 3 digits (air waybill prefix)
    sat_caat: str | None = None  # SAT Codigo Alfanumerico Armonizado del Transportista
    sat_air_code: str | None = None  # SAT Carta Porte c_CodigoTransporteAereo (CA001 ...)
    tax_id: TaxId | None = None
    extensions: Extensions = NO_EXTENSIONS


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
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


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Permit:
    """A permit to operate a conveyance: the SCT's federal motor transport permit of a Carta Porte."""

    kind: str | None = None  # SAT c_TipoPermiso (TPAF01 ...)
    number: str | None = None  # NumPermisoSCT
    extensions: Extensions = NO_EXTENSIONS


class InsuranceCover(StrEnum):
    CIVIL_LIABILITY = "civil-liability"  # Carta Porte AseguraRespCivil / PolizaRespCivil
    ENVIRONMENT = "environment"  # AseguraMedAmbiente / PolizaMedAmbiente (hazardous materials)
    CARGO = "cargo"  # AseguraCarga / PolizaCarga
    OTHER = "other"


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Insurance:
    cover: InsuranceCover
    insurer: str | None = None
    policy: str | None = None
    premium: Money | None = None  # Carta Porte PrimaSeguro
    extensions: Extensions = NO_EXTENSIONS


class CrewRole(StrEnum):
    DRIVER = "driver"
    CREW = "crew"
    PASSENGER = "passenger"


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class TravelDocument:
    """A document that identifies a crew member: a passport, a driver's licence, a border crossing card."""

    kind: str  # the format's own document type code (ACE truck REF01, Carta Porte licence)
    number: str
    country: str | None = None  # issuing country
    subdivision: str | None = None  # issuing state or province, for a driver's licence
    extensions: Extensions = NO_EXTENSIONS


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class CrewMember:
    """A person aboard a conveyance: the driver and co-driver of a truck, its passengers (ACE truck NM1 loop,
    Carta Porte FiguraTransporte of TipoFigura 01)."""

    role: CrewRole = CrewRole.DRIVER
    name: str | None = None  # the whole name, where the format does not split it
    family_name: str | None = None
    given_name: str | None = None
    middle_name: str | None = None
    date_of_birth: Moment | None = None  # a date
    gender: str | None = None  # M, F or X, as ACE codes it
    citizenship: str | None = None  # country of citizenship
    documents: tuple[TravelDocument, ...] = ()
    fast_card: str | None = None  # CBP Free and Secure Trade commercial driver card number
    tax_ids: tuple[TaxId, ...] = ()  # Carta Porte RFCFigura, NumRegIdTribFigura
    address: Address | None = None
    extensions: Extensions = NO_EXTENSIONS


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Reference:
    """A reference to another document: a CFDI UUID, a Carta Porte IdCCP, a pedimento, an ISF, a booking."""

    kind: str
    value: str
    extensions: Extensions = NO_EXTENSIONS


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class CustomsDocument:
    """A customs document covering goods: a pedimento, a US entry, an in-bond, an aviso."""

    kind: str  # "pedimento", "us-entry", "in-bond", or the agency's own code (SAT c_DocumentoAduanero)
    number: str | None = None
    regime: str | None = None  # SAT c_RegimenAduanero, US entry type
    importer_tax_id: TaxId | None = None
    extensions: Extensions = NO_EXTENSIONS


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class CustomsNote:
    """A coded customs, security or regulatory note on a consignment: the Cargo-IMP OCI line (country, information
    identifier, control information identifier, supplementary text) and its Cargo-XML counterpart
    IncludedCustomsNote (CountryID, SubjectCode, ContentCode, Content)."""

    country: str | None = None  # ISO 3166-1 alpha-2
    subject: str | None = None  # information identifier: ISS, SHP, CNE, IMP, EXP, AGT ...
    content_code: str | None = None  # control information identifier: T (tax id), RA, SD, AH, RT ...
    content: str | None = None
    extensions: Extensions = NO_EXTENSIONS


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class InBond:
    """US in-bond movement data (X12 309 M12, ACE in-bond)."""

    entry_type: str | None = None  # CBP in-bond type, e.g. 61 IT, 62 T&E, 63 IE, 69 T-train
    number: str | None = None
    destination: Place | None = None
    bonded_carrier: str | None = None
    extensions: Extensions = NO_EXTENSIONS


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class HazardousMaterial:
    un_number: str | None = None  # 4 digits, without the "UN" prefix
    hazard_class: str | None = None
    packing_group: str | None = None  # I, II or III
    proper_shipping_name: str | None = None
    contact: Contact | None = None
    extensions: Extensions = NO_EXTENSIONS


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class TariffCode:
    scheme: str  # "hs", "us-hts", "mx-fraccion", "stcc"
    code: str


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Seal:
    number: str
    party: str | None = None  # who applied it (carrier, shipper, customs)


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
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


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
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


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
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


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
class Execution:
    """The carrier's execution of an air waybill: Cargo-IMP ISU; Cargo-XML SignatoryCarrierAuthentication."""

    moment: Moment | None = None  # date (and time) of execution
    place: str | None = None  # place of execution, as named on the waybill
    signature: str | None = None  # the carrier's or its agent's signature (authorisation)
    extensions: Extensions = NO_EXTENSIONS


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
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


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
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


@quick_init
@dataclass(frozen=True, slots=True, kw_only=True)
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
