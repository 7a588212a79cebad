"""MEA measurements of a CUSCAR message: the weights of an EQD equipment, the weights and volume of a GID goods
item, and those of a CNI consignment; any other measurement is kept in the extensions of its group."""

from __future__ import annotations

from typing import Any

from manifest.formats.edifact import cuscar_codes as C
from manifest.formats.edifact.cuscar_read.positions import spot
from manifest.formats.edifact.cuscar_read.state import NS, ReadState, number
from manifest.formats.edifact.rawtext import compose
from manifest.formats.edifact.segments import Segment
from manifest.model import Quantity

_EQUIPMENT = {C.MEA_GROSS: "gross_weight", C.MEA_NET: "net_weight", C.MEA_TARE: "tare_weight"}
_GOODS = {C.MEA_GROSS: "gross_weight", C.MEA_NET: "net_weight", C.MEA_VOLUME: "volume"}
_CONSIGNMENT = {C.MEA_GROSS: "gross_weight", C.MEA_VOLUME: "volume"}


def mea(state: ReadState, s: Segment) -> None:
    # MEA 6311 purpose (AAE measurement; WT/VOL in later directories), C502 6313 dimension, C174 6411 unit : 6314
    purpose, dimension = s.get(1), s.get(2)
    unit, raw = s.values(3, 2)
    value = number(raw)
    if raw and value is None:
        state.report(
            C.BAD_NUMBER(location=s.location(3, 2), value=raw, name="measurement value (6314)").at(s.position(3, 2))
        )
    target: dict[str, Any] | None
    spots: dict[str, int]
    names: dict[str, str]
    if state.context in ("eqd", "cni-eqd") and state.current_equipment is not None:
        target, ext = state.current_equipment["values"], state.current_equipment["ext"]
        spots = state.current_equipment["spots"]
        names = _EQUIPMENT
    elif state.context == "gid" and state.goods is not None:
        target, ext, spots = state.goods.values, state.goods.ext, {}
        names = _GOODS
    elif state.context == "cni" and state.consignment is not None:
        target, ext, spots = state.consignment.values, state.consignment.ext, {}
        names = _CONSIGNMENT
    else:
        state.route_extra(s)
        return
    name = names.get(dimension)
    if name is None or name in target or value is None or not unit:
        state.route_extra(s)
        return
    target[name] = Quantity(value=value, unit=unit)
    if purpose != C.MEA_PURPOSE or len(s.components(2)) > 1 or len(s.components(3)) > 2:
        ext[f"{NS}.MEA.{dimension}"] = compose(s.components(1)) + "+" + compose(s.components(2))
    if state.context == "gid":
        state.spot_goods(name, s, 3, 2)
    elif state.context == "cni":
        if state.record:
            state.spots[f"consignments[{state.consignment_index}].{name}"] = spot(s, 3, 2)
    else:
        spots[name] = spot(s, 3, 2)
