"""How the identifiers and names of one movement are told apart, whichever document spells them.

Each agency's format writes the same thing its own way: a bill number with or without its carrier's SCAC
(``KCSM26110451``, ``26110451``), an air waybill with or without its hyphen (``139-12345675``), a car number padded
with zeros in one file and not in the other, a flight as ``AM0642`` or ``AM642``, a party as ``Aceros del Centro,
S.A. de C.V.`` or ``ACEROS DEL CENTRO SA DE CV``. These keys set the spelling aside and keep what identifies.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from manifest.codelists import tariffs
from manifest.model import Equipment, EquipmentKind, GoodsItem

_FLIGHT = re.compile(r"([A-Z0-9]{2}[A-Z]?)0*([0-9]{1,4}[A-Z]?)")


def compact(text: str) -> str:
    """Letters and digits only, accents removed, in capitals: ``139-12345675`` is ``13912345675``."""
    letters = unicodedata.normalize("NFKD", text)
    return "".join(c for c in letters if c.isascii() and c.isalnum()).upper()


def bill_key(number: str, prefixes: Iterable[str]) -> str:
    """A bill or waybill number without punctuation and without a leading carrier prefix (a SCAC, an IATA airline
    prefix) when something is left after it: a 309 writes ``KCSM26110451`` where another document has
    ``26110451``."""
    key = compact(number)
    for prefix in sorted({compact(p) for p in prefixes if p}, key=len, reverse=True):
        if prefix and key.startswith(prefix) and len(key) > len(prefix):
            return key[len(prefix) :]
    return key


def equipment_key(equipment: Equipment) -> str:
    """A car by its reporting mark and number without leading zeros (``TFM 055012`` is ``TFM55012``); other
    equipment by its identifier without spaces and punctuation."""
    if equipment.kind is EquipmentKind.RAILCAR:
        return compact(equipment.initial or "") + (compact(equipment.number).lstrip("0") or "0")
    return compact(equipment.identifier)


def flight_key(text: str) -> str:
    """A flight number as its airline designator and number without leading zeros: ``AM0642`` and ``AM642``."""
    key = compact(text)
    match = _FLIGHT.fullmatch(key)
    return f"{match[1]}{match[2]}" if match else key


# Legal forms that end a company's name in Mexico (Ley General de Sociedades Mercantiles, Ley de Sociedades de
# Responsabilidad Limitada de Interés Público, Ley Agraria) and the US: set aside when names are compared. Longest
# first, as words after punctuation is removed.
_LEGAL_FORMS = tuple(
    sorted(
        (
            tuple(form.split())
            for form in (
                "S A B DE C V",
                "SAB DE CV",
                "S A P I DE C V",
                "SAPI DE CV",
                "S A DE C V",
                "SA DE CV",
                "S DE R L DE C V",
                "S DE RL DE CV",
                "S DE R L",
                "S DE RL",
                "SPR DE RL",
                "S P R DE R L",
                "SC DE RL",
                "S C",
                "SC",
                "S A",
                "SA",
                "AC",
                "LLC",
                "L L C",
                "INC",
                "INCORPORATED",
                "CORP",
                "CORPORATION",
                "CO",
                "COMPANY",
                "LTD",
                "LIMITED",
                "LP",
                "LLP",
                "PLC",
            )
        ),
        key=len,
        reverse=True,
    )
)


def words_of(text: str) -> list[str]:
    """The words of a text in capitals, without accents and with punctuation as a space between words."""
    letters = unicodedata.normalize("NFKD", text)
    return "".join(c if c.isalnum() else " " for c in letters if c.isascii()).upper().split()


def party_name_key(name: str) -> str:
    """A party's name in capitals without accents, punctuation or the legal form that ends it, so that ``Aceros del
    Centro, S.A. de C.V.`` and ``ACEROS DEL CENTRO SA DE CV`` are one name."""
    words = words_of(name)
    changed = True
    while changed and words:
        changed = False
        for form in _LEGAL_FORMS:
            if len(words) > len(form) and tuple(words[-len(form) :]) == form:
                words = words[: -len(form)]
                changed = True
                break
    return " ".join(words)


# Abbreviations common in the goods descriptions of cargo manifests, read as the word they stand for; a word in the
# plural and in the singular are one (description_key drops a final S).
_ABBREVIATIONS = {
    "PCT": "PERCENT",
    "PC": "PIECE",
    "PCS": "PIECE",
    "PKG": "PACKAGE",
    "PKGS": "PACKAGE",
    "ASSY": "ASSEMBLY",
    "EQUIP": "EQUIPMENT",
    "EQPT": "EQUIPMENT",
    "MACH": "MACHINE",
    "ACC": "ACCESSORY",
    "ACCES": "ACCESSORY",
    "ACCESSORIES": "ACCESSORY",
    "W": "WITH",
    "WO": "WITHOUT",
    "AUTO": "AUTOMOTIVE",
    "MISC": "MISCELLANEOUS",
}


def description_key(description: str) -> str:
    """A goods description as its set of words, so that ``Hot-rolled steel coils`` and ``COILS, STEEL, HOT ROLLED``
    are one description: capitals without accents or punctuation, common abbreviations read in full (``PCT`` is
    ``PERCENT``, ``PCS`` is ``PIECE``), a final S set aside, in any order."""
    found = set()
    for word in words_of(description):
        word = _ABBREVIATIONS.get(word, word)
        if len(word) > 3 and word.endswith("S") and not word.endswith("SS"):
            word = word[:-1]
        found.add(word)
    return " ".join(sorted(found))


def hs6_of(item: GoodsItem) -> tuple[str, str | None]:
    """The six-digit HS subheading a goods line declares, and the model path under the line where it is written:
    its ``hs_code``, else the subheading of its first HS-based national code (an HTS number, a fracción)."""
    if item.hs_code and (own := tariffs.subheading_of(tariffs.HS, item.hs_code)) is not None:
        return own, "hs_code"
    for index, tariff in enumerate(item.tariff_codes):
        if (found := tariffs.subheading_of(tariff.scheme, tariff.code)) is not None:
            return found, f"tariff_codes[{index}].code"
    return "", None


def hs6_codes(item: GoodsItem) -> set[str]:
    """Every six-digit HS subheading a goods line names: its HS code and the first six digits of its national codes
    (a US HTS number and a Mexican fracción of one line both begin with the line's HS subheading)."""
    return tariffs.subheadings(item.hs_code, [(tariff.scheme, tariff.code) for tariff in item.tariff_codes])
