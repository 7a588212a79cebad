"""What of a manifest the air cargo messages (Cargo-IMP, Cargo-XML) can name as what it is.

An air message names a flight by its flight designator and a place by its IATA airport code (IATA Resolution 763
location identifier: Cargo-IMP DE313, Cargo-XML OccurrenceDepartureLocation/ID, OriginLocation/ID ...). A surface
manifest's trip (a vessel voyage, a train, a truck trip) is no flight, and a UN/LOCODE, a Schedule D port or a SAT
aduana is no airport code: written there, it would name a flight or an airport that is not meant. So a writer of an
air message is given the manifest as :func:`air_view` sees it: a place code that is not an airport code becomes the
airport of the same port where the crosswalk names one (``USLAX``: ``LAX``, the same place in the airport's words),
and is otherwise left out; a surface trip number is left out, and so is an air trip number that is not a flight
designator. Each value left out is returned, by model path, for
the writer to list as not written. So is each container, rail car or trailer: the messages name unit load devices
only (Cargo-XML UtilizedUnitLoadTransportEquipment, Cargo-IMP ULD and NU lines), and their writers write no other
equipment (:func:`unit_load_device`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from manifest import codelists
from manifest.model import (
    Consignment,
    Equipment,
    EquipmentKind,
    Manifest,
    Mode,
    Money,
    Place,
    PlaceScheme,
    Quantity,
    Stop,
)
from manifest.slotted import record

FLIGHT = "flight"
DESIGNATOR = "designator"
AIRPORT = "airport"
ULD = "uld"
WEIGHT = "weight"
AIRCRAFT = "aircraft"
PIECES = "pieces"
MONEY = "money"
# CartaPorte31.xsd TransporteAereo@MatriculaAeronave: letters, digits and hyphens, 5 to 11 (SAT-AIR-004).
AIRCRAFT_REGISTRATION = re.compile(r"[A-Z0-9-]{5,11}")
# IATA Standard Schedules Information Manual, flight designator: the airline designator (two characters), 1 to 4
# digits and an optional operational suffix (CBP-AIR-011 checks the same form).
FLIGHT_DESIGNATOR = re.compile(r"[A-Z0-9]{2}[0-9]{1,4}[A-Z]?")
# Cargo-IMP DE601 and the Cargo-XML weights: kilograms or pounds (UN/ECE Rec 20 KGM, LBR), as CBP-AIR-008 checks.
AIR_WEIGHT_UNITS = frozenset({"KGM", "LBR"})
# What a value left out is not, in English and Spanish, for the writers' findings.
NOT_OF_KIND = {
    FLIGHT: (
        "a flight: it is the trip of a surface conveyance",
        "un vuelo: es el viaje de un transporte de superficie",
    ),
    DESIGNATOR: (
        "a flight designator (an airline designator, 1 to 4 digits and an optional suffix)",
        "un designador de vuelo (designador de aerolínea, de 1 a 4 dígitos y un sufijo opcional)",
    ),
    AIRPORT: (
        "an IATA airport code, and the crosswalk names no airport for that port",
        "un código IATA de aeropuerto, y la tabla de equivalencias no da aeropuerto para ese puerto",
    ),
    ULD: ("a unit load device", "un dispositivo unitario de carga"),
    WEIGHT: ("a weight in kilograms or pounds", "un peso en kilogramos o libras"),
    AIRCRAFT: ("an aircraft registration", "una matrícula de aeronave"),
    PIECES: ("a count of pieces greater than zero", "un número de piezas mayor que cero"),
    MONEY: ("an amount in an ISO 4217 currency", "un importe en una moneda ISO 4217"),
}


@record
class LeftOut:
    """A value an air message has no place of its kind for: its model path, the value and what it is not."""

    field: str
    value: str
    kind: str  # FLIGHT, AIRPORT, ULD, WEIGHT, AIRCRAFT or PIECES


def unit_load_device(equipment: Equipment) -> bool:
    """Whether an air message can name ``equipment``: a ULD, not a container, rail car or trailer."""
    return equipment.kind is EquipmentKind.ULD


def airport_code(place: Place) -> str | None:
    """The IATA airport code of ``place``: its own code when it is one (scheme iata-airport, or no scheme and a code
    of the IATA airport list: three letters alone are not one, 'ZZZ' or 'ĸĖú'), else the crosswalk's airport of the
    same port, else None."""
    code = place.code or ""
    if place.scheme is PlaceScheme.IATA_AIRPORT or (place.scheme is None and codelists.contains("iata-airport", code)):
        return code
    scheme = place.scheme.value if place.scheme is not None else None
    if scheme is not None and scheme not in codelists.PLACE_CODE_COLUMNS:
        return None
    return codelists.airport_of_code(code, scheme) if code else None


def air_view(manifest: Manifest) -> tuple[Manifest, tuple[LeftOut, ...]]:
    """``manifest`` with only what an air message can name as what it is, and each value left out."""
    left: list[LeftOut] = []

    def place(value: Place | None, path: str) -> Place | None:
        if value is None or not value.code:
            return value
        airport = airport_code(value)
        if airport is not None and manifest.mode is not Mode.AIR and not codelists.contains("iata-airport", airport):
            # A surface manifest's code that IATA's list lacks names no airport, whatever scheme the model gives it;
            # an air manifest's own code is its own to answer for (CBP-AIR-015 reports it there).
            airport = None
        if airport == value.code:
            return value
        if airport is None:
            left.append(LeftOut(f"{path}.code", value.code, AIRPORT))
            return replace(value, code=None, scheme=None)
        return replace(value, code=airport, scheme=PlaceScheme.IATA_AIRPORT)

    left.extend(
        LeftOut(f"equipment[{i}]", e.identifier, ULD)
        for i, e in enumerate(manifest.equipment)
        if not unit_load_device(e)
    )
    left.extend(
        LeftOut(f"consignments[{i}].equipment[{j}]", e.identifier, ULD)
        for i, c in enumerate(manifest.consignments)
        for j, e in enumerate(c.equipment)
        if not unit_load_device(e)
    )
    trip = manifest.trip_number
    if trip and manifest.mode is not Mode.AIR:
        left.append(LeftOut("trip_number", trip, FLIGHT))
        trip = None
    elif trip and not FLIGHT_DESIGNATOR.fullmatch(trip):
        # An air manifest's trip number is its flight, which the messages write as a flight designator and their
        # readers read back as the conveyance's flight number (CBP-AIR-011): no rule holds the trip number to that
        # form, so one of another form is left out rather than written as a flight the file would be refused for.
        left.append(LeftOut("trip_number", trip, DESIGNATOR))
        trip = None
    conveyance = manifest.conveyance
    if conveyance is not None and manifest.mode is not Mode.AIR:
        # A surface conveyance's flight number or aircraft registration not of the form an air message's reader
        # checks (CBP-AIR-011, SAT-AIR-004) names no flight or aircraft; an air manifest's own are its own to
        # answer for (those rules report them there).
        flight, aircraft = conveyance.flight_number, conveyance.aircraft_registration
        if flight and not FLIGHT_DESIGNATOR.fullmatch(flight):
            left.append(LeftOut("conveyance.flight_number", flight, FLIGHT))
            conveyance = replace(conveyance, flight_number=None)
        if aircraft and not AIRCRAFT_REGISTRATION.fullmatch(aircraft):
            left.append(LeftOut("conveyance.aircraft_registration", aircraft, AIRCRAFT))
            conveyance = replace(conveyance, aircraft_registration=None)
    shown = replace(with_places(manifest, place), conveyance=conveyance, trip_number=trip)
    return shown, tuple(left)


def with_places(manifest: Manifest, place: Callable[[Place | None, str], Place | None]) -> Manifest:
    """``manifest`` with ``place`` applied to each place an air message names, given with its model path: the
    departure's, the arrival's, each stop's, and each bill's places of loading and discharge."""

    def stop(value: Stop | None, path: str) -> Stop | None:
        if value is None:
            return None
        found = place(value.place, f"{path}.place")
        return value if found is value.place or found is None else replace(value, place=found)

    def consignment(value: Consignment, path: str) -> Consignment:
        loading = place(value.place_of_loading, f"{path}.place_of_loading")
        discharge = place(value.place_of_discharge, f"{path}.place_of_discharge")
        if loading is value.place_of_loading and discharge is value.place_of_discharge:
            return value
        return replace(value, place_of_loading=loading, place_of_discharge=discharge)

    return replace(
        manifest,
        departure=stop(manifest.departure, "departure"),
        arrival=stop(manifest.arrival, "arrival"),
        stops=tuple(s for i, x in enumerate(manifest.stops) if (s := stop(x, f"stops[{i}]")) is not None),
        consignments=tuple(consignment(c, f"consignments[{i}]") for i, c in enumerate(manifest.consignments)),
    )


def air_weights(manifest: Manifest) -> tuple[Manifest, tuple[LeftOut, ...]]:
    """``manifest`` without the gross weights of its consignments and their goods that are in no unit an air message
    takes (kilograms or pounds: a tonne, a unit of no list), the consignments' piece counts that are not greater
    than zero, nor their values and their goods' in no ISO 4217 currency, and each value left out. A weight is never
    converted here; one in another unit, a count of no pieces or an amount in no currency, written as it is, would
    be refused (CBP-AIR-008, CBP-AIR-009, SAT-CP-020). An air manifest's own are its own to answer for (those rules
    report them there), and it is returned as it is."""
    left: list[LeftOut] = []
    if manifest.mode is Mode.AIR:
        return manifest, ()

    def weight(value: Quantity | None, path: str) -> Quantity | None:
        if value is None or value.unit in AIR_WEIGHT_UNITS:
            return value
        left.append(LeftOut(path, value.unit, WEIGHT))
        return None

    def money(value: Money | None, path: str) -> Money | None:
        # The messages' amounts name their currency by its ISO 4217 code (currencyID, CVD), which SAT-CP-020 holds
        # an air manifest to: an amount in another is not written, since its currency cannot be.
        if value is None or not value.currency or codelists.contains("currency", value.currency):
            return value
        left.append(LeftOut(path, value.currency, MONEY))
        return None

    consignments = []
    for i, c in enumerate(manifest.consignments):
        gross = weight(c.gross_weight, f"consignments[{i}].gross_weight")
        pieces = c.total_packages
        if pieces is not None and pieces.count < 1:
            left.append(LeftOut(f"consignments[{i}].total_packages.count", str(pieces.count), PIECES))
            pieces = None
        goods = tuple(
            replace(
                g,
                gross_weight=weight(g.gross_weight, f"consignments[{i}].goods[{j}].gross_weight"),
                value=money(g.value, f"consignments[{i}].goods[{j}].value"),
            )
            for j, g in enumerate(c.goods)
        )
        value = money(c.value, f"consignments[{i}].value")
        consignments.append(replace(c, gross_weight=gross, total_packages=pieces, goods=goods, value=value))
    return (replace(manifest, consignments=tuple(consignments)) if left else manifest), tuple(left)
