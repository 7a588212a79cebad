"""Data elements shared by the Cargo-IMP messages: parsed from a line with their columns, and written back.

Element formats, with their sources:

- AWB identification: DE112 airline prefix (3 digits), hyphen, DE113 serial number (8 digits); origin and
  destination DE313 (3 letters each). FWB/14 ABNF ``AWBConsignmentDetail``; FFM/8 and FHL/5 ``awbIdentification``.
- Quantity detail: slant, DE703 shipment description code (T total, P part, and in FFM S split, D divided), DE701
  number of pieces (1 to 4 digits), DE601 weight code (K kilograms, L pounds), DE600 weight (digits with an
  optional decimal part). FWB/14 ABNF ``QuantityDetail``; FFM/8 ``quantityDetail``.
- Volume detail: a two-letter volume code (MC cubic metres, CF cubic feet, CI cubic inches, CC cubic centimetres)
  and an amount; density group: ``DG`` and one or two digits. FWB/17 and FFM/8 ``volumeDetail``, ``densityGroup``.
- Special handling codes: three letters or digits each, slant-separated (``/GEN/EAP``). FFM/8 ``shrs``, FWB SPH.
- Other customs, security and regulatory control information (OCI): ``/country/information id/control id/text``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from manifest.diagnostics import Diagnostic
from manifest.formats.cargo_imp.codes import ALTERED, EXPECTED_ES, UNFIT
from manifest.formats.cargo_imp.lines import Line
from manifest.formats.cargo_imp.sink import Sink
from manifest.model import CustomsNote, Packages, Place, PlaceScheme, Quantity, TariffCode

WEIGHT_UNITS = {"K": "KGM", "L": "LBR"}  # DE601 weight code -> UN/ECE Rec. 20
WEIGHT_CODES = {unit: code for code, unit in WEIGHT_UNITS.items()}
VOLUME_UNITS = {"MC": "MTQ", "CF": "FTQ", "CI": "INQ", "CC": "CMQ"}  # volume code -> UN/ECE Rec. 20
VOLUME_CODES = {unit: code for code, unit in VOLUME_UNITS.items()}
MONTHS = ("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC")

AWB_NUMBER = re.compile(r"[0-9]{3}-[0-9]{8}")
AIRPORT = re.compile(r"[A-Z]{3}")
QUANTITY = re.compile(r"([TPSD])([0-9]{1,4})([KL])([0-9]{1,7}(?:[.,][0-9]{1,3})?)")
VOLUME = re.compile(r"(MC|CF|CI|CC)([0-9]{1,9}(?:[.,][0-9]{1,3})?)")
DENSITY = re.compile(r"DG([0-9]{1,2})")
TOTAL_PIECES = re.compile(r"T([0-9]{1,4})")
SHC = re.compile(r"[A-Z0-9]{3}")
COUNTRY = re.compile(r"[A-Z]{2}")
FLIGHT = re.compile(r"([A-Z0-9]{2})([0-9]{3,4}[A-Z]?)")  # DE312 carrier code + DE800 flight number
DAY_MONTH_TIME = re.compile(r"([0-9]{2})(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)([0-9]{4})?")

# Cargo-IMP text is Type B teletype text: upper-case letters, digits, space and a few signs; the slant separates
# fields and cannot appear inside one.
_FREE_TEXT = re.compile(r"[A-Z0-9 .,\-()'?:+=&]*")


def airport(code: str) -> Place:
    return Place(code=code, scheme=PlaceScheme.IATA_AIRPORT)


def decimal_of(text: str) -> Decimal:
    return Decimal(text.replace(",", "."))


def decimal_text(value: Decimal) -> str:
    return format(value, "f")


def weight_of(code: str, amount: str) -> Quantity:
    return Quantity(value=decimal_of(amount), unit=WEIGHT_UNITS[code])


@dataclass(slots=True)
class AwbDetail:
    """The AWB consignment detail shared by FWB, FHL (MBI) and FFM, with the column of each element."""

    number: str = ""
    origin: str | None = None
    destination: str | None = None
    code: str = "T"
    pieces: int = 0
    weight: Quantity | None = None
    volume: Quantity | None = None
    density: str | None = None
    total_pieces: int | None = None
    end: int = 0  # offset just past the last element read
    columns: dict[str, int] = field(default_factory=dict)


def parse_awb_detail(line: Line, start: int, sink: Sink, location: str, *, ffm: bool = False) -> AwbDetail | None:
    """Read ``PPP-SSSSSSSS[OOO]DDD/T<n>K<w>[vol][DGn][T<n>]`` from ``start``; None when the number is unreadable."""
    text = line.text
    found = AwbDetail()
    match = AWB_NUMBER.match(text, start)
    if match is None:
        bad = text[start:].split("/")[0]
        sink.bad(
            line,
            start + 1,
            f"{location}/awb",
            value=bad,
            expected="PPP-SSSSSSSS (3-digit prefix, hyphen, 8-digit serial)",
        )
        return None
    found.number = match.group()
    found.columns["number"] = start + 1
    pos = match.end()
    codes = AIRPORT.match(text, pos)
    second = AIRPORT.match(text, pos + 3) if codes else None
    if codes and second:
        found.origin, found.destination = codes.group(), second.group()
        found.columns["origin"], found.columns["destination"] = pos + 1, pos + 4
        pos += 6
    elif codes and ffm:
        # FFM/8 awbOriginAndDestination: the origin may be left out.
        found.destination = codes.group()
        found.columns["destination"] = pos + 1
        pos += 3
    else:
        bad = text[pos:].split("/")[0]
        sink.bad(
            line,
            pos + 1,
            f"{location}/origin-destination",
            value=bad,
            expected="two 3-letter IATA airport codes",
        )
        pos += len(bad)
    quantity = QUANTITY.match(text, pos + 1) if text[pos : pos + 1] == "/" else None
    if quantity is None or (not ffm and quantity.group(1) not in "TP"):
        bad = text[pos + 1 :].split("/")[0]
        sink.bad(
            line,
            pos + 2,
            f"{location}/quantity",
            value=bad,
            expected="T<pieces>K<weight> or T<pieces>L<weight>",
        )
        found.end = len(text) if quantity is None else quantity.end()
        return found
    found.code, found.pieces = quantity.group(1), int(quantity.group(2))
    found.weight = weight_of(quantity.group(3), quantity.group(4))
    found.columns["pieces"], found.columns["weight"] = pos + 3, quantity.start(3) + 1
    pos = quantity.end()
    volume = VOLUME.match(text, pos)
    if volume:
        found.volume = Quantity(value=decimal_of(volume.group(2)), unit=VOLUME_UNITS[volume.group(1)])
        found.columns["volume"] = pos + 1
        pos = volume.end()
    density = DENSITY.match(text, pos)
    if density:
        found.density = density.group(1)
        found.columns["density"] = pos + 1
        pos = density.end()
    total = TOTAL_PIECES.match(text, pos) if ffm else None
    if total:
        found.total_pieces = int(total.group(1))
        found.columns["total_pieces"] = pos + 1
        pos = total.end()
    found.end = pos
    return found


def awb_detail_fields(detail: AwbDetail, line: Line, sink: Sink, path: str, location: str) -> dict[str, object]:
    """The fields of the consignment at ``path`` that an air waybill's detail gives (FWB AWB line, FHL MBI line):
    its airports of loading and discharge, pieces and weight, each placed at its column."""
    fields: dict[str, object] = {}
    if detail.origin:
        fields["place_of_loading"] = airport(detail.origin)
        sink.place(f"{path}.place_of_loading", line, detail.columns["origin"], f"{location}/origin")
    if detail.destination:
        fields["place_of_discharge"] = airport(detail.destination)
        sink.place(f"{path}.place_of_discharge", line, detail.columns["destination"], f"{location}/destination")
    if detail.weight is not None:
        fields["total_packages"] = Packages(count=detail.pieces)
        fields["gross_weight"] = detail.weight
        sink.place(f"{path}.total_packages", line, detail.columns["pieces"], f"{location}/pieces")
        sink.place(f"{path}.gross_weight", line, detail.columns["weight"], f"{location}/weight")
    return fields


def awb_detail_text(
    number: str,
    origin: str | None,
    destination: str | None,
    code: str,
    pieces: int | None,
    weight: Quantity | None,
    volume: Quantity | None = None,
    density: str | None = None,
    total_pieces: int | None = None,
) -> str:
    text = f"{number}{origin or ''}{destination or ''}/{code}{'' if pieces is None else pieces}"
    if weight is not None:
        text += WEIGHT_CODES.get(weight.unit, "K") + decimal_text(weight.value)
    if volume is not None and volume.unit in VOLUME_CODES:
        text += VOLUME_CODES[volume.unit] + decimal_text(volume.value)
    if density:
        text += f"DG{density}"
    if total_pieces is not None:
        text += f"T{total_pieces}"
    return text


def parse_shc(line: Line, start: int, sink: Sink, location: str) -> list[tuple[str, int]]:
    """Special handling codes ``/GEN/EAP`` from offset ``start`` (a slant), each with its column."""
    found: list[tuple[str, int]] = []
    for piece in line.fields(start)[1:]:
        if SHC.fullmatch(piece.text) is None:
            sink.bad(
                line,
                piece.column,
                location,
                value=piece.text,
                expected="3 letters or digits",
            )
            continue
        found.append((piece.text, piece.column))
    return found


def parse_oci(line: Line, sink: Sink, location: str) -> CustomsNote | None:
    """One OCI detail: ``OCI/<country>/<information id>/<control id>/<text>`` or its ``/...`` continuation."""
    pieces = line.fields()[1:]
    if len(pieces) < 4:
        sink.bad(
            line,
            1,
            location,
            value=line.text,
            expected="/country/information identifier/control identifier/text",
        )
        return None
    country, subject, control = (p.text or None for p in pieces[:3])
    if country is not None and COUNTRY.fullmatch(country) is None:
        sink.bad(line, pieces[0].column, location, value=country, expected="2 letters")
    content = "/".join(p.text for p in pieces[3:]) or None
    return CustomsNote(country=country, subject=subject, content_code=control, content=content)


def oci_lines(notes: Sequence[CustomsNote], out: TextWriter, path: str) -> list[str]:
    """The OCI line and its continuations, one per customs note of the consignment at ``path``. A country that is
    not an ISO 3166 two-letter code is not written in the note's country element (IMP108)."""
    return [
        ("OCI" if number == 0 else "") + _oci_text(note, out, f"{path}[{number}]") for number, note in enumerate(notes)
    ]


def _oci_text(note: CustomsNote, out: TextWriter, path: str) -> str:
    country = note.country
    if country and COUNTRY.fullmatch(country) is None:
        out.losses.append(
            UNFIT(
                field=f"{path}.country",
                value=country,
                expected="2 letters",
                expected_es=EXPECTED_ES["2 letters"],
                element="OCI/country",
                message=out.message,
            )
        )
        country = None
    return "/" + "/".join(value or "" for value in (country, note.subject, note.content_code, note.content))


def resolve_day(day: int, month: int, reference: date) -> date | None:
    """The date with this day and month nearest to ``reference``: Cargo-IMP flight dates carry no year."""
    candidates: list[date] = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda d: abs((d - reference).days))


def parse_day_month(text: str, reference: date) -> date | datetime | None:
    """``15NOV`` or ``15NOV0130``; None when not a real day."""
    match = DAY_MONTH_TIME.fullmatch(text)
    if match is None:
        return None
    day = resolve_day(int(match.group(1)), MONTHS.index(match.group(2)) + 1, reference)
    if day is None or match.group(3) is None:
        return day
    hours, minutes = int(match.group(3)[:2]), int(match.group(3)[2:])
    if hours > 23 or minutes > 59:
        return None
    return datetime(day.year, day.month, day.day, hours, minutes)


def day_month_text(moment: date | datetime) -> str:
    text = f"{moment.day:02d}{MONTHS[moment.month - 1]}"
    if isinstance(moment, datetime):
        text += f"{moment.hour:02d}{moment.minute:02d}"
    return text


def tariff_codes_of(codes: list[str]) -> tuple[str | None, tuple[TariffCode, ...], bool]:
    """Harmonised commodity codes as written -> (HS subheading, national codes, HS derived from the first code).

    The model keeps the 6-digit HS subheading in ``hs_code`` and longer national codes (US HTS for the ACAS use of
    these lines) in ``tariff_codes``.
    """
    if not codes:
        return None, (), False
    first, rest = codes[0], codes[1:]
    tariffs: list[TariffCode] = []
    derived = False
    if re.fullmatch(r"[0-9]{6}", first):
        hs: str | None = first
    elif re.fullmatch(r"[0-9]{7,}", first):
        hs, derived = first[:6], True
        tariffs.append(TariffCode(scheme="us-hts", code=first))
    else:
        hs = None
        tariffs.append(TariffCode(scheme="hs", code=first))
    tariffs.extend(TariffCode(scheme="hs" if len(c) <= 6 else "us-hts", code=c) for c in rest)
    return hs, tuple(tariffs), derived


def tariff_paths(codes: list[str]) -> list[tuple[str, ...]]:
    """For each code as written, the goods item fields it fills (relative paths), as :func:`tariff_codes_of` maps."""
    if not codes:
        return []
    first = codes[0]
    if re.fullmatch(r"[0-9]{6}", first):
        return [("hs_code",), *((f"tariff_codes[{n}]",) for n in range(len(codes) - 1))]
    heads: tuple[str, ...] = (
        ("hs_code", "tariff_codes[0]") if re.fullmatch(r"[0-9]{7,}", first) else ("tariff_codes[0]",)
    )
    return [heads, *((f"tariff_codes[{n}]",) for n in range(1, len(codes)))]


def codes_of_tariffs(
    hs_code: str | None, tariffs: tuple[TariffCode, ...], derived: bool, out: TextWriter, path: str, element: str
) -> list[str]:
    """The harmonised commodity codes of the goods item at ``path`` as ``element`` (HTS, RTD NH) writes them: letters
    and digits, as its reader takes them. An empty code is none; one of other characters is not written (IMP108)."""
    given = [] if hs_code is None or derived else [(f"{path}.hs_code", hs_code)]
    given.extend((f"{path}.tariff_codes[{number}].code", tariff.code) for number, tariff in enumerate(tariffs))
    codes: list[str] = []
    for at, code in given:
        if code.isascii() and code.isalnum():
            codes.append(code)
        elif code:
            expected = "letters and digits"
            out.losses.append(
                UNFIT(
                    field=at,
                    value=code,
                    expected=expected,
                    expected_es=EXPECTED_ES[expected],
                    element=element,
                    message=out.message,
                )
            )
    return codes


class TextWriter:
    """Free text for a Cargo-IMP field: upper-case, no slants or line breaks; every change is a reported loss."""

    def __init__(self, message: str) -> None:
        self.message = message
        self.losses: list[Diagnostic] = []
        self.notes: list[Diagnostic] = []  # mandatory lines not written for want of a model value

    def text(self, value: str, path: str) -> str:
        written = value.upper().replace("/", " ").replace("\r", " ").replace("\n", " ")
        written = "".join(c if _FREE_TEXT.fullmatch(c) else " " for c in written)
        if written != value:
            self.losses.append(self.altered(path, value, written))
        return written

    def altered(self, path: str, value: str, written: str) -> Diagnostic:
        return ALTERED(field=path, value=value, written=written)

    def chunks(self, value: str, path: str, size: int) -> list[str]:
        """``value`` cut at spaces into pieces of at most ``size`` characters (a reader joins them with a space)."""
        words = self.text(value, path).split(" ")
        pieces: list[str] = []
        current = ""
        for word in words:
            while len(word) > size:
                if current:
                    pieces.append(current)
                    current = ""
                pieces.append(word[:size])
                word = word[size:]
            if not current:
                current = word
            elif len(current) + 1 + len(word) <= size:
                current += " " + word
            else:
                pieces.append(current)
                current = word
        pieces.append(current)
        return pieces
