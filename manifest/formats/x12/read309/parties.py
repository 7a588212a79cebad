"""The N1 loop of a bill (X12 309): N1 party with its role (element 98) and code, N3 street, N4 place, DTM, and
PER contact."""

from __future__ import annotations

from manifest.formats.x12 import convert as cv
from manifest.formats.x12.read309.elements import fields, keep_rest
from manifest.formats.x12.read309.loops import PartyLoop
from manifest.formats.x12.read309.mapper import Mapper
from manifest.formats.x12.tokens import Segment
from manifest.model import Address, Contact, Party, PartyRole

# N401..N404 and the address fields they fill.
_N4_FIELDS = ((".address.city", 1), (".address.subdivision", 2), (".address.postal_code", 3), (".address.country", 4))


def party(mapper: Mapper, index: int, acc: PartyLoop) -> Party:
    n1 = acc.n1
    f1 = fields(n1, 4)
    path = f"parties[{index}]"
    ext: dict[str, str] = {}
    code = f1[1]
    role = cv.party_role(code)
    if role is PartyRole.OTHER:
        ext["x12.N1.01"] = code
    mapper.put(path, n1, 1)
    mapper.put(path, n1, 2, ".name")
    if f1[4]:
        mapper.put(path, n1, 4, ".code")
    mapper.keep(path, ext, n1, (1, 2, 4))
    address = None
    if acc.n3 or acc.n4 is not None:
        address = _address(mapper, path, acc)
    if acc.dtm is not None:
        mapper.keep(path, ext, acc.dtm, ())
    contact = None
    if acc.per is not None:
        contact = _contact(acc.per, ext)
        mapper.put(path, acc.per, 2, ".contact")
    return Party(role=role, name=f1[2] or None, address=address, code=f1[4] or None, contact=contact, extensions=ext)


def _address(mapper: Mapper, path: str, acc: PartyLoop) -> Address:
    a_ext: dict[str, str] = {}
    street = None
    for number, n3 in enumerate(acc.n3):
        if number == 0:
            street = n3.get(1) or None
            mapper.put(path, n3, 1, ".address.street")
            mapper.keep(f"{path}.address", a_ext, n3, (1,))
        else:
            mapper.keep(f"{path}.address", a_ext, n3, (), f"N3.{number + 1}")
    n4 = acc.n4
    city = subdivision = postal = country = None
    if n4 is not None:
        f4 = fields(n4, 4)
        city, subdivision, postal, country = (
            f4[1] or None,
            f4[2] or None,
            f4[3] or None,
            f4[4] or None,
        )
        for name, i in _N4_FIELDS:
            mapper.put(path, n4, i, name)
        mapper.keep(f"{path}.address", a_ext, n4, (1, 2, 3, 4))
    else:
        a_ext["x12.N4"] = ""
    address = Address(
        street=street, city=city, subdivision=subdivision, postal_code=postal, country=country, extensions=a_ext
    )
    if not acc.n3:
        a_ext["x12.N3"] = ""
    return address


def _contact(per: Segment, ext: dict[str, str]) -> Contact:
    # X12 element 365: TE telephone, EM electronic mail; written in that order, other pairs kept verbatim.
    phone = email = None
    mapped = [2]
    pair = 3
    if per.get(pair) == "TE":
        phone = per.get(pair + 1)
        mapped += [pair, pair + 1]
        pair += 2
    if per.get(pair) == "EM":
        email = per.get(pair + 1)
        mapped += [pair, pair + 1]
    if per.get(1) == "IC":
        mapped.append(1)
    keep_rest(ext, per, tuple(mapped))
    return Contact(name=per.get(2) or None, phone=phone, email=email)
