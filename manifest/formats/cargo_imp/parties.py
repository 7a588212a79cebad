"""Name-and-address blocks (SHP, CNE, NFY) and the agent line (AGT) of FWB and FHL, read and written.

Two block layouts are read into the same party. The tagged one (FWB/14 ABNF ``Shipper``; FWB/17 ``shipper``,
``name``, ``streetAddress``, ``location``, ``codedLocation``, ``contactDetail``; the 32nd edition allows the name and
the street address twice)::

    SHP[/account number]
    NAM/name             (/name continued)
    ADR/street address   (/street address continued)
    LOC/place[/state or province]
    /ISO country code[/post code][/contact identifier/contact number]...

and the untagged one, the same elements by position on bare continuation lines, the name on a line of its own or
on the line identifier's line, an account number (letters and digits, at least one digit, no space) on the line
identifier's line or on a line before the name::

    SHP[/account number]        SHP                      SHP/name
    /name                       /account number          /street address
    /street address             /name                    /place[/state]
    /place[/state]              /street address          /country[/post code][/contact]...
    /country[/post code]...     /place[/state]
                                /country[/post code]...

Checked against real messages: the tagged layout against the FWB/17 and FHL/5 examples of gumraq/iata-messages
(IataMessageTests/Examples) and the FWB/17 airline traffic of tyroneous9/CargoIMP-Compiler
(cpp/data/input_tests); the untagged one against CargoWise's FWB/16 (SHP and CNE with the name on its own line, NFY
with the name on the line identifier's line and blank place and country lines) and FHL/4 output (SHP/name), as
its own tests expect them, and against the FHL/4 traffic of tyroneous9/CargoIMP-Compiler. A contact identifier is
TE, FX, TL or another code (CargoWise writes PHO). A blank coded location line (``/``) says nothing, as CargoWise
writes it for a notify party without an address. A party read from the untagged layout keeps it in
``cargo-imp.layout`` and is written back in it; any other party is written tagged.

Agent (FWB/17 ``agent``): ``AGT/[account]/<IATA cargo agent numeric code, 7 digits>[/<CASS address, 4 digits>]
[/<participant identifier>]``, then ``/name`` and ``/place``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from manifest.formats.cargo_imp.elements import COUNTRY, TextWriter
from manifest.formats.cargo_imp.lines import Field, Line
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
_ACCOUNT = re.compile(r"(?=[A-Z0-9-]*[0-9])[A-Z0-9-]{1,14}")  # Cargo-IMP account number, m14
_SUBLINES = frozenset({"NAM", "ADR", "LOC"})

X_CONTACTS = "cargo-imp.contacts"
X_ACCOUNT = "cargo-imp.account"
X_CASS = "cargo-imp.cass"
X_PARTICIPANT = "cargo-imp.participant"
X_LAYOUT = "cargo-imp.layout"  # the untagged layout a party was read from, to write it back alike
NAME_LINE = "name-line"  # SHP[/account], then /name
ACCOUNT_LINE = "account-line"  # SHP, /account, /name
NAME_ON_TAG = "name-on-tag"  # SHP/name
UNTAGGED = (NAME_LINE, ACCOUNT_LINE, NAME_ON_TAG)


@dataclass(slots=True)
class _Found:
    """What a block says, by model field, as it is read."""

    tag: str
    path: str
    names: list[str] = field(default_factory=list)
    streets: list[str] = field(default_factory=list)
    city: str | None = None
    state: str | None = None
    country: str | None = None
    postcode: str | None = None
    phone: str | None = None
    contacts: list[str] = field(default_factory=list)
    code: str | None = None
    layout: str | None = None


def read_block(record: Record, sink: Sink, path: str) -> Party:
    """A SHP, CNE or NFY block in either layout; positions of its values go under ``path``
    (``consignments[0].parties[1]``)."""
    found = _Found(record.tag, path)
    if any(line.tag in _SUBLINES for line in record.lines[1:]):
        _tagged(record, found, sink)
    else:
        _untagged(record, found, sink)
    street = " ".join(found.streets) or None  # an empty NAM/ or ADR/ line holds no value
    address = None
    if street or found.city or found.state or found.country or found.postcode:
        address = Address(
            street=street,
            city=found.city,
            subdivision=found.state,
            country=found.country,
            postal_code=found.postcode,
        )
    extensions = {X_CONTACTS: ";".join(found.contacts)} if found.contacts else {}
    if found.layout is not None:
        extensions[X_LAYOUT] = found.layout
    return Party(
        role=ROLES[found.tag],
        name=" ".join(found.names) or None,
        address=address,
        contact=Contact(phone=found.phone) if found.phone is not None else None,
        code=found.code,
        extensions=extensions,
    )


def _tagged(record: Record, found: _Found, sink: Sink) -> None:
    tag, path = found.tag, found.path
    head = record.first.fields()
    if len(head) > 1 and head[1].text:
        found.code = head[1].text
        sink.place(f"{path}.code", record.first, head[1].column, f"{tag}/account")
    current = ""
    for line in record.lines[1:]:
        pieces = line.fields()
        sub = line.tag if not line.is_continuation else None
        if sub == "NAM" or (sub is None and current == "NAM"):
            if sub == "NAM":
                sink.place(f"{path}.name", line, 5, f"{tag}/NAM")
            found.names.append("/".join(p.text for p in pieces[1:]))
            current = "NAM"
        elif sub == "ADR" or (sub is None and current == "ADR"):
            if sub == "ADR":
                sink.place(f"{path}.address.street", line, 5, f"{tag}/ADR")
            found.streets.append("/".join(p.text for p in pieces[1:]))
            current = "ADR"
        elif sub == "LOC":
            _place(line, pieces, found, sink, "LOC", "LOC/state")
            current = "LOC"
        elif current == "LOC":
            _coded(line, pieces, found, sink)
            current = "CODED"
        else:
            sink.bad(
                line,
                1,
                tag,
                value=line.text,
                expected="NAM, ADR, LOC and a coded location line",
            )


def _untagged(record: Record, found: _Found, sink: Sink) -> None:
    """Name, street address lines, place and coded location by position, counted from the end."""
    tag, path = found.tag, found.path
    head = record.first.fields()
    on_tag = "/".join(p.text for p in head[1:])
    lines = list(record.lines[1:])
    if not lines and not on_tag:
        return  # a bare identifier: nothing in either layout
    if on_tag and (len(lines) < 4 or _ACCOUNT.fullmatch(on_tag) is None):
        found.layout = NAME_ON_TAG
        found.names.append(on_tag)
        sink.place(f"{path}.name", record.first, head[1].column, f"{tag}/name")
    else:
        found.layout = NAME_LINE
        if on_tag:
            found.code = on_tag
            sink.place(f"{path}.code", record.first, head[1].column, f"{tag}/account")
        elif len(lines) >= 5 and _ACCOUNT.fullmatch(lines[0].text[1:]):
            found.layout = ACCOUNT_LINE
            found.code = lines[0].text[1:]
            sink.place(f"{path}.code", lines[0], 2, f"{tag}/account")
            lines = lines[1:]
        if lines:
            if lines[0].text[1:]:
                found.names.append(lines[0].text[1:])
            sink.place(f"{path}.name", lines[0], 2, f"{tag}/name")
            lines = lines[1:]
    coded = place = None
    if lines and (len(lines) >= 3 or _looks_coded(lines[-1])):
        coded = lines.pop()
    if lines and (len(lines) >= 2 or coded is not None):
        place = lines.pop()
    for number, line in enumerate(lines):
        if number == 0:
            sink.place(f"{path}.address.street", line, 2, f"{tag}/street")
        if line.text[1:]:
            found.streets.append(line.text[1:])
    if place is not None:
        _place(place, place.fields(), found, sink, "place", "state")
    if coded is not None:
        _coded(coded, coded.fields(), found, sink)


def _looks_coded(line: Line) -> bool:
    first = line.fields()[1:2]
    return not first or not first[0].text or COUNTRY.fullmatch(first[0].text) is not None


def _place(line: Line, pieces: list[Field], found: _Found, sink: Sink, city: str, state: str) -> None:
    """``<identifier>/place[/state]``: LOC in the tagged layout, a bare line in the untagged one; ``city`` and
    ``state`` name the elements in positions."""
    tag, path = found.tag, found.path
    found.city = pieces[1].text or None if len(pieces) > 1 else None
    sink.place(f"{path}.address.city", line, pieces[1].column if len(pieces) > 1 else 1, f"{tag}/{city}")
    if len(pieces) > 2:
        found.state = pieces[2].text or None
        sink.place(f"{path}.address.subdivision", line, pieces[2].column, f"{tag}/{state}")


def _coded(line: Line, pieces: list[Field], found: _Found, sink: Sink) -> None:
    """Coded location: ``/country[/post code][/contact identifier/contact number]...``; a blank line says nothing."""
    tag, path = found.tag, found.path
    if not line.text.strip("/ "):
        return
    country = pieces[1].text if len(pieces) > 1 else ""
    if COUNTRY.fullmatch(country) is None:
        sink.bad(
            line,
            2,
            f"{tag}/country",
            value=country,
            expected="2 letters",
        )
    found.country = country or None
    sink.place(f"{path}.address.country", line, 2, f"{tag}/country")
    if len(pieces) > 2 and pieces[2].text:
        found.postcode = pieces[2].text
        sink.place(f"{path}.address.postal_code", line, pieces[2].column, f"{tag}/postcode")
    pairs = pieces[3:]
    for number in range(0, len(pairs), 2):
        kind = pairs[number].text
        value = pairs[number + 1].text if number + 1 < len(pairs) else ""
        if kind == PHONE and found.phone is None:
            found.phone = value
            sink.place(f"{path}.contact.phone", line, pairs[number].column, f"{tag}/contact")
        else:
            found.contacts.append(f"{kind}/{value}")


def write_block(party: Party, out: TextWriter, path: str) -> list[str]:
    """The block in the layout the party was read from, if untagged, else tagged."""
    tag = TAGS[party.role]
    layout = party.extensions.get(X_LAYOUT)
    address = party.address or Address()
    account = out.text(party.code, path + ".code") if party.code else None
    name = out.chunks(party.name or "", f"{path}.name", NAME_SIZE)
    street = out.chunks(address.street, f"{path}.address.street", NAME_SIZE) if address.street else []
    place = out.text(address.city, f"{path}.address.city") if address.city else ""
    if address.subdivision:
        place += "/" + out.text(address.subdivision, f"{path}.address.subdivision")
    coded = _coded_text(party, address, out, path)
    if layout not in UNTAGGED:
        lines = [tag + (f"/{account}" if account else "")]
        lines.append("NAM/" + name[0])
        lines.extend("/" + piece for piece in name[1:])
        if street:
            lines.append("ADR/" + street[0])
            lines.extend("/" + piece for piece in street[1:])
        return [*lines, "LOC/" + place, coded]
    if layout == NAME_ON_TAG:
        lines = [f"{tag}/{name[0]}", *("/" + piece for piece in name[1:])]
    elif layout == ACCOUNT_LINE and account:
        lines = [tag, "/" + account, *("/" + piece for piece in name)]
    else:
        lines = [tag + (f"/{account}" if account else ""), *("/" + piece for piece in name)]
    # Every element has its line, blank when empty: the reader counts them from the end.
    lines.extend("/" + piece for piece in street or [""])
    return [*lines, "/" + place, coded]


def _coded_text(party: Party, address: Address, out: TextWriter, path: str) -> str:
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
    return coded


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
    # The name and place lines may be left out (IATA's FWB/17 example ends the block with ``AGT//<code>``): a line
    # with nothing to say is not written, unless a place follows it and needs its position.
    while lines[-1] == "/":
        lines.pop()
    return lines
