"""The segment table of the CUSCAR message as data: the order of its segments, the segment groups that hold them,
each one's status (M mandatory, C conditional) and maximum repeats, per directory from D.95B to D.03B.

One master table lists every segment and group any of those directories has, in order, indented under its group; a
line that stands in some directories only names the first (``97B-``) or last (``-96A``) of them. A group's line
gives the group's status and repeats, its trigger (the first segment, mandatory once in each repeat) and its
children follow indented. The service segments UNH and UNT are the envelope's (ISO 9735); UNH stands first.

Source: the CUSCAR message structure of each UN/EDIFACT directory, as the UNTDID publishes it (4.3.1 Segment table)
and stedi.com/edi/edifact/<version>/messages/CUSCAR shows it, and as bots-edi/bots-grammars
(edifact/<version>/CUSCAR<version>UN.py, generated from the UNTDID) holds it whole. Compared, directory by
directory: D.95B, D.96A, D.96B, D.97A, D.97B, D.98A, D.98B, D.99A, D.99B, D.01B, D.02A, D.02B, D.03A and D.03B
(D.00A, D.00B, D.01A and D.01C lie between the equal tables of D.99B and D.02A, whose header stedi shows the same).
The header of D.96A to D.02B was checked against the stedi pages and that of D.97B against the UNTDID's own page
(service.unece.org/trade/untdid/d97b/trmd/cuscar_s.htm, whose change marks show header LOC and QTY added in D.97B).
D.95B, which stedi does not publish, is the one table not seen a second time; the CUSCAR files of D.95B the project
holds (a LOT10 sample, ours) fit it and its header NAD without contact group, which D.96A added.

For a directory after D.03B the table is not known (:func:`table_known`), and a message under it is not walked.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from manifest.formats.edifact.directory import release_order
from manifest.formats.segment_table import Loop, Seg

_TABLE = """
BGM M 1
DTM C 9
LOC C 9 97B-
QTY C 9 97B-
RFF C 9 -96A
RFF C 99 96B- group
  DTM C 9
NAD C 9 -95B
NAD C 99 96A- group
  DTM C 1 99B-
  CTA C 9 group
    COM C 9
FTX C 9
TDT C 9 group
  LOC C 99
  DTM C 99
GIS C 9
EQD C 9999 group
  TSR C 9
  MEA C 9
  DIM C 9
  SEL C 9
  NAD C 9
  GIS C 9
  LOC C 1 99B-
  TMP C 9 group
    RNG C 1
CNT C 9
CNI C 9999 group
  CNT C 9
  RFF C 9999 group
    CNT C 9
    MOA C 9
    LOC C 99
    GIS C 9
    CUX C 9
    CPI C 9
    TDT C 9 group
      LOC C 9
      DTM C 9
      MEA C 9 96A-
      RFF C 9 -95B
      RFF C 9 96A- group
        TSR C 9
    NAD C 99 group
      DTM C 9 96A-
      RFF C 9
      CTA C 9 group
        COM C 9
    QTY C 9 group
      FTX C 9
    GID M 9999 group
      PAC C 9
      HAN C 9
      FTX C 99
      MEA C 99
      MOA C 9
      SGP C 99 -96B
      SGP C 9999 97A-
      DGS C 9 -03A
      DGS C 99 03B-
      PCI C 9
      CST C 1
      LOC C 9 97B-
      TMD C 9 97A-
      GIS C 9 group
        DTM C 9 96B-
        DOC C 9
        PAC C 9 98B-
        MEA C 9 98B-
      QTY C 9 group
        FTX C 1
AUT C 1 group
  DTM C 9
  RFF C 9
"""

# GIS (general indicator) gave way to GEI (processing information) in D.02B, in every place it held.
_RENAMED = {"GIS": ("02B", "GEI")}

FIRST = "95B"
LAST = "03B"


def table_known(version: str) -> bool:
    """Whether the segment table of directory ``version`` ('95B') is known (D.95B to D.03B)."""
    return release_order(FIRST) <= release_order(version) <= release_order(LAST)


def holds(version: str, groups: tuple[str, ...], tag: str) -> bool:
    """Whether, in directory ``version``, the segment group reached from the message through the groups that
    ``groups`` trigger (("CNI", "RFF", "GID") for a goods item) holds segment ``tag``; a directory after D.03B is
    taken to hold what D.03B does."""
    node = table(version if table_known(version) else LAST).root
    for trigger in groups:
        node = next(child for child in node.children[1:] if isinstance(child, Loop) and child.trigger == trigger)
    return tag in node.by_tag


@dataclass(frozen=True, slots=True)
class Table:
    """The segment table of one directory: the message as a group whose trigger is UNH, and the number of each
    segment group (SG1, SG2 ... in the order of the table), by the group's identity."""

    root: Loop
    numbers: dict[int, int]  # id(group) -> its number

    def name(self, group: Loop) -> str:
        """'segment group 5 (EQD)', or 'the message' for the root."""
        if group is self.root:
            return "the message"
        return f"segment group {self.numbers[id(group)]} ({group.trigger})"

    def name_es(self, group: Loop) -> str:
        if group is self.root:
            return "el mensaje"
        return f"el grupo de segmentos {self.numbers[id(group)]} ({group.trigger})"


@cache
def table(version: str) -> Table:
    """The segment table of directory ``version`` (one :func:`table_known` knows)."""
    order = release_order(version)
    lines: list[tuple[int, list[str]]] = []
    skipping = -1  # the depth of a group left out, whose lines are left out with it
    for text in _TABLE.strip("\n").splitlines():
        depth, words = (len(text) - len(text.lstrip())) // 2, text.split()
        if 0 <= skipping < depth:
            continue
        skipping = -1
        span = next((w for w in words[3:] if "-" in w), None)
        if span is not None:
            first, _, last = span.partition("-")
            if (first and order < release_order(first)) or (last and order > release_order(last)):
                skipping = depth
                continue
        renamed = _RENAMED.get(words[0])
        if renamed is not None and order >= release_order(renamed[0]):
            words[0] = renamed[1]
        lines.append((depth, words))
    numbers: dict[int, int] = {}
    children, _ = _parse(lines, 0, 0, numbers)
    root = Loop("UNH", (Seg("UNH", True), *children), True)
    return Table(root, numbers)


def _parse(
    lines: list[tuple[int, list[str]]], start: int, depth: int, numbers: dict[int, int]
) -> tuple[list[Seg | Loop], int]:
    """The children at ``depth`` from line ``start`` on, and the line after them; ``numbers`` gets the number of
    each group among them and in them, counted from 1 as they appear (a group before the groups it holds)."""
    children: list[Seg | Loop] = []
    i = start
    while i < len(lines) and lines[i][0] == depth:
        tag, status, repeats, *rest = lines[i][1]
        required, most = status == "M", int(repeats)
        if "group" in rest:
            number = len(numbers) + 1
            places: dict[int, int] = {}
            inner, i = _parse(lines, i + 1, depth + 1, places)
            group = Loop(tag, (Seg(tag, True), *inner), required, most)
            numbers[id(group)] = number
            numbers.update({key: number + place for key, place in places.items()})
            children.append(group)
            continue
        children.append(Seg(tag, required, most))
        i += 1
    return children, i
