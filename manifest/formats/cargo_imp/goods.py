"""The FWB rate description (RTD) as goods items, and harmonised codes and charge declarations shared with FHL.

RTD layout (FWB/17 ``rateDescription``): each rate line opens with its line count (``/1``); a rate line with the
pieces (P), gross weight (K or L), rate combination point (P and a city code), rate class (C), commodity item (S),
chargeable weight (W), rate (R) and total (T) starts a goods item; a rate line holding only a detail adds to the
current item: goods description (NG), consolidation description (NC), dimensions (ND), volume (NV), ULD number
(NU), shipper's load and count (NS), harmonised commodity code (NH), country of origin of goods (NO). The first
detail line after an item's line is not numbered.

Checked against real messages: IATA's FWB/17 examples (gumraq/iata-messages IataMessageTests/Examples/fwb17.txt:
rate lines without pieces, ``PNYC``, ``CS``/``SN100``, NU, ND with and without a weight, ``ND//NDA``); airline
traffic (tyroneous9/CargoIMP-Compiler cpp/data/input_tests/fwb_test.txt and fwb17_test.txt: no rate class, NC cut
at 20 characters, ND, NV, NS); CargoWise's FWB/16 output as its tests expect it (NC or NG only, or NC, ND, NO, NS).
A description cut in the middle of a word is read with a space at the cut, as one cut between words is.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from manifest.formats.cargo_imp.charges import rate_elements, read_rate
from manifest.formats.cargo_imp.codes import NOT_A_ULD
from manifest.formats.cargo_imp.elements import (
    COUNTRY,
    QUANTITY,
    VOLUME,
    VOLUME_CODES,
    VOLUME_UNITS,
    WEIGHT_CODES,
    WEIGHT_UNITS,
    TextWriter,
    codes_of_tariffs,
    decimal_of,
    decimal_text,
    tariff_codes_of,
    tariff_paths,
    weight_of,
)
from manifest.formats.cargo_imp.kinds import ULD_ID, names_a_uld
from manifest.formats.cargo_imp.lines import Line
from manifest.formats.cargo_imp.message import Record
from manifest.formats.cargo_imp.sink import Sink
from manifest.formats.readers import ascii_digits
from manifest.model import Equipment, EquipmentKind, GoodsItem, Packages, Quantity

DESCRIPTION_SIZE = 20  # NG/NC nature and quantity of goods, per line
X_RATE = "cargo-imp.RTD.rate"  # rate elements the model has no field for (a rate combination point), as written
X_CONSOLIDATION = "cargo-imp.RTD.NC"  # the description is a consolidation (NC) rather than goods (NG)
X_DETAILS = "cargo-imp.RTD.details"  # ND and NS details as written
X_HS_DERIVED = "cargo-imp.hs-derived"  # hs_code was cut from a longer national code and is not written itself
_DETAIL = re.compile(r"N[GCDVUSHO]")
_COUNT = re.compile(r"[0-9]{1,2}")
_RATE_POINT = re.compile(r"P[A-Z]{3}")  # rate combination point: P and a city code (IATA's FWB/17 example, PNYC)


@dataclass(slots=True)
class _Item:
    pieces: int | None = None
    weight: Quantity | None = None
    rate: list[str] = field(default_factory=list)
    description: list[str] = field(default_factory=list)
    consolidation: bool = False
    volume: Quantity | None = None
    codes: list[str] = field(default_factory=list)
    code_columns: list[tuple[Line, int]] = field(default_factory=list)
    origin: str | None = None
    details: list[str] = field(default_factory=list)
    ulds: list[str] = field(default_factory=list)


def read_rtd(record: Record, sink: Sink, path: str) -> tuple[GoodsItem, ...]:
    items: list[_Item] = []
    for line in record.lines:
        pieces = line.fields()[1:]
        if pieces and _COUNT.fullmatch(pieces[0].text):
            pieces = pieces[1:]
        if not pieces:
            continue
        if _DETAIL.fullmatch(pieces[0].text) and items:
            value = "/".join(p.text for p in pieces[1:])
            column = pieces[1].column if len(pieces) > 1 else pieces[0].column
            _detail(items[-1], pieces[0].text, value, line, column, sink, f"{path}[{len(items) - 1}]")
            continue
        item = _Item()
        items.append(item)
        index = len(items) - 1
        sink.place(f"{path}[{index}]", line, 1, "RTD")
        for piece in pieces:
            text = piece.text
            if text.startswith("P") and ascii_digits(text[1:]):
                item.pieces = int(text[1:])
                sink.place(f"{path}[{index}].packages", line, piece.column, "RTD/P")
            elif text[:1] in WEIGHT_CODES.values() and QUANTITY.fullmatch("T1" + text):
                item.weight = weight_of(text[0], text[1:])
                sink.place(f"{path}[{index}].gross_weight", line, piece.column, "RTD/K")
            elif (text[:1] in "CSWRT" and text) or _RATE_POINT.fullmatch(text):
                if not item.rate:
                    sink.place(f"{path}[{index}].extensions[{X_RATE}]", line, piece.column, "RTD")
                item.rate.append(text)
            else:
                sink.bad(
                    line,
                    piece.column,
                    "RTD",
                    value=text,
                    expected="P<pieces>, K<weight> or L<weight>, C, S, W, R or T elements",
                )
    for index, item in enumerate(items):
        for (line, column), fields in zip(item.code_columns, tariff_paths(item.codes), strict=True):
            for name in fields:
                sink.place(f"{path}[{index}].{name}", line, column, "RTD/NH")
    return tuple(_goods(item, number) for number, item in enumerate(items, start=1))


def _detail(item: _Item, code: str, value: str, line: Line, column: int, sink: Sink, path: str) -> None:
    if code in ("NG", "NC"):
        item.description.append(value)
        item.consolidation = code == "NC"
        if len(item.description) == 1:
            sink.place(f"{path}.description", line, column, f"RTD/{code}")
    elif code == "NV":
        match = VOLUME.fullmatch(value)
        if match is None:
            sink.bad(
                line,
                column,
                "RTD/NV",
                value=value,
                expected="MC, CF, CI or CC and an amount",
            )
            return
        item.volume = Quantity(value=decimal_of(match.group(2)), unit=VOLUME_UNITS[match.group(1)])
        sink.place(f"{path}.volume", line, column, "RTD/NV")
    elif code == "NH":
        if not value.isalnum():
            sink.bad(
                line,
                column,
                "RTD/NH",
                value=value,
                expected="letters and digits",
            )
            return
        item.codes.append(value)
        item.code_columns.append((line, column))
    elif code == "NO":
        if COUNTRY.fullmatch(value) is None:
            sink.bad(
                line,
                column,
                "RTD/NO",
                value=value,
                expected="ISO 3166 2-letter code",
            )
            return
        item.origin = value
        sink.place(f"{path}.origin_country", line, column, "RTD/NO")
    elif code == "NU":
        if ULD_ID.fullmatch(value) is None:
            sink.bad(line, column, "RTD/NU", value=value, expected="<type, 3><serial, 4-5><owner, 2>")
            return
        if not item.ulds:
            sink.place(f"{path}.equipment_ids", line, column, "RTD/NU")
        item.ulds.append(value)
    else:
        item.details.append(f"{code}/{value}")


def _goods(item: _Item, sequence: int) -> GoodsItem:
    hs_code, tariffs, derived = tariff_codes_of(item.codes)
    extensions: dict[str, str] = {}
    rate, rest = read_rate(item.rate, item.weight.unit if item.weight else WEIGHT_UNITS["K"])
    if rest:
        extensions[X_RATE] = "/".join(rest)
    if item.consolidation:
        extensions[X_CONSOLIDATION] = "1"
    if item.details:
        extensions[X_DETAILS] = "\n".join(item.details)
    if derived:
        extensions[X_HS_DERIVED] = "1"
    return GoodsItem(
        sequence=sequence,
        description=" ".join(item.description) if item.description else None,
        packages=Packages(count=item.pieces) if item.pieces is not None else None,
        gross_weight=item.weight,
        volume=item.volume,
        hs_code=hs_code,
        tariff_codes=tariffs,
        origin_country=item.origin,
        equipment_ids=tuple(item.ulds),
        rate=rate,
        extensions=extensions,
    )


def ulds_of(goods: tuple[GoodsItem, ...]) -> tuple[Equipment, ...]:
    """The ULDs the rate lines name (NU), in order, as equipment of the consignment."""
    found: dict[str, Equipment] = {}
    for item in goods:
        for identifier in item.equipment_ids:
            found.setdefault(
                identifier, Equipment(kind=EquipmentKind.ULD, initial=identifier[:3], number=identifier[3:])
            )
    return tuple(found.values())


def write_rtd(
    goods: tuple[GoodsItem, ...], out: TextWriter, path: str, known: Mapping[str, Equipment] | None = None
) -> list[str]:
    """The rate lines of ``goods``; an item with nothing for its rate line (no pieces, weight or charge) is not
    written, since RTD has no empty rate line, and reading the message back lists its values as not carried. An
    item's equipment is written in NU only when it is a unit load device (``known``: the equipment described, by
    identifier); a container or a trailer is listed as not written (IMP104)."""

    lines: list[str] = []
    count = 0
    for index, item in enumerate(goods):
        where = f"{path}[{index}]"
        elements = []
        if item.packages is not None:
            elements.append(f"P{item.packages.count}")
        weight_code = WEIGHT_CODES.get(item.gross_weight.unit, "K") if item.gross_weight else "K"
        if item.gross_weight is not None:
            elements.append(weight_code + decimal_text(item.gross_weight.value))
        if item.extensions.get(X_RATE):
            elements.append(item.extensions[X_RATE])
        elements.extend(rate_elements(item.rate, WEIGHT_UNITS[weight_code]))
        if not elements:
            continue
        count += 1
        lines.append(("RTD" if not lines else "") + f"/{count}/" + "/".join(elements))
        details: list[str] = []
        if item.description:
            code = "NC" if item.extensions.get(X_CONSOLIDATION) else "NG"
            details.extend(
                f"{code}/{piece}" for piece in out.chunks(item.description, f"{where}.description", DESCRIPTION_SIZE)
            )
        kept = [d for d in item.extensions.get(X_DETAILS, "").split("\n") if d.startswith(("ND/", "NS/"))]
        # Dimensions, ULDs and volume before the shipper's load and count, as IATA's FWB/17 example and airline
        # traffic write them (gumraq/iata-messages fwb17.txt; tyroneous9/CargoIMP-Compiler fwb_test.txt); the kept
        # ND and NS lines stay in their order, split after the last ND.
        split = max((n + 1 for n, d in enumerate(kept) if d.startswith("ND/")), default=0)
        details.extend(kept[:split])
        for number, identifier in enumerate(item.equipment_ids):
            if names_a_uld(identifier, known or {}):
                details.append(f"NU/{identifier}")
            else:
                field = f"{where}.equipment_ids[{number}]"
                out.losses.append(NOT_A_ULD(field=field, value=identifier, message=out.message))
        if item.volume is not None and item.volume.unit in VOLUME_CODES:
            details.append(f"NV/{VOLUME_CODES[item.volume.unit]}{decimal_text(item.volume.value)}")
        details.extend(kept[split:])
        derived = bool(item.extensions.get(X_HS_DERIVED))
        codes = codes_of_tariffs(item.hs_code, item.tariff_codes, derived, out, where, "RTD/NH")
        details.extend(f"NH/{code}" for code in codes)
        if item.origin_country:
            details.append(f"NO/{item.origin_country}")
        for number, detail in enumerate(details):
            if number == 0:
                lines.append(f"/{detail}")
            else:
                count += 1
                lines.append(f"/{count}/{detail}")
    return lines
