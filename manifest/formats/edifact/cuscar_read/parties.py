"""The parties of a CUSCAR message and of its consignments: NAD name and address with its CTA contact and COM
communication numbers (segment groups 2 and 8, and the dangerous goods contact of a DGS group)."""

from __future__ import annotations

from typing import Any

from manifest.formats.edifact import cuscar_codes as C
from manifest.formats.edifact.cuscar_read.positions import spot
from manifest.formats.edifact.cuscar_read.state import NS, Ext, ReadState
from manifest.formats.edifact.rawtext import compose
from manifest.formats.edifact.segments import Segment
from manifest.model import Address, Contact, Party, PartyRole, TaxId, TaxIdScheme


def nad(state: ReadState, s: Segment) -> None:
    if state.consignment is not None and state.context != "header":
        party = read_party(
            state, s, f"consignments[{state.consignment_index}].parties[{len(state.consignment.parties)}]"
        )
        state.consignment.parties.append(party)
        state.context = "cni-nad"
    else:
        party = read_party(state, s, f"parties[{len(state.parties)}]")
        state.parties.append(party)
        state.context = "nad"
    state.last_party = party


def read_party(state: ReadState, s: Segment, path: str) -> dict[str, Any]:
    """The values of a NAD segment, its party found at model path ``path``."""
    record = state.record
    spots = state.spots
    code = s.get(1)
    role = C.party_role(code)
    ext: Ext = {}
    if role is PartyRole.OTHER:
        ext[f"{NS}.NAD.01"] = code
    party: dict[str, Any] = {"role": role, "ext": ext, "path": path}
    if record:
        spots[path] = spot(s, 0, 0)
        spots[f"{path}.role"] = spot(s, 1, 1)
    identification = s.components(2)
    _, listed, agency = s.values(2, 3)
    if identification and identification[0] and agency == C.AGENCY_MUTUAL and listed in C.TAX_SCHEME_BY_LIST:
        # A tax registration (RFC, EIN ...) as the party identification, its scheme named under agency ZZZ.
        scheme = C.TAX_SCHEME_BY_LIST[listed]
        country = C.TAX_COUNTRY.get(scheme)
        party["tax_ids"] = [TaxId(scheme=scheme, value=identification[0], country=country)]
        if record:
            spots[f"{path}.tax_ids[0]"] = spot(s, 2, 1)
        if len(identification) > 3:
            ext[f"{NS}.NAD.02"] = compose(identification)
    elif identification and identification[0]:
        party["code"] = identification[0]
        if record:
            spots[f"{path}.code"] = spot(s, 2, 1)
        if agency == C.AGENCY_GS1:
            # A GLN (GS1 agency 9) identifies the party, as the Mexican CUSCAR guide requires.
            party["tax_ids"] = [TaxId(scheme=TaxIdScheme.GLN, value=identification[0])]
            if record:
                spots[f"{path}.tax_ids[0]"] = spot(s, 2, 1)
            if s.get(2, 2):
                ext[f"{NS}.NAD.02"] = compose(identification)
        elif len([c for c in identification if c]) > 1:
            ext[f"{NS}.NAD.02"] = compose(identification)
    if any(s.components(3)):
        ext[f"{NS}.NAD.03"] = compose(s.components(3))  # C058 unstructured name and address
    names = s.components(4)
    if any(names[:5]):
        party["name"] = "".join(names[:5])
        if record:
            spots[f"{path}.name"] = spot(s, 4, 1)
        if len(names) > 5 and names[5]:
            ext[f"{NS}.NAD.04.3045"] = names[5]
    address: dict[str, Any] = {}
    if any(s.components(5)):
        address["street"] = "".join(s.components(5))
        if record:
            spots[f"{path}.address.street"] = spot(s, 5, 1)
    for element, name in ((6, "city"), (7, "subdivision"), (8, "postal_code"), (9, "country")):
        value = s.get(element)
        if value:
            address[name] = value
            if record:
                spots[f"{path}.address.{name}"] = spot(s, element, 1)
    if address:
        party["address"] = Address(**address)
    return party


def cta(state: ReadState, s: Segment) -> None:
    # CTA 3139 contact function (IC information contact, HG dangerous goods contact), C056 3413:3412 name.
    if state.context == "dgs" and state.goods is not None and state.goods.hazardous:
        hazard = state.goods.hazardous[-1]
        hazard["contact"] = {"name": s.get(2, 2) or None}
        if s.get(1) != "HG" or s.get(2, 1):
            hazard["ext"][f"{NS}.CTA"] = compose(s.components(1)) + "+" + compose(s.components(2))
        return
    party = state.last_party
    if party is not None and state.context in ("nad", "cni-nad") and "contact" not in party:
        party["contact"] = {"name": s.get(2, 2) or None}
        if s.get(1) != "IC" or s.get(2, 1):
            party["ext"][f"{NS}.CTA"] = compose(s.components(1)) + "+" + compose(s.components(2))
        if state.record:
            state.spots[f"{party['path']}.contact"] = spot(s, 2, 2)
        return
    state.route_extra(s)


def com(state: ReadState, s: Segment) -> None:
    # COM C076: 3148 communication number, 3155 channel (TE telephone, EM electronic mail).
    number, channel = s.values(1, 2)
    target: dict[str, Any] | None = None
    if state.context == "dgs" and state.goods is not None and state.goods.hazardous:
        target = state.goods.hazardous[-1].get("contact")
    elif state.last_party is not None and state.context in ("nad", "cni-nad"):
        target = state.last_party.get("contact")
    key = {"TE": "phone", "EM": "email"}.get(channel)
    if target is None or key is None or key in target:
        state.route_extra(s)
        return
    target[key] = number


def to_party(p: dict[str, Any]) -> Party:
    """The model's party from the values :func:`read_party` and its CTA and COM gathered."""
    contact = p.get("contact")
    return Party(
        role=p["role"],
        name=p.get("name"),
        address=p.get("address"),
        tax_ids=tuple(p.get("tax_ids", ())),
        contact=Contact(**contact) if contact else None,
        code=p.get("code"),
        extensions=p["ext"],
    )
