"""The N10 loop of a bill's equipment (X12 309): N10 quantity and description (description and marks continued
over N10 segments without a quantity, HTS, value, weight), and its H1/H2 hazardous material."""

from __future__ import annotations

from manifest.formats.readers import ascii_digits
from manifest.formats.x12 import convert as cv
from manifest.formats.x12.read309 import shared
from manifest.formats.x12.read309.elements import fields, quantity
from manifest.formats.x12.read309.loops import GoodsLoop
from manifest.formats.x12.read309.mapper import Mapper
from manifest.formats.x12.tokens import Segment
from manifest.model import Contact, GoodsItem, HazardousMaterial, Money, TariffCode

DESCRIPTION_WIDTH = 45  # N1002 maximum length
MARKS_WIDTH = 48  # N1003 maximum length
HAZARD_NAME_WIDTH = 30  # H104 and H201 maximum length


def goods(mapper: Mapper, index: int, acc: GoodsLoop, equipment_id: str) -> GoodsItem:
    n10 = acc.first
    e = fields(n10, 10)
    path = f"goods[{index}]"
    ext: dict[str, str] = {}
    mapper.put(path, n10)
    mapped = [2, 3]
    packages = None
    count = e[1]
    if ascii_digits(count):
        packages = shared.packages(int(count), e[10] or None)
        mapped += [1, 10]
        mapper.put(path, n10, 1, ".packages")
    first = (e[2], e[3])
    if not acc.more and len(first[0]) <= DESCRIPTION_WIDTH and len(first[1]) <= MARKS_WIDTH:
        # One N10 whose texts fit: the layout the writer would choose anyway.
        description, marks = first[0] or None, first[1] or None
    else:
        parts = [first] + [(s.get(2), s.get(3)) for s in acc.more]
        description = "".join(p[0] for p in parts) or None
        marks = "".join(p[1] for p in parts) or None
        layout = ",".join(f"{len(d)}/{len(k)}" for d, k in parts)
        if layout != default_layout(description or "", marks or ""):
            ext["x12.N10.layout"] = layout
    for seg in acc.more:
        mapper.keep(path, ext, seg, (2, 3), "N10.more")
    mapper.put(path, n10, 2, ".description")
    mapper.put(path, n10, 3, ".marks")
    hs = None
    tariffs: tuple[TariffCode, ...] = ()
    commodity = e[5]
    if ascii_digits(commodity) and len(commodity) >= 6:
        hs = commodity[:6]
        if len(commodity) > 6:
            tariffs = shared.tariff_codes("us-hts", commodity)
        mapped.append(5)
        mapper.put(path, n10, 5, ".hs_code")
        if e[4] == "J":
            mapped.append(4)
    value = None
    if ascii_digits(e[6]):
        value = Money(amount=cv.decimal(e[6]) or 0, currency="USD")  # type: ignore[arg-type]
        mapped.append(6)
        mapper.put(path, n10, 6, ".value")
    weight = quantity(e[8], e[7], cv.weight_unit)
    if weight is not None:
        mapped += [7, 8]
        mapper.put(path, n10, 8, ".gross_weight")
    mapper.keep(path, ext, n10, tuple(mapped))
    hazards = tuple(hazard(mapper, f"{path}.hazardous[{i}]", h1, h2s) for i, (h1, h2s) in enumerate(acc.hazards))
    return GoodsItem(
        description=description,
        marks=marks,
        packages=packages,
        gross_weight=weight,
        hs_code=hs,
        tariff_codes=tariffs,
        value=value,
        hazardous=hazards,
        equipment_ids=(equipment_id,),
        extensions=ext,
    )


def hazard(mapper: Mapper, path: str, h1: Segment, h2s: list[Segment]) -> HazardousMaterial:
    ext: dict[str, str] = {}
    code = h1.get(1)
    un = code[2:] if code.startswith("UN") and ascii_digits(code[2:]) else code
    if un != code:
        ext["x12.H1.01"] = code
    mapper.keep(path, ext, h1, (1, 2, 4, 5, 9))
    name = h1.get(4)
    if _continues(name, h2s):
        # H2 (Additional Hazardous Material Description) carries on a shipping name that fills H104: read as
        # one name, written back in the same 30-character pieces.
        name += "".join(h2.get(1) for h2 in h2s)
    else:
        for n, h2 in enumerate(h2s):
            ext[f"x12.H2.{n + 1}"] = cv.raw(h2)
    mapper.put(path, h1, 1)
    mapper.put(path, h1, 1, ".un_number")
    contact = Contact(name=h1.get(5)) if h1.get(5) else None
    return HazardousMaterial(
        un_number=un or None,
        hazard_class=h1.get(2) or None,
        proper_shipping_name=name or None,
        contact=contact,
        packing_group=h1.get(9) or None,
        extensions=ext,
    )


def default_layout(description: str, marks: str) -> str:
    """How the writer splits a long description and marks over N10 segments: 45 and 48 characters at a time."""
    lines = max(1, -(-len(description) // DESCRIPTION_WIDTH), -(-len(marks) // MARKS_WIDTH))
    parts = []
    for i in range(lines):
        d = description[i * DESCRIPTION_WIDTH : (i + 1) * DESCRIPTION_WIDTH]
        k = marks[i * MARKS_WIDTH : (i + 1) * MARKS_WIDTH]
        parts.append(f"{len(d)}/{len(k)}")
    return ",".join(parts)


def hazard_name_pieces(name: str) -> list[str]:
    """H104 and the H201 continuations of a shipping name longer than H104, or ``[name]`` when it fits or cannot be
    split into pieces the dictionary accepts (H201 is 2 to 30 characters)."""
    width = HAZARD_NAME_WIDTH
    pieces = [name[i : i + width] for i in range(0, len(name), width)] or [name]
    return pieces if len(pieces) == 1 or len(pieces[-1]) >= 2 else [name]


def _continues(name: str, h2s: list[Segment]) -> bool:
    """Whether ``h2s`` are exactly the continuation pieces :func:`hazard_name_pieces` writes for a long name."""
    if not h2s or len(name) != HAZARD_NAME_WIDTH or any(len(h2.elements) != 2 for h2 in h2s):
        return False
    texts = [h2.get(1) for h2 in h2s]
    return all(len(t) == HAZARD_NAME_WIDTH for t in texts[:-1]) and 2 <= len(texts[-1]) <= HAZARD_NAME_WIDTH
