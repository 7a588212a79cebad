"""The diagnostics of the Cargo-XML reader and writer, defined once with their English and Spanish wording."""

from __future__ import annotations

from manifest.diagnostics import Severity, define

TOOLKIT = "IATA Cargo-XML Toolkit (XFWB 3.00, XFZB 3.00, XFHL 2.00, XFFM 2.00), message structure"
_CCTS = "UN/CEFACT CCTS 2.01 data types used by Cargo-XML (iata:datamodel:3)"

UNKNOWN_MESSAGE = define(
    "CXML001",
    Severity.ERROR,
    "the root element $found is not a Cargo-XML XFWB, XFZB, XFHL or XFFM message",
    "el elemento raíz $found no es un mensaje Cargo-XML XFWB, XFZB, XFHL ni XFFM",
    TOOLKIT,
)
MISSING_ELEMENT = define(
    "CXML002",
    Severity.ERROR,
    "$element is missing in $parent",
    "falta $element en $parent",
    TOOLKIT,
)
BAD_NUMBER = define(
    "CXML003",
    Severity.ERROR,
    "$element: '$value' is not a decimal number",
    "$element: '$value' no es un número decimal",
    _CCTS + ": MeasureType and QuantityType are xsd:decimal",
)
BAD_DATETIME = define(
    "CXML004",
    Severity.ERROR,
    "$element: '$value' is not an ISO 8601 date-time",
    "$element: '$value' no es una fecha y hora ISO 8601",
    _CCTS + ": DateTimeType is xsd:dateTime",
)
NO_MODE_CODE = define(
    "CXML005",
    Severity.WARNING,
    "transport movement $movement has no ModeCode; air transport (4) is assumed",
    "el movimiento de transporte $movement no tiene ModeCode; se supone transporte aéreo (4)",
    TOOLKIT + ": LogisticsTransportMovement/ModeCode, UN/ECE Recommendation 19 (4 = air transport)",
)
NOT_AIR_MODE = define(
    "CXML006",
    Severity.WARNING,
    "transport movement $movement has ModeCode $value, not 4 (air transport)",
    "el movimiento de transporte $movement tiene ModeCode $value, no 4 (transporte aéreo)",
    "UN/ECE Recommendation 19 code 4 = air transport",
)
PIECES_VS_PACKAGES = define(
    "CXML007",
    Severity.ERROR,
    "item $item declares $pieces pieces but its TransportLogisticsPackage ItemQuantity values add up to $items",
    "la partida $item declara $pieces piezas pero los ItemQuantity de sus TransportLogisticsPackage suman $items",
    TOOLKIT + ": each dimension line (TransportLogisticsPackage) describes ItemQuantity pieces of the rate line, "
    "so together they describe no more pieces than it has",
)
PIECES_WITHOUT_DIMENSIONS = define(
    "CXML022",
    Severity.WARNING,
    "item $item declares $pieces pieces and its TransportLogisticsPackage lines describe $items of them; the others "
    "have no dimensions",
    "la partida $item declara $pieces piezas y sus líneas TransportLogisticsPackage describen $items; las demás no "
    "tienen dimensiones",
    TOOLKIT + ": dimension lines are optional and may describe part of the pieces, as Cargo-IMP's DIM line may "
    "(NDA: no dimensions available)",
)
BAD_INTEGER = define(
    "CXML008",
    Severity.ERROR,
    "$element: '$value' is not a whole number of pieces",
    "$element: '$value' no es un número entero de piezas",
    _CCTS + ": QuantityType",
)
NOTE_WITHOUT_CONTENT = define(
    "CXML009",
    Severity.WARNING,
    "IncludedCustomsNote has no $missing",
    "IncludedCustomsNote no tiene $missing",
    TOOLKIT + ": CustomsNote (the OCI line of Cargo-IMP) carries ContentCode and Content",
)
UNKNOWN_ACAS_CODE = define(
    "CXML010",
    Severity.INFO,
    "US customs note (SubjectCode CUS, CountryID US) has ContentCode '$value', not one of the ACAS codes $known",
    "la nota aduanera de EE. UU. (SubjectCode CUS, CountryID US) tiene ContentCode '$value', no uno de los códigos "
    "ACAS $known",
    "CBP ACAS Implementation Guide v2.1 (2019) 5.2.10 OCI; codes as in the ACAS-US XFWB of riege/one-record-converter",
)
NOT_AN_AWB = define(
    "CXML011",
    Severity.WARNING,
    "$element '$value' is not an air waybill number of the form PPP-SSSSSSSS",
    "$element '$value' no es un número de guía aérea de la forma PPP-SSSSSSSS",
    "IATA Resolution 600a: air waybill number = 3-digit airline prefix + 8-digit serial",
)
NOT_CARRIED = define(
    "CXML101",
    Severity.WARNING,
    "$field cannot be carried by a Cargo-XML $message message",
    "$field no se puede llevar en un mensaje Cargo-XML $message",
    TOOLKIT,
)
ONE_MESSAGE_PER_FILE = define(
    "CXML102",
    Severity.WARNING,
    "a Cargo-XML file holds one message: manifest $index is not written",
    "un archivo Cargo-XML contiene un solo mensaje: el manifiesto $index no se escribe",
    TOOLKIT,
)
OTHER_VERSION = define(
    "CXML012",
    Severity.WARNING,
    "$message version $value is not one this reader knows ($known); it is read as version $known",
    "la versión $value de $message no es una que este lector conozca ($known); se lee como la versión $known",
    TOOLKIT + ", MessageHeaderDocument/VersionID",
)
NOT_A_FLIGHT = define(
    "CXML020",
    Severity.WARNING,
    "$field ('$value'): a manifest of this mode that names no flight is no flight manifest (XFFM), and its $count "
    "consignment(s) are not the one air waybill of an XFWB nor the house waybills of an XFZB or XFHL: nothing is "
    "written",
    "$field ('$value'): un manifiesto de este modo que no indica ningún vuelo no es un manifiesto de vuelo (XFFM), y "
    "sus $count embarque(s) no son la guía aérea única de un XFWB ni las guías house de un XFZB o XFHL: no se "
    "escribe nada",
    TOOLKIT + ": XFFM LogisticsTransportMovement (the flight); one message per file",
)
NO_UNLOADING = define(
    "CXML021",
    Severity.INFO,
    "$element (the airport where the cargo is unloaded) is required in each ArrivalEvent of an XFFM but the model "
    "has no value for it ($field); it is left out",
    "$element (el aeropuerto donde se descarga la carga) es obligatorio en cada ArrivalEvent de un XFFM pero el "
    "modelo no tiene valor para él ($field); se omite",
    TOOLKIT + ": XFFM ArrivalEvent/OccurrenceArrivalLocation (the point of unloading)",
)
