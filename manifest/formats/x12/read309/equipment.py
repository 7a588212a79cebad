"""The VID loop of a bill (X12 309), or a car of a 358 consist: VID equipment (element 40 kind, initial, number,
seals, ISO size-type, load status) with its M7 seals and VC vehicles."""

from __future__ import annotations

from manifest.formats.x12 import convert as cv
from manifest.formats.x12.read309 import shared
from manifest.formats.x12.read309.elements import fields
from manifest.formats.x12.read309.loops import EquipmentLoop
from manifest.formats.x12.read309.mapper import Mapper
from manifest.model import Equipment, Seal

# Equipment kinds (X12 element 40, VID01) come from the crosswalks of manifest.codelists; a VID01 code it does not
# know is a container. The code read is kept as a type code under this kind.
VID_TYPE = "x12.VID.01"


def equipment(mapper: Mapper, index: int, acc: EquipmentLoop) -> Equipment:
    vid = acc.vid
    v = fields(vid, 10)
    path = f"equipment[{index}]"
    ext: dict[str, str] = {}
    code = v[1]
    seals = [Seal(number=v[i]) for i in (4, 5) if v[i]]
    if mapper.pos is not None:
        for n, i in enumerate(i for i in (4, 5) if v[i]):
            mapper.put(f"{path}.seals[{n}]", vid, i)
    if v[5] and not v[4]:
        ext["x12.VID.04"] = ""
    for m7 in acc.m7:
        party = m7.get(5) or None
        for i in (1, 2, 3, 4):
            if m7.get(i):
                mapper.put(f"{path}.seals[{len(seals)}]", m7, i)
                seals.append(Seal(number=m7.get(i), party=party))
    if acc.m7 and len([s for s in (4, 5) if v[s]]) < 2:
        ext["x12.VID.seals"] = str(len([s for s in (4, 5) if v[s]]))
    status = v[10]
    loaded = True if status == "L" else False if status == "E" else None
    mapper.keep(path, ext, vid, (1, 2, 3, 4, 5, 9, 10) if loaded is not None or not status else (1, 2, 3, 4, 5, 9))
    for n, vc in enumerate(acc.vc):
        ext[f"x12.VC.{n + 1}"] = cv.raw(vc)
    mapper.put(path, vid, 3)
    mapper.put(path, vid, 2, ".initial")
    mapper.put(path, vid, 3, ".number")
    mapper.put(path, vid, 9, ".size_type")
    mapper.put(path, vid, 10, ".loaded")
    return Equipment(
        kind=cv.equipment_kind(code),
        initial=v[2] or None,
        number=v[3],
        size_type=v[9] or None,
        seals=tuple(seals),
        loaded=loaded,
        type_codes=shared.type_codes(VID_TYPE, code),
        extensions=ext,
    )
