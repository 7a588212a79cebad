"""Identifier validation: the form and check digit of every number a manifest carries.

python-stdnum does the work where it has the standard (ISO 6346 containers, IMO ship numbers, Mexican RFC, US EIN);
the rest (SCAC, AAR marks and car numbers, IATA air waybills, pedimentos, tariff codes, UN/LOCODE) is written here
from the standard it cites. Each validator takes the value exactly as the harmonized model holds it (no spaces
trimmed, no prefix such as "IMO" or "UN" removed): the model conventions fix one spelling, and a reader that keeps
another has a bug that these checks should reveal. Validators never raise; they return whether the value is valid.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from functools import cache, lru_cache
from types import MappingProxyType

from manifest import codelists
from manifest.slotted import record

# python-stdnum is imported by the validators that use it, on first use: its shared helpers import ssl and pydoc,
# a third of the start-up of checking one small file that may carry no such number. The container and ship numbers
# that nearly every manifest carries are checked here instead, with their check digit computed once per value.

# The identifiers checked last are remembered (a bill names the same container, shipper and consignee on many lines),
# within a bound: a streamed file of millions of bills must not grow the memory.
_REMEMBERED = 4096

# ISO 6346:1995 section 3: owner code (3 letters), equipment category identifier (U freight container, J detachable
# freight container-related equipment, Z trailer or chassis), 6-digit serial number, check digit.
_CONTAINER = re.compile(r"[A-Z]{3}[UJZ][0-9]{7}")
# ISO 6346 annex A: a letter is worth 10 for A upwards, the multiples of 11 (11, 22, 33) left out; a digit its own
# value. Each of the first ten characters is weighted by 2 to the power of its position (0 to 9); the remainder of
# the sum by 11, with 10 written as 0, is the check digit.
_ISO6346_VALUES = {
    **{str(digit): digit for digit in range(10)},
    **dict(zip("ABCDEFGHIJKLMNOPQRSTUVWXYZ", (v for v in range(10, 39) if v % 11), strict=True)),
}


def iso6346_check_digit(first_ten: str) -> str:
    """The ISO 6346 check digit of an owner code, category identifier and serial number (10 characters)."""
    total = sum(_ISO6346_VALUES[character] << position for position, character in enumerate(first_ten))
    return str(total % 11 % 10)


@lru_cache(maxsize=_REMEMBERED)
def container_number(value: str) -> bool:
    """ISO 6346 container identification (``HASU5044950``) with its check digit; kept per value, as a manifest
    names each container on every bill and goods item that it holds."""
    return _CONTAINER.fullmatch(value) is not None and iso6346_check_digit(value[:10]) == value[10]


@lru_cache(maxsize=_REMEMBERED)
def imo_number(value: str) -> bool:
    """IMO ship identification number (IMO Resolution A.1117(30)): 7 digits, the last the remainder by 10 of the
    first six weighted 7, 6, 5, 4, 3 and 2.

    The model holds the 7 digits without the "IMO" prefix that Carta Porte NumeroOMI writes.
    """
    if re.fullmatch(r"[0-9]{7}", value) is None:
        return False
    return sum(int(digit) * weight for digit, weight in zip(value, range(7, 1, -1), strict=False)) % 10 == int(value[6])


# SAT generic RFCs (Anexo 20 of the RMF, CFDI 4.0 guide): XAXX010101000 for the general public and domestic
# operations without an RFC, XEXX010101000 for foreign residents. They carry no valid date, so stdnum rejects them.
GENERIC_RFCS = frozenset({"XAXX010101000", "XEXX010101000"})

# CFF art. 27 / SAT: 4 letters (persona física) or 3 letters (persona moral), date of birth or incorporation YYMMDD,
# 3-character homoclave whose last character is the check digit.
_RFC = re.compile(r"[A-ZÑ&]{3,4}[0-9]{6}[A-Z0-9]{3}")


@lru_cache(maxsize=_REMEMBERED)
def rfc(value: str) -> bool:
    """Mexican Registro Federal de Contribuyentes with its check digit, or one of SAT's generic RFCs."""
    if value in GENERIC_RFCS:
        return True
    if _RFC.fullmatch(value) is None:
        return False
    from stdnum.mx import rfc as stdnum_rfc

    try:
        stdnum_rfc.validate(value, validate_check_digits=True)
    except ValueError:
        return False
    return True


@lru_cache(maxsize=_REMEMBERED)
def ein(value: str) -> bool:
    """US IRS employer identification number, ``NN-NNNNNNN`` or 9 digits, with an assigned campus prefix."""
    from stdnum.us import ein as stdnum_ein

    return re.fullmatch(r"[0-9]{2}-?[0-9]{7}", value) is not None and bool(stdnum_ein.is_valid(value))


def importer_of_record(value: str) -> bool:
    """CBP importer of record number (19 CFR 24.5; CBP Form 5106): an EIN with a 2-digit suffix (``NN-NNNNNNNXX``),
    an EIN alone, or a CBP-assigned number ``YYDDPP-NNNNN``."""
    if re.fullmatch(r"[0-9]{6}-[0-9]{5}", value):
        return True
    match = re.fullmatch(r"([0-9]{2}-?[0-9]{7})([0-9]{2})?", value)
    return match is not None and ein(match.group(1))


def scac(value: str) -> bool:
    """NMFTA Standard Carrier Alpha Code: 2 to 4 capital letters (X12 element 140, ID 2/4)."""
    return re.fullmatch(r"[A-Z]{2,4}", value) is not None


def reporting_mark(value: str) -> bool:
    """AAR rail reporting mark: 2 to 4 capital letters (a final X marks a privately owned car)."""
    return re.fullmatch(r"[A-Z]{2,4}", value) is not None


def car_number(value: str) -> bool:
    """AAR/Umler rail car number: 1 to 6 digits after the reporting mark."""
    return re.fullmatch(r"[0-9]{1,6}", value) is not None


_AWB = re.compile(r"([0-9]{3})-([0-9]{7})([0-9])")


def air_waybill(value: str) -> bool:
    """IATA air waybill number ``PPP-SSSSSSSC``: airline prefix, 7-digit serial and a check digit that is the serial
    modulo 7 (IATA Resolution 600a, Cargo-IMP DE112/DE113)."""
    match = _AWB.fullmatch(value)
    return match is not None and int(match.group(2)) % 7 == int(match.group(3))


_AWB_WITHOUT_HYPHEN = re.compile(r"([0-9]{3})([0-9]{7})([0-9])")


def air_waybill_fault(value: str) -> tuple[str, str]:
    """Why ``value`` is no air waybill number, in English and in Spanish: the 11 digits of a valid one written
    without the hyphen after the airline prefix (the spelling of IATA Resolution 600a that Cargo-IMP's DE112/DE113
    and Cargo-XML's TransportContractDocument ID use is PPP-SSSSSSSS), a check digit that is not the serial
    modulo 7, or another form."""
    bare = _AWB_WITHOUT_HYPHEN.fullmatch(value)
    if bare is not None and int(bare.group(2)) % 7 == int(bare.group(3)):
        spelled = f"{bare.group(1)}-{bare.group(2)}{bare.group(3)}"
        return (
            f"it is written without the hyphen after the airline prefix ({spelled})",
            f"está escrito sin el guion después del prefijo de la aerolínea ({spelled})",
        )
    match = _AWB.fullmatch(value)
    if match is not None:
        digit = int(match.group(2)) % 7
        return (
            f"its check digit is {match.group(3)}, where the first seven digits of the serial modulo 7 give {digit}",
            f"su dígito de control es {match.group(3)}, y los siete primeros dígitos de la serie módulo 7 dan {digit}",
        )
    return (
        "it is not a 3-digit airline prefix, a hyphen and an 8-digit serial whose last digit is the first seven "
        "modulo 7",
        "no es un prefijo de aerolínea de 3 dígitos, un guion y una serie de 8 dígitos cuyo último dígito es el "
        "residuo módulo 7 de los siete primeros",
    )


def air_waybill_form(value: str) -> bool:
    """Whether ``value`` has the form of an IATA air waybill number (``PPP-SSSSSSSC``), whatever its check digit:
    what tells an air waybill from a bill of lading or a rail or truck waybill number. Whether it is a valid one is
    :func:`air_waybill`'s question."""
    return _AWB.fullmatch(value) is not None


# Anexo 22 (Instructivo de llenado del pedimento), field "número de pedimento": 2 digits of the year of validation,
# 2 of the aduana, 4 of the customs broker's patente, 7 progressive; Carta Porte 3.1 NumPedimento writes the groups
# separated by two spaces (XSD pattern [0-9]{2}  [0-9]{2}  [0-9]{4}  [0-9]{7}).
_PEDIMENTO = re.compile(r"([0-9]{2})  ([0-9]{2})  ([0-9]{4})  ([0-9]{7})")


def pedimento(value: str) -> bool:
    """Pedimento number ``YY  AA  PPPP  NNNNNNN`` whose aduana ``AA`` is one of SAT's aduanas."""
    match = _PEDIMENTO.fullmatch(value)
    return match is not None and codelists.contains("sat-aduana", match.group(2))


def pedimento_aduana(value: str) -> str | None:
    """The aduana (2 digits) of a pedimento number in SAT's form, or None when the number has another form."""
    match = _PEDIMENTO.fullmatch(value)
    return match.group(2) if match else None


def hs_subheading(value: str) -> bool:
    """A 6-digit subheading that exists in the Harmonized System 2022 nomenclature."""
    return re.fullmatch(r"[0-9]{6}", value) is not None and codelists.contains("hs2022", value)


def us_hts(value: str) -> bool:
    """A US HTS statistical reporting number (10 digits) or subheading (8 digits), dotted or not, whose first six
    digits are an HS 2022 subheading (HTSUS General Notes; HS Convention art. 3)."""
    digits = value.replace(".", "")
    if re.fullmatch(r"[0-9]{4}(?:\.?[0-9]{2}){2}(?:\.?[0-9]{2})?", value) is None:
        return False
    return hs_subheading(digits[:6])


def mx_fraccion(value: str) -> bool:
    """A Mexican tariff fracción (8 digits) or fracción with its NICO (10 digits) in SAT's c_FraccionArancelaria."""
    if re.fullmatch(r"[0-9]{8}(?:[0-9]{2})?", value) is None:
        return False
    return codelists.contains("mx-fraccion", value) or codelists.contains("mx-fraccion", value[:8])


def schedule_k(value: str) -> bool:
    """A Census/USACE Schedule K foreign port code: 5 digits. Membership is not checked: no open copy exists."""
    return re.fullmatch(r"[0-9]{5}", value) is not None


_UNLOCODE = re.compile(r"([A-Z]{2})[A-Z2-9]{3}")


def unlocode(value: str) -> bool:
    """UN/LOCODE (UNECE Recommendation 16): an ISO 3166-1 country and 3 characters (letters and digits 2-9).

    Membership is checked for the countries whose list is bundled; for the others only the form and the country.
    """
    match = _UNLOCODE.fullmatch(value)
    if match is None or not codelists.contains("country", match.group(1)):
        return False
    return match.group(1) not in _unlocode_countries() or codelists.contains("unlocode", value)


@cache
def _unlocode_countries() -> frozenset[str]:
    return frozenset(code[:2] for code in codelists.codes("unlocode"))


# 49 CFR 565.15 (the VIN of a vehicle built for the US market from model year 1981 on, ISO 3779's structure): 17
# characters of the digits and the capital letters but I, O and Q; position 9 is a check digit. Each character is
# given a value (table I of 565.15(c): A-H 1-8, J-N 1-5, P 7, R 9, S-Z 2-9, digits themselves), multiplied by the
# weight of its position (table III: 8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2); the sum's remainder by 11 is the check
# digit, 10 written as X.
_VIN = re.compile(r"[0-9A-HJ-NPR-Z]{17}")
_VIN_VALUES = {
    **{str(d): d for d in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7,
    "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin(value: str) -> bool:
    """A vehicle identification number of 17 characters with its check digit (49 CFR 565.15, ISO 3779)."""
    if _VIN.fullmatch(value) is None:
        return False
    remainder = sum(_VIN_VALUES[c] * w for c, w in zip(value, _VIN_WEIGHTS, strict=True)) % 11
    return value[8] == ("X" if remainder == 10 else str(remainder))


def usdot_number(value: str) -> bool:
    """A USDOT number as FMCSA assigns it (49 CFR 390.201): digits only, at most 8, not all zero; the marking
    "USDOT" that 49 CFR 390.21 puts before it on the vehicle is not part of the number."""
    return re.fullmatch(r"[0-9]{1,8}", value) is not None and value.strip("0") != ""


@record
class Identifier:
    name: str
    title: str
    source: str
    is_valid: Callable[[str], bool]
    # Why a value is not valid, in English and in Spanish, for identifiers whose invalid values call for telling
    # apart (a right number spelled otherwise, a wrong check digit).
    fault: Callable[[str], tuple[str, str]] | None = None


_ENTRIES = (
    Identifier("iso6346", "ISO 6346 container number", "ISO 6346:1995 section 3 and annex A", container_number),
    Identifier("imo", "IMO ship identification number", "IMO Resolution A.1117(30)", imo_number),
    Identifier("rfc", "Mexican RFC", "Código Fiscal de la Federación art. 27; SAT Anexo 20", rfc),
    Identifier("ein", "US employer identification number", "26 CFR 301.6109-1", ein),
    Identifier("ior", "CBP importer of record number", "19 CFR 24.5; CBP Form 5106", importer_of_record),
    Identifier("scac", "Standard Carrier Alpha Code", "NMFTA SCAC; X12 element 140 (ID 2/4)", scac),
    Identifier("reporting-mark", "AAR reporting mark", "AAR Umler equipment initial (2-4 letters)", reporting_mark),
    Identifier("car-number", "AAR car number", "AAR Umler equipment number (1-6 digits)", car_number),
    Identifier(
        "awb", "IATA air waybill number", "IATA Resolution 600a; Cargo-IMP DE112/DE113", air_waybill, air_waybill_fault
    ),
    Identifier("pedimento", "Pedimento number", "SAT Anexo 22; Carta Porte 3.1 NumPedimento", pedimento),
    Identifier("hs6", "HS 2022 subheading", "WCO HS Nomenclature 2022", hs_subheading),
    Identifier("us-hts", "US HTS number", "HTSUS General Notes; HS Convention art. 3", us_hts),
    Identifier(
        "mx-fraccion", "Mexican fracción arancelaria", "LIGIE; SAT catComExt c_FraccionArancelaria", mx_fraccion
    ),
    Identifier("schedule-k", "Schedule K foreign port code", "Census/USACE Schedule K (form only)", schedule_k),
    Identifier("unlocode", "UN/LOCODE", "UNECE Recommendation 16", unlocode),
    Identifier("vin", "vehicle identification number", "49 CFR 565.15; ISO 3779", vin),
    Identifier("usdot", "USDOT number", "49 CFR 390.201 and 390.21", usdot_number),
)

IDENTIFIERS: Mapping[str, Identifier] = MappingProxyType({entry.name: entry for entry in _ENTRIES})
