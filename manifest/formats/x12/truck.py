"""The truck heading of the ACE truck 309 (shipments) and 358 (trip), X12 004060: the tractor and the people aboard.

Pages checked: CBP "ACE Truck ANSI X12 Introduction" (004060USCBP, final version 5, February 14, 2004; only its
first pages could be read), "ANSI X.12 Truck Manifest 309 Customs Manifest" (December 2016; its first pages: one
interchange, one group AQ, one set per transmission) and CBP's "Chapter 2: Creating ANSI Transactions" (November 8,
2006; its table of contents: sample manifest, 355 acceptance/rejection, modifying trips and shipments, deleting and
delinking shipments); the X12 358 table of 005010 and later (stedi.com/edi/x12-005040/358: VEH, M7, CII, the NM1
loop of NM1, DMG, DMA, REF, N3, N4), the VEH, NM1 and DMG segments of the 004010 directory
(doc.chinlinktech.com/x12/004010/segment/VEH) and VEH17 of the 005010 directory. Where the truck guides' own usage
could not be read, this module reads what the X12 directory says the element is:

* VEH (the first one: the tractor): VEH02 vehicle identification number, VEH03 model year, VEH09 the vehicle
  reference number (its licence plate), VEH10 the plate's state or province, VEH17 the plate's country. A second
  and later VEH are kept verbatim.
* M7 after VEH: the seals on the tractor, kept verbatim.
* NM1 loop, one per person: NM103, NM104 and NM105 the family, given and middle names (NM101, the entity code, and
  NM102 kept verbatim, for the guide's codes of driver, crew and passenger could not be read); DMG02 the date of
  birth (DMG01 D8, CCYYMMDD), DMG03 gender, DMG07 country of citizenship; each REF a travel document, REF01 its type
  as the guide codes it, REF02 its number; N3/N4 the person's address.

What the heading cannot hold (the USDOT number, the transponder, the travel documents' issuing country, the FAST
card, a crew member's role other than driver) is listed as a loss by the writer, as every value a format leaves.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from manifest.formats.x12 import convert as cv
from manifest.formats.x12.syntax import parse_date
from manifest.formats.x12.tokens import Segment
from manifest.formats.x12.ts309 import TRUCK_VERSION
from manifest.formats.x12.writer import SegmentWriter
from manifest.model import Address, Conveyance, CrewMember, Manifest, Mode, TravelDocument

# The envelope of a truck interchange: version 004060 (ISA12 00406, with the repetition separator ISA11 of 00402 and
# later) and functional group AQ, as CBP's truck 309 guide names it for the 309 and the real truck 358 and 355 use.
ENVELOPE = {"ISA12": "00406", "ISA11": "^", "GS01": "AQ", "GS08": TRUCK_VERSION}
MOTOR = "J"  # X12 element 91, Transportation Method/Type Code: J motor (truck)
_DATE_FORMAT = "D8"  # X12 element 1250: CCYYMMDD
_PERSON = "1"  # X12 element 1065, Entity Type Qualifier: 1 person
_HEADING_TAGS = frozenset({"VEH", "M7", "NM1", "DMG", "REF", "N3", "N4"})


def is_truck(version: str, method: str) -> bool:
    """A set of the ACE truck guides: version 004060, or a motor carrier's transport method (M1002 J)."""
    return version[:6] == TRUCK_VERSION or method == MOTOR


@dataclass
class _Person:
    nm1: Segment
    dmg: Segment | None = None
    refs: list[Segment] = field(default_factory=list)
    n3s: list[Segment] = field(default_factory=list)
    n4: Segment | None = None


@dataclass
class Heading:
    """The heading segments of a truck set as read, turned into the model when the header is built."""

    vehicles: list[Segment] = field(default_factory=list)
    seals: Segment | None = None
    people: list[_Person] = field(default_factory=list)

    def take(self, segment: Segment, path: tuple[str, ...]) -> bool:
        """Keep ``segment`` if it belongs to the heading (before the first P4); False for any other."""
        tag = segment.tag
        if tag not in _HEADING_TAGS or "P4" in path:
            return False
        if tag == "VEH":
            self.vehicles.append(segment)
        elif tag == "M7":
            self.seals = segment
        elif tag == "NM1":
            self.people.append(_Person(segment))
        elif self.people:
            person = self.people[-1]
            if tag == "DMG":
                person.dmg = segment
            elif tag == "REF":
                person.refs.append(segment)
            elif tag == "N3":
                person.n3s.append(segment)
            elif tag == "N4":
                person.n4 = segment
        return True

    def apply(self, header: Manifest, positions: cv.LazyPositions) -> Manifest:
        """``header`` with the tractor and the crew of this heading."""
        ext = dict(header.extensions)
        conveyance = header.conveyance or Conveyance()
        if self.vehicles:
            conveyance = _tractor(self.vehicles[0], conveyance, positions)
            for index, extra in enumerate(self.vehicles[1:], start=1):
                ext[f"x12.VEH[{index}]"] = cv.raw(extra)
        if self.seals is not None:
            ext["x12.M7"] = cv.raw(self.seals)
        crew = tuple(_member(person, f"crew[{i}]", positions) for i, person in enumerate(self.people))
        return replace(header, conveyance=conveyance if conveyance != Conveyance() else None, crew=crew, extensions=ext)


def _tractor(veh: Segment, conveyance: Conveyance, positions: cv.LazyPositions) -> Conveyance:
    ext = dict(conveyance.extensions)
    year = veh.get(3)
    model_year = int(year) if len(year) == 4 and year.isascii() and year.isdigit() else None
    if year and model_year is None:
        ext["x12.VEH.03"] = year
    for index, value in enumerate(veh.elements[1:], start=1):
        if value and index not in (2, 3, 9, 10, 17):
            ext[f"x12.VEH.{index:02d}"] = value
    for name, index in (
        ("conveyance.vin", 2),
        ("conveyance.model_year", 3),
        ("conveyance.vehicle_plate", 9),
        ("conveyance.plate_subdivision", 10),
        ("conveyance.plate_country", 17),
    ):
        positions.put(name, veh, index)
    positions.put("conveyance", veh, 0)
    return replace(
        conveyance,
        vin=veh.get(2) or None,
        model_year=model_year,
        vehicle_plate=veh.get(9) or None,
        plate_subdivision=veh.get(10) or None,
        plate_country=veh.get(17) or None,
        extensions=ext,
    )


def _member(person: _Person, path: str, positions: cv.LazyPositions) -> CrewMember:
    nm1 = person.nm1
    ext: dict[str, str] = {}
    for index, value in enumerate(nm1.elements[1:], start=1):
        if value and index not in (3, 4, 5) and not (index == 2 and value == _PERSON):
            ext[f"x12.NM1.{index:02d}"] = value
    positions.put(path, nm1, 1)
    for name, index in (("family_name", 3), ("given_name", 4), ("middle_name", 5)):
        positions.put(f"{path}.{name}", nm1, index)
    birth = gender = citizenship = None
    dmg = person.dmg
    if dmg is not None:
        written = dmg.get(2)
        birth = parse_date(written) if dmg.get(1) in ("", _DATE_FORMAT) else None
        if written and birth is None:
            ext["x12.DMG.02"] = written
        for index, value in enumerate(dmg.elements[1:], start=1):
            if value and index not in (2, 3, 7) and not (index == 1 and value == _DATE_FORMAT and birth):
                ext[f"x12.DMG.{index:02d}"] = value
        gender = dmg.get(3) or None
        citizenship = dmg.get(7) or None
        for name, index in (("date_of_birth", 2), ("gender", 3), ("citizenship", 7)):
            positions.put(f"{path}.{name}", dmg, index)
    documents = []
    for index, ref in enumerate(person.refs):
        doc_ext = {"x12.REF.03": ref.get(3)} if ref.get(3) else {}
        documents.append(TravelDocument(kind=ref.get(1), number=ref.get(2), extensions=doc_ext))
        positions.put(f"{path}.documents[{index}]", ref, 1)
        positions.put(f"{path}.documents[{index}].kind", ref, 1)
        positions.put(f"{path}.documents[{index}].number", ref, 2)
    address = None
    if person.n3s or person.n4 is not None:
        n4 = person.n4
        street = " ".join(part for n3 in person.n3s for part in (n3.get(1), n3.get(2)) if part) or None
        address = Address(
            street=street,
            city=n4.get(1) or None if n4 else None,
            subdivision=n4.get(2) or None if n4 else None,
            postal_code=n4.get(3) or None if n4 else None,
            country=n4.get(4) or None if n4 else None,
        )
    return CrewMember(
        family_name=nm1.get(3) or None,
        given_name=nm1.get(4) or None,
        middle_name=nm1.get(5) or None,
        date_of_birth=birth,
        gender=gender,
        citizenship=citizenship,
        documents=tuple(documents),
        address=address,
        extensions=ext,
    )


def write_heading(w: SegmentWriter, manifest: Manifest) -> None:
    """VEH, M7 and the NM1 loops of a road manifest, after M10."""
    if manifest.mode is not Mode.ROAD:
        return
    ext = manifest.extensions
    conveyance = manifest.conveyance or Conveyance()
    carried = (conveyance.vin, conveyance.vehicle_plate, conveyance.plate_subdivision, conveyance.plate_country)
    if any(carried) or conveyance.model_year is not None or _kept(conveyance, "VEH"):
        c_ext = conveyance.extensions
        veh = {index: c_ext.get(f"x12.VEH.{index:02d}", "") for index in range(1, 18)}
        veh[2] = conveyance.vin or ""
        veh[3] = str(conveyance.model_year) if conveyance.model_year is not None else c_ext.get("x12.VEH.03", "")
        veh[9] = conveyance.vehicle_plate or ""
        veh[10] = conveyance.plate_subdivision or ""
        veh[17] = cv.country_code(conveyance.plate_country) if conveyance.plate_country else ""
        w.add("VEH", *_trimmed(veh))
    index = 1
    while f"x12.VEH[{index}]" in ext:
        w.add("VEH", *cv.unraw(ext[f"x12.VEH[{index}]"]))
        index += 1
    if "x12.M7" in ext:
        w.add("M7", *cv.unraw(ext["x12.M7"]))
    for member in manifest.crew:
        _write_member(w, member)


def _kept(conveyance: Conveyance, tag: str) -> bool:
    return any(key.startswith(f"x12.{tag}.") for key in conveyance.extensions)


def _write_member(w: SegmentWriter, member: CrewMember) -> None:
    ext = member.extensions
    nm1 = {index: ext.get(f"x12.NM1.{index:02d}", "") for index in range(1, 12)}
    nm1[2] = nm1[2] or _PERSON
    nm1[3] = member.family_name or ""
    nm1[4] = member.given_name or ""
    nm1[5] = member.middle_name or ""
    w.add("NM1", *_trimmed(nm1))
    birth = member.date_of_birth
    dmg = {index: ext.get(f"x12.DMG.{index:02d}", "") for index in range(1, 10)}
    if birth is not None:
        dmg[1] = dmg[1] or _DATE_FORMAT
        dmg[2] = cv.date_text(birth)
    else:
        dmg[2] = ext.get("x12.DMG.02", "")
    dmg[3] = member.gender or ""
    dmg[7] = cv.country_code(member.citizenship) if member.citizenship else ""
    if any(dmg.values()):
        w.add("DMG", *_trimmed(dmg))
    for document in member.documents:
        w.add("REF", document.kind, document.number, document.extensions.get("x12.REF.03", ""))
    address = member.address
    if address is not None:
        if address.street:
            w.add("N3", address.street)
        if address.city or address.subdivision or address.postal_code or address.country:
            country = cv.country_code(address.country) if address.country else ""
            w.add("N4", address.city or "", address.subdivision or "", address.postal_code or "", country)


def _trimmed(values: dict[int, str]) -> list[str]:
    last = max((index for index, value in values.items() if value), default=0)
    return [values.get(index, "") for index in range(1, last + 1)]
