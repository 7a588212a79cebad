"""What Cargo-IMP can name: air waybills by their number and unit load devices by their identification.

FWB and FFM name each master waybill by its air waybill number (Cargo-IMP AWB consignment detail: DE 112 airline
prefix and DE 113 serial, IATA Resolution 600a), and FFM ULD lines and FWB RTD NU lines name unit load devices by
their ULD identification (type, serial and owner code). A bill of lading, a rail or truck waybill number, or an ISO
6346 container is none of these, and written there would name a waybill or a ULD that does not exist: the writers
leave it out and list it (IMP103, IMP104).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from manifest.formats.air_kind import unit_load_device
from manifest.identifiers import air_waybill_form
from manifest.model import Consignment, DocumentType, Equipment

ULD_ID = re.compile(r"[A-Z][A-Z0-9]{2}[A-Z0-9][0-9]{3,4}[A-Z0-9]{2}")  # ULD type (3), serial (4-5), owner (2)


def named_by_air_waybill(consignment: Consignment) -> bool:
    """Whether a master consignment has the air waybill number FWB and FFM name it by (a house has its own)."""
    return consignment.document_type == DocumentType.HOUSE_AIR_WAYBILL or air_waybill_form(consignment.document_number)


def described(equipment: Iterable[Equipment]) -> dict[str, Equipment]:
    """The equipment by identifier, the first description of each kept."""
    found: dict[str, Equipment] = {}
    for item in equipment:
        found.setdefault(item.identifier, item)
    return found


def names_a_uld(identifier: str, known: Mapping[str, Equipment]) -> bool:
    """Whether ``identifier`` names a ULD: the equipment it names is one, or, where the model does not describe it,
    it has the form of a ULD identification."""
    equipment = known.get(identifier)
    if equipment is not None:
        return unit_load_device(equipment)
    return ULD_ID.fullmatch(identifier) is not None
