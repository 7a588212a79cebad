"""A property of reconciliation: a model written to two formats reconciles clean, and changing one value of the
model written to one of them gives exactly the finding for that value, naming the value, with the other file as its
related place. The values changed include the goods line by line: a line's packages and their kind, and a line left
out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from hypothesis import given, settings
from hypothesis import strategies as st

from manifest.api import write
from manifest.model import Equipment, Manifest, Mode, PartyRole, Quantity
from manifest.singlewindow import reconcile
from tests.models.requirements import VALID

# Two formats per mode that each carry what is changed below, written from the catalogue's valid models.
PAIRS = {
    Mode.RAIL: ("manifest-json", "manifest-xml"),
    Mode.MARITIME: ("cuscar", "manifest-xml"),
    Mode.AIR: ("cargo-xml", "manifest-xml"),
}


@dataclass(frozen=True)
class Change:
    """One value changed in a manifest: the rule that must fire, and the text its finding must name (a bill
    renumbered is named by its new number, or by its old one where only the other document must list it)."""

    code: str
    mark: str
    apply: Callable[[Manifest], Manifest]
    old: str | None = None


def _first_bill(manifest: Manifest, **changes: object) -> Manifest:
    first = replace(manifest.consignments[0], **changes)  # type: ignore[arg-type]
    return replace(manifest, consignments=(first, *manifest.consignments[1:]))


def _weight(mode: Mode, delta: int) -> Change:
    """The first bill weighs ``delta`` kg more, and so does its one goods line: the bill still adds up."""
    weight = VALID[mode]().consignments[0].gross_weight
    assert weight is not None
    changed = Quantity(value=weight.value + delta, unit=weight.unit)

    def apply(manifest: Manifest) -> Manifest:
        first = manifest.consignments[0]
        goods = (replace(first.goods[0], gross_weight=changed), *first.goods[1:])
        return _first_bill(manifest, gross_weight=changed, goods=goods)

    return Change("HM-REC-011", format(changed.value.normalize(), "f"), apply)


def _bill(mode: Mode, serial: int) -> Change:
    # An air waybill keeps the airline's prefix and a valid mod-7 check digit (IATA Resolution 600a).
    number = f"139-{serial:07d}{serial % 7}" if mode is Mode.AIR else f"MAEU{serial:09d}"
    old = VALID[mode]().consignments[0].document_number
    return Change("HM-REC-008", number, lambda m: _first_bill(m, document_number=number), old)


def _hs(code: str) -> Change:
    def apply(manifest: Manifest) -> Manifest:
        first = manifest.consignments[0]
        goods = (replace(first.goods[0], hs_code=code), *first.goods[1:])
        return _first_bill(manifest, goods=goods)

    return Change("HM-REC-013", code, apply)


def _car(number: int) -> Change:
    def apply(manifest: Manifest) -> Manifest:
        first = manifest.consignments[0]
        car: Equipment = replace(first.equipment[0], number=str(number))
        return _first_bill(manifest, equipment=(car, *first.equipment[1:]))

    return Change("HM-REC-009", str(number), apply)


def _shipper(name: str) -> Change:
    def apply(manifest: Manifest) -> Manifest:
        parties = tuple(
            replace(p, name=name) if p.role is PartyRole.SHIPPER else p for p in manifest.consignments[0].parties
        )
        return _first_bill(manifest, parties=parties)

    return Change("HM-REC-015", name, apply)


def _line_packages(count: int) -> Change:
    """The first goods line of the second bill is in ``count`` packages; the bill's declared total is unchanged."""

    def apply(manifest: Manifest) -> Manifest:
        second = manifest.consignments[1]
        first = second.goods[0]
        assert first.packages is not None
        line = replace(first, packages=replace(first.packages, count=count))
        bill = replace(second, goods=(line, *second.goods[1:]))
        return replace(manifest, consignments=(manifest.consignments[0], bill, *manifest.consignments[2:]))

    return Change("HM-REC-022", str(count), apply)


def _package_kind(kind: str) -> Change:
    """The first bill's goods are packed as ``kind`` (an X12 code, written as its Rec 21 code where the format
    takes those) instead of on pallets."""

    def apply(manifest: Manifest) -> Manifest:
        first = manifest.consignments[0]
        item = first.goods[0]
        assert item.packages is not None
        goods = (replace(item, packages=replace(item.packages, kind=kind)), *first.goods[1:])
        return _first_bill(manifest, goods=goods)

    return Change("HM-REC-024", kind, apply, old="PLT")


def _without_last_line() -> Change:
    """The second bill's last goods line left out; its declared weight and packages are unchanged."""
    dropped = VALID[Mode.RAIL]().consignments[1].goods[-1].description

    def apply(manifest: Manifest) -> Manifest:
        second = manifest.consignments[1]
        bill = replace(second, goods=second.goods[:-1])
        return replace(manifest, consignments=(manifest.consignments[0], bill, *manifest.consignments[2:]))

    return Change("HM-REC-023", dropped or "", apply)


def _trip(trip: str) -> Change:
    return Change("HM-REC-002", trip, lambda m: replace(m, trip_number=trip))


# None of them is the valid models' (870899; AUTOPARTES DEL NORTE SA DE CV, CONSOLIDADORA AEREA SA DE CV).
HS_CODES = ["010121", "220890", "731815", "847130", "060311", "950300"]
NAMES = ["FERRETERA DEL GOLFO SA DE CV", "Maquinados Industriales de Saltillo", "PACIFIC GROWERS LLC"]
# X12 package kinds other than the valid models' pallets (PLT), each with a UN/ECE Rec 21 code of the same meaning.
KINDS = ["DRM", "BAG", "BOX", "CTN", "CRT"]


def test_the_changes_are_changes() -> None:
    for mode in PAIRS:
        first = VALID[mode]().consignments[0]
        assert first.goods[0].hs_code not in HS_CODES
        assert {p.name for p in first.parties if p.role is PartyRole.SHIPPER}.isdisjoint(NAMES)
        assert {item.packages.kind for item in first.goods if item.packages} == {"PLT"}
    second = VALID[Mode.RAIL]().consignments[1]
    assert len(second.goods) == 2 and [item.packages.count for item in second.goods if item.packages] == [1, 1]


def changes(mode: Mode) -> st.SearchStrategy[Change]:
    every = [
        st.integers(min_value=200, max_value=9000).map(lambda delta: _weight(mode, delta)),
        st.integers(min_value=1000000, max_value=9999999).map(lambda serial: _bill(mode, serial)),
    ]
    if mode is not Mode.AIR:  # the air waybills written from a flight carry no trip apart from the flight
        every += [
            st.sampled_from(HS_CODES).map(_hs),
            st.sampled_from(NAMES).map(_shipper),
            st.from_regex(r"[0-9]{3}[NS]", fullmatch=True).filter(lambda t: t != VALID[mode]().trip_number).map(_trip),
            st.sampled_from(KINDS).map(_package_kind),
        ]
    if mode is Mode.RAIL:
        every.append(st.integers(min_value=100000, max_value=999999).map(_car))
        every.append(st.integers(min_value=2, max_value=500).map(_line_packages))
        every.append(st.just(_without_last_line()))
    return st.one_of(every)


CASES = st.sampled_from(list(PAIRS)).flatmap(lambda mode: st.tuples(st.just(mode), changes(mode), st.booleans()))


def _written(mode: Mode, change: Change | None, first_changed: bool) -> list[bytes]:
    one, other = PAIRS[mode]
    base = VALID[mode]()
    changed = change.apply(base) if change is not None else base
    return [
        write([changed if first_changed else base], one).data,
        write([base if first_changed else changed], other).data,
    ]


def test_a_model_written_to_two_formats_reconciles_clean() -> None:
    for mode in PAIRS:
        reports = reconcile(_written(mode, None, True), names=list(PAIRS[mode]))
        assert [d for r in reports for d in r.diagnostics] == [], mode


@settings(max_examples=40, deadline=None)
@given(CASES)
def test_one_value_changed_in_one_format_gives_exactly_its_finding(case: tuple[Mode, Change, bool]) -> None:
    mode, change, first_changed = case
    names = list(PAIRS[mode])
    reports = reconcile(_written(mode, change, first_changed), names=names)
    found = [(report.path, d) for report in reports for d in report.diagnostics]
    assert {d.code for _, d in found} == {change.code}, [str(d) for _, d in found]
    marks = [mark for mark in (change.mark, change.old) if mark]
    assert any(mark in (d.value or "") or mark in d.args.get("other", "") for _, d in found for mark in marks)
    for path, finding in found:
        assert [related.path for related in finding.related] == [n for n in names if n != path]
