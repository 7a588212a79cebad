"""Writing segments and the ISA/GS/ST envelope around them (X12.5), shared by every set this project writes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from manifest.formats.readers import ascii_digits
from manifest.formats.x12.delimiters import ISA_WIDTHS, Delimiters

Elements = list[str]


@dataclass
class SegmentWriter:
    """Segments as element lists; trailing empty elements are dropped, as X12.6 requires."""

    delimiters: Delimiters
    segments: list[Elements] = field(default_factory=list)

    def add(self, tag: str, *elements: str) -> None:
        values = [tag, *elements]
        while len(values) > 1 and not values[-1]:
            values.pop()
        self.segments.append(values)

    def text(self) -> str:
        d = self.delimiters
        end = d.segment + d.suffix
        return "".join(d.element.join(s if s[0] == "ISA" else self._clean(s)) + end for s in self.segments)

    def _clean(self, values: Elements) -> Elements:
        # A delimiter inside data would cut the element; it cannot be escaped in X12, so it becomes a space.
        d = self.delimiters
        bad = {d.element, d.segment, d.component, *((d.repetition,) if d.repetition else ())}
        if not any(ch in value for value in values for ch in bad):
            return values
        return ["".join(" " if ch in bad else ch for ch in value) for value in values]


def delimiters_from(ext: Mapping[str, str]) -> Delimiters:
    separators = ext.get("x12.separators", "*~\n")
    element = separators[0] if separators else "*"
    segment = separators[1] if len(separators) > 1 else "~"
    suffix = separators[2:]
    component = ext.get("x12.ISA.16", ">")
    version = ext.get("x12.ISA.12", "00401")
    repetition_text = ext.get("x12.ISA.11", "U")
    repetition = repetition_text if version >= "00402" and not repetition_text.isalnum() else None
    return Delimiters(element, component, segment, repetition, suffix)


def isa_elements(ext: Mapping[str, str], defaults: Mapping[int, str], now: datetime) -> list[str]:
    """ISA01..ISA16: as read when the model carries them, else padded to the fixed widths of X12.5."""
    base = {
        1: "00",
        2: "",
        3: "00",
        4: "",
        5: "ZZ",
        6: "SENDER",
        7: "ZZ",
        8: "RECEIVER",
        9: now.strftime("%y%m%d"),
        10: now.strftime("%H%M"),
        11: "U",
        12: "00401",
        13: "000000001",
        14: "0",
        15: "P",
        16: ">",
    }
    base.update(defaults)
    out = []
    for i, width in enumerate(ISA_WIDTHS, start=1):
        key = f"x12.ISA.{i:02d}"
        out.append(ext[key] if key in ext else base[i].ljust(width)[:width] if i != 13 else base[i].zfill(9))
    return out


def envelope(
    writer: SegmentWriter,
    ext: Mapping[str, str],
    defaults: Mapping[str, str],
    sets: Sequence[list[Elements]],
    now: datetime,
) -> None:
    """ISA, GS, the sets (each already with ST and SE) and the trailers, with counts and control numbers."""
    isa = isa_elements(ext, {12: defaults["ISA12"], 11: defaults.get("ISA11", "U")}, now)
    writer.segments.append(["ISA", *isa])
    gs = [ext.get(f"x12.GS.{i:02d}", "") for i in range(1, 9)]
    fallback = [
        defaults["GS01"],
        isa[5].strip() or "SENDER",
        isa[7].strip() or "RECEIVER",
        now.strftime("%Y%m%d"),
        now.strftime("%H%M"),
        str(int(isa[12])) if ascii_digits(isa[12]) else "1",
        "X",
        defaults["GS08"],
    ]
    gs = [value if f"x12.GS.{i:02d}" in ext else fallback[i - 1] for i, value in enumerate(gs, start=1)]
    writer.add("GS", *gs)
    for segments in sets:
        writer.segments.extend(segments)
    writer.add("GE", str(len(sets)), gs[5])
    writer.add("IEA", "1", isa[12])
