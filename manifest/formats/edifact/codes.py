"""Diagnostics of the EDIFACT syntax layer (ISO 9735), shared by every EDIFACT message."""

from __future__ import annotations

from manifest.diagnostics import Severity, define

_PART1 = "ISO 9735-1:2002"

NO_INTERCHANGE = define(
    "EDI001",
    Severity.ERROR,
    "no EDIFACT interchange found: the data holds no UNA, UNB or UNH segment",
    "no se encontró un intercambio EDIFACT: los datos no contienen segmentos UNA, UNB ni UNH",
    f"{_PART1} section 7 (interchange structure)",
)
JUNK_BEFORE = define(
    "EDI002",
    Severity.ERROR,
    "$count characters before the interchange are not EDIFACT and were skipped",
    "se omitieron $count caracteres antes del intercambio que no son EDIFACT",
    f"{_PART1} section 7: an interchange begins with UNA or UNB",
)
BAD_UNA = define(
    "EDI003",
    Severity.ERROR,
    "service string advice UNA is invalid: $reason",
    "el aviso de cadena de servicio UNA no es válido: $reason_es",
    f"{_PART1} section 9 (service string advice UNA)",
)
UNDECODABLE = define(
    "EDI004",
    Severity.ERROR,
    "byte $offset cannot be decoded in the character set of $syntax ($codec)",
    "el byte $offset no se puede decodificar en el juego de caracteres de $syntax ($codec)",
    f"{_PART1} annex A (syntax identifiers and character repertoires)",
)
BAD_CHARACTER = define(
    "EDI005",
    Severity.ERROR,
    "$count character(s) of this value are outside the repertoire of syntax level $syntax, the first $char",
    "$count carácter(es) de este valor están fuera del repertorio del nivel de sintaxis $syntax, el primero $char",
    f"{_PART1} annex A (character repertoires of syntax levels A, B, C ...)",
)
UNKNOWN_SYNTAX = define(
    "EDI006",
    Severity.WARNING,
    "syntax identifier '$value' is not one of UNOA to UNOY; characters are not checked",
    "el identificador de sintaxis '$value' no es ninguno de UNOA a UNOY; no se verifican los caracteres",
    "ISO 9735 data element 0001 (syntax identifier)",
)
UNTERMINATED = define(
    "EDI007",
    Severity.ERROR,
    "segment $tag is not closed by the segment terminator '$terminator'",
    "el segmento $tag no está cerrado por el terminador de segmento '$terminator'",
    f"{_PART1} section 8.1 (segment terminator)",
)
EMPTY_SEGMENT = define(
    "EDI008",
    Severity.ERROR,
    "empty segment: two segment terminators in a row",
    "segmento vacío: dos terminadores de segmento seguidos",
    f"{_PART1} section 8.1: a segment starts with its tag",
)
BAD_TAG = define(
    "EDI009",
    Severity.ERROR,
    "'$value' is not a segment tag (three upper-case letters or digits)",
    "'$value' no es una etiqueta de segmento (tres letras mayúsculas o dígitos)",
    "ISO 9735 segment tag (0013 is an..3)",
)
DANGLING_RELEASE = define(
    "EDI010",
    Severity.ERROR,
    "the release character '$release' at the end of the data releases nothing",
    "el carácter de liberación '$release' al final de los datos no libera nada",
    f"{_PART1} section 8.4 (release character)",
)
MISSING_UNB = define(
    "EDI011",
    Severity.ERROR,
    "message $reference is not inside an interchange: UNB is missing",
    "el mensaje $reference no está dentro de un intercambio: falta UNB",
    f"{_PART1} section 7: UNB is mandatory",
)
MISSING_TRAILER = define(
    "EDI012",
    Severity.ERROR,
    "$header $reference is not closed: $trailer is missing",
    "$header $reference no está cerrado: falta $trailer",
    f"{_PART1} section 7 (UNZ, UNE and UNT close UNB, UNG and UNH)",
)
UNEXPECTED_TRAILER = define(
    "EDI013",
    Severity.ERROR,
    "$trailer without a matching $header",
    "$trailer sin el $header correspondiente",
    f"{_PART1} section 7",
)
REFERENCE_MISMATCH = define(
    "EDI014",
    Severity.ERROR,
    "$trailer reference '$value' does not match $header reference '$expected'",
    "la referencia '$value' de $trailer no coincide con la referencia '$expected' de $header",
    "ISO 9735 data elements 0020 (UNB/UNZ), 0048 (UNG/UNE), 0062 (UNH/UNT)",
)
COUNT_MISMATCH = define(
    "EDI015",
    Severity.ERROR,
    "$trailer counts $value $what but there are $actual",
    "$trailer cuenta $value $what_es pero hay $actual",
    "ISO 9735 data elements 0036 (UNZ), 0060 (UNE), 0074 (UNT)",
)
MISSING_ELEMENT = define(
    "EDI016",
    Severity.ERROR,
    "$segment: mandatory $element ($name) is missing",
    "$segment: falta el elemento obligatorio $element ($name)",
    "ISO 9735 service segment directory",
)
BAD_VALUE = define(
    "EDI017",
    Severity.ERROR,
    "$segment: '$value' is not a valid $name",
    "$segment: '$value' no es un valor válido de $name",
    "ISO 9735 service segment directory",
)
OUTSIDE_MESSAGE = define(
    "EDI018",
    Severity.ERROR,
    "segment $tag stands outside any message (UNH ... UNT)",
    "el segmento $tag está fuera de cualquier mensaje (UNH ... UNT)",
    f"{_PART1} section 7",
)
DUPLICATE_REFERENCE = define(
    "EDI019",
    Severity.ERROR,
    "message reference '$value' is used twice in the interchange",
    "la referencia de mensaje '$value' se usa dos veces en el intercambio",
    "ISO 9735 data element 0062: unique within the interchange",
)
UTF8_IN_SINGLE_BYTE = define(
    "EDI020",
    Severity.WARNING,
    "the data is UTF-8 but $syntax declares $codec: it was read as UTF-8 ('$value'); declare UNOW or re-encode it",
    "los datos son UTF-8 pero $syntax declara $codec: se leyeron como UTF-8 ('$value'); declare UNOW o recodifíquelos",
    f"{_PART1} annex A: the syntax identifier fixes the character set",
)
UNREAD_SEGMENT = define(
    "EDI021",
    Severity.ERROR,
    "segment $tag is $length characters long, more than any segment of the directory can hold; it is not read "
    "(limit $limit characters)",
    "el segmento $tag mide $length caracteres, más de lo que cabe en cualquier segmento del directorio; no se lee "
    "(límite de $limit caracteres)",
    f"{_PART1} section 8 (at most 99 data elements of 99 components) and the UN/EDIFACT segment directory",
)
INDENTED = define(
    "EDI022",
    Severity.WARNING,
    "$count line(s) start with white space before the segment tag (the first here); it was skipped",
    "$count línea(s) empiezan con espacios antes de la etiqueta del segmento (la primera aquí); se omitieron",
    f"{_PART1} section 8.1: a segment starts with its tag",
)
