"""Code-list crosswalks: data with sources, read both ways where the codes are equal, one way where narrower."""

from __future__ import annotations

from collections import Counter

import pytest

from manifest.codelists import codes
from manifest.codelists.crosswalks import CROSSWALKS, Relation, find, pairs, render, translate
from tests.conftest import REPO


def test_the_crosswalks_page_is_up_to_date() -> None:
    assert (REPO / "docs" / "crosswalks.md").read_text(encoding="utf-8") == render(), (
        "run: python -m manifest.codelists.crosswalks > docs/crosswalks.md"
    )


def test_every_file_is_described_in_sources() -> None:
    sources = (REPO / "manifest" / "codelists" / "SOURCES.md").read_text(encoding="utf-8")
    for path in (REPO / "manifest" / "codelists").glob("crosswalk_*.csv"):
        assert f"`{path.name}`" in sources


@pytest.mark.parametrize("name", list(CROSSWALKS))
def test_pairs_name_only_the_systems_of_their_crosswalk_and_none_twice(name: str) -> None:
    found = pairs(name)
    assert found
    systems = set(CROSSWALKS[name].systems)
    for pair in found:
        assert {pair.from_system, pair.to_system} <= systems and pair.from_code and pair.to_code and pair.basis
    # An equal pair read backwards must not give two codes for one: each (system, code) has one equal target.
    forward = Counter((p.from_system, p.from_code, p.to_system) for p in found if p.relation is Relation.EQUAL)
    backward = Counter((p.to_system, p.to_code, p.from_system) for p in found if p.relation is Relation.EQUAL)
    assert [key for key, count in (forward + backward).items() if count > 1] == []


def test_sat_codes_are_in_the_sat_catalogues() -> None:
    for name, system, catalogue in (
        ("package-forms", "sat-tipo-embalaje", "sat-packaging"),
        ("units", "sat-clave-unidad-peso", "sat-weight-unit"),
    ):
        sat = {p.from_code for p in pairs(name) if p.from_system == system}
        assert sat and sat <= codes(catalogue)


@pytest.mark.parametrize(
    ("crosswalk", "source", "target", "code", "expected"),
    [
        ("package-forms", "unece-rec21", "x12-599", "CT", "CTN"),
        ("package-forms", "x12-599", "unece-rec21", "CTN", "CT"),
        ("package-forms", "unece-rec21", "x12-599", "PX", "PLT"),
        ("package-forms", "unece-rec21", "x12-599", "5H", "BAG"),  # a woven plastic bag is a bag
        ("package-forms", "x12-599", "unece-rec21", "BLE", None),  # bale: compressed or not, Rec 21 must say which
        ("package-forms", "x12-599", "unece-rec21", "CNT", None),  # Rec 21 CN is not transport equipment
        ("package-forms", "sat-tipo-embalaje", "unece-rec21", "1A1", "QA"),
        ("package-forms", "sat-tipo-embalaje", "x12-599", "1A1", "DRM"),  # through Rec 21 QA
        ("units", "unece-rec20", "x12-188", "KGM", "K"),
        ("units", "x12-184", "unece-rec20", "E", "FTQ"),
        ("units", "unece-rec20", "x12-188", "TNE", None),
        ("transport-modes", "model-mode", "unece-rec19", "maritime", "1"),
        ("transport-modes", "sat-cve-transporte", "unece-rec19", "04", "2"),
        ("party-roles", "x12-98", "uncl-3035", "SH", "CZ"),  # the shipper: X12 N101 SH, CUSCAR NAD CZ
        ("party-roles", "uncl-3035", "model-role", "EX", "exporter"),
        ("party-roles", "model-role", "x12-98", "exporter", None),
        ("equipment-kinds", "x12-40", "uncl-8053", "TL", "TE"),
        ("countries", "iso3166-alpha3", "iso3166-alpha2", "MEX", "MX"),
        ("countries", "sat-c-pais", "iso3166-alpha2", "USA", "US"),
        ("countries", "iso3166-alpha3", "iso3166-alpha2", "XXX", None),
    ],
)
def test_translate(crosswalk: str, source: str, target: str, code: str, expected: str | None) -> None:
    assert translate(crosswalk, source, target, code) == expected


def test_a_broader_code_is_marked_inexact() -> None:
    assert find("package-forms", "unece-rec21", "x12-599", "DR") == find("package-forms", "x12-599", "x12-599", "DRM")
    broader = find("package-forms", "unece-rec21", "x12-599", "QA")
    assert broader is not None and broader.code == "DRM" and not broader.exact


def test_an_unknown_crosswalk_is_named_in_the_error() -> None:
    with pytest.raises(KeyError, match="known crosswalks"):
        pairs("ports")
