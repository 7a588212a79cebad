"""The X12 data element dictionary of the segments the customs sets use, as data.

Each segment lists its elements in order with the X12.6 attributes: data element reference number, requirement
designator (M mandatory, O optional, X relational), type (ID identifier, AN string, Nn numeric with n implied
decimals, R decimal, DT date, TM time), minimum and maximum length, and for a few identifiers the codes the
customs sets rely on. Syntax notes are written as X12 writes them (``P0405``: paired; ``R``, ``E``, ``C``, ``L``).
Sources: the ASC X12 004010 and 004040 segment directories. M10, M11, VID and N10 were checked element by element
against published copies of the directory (stedi.com/edi/x12-004010); the element lists of P4, M12, M13, P5, H1, H2,
VC and MBL could only be checked against the real and synthetic files at hand, so they are kept lenient (optional,
wide) where the directory could not be read. Versions differ only where noted. 004060, the version of CBP's ACE truck
guides, adds the truck heading (VEH, NM1, DMG, REF) to the 004040 segments.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import field, replace

from manifest.slotted import record


@record
class Element:
    ref: str  # data element reference number (X12.3)
    name: str
    req: str  # M, O or X
    type: str  # ID, AN, N0, N2, R, DT, TM
    min: int
    max: int
    codes: frozenset[str] | None = None


@record
class SegmentSpec:
    tag: str
    name: str
    elements: tuple[Element, ...]
    rules: tuple[str, ...] = ()
    # Derived checkers kept with the spec (see syntax.check_segment); not part of its identity.
    memo: dict[str, object] = field(default_factory=dict, compare=False, hash=False, repr=False)


def _e(ref: str, name: str, req: str, type_: str, low: int, high: int, codes: str | None = None) -> Element:
    return Element(ref, name, req, type_, low, high, frozenset(codes.split()) if codes else None)


def _s(tag: str, name: str, *elements: Element, rules: str = "") -> SegmentSpec:
    return SegmentSpec(tag, name, elements, tuple(rules.split()))


# Envelope segments (X12.5 / X12.6), the same in every version this project reads.
ENVELOPE: Mapping[str, SegmentSpec] = {
    spec.tag: spec
    for spec in (
        _s(
            "GS",
            "Functional Group Header",
            _e("479", "Functional Identifier Code", "M", "ID", 2, 2),
            _e("142", "Application Sender's Code", "M", "AN", 2, 15),
            _e("124", "Application Receiver's Code", "M", "AN", 2, 15),
            _e("373", "Date", "M", "DT", 8, 8),
            _e("337", "Time", "M", "TM", 4, 8),
            _e("28", "Group Control Number", "M", "N0", 1, 9),
            _e("455", "Responsible Agency Code", "M", "ID", 1, 2, "T X"),
            _e("480", "Version / Release / Industry Identifier Code", "M", "AN", 1, 12),
        ),
        _s(
            "GE",
            "Functional Group Trailer",
            _e("97", "Number of Transaction Sets Included", "M", "N0", 1, 6),
            _e("28", "Group Control Number", "M", "N0", 1, 9),
        ),
        _s(
            "ST",
            "Transaction Set Header",
            _e("143", "Transaction Set Identifier Code", "M", "ID", 3, 3),
            _e("329", "Transaction Set Control Number", "M", "AN", 4, 9),
            # ST03 (implementation convention reference) exists from 004030 on.
            _e("1705", "Implementation Convention Reference", "O", "AN", 1, 35),
        ),
        _s(
            "SE",
            "Transaction Set Trailer",
            _e("96", "Number of Included Segments", "M", "N0", 1, 10),
            _e("329", "Transaction Set Control Number", "M", "AN", 4, 9),
        ),
        _s(
            "IEA",
            "Interchange Control Trailer",
            _e("I16", "Number of Included Functional Groups", "M", "N0", 1, 5),
            _e("I12", "Interchange Control Number", "M", "N0", 9, 9),
        ),
    )
}

_AN30 = ("AN", 1, 30)

_004010: tuple[SegmentSpec, ...] = (
    _s(
        "M10",
        "Manifest Identifying Information",
        _e("140", "Standard Carrier Alpha Code", "M", "ID", 2, 4),
        _e("91", "Transportation Method/Type Code", "M", "ID", 1, 2),
        _e("26", "Country Code", "M", "ID", 2, 3),
        _e("597", "Vessel Code", "X", "ID", 1, 8),
        _e("182", "Vessel Name", "X", "AN", 2, 28),
        _e("55", "Flight/Voyage Number", "M", "AN", 2, 10),
        _e("127", "Reference Identification", "O", "AN", 1, 30),
        _e("380", "Quantity", "O", "R", 1, 15),
        _e("256", "Manifest Type Code", "M", "ID", 1, 1),
        _e("897", "Vessel Code Qualifier", "X", "ID", 1, 1),
        _e("1073", "Yes/No Condition or Response Code", "O", "ID", 1, 1, "N Y"),
        _e("127", "Reference Identification", "O", "AN", 1, 30),
        rules="P0410 R0504",
    ),
    _s(
        "P4",
        "(U.S.) Port Information",
        _e("310", "Location Identifier", "M", *_AN30),
        _e("373", "Date", "M", "DT", 8, 8),
        _e("380", "Quantity", "O", "R", 1, 15),
        _e("310", "Location Identifier", "O", *_AN30),
    ),
    _s("LX", "Assigned Number", _e("554", "Assigned Number", "M", "N0", 1, 6)),
    _s(
        "M13",
        "Manifest Amendment Details",
        _e("140", "Standard Carrier Alpha Code", "M", "ID", 2, 4),
        _e("310", "Location Identifier", "M", *_AN30),
        _e("443", "Manifest Amendment Code", "M", "ID", 1, 1),
        _e("122", "Bill of Lading/Waybill Number", "O", "AN", 1, 12),
        _e("380", "Quantity", "O", "R", 1, 15),
        _e("1271", "Amendment Reason Code", "O", "ID", 1, 3),
        _e("380", "Quantity", "O", "R", 1, 15),
        _e("355", "Unit or Basis for Measurement Code", "O", "ID", 2, 2),
        _e("380", "Quantity", "O", "R", 1, 15),
        _e("122", "Bill of Lading/Waybill Number", "O", "AN", 1, 12),
    ),
    _s(
        "M11",
        "Manifest Bill of Lading Details",
        _e("122", "Bill of Lading/Waybill Number", "M", "AN", 1, 12),
        _e("310", "Location Identifier", "M", *_AN30),
        _e("380", "Quantity", "M", "R", 1, 15),
        _e("1238", "Manifest Unit Code", "M", "ID", 1, 3),
        _e("81", "Weight", "M", "R", 1, 10),
        _e("188", "Weight Unit Code", "M", "ID", 1, 1),
        _e("183", "Volume", "X", "R", 1, 8),
        _e("184", "Volume Unit Qualifier", "X", "ID", 1, 1),
        _e("1239", "Bill of Lading Type Code", "O", "ID", 2, 2),
        _e("1240", "Place of Receipt by Pre-carrier", "O", "AN", 1, 17),
        _e("122", "Bill of Lading/Waybill Number", "O", "AN", 1, 12),
        _e("140", "Standard Carrier Alpha Code", "O", "ID", 2, 4),
        _e("122", "Bill of Lading/Waybill Number", "O", "AN", 1, 12),
        rules="P0708",
    ),
    _s(
        "N9",
        "Reference Identification",
        _e("128", "Reference Identification Qualifier", "M", "ID", 2, 3),
        _e("127", "Reference Identification", "X", *_AN30),
        _e("369", "Free-form Description", "X", "AN", 1, 45),
        _e("373", "Date", "O", "DT", 8, 8),
        _e("337", "Time", "X", "TM", 4, 8),
        _e("623", "Time Code", "O", "ID", 2, 2),
        rules="R0203 C0605",
    ),
    _s(
        "N1",
        "Name",
        _e("98", "Entity Identifier Code", "M", "ID", 2, 3),
        _e("93", "Name", "X", "AN", 1, 60),
        _e("66", "Identification Code Qualifier", "X", "ID", 1, 2),
        _e("67", "Identification Code", "X", "AN", 2, 80),
        _e("706", "Entity Relationship Code", "O", "ID", 2, 2),
        _e("98", "Entity Identifier Code", "O", "ID", 2, 3),
        rules="R0203 P0304",
    ),
    _s(
        "N3",
        "Address Information",
        _e("166", "Address Information", "M", "AN", 1, 55),
        _e("166", "Address Information", "O", "AN", 1, 55),
    ),
    _s(
        "N4",
        "Geographic Location",
        _e("19", "City Name", "O", "AN", 2, 30),
        _e("156", "State or Province Code", "O", "ID", 2, 2),
        _e("116", "Postal Code", "O", "ID", 3, 15),
        _e("26", "Country Code", "O", "ID", 2, 3),
        _e("309", "Location Qualifier", "X", "ID", 1, 2),
        _e("310", "Location Identifier", "O", *_AN30),
        rules="C0605",
    ),
    _s(
        "DTM",
        "Date/Time Reference",
        _e("374", "Date/Time Qualifier", "M", "ID", 3, 3),
        _e("373", "Date", "X", "DT", 8, 8),
        _e("337", "Time", "X", "TM", 4, 8),
        _e("623", "Time Code", "O", "ID", 2, 2),
        _e("1250", "Date Time Period Format Qualifier", "X", "ID", 2, 3),
        _e("1251", "Date Time Period", "X", "AN", 1, 35),
        rules="R020306 C0403 P0506",
    ),
    _s(
        "PER",
        "Administrative Communications Contact",
        _e("366", "Contact Function Code", "M", "ID", 2, 2),
        _e("93", "Name", "O", "AN", 1, 60),
        _e("365", "Communication Number Qualifier", "X", "ID", 2, 2),
        _e("364", "Communication Number", "X", "AN", 1, 80),
        _e("365", "Communication Number Qualifier", "X", "ID", 2, 2),
        _e("364", "Communication Number", "X", "AN", 1, 80),
        _e("365", "Communication Number Qualifier", "X", "ID", 2, 2),
        _e("364", "Communication Number", "X", "AN", 1, 80),
        _e("443", "Contact Inquiry Reference", "O", "AN", 1, 20),
        rules="P0304 P0506 P0708",
    ),
    _s(
        "M12",
        "In-bond Identifying Information",
        _e("581", "Customs Entry Type Group Code", "M", "ID", 2, 2),
        _e("595", "Customs Entry Number", "O", "AN", 1, 15),
        _e("310", "Location Identifier", "O", *_AN30),
        _e("310", "Location Identifier", "O", *_AN30),
        _e("373", "Date", "O", "DT", 8, 8),
        _e("140", "Standard Carrier Alpha Code", "O", "ID", 2, 4),
        _e("122", "Bill of Lading/Waybill Number", "O", "AN", 1, 12),
        _e("91", "Transportation Method/Type Code", "O", "ID", 1, 2),
        _e("182", "Vessel Name", "O", "AN", 2, 28),
        _e("55", "Flight/Voyage Number", "O", "AN", 2, 10),
        _e("127", "Reference Identification", "O", *_AN30),
    ),
    _s(
        "P5",
        "Port Function",
        _e("115", "Port or Terminal Function Code", "M", "ID", 1, 1),
        _e("309", "Location Qualifier", "M", "ID", 1, 2),
        _e("310", "Location Identifier", "M", *_AN30),
    ),
    _s(
        "VID",
        "Conveyance Identification",
        _e("40", "Equipment Description Code", "M", "ID", 2, 2),
        _e("206", "Equipment Initial", "O", "AN", 1, 4),
        _e("207", "Equipment Number", "M", "AN", 1, 10),
        _e("225", "Seal Number", "O", "AN", 2, 15),
        _e("225", "Seal Number", "O", "AN", 2, 15),
        _e("567", "Equipment Length", "O", "N0", 4, 5),
        _e("65", "Height", "O", "R", 1, 8),
        _e("189", "Width", "O", "R", 1, 8),
        _e("24", "Equipment Type", "O", "ID", 4, 4),
        _e("578", "Load/Empty Status Code", "O", "ID", 1, 1, "E L"),
        _e("56", "Type of Service Code", "O", "ID", 2, 2),
    ),
    _s(
        "M7",
        "Seal Numbers",
        _e("225", "Seal Number", "M", "AN", 2, 15),
        _e("225", "Seal Number", "O", "AN", 2, 15),
        _e("225", "Seal Number", "O", "AN", 2, 15),
        _e("225", "Seal Number", "O", "AN", 2, 15),
        _e("98", "Entity Identifier Code", "O", "ID", 2, 3),
    ),
    _s(
        "VC",
        "Motor Vehicle Control",
        _e("1307", "Vehicle Identification Number", "M", "AN", 1, 25),
        _e("206", "Equipment Initial", "O", "AN", 1, 4),
        _e("207", "Equipment Number", "O", "AN", 1, 10),
        _e("127", "Reference Identification", "O", *_AN30),
    ),
    _s(
        "N10",
        "Quantity and Description",
        _e("380", "Quantity", "O", "R", 1, 15),
        _e("79", "Free-form Description", "O", "AN", 1, 45),
        _e("87", "Marks and Numbers", "O", "AN", 1, 48),
        _e("23", "Commodity Code Qualifier", "X", "ID", 1, 1),
        _e("22", "Commodity Code", "X", "AN", 1, 30),
        _e("1015", "Customs Shipment Value", "O", "AN", 2, 8),
        _e("188", "Weight Unit Code", "X", "ID", 1, 1),
        _e("81", "Weight", "X", "R", 1, 10),
        _e("127", "Reference Identification", "O", *_AN30),
        _e("1238", "Manifest Unit Code", "O", "ID", 1, 3),
        rules="P0405 P0708",
    ),
    _s(
        "H1",
        "Hazardous Material",
        _e("62", "Hazardous Material Code", "M", "AN", 4, 10),
        _e("209", "Hazardous Material Class Code", "O", "AN", 1, 4),
        _e("208", "Hazardous Material Code Qualifier", "O", "ID", 1, 1),
        _e("64", "Hazardous Material Description", "O", "AN", 2, 30),
        _e("63", "Hazardous Material Contact", "O", "AN", 1, 24),
        _e("200", "Hazardous Materials Page", "O", "AN", 1, 6),
        _e("77", "Flashpoint Temperature", "O", "N0", 1, 3),
        _e("355", "Unit or Basis for Measurement Code", "X", "ID", 2, 2),
        _e("254", "Packing Group Code", "O", "ID", 1, 3),
        rules="P0708",
    ),
    _s(
        "H2",
        "Additional Hazardous Material Description",
        _e("64", "Hazardous Material Description", "M", "AN", 2, 30),
        _e("274", "Hazardous Material Classification", "O", "AN", 1, 30),
    ),
    _s(
        "MBL",
        "Master Bill of Lading",
        _e("140", "Standard Carrier Alpha Code", "M", "ID", 2, 4),
        _e("127", "Reference Identification", "M", *_AN30),
    ),
)


def _with(spec: SegmentSpec, index: int, **changes: object) -> SegmentSpec:
    elements = list(spec.elements)
    elements[index] = replace(elements[index], **changes)  # type: ignore[arg-type]
    return replace(spec, elements=tuple(elements), memo={})


def _004040() -> tuple[SegmentSpec, ...]:
    out: list[SegmentSpec] = []
    for spec in _004010:
        if spec.tag == "M11":
            # From 004020 M1101 runs to 25 characters so that it can carry the Canadian cargo control number.
            spec = _with(spec, 0, max=25)
        out.append(spec)
    return tuple(out)


# The segments of the ACE truck heading, as the X12 directory defines them (VEH, NM1, DMG and REF of the 004010
# directory, doc.chinlinktech.com/x12/004010/segment/VEH and the like; VEH17, the country of registration, from the
# 005010 directory, zenbridge.io/edi-dictionary/X12/5010/309-customs-manifest/segment/VEH-250). CBP's truck guides
# could be read only in part (their first pages), so their own restrictions are not enforced here: lengths are the
# directory's, DMG05 and REF02 are kept wide.
_TRUCK: tuple[SegmentSpec, ...] = (
    _s(
        "VEH",
        "Vehicle Information",
        _e("554", "Assigned Number", "O", "N0", 1, 6),
        _e("539", "Vehicle Identification Number", "O", "AN", 1, 25),
        _e("1095", "Year", "O", "N0", 4, 4),
        _e("559", "Agency Qualifier Code", "X", "ID", 2, 2),
        _e("751", "Product Description Code", "X", "AN", 1, 12),
        _e("751", "Product Description Code", "O", "AN", 1, 12),
        _e("751", "Product Description Code", "X", "AN", 1, 12),
        _e("82", "Length", "O", "R", 1, 8),
        _e("127", "Reference Identification", "O", *_AN30),
        _e("156", "State or Province Code", "O", "ID", 2, 2),
        _e("310", "Location Identifier", "O", *_AN30),
        _e("1073", "Yes/No Condition or Response Code", "O", "ID", 1, 1, "N Y"),
        _e("610", "Amount", "O", "N2", 1, 15),
        _e("1073", "Yes/No Condition or Response Code", "O", "ID", 1, 1, "N Y"),
        _e("610", "Amount", "O", "N2", 1, 15),
        _e("306", "Action Code", "O", "ID", 1, 2),
        _e("26", "Country Code", "O", "ID", 2, 3),
    ),
    _s(
        "NM1",
        "Individual or Organizational Name",
        _e("98", "Entity Identifier Code", "M", "ID", 2, 3),
        _e("1065", "Entity Type Qualifier", "M", "ID", 1, 1, "1 2"),
        _e("1035", "Name Last or Organization Name", "X", "AN", 1, 60),
        _e("1036", "Name First", "O", "AN", 1, 35),
        _e("1037", "Name Middle", "O", "AN", 1, 25),
        _e("1038", "Name Prefix", "O", "AN", 1, 10),
        _e("1039", "Name Suffix", "O", "AN", 1, 10),
        _e("66", "Identification Code Qualifier", "X", "ID", 1, 2),
        _e("67", "Identification Code", "X", "AN", 2, 80),
        _e("706", "Entity Relationship Code", "X", "ID", 2, 2),
        _e("98", "Entity Identifier Code", "O", "ID", 2, 3),
        rules="P0809 C1110",
    ),
    _s(
        "DMG",
        "Demographic Information",
        _e("1250", "Date Time Period Format Qualifier", "X", "ID", 2, 3),
        _e("1251", "Date Time Period", "X", "AN", 1, 35),
        _e("1068", "Gender Code", "O", "ID", 1, 1),
        _e("1067", "Marital Status Code", "O", "ID", 1, 1),
        _e("1109", "Race or Ethnicity Code", "O", "AN", 1, 30),
        _e("1066", "Citizenship Status Code", "O", "ID", 1, 2),
        _e("26", "Country Code", "O", "ID", 2, 3),
        _e("659", "Basis of Verification Code", "O", "ID", 1, 2),
        _e("380", "Quantity", "O", "R", 1, 15),
        rules="P0102",
    ),
    _s(
        "REF",
        "Reference Identification",
        _e("128", "Reference Identification Qualifier", "M", "ID", 2, 3),
        _e("127", "Reference Identification", "X", "AN", 1, 50),
        _e("352", "Description", "X", "AN", 1, 80),
        rules="R0203",
    ),
)


# The acknowledgment segments of CBP's 355 (X12.6: the 997's AK1, AK2, AK5 and AK9) and the K1 remarks of the 355
# and 350; AK3 and AK4 hold a composite and are placed by the loop map only.
_RESPONSES: tuple[SegmentSpec, ...] = (
    _s(
        "AK1",
        "Functional Group Response Header",
        _e("479", "Functional Identifier Code", "M", "ID", 2, 2),
        _e("28", "Group Control Number", "M", "N0", 1, 9),
    ),
    _s(
        "AK2",
        "Transaction Set Response Header",
        _e("143", "Transaction Set Identifier Code", "M", "ID", 3, 3),
        _e("329", "Transaction Set Control Number", "M", "AN", 4, 9),
    ),
    _s(
        "AK5",
        "Transaction Set Response Trailer",
        _e("717", "Transaction Set Acknowledgment Code", "M", "ID", 1, 1, "A E M P R W X"),
        *(_e("718", "Transaction Set Syntax Error Code", "O", "ID", 1, 3) for _ in range(5)),
    ),
    _s(
        "AK9",
        "Functional Group Response Trailer",
        _e("715", "Functional Group Acknowledge Code", "M", "ID", 1, 1, "A E M P R W X"),
        _e("97", "Number of Transaction Sets Included", "M", "N0", 1, 6),
        _e("123", "Number of Received Transaction Sets", "M", "N0", 1, 6),
        _e("2", "Number of Accepted Transaction Sets", "M", "N0", 1, 6),
        *(_e("716", "Functional Group Syntax Error Code", "O", "ID", 1, 3) for _ in range(5)),
    ),
    _s(
        "K1",
        "Remarks",
        _e("61", "Free-Form Message", "M", "AN", 1, 30),
        _e("61", "Free-Form Message", "O", "AN", 1, 30),
    ),
)


def _004060() -> tuple[SegmentSpec, ...]:
    """004060, the version of CBP's ACE truck guides ("ACE Truck ANSI X12 Introduction", 004060USCBP, February 2004):
    the 004040 segments, the truck heading, and an M10 whose country, trip and manifest type are optional. The truck
    files published with an open licence carry only M1001 and M1002 (JeffCarpenter/x12-types src/v004060), and the
    truck guide's requirement for the other elements could not be read, so they are not reported missing."""
    out: list[SegmentSpec] = []
    for spec in _004040():
        if spec.tag == "M10":
            for index in (2, 5, 8):
                spec = _with(spec, index, req="O")
            # A truck has no vessel: R0504 (vessel code or vessel name) does not apply.
            spec = replace(spec, rules=tuple(rule for rule in spec.rules if rule != "R0504"))
        out.append(spec)
    return (*out, *_TRUCK, *_RESPONSES)


DICTIONARIES: Mapping[str, Mapping[str, SegmentSpec]] = {
    "004010": {spec.tag: spec for spec in _004010},
    "004040": {spec.tag: spec for spec in _004040()},
    "004060": {spec.tag: spec for spec in _004060()},
}


def dictionary_for(version: str) -> Mapping[str, SegmentSpec] | None:
    """The segment dictionary of a GS08 version (industry suffixes such as ``004010X098`` ignored)."""
    return DICTIONARIES.get(version[:6])
