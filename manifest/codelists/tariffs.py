"""One goods line's tariff codes in each agency's nomenclature, related only by the digits they share.

The WCO Harmonized System classifies goods to six digits (the subheading). The national nomenclatures extend it
without changing it: a US HTSUS number is the HS subheading and four US digits (HTSUS General Notes 3(h) and 5; HS
Convention art. 3(3) lets a party add subdivisions "beyond the six-digit level"), and a Mexican fracción arancelaria
is the HS subheading and two Mexican digits, to which the NICO (número de identificación comercial) adds two more
(LIGIE art. 1 and 2, Regla 2a; SAT c_FraccionArancelaria holds both forms). So the crosswalk between them is the
shared prefix: a national code gives its HS subheading (and a fracción with its NICO gives its fracción), and no
code gives another nomenclature's own digits. A writer whose target wants a fracción and whose model holds only an
HTS number writes none and lists the loss: the two further digits are never invented.

The Standard Transportation Commodity Code (STCC, rail) is not built on the HS and shares nothing with it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from types import MappingProxyType

from manifest.slotted import record

HS = "hs"
US_HTS = "us-hts"
MX_FRACCION = "mx-fraccion"
NATIONAL = "national"  # another country's tariff number (Cargo-XML: by the country of destination)
SUBHEADING_DIGITS = 6


@record
class Nomenclature:
    """A tariff nomenclature built on the HS: the lengths its codes have, digits only."""

    title: str
    lengths: tuple[int, ...]


NOMENCLATURES: Mapping[str, Nomenclature] = MappingProxyType(
    {
        HS: Nomenclature("WCO Harmonized System subheading", (6,)),
        US_HTS: Nomenclature("US Harmonized Tariff Schedule (HTSUS) statistical reporting number", (10, 8)),
        MX_FRACCION: Nomenclature("Mexican fracción arancelaria (TIGIE), with or without its NICO", (8, 10)),
        # Every contracting party's tariff is built on the HS subheadings (HS Convention art. 3(1)(a)).
        NATIONAL: Nomenclature("another country's national tariff number", (6, 8, 10, 12)),
    }
)


def digits_of(code: str) -> str:
    """``code`` without the dots and spaces people write in it (``8471.30.0100`` -> ``8471300100``)."""
    return "".join(code.replace(".", "").split())


def subheading_of(scheme: str, code: str) -> str | None:
    """The six-digit HS subheading a code of an HS-based nomenclature begins with; None for a code of another
    scheme (STCC) or one that is not six digits or more."""
    if scheme not in NOMENCLATURES:
        return None
    digits = digits_of(code)
    if len(digits) < SUBHEADING_DIGITS or not digits.isascii() or not digits.isdigit():
        return None
    return digits[:SUBHEADING_DIGITS]


def subheadings(hs_code: str | None, codes: Sequence[tuple[str, str]]) -> set[str]:
    """Every HS subheading a line names: its HS code's and each HS-based national code's first six digits."""
    found = {subheading_of(HS, hs_code)} if hs_code else set()
    found.update(subheading_of(scheme, code) for scheme, code in codes)
    return {code for code in found if code is not None}
