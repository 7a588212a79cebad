"""The flight: a LogisticsTransportMovement (XFFM) or the first SpecifiedLogisticsTransportMovement (XFWB).

Verified against the real XFWB samples: StageCode, ModeCode (UN/ECE Recommendation 19, 4 = air), Mode, ID (the
flight: carrier designator and number, e.g. ``LH5050``), SequenceNumeric, UsedLogisticsTransportMeans/Name (the
carrier's two-character designator), ArrivalEvent and DepartureEvent with ScheduledOccurrenceDateTime and the
Occurrence*Location airport. XFFM uses DepartureOccurrenceDateTime/ArrivalOccurrenceDateTime instead (JAXB classes of
the XFFM XSD). UsedLogisticsTransportMeans/ID as the aircraft registration and Type as the aircraft type follow the
UN/CEFACT LogisticsTransportMeans (identification and type of the means); no real sample shows them.
"""

from __future__ import annotations

import re
from typing import Any

from manifest.formats.cargo_xml import codes, values
from manifest.formats.cargo_xml.build import Node
from manifest.formats.cargo_xml.schema import AIR_MODE_CODE
from manifest.formats.cargo_xml.source import Reading
from manifest.model import Carrier, Conveyance, Manifest, Stop

_DESIGNATOR = re.compile(r"[A-Z0-9]{2}")


def check_mode(reading: Reading, movement: Any, take: bool = True) -> None:
    """Report a movement that is not by air; ``take`` the air mode code when the writer puts it back by default."""
    mode = reading.find(movement, "ModeCode")
    if mode is None:
        reading.report(codes.NO_MODE_CODE(**reading.at(movement), movement=reading.xpath(movement)))
    elif (mode.text or "").strip() == AIR_MODE_CODE:
        if take:
            reading.take(mode)
    else:
        reading.report(
            codes.NOT_AIR_MODE(**reading.at(mode), value=(mode.text or "").strip(), movement=reading.xpath(movement))
        )


def read_flight(reading: Reading, movement: Any) -> dict[str, Any]:
    """Carrier, conveyance and trip number of a movement, as keyword arguments of :class:`Manifest`."""
    check_mode(reading, movement)
    flight = reading.text(movement, "ID", "conveyance.flight_number")
    if flight is not None:
        reading.place("trip_number", reading.find(movement, "ID"))
    means = reading.find(movement, "UsedLogisticsTransportMeans")
    carrier = conveyance = None
    registration = aircraft_type = None
    if means is not None:
        name = reading.text(means, "Name")
        if name is not None:
            designator = _DESIGNATOR.fullmatch(name) is not None
            reading.place("carrier.iata_code" if designator else "carrier.name", reading.find(means, "Name"))
            carrier = Carrier(iata_code=name) if designator else Carrier(name=name)
        registration = reading.text(means, "ID", "conveyance.aircraft_registration")
        aircraft_type = reading.text(means, "Type", "conveyance.type_code")
    if flight is not None or registration is not None or aircraft_type is not None:
        conveyance = Conveyance(flight_number=flight, aircraft_registration=registration, type_code=aircraft_type)
    return {"carrier": carrier, "conveyance": conveyance, "trip_number": flight}


def read_stop(reading: Reading, event: Any | None, location: str, moment: str, field: str) -> Stop | None:
    if event is None:
        return None
    place = values.airport(reading, reading.find(event, location), f"{field}.place")
    when = values.moment(reading, event, moment, f"{field}.moment")
    if place is None:
        if when is not None:
            reading.release(reading.find(event, moment))
        return None
    reading.place(field, event)
    return Stop(place=place, moment=when)


def write_flight(node: Node, manifest: Manifest) -> None:
    node.set("ModeCode", AIR_MODE_CODE)
    conveyance = manifest.conveyance
    node.set("ID", (conveyance.flight_number if conveyance else None) or manifest.trip_number)
    carrier = manifest.carrier
    if carrier is not None:
        node.set("UsedLogisticsTransportMeans/Name", carrier.iata_code or carrier.name)
    if conveyance is not None:
        node.set("UsedLogisticsTransportMeans/ID", conveyance.aircraft_registration)
        node.set("UsedLogisticsTransportMeans/Type", conveyance.type_code)


def write_stop(node: Node, stop: Stop | None, location: str, moment: str, event: str = "") -> None:
    """Put ``stop`` in the ``event`` element under ``node`` (``node`` itself when no event is named)."""
    if stop is None:
        return
    node = node.walk(event)
    if stop.moment is not None:
        node.set(moment, values.moment_text(stop.moment))
    values.write_place(node, location, stop.place)
