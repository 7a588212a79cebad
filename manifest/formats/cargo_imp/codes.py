"""The diagnostics of the Cargo-IMP reader and writer (prefix ``IMP``), each citing the rule it enforces.

Sources: the IATA Cargo Interchange Message Procedures (Cargo-IMP) Manual, 32nd edition (Attachment A to IATA
Resolution 670, effective 2013-01-01) for the message length and splitting; the FWB/14 ABNF (parse2.com
cargo-imp/FWB14.abnf) and the FWB/17, FHL/5 and FFM/8 message structures for line order and element formats.
"""

from __future__ import annotations

from manifest.diagnostics import Severity, define

_MANUAL = "IATA Cargo-IMP Manual, 32nd ed. (Res. 670 Att. A)"

NOT_TEXT = define(
    "IMP001",
    Severity.ERROR,
    "the file is not Cargo-IMP text: byte $offset is not ASCII or UTF-8",
    "el archivo no es texto Cargo-IMP: el byte $offset no es ASCII ni UTF-8",
    f"{_MANUAL} section 1.2 (character set)",
)
NO_MESSAGE = define(
    "IMP002",
    Severity.ERROR,
    "no Cargo-IMP standard message identifier (FWB/nn, FHL/nn or FFM/nn) was found",
    "no se encontró un identificador estándar de mensaje Cargo-IMP (FWB/nn, FHL/nn o FFM/nn)",
    f"{_MANUAL}: standard message identification line",
)
UNSUPPORTED_VERSION = define(
    "IMP003",
    Severity.WARNING,
    "$message version $value is not one this reader knows ($known); it is read with the version $used rules",
    "la versión $value de $message no es una que este lector conozca ($known); se lee con las reglas de la "
    "versión $used",
    f"{_MANUAL}: message type version number",
)
UNSUPPORTED_MESSAGE = define(
    "IMP004",
    Severity.WARNING,
    "message $value is not an air waybill, house waybill or flight manifest message; it is skipped",
    "el mensaje $value no es de guía aérea, guía hija ni manifiesto de vuelo; se omite",
    f"{_MANUAL}: message types FWB, FHL, FFM",
)
UNKNOWN_LINE = define(
    "IMP010",
    Severity.ERROR,
    "unknown line identifier '$value' in $message",
    "identificador de línea desconocido '$value' en $message",
    f"{_MANUAL}: line identifiers of each message",
)
LINE_TOO_LONG = define(
    "IMP011",
    Severity.ERROR,
    "the line has $length characters; a Cargo-IMP line holds at most $limit",
    "la línea tiene $length caracteres; una línea Cargo-IMP admite como máximo $limit",
    "IATA Type B / Cargo-IMP line length of 69 characters",
)
UNREAD_LINE = define(
    "IMP020",
    Severity.ERROR,
    "the line has $length characters, more than a whole Cargo-IMP message holds; it is not read (limit $limit "
    "characters)",
    "la línea tiene $length caracteres, más de lo que cabe en un mensaje Cargo-IMP entero; no se lee (límite de "
    "$limit caracteres)",
    f"IATA Type B / Cargo-IMP line length of 69 characters; {_MANUAL}, preface: messages of at most 3,500 characters",
)
BAD_FIELD = define(
    "IMP012",
    Severity.ERROR,
    "$element '$value' is not valid: expected $expected",
    "$element '$value' no es válido: se esperaba $expected_es",
    f"{_MANUAL}: data element formats",
)
MISSING_LINE = define(
    "IMP013",
    Severity.ERROR,
    "the mandatory line $value ($title) is missing from $message",
    "falta la línea obligatoria $value ($title) en $message",
    f"{_MANUAL}: message structures (FWB/14 ABNF, FWB/17, FHL/5, FFM/8)",
)
UNEXPECTED_LINE = define(
    "IMP014",
    Severity.ERROR,
    "line $value is not expected here in $message (repeated or out of order)",
    "la línea $value no se espera aquí en $message (repetida o fuera de orden)",
    f"{_MANUAL}: message structures (FWB/14 ABNF, FWB/17, FHL/5, FFM/8)",
)
CONT_WITHOUT_LAST = define(
    "IMP015",
    Severity.ERROR,
    "this part of flight manifest $value ends with CONT, but the next part of the flight in this file does not "
    "follow it: the parts do not join up",
    "esta parte del manifiesto de vuelo $value termina con CONT, pero la siguiente parte del vuelo en este archivo "
    "no va a continuación: las partes no se unen",
    f"{_MANUAL} FFM: manifest complete indicator (CONT/LAST) and message sequence number",
)
BAD_SEQUENCE = define(
    "IMP016",
    Severity.ERROR,
    "flight manifest part $value does not continue the previous part (expected part $part of $flight)",
    "la parte $value del manifiesto de vuelo no continúa la anterior (se esperaba la parte $part de $flight)",
    f"{_MANUAL} FFM: message sequence number",
)
MESSAGE_TOO_LONG = define(
    "IMP017",
    Severity.WARNING,
    "the $message message has $length characters; Cargo-IMP messages hold at most $limit and are split beyond",
    "el mensaje $message tiene $length caracteres; los mensajes Cargo-IMP admiten como máximo $limit y se dividen",
    f"{_MANUAL}, preface: maximum message length 3500 characters",
)
MISSING_END = define(
    "IMP018",
    Severity.ERROR,
    "flight manifest $value has no end code: its last line must be LAST or CONT",
    "el manifiesto de vuelo $value no tiene código de fin: su última línea debe ser LAST o CONT",
    f"{_MANUAL} FFM: manifest complete indicator",
)
STRAY_LINE = define(
    "IMP019",
    Severity.ERROR,
    "line '$value' belongs to no line identifier in $message",
    "la línea '$value' no pertenece a ningún identificador de línea en $message",
    f"{_MANUAL}: continuation lines start with a slant and follow their line identifier",
)
NOT_CARRIED = define(
    "IMP100",
    Severity.WARNING,
    "not written: the Cargo-IMP $message message has no place for this value",
    "no se escribe: el mensaje Cargo-IMP $message no tiene lugar para este dato",
    f"{_MANUAL}: message structures (FWB/14 ABNF, FWB/17, FHL/5, FFM/8)",
)
ALTERED = define(
    "IMP101",
    Severity.WARNING,
    "'$value' is written as '$written': Cargo-IMP text is upper-case ASCII without slants or line breaks, in lines "
    "of at most 69 characters",
    "'$value' se escribe como '$written': el texto Cargo-IMP es ASCII en mayúsculas sin diagonales ni saltos de "
    "línea, en líneas de 69 caracteres como máximo",
    f"{_MANUAL} section 1.2 (character set) and the slant field separator",
)
NOT_WRITTEN = define(
    "IMP102",
    Severity.INFO,
    "the mandatory line $value ($title) of $message is not written whole: the model has no value for $missing; it "
    "must be supplied before the message is sent",
    "la línea obligatoria $value ($title) de $message no se escribe completa: el modelo no tiene valor para "
    "$missing; debe proporcionarse antes de enviar el mensaje",
    f"{_MANUAL}: message structures (FWB/14 ABNF, FWB/17, FHL/5, FFM/8); the writer's counterpart of IMP013",
)
NOT_AN_AIR_WAYBILL = define(
    "IMP103",
    Severity.WARNING,
    "consignment '$value' ($field) has no air waybill number (3-digit airline prefix, hyphen, 8-digit serial), by "
    "which $message names each waybill; it is not written",
    "el embarque '$value' ($field) no tiene número de guía aérea (prefijo de aerolínea de 3 dígitos, guion, serie de "
    "8 dígitos), con el que $message nombra cada guía; no se escribe",
    f"{_MANUAL}: AWB consignment detail (DE 112 airline prefix, DE 113 AWB serial number); IATA Resolution 600a",
)
NOT_A_ULD = define(
    "IMP104",
    Severity.WARNING,
    "$field ('$value') is not a unit load device (ULD type, serial and owner code); $message does not write it as one",
    "$field ('$value') no es un dispositivo unitario de carga (tipo, serie y propietario del ULD); $message no lo "
    "escribe como tal",
    f"{_MANUAL}: ULD identification (FFM ULD line, FWB RTD NU); IATA ULD Regulations, ULD identification code",
)
NOT_AIR = define(
    "IMP105",
    Severity.WARNING,
    "$field ('$value') is not $what; $message does not write it",
    "$field ('$value') no es $what_es; $message no lo escribe",
    f"{_MANUAL}: DE313 airport code (IATA Resolution 763 location identifier), flight identification (IATA SSIM)",
)
NO_MASTER = define(
    "IMP106",
    Severity.INFO,
    "the model holds no master air waybill, only the master number of its house waybills ($field): the $value line "
    "of $message is written with the number alone, without the master's airports, pieces and weight, which must be "
    "supplied before the message is sent",
    "el modelo no tiene la guía aérea master, solo el número master de sus guías house ($field): la línea $value de "
    "$message se escribe solo con el número, sin los aeropuertos, piezas y peso de la master, que deben "
    "proporcionarse antes de enviar el mensaje",
    f"{_MANUAL}: FHL/5 MBI, master AWB consignment detail (number, origin and destination, pieces and weight)",
)
NOT_A_MASTER_NUMBER = define(
    "IMP107",
    Severity.WARNING,
    "$field ('$value') is not an air waybill number (3-digit airline prefix, hyphen, 8-digit serial); the $element "
    "line of $message does not write it",
    "$field ('$value') no es un número de guía aérea (prefijo de aerolínea de 3 dígitos, guion, serie de 8 dígitos); "
    "la línea $element de $message no lo escribe",
    f"{_MANUAL}: FHL/5 MBI, AWB consignment detail (DE 112 airline prefix, DE 113 AWB serial number); IATA "
    "Resolution 600a",
)
UNFIT = define(
    "IMP108",
    Severity.WARNING,
    "$field ('$value') is not $expected, as the $element element of $message takes; it is not written",
    "$field ('$value') no es $expected_es, como lo admite el elemento $element de $message; no se escribe",
    f"{_MANUAL}: data element formats",
)

# What BAD_FIELD expects, in Spanish; the element is named by its Cargo-IMP address (``HBS/weight``), which reads
# the same in both languages.
EXPECTED_ES = {
    "/<manifest description of goods>": "/<descripción de la mercancía>",
    "/country/information identifier/control identifier/text": "/país/identificador de información/identificador "
    "de control/texto",
    "a message part number, 1 to 3 digits": "un número de parte del mensaje, de 1 a 3 dígitos",
    "1 to 12 letters or digits": "de 1 a 12 letras o dígitos",
    "1 to 4 digits": "de 1 a 4 dígitos",
    "2 letters": "2 letras",
    "3 letters or digits": "3 letras o dígitos",
    "3-letter IATA code": "código IATA de 3 letras",
    "4 digits": "4 dígitos",
    "7 digits": "7 dígitos",
    "<country>/<DDMONHHMM>/<airport>": "<país>/<DDMESHHMM>/<aeropuerto>",
    "<part>/<carrier><flight>/<DDMON>/<airport of loading>": "<parte>/<aerolínea><vuelo>/<DDMES>/<aeropuerto de carga>",
    "<type, 3><serial, 4-5><owner, 2>": "<tipo, 3><serie, 4-5><propietario, 2>",
    "<type, 3><serial, 4-5><owner, 2>[-<loading indicator>][/<remarks>]": "<tipo, 3><serie, 4-5><propietario, 2>"
    "[-<indicador de carga>][/<observaciones>]",
    "DDMMMYY": "DDMESAA",
    "DDMON or DDMONHHMM": "DDMES o DDMESHHMM",
    "ISO 4217 currency code": "código de moneda ISO 4217",
    "2 letters or nothing": "2 letras o nada",
    "PP, PC, CP or CC": "PP, PC, CP o CC",
    "NVD or an amount": "NVD o un importe",
    "NCV or an amount": "NCV o un importe",
    "XXX or an amount": "XXX o un importe",
    "the place of execution": "el lugar de emisión",
    "ISO 3166 2-letter code": "código ISO 3166 de 2 letras",
    "K<weight> or L<weight>": "K<peso> o L<peso>",
    "MC, CF, CI or CC and an amount": "MC, CF, CI o CC y una cantidad",
    "NAM, ADR, LOC and a coded location line": "NAM, ADR, LOC y una línea de ubicación codificada",
    "NIL or DDMONHHMM": "NIL o DDMESHHMM",
    "P<pieces>, K<weight> or L<weight>, C, S, W, R or T elements": "elementos P<piezas>, K<peso> o L<peso>, C, S, "
    "W, R o T",
    "PPP-SSSSSSSS (3-digit prefix, hyphen, 8-digit serial)": "PPP-SSSSSSSS (prefijo de 3 dígitos, guion, serie de "
    "8 dígitos)",
    "T<pieces>K<weight> or T<pieces>L<weight>": "T<piezas>K<peso> o T<piezas>L<peso>",
    "[/aircraft registration][/country/DDMONHHMM/airport]": "[/matrícula de la aeronave][/país/DDMESHHMM/aeropuerto]",
    "carrier code and 3 or 4 digit flight number": "código de aerolínea y número de vuelo de 3 o 4 dígitos",
    "letters and digits": "letras y dígitos",
    "the end of the line": "el fin de la línea",
    "two 3-letter IATA airport codes": "dos códigos IATA de aeropuerto de 3 letras",
    "up to 5 digits": "hasta 5 dígitos",
}
