"""Model paths (wildcards, selectors, binding) and the check kinds, one behaviour at a time."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from manifest.diagnostics import MESSAGES
from manifest.formats.base import SourceMap
from manifest.model import DocumentType, Manifest, Mode, Quantity
from manifest.requirements import check_context as checks
from manifest.requirements import evaluate
from manifest.requirements.checks import KINDS, Context, ParamError, validate_params
from manifest.requirements.paths import Attr, Index, Path, PathError, expand
from tests.models.requirements import VALID
from tests.strategies.model import manifests


def _paths(manifest: Manifest, text: str) -> list[tuple[str, object]]:
    return [(item.path, item.value) for item in expand(manifest, Path.parse(text))]


def _run(kind: str, manifest: Manifest, field: str, **params: object) -> list[str]:
    validate_params(kind, params)
    context = Context(manifest)
    return [
        finding.item.path for item in context.items(Path.parse(field)) for finding in KINDS[kind](context, item, params)
    ]


def test_wildcards_and_selectors() -> None:
    rail = VALID[Mode.RAIL]()
    assert _paths(rail, "consignments[*].equipment[*].initial") == [
        ("consignments[0].equipment[0].initial", "KCSM"),
        ("consignments[1].equipment[0].initial", "TTGX"),
        ("consignments[1].equipment[1].initial", "TFM"),
    ]
    assert _paths(rail, "consignments[1].parties[role=consignee].name") == [
        ("consignments[1].parties[1].name", "GULF POLYMERS LLC")
    ]
    assert _paths(rail, "office_of_entry[scheme=schedule-d].code") == [("office_of_entry.code", "2304")]
    assert _paths(rail, "office_of_entry[scheme=sat-aduana].code") == []  # an inner selector filters


def test_absent_values_are_items_located_at_what_exists() -> None:
    rail = replace(VALID[Mode.RAIL](), conveyance=None)
    (item,) = expand(rail, Path.parse("conveyance.name"))
    assert (item.path, item.value, item.anchor) == ("conveyance.name", None, "conveyance")
    (missing,) = expand(rail, Path.parse("consignments[0].parties[role=notify]"))
    assert missing.path == "consignments[0].parties[role=notify]" and missing.anchor == "consignments[0].parties"
    assert list(expand(rail, Path.parse("consignments[5].goods[*].hs_code"))) == []


def test_extension_keys_are_taken_whole() -> None:
    rail = VALID[Mode.RAIL]()
    first = replace(rail.consignments[0], extensions={"x12.M11.09": "23"})
    rail = replace(rail, consignments=(first, *rail.consignments[1:]))
    expected = [("consignments[0].extensions[x12.M11.09]", "23"), ("consignments[1].extensions[x12.M11.09]", None)]
    assert _paths(rail, "consignments[*].extensions[x12.M11.09]") == expected
    # as people write it in a rule: the same entry, written back in the one spelling
    assert _paths(rail, "consignments[*].extensions.x12.M11.09") == expected


def test_binding_fixes_wildcards_but_not_selectors() -> None:
    path = Path.parse("consignments[*].goods[*].value")
    bound = path.bind((Attr("consignments"), Index(2), Attr("goods"), Index(0)))
    assert str(bound) == "consignments[2].goods[0].value"
    masters = Path.parse("consignments[document_type=air-waybill]")
    assert masters.bind((Attr("consignments"), Index(1))) == masters


@pytest.mark.parametrize("text", ["", ".name", "goods[*", "goods[]", "a..b", "extensions", "goods[*]x"])
def test_bad_paths(text: str) -> None:
    if text == "extensions":  # a bare extensions map is a field like any other
        assert str(Path.parse(text)) == "extensions"
        return
    with pytest.raises(PathError):
        Path.parse(text)


def test_sum_equals_converts_units_and_honours_tolerance() -> None:
    rail = VALID[Mode.RAIL]()
    assert (
        _run(
            "sum_equals",
            rail,
            "consignments[*].gross_weight",
            of="consignments[*].goods[*].gross_weight",
            tolerance="0.001",
        )
        == []
    )
    pounds = replace(rail.consignments[0], gross_weight=Quantity(value=Decimal("88184.9"), unit="LBR"))
    assert (
        _run(
            "sum_equals",
            replace(rail, consignments=(pounds,)),
            "consignments[*].gross_weight",
            of="consignments[*].goods[*].gross_weight",
            tolerance="0.001",
        )
        == []
    )
    heavier = replace(pounds, gross_weight=Quantity(value=Decimal("90000"), unit="LBR"))
    assert _run(
        "sum_equals",
        replace(rail, consignments=(heavier,)),
        "consignments[*].gross_weight",
        of="consignments[*].goods[*].gross_weight",
        tolerance="0.001",
    ) == ["consignments[0].gross_weight"]
    unknown_unit = replace(pounds, gross_weight=Quantity(value=Decimal("1"), unit="XXX"))
    assert (
        _run(
            "sum_equals",
            replace(rail, consignments=(unknown_unit,)),
            "consignments[*].gross_weight",
            of="consignments[*].goods[*].gross_weight",
            tolerance="0.001",
        )
        == []
    )


def test_sum_equals_allows_one_rounding_step_of_the_declared_unit() -> None:
    """An air waybill declares 134.0 kg for goods of 133.7 kg (rounded up to the next 0.5 kg): no disagreement; 134.5
    is more than one step away. A step in pounds is converted to kilograms before it is compared."""
    air = VALID[Mode.AIR]()
    house = air.consignments[1]

    def weighed(total: Quantity) -> Manifest:
        goods = replace(house.goods[0], gross_weight=Quantity(value=Decimal("133.7"), unit="KGM"))
        return replace(air, consignments=(replace(house, gross_weight=total, goods=(goods,)),))

    def found(total: Quantity, **params: object) -> list[str]:
        field, parts = "consignments[*].gross_weight", "consignments[*].goods[*].gross_weight"
        return _run("sum_equals", weighed(total), field, of=parts, **params)

    steps = {"KGM": "0.5", "LBR": "1"}
    assert found(Quantity(value=Decimal("134.0"), unit="KGM"), tolerance="0.001") == ["consignments[0].gross_weight"]
    assert found(Quantity(value=Decimal("134.0"), unit="KGM"), tolerance="0.001", step=steps) == []
    assert found(Quantity(value=Decimal("134.5"), unit="KGM"), tolerance="0.001", step=steps) == [
        "consignments[0].gross_weight"
    ]
    assert found(Quantity(value=Decimal("295"), unit="LBR"), step={"LBR": "1"}) == []  # 294.76 lb
    assert found(Quantity(value=Decimal("296"), unit="LBR"), step={"LBR": "1"}) == ["consignments[0].gross_weight"]


def test_unique_reports_each_repeat_naming_the_first_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    rail = VALID[Mode.RAIL]()
    first, second = rail.consignments
    params = {"among": "consignments[*].document_number", "alike": "document_type"}
    repeated = replace(rail, consignments=(first, second, replace(second, document_number=first.document_number)))
    assert _run("unique", repeated, "consignments[*].document_number", **params) == ["consignments[2].document_number"]
    other_kind = replace(second, document_number=first.document_number, document_type=DocumentType.HOUSE_BILL_OF_LADING)
    assert (
        _run("unique", replace(rail, consignments=(first, other_kind)), "consignments[*].document_number", **params)
        == []
    )

    calls = 0
    counted = checks.unique_key

    def counting(*args: Any) -> tuple[str, str]:
        nonlocal calls
        calls += 1
        return counted(*args)

    monkeypatch.setattr(checks, "unique_key", counting)

    def work(count: int) -> int:
        nonlocal calls
        calls = 0
        bills = tuple(replace(first, document_number=f"KCSM{n:06d}") for n in range(count))
        _run("unique", replace(rail, consignments=bills), "consignments[*].document_number", **params)
        return calls

    assert work(400) == 2 * work(200)  # one key for the index, one for each value: no comparison of every pair


def test_count_equals() -> None:
    rail = VALID[Mode.RAIL]()
    assert _run("count_equals", rail, "consignments[*].total_packages.count", of="consignments[*].goods[*]") == [
        "consignments[0].total_packages.count"  # 40 pallets in one goods line
    ]


def test_not_after_with_mixed_moments() -> None:
    rail = VALID[Mode.RAIL]()
    assert rail.departure is not None and rail.arrival is not None
    same_day = replace(rail, departure=replace(rail.departure, moment=date(2026, 11, 20)))
    assert _run("not_after", same_day, "departure.moment", other="arrival.moment") == []
    aware = replace(
        rail, departure=replace(rail.departure, moment=datetime(2026, 11, 21, tzinfo=timezone(timedelta(hours=-6))))
    )
    assert _run("not_after", aware, "departure.moment", other="arrival.moment") == ["departure.moment"]


def test_any_present_and_absent() -> None:
    rail = replace(VALID[Mode.RAIL](), trip_number=None)
    assert _run("any_present", rail, "trip_number", **{"or": ["conveyance.train_id"]}) == []
    assert _run("any_present", replace(rail, conveyance=None), "trip_number", **{"or": ["conveyance.train_id"]}) == [
        "trip_number"
    ]
    assert _run("absent", rail, "consignments[*].in_bond") == []
    # Bound within the consignment only: another goods item of the same bill stands in, one of another bill not.
    air = VALID[Mode.AIR]()
    master = air.consignments[0]
    extra = replace(master.goods[0], sequence=2, description=None)
    described = replace(air, consignments=(replace(master, goods=(extra, master.goods[0])), *air.consignments[1:]))
    field, params = "consignments[*].goods[*].description", {"or": ["consignments[*].goods[*].description"]}
    assert _run("any_present", described, field, within="consignments[*]", **params) == []
    assert _run("any_present", described, field, **params) == ["consignments[0].goods[0].description"]
    bare = replace(air, consignments=(replace(master, goods=(extra,)), *air.consignments[1:]))
    assert _run("any_present", bare, field, within="consignments[*]", **params) == [
        "consignments[0].goods[0].description"
    ]
    assert _run("absent", rail, "consignments[*].goods") == ["consignments[0].goods", "consignments[1].goods"]


def test_references_resolve_and_agree() -> None:
    rail = VALID[Mode.RAIL]()
    field = "consignments[*].goods[*].equipment_ids[*]"
    assert (
        _run("references_resolve", rail, field, attribute="identifier", **{"in": "consignments[*].equipment[*]"}) == []
    )
    swapped = replace(rail, consignments=(rail.consignments[1], rail.consignments[0]))
    assert (
        _run(
            "agree",
            swapped,
            "consignments[*].goods[*].tariff_codes[*].code",
            other="consignments[*].goods[*].hs_code",
            extract="digits6",
        )
        == []
    )
    wrong = replace(rail.consignments[0], goods=(replace(rail.consignments[0].goods[0], hs_code="870830"),))
    assert _run(
        "agree",
        replace(rail, consignments=(wrong,)),
        "consignments[*].goods[*].tariff_codes[*].code",
        other="consignments[*].goods[*].hs_code",
        extract="digits6",
    ) == [
        "consignments[0].goods[0].tariff_codes[0].code",
        "consignments[0].goods[0].tariff_codes[1].code",
    ]


@pytest.mark.parametrize(
    ("kind", "params", "message"),
    [
        ("nonsense", {}, "unknown check kind"),
        ("pattern", {"regex": "("}, "bad pattern"),
        ("check_digit", {"identifier": "isbn"}, "unknown identifier"),
        ("conditional", {"if": {"kind": "required"}, "then": {"kind": "required"}}, "needs a 'field'"),
        ("conditional", {"if": "x", "then": {"kind": "required"}}, "a table 'if'"),
        ("agree", {"other": "trip_number", "extract": "digits9"}, "unknown extract"),
        ("any_present", {"or": "trip_number"}, "non-empty list"),
        ("maximum", {"limit": "two hundred"}, "limit must be a number"),
        ("length", {"max": "30"}, "must be an integer"),
        ("codelist", {"values": "MX"}, "needs 'list' or a list"),
        ("sum_equals", {"of": "goods[*", "tolerance": "0"}, "bad model path"),
        ("sum_equals", {"of": "goods[*].gross_weight"}, "needs a 'tolerance' or a 'step'"),
        ("sum_equals", {"of": "goods[*].gross_weight", "step": {"XXX": "1"}}, "a known unit"),
        ("sum_equals", {"of": "goods[*].gross_weight", "step": {"KGM": "half"}}, "must be a number"),
    ],
)
def test_bad_parameters_fail_when_loaded(kind: str, params: dict[str, object], message: str) -> None:
    with pytest.raises((ParamError, PathError), match=message):
        validate_params(kind, params)


@settings(max_examples=15)  # generating whole manifests is slow; the rules themselves take a few ms each
@given(manifest=manifests(), profile=st.sampled_from(["cbp", "sat", "harmonized"]))
def test_any_model_is_checked_without_an_exception(manifest: Manifest, profile: str) -> None:
    """Whatever the model holds (wrong units, odd dates, empty lists, strange text), the rules report or pass."""
    for diagnostic in evaluate(manifest, SourceMap(), profile=profile):
        assert diagnostic.code in MESSAGES and diagnostic.field is not None
        diagnostic.message("es")
