"""The goods items of a CUSCAR consignment (segment group 7): GID with its FTX description, PCI marks, CST tariff
codes (PIA in files written before), DOC customs documents, SGP placement in equipment, and the DGS dangerous goods
under it."""

from __future__ import annotations

from typing import Any

from manifest.formats.edifact import cuscar_codes as C
from manifest.formats.edifact.cuscar_read.equipment import close_equipment
from manifest.formats.edifact.cuscar_read.positions import spot
from manifest.formats.edifact.cuscar_read.state import NS, ConsignmentDraft, Ext, GoodsDraft, ReadState, keep
from manifest.formats.edifact.rawtext import compose, extra_key, segment_text
from manifest.formats.edifact.segments import Segment
from manifest.formats.readers import ascii_digits
from manifest.model import Contact, CustomsDocument, GoodsItem, HazardousMaterial, Packages, TariffCode


def gid(state: ReadState, s: Segment) -> None:
    close_equipment(state)
    if state.consignment is None:
        state.out_of_place(s, "GID belongs to a CNI consignment", "GID pertenece a una consignación CNI")
        _start_consignment_implicit(state, s)
    assert state.consignment is not None
    goods = state.goods = GoodsDraft(
        path=f"consignments[{state.consignment_index}].goods[{len(state.consignment.goods)}]"
    )
    state.consignment.goods.append(goods)
    state.context = "gid"
    # GID 1496 goods item number, C213 7224 number of packages : 7065 type of packages : 1131 : 3055 : 7064.
    values = goods.values
    state.spot_goods("", s, 0, 0)
    sequence = s.get(1)
    if sequence:
        if ascii_digits(sequence):
            values["sequence"] = int(sequence)
            state.spot_goods("sequence", s, 1, 1)
            if str(int(sequence)) != sequence:
                goods.ext[f"{NS}.GID.01"] = sequence
        else:
            state.report(
                C.BAD_NUMBER(location=s.location(1, 1), value=sequence, name="goods item number (1496)").at(
                    s.position(1, 1)
                )
            )
            goods.ext[f"{NS}.GID.01"] = sequence
    count_text = s.get(2, 1)
    if count_text:
        if ascii_digits(count_text):
            values["packages"] = Packages(count=int(count_text), kind=s.get(2, 2) or None)
            state.spot_goods("packages", s, 2, 1)
            if len([c for c in s.components(2) if c]) > 2 or str(int(count_text)) != count_text:
                goods.ext[f"{NS}.GID.02"] = compose(s.components(2))
        else:
            state.report(
                C.BAD_NUMBER(location=s.location(2, 1), value=count_text, name="number of packages (7224)").at(
                    s.position(2, 1)
                )
            )
            goods.ext[f"{NS}.GID.02"] = compose(s.components(2))
    keep(goods.ext, s, (3, 4, 5, 6), "GID")


def _start_consignment_implicit(state: ReadState, s: Segment) -> None:
    """A consignment with no CNI for a GID read outside any, so that its goods are not lost."""
    state.consignment_index += 1
    state.consignment = ConsignmentDraft(values={"document_number": ""})
    if state.record:
        state.spots[f"consignments[{state.consignment_index}]"] = spot(s, 0, 0)


def ftx(state: ReadState, s: Segment) -> None:
    # FTX 4451 subject (AAA goods description, AAD dangerous goods technical name), C108 4440 text lines.
    subject, text = s.get(1), "".join(s.components(4)[:5])
    goods = state.goods
    if state.context == "dgs" and goods is not None and subject == C.FTX_DG_NAME:
        hazard = goods.hazardous[-1]
        if "proper_shipping_name" not in hazard and text and not any(s.components(2) + s.components(3)):
            hazard["proper_shipping_name"] = text
            return
    if (
        state.context == "gid"
        and goods is not None
        and subject == C.FTX_DG_NAME
        and not goods.hazardous
        and goods.dangerous_text is None
        and text
        and not any(s.components(2) + s.components(3))
    ):
        # FTX stands before DGS in the goods item group (D.95B): the text names the item's one DGS, if it has one.
        goods.dangerous_text = (text, segment_text(s))
        return
    if (
        state.context == "gid"
        and goods is not None
        and subject == C.FTX_DESCRIPTION
        and "description" not in goods.values
        and text
        and not any(s.components(2) + s.components(3))
    ):
        goods.values["description"] = text
        state.spot_goods("description", s, 4, 1)
        if any(s.components(5)):
            goods.ext[f"{NS}.FTX.05"] = compose(s.components(5))
        return
    state.route_extra(s)


def pci(state: ReadState, s: Segment) -> None:
    # PCI 4233 marking instructions, C210 7102 shipping marks (up to ten lines). The goods item group places PCI after
    # SGP and DGS (D.95B); files written before this order have it before them, and both are read.
    goods = state.goods
    if state.context not in ("gid", "dgs") or goods is None or "marks" in goods.values:
        state.route_extra(s)
        return
    lines = s.components(2)
    while lines and not lines[-1]:
        lines = lines[:-1]
    if lines:
        goods.values["marks"] = "\n".join(lines)
        state.spot_goods("marks", s, 2, 1)
    if s.get(1):
        goods.ext[f"{NS}.PCI.01"] = s.get(1)
    keep(goods.ext, s, (3, 4), "PCI")


def sgp(state: ReadState, s: Segment) -> None:
    # SGP C237 8260 equipment id, 7224 number of packages placed in it.
    goods = state.goods
    if goods is None or state.context not in ("gid", "dgs"):
        state.out_of_place(s, "SGP follows a GID goods item", "SGP sigue a un GID")
        state.route_extra(s)
        return
    ident = s.get(1, 1)
    index = len(goods.equipment_ids)
    goods.equipment_ids.append(ident)
    state.spot_goods(f"equipment_ids[{index}]", s, 1, 1)
    if s.get(2):
        goods.ext[f"{NS}.SGP.{index:02d}"] = s.get(2)
    if len([c for c in s.components(1) if c]) > 1:
        goods.ext[f"{NS}.SGP.{index:02d}.C237"] = compose(s.components(1))
    if ident in state.equipment:
        state.used_equipment.add(ident)
    elif state.consignment is not None and not any(e.identifier == ident for e in state.consignment.equipment):
        state.sink.append(C.UNKNOWN_EQUIPMENT(value=ident).at(s.position(1, 1)))
    state.context = "gid"


def pia(state: ReadState, s: Segment) -> None:
    # PIA 4347 product id function, C212 7140 item number : 7143 type (HS) : 1131 code list : 3055 agency.
    goods = state.goods
    if state.context != "gid" or goods is None or s.get(1) not in ("1", "5") or len(s.elements) > 2:
        state.route_extra(s)
        return
    code, kind, listed, agency = s.values(2, 4)
    if not code or kind != C.ITEM_HS:
        state.route_extra(s)
        return
    if not listed and not agency and len(code) == 6 and ascii_digits(code) and "hs_code" not in goods.values:
        goods.values["hs_code"] = code
        state.spot_goods("hs_code", s, 2, 1)
        return
    if agency == C.AGENCY_MUTUAL and listed:
        scheme = C.TARIFF_BY_LIST.get(listed, listed)
    elif not listed and not agency:
        scheme = "hs"
    else:
        state.route_extra(s)
        return
    state.spot_goods(f"tariff_codes[{len(goods.tariff_codes)}]", s, 2, 1)
    goods.tariff_codes.append(TariffCode(scheme=scheme, code=code))


def cst(state: ReadState, s: Segment) -> None:
    # CST 1496 goods item number, C246 (five times) 7361 customs code : 1131 code list : 3055 agency. The HS
    # subheading has code list HS and no agency; a tariff code has its scheme in 1131 under agency ZZZ, or code list
    # HS for an HS code (see cuscar_codes.LIST_HS). A CST that says anything else is kept whole.
    goods = state.goods
    if state.context not in ("gid", "dgs") or goods is None or s.get(1) or "customs_codes" in goods.seen:
        state.route_extra(s)
        return
    read: list[tuple[int, str | None, str]] = []  # element, scheme (None for the HS subheading), code
    hs_code = "hs_code" in goods.values
    for element in range(2, len(s.elements) + 1):
        parts = s.components(element)
        code, listed, agency = s.values(element, 3)
        if len(parts) > 3 or not code:
            state.route_extra(s)
            return
        if listed == C.LIST_HS and not agency and not hs_code:
            hs_code = True
            read.append((element, None, code))
        elif listed == C.LIST_HS and agency in ("", C.AGENCY_MUTUAL):
            read.append((element, "hs", code))
        elif listed and agency == C.AGENCY_MUTUAL:
            read.append((element, C.TARIFF_BY_LIST.get(listed, listed), code))
        else:
            state.route_extra(s)
            return
    goods.seen.add("customs_codes")
    for element, scheme, code in read:
        if scheme is None:
            goods.values["hs_code"] = code
            state.spot_goods("hs_code", s, element, 1)
        else:
            state.spot_goods(f"tariff_codes[{len(goods.tariff_codes)}]", s, element, 1)
            goods.tariff_codes.append(TariffCode(scheme=scheme, code=code))


def doc(state: ReadState, s: Segment) -> None:
    # DOC C002 1001 document name code : 1131 : 3055 : 1000 document name, C503 1004 document number.
    goods = state.goods
    if state.context != "gid" or goods is None or len(s.elements) > 2:
        state.route_extra(s)
        return
    kind = s.get(1, 4) or s.get(1, 1)
    if not kind:
        state.route_extra(s)
        return
    state.spot_goods(f"customs_documents[{len(goods.documents)}]", s, 2, 1)
    ext: Ext = {}
    if s.components(1) != [C.AGENCY_MUTUAL, "", "", kind]:
        ext[f"{NS}.DOC.01"] = compose(s.components(1))
    if len([c for c in s.components(2) if c]) > 1:
        ext[f"{NS}.DOC.02"] = compose(s.components(2))
    goods.documents.append(CustomsDocument(kind=kind, number=s.get(2, 1) or None, extensions=ext))


def dgs(state: ReadState, s: Segment) -> None:
    goods = state.goods
    if goods is None or state.context not in ("gid", "dgs"):
        state.out_of_place(s, "DGS follows a GID goods item", "DGS sigue a un GID")
        state.route_extra(s)
        return
    state.context = "dgs"
    # DGS 8273 regulations (IMD), C205 8351 hazard class, C234 7124 UN number, 8339 packing group.
    hazard: dict[str, Any] = {"ext": {}}
    ext = hazard["ext"]
    if s.get(1) != "IMD":
        ext[f"{NS}.DGS.01"] = s.get(1)
    if s.get(2, 1):
        hazard["hazard_class"] = s.get(2, 1)
    if len([c for c in s.components(2) if c]) > 1:
        ext[f"{NS}.DGS.02"] = compose(s.components(2))
    un = s.get(3, 1)
    if un:
        hazard["un_number"] = un.removeprefix("UN")
        if hazard["un_number"] != un or len([c for c in s.components(3) if c]) > 1:
            ext[f"{NS}.DGS.03"] = compose(s.components(3))
    keep(ext, s, (4,), "DGS")
    group = s.get(5)
    if group in C.PACKING_GROUP:
        hazard["packing_group"] = C.PACKING_GROUP[group]
    elif group:
        ext[f"{NS}.DGS.05"] = compose(s.components(5))
    keep(ext, s, tuple(range(6, max(len(s.elements), 5) + 1)), "DGS")
    index = len(goods.hazardous)
    state.spot_goods(f"hazardous[{index}]", s, 0, 0)
    state.spot_goods(f"hazardous[{index}].un_number", s, 3, 1)
    state.spot_goods(f"hazardous[{index}].hazard_class", s, 2, 1)
    state.spot_goods(f"hazardous[{index}].packing_group", s, 5, 1)
    goods.hazardous.append(hazard)


def to_goods(g: GoodsDraft) -> GoodsItem:
    """The model's goods item from a closed GID group."""
    if g.dangerous_text is not None:
        text, segment = g.dangerous_text
        if len(g.hazardous) == 1 and "proper_shipping_name" not in g.hazardous[0]:
            g.hazardous[0]["proper_shipping_name"] = text
        else:
            # With no DGS, or several, the text names none of them: it is kept as it came.
            g.ext[extra_key(NS, g.extras)] = segment
            g.extras += 1
        g.dangerous_text = None
    hazardous = tuple(
        HazardousMaterial(
            un_number=h.get("un_number"),
            hazard_class=h.get("hazard_class"),
            packing_group=h.get("packing_group"),
            proper_shipping_name=h.get("proper_shipping_name"),
            contact=Contact(**h["contact"]) if h.get("contact") else None,
            extensions=h["ext"],
        )
        for h in g.hazardous
    )
    return GoodsItem(
        hazardous=hazardous,
        tariff_codes=tuple(g.tariff_codes),
        customs_documents=tuple(g.documents),
        equipment_ids=tuple(g.equipment_ids),
        extensions=g.ext,
        **g.values,
    )
