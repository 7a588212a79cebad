"""The UN/EDIFACT segment directory of the segments a CUSCAR message holds, as data: per segment its data elements
and composites in order, per composite its components, per data element its representation and name, each with its
status (M mandatory, C conditional).

Source: the UN/EDIFACT D.95B segment directory (EDSD), composite data element directory (EDCD) and data element
directory (EDED) of the UNTDID, as published per directory version at stedi.com/edi/edifact/<version>/segments/<tag>
and /elements/<id>, the pages of D.96A and D.96B standing for D.95B where those directories did not change it. The
tables are D.95B's; :data:`CHANGED` lists the representations later directories changed, compared across the pages
of D.96A to D.02B. Directories after D.96B also add data elements and components to some segments (SEL C208 and C503
1056, 1060 in D.99A; BGM C106 in D.00A) and make some mandatory ones conditional (SEL 9308 in D.99A), which these
tables do not list: :func:`structure_known` says for which directories the structure itself (statuses, number of
elements and components) is that of D.95B.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# A segment's data elements in order: a composite by its identifier, a simple data element by its number; 'M' after
# one marks it mandatory. Service segments (UNH, UNT) are ISO 9735's and are checked by the envelope.
_SEGMENTS = {
    "BGM": "C002 1004 1225 4343",
    "CNI": "1490 C503 1312",
    "CNT": "C270M",
    "COM": "C076M",
    "CST": "1496 C246 C246 C246 C246 C246",
    "CTA": "3139 C056",
    "DGS": "8273 C205 C234 C223 8339 8364 8410 8126 C235 C236 8255 8325 8211",
    "DOC": "C002M C503 3153 1220 1218",
    "DTM": "C507M",
    "EQD": "8053M C237 C224 8077 8249 8169",
    "FTX": "4451M 4453 C107 C108 3453",
    "GID": "1496 C213 C213 C213",
    "GIN": "7405M C208M C208 C208 C208 C208",
    "GIS": "C529M",
    "LOC": "3227M C517 C519 C553 5479",
    "MEA": "6311M C502 C174 7383",
    "MOA": "C516M",
    "NAD": "3035M C082 C058 C080 C059 3164 3229 3251 3207",
    "PCI": "4233 C210 8275 C827",
    "PIA": "4347M C212M C212 C212 C212 C212",
    "QTY": "C186M",
    "RFF": "C506M",
    "SEL": "9308M C215 4517",
    "SGP": "C237M 7224",
    "TDT": "8051M 8028 C220 C228 C040 8101 C401 C222 8281",
    "TOD": "4055 4215 C100",
    "TPL": "C222M",
}

TAGS = tuple(_SEGMENTS)  # the segments the tables list

_COMPOSITES = {
    "C002": "1001 1131 3055 1000",
    "C040": "3127 1131 3055 3128",
    "C056": "3413 3412",
    "C058": "3124M 3124 3124 3124 3124",
    "C059": "3042M 3042 3042 3042",
    "C076": "3148M 3155M",
    "C080": "3036M 3036 3036 3036 3036 3045",
    "C082": "3039M 1131 3055",
    "C100": "4053 1131 3055 4052 4052",
    "C107": "4441M 1131 3055",
    "C108": "4440M 4440 4440 4440 4440",
    "C174": "6411M 6314 6162 6152 6432",
    "C186": "6063M 6060M 6411",
    "C205": "8351M 8078 8092",
    "C208": "7402M 7402",
    "C210": "7102M 7102 7102 7102 7102 7102 7102 7102 7102 7102",
    "C212": "7140 7143 1131 3055",
    "C213": "7224 7065 1131 3055 7064",
    "C215": "9303M 1131 3055 9302",
    "C220": "8067 8066",
    "C222": "8213 1131 3055 8212 8453",
    "C223": "7106 6411",
    "C224": "8155 1131 3055 8154",
    "C228": "8179 8178",
    "C234": "7124 7088",
    "C235": "8158 8186",
    "C236": "8246 8246 8246",
    "C237": "8260 1131 3055 3207",
    "C246": "7361M 1131 3055",
    "C270": "6069M 6066M 6411",
    "C401": "8457M 8459M 7130",
    "C502": "6313 6321 6155 6154",
    "C503": "1004 1373 1366 3453",
    "C506": "1153M 1154 1156 4000",
    "C507": "2005M 2380 2379",
    "C516": "5025M 5004 6345 6343 4405",
    "C517": "3225 1131 3055 3224",
    "C519": "3223 1131 3055 3222",
    "C529": "7365M 1131 3055 7187",
    "C553": "3233 1131 3055 3232",
    "C827": "7511M 1131 3055",
}

# Data element: representation (ISO 9735: a alphabetic, n numeric, an alphanumeric; '..' up to, else exactly that
# many characters) and name, both as D.95B has them.
_ELEMENTS = {
    "1000": ("an..35", "document/message name"),
    "1001": ("an..3", "document/message name, coded"),
    "1004": ("an..35", "document/message number"),
    "1131": ("an..3", "code list qualifier"),
    "1153": ("an..3", "reference qualifier"),
    "1154": ("an..35", "reference number"),
    "1156": ("an..6", "line number"),
    "1218": ("n..2", "number of originals of document required"),
    "1220": ("n..2", "number of copies of document required"),
    "1225": ("an..3", "message function, coded"),
    "1312": ("n..4", "consignment load sequence number"),
    "1366": ("an..35", "document/message source"),
    "1373": ("an..3", "document/message status, coded"),
    "1490": ("n..4", "consolidation item number"),
    "1496": ("n..5", "goods item number"),
    "2005": ("an..3", "date/time/period qualifier"),
    "2379": ("an..3", "date/time/period format qualifier"),
    "2380": ("an..35", "date/time/period"),
    "3035": ("an..3", "party qualifier"),
    "3036": ("an..35", "party name"),
    "3039": ("an..35", "party id. identification"),
    "3042": ("an..35", "street and number/p.o. box"),
    "3045": ("an..3", "party name format, coded"),
    "3055": ("an..3", "code list responsible agency, coded"),
    "3124": ("an..35", "name and address line"),
    "3127": ("an..17", "carrier identification"),
    "3128": ("an..35", "carrier name"),
    "3139": ("an..3", "contact function, coded"),
    "3148": ("an..512", "communication number"),
    "3153": ("an..3", "communication channel identifier, coded"),
    "3155": ("an..3", "communication channel qualifier"),
    "3164": ("an..35", "city name"),
    "3207": ("an..3", "country, coded"),
    "3222": ("an..70", "related place/location one"),
    "3223": ("an..25", "related place/location one identification"),
    "3224": ("an..70", "place/location"),
    "3225": ("an..25", "place/location identification"),
    "3227": ("an..3", "place/location qualifier"),
    "3229": ("an..9", "country sub-entity identification"),
    "3232": ("an..70", "related place/location two"),
    "3233": ("an..25", "related place/location two identification"),
    "3251": ("an..9", "postcode identification"),
    "3412": ("an..35", "department or employee"),
    "3413": ("an..17", "department or employee identification"),
    "3453": ("an..3", "language, coded"),
    "4000": ("an..35", "reference version number"),
    "4052": ("an..70", "terms of delivery or transport"),
    "4053": ("an..3", "terms of delivery or transport, coded"),
    "4055": ("an..3", "terms of delivery or transport function, coded"),
    "4215": ("an..3", "transport charges method of payment, coded"),
    "4233": ("an..3", "marking instructions, coded"),
    "4343": ("an..3", "response type, coded"),
    "4347": ("an..3", "product id. function qualifier"),
    "4405": ("an..3", "status, coded"),
    "4440": ("an..70", "free text"),
    "4441": ("an..3", "free text, coded"),
    "4451": ("an..3", "text subject qualifier"),
    "4453": ("an..3", "text function, coded"),
    "4517": ("an..3", "seal condition, coded"),
    "5004": ("n..18", "monetary amount"),
    "5025": ("an..3", "monetary amount type qualifier"),
    "5479": ("an..3", "relation, coded"),
    "6060": ("n..15", "quantity"),
    "6063": ("an..3", "quantity qualifier"),
    "6066": ("n..18", "control value"),
    "6069": ("an..3", "control qualifier"),
    "6152": ("n..18", "range maximum"),
    "6154": ("an..70", "measurement attribute"),
    "6155": ("an..3", "measurement attribute, coded"),
    "6162": ("n..18", "range minimum"),
    "6311": ("an..3", "measurement application qualifier"),
    "6313": ("an..3", "measurement dimension, coded"),
    "6314": ("n..18", "measurement value"),
    "6321": ("an..3", "measurement significance, coded"),
    "6343": ("an..3", "currency qualifier"),
    "6345": ("an..3", "currency, coded"),
    "6411": ("an..3", "measure unit qualifier"),
    "6432": ("n..2", "significant digits"),
    "7064": ("an..35", "type of packages"),
    "7065": ("an..17", "type of packages identification"),
    "7088": ("an..8", "dangerous goods flashpoint"),
    "7102": ("an..35", "shipping marks"),
    "7106": ("n3", "shipment flashpoint"),
    "7124": ("n4", "UNDG number"),
    "7130": ("an..17", "customer authorization number"),
    "7140": ("an..35", "item number"),
    "7143": ("an..3", "item number type, coded"),
    "7187": ("an..17", "process type identification"),
    "7224": ("n..8", "number of packages"),
    "7361": ("an..18", "customs code identification"),
    "7365": ("an..3", "processing indicator, coded"),
    "7383": ("an..3", "surface/layer indicator, coded"),
    "7402": ("an..35", "identity number"),
    "7405": ("an..3", "identity number qualifier"),
    "7511": ("an..3", "type of marking, coded"),
    "8028": ("an..17", "conveyance reference number"),
    "8051": ("an..3", "transport stage qualifier"),
    "8053": ("an..3", "equipment qualifier"),
    "8066": ("an..17", "mode of transport"),
    "8067": ("an..3", "mode of transport, coded"),
    "8077": ("an..3", "equipment supplier, coded"),
    "8078": ("an..7", "hazard substance/item/page number"),
    "8092": ("an..10", "hazard code version number"),
    "8101": ("an..3", "transit direction, coded"),
    "8126": ("an..10", "TREM card number"),
    "8154": ("an..35", "equipment size and type"),
    "8155": ("an..10", "equipment size and type identification"),
    "8158": ("an..4", "hazard identification number, upper part"),
    "8169": ("an..3", "full/empty indicator, coded"),
    "8178": ("an..17", "type of means of transport"),
    "8179": ("an..8", "type of means of transport identification"),
    "8186": ("an..4", "substance identification number, lower part"),
    "8211": ("an..3", "permission for transport, coded"),
    "8212": ("an..35", "id. of the means of transport"),
    "8213": ("an..9", "id. of means of transport identification"),
    "8246": ("an..4", "dangerous goods label marking"),
    "8249": ("an..3", "equipment status, coded"),
    "8255": ("an..3", "packing instruction, coded"),
    "8260": ("an..17", "equipment identification number"),
    "8273": ("an..3", "dangerous goods regulations, coded"),
    "8275": ("an..3", "container/package status, coded"),
    "8281": ("an..3", "transport ownership, coded"),
    "8325": ("an..3", "category of means of transport, coded"),
    "8339": ("an..3", "packing group, coded"),
    "8351": ("an..7", "hazard code identification"),
    "8364": ("an..8", "EMS number"),
    "8410": ("an..4", "MFAG"),
    "8453": ("an..3", "nationality of means of transport, coded"),
    "8457": ("an..3", "excess transportation reason, coded"),
    "8459": ("an..3", "excess transportation responsibility, coded"),
    "9302": ("an..35", "sealing party"),
    "9303": ("an..3", "sealing party, coded"),
    "9308": ("an..10", "seal number"),
}

# Representations later directories changed, with the first directory that has the new one (the pages of the
# directories before and after it were compared):
# 1131 code list identification an..17 from D.00B (an..3 in D.00A);
# 1366 document source an..70 from D.98A (an..35 in D.97B);
# 3224 location name an..256 from D.99B (an..70 in D.99A);
# 3225 location name code an..35 from D.02B (an..25 in D.01B);
# 3251 postcode an..17 in D.99B (an..9 in D.99A);
# 4440 free text an..512 in D.99B (an..70 in D.98B);
# 4441 free text identification an..17 in D.97B (an..3 in D.96A; D.96B and D.97A were not compared);
# 5004 monetary amount n..35 from D.98A (n..18 in D.97A);
# 6155 measurement attribute identification an..17 and 6314 measurement value an..18 (no longer numeric) from D.96B
# (an..3 and n..18 in D.96A);
# 9308 seal identifier an..35 from D.00A (an..10 in D.99B).
CHANGED: dict[str, tuple[tuple[str, str], ...]] = {
    "1131": (("00B", "an..17"),),
    "1366": (("98A", "an..70"),),
    "3224": (("99B", "an..256"),),
    "3225": (("02B", "an..35"),),
    "3251": (("99B", "an..17"),),
    "4440": (("99B", "an..512"),),
    "4441": (("97B", "an..17"),),
    "5004": (("98A", "n..35"),),
    "6155": (("96B", "an..17"),),
    "6314": (("96B", "an..18"),),
    "9308": (("00A", "an..35"),),
}
# The last directory whose segments have the data elements, components and statuses of D.95B's for every segment
# above (checked: D.96A and D.96B).
_SAME_STRUCTURE_UNTIL = "96B"

DEFAULT_VERSION = "95B"
_VERSION = re.compile(r"(9[5-9]|[0-8][0-9])([AB])\Z")
_NUMBER = re.compile(r"-?([0-9]+([.,][0-9]*)?|[.,][0-9]+)\Z")


def release_order(version: str) -> tuple[int, str]:
    """Directories in release order: D.95B < D.99B < D.00A (the two-digit year wraps at 2000)."""
    year = int(version[:2])
    return (year + (1900 if year >= 90 else 2000), version[2])


def version_of(identifier: list[str]) -> str:
    """The directory of a message identifier (UNH S009: type, 'D', release, agency), D.95B when it names none this
    reader knows (CUS003)."""
    known = len(identifier) > 2 and identifier[1] == "D" and _VERSION.match(identifier[2]) is not None
    return (
        identifier[2] if known and release_order(identifier[2]) >= release_order(DEFAULT_VERSION) else DEFAULT_VERSION
    )


def structure_known(version: str) -> bool:
    return release_order(version) <= release_order(_SAME_STRUCTURE_UNTIL)


@dataclass(frozen=True, slots=True)
class Element:
    """One simple data element in its place: its number, name, status and representation."""

    number: str
    name: str
    mandatory: bool
    numeric: bool
    alphabetic: bool
    fixed: bool  # exactly ``length`` characters (n3), not up to
    length: int

    def holds(self, length: int) -> bool:
        return length == self.length if self.fixed else length <= self.length

    @property
    def representation(self) -> str:
        kind = "n" if self.numeric else "a" if self.alphabetic else "an"
        return f"{kind}{self.length}" if self.fixed else f"{kind}..{self.length}"

    @property
    def label(self) -> str:
        return f"{self.name} ({self.number})"


@dataclass(frozen=True, slots=True)
class Slot:
    """One data element position of a segment: a simple data element, or a composite and its components."""

    identifier: str  # the composite's id, or the simple element's number
    mandatory: bool
    components: tuple[Element, ...]  # one for a simple data element

    @property
    def composite(self) -> bool:
        return self.identifier.startswith("C")

    @property
    def label(self) -> str:
        if not self.composite:
            return self.components[0].label
        return f"{_COMPOSITE_NAMES[self.identifier]} ({self.identifier})"


_COMPOSITE_NAMES = {
    "C002": "document/message name",
    "C040": "carrier",
    "C056": "department or employee details",
    "C058": "name and address",
    "C059": "street",
    "C076": "communication contact",
    "C080": "party name",
    "C082": "party identification details",
    "C100": "terms of delivery or transport",
    "C107": "text reference",
    "C108": "text literal",
    "C174": "value/range",
    "C186": "quantity details",
    "C205": "hazard code",
    "C208": "identity number range",
    "C210": "marks & labels",
    "C212": "item number identification",
    "C213": "number and type of packages",
    "C215": "seal issuer",
    "C220": "mode of transport",
    "C222": "transport identification",
    "C223": "dangerous goods shipment flashpoint",
    "C224": "equipment size and type",
    "C228": "transport means",
    "C234": "UNDG information",
    "C235": "hazard identification",
    "C236": "dangerous goods label",
    "C237": "equipment identification",
    "C246": "customs identity codes",
    "C270": "control",
    "C401": "excess transportation information",
    "C502": "measurement details",
    "C503": "document/message details",
    "C506": "reference",
    "C507": "date/time/period",
    "C516": "monetary amount",
    "C517": "location identification",
    "C519": "related location one identification",
    "C529": "processing indicator",
    "C553": "related location two identification",
    "C827": "type of marking",
}


def _element(text: str, version: str) -> Element:
    number, mandatory = _entry(text)
    representation, name = _ELEMENTS[number]
    for first, changed in CHANGED.get(number, ()):
        if release_order(version) >= release_order(first):
            representation = changed
    kind = representation.rstrip("0123456789.")
    fixed = ".." not in representation
    length = int(representation[len(kind) :].lstrip("."))
    return Element(number, name, mandatory, kind == "n", kind == "a", fixed, length)


def _entry(text: str) -> tuple[str, bool]:
    return (text[:-1], True) if text.endswith("M") else (text, False)


@cache
def segment_spec(tag: str, version: str = DEFAULT_VERSION) -> tuple[Slot, ...] | None:
    """The data elements of segment ``tag`` in directory ``version`` (as '95B'), None for a segment not listed."""
    layout = _SEGMENTS.get(tag)
    if layout is None:
        return None
    slots = []
    for text in layout.split():
        identifier, mandatory = _entry(text)
        if identifier.startswith("C"):
            parts = tuple(_element(c, version) for c in _COMPOSITES[identifier].split())
        else:
            parts = (_element(text, version),)
        slots.append(Slot(identifier, mandatory, parts))
    return tuple(slots)


def element_spec(tag: str, element: int, component: int, version: str = DEFAULT_VERSION) -> Element | None:
    """The data element at 1-based ``element`` and ``component`` of segment ``tag``, None where there is none."""
    slots = segment_spec(tag, version)
    if slots is None or not 0 < element <= len(slots):
        return None
    parts = slots[element - 1].components
    return parts[component - 1] if 0 < component <= len(parts) else None


def element_length(tag: str, element: int, component: int, version: str = DEFAULT_VERSION) -> int:
    spec = element_spec(tag, element, component, version)
    assert spec is not None
    return spec.length


def is_number(text: str) -> bool:
    """An EDIFACT numeric value: digits with either decimal mark (ISO 9735-1 section 10) and an optional leading
    minus."""
    return _NUMBER.match(text) is not None


def measured(value: str, spec: Element) -> int | None:
    """The length of ``value`` as ISO 9735-1 section 10 counts it for ``spec`` (a number's digits, not its sign or
    decimal mark); None when the value is not of the element's representation (a numeric one that is no number, an
    alphabetic one with digits)."""
    if spec.numeric:
        return sum(1 for c in value if c.isdigit()) if is_number(value) else None
    if spec.alphabetic and any(c.isdigit() for c in value):
        return None
    return len(value)


def fits(value: str, spec: Element) -> bool:
    """Whether ``value`` is of the representation of ``spec`` and within its length."""
    length = measured(value, spec)
    return length is not None and spec.holds(length)


def fit_segment(tag: str, elements: list[list[str]], version: str) -> list[list[str]] | None:
    """The elements of a segment to write with every value the directory does not hold left out (too long, not a
    number where one is due, beyond the segment's elements and components): a value is never cut, since a cut
    identifier names another thing; the comparison of the written file with the model lists what is left out. None
    when what remains says nothing but its first element (a qualifier with no value: RFF+BM, LOC+60) or lacks a
    mandatory value left out (an RFF whose qualifier 1153 does not fit), which is then not written at all, unless
    the segment opens a group."""
    slots = segment_spec(tag, version)
    if slots is None:
        return elements
    # Beyond the elements and components of D.95B's tables, a directory whose structure they do not know may hold
    # more (see structure_known): those are kept as they came.
    structure = structure_known(version)
    dropped = False
    lost_mandatory = False  # a mandatory value left out: what remains would be a syntax error (RFF without 1153)
    fitted: list[list[str]] = []
    for e, values in enumerate(elements):
        if e >= len(slots):
            if structure:
                dropped = dropped or any(values)
            else:
                fitted.append(values)
            continue
        parts = slots[e].components
        kept = []
        for c, value in enumerate(values):
            beyond = c >= len(parts)
            if value and (structure if beyond else not fits(value, parts[c])):
                dropped = True
                lost_mandatory = lost_mandatory or (not beyond and slots[e].mandatory and parts[c].mandatory)
                value = ""
            kept.append(value)
        if any(kept) and any(part.mandatory and not value for part, value in zip(parts, kept, strict=False)):
            # A composite holding values without its mandatory component (RFF C506 without 1153, NAD C082 without
            # 3039) says nothing placeable: it is left out whole, and its segment where the composite is mandatory.
            kept = ["" for _ in kept]
            dropped = True
            lost_mandatory = lost_mandatory or slots[e].mandatory
        fitted.append(kept)
    if tag in _GROUP_TRIGGERS or not dropped:
        return fitted
    if lost_mandatory or not any(value for values in fitted[1:] for value in values):
        return None
    return fitted


# Segments that open a segment group of CUSCAR (a party, its contact, a means of transport, a consignment, a goods
# item, its dangerous goods): written even when nothing but their qualifier is left, since the segments after them
# belong to the group and would otherwise be read as the previous one's.
_GROUP_TRIGGERS = frozenset({"NAD", "CTA", "TDT", "CNI", "GID", "DGS"})
