"""Tariff codes across nomenclatures: related by the HS subheading they share, never by invented digits."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from manifest.codelists import tariffs
from manifest.codelists.crosswalks import translate
from manifest.model import GoodsItem, TariffCode
from manifest.singlewindow.identity import hs6_codes, hs6_of


@pytest.mark.parametrize(
    ("scheme", "code", "subheading"),
    [
        ("hs", "847130", "847130"),
        ("hs", "8471.30", "847130"),
        ("us-hts", "8471.30.0100", "847130"),
        ("mx-fraccion", "84713001", "847130"),
        ("mx-fraccion", "8471300101", "847130"),
        ("national", "84713000", "847130"),
        ("stcc", "3571110", None),  # STCC is not built on the HS
        ("us-hts", "84713", None),  # too short to hold a subheading
        ("us-hts", "8471３0", None),  # a fullwidth digit is no ASCII digit
    ],
)
def test_a_code_gives_the_subheading_it_begins_with(scheme: str, code: str, subheading: str | None) -> None:
    assert tariffs.subheading_of(scheme, code) == subheading


@given(st.text(alphabet="0123456789", min_size=6, max_size=12), st.sampled_from(sorted(tariffs.NOMENCLATURES)))
def test_no_subheading_is_longer_or_other_than_the_code_s_first_digits(code: str, scheme: str) -> None:
    assert tariffs.subheading_of(scheme, code) == code[:6]


def test_the_crosswalk_takes_a_fraccion_to_its_subheading_and_never_back() -> None:
    assert translate("tariff-codes", "mx-fraccion-8", "hs6", "01012101") == "010121"
    assert translate("tariff-codes", "mx-fraccion-10", "hs6", "0101210100") == "010121"
    assert translate("tariff-codes", "hs6", "mx-fraccion-8", "010121") is None
    # Chapter 98 is Mexico's own: no HS subheading to pair it with.
    assert translate("tariff-codes", "mx-fraccion-8", "hs6", "98010001") is None


def test_a_line_is_matched_by_the_subheading_of_its_national_codes() -> None:
    line = GoodsItem(
        description="laptops",
        tariff_codes=(TariffCode(scheme="stcc", code="3571110"), TariffCode(scheme="mx-fraccion", code="84713001")),
    )
    assert hs6_of(line) == ("847130", "tariff_codes[1].code")
    assert hs6_codes(line) == {"847130"}
    assert hs6_codes(
        GoodsItem(description="x", hs_code="847130", tariff_codes=(TariffCode(scheme="us-hts", code="8528.72"),))
    ) == {
        "847130",
        "852872",
    }
