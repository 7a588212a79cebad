"""Parties of a consignment: ConsignorParty, ConsigneeParty, FreightForwarderParty and NotifyParty.

Cargo-XML party type (iata:datamodel:3, as in the real XFWB/XFZB samples): Name, AccountID, CargoAgentID (the IATA
cargo agent numeric code of a forwarder), PostalStructuredAddress (FreightForwarderAddress for the forwarder) with
PostcodeCode, StreetName, CityName, CountryID, CountrySubDivisionID, and DefinedTradeContact with PersonName,
DirectTelephoneCommunication/CompleteNumber and URIEmailCommunication/URIID.
"""

from __future__ import annotations

from typing import Any

from lxml import etree

from manifest.formats.cargo_xml.build import Node
from manifest.formats.cargo_xml.source import Reading
from manifest.formats.xmlsafe import local_name
from manifest.model import Address, Contact, Party, PartyRole

ELEMENTS = {
    "ConsignorParty": PartyRole.SHIPPER,
    "ConsigneeParty": PartyRole.CONSIGNEE,
    "FreightForwarderParty": PartyRole.AGENT,
    "NotifyParty": PartyRole.NOTIFY,
}
ROLES = {role: name for name, role in ELEMENTS.items()}
_ADDRESS_ELEMENT = {PartyRole.AGENT: "FreightForwarderAddress"}
_ADDRESS = (
    ("street", "StreetName"),
    ("city", "CityName"),
    ("subdivision", "CountrySubDivisionID"),
    ("postal_code", "PostcodeCode"),
    ("country", "CountryID"),
)
_CONTACT = (
    ("name", "PersonName"),
    ("phone", "DirectTelephoneCommunication/CompleteNumber"),
    ("email", "URIEmailCommunication/URIID"),
)


def read_parties(reading: Reading, consignment: Any, field: str) -> tuple[Party, ...]:
    parties: list[Party] = []
    for element in consignment.iterchildren(tag=etree.Element):
        role = ELEMENTS.get(local_name(element.tag))
        if role is not None:
            parties.append(_read(reading, element, role, f"{field}.parties[{len(parties)}]"))
    return tuple(parties)


def _read(reading: Reading, element: Any, role: PartyRole, field: str) -> Party:
    reading.place(field, element)
    address_element = reading.find(element, _ADDRESS_ELEMENT.get(role, "PostalStructuredAddress"))
    address = None
    if address_element is not None:
        values = {key: reading.text(address_element, path, f"{field}.address.{key}") for key, path in _ADDRESS}
        if any(v is not None for v in values.values()):
            reading.place(f"{field}.address", address_element)
            address = Address(
                street=values["street"],
                city=values["city"],
                subdivision=values["subdivision"],
                postal_code=values["postal_code"],
                country=values["country"],
            )
    contact = None
    contact_element = reading.find(element, "DefinedTradeContact")
    if contact_element is not None:
        values = {key: reading.text(contact_element, path, f"{field}.contact.{key}") for key, path in _CONTACT}
        if any(v is not None for v in values.values()):
            reading.place(f"{field}.contact", contact_element)
            contact = Contact(name=values["name"], phone=values["phone"], email=values["email"])
    name = reading.text(element, "Name", f"{field}.name")
    code = reading.text(element, "CargoAgentID", f"{field}.code")
    return Party(
        role=role,
        name=name,
        address=address,
        contact=contact,
        code=code,
        extensions=reading.residue(element, field),
    )


def write_parties(consignment: Node, parties: tuple[Party, ...]) -> None:
    for party in parties:
        name = ROLES.get(party.role)
        if name is None:
            continue
        node = consignment.add(name)
        node.set("Name", party.name)
        node.set("CargoAgentID", party.code)
        if party.address is not None:
            address = _ADDRESS_ELEMENT.get(party.role, "PostalStructuredAddress")
            for key, path in _ADDRESS:
                node.set(f"{address}/{path}", getattr(party.address, key))
        if party.contact is not None:
            for key, path in _CONTACT:
                node.set(f"DefinedTradeContact/{path}", getattr(party.contact, key))
        node.restore(party.extensions)
