"""Rate lines (IncludedMasterConsignmentItem, IncludedHouseConsignmentItem) as goods items, and their ULDs.

Item type (real XFWB/XFZB samples): SequenceNumeric, TypeCode (the commodity code: HS or a national tariff number;
it may repeat), GrossWeightMeasure, GrossVolumeMeasure, PieceQuantity, NatureIdentificationTransportCargo/
Identification (nature and quantity of goods), AssociatedUnitLoadTransportEquipment (ID, CharacteristicCode = ULD
type, OperatingParty/PrimaryID = owner) and TransportLogisticsPackage (dimension lines with ItemQuantity).

A rate line may only continue the one before it, with no description of its own: a second TypeCode with
Information NDA, a GrossVolumeMeasure alone, a PackageQuantity with Information NDA (Riege's xfwbExample.xml and
888-11111111_XFWB_multipleULD_multipleHTS.xml, as FWB/17 writes ``/2/NH/...`` or ``/3/NV/...``). It is read as a
goods item like any other; the waybill's description is required once, of any of its items (CBP-AIR-005).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from manifest.formats.cargo_xml import charges, codes, values
from manifest.formats.cargo_xml.build import Node
from manifest.formats.cargo_xml.source import Reading
from manifest.formats.readers import ascii_digits
from manifest.model import Equipment, EquipmentKind, GoodsItem, Packages, TariffCode

_HS = re.compile(r"[0-9]{6}")
# A ULD serial is 4 or 5 digits followed by the owner's 2- or 3-character code (IATA ULD Regulations, 7th chapter).
_ULD_NUMBER = re.compile(r"([0-9]{4,5})([A-Z0-9]{2,3})")
_NATIONAL_SCHEMES = {"US": "us-hts", "MX": "mx-fraccion"}


@cache
def _airports() -> dict[str, Any]:
    import airportsdata

    loaded: dict[str, Any] = airportsdata.load("IATA")
    return loaded


def tariff_scheme(destination: str | None) -> str:
    """The scheme of a national tariff number, from the country of the airport of destination."""
    country = _airports().get(destination or "", {}).get("country")
    return _NATIONAL_SCHEMES.get(country or "", "national")


def read_uld(reading: Reading, element: Any, field: str) -> Equipment:
    reading.place(field, element)
    serial = reading.text(element, "ID", f"{field}.number") or ""
    owner = reading.text(element, "OperatingParty/PrimaryID", f"{field}.number") or ""
    return Equipment(
        kind=EquipmentKind.ULD,
        initial=reading.text(element, "CharacteristicCode", f"{field}.initial"),
        number=serial + owner,
        gross_weight=values.measure(reading, element, "GrossWeightMeasure", f"{field}.gross_weight"),
        extensions=reading.residue(element, field),
    )


def write_uld(node: Node, equipment: Equipment) -> None:
    split = _ULD_NUMBER.fullmatch(equipment.number)
    node.set("ID", split.group(1) if split else equipment.number)
    node.set("CharacteristicCode", equipment.initial)
    if split:
        node.set("OperatingParty/PrimaryID", split.group(2))
    weight = equipment.gross_weight
    if weight is not None:
        values.write_measure(node, "GrossWeightMeasure", weight)
    node.restore(equipment.extensions)


def read_item(
    reading: Reading,
    element: Any,
    field: str,
    destination: str | None,
    ulds: dict[str, Equipment],
    owner: str,
    currency: str | None = None,
) -> GoodsItem:
    """One rate line; the ULDs it names are added to ``ulds`` (by identifier, first seen first), which become the
    equipment of the consignment at path ``owner``. Its charge is in ``currency``, the waybill's."""
    reading.place(field, element)
    hs_code, tariffs = _commodity_codes(reading, element, field, destination)
    sequence = values.count(reading, element, "SequenceNumeric", f"{field}.sequence")
    pieces = values.count(reading, element, "PieceQuantity", f"{field}.packages")
    equipment_ids: list[str] = []
    for uld_element in reading.findall(element, "AssociatedUnitLoadTransportEquipment"):
        reading.place(f"{field}.equipment_ids[{len(equipment_ids)}]", uld_element)
        uld = read_uld(reading, uld_element, f"{owner}.equipment[{len(ulds)}]")
        ulds.setdefault(uld.identifier, uld)
        equipment_ids.append(uld.identifier)
    _check_dimension_pieces(reading, element, pieces, field)
    return GoodsItem(
        sequence=sequence,
        description=reading.text(element, "NatureIdentificationTransportCargo/Identification", f"{field}.description"),
        packages=Packages(count=pieces) if pieces is not None else None,
        gross_weight=values.measure(reading, element, "GrossWeightMeasure", f"{field}.gross_weight"),
        volume=values.measure(reading, element, "GrossVolumeMeasure", f"{field}.volume"),
        hs_code=hs_code,
        tariff_codes=tariffs,
        equipment_ids=tuple(equipment_ids),
        rate=charges.read_rate(reading, element, field, currency),
        extensions=reading.residue(element, field),
    )


def _commodity_codes(
    reading: Reading, element: Any, field: str, destination: str | None
) -> tuple[str | None, tuple[TariffCode, ...]]:
    """TypeCode values: the first 6-digit one is the HS subheading; longer ones are national tariff numbers."""
    hs_code: str | None = None
    tariffs: list[TariffCode] = []
    for type_code in reading.findall(element, "TypeCode"):
        code = reading.take(type_code)
        if _HS.fullmatch(code) and hs_code is None:
            hs_code = code
            reading.place(f"{field}.hs_code", type_code)
        else:
            reading.place(f"{field}.tariff_codes[{len(tariffs)}]", type_code)
            tariffs.append(TariffCode(scheme=tariff_scheme(destination), code=code))
    if hs_code is None:
        # A national tariff number begins with the HS subheading it details.
        national = next((i for i, t in enumerate(tariffs) if len(t.code) > 6 and ascii_digits(t.code[:6])), None)
        if national is not None:
            hs_code = tariffs[national].code[:6]
            reading.positions[f"{field}.hs_code"] = reading.positions[f"{field}.tariff_codes[{national}]"]
    return hs_code, tuple(tariffs)


def _check_dimension_pieces(reading: Reading, element: Any, pieces: int | None, field: str) -> None:
    """The dimension lines of a rate line describe no more pieces than it has, and are said to leave some without
    dimensions."""
    packages = reading.findall(element, "TransportLogisticsPackage")
    if pieces is None or not packages:
        return
    quantities = [reading.find(p, "ItemQuantity") for p in packages]
    numbers = [(q.text or "").strip() for q in quantities if q is not None]
    if len(numbers) != len(packages) or not all(ascii_digits(n) for n in numbers):
        return
    total = sum(int(n) for n in numbers)
    if total != pieces:
        piece_element = reading.find(element, "PieceQuantity")
        # More pieces described than the line has is a contradiction; fewer is a line whose other pieces were given
        # no dimensions, which a sender may do (Cargo-IMP's DIM line likewise covers some pieces, or says NDA).
        message = codes.PIECES_VS_PACKAGES if total > pieces else codes.PIECES_WITHOUT_DIMENSIONS
        reading.report(
            message(
                **reading.at(piece_element if piece_element is not None else element),
                field=f"{field}.packages",
                value=pieces,
                item=reading.xpath(element),
                pieces=pieces,
                items=total,
            )
        )


def write_item(node: Node, item: GoodsItem, ulds: dict[str, Equipment], currency: str | None = None) -> None:
    node.set("SequenceNumeric", None if item.sequence is None else str(item.sequence))
    codes_written = [t.code for t in item.tariff_codes]
    if item.hs_code is not None and not any(code.startswith(item.hs_code) for code in codes_written):
        codes_written.insert(0, item.hs_code)
    for code in codes_written:
        node.add("TypeCode", code)
    values.write_measure(node, "GrossWeightMeasure", item.gross_weight)
    values.write_measure(node, "GrossVolumeMeasure", item.volume)
    if item.packages is not None:
        node.set("PieceQuantity", str(item.packages.count))
    node.set("NatureIdentificationTransportCargo/Identification", item.description)
    for identifier in item.equipment_ids:
        uld = ulds.get(identifier)
        if uld is not None:
            write_uld(node.add("AssociatedUnitLoadTransportEquipment"), uld)
    charges.write_rate(node, item.rate, currency)
    node.restore(item.extensions)
