"""Name-and-address blocks (SHP, CNE, NFY) and the agent line (AGT) of FWB and FHL, read and written.

Block layout (FWB/14 ABNF ``Shipper``; FWB/17 ``shipper``, ``name``, ``streetAddress``, ``location``,
``codedLocation``, ``contactDetail``; the 32nd edition allows the name and the street address twice)::

    SHP[/account number]
    NAM/name             (/name continued)
    ADR/street address   (/street address continued)
    LOC/place[/state or province]
    /ISO country code[/post code][/contact identifier/contact number]...

Agent (FWB/17 ``agent``): ``AGT/[account]/<IATA cargo agent numeric code, 7 digits>[/<CASS address, 4 digits>]
[/<participant identifier>]``, then ``/name`` and ``/place``.
"""

from __future__ import annotations

import re

from manifest.formats.cargo_imp.elements import COUNTRY, TextWriter
from manifest.formats.cargo_imp.message import Record
from manifest.formats.cargo_imp.sink import Sink
from manifest.model import Address, Contact, Party, PartyRole

PARTY_TAGS = frozenset({"SHP", "CNE", "NFY"})
ROLES = {"SHP": PartyRole.SHIPPER, "CNE": PartyRole.CONSIGNEE, "NFY": PartyRole.NOTIFY, "AGT": PartyRole.AGENT}
TAGS = {role: tag for tag, role in ROLES.items()}
NAME_SIZE = 35  # name and street address elements, 35 characters each
PHONE = "TE"  # contact identifier for telephone (Cargo-IMP code list: TE telephone, FX fax, TL telex)
_AGENT_CODE = re.compile(r"[0-9]{7}")
_CASS = re.compile(r"[0-9]{4}")

X_CONTACTS = "cargo-imp.contacts"
X_ACCOUNT = "cargo-imp.account"
X_CASS = "cargo-imp.cass"
X_PARTICIPANT = "cargo-imp.participant"


def read_block(record: Record, sink: Sink, path: str) -> Party:
    """A SHP, CNE or NFY block; positions of its values go under ``path`` (``consignments[0].parties[1]``)."""
    tag = record.tag
    head = record.first.fields()
    code = head[1].text if len(head) > 1 and head[1].text else None
    if code is not None:
        sink.place(f"{path}.code", record.first, head[1].column, f"{tag}/account")
    names: list[str] = []
    streets: list[str] = []
    city = state = country = postcode = phone = None
    contacts: list[str] = []
    current = ""
    for line in record.lines[1:]:
        pieces = line.fields()
        sub = line.tag if not line.is_continuation else None
        if sub == "NAM" or (sub is None and current == "NAM"):
            if sub == "NAM":
                sink.place(f"{path}.name", line, 5, f"{tag}/NAM")
            names.append("/".join(p.text for p in pieces[1:]))
            current = "NAM"
        elif sub == "ADR" or (sub is None and current == "ADR"):
            if sub == "ADR":
                sink.place(f"{path}.address.street", line, 5, f"{tag}/ADR")
            streets.append("/".join(p.text for p in pieces[1:]))
            current = "ADR"
        elif sub == "LOC":
            city = pieces[1].text or None if len(pieces) > 1 else None
            sink.place(f"{path}.address.city", line, 5, f"{tag}/LOC")
            if len(pieces) > 2:
                state = pieces[2].text or None
                sink.place(f"{path}.address.subdivision", line, pieces[2].column, f"{tag}/LOC/state")
            current = "LOC"
        elif current == "LOC":
            # Coded location: /country[/post code][/contact identifier/contact number]...
            country = pieces[1].text if len(pieces) > 1 else ""
            if COUNTRY.fullmatch(country) is None:
                sink.bad(
                    line,
                    2,
                    f"{tag}/country",
                    value=country,
                    expected="2 letters",
                )
            sink.place(f"{path}.address.country", line, 2, f"{tag}/country")
            if len(pieces) > 2 and pieces[2].text:
                postcode = pieces[2].text
                sink.place(f"{path}.address.postal_code", line, pieces[2].column, f"{tag}/postcode")
            pairs = pieces[3:]
            for number in range(0, len(pairs), 2):
                kind = pairs[number].text
                value = pairs[number + 1].text if number + 1 < len(pairs) else ""
                if kind == PHONE and phone is None:
                    phone = value
                    sink.place(f"{path}.contact.phone", line, pairs[number].column, f"{tag}/contact")
                else:
                    contacts.append(f"{kind}/{value}")
            current = "CODED"
        else:
            sink.bad(
                line,
                1,
                tag,
                value=line.text,
                expected="NAM, ADR, LOC and a coded location line",
            )
    address = None
    if streets or city or state or country or postcode:
        address = Address(
            street=" ".join(streets) if streets else None,
            city=city,
            subdivision=state,
            country=country or None,
            postal_code=postcode,
        )
    extensions = {X_CONTACTS: ";".join(contacts)} if contacts else {}
    return Party(
        role=ROLES[tag],
        name=" ".join(names) if names else None,
        address=address,
        contact=Contact(phone=phone) if phone is not None else None,
        code=code,
        extensions=extensions,
    )


def write_block(party: Party, out: TextWriter, path: str) -> list[str]:
    tag = TAGS[party.role]
    lines = [tag + (f"/{out.text(party.code, path + '.code')}" if party.code else "")]
    name = out.chunks(party.name or "", f"{path}.name", NAME_SIZE)
    lines.append("NAM/" + name[0])
    lines.extend("/" + piece for piece in name[1:])
    address = party.address or Address()
    if address.street:
        street = out.chunks(address.street, f"{path}.address.street", NAME_SIZE)
        lines.append("ADR/" + street[0])
        lines.extend("/" + piece for piece in street[1:])
    loc = "LOC/" + (out.text(address.city, f"{path}.address.city") if address.city else "")
    if address.subdivision:
        loc += "/" + out.text(address.subdivision, f"{path}.address.subdivision")
    lines.append(loc)
    coded = "/" + (address.country or "")
    contacts = []
    if party.contact is not None and party.contact.phone:
        contacts.append(f"{PHONE}/{out.text(party.contact.phone, path + '.contact.phone')}")
    if party.extensions.get(X_CONTACTS):
        contacts.extend(party.extensions[X_CONTACTS].split(";"))
    if address.postal_code or contacts:
        coded += "/" + (out.text(address.postal_code, f"{path}.address.postal_code") if address.postal_code else "")
    for contact in contacts:
        coded += "/" + contact
    lines.append(coded)
    return lines


def read_agent(record: Record, sink: Sink, path: str) -> Party:
    head = record.first.fields()
    account = head[1].text if len(head) > 1 else ""
    code = head[2].text if len(head) > 2 else ""
    if _AGENT_CODE.fullmatch(code) is None:
        column = head[2].column if len(head) > 2 else len(record.first.text) + 1
        sink.bad(
            record.first,
            column,
            "AGT/agent-code",
            value=code,
            expected="7 digits",
        )
    else:
        sink.place(f"{path}.code", record.first, head[2].column, "AGT/agent-code")
    extensions: dict[str, str] = {}
    if account:
        extensions[X_ACCOUNT] = account
    if len(head) > 3 and head[3].text:
        if _CASS.fullmatch(head[3].text) is None:
            sink.bad(
                record.first,
                head[3].column,
                "AGT/cass",
                value=head[3].text,
                expected="4 digits",
            )
        extensions[X_CASS] = head[3].text
        sink.place(f"{path}.extensions[{X_CASS}]", record.first, head[3].column, "AGT/cass")
    if len(head) > 4:
        extensions[X_PARTICIPANT] = "/".join(p.text for p in head[4:])
    name = place = None
    if len(record.lines) > 1:
        name = record.lines[1].text[1:] or None
        sink.place(f"{path}.name", record.lines[1], 2, "AGT/name")
    if len(record.lines) > 2:
        place = record.lines[2].text[1:] or None
        sink.place(f"{path}.address.city", record.lines[2], 2, "AGT/place")
    return Party(
        role=PartyRole.AGENT,
        name=name,
        address=Address(city=place) if place else None,
        code=code or None,
        extensions=extensions,
    )


def write_agent(party: Party, out: TextWriter, path: str) -> list[str]:
    head = f"AGT/{party.extensions.get(X_ACCOUNT, '')}/{party.code or ''}"
    if X_CASS in party.extensions or X_PARTICIPANT in party.extensions:
        head += "/" + party.extensions.get(X_CASS, "")
    if X_PARTICIPANT in party.extensions:
        head += "/" + party.extensions[X_PARTICIPANT]
    lines = [head, "/" + (out.text(party.name, f"{path}.name") if party.name else "")]
    city = party.address.city if party.address else None
    lines.append("/" + (out.text(city, f"{path}.address.city") if city else ""))
    return lines
