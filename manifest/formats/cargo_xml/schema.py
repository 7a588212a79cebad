"""The four Cargo-XML messages: their roots, namespaces and header codes, and the order of elements in each type.

What is verified against which source:

- Roots and namespaces. ``Waybill`` in ``iata:waybill:1`` (XFWB) and ``HouseWaybill`` in ``iata:housewaybill:1``
  (XFZB), each with the shared ``iata:datamodel:3`` as the default namespace: the real Riege samples
  (riege/one-record-converter, ``src/test/resources``). ``HouseManifest`` in ``iata:housemanifest:1`` (XFHL) and
  ``FlightManifest`` in ``iata:flightmanifest:1`` (XFFM): code generated from IATA's XSDs in public repositories
  (JAXB ``ObjectFactory`` of an airline's XFFM binding; xsd.exe classes of a Brazilian CCT importer).
- Header codes (UN/EDIFACT 1001 document names): 740 air waybill, 741 master air waybill, 703 house waybill (real
  samples); 785 cargo manifest for XFHL and 122 transport loading report for XFFM (the generated code above).
- Element order. XFWB and XFZB: the order in the real samples. XFFM (LogisticsTransportMovement, ArrivalEvent,
  AssociatedTransportCargo, UnitLoadTransportEquipment) and the master consignment of a flight manifest: the
  ``propOrder`` of the JAXB classes generated from the XFFM 2.00 XSD. XFHL: the XFZB order, since both use the same
  MasterConsignment/IncludedHouseConsignment types of ``iata:datamodel:3``. IATA's XSDs themselves are not public.
"""

from __future__ import annotations

from manifest.slotted import record

DATAMODEL = "iata:datamodel:3"


@record
class Message:
    code: str  # XFWB, XFZB, XFHL, XFFM
    root: str
    namespace: str
    type_code: str  # MessageHeaderDocument/TypeCode, UN/EDIFACT 1001
    name: str  # MessageHeaderDocument/Name
    version: str  # MessageHeaderDocument/VersionID


XFWB = Message("XFWB", "Waybill", "iata:waybill:1", "741", "Master Air Waybill", "3.00")
XFZB = Message("XFZB", "HouseWaybill", "iata:housewaybill:1", "703", "House Waybill", "3.00")
XFHL = Message("XFHL", "HouseManifest", "iata:housemanifest:1", "785", "House Manifest", "2.00")
XFFM = Message("XFFM", "FlightManifest", "iata:flightmanifest:1", "122", "Transport Loading Report", "2.00")

MESSAGES = {m.code: m for m in (XFWB, XFZB, XFHL, XFFM)}
BY_ROOT = {(m.namespace, m.root): m for m in MESSAGES.values()}

# UN/ECE Recommendation 19: transport mode code 4 is air transport.
AIR_MODE_CODE = "4"

# US ACAS notes: IncludedCustomsNote with SubjectCode CUS and CountryID US (the OCI line of the ACAS FWB).
ACAS_CONTENT_CODES = ("AE", "AH", "AI", "AN", "AR", "BT", "FT", "RT")

_HEADER = ("ID", "Name", "TypeCode", "IssueDateTime", "PurposeCode", "VersionID", "ConversationID")
_PARTY = (
    "PrimaryID",
    "AdditionalID",
    "Name",
    "AccountID",
    "CargoAgentID",
    "PostalStructuredAddress",
    "FreightForwarderAddress",
    "SpecifiedAddressLocation",
    "SpecifiedCargoAgentLocation",
    "DefinedTradeContact",
)
_LOCATION = ("ID", "Name", "TypeCode")
_CONSIGNMENT = (
    "ID",
    "AdditionalID",
    "FreightForwarderAssignedID",
    "AssociatedReferenceID",
    "NilCarriageValueIndicator",
    "DeclaredValueForCarriageAmount",
    "NilCustomsValueIndicator",
    "DeclaredValueForCustomsAmount",
    "NilInsuranceValueIndicator",
    "InsuranceValueAmount",
    "TotalChargePrepaidIndicator",
    "WeightTotalChargeAmount",
    "ValuationTotalChargeAmount",
    "TaxTotalChargeAmount",
    "TotalDisbursementPrepaidIndicator",
    "AgentTotalDisbursementAmount",
    "CarrierTotalDisbursementAmount",
    "TotalPrepaidChargeAmount",
    "TotalCollectChargeAmount",
    "GrossWeightMeasure",
    "IncludedTareGrossWeightMeasure",
    "TotalGrossWeightMeasure",
    "GrossVolumeMeasure",
    "DensityGroupCode",
    "PackageQuantity",
    "PieceQuantity",
    "TotalPieceQuantity",
    "SummaryDescription",
    "TransportSplitDescription",
    "MovementPriorityCode",
    "ProductID",
    "TransportContractDocument",
    "ConsignorParty",
    "ConsigneeParty",
    "FreightForwarderParty",
    "AssociatedParty",
    "NotifyParty",
    "ApplicableTransportCargoInsurance",
    "OriginLocation",
    "FinalDestinationLocation",
    "SpecifiedLogisticsTransportMovement",
    "UtilizedLogisticsTransportEquipment",
    "HandlingInstructions",
    "HandlingSPHInstructions",
    "HandlingSSRInstructions",
    "HandlingOSIInstructions",
    "IncludedAccountingNote",
    "IncludedCustomsNote",
    "AssociatedReferenceDocument",
    "AssociatedConsignmentCustomsProcedure",
    "ApplicableOriginCurrencyExchange",
    "ApplicableLogisticsServiceCharge",
    "ApplicableLogisticsAllowanceCharge",
    "ApplicableRating",
    "ApplicableTotalRating",
    "TransportLogisticsPackage",
    "IncludedHouseConsignmentItem",
    "IncludedHouseConsignment",
    "UtilizedUnitLoadTransportEquipment",
)
_ITEM = (
    "SequenceNumeric",
    "TypeCode",
    "GrossWeightMeasure",
    "GrossVolumeMeasure",
    "PackageQuantity",
    "PieceQuantity",
    "VolumetricFactor",
    "Information",
    "NatureIdentificationTransportCargo",
    "OriginCountry",
    "AssociatedUnitLoadTransportEquipment",
    "TransportLogisticsPackage",
    "ApplicableFreightRateServiceCharge",
)
_ULD = (
    "ID",
    "GrossWeightMeasure",
    "GrossVolumeMeasure",
    "PieceQuantity",
    "BuildTypeCode",
    "CharacteristicCode",
    "UsedCapacityCode",
    "OperationalStatusCode",
    "LoadingRemark",
    "PositioningEvent",
    "OperatingParty",
    "OnCarriageTransportMovement",
)

# Child order per element name; elements not listed keep the order in which they were added, after the listed ones.
ORDER: dict[str, tuple[str, ...]] = {
    "Waybill": ("MessageHeaderDocument", "BusinessHeaderDocument", "MasterConsignment"),
    "HouseWaybill": ("MessageHeaderDocument", "BusinessHeaderDocument", "MasterConsignment"),
    "HouseManifest": ("MessageHeaderDocument", "BusinessHeaderDocument", "MasterConsignment"),
    "FlightManifest": ("MessageHeaderDocument", "BusinessHeaderDocument", "LogisticsTransportMovement", "ArrivalEvent"),
    "MessageHeaderDocument": (*_HEADER, "SenderParty", "RecipientParty"),
    "BusinessHeaderDocument": (
        "ID",
        "SenderAssignedID",
        "IncludedHeaderNote",
        "SignatoryConsignorAuthentication",
        "SignatoryCarrierAuthentication",
    ),
    "IncludedHeaderNote": ("ContentCode", "Content"),
    "SignatoryCarrierAuthentication": ("ActualDateTime", "Signatory", "IssueAuthenticationLocation"),
    "MasterConsignment": _CONSIGNMENT,
    "IncludedMasterConsignment": _CONSIGNMENT,
    "IncludedHouseConsignment": _CONSIGNMENT,
    "ConsignorParty": _PARTY,
    "ConsigneeParty": _PARTY,
    "FreightForwarderParty": _PARTY,
    "NotifyParty": _PARTY,
    "PostalStructuredAddress": (
        "PostcodeCode",
        "StreetName",
        "CityName",
        "CountryID",
        "CountryName",
        "CountrySubDivisionID",
        "CountrySubDivisionName",
        "PostOfficeBox",
    ),
    "FreightForwarderAddress": (
        "PostcodeCode",
        "StreetName",
        "CityName",
        "CountryID",
        "CountryName",
        "CountrySubDivisionID",
        "CountrySubDivisionName",
        "PostOfficeBox",
    ),
    "DefinedTradeContact": (
        "PersonName",
        "DepartmentName",
        "DirectTelephoneCommunication",
        "FaxCommunication",
        "URIEmailCommunication",
        "TelexCommunication",
    ),
    "OriginLocation": _LOCATION,
    "FinalDestinationLocation": _LOCATION,
    "OccurrenceArrivalLocation": _LOCATION,
    "OccurrenceDepartureLocation": _LOCATION,
    "LogisticsTransportMovement": (
        "StageCode",
        "ModeCode",
        "Mode",
        "ID",
        "SequenceNumeric",
        "TotalGrossWeightMeasure",
        "TotalGrossVolumeMeasure",
        "TotalPackageQuantity",
        "TotalPieceQuantity",
        "TotalTransportEquipmentQuantity",
        "UsedLogisticsTransportMeans",
        "ArrivalEvent",
        "DepartureEvent",
        "IncludedCustomsNote",
        "RelatedConsignmentCustomsProcedure",
    ),
    "SpecifiedLogisticsTransportMovement": (
        "StageCode",
        "ModeCode",
        "Mode",
        "ID",
        "SequenceNumeric",
        "UsedLogisticsTransportMeans",
        "ArrivalEvent",
        "DepartureEvent",
    ),
    "UsedLogisticsTransportMeans": ("Name", "ID", "Type", "RegistrationCountry"),
    "ArrivalEvent": (
        "ArrivalOccurrenceDateTime",
        "ScheduledOccurrenceDateTime",
        "ArrivalDateTimeTypeCode",
        "DepartureOccurrenceDateTime",
        "DepartureDateTimeTypeCode",
        "OccurrenceArrivalLocation",
        "AssociatedTransportCargo",
    ),
    "DepartureEvent": (
        "DepartureOccurrenceDateTime",
        "ScheduledOccurrenceDateTime",
        "DepartureDateTimeTypeCode",
        "OccurrenceDepartureLocation",
    ),
    "AssociatedTransportCargo": ("TypeCode", "UtilizedUnitLoadTransportEquipment", "IncludedMasterConsignment"),
    "UtilizedUnitLoadTransportEquipment": _ULD,
    "AssociatedUnitLoadTransportEquipment": _ULD,
    "IncludedCustomsNote": ("ContentCode", "Content", "SubjectCode", "CountryID"),
    "HandlingSPHInstructions": ("Description", "DescriptionCode"),
    "ApplicableRating": ("TypeCode", "TotalChargeAmount", "ConsignmentItemQuantity", "IncludedMasterConsignmentItem"),
    "ApplicableFreightRateServiceCharge": (
        "CategoryCode",
        "CommodityItemID",
        "ChargeableWeightMeasure",
        "AppliedRate",
        "AppliedAmount",
    ),
    "IncludedMasterConsignmentItem": _ITEM,
    "IncludedHouseConsignmentItem": _ITEM,
    "TransportLogisticsPackage": ("ItemQuantity", "GrossWeightMeasure", "LinearSpatialDimension"),
    "LinearSpatialDimension": ("WidthMeasure", "LengthMeasure", "HeightMeasure"),
}
