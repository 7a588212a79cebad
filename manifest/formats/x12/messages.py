"""The diagnostics of the X12 layer (envelope, element syntax, loop structure), defined once.

Codes: X120xx interchange and envelope, X121xx element syntax, X122xx transaction set structure. Each message keeps
its 997 error code (AK304 segment syntax, AK403 element syntax, AK502 set, AK905 group) in ``ACK_CODES`` so that the
acknowledgement is drawn from the same findings a user sees.
"""

from __future__ import annotations

from collections.abc import Mapping

from manifest.diagnostics import Severity, define

X12_5 = "ASC X12.5 Interchange Control Structures"
X12_6 = "ASC X12.6 Application Control Structure"

NOT_X12 = define(
    "X12001",
    Severity.ERROR,
    "not an X12 interchange: the data does not start with an ISA segment",
    "no es un intercambio X12: los datos no empiezan con un segmento ISA",
    X12_5 + ", ISA",
)
ISA_NOT_FIXED = define(
    "X12002",
    Severity.ERROR,
    "the ISA segment is $length characters long instead of the fixed 106 (first element of the wrong width: "
    "$element, $width characters instead of $expected); the delimiters were taken from its content",
    "el segmento ISA mide $length caracteres en lugar de los 106 fijos (primer elemento de ancho incorrecto: "
    "$element, $width caracteres en lugar de $expected); los delimitadores se tomaron de su contenido",
    X12_5 + ", ISA is a fixed-length segment",
)
NOT_UTF8 = define(
    "X12003",
    Severity.WARNING,
    "the interchange is not all UTF-8 text (byte $offset); the bytes that are not were read as "
    "Windows-1252 (ISO-8859-1 with printable characters at 0x80-0x9F)",
    "el intercambio no es todo texto UTF-8 (byte $offset); los bytes que no lo son se leyeron como "
    "Windows-1252 (ISO-8859-1 con caracteres imprimibles en 0x80-0x9F)",
    X12_6 + ", character sets",
)
CONTROL_MISMATCH = define(
    "X12004",
    Severity.ERROR,
    "$trailer control number '$value' does not match $header '$expected' (line $header_line)",
    "el número de control $trailer '$value' no coincide con $header '$expected' (línea $header_line)",
    X12_5,
)
COUNT_MISMATCH = define(
    "X12005",
    Severity.ERROR,
    "$element says $value $what, but $actual were found",
    "$element indica $value $what_es, pero se encontraron $actual",
    X12_5,
)
MISSING_TRAILER = define(
    "X12006",
    Severity.ERROR,
    "$header at line $header_line has no $trailer",
    "$header de la línea $header_line no tiene $trailer",
    X12_5,
)
UNEXPECTED_ENVELOPE = define(
    "X12007",
    Severity.ERROR,
    "$tag is not expected here: $reason",
    "$tag no se espera aquí: $reason_es",
    X12_5,
)
VERSION_MISMATCH = define(
    "X12008",
    Severity.WARNING,
    "GS08 version '$value' is not of the X12 version named by ISA12 '$expected'",
    "la versión GS08 '$value' no corresponde a la versión X12 indicada en ISA12 '$expected'",
    X12_5 + ", ISA12 and GS08",
)
BAD_REPETITION = define(
    "X12009",
    Severity.WARNING,
    "ISA11 '$value' must be a repetition separator from version 00402 on (ISA12 '$version')",
    "ISA11 '$value' debe ser un separador de repetición a partir de la versión 00402 (ISA12 '$version')",
    X12_5 + ", ISA11",
)
EMPTY_SEGMENT = define(
    "X12010",
    Severity.WARNING,
    "empty segment (two segment terminators in a row)",
    "segmento vacío (dos terminadores de segmento seguidos)",
    X12_6,
)
INDENTED = define(
    "X12016",
    Severity.WARNING,
    "$count line(s) start with white space before the segment tag (the first here); it was skipped",
    "$count línea(s) empiezan con espacios antes de la etiqueta del segmento (la primera aquí); se omitieron",
    X12_6 + ": a segment begins with its identifier",
)
NO_TERMINATOR = define(
    "X12011",
    Severity.ERROR,
    "the last segment '$tag' has no segment terminator",
    "el último segmento '$tag' no tiene terminador de segmento",
    X12_6,
)
BAD_DELIMITERS = define(
    "X12012",
    Severity.ERROR,
    "the ISA delimiters are not usable: $reason",
    "los delimitadores del ISA no se pueden usar: $reason_es",
    X12_5 + ", ISA",
)
NO_DICTIONARY = define(
    "X12013",
    Severity.INFO,
    "X12 version $version has no bundled dictionary (bundled: $known): its segments are read as in those versions, "
    "without checking the syntax of their elements",
    "la versión X12 $version no tiene diccionario incluido (incluidos: $known): sus segmentos se leen como en esas "
    "versiones, sin verificar la sintaxis de sus elementos",
    X12_6,
)
OUTSIDE_SET = define(
    "X12014",
    Severity.ERROR,
    "segment $tag is outside a transaction set (ST/SE)",
    "el segmento $tag está fuera de un conjunto de transacción (ST/SE)",
    X12_5,
)
UNREAD_SEGMENT = define(
    "X12015",
    Severity.ERROR,
    "segment $tag is $length characters long, more than any segment of a 309 or 358 can hold; it is not read "
    "(limit $limit characters)",
    "el segmento $tag mide $length caracteres, más de lo que cabe en cualquier segmento de un 309 o 358; no se lee "
    "(límite de $limit caracteres)",
    X12_6 + ", data element maximum lengths and two-digit element positions",
)

MISSING_ELEMENT = define(
    "X12101",
    Severity.ERROR,
    "mandatory element $ref ($name) is missing",
    "falta el elemento obligatorio $ref ($name)",
    X12_6 + ", requirement designator M",
)
TOO_SHORT = define(
    "X12102",
    Severity.ERROR,
    "$ref ($name) '$value' is shorter than its minimum length $min",
    "$ref ($name) '$value' es más corto que su longitud mínima $min",
    X12_6 + ", minimum length",
)
TOO_LONG = define(
    "X12103",
    Severity.ERROR,
    "$ref ($name) '$value' is longer than its maximum length $max",
    "$ref ($name) '$value' es más largo que su longitud máxima $max",
    X12_6 + ", maximum length",
)
BAD_NUMBER = define(
    "X12104",
    Severity.ERROR,
    "$ref ($name) '$value' is not a valid $type number",
    "$ref ($name) '$value' no es un número $type válido",
    X12_6 + ", data element types N and R",
)
BAD_DATE = define(
    "X12105",
    Severity.ERROR,
    "$ref ($name) '$value' is not a valid date ($format)",
    "$ref ($name) '$value' no es una fecha válida ($format)",
    X12_6 + ", data element type DT",
)
BAD_TIME = define(
    "X12106",
    Severity.ERROR,
    "$ref ($name) '$value' is not a valid time ($format)",
    "$ref ($name) '$value' no es una hora válida ($format)",
    X12_6 + ", data element type TM",
)
TOO_MANY_ELEMENTS = define(
    "X12107",
    Severity.ERROR,
    "$tag has $count elements; the dictionary defines $max",
    "$tag tiene $count elementos; el diccionario define $max",
    X12_6,
)
RULE_PAIRED = define(
    "X12108",
    Severity.ERROR,
    "$rule: if any of $elements is present, all are required ($missing missing)",
    "$rule: si alguno de $elements está presente, todos son obligatorios (falta $missing)",
    X12_6 + ", syntax note P (paired)",
)
RULE_REQUIRED = define(
    "X12109",
    Severity.ERROR,
    "$rule: at least one of $elements is required",
    "$rule: al menos uno de $elements es obligatorio",
    X12_6 + ", syntax note R (required)",
)
RULE_EXCLUSION = define(
    "X12110",
    Severity.ERROR,
    "$rule: not more than one of $elements may be present",
    "$rule: no puede haber más de uno de $elements",
    X12_6 + ", syntax note E (exclusion)",
)
RULE_CONDITIONAL = define(
    "X12111",
    Severity.ERROR,
    "$rule: when $first is present, $elements are required ($missing missing)",
    "$rule: si $first está presente, $elements son obligatorios (falta $missing)",
    X12_6 + ", syntax note C (conditional)",
)
RULE_LIST = define(
    "X12112",
    Severity.ERROR,
    "$rule: when $first is present, at least one of $elements is required",
    "$rule: si $first está presente, al menos uno de $elements es obligatorio",
    X12_6 + ", syntax note L (list conditional)",
)
BAD_CODE = define(
    "X12113",
    Severity.ERROR,
    "$ref ($name) '$value' is not a code of element $data_element (expected one of $codes)",
    "$ref ($name) '$value' no es un código del elemento $data_element (se esperaba uno de $codes)",
    X12_6 + ", data element type ID",
)
PADDED_DATE = define(
    "X12114",
    Severity.WARNING,
    "$ref ($name) '$value' is not CCYYMMDD; read as the six-digit date $date",
    "$ref ($name) '$value' no es CCYYMMDD; se leyó como la fecha de seis dígitos $date",
    X12_6 + ", data element type DT",
)

UNKNOWN_SEGMENT = define(
    "X12201",
    Severity.ERROR,
    "segment $tag is not part of transaction set $set",
    "el segmento $tag no forma parte del conjunto de transacción $set",
    X12_6 + ", transaction set tables",
)
OUT_OF_ORDER = define(
    "X12202",
    Severity.ERROR,
    "segment $tag is not in its proper sequence (after $after)",
    "el segmento $tag no está en su secuencia correcta (después de $after)",
    X12_6 + ", transaction set tables",
)
MISSING_SEGMENT = define(
    "X12203",
    Severity.ERROR,
    "mandatory segment $tag is missing in $loop",
    "falta el segmento obligatorio $tag en $loop",
    X12_6 + ", transaction set tables",
)
OVER_MAX = define(
    "X12204",
    Severity.ERROR,
    "$what $tag occurs more than its maximum of $max",
    "$what_es $tag aparece más de su máximo de $max",
    X12_6 + ", transaction set tables",
)
NOT_THIS_SET = define(
    "X12205",
    Severity.ERROR,
    "transaction set $value ($title) is not $expected: this reader reads $expected_title",
    "el conjunto de transacción $value ($title_es) no es $expected_es: este lector lee $expected_title_es",
    X12_6 + ", ST01",
)

# 997 codes for each finding: ("AK3", AK304), ("AK4", AK403), ("AK5", AK502), ("AK9", AK905).
ACK_CODES: Mapping[str, tuple[str, str]] = {
    MISSING_ELEMENT.code: ("AK4", "1"),
    RULE_PAIRED.code: ("AK4", "2"),
    RULE_REQUIRED.code: ("AK4", "2"),
    RULE_CONDITIONAL.code: ("AK4", "2"),
    RULE_LIST.code: ("AK4", "2"),
    TOO_MANY_ELEMENTS.code: ("AK4", "3"),
    TOO_SHORT.code: ("AK4", "4"),
    TOO_LONG.code: ("AK4", "5"),
    BAD_NUMBER.code: ("AK4", "6"),
    BAD_CODE.code: ("AK4", "7"),
    BAD_DATE.code: ("AK4", "8"),
    BAD_TIME.code: ("AK4", "9"),
    RULE_EXCLUSION.code: ("AK4", "10"),
    UNKNOWN_SEGMENT.code: ("AK3", "2"),
    OUT_OF_ORDER.code: ("AK3", "7"),
    MISSING_SEGMENT.code: ("AK3", "3"),
    OVER_MAX.code: ("AK3", "5"),
    NOT_THIS_SET.code: ("AK5", "1"),
}
