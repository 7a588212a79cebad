"""The equipment of a CUSCAR message (segment group 3, D.95B) and of a consignment (segment group 10): EQD with its
SEL seals. Message-level equipment is tied to consignments by the SGP of their goods items (see consignments)."""

from __future__ import annotations

import re
from typing import Any

from manifest.formats.edifact import cuscar_codes as C
from manifest.formats.edifact.cuscar_read.positions import spot
from manifest.formats.edifact.cuscar_read.state import NS, Ext, ReadState, keep
from manifest.formats.edifact.rawtext import compose
from manifest.formats.edifact.segments import Segment
from manifest.model import Equipment, EquipmentKind, Seal

_CONTAINER = re.compile(r"[A-Z]{4}[0-9]{7}\Z")


def eqd(state: ReadState, s: Segment) -> None:
    close_equipment(state)
    # EQD 8053 equipment qualifier, C237 8260 equipment id, C224 8155 size and type, 8077 supplier, 8249 status,
    # 8169 full/empty indicator (5 full, 4 empty).
    qualifier, ident = s.get(1), s.get(2, 1)
    kind = C.equipment_kind(qualifier)
    ext: Ext = {}
    if kind is EquipmentKind.OTHER:
        ext[f"{NS}.EQD.01"] = qualifier
    if not ident:
        state.report(
            C.MISSING_VALUE(location=s.location(2, 1), name="equipment identification (C237/8260)").at(s.position(2, 1))
        )
    if kind is EquipmentKind.CONTAINER and _CONTAINER.match(ident):
        initial, serial = ident[:4], ident[4:]
    else:
        initial, serial = None, ident
    if len([c for c in s.components(2) if c]) > 1:
        ext[f"{NS}.EQD.02"] = compose(s.components(2))
    size = s.components(3)
    values: dict[str, Any] = {"kind": kind, "initial": initial, "number": serial}
    if size and size[0]:
        values["size_type"] = size[0]
    if len([c for c in size if c]) > 1 or (size and not size[0] and any(size)):
        ext[f"{NS}.EQD.03"] = compose(size)
    keep(ext, s, (4, 5), "EQD")
    full = s.get(6)
    if full == "5":
        values["loaded"] = True
    elif full == "4":
        values["loaded"] = False
    elif full:
        ext[f"{NS}.EQD.06"] = compose(s.components(6))
    keep(ext, s, (7,), "EQD")
    in_consignment = state.consignment is not None
    state.current_equipment = {
        "values": values,
        "ext": ext,
        "seals": [],
        "segment": s,
        "extras": 0,
        "spots": {"": spot(s, 2, 1)},
        "in_consignment": in_consignment,
    }
    if "size_type" in values:
        state.current_equipment["spots"]["size_type"] = spot(s, 3, 1)
    state.context = "cni-eqd" if in_consignment else "eqd"


def close_equipment(state: ReadState) -> None:
    """Close the open EQD group: into its consignment, or among the message's equipment."""
    current, state.current_equipment = state.current_equipment, None
    if current is None:
        return
    values = current["values"]
    equipment = Equipment(seals=tuple(current["seals"]), extensions=current["ext"], **values)
    if current["in_consignment"] and state.consignment is not None:
        index = len(state.consignment.equipment)
        state.consignment.equipment.append(equipment)
        base = f"consignments[{state.consignment_index}].equipment[{index}]"
        if state.record:
            for suffix, where in current["spots"].items():
                state.spots[f"{base}.{suffix}" if suffix else base] = where
        return
    key = equipment.identifier
    state.equipment[key] = equipment
    state.equipment_spots.setdefault(key, {}).update(current["spots"])


def sel(state: ReadState, s: Segment) -> None:
    # SEL 9308 seal number, C215 9303 sealing party (CA carrier, SH shipper, CU customs ...).
    current = state.current_equipment
    if current is None or state.context not in ("eqd", "cni-eqd"):
        state.out_of_place(s, "SEL follows an EQD", "SEL sigue a un EQD")
        state.route_extra(s)
        return
    index = len(current["seals"])
    party = s.get(2, 1)
    current["seals"].append(Seal(number=s.get(1), party=C.SEAL_PARTY.get(party, party) or None))
    current["spots"][f"seals[{index}]"] = spot(s, 1, 1)
    if len([c for c in s.components(2) if c]) > 1 or any(s.components(3)):
        current["ext"][f"{NS}.SEL.{index:02d}"] = compose(s.components(2)) + "+" + compose(s.components(3))
