"""The message header of a CUSCAR message: UNH (kept when it differs from CUSCAR D.95B), BGM beginning of message
and the RFF references of the message (segment group 1)."""

from __future__ import annotations

from collections.abc import Mapping

from manifest.codelists import contains
from manifest.formats.edifact import cuscar_codes as C
from manifest.formats.edifact.cuscar_read.consignments import consignment_rff
from manifest.formats.edifact.cuscar_read.positions import spot
from manifest.formats.edifact.cuscar_read.state import NS, Ext, ReadState, keep
from manifest.formats.edifact.rawtext import compose
from manifest.formats.edifact.segments import Segment
from manifest.model import Reference

DEFAULT_IDENTIFIER = ["CUSCAR", "D", "95B", "UN"]


def unh(state: ReadState, s: Segment, defaults: Mapping[str, str]) -> None:
    for key, value in defaults.items():
        state.ext[key] = value
    identifier = s.components(2)
    if identifier[:4] != DEFAULT_IDENTIFIER or len([c for c in identifier if c]) > 4:
        state.ext[f"{NS}.UNH.S009"] = compose(identifier)
    for element in (3, 4, 5, 6, 7):
        if any(s.components(element)):
            state.ext[f"{NS}.UNH.{element:02d}"] = compose(s.components(element))
    state.table.add(s)
    if state.record:
        # The message itself, and the envelope values its extensions keep, are found at its UNH.
        state.spots[""] = state.spots["extensions"] = spot(s, 0, 0)


def bgm(state: ReadState, s: Segment) -> None:
    state.seen_bgm = True
    state.context = "header"
    # BGM C002/1001 document name (85 customs manifest), 1004 document number, 1225 message function (9 original)
    if s.get(1) != "85" or len(s.components(1)) > 1:
        state.ext[f"{NS}.BGM.01"] = compose(s.components(1))
    if s.get(2):
        state.ext[f"{NS}.BGM.02"] = compose(s.components(2))
    if s.get(3) != "9":
        state.ext[f"{NS}.BGM.03"] = compose(s.components(3))
    function = s.get(3)
    if function and not contains("uncl-1225", function):
        state.report(
            C.NOT_A_CODE(
                location=s.location(3, 1),
                value=function,
                name="message function code",
                name_es="código de función del mensaje",
                list="UNCL 1225",
            ).at(s.position(3, 1))
        )
    keep(state.ext, s, (4,), "BGM")


def rff(state: ReadState, s: Segment) -> None:
    qualifier, value = s.values(1, 2)
    if state.context in ("cni", "cni-nad", "gid", "dgs", "cni-eqd") and state.consignment is not None:
        if state.context in ("gid", "dgs"):
            state.goods_extra(s)
            return
        consignment_rff(state, s, qualifier, value)
        return
    if state.context not in ("header", "rff"):
        state.route_extra(s)
        return
    state.context = "rff"
    index = len(state.references)
    ext: Ext = {}
    keep(ext, s, (), "RFF")
    if len(s.components(1)) > 2:
        ext[f"{NS}.RFF.C506"] = compose(s.components(1))
    state.references.append(Reference(kind=qualifier, value=value, extensions=ext))
    if state.record:
        state.spots[f"references[{index}]"] = spot(s, 1, 2)
