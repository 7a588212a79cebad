"""The movement itself, compared between two documents: conveyance, trip, carrier, ports, dates and direction.

A carrier is compared code by code (a SCAC with a SCAC, an IATA designator or prefix with the same, SAT's air
carrier code with SAT's), and by name and RFC, a CFDI's Emisor standing for the carrier where the carrier issued it
as its invoice: no public list ties a SCAC or an IATA code to a name.

Each value is compared only where both documents give it: a Carta Porte names no SCAC, a 358 no departure.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import date, datetime

from manifest import codelists
from manifest.model import Direction, Manifest, Moment, PartyRole, Place, TaxIdScheme
from manifest.singlewindow.findings import Disagreement
from manifest.singlewindow.identity import compact, equipment_key, flight_key, party_name_key
from manifest.singlewindow.sources import Bill, Source, Spot

_CONVEYANCE: tuple[tuple[str, Callable[[Manifest], str | None], Callable[[str], str]], ...] = (
    ("train_id", lambda m: m.conveyance.train_id if m.conveyance else None, compact),
    ("imo_number", lambda m: m.conveyance.imo_number if m.conveyance else None, compact),
    ("name", lambda m: m.conveyance.name if m.conveyance else None, compact),
    ("flight_number", lambda m: m.conveyance.flight_number if m.conveyance else None, flight_key),
    # A truck: the tractor's VIN and licence plate (ACE truck 358 and 309 VEH-02 and VEH-09).
    ("vin", lambda m: m.conveyance.vin if m.conveyance else None, compact),
    ("vehicle_plate", lambda m: m.conveyance.vehicle_plate if m.conveyance else None, compact),
)
_CARRIER: tuple[tuple[str, Callable[[Manifest], str | None]], ...] = (
    ("scac", lambda m: m.carrier.scac if m.carrier else None),
    ("iata_code", lambda m: m.carrier.iata_code if m.carrier else None),
    ("iata_prefix", lambda m: m.carrier.iata_prefix if m.carrier else None),
    ("sat_air_code", lambda m: m.carrier.sat_air_code if m.carrier else None),
)
_DIRECTION_ES = {Direction.NORTHBOUND: "hacia el norte", Direction.SOUTHBOUND: "hacia el sur"}
_PORTS = {"arrival": ("port of arrival", "puerto de llegada"), "departure": ("port of departure", "puerto de salida")}


def movement(first: Source, second: Source) -> Iterator[Disagreement]:
    """Every disagreement about the movement between two documents."""
    for name, value, key in _CONVEYANCE:
        yield from _same("conveyance", first, second, value, f"conveyance.{name}", key)
    trip_key = flight_key if _mode(first) == "air" else compact
    yield from _same("trip", first, second, lambda m: m.trip_number, "trip_number", trip_key)
    for name, value in _CARRIER:
        yield from _same("carrier", first, second, value, f"carrier.{name}", compact)
    yield from _carrier(first, second)
    yield from _ports(first, second)
    yield from _days(first, second)
    yield from _direction(first, second)


# CFDI 4.0 Anexo 20, c_TipoDeComprobante I (ingreso): a carrier invoicing its freight issues a CFDI of this type with
# its Carta Porte, so its Emisor is the carrier. A CFDI de traslado (T) may be issued by the owner of the goods or
# by an intermediary (Carta Porte 3.1 guide), so its Emisor is not taken for the carrier.
_INVOICE = "I"


def carrier_of(source: Source, field: str) -> tuple[str, Spot] | None:
    """The carrier's ``name`` or RFC (``tax_id``) that a document gives, with its spot: the carrier's own, else
    the Emisor of a CFDI the carrier issued as its invoice."""
    for index, manifest in enumerate(source.document.manifests):
        carrier = manifest.carrier
        if carrier is not None and field == "name" and carrier.name:
            return carrier.name, Spot(source, index, "carrier.name")
        if carrier is not None and field == "tax_id" and carrier.tax_id and carrier.tax_id.scheme is TaxIdScheme.RFC:
            return carrier.tax_id.value, Spot(source, index, "carrier.tax_id.value")
    for index, manifest in enumerate(source.document.manifests):
        if source.kind != "cfdi" or manifest.extensions.get("cfdi.TipoDeComprobante") != _INVOICE:
            continue
        for p_index, party in enumerate(manifest.parties):
            if party.role is not PartyRole.ISSUER:
                continue
            if field == "name" and party.name:
                return party.name, Spot(source, index, f"parties[{p_index}].name")
            for t_index, tax_id in enumerate(party.tax_ids):
                if field == "tax_id" and tax_id.scheme is TaxIdScheme.RFC:
                    return tax_id.value, Spot(source, index, f"parties[{p_index}].tax_ids[{t_index}].value")
    return None


def _carrier(first: Source, second: Source) -> Iterator[Disagreement]:
    """The carrier's name (after normalising) and RFC in two documents."""
    for compare, field, key in (("carrier_name", "name", party_name_key), ("carrier_tax_id", "tax_id", compact)):
        one, other = carrier_of(first, field), carrier_of(second, field)
        if one is not None and other is not None and key(one[0]) != key(other[0]):
            yield Disagreement(compare, one[1], other[1], one[0], {"other": other[0]})


def movements(sources: Sequence[Source], bills: Sequence[Sequence[Bill]]) -> list[list[int]]:
    """The sources (by index) grouped into movements: two documents are of one movement when they share a
    conveyance, a trip, a bill or a piece of equipment, directly or through a third. The largest group comes first
    (of two as large, the one of the earlier source); each group is in the order of ``sources``."""
    owner: dict[tuple[str, ...], int] = {}
    parent = list(range(len(sources)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for index, source in enumerate(sources):
        for key in _identity(source, bills[index]):
            if key in owner:
                parent[root(index)] = root(owner[key])
            else:
                owner[key] = index
    groups: dict[int, list[int]] = {}
    for index in range(len(sources)):
        groups.setdefault(root(index), []).append(index)
    return sorted(groups.values(), key=lambda group: (-len(group), group[0]))


def _identity(source: Source, bills: Sequence[Bill]) -> Iterator[tuple[str, ...]]:
    trip_key = flight_key if _mode(source) == "air" else compact
    for manifest in source.document.manifests:
        for name, value, key in _CONVEYANCE:
            found = value(manifest)
            if found and key(found):
                yield ("conveyance", name, key(found))
        if manifest.trip_number and trip_key(manifest.trip_number):
            yield ("trip", manifest.mode.value, trip_key(manifest.trip_number))
        for equipment in manifest.equipment:
            if equipment.number.strip():
                yield ("equipment", equipment_key(equipment))
    for bill in bills:
        yield ("bill", bill.key)
        for equipment in bill.consignment.equipment:
            if equipment.number.strip():
                yield ("equipment", equipment_key(equipment))


def _mode(source: Source) -> str | None:
    return source.document.manifests[0].mode.value if source.document.manifests else None


def _same(
    compare: str,
    first: Source,
    second: Source,
    value: Callable[[Manifest], str | None],
    path: str,
    key: Callable[[str], str],
) -> Iterator[Disagreement]:
    one, other = first.first(value, path), second.first(value, path)
    if one is None or other is None:
        return
    if key(one[0]) != key(other[0]):
        yield Disagreement(compare, one[1], other[1], one[0], {"other": other[0]})


def place_of(place: Place) -> str | None:
    """The crosswalk's place of a port: by its code (in its scheme), else by the town of its address or its name."""
    if place.code:
        scheme = place.scheme.value if place.scheme is not None else None
        if scheme is None or scheme in codelists.PLACE_CODE_COLUMNS:
            found = codelists.place_of_code(place.code, scheme)
            if found is not None:
                return found
    address = place.address
    country = (address.country if address else None) or place.country
    if country and address is not None and address.city:
        return codelists.place_of_city(country, address.city)
    return None


def _port(source: Source, which: str) -> tuple[str, str, Spot] | None:
    """The place of the document's port of ``which`` (arrival: its office of entry where the arrival is not one the
    crosswalk knows), its code or name as written, and its spot."""
    candidates: list[tuple[Callable[[Manifest], Place | None], str]] = [
        ((lambda m: m.arrival.place if m.arrival else None), "arrival.place")
        if which == "arrival"
        else ((lambda m: m.departure.place if m.departure else None), "departure.place")
    ]
    if which == "arrival":
        candidates.append(((lambda m: m.office_of_entry), "office_of_entry"))
    for value, path in candidates:
        found = source.first(value, path)
        if found is None:
            continue
        place, spot = found
        resolved = place_of(place)
        if resolved is not None:
            return resolved, _written(place, resolved), spot
    return None


def _written(place: Place, resolved: str) -> str:
    """A port as the document writes it: its code, and the town for a place known by its address."""
    town = place.address.city if place.address is not None else None
    coded = place.scheme is not None and place.scheme.value in codelists.PLACE_CODE_COLUMNS
    if place.code and (coded or not town):
        return place.code
    if town:
        return f"{place.code} ({town})" if place.code else town
    return place.name or resolved


def _ports(first: Source, second: Source) -> Iterator[Disagreement]:
    for which, (english, spanish) in _PORTS.items():
        one, other = _port(first, which), _port(second, which)
        if one is None or other is None or one[0] == other[0]:
            continue
        yield Disagreement("port", one[2], other[2], one[1], {"other": other[1], "which": english, "which_es": spanish})


def _day(moment: Moment | None) -> date | None:
    if moment is None:
        return None
    return moment.date() if isinstance(moment, datetime) else moment


def _days(first: Source, second: Source) -> Iterator[Disagreement]:
    def arrival(m: Manifest) -> date | None:
        return _day(m.arrival.moment) if m.arrival else None

    def departure(m: Manifest) -> date | None:
        return _day(m.departure.moment) if m.departure else None

    arrivals = first.first(arrival, "arrival.moment"), second.first(arrival, "arrival.moment")
    one, other = arrivals
    if one is not None and other is not None and one[0] != other[0]:
        yield Disagreement("arrival_day", one[1], other[1], one[0].isoformat(), {"other": other[0].isoformat()})
    for source, (_, arrived) in ((first, (one, other)), (second, (other, one))):
        left = source.first(departure, "departure.moment")
        if left is not None and arrived is not None and left[0] > arrived[0]:
            yield Disagreement(
                "departure_after_arrival", left[1], arrived[1], left[0].isoformat(), {"other": arrived[0].isoformat()}
            )


def direction_of(manifest: Manifest) -> Direction | None:
    """The direction given, or the one the countries of departure and arrival tell."""
    if manifest.direction is not None:
        return manifest.direction
    start = codelists.country_alpha2(manifest.country_from) if manifest.country_from else None
    end = codelists.country_alpha2(manifest.country_to) if manifest.country_to else None
    if (start, end) == ("MX", "US"):
        return Direction.NORTHBOUND
    if (start, end) == ("US", "MX"):
        return Direction.SOUTHBOUND
    return None


def _direction(first: Source, second: Source) -> Iterator[Disagreement]:
    one, other = first.first(direction_of, "direction"), second.first(direction_of, "direction")
    if one is None or other is None or one[0] == other[0]:
        return
    yield Disagreement(
        "direction",
        one[1],
        other[1],
        one[0].value,
        {"other": other[0].value, "value_es": _DIRECTION_ES[one[0]], "other_es": _DIRECTION_ES[other[0]]},
    )
