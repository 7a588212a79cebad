"""Turning X12 element values into model values and back (units, dates, numbers, places)."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from itertools import chain

from manifest.codelists import code_of_same_place, contains, crosswalks
from manifest.diagnostics import Position
from manifest.formats.base import PositionsOnDemand
from manifest.formats.readers import ascii_digits
from manifest.formats.x12.tokens import Segment
from manifest.model import EquipmentKind, PartyRole, Place, PlaceScheme

_DECIMAL = re.compile(r"-?(?:[0-9]+\.?[0-9]*|\.[0-9]+)")
_SCHEDULE_K = re.compile(r"[0-9]{5}")
_UNLOCODE = re.compile(r"[A-Z]{2}[A-Z2-9]{3}")
_X12_UNIT = re.compile(r"[A-Z]{3}")


@lru_cache(maxsize=4096)
def decimal(text: str) -> Decimal | None:
    """An X12 R or N0 value as a Decimal, keeping its written precision; None when it is not a number. A Decimal
    is immutable: the weights, counts and values that a manifest repeats share one each."""
    if _DECIMAL.fullmatch(text) is None:
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def number_text(value: Decimal) -> str:
    """The X12 R form of a Decimal: plain digits, no exponent, as few characters as keep the value exact."""
    return format(value, "f")


# Units and package forms go through the crosswalks of manifest.codelists (X12 elements 188 Weight Unit Code and
# 184 Volume Unit Qualifier to UN/ECE Recommendation 20, the model's units; element 599 Manifest Unit Code to
# UN/ECE Recommendation 21 and SAT c_TipoEmbalaje).
_UNITS = "units"
X12_PACKAGE_FORMS = "x12-599"
PACKAGE_SYSTEMS = ("unece-rec21", "sat-tipo-embalaje")


def weight_unit(code: str) -> str | None:
    return crosswalks.translate(_UNITS, "x12-188", "unece-rec20", code)


def weight_code(unit: str) -> str | None:
    return crosswalks.translate(_UNITS, "unece-rec20", "x12-188", unit)


def volume_unit(code: str) -> str | None:
    return crosswalks.translate(_UNITS, "x12-184", "unece-rec20", code)


def volume_code(unit: str) -> str | None:
    return crosswalks.translate(_UNITS, "unece-rec20", "x12-184", unit)


def manifest_unit(kind: str) -> crosswalks.Translation | None:
    """The X12 Manifest Unit Code (M11-04, N10-10) of a model package kind: the kind itself when it is an X12 code
    (as a 309 reader stores it: the element 599 codes are three letters, where Rec 21 codes have two characters and
    UN packaging codes have digits), else its translation from UN/ECE Rec 21 or SAT c_TipoEmbalaje."""
    if _X12_UNIT.fullmatch(kind):
        return crosswalks.Translation(kind, True)
    for system in PACKAGE_SYSTEMS:
        found = crosswalks.find("package-forms", system, X12_PACKAGE_FORMS, kind)
        if found is not None:
            return found
    return None


def party_role(code: str) -> PartyRole:
    """The model role of an X12 Entity Identifier Code (N101); OTHER when the crosswalk has none."""
    role = crosswalks.translate("party-roles", "x12-98", "model-role", code)
    return PartyRole(role) if role is not None else PartyRole.OTHER


def role_code(role: PartyRole) -> str:
    """The X12 Entity Identifier Code of a model role; "" when the crosswalk has none."""
    return crosswalks.translate("party-roles", "model-role", "x12-98", role.value) or ""


def equipment_kind(code: str) -> EquipmentKind:
    """The model kind of an X12 Equipment Description Code (VID01): the 309 describes containers by codes the
    crosswalk does not list (CBP's ocean 309 writes 4B), so a code it does not know is a container."""
    kind = crosswalks.translate("equipment-kinds", "x12-40", "model-equipment-kind", code)
    return EquipmentKind(kind) if kind is not None else EquipmentKind.CONTAINER


def equipment_code(kind: EquipmentKind) -> str | None:
    """The X12 Equipment Description Code of a model kind, or None."""
    return crosswalks.translate("equipment-kinds", "model-equipment-kind", "x12-40", kind.value)


def country_code(country: str) -> str:
    """The ISO 3166-1 alpha-2 code CBP reads in N404 and M1003 (element 26): an alpha-3 code (as Carta Porte and
    SAT c_Pais write it) goes through the countries crosswalk; any other value is written as the model has it."""
    return crosswalks.translate("countries", "iso3166-alpha3", "iso3166-alpha2", country) or country


def date_text(moment: date) -> str:
    return f"{moment.year:04d}{moment.month:02d}{moment.day:02d}"


def schedule_d_code(place: Place | None) -> str | None:
    """The code P4-01 (element 310, a U.S. port of CBP's Schedule D in the 309 and 358) takes for ``place``: its code
    when it is a Schedule D code (so named, or of no named list and in Schedule D), else the Schedule D code of the
    same port through the place crosswalk (UN/LOCODE ``USLAX`` or IATA ``LAX`` -> ``2704``); None when there is none,
    and the port is not written."""
    if place is None or not place.code:
        return None
    if place.scheme is PlaceScheme.SCHEDULE_D or (place.scheme is None and contains("schedule-d", place.code)):
        return place.code
    return code_of_same_place(place.code, place.scheme.value if place.scheme else None, PlaceScheme.SCHEDULE_D.value)


def lading_code(place: Place | None) -> str | None:
    """M1102 for a consignment's port of lading: its code when the reader takes it back under the same scheme
    (:func:`place_scheme` tells the scheme by the code's form; a code of no known scheme by a form of none), else the
    UN/LOCODE of the same place through the place crosswalk; None when neither, and the port is not written, since
    a code read back under another scheme names another place (an airport's LAX, a scheme-less FALSE read as a
    UN/LOCODE)."""
    if place is None or not place.code:
        return None
    read_as = place_scheme(place.code)
    if read_as is (place.scheme or PlaceScheme.OTHER):
        return place.code
    if place.scheme is None and (read_as is PlaceScheme.SCHEDULE_K or contains("unlocode", place.code)):
        return place.code  # a Schedule K port or a listed UN/LOCODE given without its scheme: the reader names it
    return code_of_same_place(place.code, place.scheme.value if place.scheme else None, PlaceScheme.UNLOCODE.value)


def place_scheme(code: str) -> PlaceScheme:
    """X12 M1102 port of lading: a Schedule K port (5 digits), a UN/LOCODE, or another code as written."""
    if _SCHEDULE_K.fullmatch(code):
        return PlaceScheme.SCHEDULE_K
    if _UNLOCODE.fullmatch(code):
        return PlaceScheme.UNLOCODE
    return PlaceScheme.OTHER


def raw(segment: Segment) -> str:
    """A whole segment kept verbatim in an extension (data elements joined by '*', the tag left out)."""
    return "*".join(segment.elements[1:])


def unraw(text: str) -> list[str]:
    return text.split("*")


class LazyPositions(PositionsOnDemand[tuple[Segment, int]]):
    """Model path -> the segment and element number it was read from, located when a diagnostic asks for it."""

    __slots__ = ("_raw",)

    def __init__(self) -> None:
        self._raw: dict[str, tuple[Segment, int]] = {}
        super().__init__(self._raw, _element_position)

    def put(self, path: str, segment: Segment, index: int = 0) -> None:
        self._raw[path] = (segment, index)


def _element_position(spot: tuple[Segment, int]) -> Position:
    segment, index = spot
    return segment.position(index)


class SetPositions(Mapping[str, Position]):
    """The positions of one manifest: its header's, and each consignment's from that consignment's own map (a
    lookup under ``consignments[n]`` goes to map ``n``), so that no map is copied into another."""

    __slots__ = ("_consignments", "_header")

    def __init__(self, header: Mapping[str, Position], consignments: Sequence[Mapping[str, Position]]) -> None:
        self._header = header
        self._consignments = consignments

    def __getitem__(self, path: str) -> Position:
        if path.startswith("consignments["):
            end = path.find("]", 13)
            number = path[13:end]
            if end > 13 and ascii_digits(number) and int(number) < len(self._consignments):
                return self._consignments[int(number)][path]
        return self._header[path]

    def __iter__(self) -> Iterator[str]:
        return chain(self._header, *self._consignments)

    def __len__(self) -> int:
        return len(self._header) + sum(len(part) for part in self._consignments)
