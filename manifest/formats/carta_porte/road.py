"""What the Carta Porte reader and writer share about the Autotransporte node and the road figures (CartaPorte31.xsd
Autotransporte, FiguraTransporte/TiposFigura): the Seguros attribute pairs of each cover, the plate pattern, the
document kind a figure's NumLicencia is kept as, and what a value written from the model must be beyond the XSDs'
facets.
"""

from __future__ import annotations

import re
from decimal import Decimal

from manifest.model import CrewMember, CrewRole, InsuranceCover

# Seguros: the insurer and policy attributes of each cover (CartaPorte31.xsd Autotransporte/Seguros).
INSURANCE = {
    InsuranceCover.CIVIL_LIABILITY: ("AseguraRespCivil", "PolizaRespCivil"),
    InsuranceCover.ENVIRONMENT: ("AseguraMedAmbiente", "PolizaMedAmbiente"),
    InsuranceCover.CARGO: ("AseguraCarga", "PolizaCarga"),
}
# c_FiguraTransporte 01 Operador: on a road Carta Porte the people who drive the truck, read as its crew.
OPERATOR = "01"
DRIVING = (CrewRole.DRIVER, CrewRole.CREW)
# TiposFigura@NumLicencia: the operator's federal driving licence, kept as a travel document of this kind.
LICENCE = "mx-licencia-federal"
MOST_TRAILERS = 2  # CartaPorte31.xsd Remolques/Remolque maxOccurs
# PesoBrutoVehicular is the vehicle's gross weight in tonnes (Carta Porte 3.1 standard, Autotransporte).
GROSS_WEIGHT_UNIT = "TNE"

# What a text attribute must be beyond the facets SAT's XSDs give it, which :mod:`.facets` reads from the shipped
# schemas and the writer checks as well: free text never holds '|', the cadena original's separator, nor is it
# blank. AnioModeloVM is an xs:int restricted by a pattern, which the string facets leave out; the CFDI Receptor's
# NumRegIdTrib (cfdv40.xsd: 1 to 40 characters, no pattern) is taken as the schema gives it.
_FREE_TEXT = re.compile(r"[^|]+")
PATTERNS = {
    "AnioModeloVM": re.compile(r"19[0-9]{2}|20[0-9]{2}"),
    "Receptor@NumRegIdTrib": re.compile(r".{1,40}"),
}


# The decimal attributes a writer fills from model values: their minimum, maximum and fraction digits
# (CartaPorte31.xsd; ValorMercancia is a tdCFDI t_Importe, [0-9]{1,18}(.[0-9]{1,6})?).
_KG = (Decimal("0.001"), None, 3)
NUMBERS: dict[str, tuple[Decimal, Decimal | None, int | None]] = {
    "Cantidad": (Decimal("0.000001"), None, 6),
    "PesoEnKg": _KG,
    "PesoBruto": _KG,
    "PesoNeto": _KG,
    "PesoTara": _KG,
    "PesoBrutoTotal": _KG,
    "ToneladasNetasCarro": _KG,
    "PesoContenedorVacio": _KG,
    "PesoNetoMercancia": _KG,
    "PesoBrutoVehicular": (Decimal("0.01"), None, 2),
    "DistanciaRecorrida": (Decimal("0.01"), Decimal(99999), None),
    "ValorMercancia": (Decimal(0), Decimal("999999999999999999.999999"), 6),
    "NumPiezas": (Decimal(1), None, 0),
}


def _number_fits(attribute: str, text: str) -> bool:
    try:
        value = Decimal(text) if re.fullmatch(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)", text) else None
    except ArithmeticError:
        value = None
    if value is None:
        return False
    least, most, digits = NUMBERS[attribute]
    if value < least or (most is not None and value > most):
        return False
    exponent = value.normalize().as_tuple().exponent
    return digits is None or not isinstance(exponent, int) or exponent >= -digits


def fits(attribute: str, value: str, element: str = "") -> bool:
    """Whether ``value`` is what the writer asks of ``attribute`` (of ``element``, where the same name has another
    type on another element) beside its XSD facets: a number in its range and digits, a pattern of ``PATTERNS``, or
    free text that holds no '|' and is not blank. The CFDI and Carta Porte string
    types collapse whitespace before the pattern applies (XML Schema Part 2, 4.3.6), so a value of spaces and tabs
    alone is empty to the schema."""
    collapsed = " ".join(value.split())
    if attribute in NUMBERS:
        return _number_fits(attribute, collapsed)
    pattern = PATTERNS.get(f"{element}@{attribute}") or PATTERNS.get(attribute, _FREE_TEXT)
    return pattern.fullmatch(collapsed) is not None


def whole_name(member: CrewMember) -> str | None:
    """NombreFigura: the whole name, or the given, middle and family names in that order when only the parts are
    known (an ACE truck manifest's NM1 splits them)."""
    if member.name:
        return member.name
    parts = [p for p in (member.given_name, member.middle_name, member.family_name) if p]
    return " ".join(parts) or None
