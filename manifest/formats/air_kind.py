"""What of a manifest the air cargo messages (Cargo-IMP, Cargo-XML) can name as what it is.

An air message names a flight by its flight designator and a place by its IATA airport code (IATA Resolution 763
location identifier: Cargo-IMP DE313, Cargo-XML OccurrenceDepartureLocation/ID, OriginLocation/ID ...). A surface
manifest's trip (a vessel voyage, a train, a truck trip) is no flight, and a UN/LOCODE, a Schedule D port or a SAT
aduana is no airport code: written there, it would name a flight or an airport that is not meant. So a writer of an
air message is given the manifest as :func:`air_view` sees it: a place code that is not an airport code becomes the
airport of the same port where the crosswalk names one (``USLAX``: ``LAX``, the same place in the airport's words),
and is otherwise left out; a surface trip number is left out. Each value left out is returned, by model path, for
the writer to list as not written. So is each container, rail car or trailer: the messages name unit load devices
only (Cargo-XML UtilizedUnitLoadTransportEquipment, Cargo-IMP ULD and NU lines), and their writers write no other
equipment (:func:`unit_load_device`).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from manifest import codelists
from manifest.model import Consignment, Equipment, EquipmentKind, Manifest, Mode, Place, PlaceScheme, Stop

FLIGHT = "flight"
AIRPORT = "airport"
ULD = "uld"
# What a value left out is not, in English and Spanish, for the writers' findings.
NOT_OF_KIND = {
    FLIGHT: (
        "a flight: it is the trip of a surface conveyance",
        "un vuelo: es el viaje de un transporte de superficie",
    ),
    AIRPORT: (
        "an IATA airport code, and the crosswalk names no airport for that port",
        "un código IATA de aeropuerto, y la tabla de equivalencias no da aeropuerto para ese puerto",
    ),
    ULD: ("a unit load device", "un dispositivo unitario de carga"),
}


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A value an air message has no place of its kind for: its model path, the value and what it is not."""

    field: str
    value: str
    kind: str  # FLIGHT, AIRPORT or ULD


def unit_load_device(equipment: Equipment) -> bool:
    """Whether an air message can name ``equipment``: a ULD, not a container, rail car or trailer."""
    return equipment.kind is EquipmentKind.ULD


def airport_code(place: Place) -> str | None:
    """The IATA airport code of ``place``: its own code when it is one (scheme iata-airport, or no scheme and the
    form of a location identifier, three letters), else the crosswalk's airport of the same port, else None."""
    code = place.code or ""
    if place.scheme is PlaceScheme.IATA_AIRPORT or (place.scheme is None and len(code) == 3 and code.isalpha()):
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
        if airport == value.code:
            return value
        if airport is None:
            left.append(LeftOut(f"{path}.code", value.code, AIRPORT))
            return replace(value, code=None, scheme=None)
        return replace(value, code=airport, scheme=PlaceScheme.IATA_AIRPORT)

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
    shown = replace(
        manifest,
        trip_number=trip,
        departure=stop(manifest.departure, "departure"),
        arrival=stop(manifest.arrival, "arrival"),
        stops=tuple(s for i, x in enumerate(manifest.stops) if (s := stop(x, f"stops[{i}]")) is not None),
        consignments=tuple(consignment(c, f"consignments[{i}]") for i, c in enumerate(manifest.consignments)),
    )
    return shown, tuple(left)
