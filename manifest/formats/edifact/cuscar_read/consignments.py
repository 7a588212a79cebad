"""The consignments of a CUSCAR message: CNI opens one (segment group 5), its RFF references name its transport
document and master bill, CNT gives its control totals, and the next CNI or UNT closes it into the model with the
message-level equipment its goods are placed in."""

from __future__ import annotations

from manifest.formats.edifact import cuscar_codes as C
from manifest.formats.edifact.cuscar_read.goods import to_goods
from manifest.formats.edifact.cuscar_read.parties import to_party
from manifest.formats.edifact.cuscar_read.positions import spot
from manifest.formats.edifact.cuscar_read.state import NS, ConsignmentDraft, Ext, ReadState, keep, number
from manifest.formats.edifact.rawtext import compose
from manifest.formats.edifact.segments import Segment
from manifest.model import Consignment, DocumentType, Packages, Quantity, Reference


def cni(state: ReadState, s: Segment) -> None:
    state.consignment_index += 1
    consignment = state.consignment = ConsignmentDraft()
    state.goods = None
    state.context = "cni"
    state.stop = None
    # CNI 1490 consolidation item number, C503 1004 document number (the transport document).
    base = f"consignments[{state.consignment_index}]"
    if state.record:
        state.spots[base] = spot(s, 0, 0)
    values = consignment.values
    # C503 and 1004 are conditional in CNI (UNTDID CNI segment directory): a consignment may be numbered by an
    # RFF of its group instead (see consignment_rff), and whether a number is due is the agency's rule to say.
    values["document_number"] = s.get(2, 1)
    if state.record:
        state.spots[f"{base}.document_number"] = spot(s, 2, 1)
    if s.get(1) != str(state.consignment_index + 1):
        consignment.ext[f"{NS}.CNI.01"] = s.get(1)
    if len([c for c in s.components(2) if c]) > 1 or not s.get(2, 1):
        # Kept as written when it holds more than the number, or no number: the writer then leaves CNI as read.
        consignment.ext[f"{NS}.CNI.02"] = compose(s.components(2))
    keep(consignment.ext, s, (3,), "CNI")


def consignment_rff(state: ReadState, s: Segment, qualifier: str, value: str) -> None:
    """An RFF of the open consignment's group: its transport document, its type, its master bill, or a reference."""
    assert state.consignment is not None
    values = state.consignment.values
    base = f"consignments[{state.consignment_index}]"
    if not values["document_number"] and value and qualifier in C.RFF_TRANSPORT_DOCUMENTS:
        values["document_number"] = value
        if state.record:
            state.spots[f"{base}.document_number"] = spot(s, 1, 2)
    if qualifier == C.RFF_BILL and value == values["document_number"] and "document_type" not in values:
        values["document_type"] = DocumentType.BILL_OF_LADING
        if state.record:
            state.spots[f"{base}.document_type"] = spot(s, 1, 1)
        return
    if qualifier == C.RFF_HOUSE_BILL and value == values["document_number"] and "document_type" not in values:
        values["document_type"] = DocumentType.HOUSE_BILL_OF_LADING
        if state.record:
            state.spots[f"{base}.document_type"] = spot(s, 1, 1)
        return
    if (
        qualifier == C.RFF_BILL
        and values.get("document_type") is DocumentType.HOUSE_BILL_OF_LADING
        and "master_number" not in values
    ):
        values["master_number"] = value
        if state.record:
            state.spots[f"{base}.master_number"] = spot(s, 1, 2)
        return
    index = len(state.consignment.references)
    ext: Ext = {}
    if len(s.components(1)) > 2:
        ext[f"{NS}.RFF.C506"] = compose(s.components(1))
    state.consignment.references.append(Reference(kind=qualifier, value=value, extensions=ext))
    if state.record:
        state.spots[f"{base}.references[{index}]"] = spot(s, 1, 2)


def cnt(state: ReadState, s: Segment) -> None:
    if state.consignment is None or state.context not in ("cni", "cni-nad"):
        state.route_extra(s)
        return
    # CNT C270: 6069 control qualifier, 6066 value, 6411 unit.
    qualifier, raw, unit = s.values(1, 3)
    value = number(raw)
    values = state.consignment.values
    base = f"consignments[{state.consignment_index}]"
    if raw and value is None:
        state.report(
            C.BAD_NUMBER(location=s.location(1, 2), value=raw, name="control value (6066)").at(s.position(1, 2))
        )
    if qualifier == C.CNT_GROSS and value is not None and unit and "gross_weight" not in values:
        values["gross_weight"] = Quantity(value=value, unit=unit)
        if state.record:
            state.spots[f"{base}.gross_weight"] = spot(s, 1, 2)
        return
    if (
        qualifier == C.CNT_PACKAGES
        and value is not None
        and value == value.to_integral_value()
        and not unit
        and "total_packages" not in values
    ):
        values["total_packages"] = Packages(count=int(value))
        if state.record:
            state.spots[f"{base}.total_packages"] = spot(s, 1, 2)
        return
    state.consignment_extra(s)


def close_consignment(state: ReadState) -> tuple[int, Consignment] | None:
    """The open consignment, closed into the model with its index; None when none is open."""
    current, state.consignment = state.consignment, None
    state.goods = None
    state.last_party = None
    if current is None:
        return None
    goods = tuple(to_goods(g) for g in current.goods)
    equipment = list(current.equipment)
    own = {e.identifier for e in equipment}
    placed = {ident for item in goods for ident in item.equipment_ids if ident not in own}
    base = f"consignments[{state.consignment_index}]"
    # Message-level equipment, in the order the EQD groups declare it, for the goods placed in it (SGP).
    for ident, item in state.equipment.items():
        if ident in placed:
            state.equipment_positions(ident, f"{base}.equipment[{len(equipment)}]")
            equipment.append(item)
    values = dict(current.values)
    consignment = Consignment(
        parties=tuple(to_party(p) for p in current.parties),
        goods=goods,
        equipment=tuple(equipment),
        references=tuple(current.references),
        extensions=current.ext,
        **values,
    )
    return state.consignment_index, consignment
