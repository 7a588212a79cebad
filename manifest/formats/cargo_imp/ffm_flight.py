"""The flight line of a flight manifest (FFM/8 ``<part>/<carrier><flight>/<DDMON>[HHMM]/<airport of loading>
[/<aircraft registration>][/<country>/<DDMONHHMM>/<airport of first arrival>]``) and the parts of a flight: which
flight a message is of, its part number, whether it ends CONT and the next message continues it, and the parts of a
file that do not join up (:class:`PartsInFile`)."""

from __future__ import annotations

from datetime import date

from manifest.diagnostics import Diagnostic
from manifest.formats.cargo_imp.codes import CONT_WITHOUT_LAST
from manifest.formats.cargo_imp.elements import AIRPORT, COUNTRY, FLIGHT, airport, parse_day_month
from manifest.formats.cargo_imp.lines import Line
from manifest.formats.cargo_imp.message import RawMessage
from manifest.formats.cargo_imp.sink import Sink
from manifest.formats.readers import ascii_digits
from manifest.model import Carrier, Conveyance, Manifest, Mode, Place, Stop


def flight_key(message: RawMessage) -> tuple[str, str] | None:
    """The flight a part belongs to (carrier and flight number, day and month of departure), None without one."""
    if message.kind != "FFM" or not message.body:
        return None
    pieces = message.body[0].text.split("/")
    return (pieces[1], pieces[2][:5]) if len(pieces) > 2 else None


def part_number(message: RawMessage) -> int | None:
    head = message.body[0].text.split("/", 1)[0] if message.body else ""
    return int(head) if ascii_digits(head) and len(head) <= 3 else None


def ends_continued(message: RawMessage) -> Line | None:
    """The CONT line a part ends with, if it does: the next part of the flight is another message."""
    last = message.body[-1] if message.body else None
    return last if last is not None and last.text.rstrip() == "CONT" else None


def continues(previous: RawMessage, message: RawMessage) -> bool:
    """Whether ``message`` is the part of a flight manifest that ``previous`` (ending CONT) is continued by."""
    key = flight_key(message)
    return ends_continued(previous) is not None and key is not None and key == flight_key(previous)


class PartsInFile:
    """The flight manifests of one file, group after group: a part ending CONT whose flight comes back later in the
    file, not in the message right after it, does not join up with the rest (Cargo-IMP FFM message sequence). A
    part read alone, whatever its number and end, is a message as it was sent and received."""

    def __init__(self) -> None:
        self._open: dict[tuple[str, str], Line] = {}  # flight -> CONT line of its last group

    def check(self, group: list[RawMessage]) -> list[Diagnostic]:
        key = flight_key(group[0])
        if key is None:
            return []
        found: list[Diagnostic] = []
        left = self._open.pop(key, None)
        if left is not None:
            found.append(CONT_WITHOUT_LAST(line=left.number, column=1, location="CONT", value=key[0], message="FFM"))
        end = ends_continued(group[-1])
        if end is not None:
            self._open[key] = end
        return found


def flight_header(message: RawMessage, sink: Sink, reference: date) -> Manifest:
    if not message.body:
        sink.bad(
            message.smi,
            1,
            "flight",
            value="",
            expected="<part>/<carrier><flight>/<DDMON>/<airport of loading>",
        )
        return Manifest(mode=Mode.AIR)
    line = message.body[0]
    pieces = line.fields()
    carrier = conveyance = trip = departure = arrival = None
    if part_number(message) is None:
        sink.bad(
            line,
            1,
            "flight/part",
            value=pieces[0].text,
            expected="a message part number, 1 to 3 digits",
        )
    flight = FLIGHT.fullmatch(pieces[1].text) if len(pieces) > 1 else None
    registration = None
    if flight is None:
        sink.bad(
            line,
            pieces[1].column if len(pieces) > 1 else 1,
            "flight/flight",
            value=pieces[1].text if len(pieces) > 1 else line.text,
            expected="carrier code and 3 or 4 digit flight number",
        )
    else:
        carrier = Carrier(iata_code=flight.group(1))
        trip = flight.group()
        sink.place("carrier.iata_code", line, pieces[1].column, "flight/carrier")
        sink.place("conveyance.flight_number", line, pieces[1].column, "flight/flight")
        sink.place("trip_number", line, pieces[1].column, "flight/flight")
    moment = parse_day_month(pieces[2].text, reference) if len(pieces) > 2 else None
    if moment is None:
        sink.bad(
            line,
            pieces[2].column if len(pieces) > 2 else len(line.text) + 1,
            "flight/date",
            value=pieces[2].text if len(pieces) > 2 else "",
            expected="DDMON or DDMONHHMM",
        )
    else:
        sink.place("departure.moment", line, pieces[2].column, "flight/date")
    loading = pieces[3].text if len(pieces) > 3 else ""
    if AIRPORT.fullmatch(loading):
        departure = Stop(place=airport(loading), moment=moment)
        sink.place("departure.place", line, pieces[3].column, "flight/loading")
    else:
        sink.bad(
            line,
            pieces[3].column if len(pieces) > 3 else len(line.text) + 1,
            "flight/loading",
            value=loading,
            expected="3-letter IATA code",
        )
    rest = pieces[4:]
    if len(rest) in (1, 4):
        registration = rest[0].text or None
        sink.place("conveyance.aircraft_registration", line, rest[0].column, "flight/registration")
        rest = rest[1:]
    if len(rest) == 3:
        country, when, place = rest
        arrived = parse_day_month(when.text, reference)
        if COUNTRY.fullmatch(country.text) is None or arrived is None or AIRPORT.fullmatch(place.text) is None:
            sink.bad(
                line,
                country.column,
                "flight/first-arrival",
                value="/".join(p.text for p in rest),
                expected="<country>/<DDMONHHMM>/<airport>",
            )
        else:
            arrival = Stop(
                place=Place(code=place.text, scheme=airport(place.text).scheme, country=country.text), moment=arrived
            )
            sink.place("arrival", line, country.column, "flight/first-arrival")
            sink.place("arrival.place.country", line, country.column, "flight/first-arrival/country")
            sink.place("arrival.moment", line, when.column, "flight/first-arrival/date")
            sink.place("arrival.place", line, place.column, "flight/first-arrival/airport")
    elif rest:
        sink.bad(
            line,
            rest[0].column,
            "flight",
            value=line.text,
            expected="[/aircraft registration][/country/DDMONHHMM/airport]",
        )
    if trip is not None or registration is not None:
        conveyance = Conveyance(flight_number=trip, aircraft_registration=registration)
    return Manifest(
        mode=Mode.AIR, carrier=carrier, conveyance=conveyance, trip_number=trip, departure=departure, arrival=arrival
    )
