"""The parts of a movement matched by identifier between two documents, and what each pair disagrees on.

Bills and waybills are matched by number (:func:`~manifest.singlewindow.identity.bill_key`); within a bill,
equipment by identifier, goods by line number, description and HS subheading (:mod:`.goods`), parties by role. A
part one document has and a document that lists the whole cargo lacks is a finding; so is a value two matched parts
give differently.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal

from manifest.codelists import country_alpha2
from manifest.model import Consignment, EquipmentKind, Party, PartyRole, Quantity
from manifest.requirements.checks import apart_beyond
from manifest.singlewindow.findings import Disagreement, rules_by_comparison
from manifest.singlewindow.goods import bill_package_kind, compare_goods, shown
from manifest.singlewindow.identity import compact, equipment_key, party_name_key
from manifest.singlewindow.sources import Bill, Source, Spot

_KIND_WORDS: Mapping[EquipmentKind, tuple[str, str]] = {
    EquipmentKind.RAILCAR: ("car", "el carro"),
    EquipmentKind.CONTAINER: ("container", "el contenedor"),
    EquipmentKind.TRAILER: ("trailer", "el remolque"),
    EquipmentKind.ULD: ("ULD", "la unidad de carga (ULD)"),
    EquipmentKind.TRUCK: ("truck", "el camión"),
    EquipmentKind.CHASSIS: ("chassis", "el chasis"),
}
_ROLES: Mapping[PartyRole, str] = {PartyRole.SHIPPER: "remitente", PartyRole.CONSIGNEE: "destinatario"}


def matched(first: list[Bill], second: list[Bill]) -> list[tuple[Bill, Bill]]:
    """The bills of two documents with the same number, each bill of ``first`` with the first of ``second``."""
    by_key: dict[tuple[bool, str], Bill] = {}
    for bill in second:
        by_key.setdefault((bill.house, bill.key), bill)
    return [(bill, by_key[(bill.house, bill.key)]) for bill in first if (bill.house, bill.key) in by_key]


def missing(bills: list[Bill], others: list[Bill], other: Source) -> Iterator[Disagreement]:
    """The bills of one document that a document listing a whole cargo (``other``) lacks. Houses are expected only
    of a document that lists houses, masters only of one that lists masters."""
    if not other.complete or not others:
        return
    keys = {(bill.house, bill.key) for bill in others}
    levels = {house for house, _ in keys}
    for bill in bills:
        if bill.house in levels and (bill.house, bill.key) not in keys:
            what = ("house waybill", "la guía hija") if bill.house else ("bill", "el conocimiento")
            yield Disagreement(
                "part_missing",
                bill.spot(".document_number"),
                other.anywhere(),
                bill.consignment.document_number,
                {"what": what[0], "what_es": what[1]},
            )


def equipment_missing(one: Bill, other: Bill, kinds: frozenset[EquipmentKind]) -> Iterator[Disagreement]:
    """Equipment of a bill in one document that the same bill in the other lacks, among ``kinds`` (those both
    documents identify under their bills)."""
    theirs = other.consignment.equipment
    if not theirs:
        return
    keys = {equipment_key(e) for e in theirs}
    for index, equipment in enumerate(one.consignment.equipment):
        if equipment.kind in kinds and equipment_key(equipment) not in keys:
            english, spanish = _KIND_WORDS.get(equipment.kind, ("equipment", "el equipo"))
            yield Disagreement(
                "equipment_missing",
                one.spot(f".equipment[{index}].identifier"),
                other.placed(".equipment", ".equipment[0].number", ".equipment[0]"),
                equipment.identifier,
                {
                    "bill": one.consignment.document_number,
                    "kind": english,
                    "kind_es": spanish,
                },
            )


def not_on_conveyance(bills: list[Bill], other: Source) -> Iterator[Disagreement]:
    """The cars a document puts bills in that the other document's train (its consist) does not have."""
    listed = other.conveyance_equipment()
    train = {equipment_key(e) for e, _ in listed if e.kind is EquipmentKind.RAILCAR}
    if not train:
        return
    for bill in bills:
        for index, equipment in enumerate(bill.consignment.equipment):
            if equipment.kind is EquipmentKind.RAILCAR and equipment_key(equipment) not in train:
                yield Disagreement(
                    "equipment_not_on_conveyance",
                    bill.spot(f".equipment[{index}].identifier"),
                    listed[0][1],
                    equipment.identifier,
                    {"bill": bill.consignment.document_number},
                )


def values(one: Bill, other: Bill) -> Iterator[Disagreement]:
    """What two documents say differently of one bill: weight, packages and their kind, goods, parties."""
    yield from _weight(one, other)
    yield from _packages(one, other)
    yield from bill_package_kind(one, other)
    yield from compare_goods(one, other)
    yield from _parties(one, other)


def _weight_of(bill: Bill) -> tuple[Quantity, str] | None:
    """The bill's declared gross weight, or the sum of its goods' (in the first goods' unit when they all share it)
    where it gives none and its goods are the whole bill."""
    consignment = bill.consignment
    if consignment.gross_weight is not None:
        return consignment.gross_weight, ""
    weights = [item.gross_weight for item in consignment.goods]
    if bill.source.flight_manifest or not weights or any(w is None for w in weights):
        return None
    units = {w.unit for w in weights if w is not None}
    if len(units) != 1:
        return None
    total = sum((w.value for w in weights if w is not None), Decimal(0))
    return Quantity(value=total, unit=units.pop()), ".goods[0].gross_weight"


def _weight_spot(bill: Bill, below: str) -> Spot:
    return bill.spot(below) if below else bill.placed(".gross_weight", ".goods[0].gross_weight")


def _weight(one: Bill, other: Bill) -> Iterator[Disagreement]:
    first, second = _weight_of(one), _weight_of(other)
    if first is None or second is None:
        return
    if apart_beyond(first[0], second[0], rules_by_comparison()["weight"].params):
        yield Disagreement(
            "weight",
            _weight_spot(one, first[1]),
            _weight_spot(other, second[1]),
            shown(first[0]),
            {"other": shown(second[0]), "bill": one.consignment.document_number},
        )


def _packages_of(bill: Bill) -> tuple[int, str] | None:
    consignment = bill.consignment
    if consignment.total_packages is not None:
        return consignment.total_packages.count, ".total_packages.count"
    counts = [item.packages.count if item.packages else None for item in consignment.goods]
    if bill.source.flight_manifest or not counts or any(count is None for count in counts):
        return None
    return sum(count for count in counts if count is not None), ".goods[0].packages.count"


def _packages(one: Bill, other: Bill) -> Iterator[Disagreement]:
    first, second = _packages_of(one), _packages_of(other)
    if first is not None and second is not None and first[0] != second[0]:
        yield Disagreement(
            "packages",
            one.spot(first[1]),
            other.spot(second[1]),
            str(first[0]),
            {"other": str(second[0]), "bill": one.consignment.document_number},
        )


def _parties(one: Bill, other: Bill) -> Iterator[Disagreement]:
    if not (one.source.parties_per_bill and other.source.parties_per_bill):
        return
    for role, spanish in _ROLES.items():
        mine, theirs = _party(one.consignment, role), _party(other.consignment, role)
        if mine is None or theirs is None:
            continue
        (p_index, party), (q_index, counterpart) = mine, theirs
        words = {"role": role.value, "role_es": spanish, "bill": one.consignment.document_number}
        for t_index, tax_id in enumerate(party.tax_ids):
            same_scheme = [t for t in counterpart.tax_ids if t.scheme == tax_id.scheme]
            if same_scheme and all(compact(t.value) != compact(tax_id.value) for t in same_scheme):
                there = counterpart.tax_ids.index(same_scheme[0])
                yield Disagreement(
                    "party_tax_id",
                    one.spot(f".parties[{p_index}].tax_ids[{t_index}].value"),
                    other.spot(f".parties[{q_index}].tax_ids[{there}].value"),
                    tax_id.value,
                    {**words, "other": same_scheme[0].value},
                )
        yield from _countries(one, other, (p_index, party), (q_index, counterpart), words)
        if party.name and counterpart.name and party_name_key(party.name) != party_name_key(counterpart.name):
            yield Disagreement(
                "party_name",
                one.spot(f".parties[{p_index}].name"),
                other.spot(f".parties[{q_index}].name"),
                party.name,
                {**words, "other": counterpart.name},
            )


def _countries(
    one: Bill, other: Bill, mine: tuple[int, Party], theirs: tuple[int, Party], words: Mapping[str, str]
) -> Iterator[Disagreement]:
    """A party's country in one document against the same party's in the other, alpha-3 codes read as alpha-2."""
    (p_index, party), (q_index, counterpart) = mine, theirs
    here = party.address.country if party.address is not None else None
    there = counterpart.address.country if counterpart.address is not None else None
    if not here or not there:
        return
    if (country_alpha2(here) or here.upper()) != (country_alpha2(there) or there.upper()):
        yield Disagreement(
            "party_country",
            one.spot(f".parties[{p_index}].address.country"),
            other.spot(f".parties[{q_index}].address.country"),
            here,
            {**words, "other": there},
        )


def _party(consignment: Consignment, role: PartyRole) -> tuple[int, Party] | None:
    for index, party in enumerate(consignment.parties):
        if party.role == role:
            return index, party
    return None
