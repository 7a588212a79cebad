"""The goods lines of one bill matched between two documents, and what each matched pair disagrees on.

Two documents of one bill list its goods their own way: a 309 writes a line per container where a CUSCAR declares
one, a Carta Porte describes in Spanish what the ACE manifest describes in English, one document numbers its lines
and another does not. Lines are matched in three passes, each over the lines the passes before it left: by line
number where both documents number their lines, by description (:func:`~.identity.description_key`), then by HS
subheading. Lines of one document that share a key are taken together, since one document may split what the other
declares in one line; when a single line (or set of lines) is left on each side after the passes, the two are the
bill's same goods. A matched pair is compared on its weight, its packages and their kind, and on its HS subheading
against the codes of the other (the fracción, the HTS number); a line left over on one side is missing on the other.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal

from manifest.codelists import crosswalks
from manifest.model import GoodsItem, Packages, Quantity
from manifest.requirements.checks import apart_beyond, in_base_unit
from manifest.singlewindow.findings import Disagreement, rules_by_comparison
from manifest.singlewindow.identity import compact, description_key, hs6_codes, hs6_of
from manifest.singlewindow.sources import Bill, Spot
from manifest.slotted import record

# Units of mass (UN/ECE Recommendation 20) that goods weights are added up in, as kilograms.
MASS = frozenset({"KGM", "LBR", "TNE", "GRM"})
_PACKAGE_FORMS = "package-forms"


@record
class Lines:
    """Goods lines of one bill in one document, taken together, and how a finding names them."""

    bill: Bill
    indexes: tuple[int, ...]
    label: str
    label_es: str

    @property
    def items(self) -> list[GoodsItem]:
        return [self.bill.consignment.goods[index] for index in self.indexes]


@record
class Matching:
    """The goods of one bill in two documents: the pairs matched, and the lines of each left without a match."""

    pairs: tuple[tuple[Lines, Lines], ...]
    unmatched_one: tuple[int, ...]
    unmatched_other: tuple[int, ...]

    @property
    def whole_bill(self) -> bool:
        """Whether the goods matched as one pair and nothing else: their weight and packages are the bill's, which
        the bill's own comparisons (HM-REC-011, HM-REC-012) report."""
        return len(self.pairs) == 1 and not self.unmatched_one and not self.unmatched_other


_Key = Callable[[GoodsItem], str | None]


def _number(item: GoodsItem) -> str | None:
    return str(item.sequence) if item.sequence is not None else None


def _description(item: GoodsItem) -> str | None:
    return description_key(item.description) or None if item.description else None


def _subheading(item: GoodsItem) -> str | None:
    code, where = hs6_of(item)
    return code if where is not None else None


def _labels(kind: str, key: str, item: GoodsItem) -> tuple[str, str]:
    if kind == "number":
        return f"line {key}", f"línea {key}"
    if kind == "subheading":
        return f"HS {key}", f"SA {key}"
    return item.description or "", item.description or ""


def match_goods(one: Bill, other: Bill) -> Matching:
    """The goods lines of one bill in two documents matched by number, description, then HS subheading."""
    left = list(range(len(one.consignment.goods)))
    right = list(range(len(other.consignment.goods)))
    pairs: list[tuple[Lines, Lines]] = []
    passes: list[tuple[str, _Key]] = [("description", _description), ("subheading", _subheading)]
    if one.source.numbers_goods and other.source.numbers_goods:
        passes.insert(0, ("number", _number))
    for kind, key in passes:
        mine, theirs = _grouped(one, left, key), _grouped(other, right, key)
        taken: set[int] = set()
        taken_other: set[int] = set()
        for value, indexes in mine.items():
            if value not in theirs:
                continue
            english, spanish = _labels(kind, value, one.consignment.goods[indexes[0]])
            pairs.append((Lines(one, indexes, english, spanish), Lines(other, theirs[value], english, spanish)))
            taken.update(indexes)
            taken_other.update(theirs[value])
        left = [index for index in left if index not in taken]
        right = [index for index in right if index not in taken_other]
    if left and right and (len(left) == 1 or _one_key(one, left)) and (len(right) == 1 or _one_key(other, right)):
        first = one.consignment.goods[left[0]]
        english = first.description or f"line {left[0] + 1}"
        spanish = first.description or f"línea {left[0] + 1}"
        pairs.append((Lines(one, tuple(left), english, spanish), Lines(other, tuple(right), english, spanish)))
        left, right = [], []
    return Matching(tuple(pairs), tuple(left), tuple(right))


def _grouped(bill: Bill, indexes: Sequence[int], key: _Key) -> dict[str, tuple[int, ...]]:
    found: dict[str, list[int]] = {}
    for index in indexes:
        value = key(bill.consignment.goods[index])
        if value:
            found.setdefault(value, []).append(index)
    return {value: tuple(group) for value, group in found.items()}


def _one_key(bill: Bill, indexes: Sequence[int]) -> bool:
    """Whether the lines are one set of goods: all of one description."""
    return len({_description(bill.consignment.goods[index]) for index in indexes}) == 1


def compare_goods(one: Bill, other: Bill) -> Iterator[Disagreement]:
    """What two documents say differently of one bill's goods, line by matched line."""
    if not one.consignment.goods or not other.consignment.goods:
        return
    matching = match_goods(one, other)
    # A flight manifest lists the part of a split waybill on board: its lines' weights and pieces are the part's,
    # and a line it lacks may fly on another flight.
    whole = not (one.source.flight_manifest or other.source.flight_manifest)
    for mine, theirs in matching.pairs:
        yield from _hs_codes(mine, theirs)
        yield from _hs_codes(theirs, mine)
        yield from _package_kinds(mine, theirs)
        if whole and not matching.whole_bill:
            yield from _weight(mine, theirs)
            yield from _packages(mine, theirs)
    if whole:
        yield from _missing(one, matching.unmatched_one, other)
        yield from _missing(other, matching.unmatched_other, one)


def _words(mine: Lines) -> dict[str, str]:
    return {"bill": mine.bill.consignment.document_number, "goods": mine.label, "goods_es": mine.label_es}


def _hs_codes(mine: Lines, theirs: Lines) -> Iterator[Disagreement]:
    """Each HS subheading a line declares must begin some code of the goods it is matched with (WCO HS: the first
    six digits of the HTS number and of the fracción)."""
    codes: set[str] = set()
    for item in theirs.items:
        codes |= hs6_codes(item)
    if not codes:
        return
    for index, item in zip(mine.indexes, mine.items, strict=True):
        code, where = hs6_of(item)
        if where is not None and code not in codes:
            yield Disagreement(
                "hs_code",
                mine.bill.spot(f".goods[{index}].{where}"),
                _hs_spot(theirs),
                code,
                {"other": ", ".join(sorted(codes)), "bill": mine.bill.consignment.document_number},
            )


def _hs_spot(lines: Lines) -> Spot:
    for index, item in zip(lines.indexes, lines.items, strict=True):
        _, where = hs6_of(item)
        if where is not None:
            return lines.bill.spot(f".goods[{index}].{where}")
    return lines.bill.spot(f".goods[{lines.indexes[0]}]")


def _kilograms(lines: Lines) -> Decimal | None:
    total = Decimal(0)
    for item in lines.items:
        weight = item.gross_weight
        kilograms = in_base_unit(weight) if weight is not None and weight.unit in MASS else None
        if kilograms is None:
            return None
        total += kilograms
    return total


def shown(quantity: Quantity) -> str:
    return f"{format(quantity.value.normalize(), 'f')} {quantity.unit}"


def _weight(mine: Lines, theirs: Lines) -> Iterator[Disagreement]:
    here, there = _kilograms(mine), _kilograms(theirs)
    if here is None or there is None:
        return
    first, second = Quantity(value=here, unit="KGM"), Quantity(value=there, unit="KGM")
    if apart_beyond(first, second, rules_by_comparison()["goods_weight"].params):
        yield Disagreement(
            "goods_weight",
            mine.bill.spot(f".goods[{mine.indexes[0]}].gross_weight"),
            theirs.bill.spot(f".goods[{theirs.indexes[0]}].gross_weight"),
            shown(first),
            {**_words(mine), "other": shown(second)},
        )


def _count(lines: Lines) -> int | None:
    counts = [item.packages.count if item.packages is not None else None for item in lines.items]
    return None if any(count is None for count in counts) else sum(count for count in counts if count is not None)


def _packages(mine: Lines, theirs: Lines) -> Iterator[Disagreement]:
    here, there = _count(mine), _count(theirs)
    if here is not None and there is not None and here != there:
        yield Disagreement(
            "goods_packages",
            mine.bill.spot(f".goods[{mine.indexes[0]}].packages.count"),
            theirs.bill.spot(f".goods[{theirs.indexes[0]}].packages.count"),
            str(here),
            {**_words(mine), "other": str(there)},
        )


def same_package_kind(one: str, other: str) -> bool | None:
    """Whether two package kinds agree through the package-forms crosswalk: True when they are one code or the
    crosswalk reads one as the other or as a narrower kind of it (a steel drum, Rec 21 QA, is an X12 DRM); False
    when the crosswalk knows both and reads neither as the other; None when it does not know one of them, since
    the crosswalk is partial."""
    if compact(one) == compact(other):
        return True
    systems = crosswalks.systems_of(_PACKAGE_FORMS, one), crosswalks.systems_of(_PACKAGE_FORMS, other)
    if not systems[0] or not systems[1]:
        return None
    for first_system in systems[0]:
        for second_system in systems[1]:
            for code, system, target, target_system in (
                (one, first_system, other, second_system),
                (other, second_system, one, first_system),
            ):
                found = crosswalks.find(_PACKAGE_FORMS, system, target_system, code)
                if found is not None and found.code == target:
                    return True
    return False


def _kinds(lines: Lines) -> list[tuple[int, Packages]]:
    return [
        (index, item.packages)
        for index, item in zip(lines.indexes, lines.items, strict=True)
        if item.packages is not None and item.packages.kind
    ]


def _package_kinds(mine: Lines, theirs: Lines) -> Iterator[Disagreement]:
    """A line's package kind against the kinds of the lines it is matched with: a finding when it agrees with none
    of them and the crosswalk knows them all."""
    others = _kinds(theirs)
    if not others:
        return
    for index, packages in _kinds(mine):
        verdicts = [same_package_kind(packages.kind or "", other.kind or "") for _, other in others]
        if all(verdict is False for verdict in verdicts):
            there, other = others[0]
            yield Disagreement(
                "package_kind",
                mine.bill.spot(f".goods[{index}].packages.kind"),
                theirs.bill.spot(f".goods[{there}].packages.kind"),
                packages.kind or "",
                {**_words(mine), "other": other.kind or ""},
            )


def bill_package_kind(one: Bill, other: Bill) -> Iterator[Disagreement]:
    """The kind of a bill's total packages in two documents (X12 309 M11-04 against the model's or another's)."""
    mine, theirs = one.consignment.total_packages, other.consignment.total_packages
    if mine is None or theirs is None or not mine.kind or not theirs.kind:
        return
    if same_package_kind(mine.kind, theirs.kind) is False:
        yield Disagreement(
            "package_kind",
            one.spot(".total_packages.kind"),
            other.spot(".total_packages.kind"),
            mine.kind,
            {
                "bill": one.consignment.document_number,
                "goods": "all its goods",
                "goods_es": "todas sus mercancías",
                "other": theirs.kind,
            },
        )


def _missing(bill: Bill, indexes: Sequence[int], other: Bill) -> Iterator[Disagreement]:
    for index in indexes:
        item = bill.consignment.goods[index]
        code, where = hs6_of(item)
        what = item.description or (f"HS {code}" if where is not None else f"line {index + 1}")
        yield Disagreement(
            "goods_missing",
            bill.spot(f".goods[{index}]"),
            other.spot(".goods[0]"),
            what,
            {"bill": bill.consignment.document_number},
        )
