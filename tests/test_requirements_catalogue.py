"""The catalogue checks itself: every rule fires on its failing examples and stays silent on the valid models and on
its passing examples; codes are unique, every rule has a source and both wordings, docs/rules.md is current."""

from __future__ import annotations

from pathlib import Path

import pytest

from manifest.diagnostics import MESSAGES, Severity
from manifest.formats.base import SourceMap
from manifest.model import Mode
from manifest.requirements import PROFILES, CatalogueError, Rule, check_rule, evaluate, rules
from manifest.requirements.checks import KINDS
from manifest.requirements.definitions import load_catalogue, parse_catalogue
from manifest.requirements.docs import render
from manifest.requirements.examples import ExampleError, apply_example
from tests.models.requirements import VALID

REPO = Path(__file__).resolve().parent.parent
ALL = load_catalogue()
# The rules that compare the documents of a movement run on pairs of documents: tests/test_reconcile.py runs their
# examples.
ONE_DOCUMENT = tuple(rule for rule in ALL if rule.kind in KINDS)


def _id(rule: Rule) -> str:
    return rule.code


@pytest.mark.parametrize("rule", ONE_DOCUMENT, ids=_id)
def test_rule_fires_on_each_failing_example(rule: Rule) -> None:
    for example in rule.fails:
        manifest = apply_example(VALID[example.mode or rule.modes[0]](), example)
        found = check_rule(rule, manifest)
        assert found, f"{rule.code} is silent on {example}"
        assert {d.code for d in found} == {rule.code}
        assert all(d.source == rule.source and d.field for d in found)


@pytest.mark.parametrize("rule", ONE_DOCUMENT, ids=_id)
def test_rule_is_silent_on_valid_data(rule: Rule) -> None:
    for mode in rule.modes:
        assert check_rule(rule, VALID[mode]()) == [], f"{rule.code} fires on the valid {mode} manifest"
    for example in rule.passes:
        manifest = apply_example(VALID[example.mode or rule.modes[0]](), example)
        assert check_rule(rule, manifest) == [], f"{rule.code} fires on its passing example {example}"


@pytest.mark.parametrize("profile", list(PROFILES))
@pytest.mark.parametrize("mode", list(VALID))
def test_valid_manifests_pass_every_profile(profile: str, mode: Mode) -> None:
    assert evaluate(VALID[mode](), SourceMap(), profile=profile) == []


def test_codes_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in ALL]
    assert len(codes) == len(set(codes))
    for code in codes:
        prefix = code.rsplit("-", 1)[0]
        assert prefix in {
            "CBP-GEN",
            "CBP-RAIL",
            "CBP-OCEAN",
            "CBP-AIR",
            "CBP-ROAD",
            "SAT-CP",
            "SAT-RAIL",
            "SAT-MAR",
            "SAT-AIR",
            "SAT-ROAD",
            "ID",
        } or (prefix.startswith("HM-")), code
        assert code.rsplit("-", 1)[1].isdigit()


def test_every_rule_has_a_source_both_wordings_and_examples() -> None:
    for rule in ALL:
        assert rule.source.strip(), rule.code
        assert rule.message_en.strip() and rule.message_es.strip(), rule.code
        assert rule.fails, rule.code
        message = MESSAGES[rule.code]
        assert (message.en, message.es, message.source) == (rule.message_en, rule.message_es, rule.source)


def test_every_kind_is_used_or_tested_and_profiles_cover_every_mode() -> None:
    assert {rule.kind for rule in ALL} <= {*KINDS, "reconcile"}
    for profile in PROFILES:
        for mode in Mode:
            assert rules(profile, mode), (profile, mode)


def test_harmonized_is_the_union_of_both_agencies_and_more() -> None:
    harmonized = {rule.code for rule in rules("harmonized")}
    assert {rule.code for rule in rules("cbp")} <= harmonized
    assert {rule.code for rule in rules("sat")} <= harmonized
    assert any(code.startswith("HM-") for code in harmonized)
    assert not any(code.startswith("SAT-") for code in (rule.code for rule in rules("cbp")))


def test_identifiers_are_checked_in_every_profile_and_alone_in_none() -> None:
    """The integrity of identifiers is a fact, not one agency's wish: every profile runs the ID- rules, and
    ``none`` runs nothing else; no other rule checks the same identifier again."""
    identifiers = {rule.code for rule in ALL if rule.code.startswith("ID-")}
    assert identifiers
    for profile in PROFILES:
        assert identifiers <= {rule.code for rule in rules(profile)}, profile
    assert {rule.code for rule in rules("none")} == identifiers
    standard = {"iso6346", "imo", "awb", "rfc", "hs6", "unlocode"}
    for rule in ALL:
        if rule.kind == "check_digit" and rule.params["identifier"] in standard:
            assert rule.code in identifiers, rule.code


def test_rules_filter_by_mode() -> None:
    rail = rules(mode=Mode.RAIL)
    assert rail and all(Mode.RAIL in rule.modes for rule in rail)
    assert not any(rule.code.startswith("CBP-AIR") for rule in rail)
    road = {rule.code for rule in rules(mode=Mode.ROAD)}
    assert {"CBP-ROAD-001", "ID-010", "ID-011"} <= road
    assert not any(code.startswith(("CBP-RAIL", "CBP-OCEAN", "CBP-AIR")) for code in road)


def test_diagnostics_render_in_both_languages() -> None:
    rule = next(rule for rule in ALL if rule.code == "ID-002")
    example = rule.fails[0]
    (found,) = check_rule(rule, apply_example(VALID[Mode.MARITIME](), example))
    assert found.field == "conveyance.imo_number" and found.value == "9321484"
    assert "9321484" in found.message("en") and "no es un número OMI" in found.message("es")
    assert found.severity is Severity.ERROR


def test_docs_are_current() -> None:
    committed = (REPO / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == render(), "docs/rules.md is stale: run python -m manifest.requirements.docs > docs/rules.md"


def test_docs_list_every_rule_with_its_source() -> None:
    text = render()
    for rule in ALL:
        assert f"| {rule.code} |" in text


BAD_CATALOGUES = [
    ('[[rule]]\nseverity = "error"', "without a code"),
    (
        '[[rule]]\ncode = "X-1"\nseverity = "error"\nmodes = ["rail"]\nprofiles = ["cbp"]\nfields = "trip_number"\n'
        'kind = "required"\nmessage_en = "a"\nmessage_es = "b"\nsource = "s"\n',
        "failing example",
    ),
    (
        '[[rule]]\ncode = "X-1"\nseverity = "error"\nmodes = ["rail"]\nprofiles = ["cbp"]\nfields = "trip_number"\n'
        'kind = "required"\nmessage_en = "a"\nmessage_es = "b"\n[[rule.fail]]\nunset = ["trip_number"]\n',
        "'source' is required",
    ),
    (
        '[[rule]]\ncode = "X-1"\nseverity = "error"\nmodes = ["rail"]\nprofiles = ["cbp"]\nfields = "trip_number"\n'
        'kind = "nonsense"\nmessage_en = "a"\nmessage_es = "b"\nsource = "s"\n[[rule.fail]]\nunset = ["trip_number"]\n',
        "unknown check kind",
    ),
    (
        '[[rule]]\ncode = "X-1"\nseverity = "error"\nmodes = ["rail"]\nprofiles = ["cbp"]\nfields = "trip_number"\n'
        'kind = "pattern"\nmessage_en = "a"\nmessage_es = "b"\nsource = "s"\n[[rule.fail]]\nunset = ["trip_number"]\n',
        "needs the parameter 'regex'",
    ),
    (
        '[[rule]]\ncode = "X-1"\nseverity = "error"\nmodes = ["rail"]\nprofiles = ["dea"]\nfields = "trip_number"\n'
        'kind = "required"\nmessage_en = "a"\nmessage_es = "b"\nsource = "s"\n[[rule.fail]]\nunset = ["trip_number"]\n',
        "profiles must be among",
    ),
    (
        '[[rule]]\ncode = "X-1"\nseverity = "fatal"\nmodes = ["rail"]\nprofiles = ["cbp"]\nfields = "trip_number"\n'
        'kind = "required"\nmessage_en = "a"\nmessage_es = "b"\nsource = "s"\n[[rule.fail]]\nunset = ["trip_number"]\n',
        "unknown severity",
    ),
    (
        '[[rule]]\ncode = "X-1"\nseverity = "error"\nmodes = ["rail"]\nprofiles = ["cbp"]\nfields = "goods[*"\n'
        'kind = "required"\nmessage_en = "a"\nmessage_es = "b"\nsource = "s"\n[[rule.fail]]\nunset = ["trip_number"]\n',
        "bad model path",
    ),
    (
        '[[rule]]\ncode = "X-1"\nseverity = "error"\nmodes = ["rail"]\nprofiles = ["cbp"]\nfields = "trip_number"\n'
        'kind = "codelist"\nparams = { list = "klingon" }\nmessage_en = "a"\nmessage_es = "b"\nsource = "s"\n'
        '[[rule.fail]]\nunset = ["trip_number"]\n',
        "unknown code list",
    ),
    ("[rule\n", "cat.toml"),
    ("[extra]\nx = 1\n", "unknown top-level keys"),
]


@pytest.mark.parametrize(("text", "expected"), BAD_CATALOGUES)
def test_malformed_catalogues_are_rejected(text: str, expected: str) -> None:
    with pytest.raises(CatalogueError, match=expected):
        parse_catalogue(text, "cat.toml")


def test_examples_that_do_not_fit_the_model_fail_loudly() -> None:
    (rule,) = parse_catalogue(
        '[[rule]]\ncode = "X-1"\nseverity = "error"\nmodes = ["rail"]\nprofiles = ["cbp"]\nfields = "trip_number"\n'
        'kind = "required"\nmessage_en = "a"\nmessage_es = "b"\nsource = "s"\n'
        '[[rule.fail]]\nset = { "consignments[0].gross_weight" = "heavy" }\n',
        "cat.toml",
    )
    with pytest.raises(ExampleError, match="gross_weight"):
        apply_example(VALID[Mode.RAIL](), rule.fails[0])
