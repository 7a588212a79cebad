"""CUSCAR diagnostics and the UN/EDIFACT code lists the CUSCAR reader and writer translate to the model."""

from __future__ import annotations

from manifest.codelists import crosswalks
from manifest.diagnostics import Severity, define
from manifest.model import EquipmentKind, PartyRole, PlaceScheme, TaxIdScheme

_DIR = "UN/EDIFACT D.95B CUSCAR"

NOT_CUSCAR = define(
    "CUS001",
    Severity.ERROR,
    "message $reference is $type ($identifier), not a customs cargo report (CUSCAR)",
    "el mensaje $reference es $type ($identifier), no un informe de carga aduanero (CUSCAR)",
    f"{_DIR} UNH S009/0065 = CUSCAR",
)
NO_CUSCAR = define(
    "CUS002",
    Severity.ERROR,
    "the interchange holds no CUSCAR message (found: $found)",
    "el intercambio no contiene ningún mensaje CUSCAR (encontrados: $found)",
    f"{_DIR} UNH S009/0065 = CUSCAR",
)
UNKNOWN_DIRECTORY = define(
    "CUS003",
    Severity.WARNING,
    "directory '$value' is not a UN/EDIFACT directory from D.95B on; read as D.95B",
    "el directorio '$value' no es un directorio UN/EDIFACT desde D.95B; se lee como D.95B",
    f"{_DIR} UNH S009/0052, 0054, 0051",
)
BAD_NUMBER = define(
    "CUS004",
    Severity.ERROR,
    "$location: '$value' is not a valid $name",
    "$location: '$value' no es un valor válido de $name",
    "ISO 9735-1 section 10 (numeric representation) and the UN/EDIFACT data element directory",
)
BAD_DATE = define(
    "CUS005",
    Severity.ERROR,
    "$location: '$value' is not a date/time in format $format",
    "$location: '$value' no es una fecha/hora en el formato $format",
    "UN/EDIFACT C507, UNCL 2379",
)
UNREAD_DATE_FORMAT = define(
    "CUS014",
    Severity.INFO,
    "$location: '$value' is in date/time format $format, which this reader does not read; it is kept as it came",
    "$location: '$value' está en el formato de fecha/hora $format, que este lector no lee; se conserva tal como llegó",
    "UNCL 2379 (date/time/period format code); the formats read are 101, 102, 201, 203, 204, 401 and 402",
)
TOO_LONG = define(
    "CUS015",
    Severity.ERROR,
    "$location: '$value' has $length characters; $name is $representation in directory D.$directory",
    "$location: '$value' tiene $length caracteres; $name es $representation en el directorio D.$directory",
    "ISO 9735-1 section 10 (representation; a numeric value's length counts its digits) and the UN/EDIFACT data "
    "element directory",
)
BEYOND_SEGMENT = define(
    "CUS016",
    Severity.ERROR,
    "$location: '$value' stands beyond what $name holds in directory D.$directory ($count $what)",
    "$location: '$value' está más allá de lo que admite $name en el directorio D.$directory ($count $what_es)",
    "UN/EDIFACT segment directory (EDSD) and composite data element directory (EDCD)",
)
MISSING_SEGMENT = define(
    "CUS006",
    Severity.ERROR,
    "message $reference has no $tag segment ($name)",
    "el mensaje $reference no tiene segmento $tag ($name)",
    f"{_DIR} segment table",
)
MISSING_VALUE = define(
    "CUS007",
    Severity.ERROR,
    "$location: $name is missing",
    "$location: falta $name",
    f"{_DIR} segment directory",
)
OUT_OF_PLACE = define(
    "CUS008",
    Severity.ERROR,
    "segment $tag is out of place: $reason",
    "el segmento $tag está fuera de lugar: $reason_es",
    f"{_DIR} segment table (segment groups)",
)
TOO_MANY = define(
    "CUS017",
    Severity.ERROR,
    "$what repeats more than the $max times $group allows in directory D.$directory",
    "$what_es se repite más de las $max veces que admite $group_es en el directorio D.$directory",
    "UN/EDIFACT CUSCAR segment table (4.3.1): maximum repeats of each segment and segment group",
)
MISSING_IN_GROUP = define(
    "CUS018",
    Severity.ERROR,
    "$group, opened at line $opened, has no $what, which is mandatory in directory D.$directory",
    "$group_es, abierto en la línea $opened, no tiene $what_es, obligatorio en el directorio D.$directory",
    "UN/EDIFACT CUSCAR segment table (4.3.1): status M of a segment or segment group",
)
# A warning: many senders place goods in containers that the report does not describe (no EQD, as the message
# allows); a profile that needs the equipment declared reports it from the model (HM-GEN-001).
UNKNOWN_EQUIPMENT = define(
    "CUS009",
    Severity.WARNING,
    "SGP places goods in equipment '$value' that no EQD of the message declares",
    "SGP coloca mercancías en el equipo '$value' que ningún EQD del mensaje declara",
    f"{_DIR} SGP C237 refers to EQD C237",
)
NOT_CARRIED = define(
    "CUS010",
    Severity.WARNING,
    "$path ('$value') cannot be carried by CUSCAR and is left out",
    "$path ('$value') no se puede transmitir en CUSCAR y se omite",
    f"{_DIR} (no segment or element for this data)",
)
NOT_A_CODE = define(
    "CUS011",
    Severity.ERROR,
    "$location: '$value' is not a $name ($list)",
    "$location: '$value' no es un $name_es ($list)",
    "UN/EDIFACT code lists (UNCL) of the data element directory",
)
# A bill's equipment that none of its goods items is placed in: CUSCAR declares equipment in the message's EQD groups
# and ties it to a consignment only by the SGP of a goods item (D.95B), so it is read back as the message's. The loss
# is the bill's (a finding that the bill has no equipment is at its path); the note names the path the equipment is
# read back at, where a finding on the equipment itself (a container's check digit) is.
NOT_TIED = define(
    "CUS012",
    Severity.WARNING,
    "$path is written as the message's $target: CUSCAR ties equipment to a consignment only by the SGP of a goods "
    "item placed in it, and no goods item of the consignment is",
    "$path se escribe como $target del mensaje: CUSCAR vincula un equipo a una consignación solo por el SGP de una "
    "mercancía colocada en él, y ninguna mercancía de la consignación lo está",
    f"{_DIR} EQD (equipment of the message) and SGP C237 (split goods placement of a goods item)",
)
READ_AS_THE_MESSAGES = define(
    "CUS013",
    Severity.INFO,
    "the message's $target written is $path, which no goods item of its consignment is placed in",
    "$target del mensaje escrito es $path, en el que no se coloca ninguna mercancía de su consignación",
    f"{_DIR} EQD (equipment of the message) and SGP C237 (split goods placement of a goods item)",
)


OTHER_ROLE_CODE = "ZZZ"  # UNCL 3035 mutually defined


# Party roles (UNCL 3035, NAD) and equipment kinds (UNCL 8053, EQD) come from the crosswalks of manifest.codelists.
def party_role(code: str) -> PartyRole:
    role = crosswalks.translate("party-roles", "uncl-3035", "model-role", code)
    return PartyRole(role) if role is not None else PartyRole.OTHER


def role_code(role: PartyRole) -> str:
    return crosswalks.translate("party-roles", "model-role", "uncl-3035", role.value) or OTHER_ROLE_CODE


def equipment_kind(code: str) -> EquipmentKind:
    kind = crosswalks.translate("equipment-kinds", "uncl-8053", "model-equipment-kind", code)
    return EquipmentKind(kind) if kind is not None else EquipmentKind.OTHER


def equipment_code(kind: EquipmentKind) -> str:
    return crosswalks.translate("equipment-kinds", "model-equipment-kind", "uncl-8053", kind.value) or "ZZZ"


# UNCL 3055 code list responsible agency: 9 EAN (GS1, for GLNs), 6 UN/ECE (UN/LOCODE), 182 US SCAC.
AGENCY_GS1 = "9"
AGENCY_UNECE = "6"
AGENCY_SCAC = "182"
AGENCY_MUTUAL = "ZZZ"
# UNCL 1131 code list identification: 139 port, 146 means of transport identification (IMO/Lloyd's),
# 103 call sign directory, 172 carrier code.
LIST_PORT = "139"
LIST_IMO = "146"
LIST_CALL_SIGN = "103"
LIST_CARRIER = "172"


# UNCL 3227 place/location qualifier. Outside a consignment (CNI) group the ports of the voyage: 5 place of
# departure, else 9 place/port of loading (subsets such as SCPRBL name only where the reported cargo was loaded);
# 60 place of arrival, 8 place of destination (of the means of transport), 11 place/port of discharge.
LOC_DEPARTURE = ("5", "9")
LOC_ARRIVAL = ("60", "8", "11")
LOC_CUSTOMS_OFFICE = "22"  # customs office (where the report is lodged)
LOC_CONSIGNMENT = {
    "88": "place_of_receipt",
    "9": "place_of_loading",
    "11": "place_of_discharge",
    "7": "place_of_delivery",
}
CONSIGNMENT_LOC = {field: code for code, field in LOC_CONSIGNMENT.items()}
LOC_ORIGIN = "27"  # country of origin (goods item)

# UNCL 2005 date/time/period qualifier.
DTM_ARRIVAL = ("132", "178", "232")  # estimated, actual, scheduled arrival
DTM_DEPARTURE = ("133", "186")  # estimated, actual departure


# UNCL 6313 measurement dimension: G gross weight, AAL net weight, T tare weight, AAW gross volume.
MEA_GROSS, MEA_NET, MEA_TARE, MEA_VOLUME = "G", "AAL", "T", "AAW"
MEA_PURPOSE = "AAE"  # UNCL 6311: measurement (D.95B); later directories also use WT and VOL

# UNCL 6069 control total qualifier: 7 gross weight, 11 number of packages.
CNT_GROSS, CNT_PACKAGES = "7", "11"

# UNCL 1153 reference qualifier: BM bill of lading, BH house bill of lading.
RFF_BILL, RFF_HOUSE_BILL = "BM", "BH"
# UNCL 1153 references that number a transport document: BM bill of lading, BH house bill of lading, MB master bill
# of lading, AWB air waybill, AAM waybill. A consignment whose CNI leaves C503/1004 empty (the directory makes both
# conditional) takes its number from the first of them in its group.
RFF_TRANSPORT_DOCUMENTS = (RFF_BILL, RFF_HOUSE_BILL, "MB", "AWB", "AAM")

# UNCL 4451 text subject qualifier: AAA goods description, AAD dangerous goods technical name.
FTX_DESCRIPTION, FTX_DG_NAME = "AAA", "AAD"

# UNCL 8339 packing group, as 1, 2, 3 for the model's I, II, III.
PACKING_GROUP = {"1": "I", "2": "II", "3": "III"}
PACKING_CODE = {roman: digit for digit, roman in PACKING_GROUP.items()}

# UNCL 7143 item number type: HS harmonised system. National tariff codes carry their scheme in 1131 under agency
# ZZZ (mutually defined), since UNCL 7143 has no code per national tariff.
ITEM_HS = "HS"

# Places not named by UN/LOCODE carry their scheme in 1131 under agency ZZZ (mutually defined). 1131 is an..3 up to
# D.00A, so each scheme has a code of at most three characters: D and K as CBP and X12 name Census Schedules D and K
# (X12 data element 309), the others this project's own. Files written before these codes carry the scheme's name,
# which is read too.
PLACE_LIST = {
    PlaceScheme.SCHEDULE_D: "D",
    PlaceScheme.SCHEDULE_K: "K",
    PlaceScheme.UNLOCODE: "UNL",
    PlaceScheme.IATA_AIRPORT: "IAT",
    PlaceScheme.SAT_STATION: "SES",
    PlaceScheme.SAT_ADUANA: "SAD",
    PlaceScheme.SAT_LOCATION_ID: "SUB",
    PlaceScheme.FIRMS: "FRM",
    PlaceScheme.OTHER: "ZZZ",
}
SCHEME_BY_LIST = {
    **{scheme.value: scheme for scheme in PlaceScheme},
    **{code: scheme for scheme, code in PLACE_LIST.items()},
}

# Tax registrations written as NAD C082 party identification name their scheme in 1131 under agency ZZZ, in a code of
# at most three characters (as PLACE_LIST: the scheme's own name where it is that short); the issuing country follows
# from the scheme where it is national.
TAX_LIST = {
    TaxIdScheme.RFC: "rfc",
    TaxIdScheme.EIN: "ein",
    TaxIdScheme.IOR: "ior",
    TaxIdScheme.CBP_ASSIGNED: "CBP",
    TaxIdScheme.FOREIGN: "FOR",
    TaxIdScheme.CURP: "CRP",
    TaxIdScheme.OTHER: "ZZZ",
}
TAX_SCHEME_BY_LIST = {
    **{scheme.value: scheme for scheme in TaxIdScheme if scheme is not TaxIdScheme.GLN},
    **{code: scheme for scheme, code in TAX_LIST.items()},
}

# Tariff codes are written in CST (customs status of goods), whose C246 customs identity codes (7361 code, 1131 code
# list, 3055 agency) repeat five times: the HS subheading as code list HS with no agency, every other code with its
# scheme in 1131 under agency ZZZ (HS for an HS code, national tariffs in at most three characters likewise). Files
# written before carry them in PIA C212 (7140 code, 7143 HS, 1131, 3055), which is read too.
LIST_HS = "HS"
TARIFF_LIST = {"us-hts": "HTS", "mx-fraccion": "FRA", "stcc": "STC"}
TARIFF_BY_LIST = {code: scheme for scheme, code in TARIFF_LIST.items()}
TAX_COUNTRY = {
    TaxIdScheme.RFC: "MX",
    TaxIdScheme.CURP: "MX",
    TaxIdScheme.EIN: "US",
    TaxIdScheme.IOR: "US",
    TaxIdScheme.CBP_ASSIGNED: "US",
}

# UNCL 9303 sealing party: the model names who applied a seal in words, as the other formats do.
SEAL_PARTY = {"CA": "carrier", "SH": "shipper", "CU": "customs", "TO": "terminal-operator"}
SEAL_CODE = {word: code for code, word in SEAL_PARTY.items()}
