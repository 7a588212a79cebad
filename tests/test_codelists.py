"""The code lists read straight from the data files of pycountry, airportsdata and SAT's shared catalogue file hold
exactly what those packages, and a full parse of the file, give."""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable
from importlib import resources

import airportsdata
import pycountry
import pytest

from manifest import codelists

FROM_PACKAGES: dict[str, Callable[[], set[str]]] = {
    "country": lambda: {country.alpha_2 for country in pycountry.countries},
    "country-alpha3": lambda: {country.alpha_3 for country in pycountry.countries},
    "subdivision": lambda: {subdivision.code for subdivision in pycountry.subdivisions},
    "currency": lambda: {currency.alpha_3 for currency in pycountry.currencies},
    "iata-airport": lambda: set(airportsdata.load("IATA")),
}


@pytest.mark.parametrize("name", sorted(FROM_PACKAGES))
def test_a_list_read_from_a_package_file_is_the_packages_own(name: str) -> None:
    expected = FROM_PACKAGES[name]()
    assert len(expected) > 100
    assert set(codelists.CODELISTS[name].load()) == expected


@pytest.mark.parametrize("name", sorted(FROM_PACKAGES))
def test_without_the_package_file_the_package_is_asked(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def nowhere(package: str) -> None:
        raise FileNotFoundError(package)

    monkeypatch.setattr(codelists, "_package_folder", nowhere)
    assert set(codelists.CODELISTS[name].load()) == FROM_PACKAGES[name]()


def test_each_sat_catalogue_is_its_rows_of_the_shared_file() -> None:
    text = resources.files(codelists).joinpath("mx_sat_cartaporte_catalogues.csv").read_text(encoding="utf-8")
    whole: dict[str, set[str]] = defaultdict(set)
    for row in csv.DictReader(text.splitlines()):
        whole[row["catalogue"]].add(row["code"])
    sat_lists = {
        entry.source.split()[-1]: name
        for name, entry in codelists.CODELISTS.items()
        if entry.source.split()[-1].startswith("c_") and entry.source.split()[-1] in whole
    }
    assert set(sat_lists) == set(whole)  # every catalogue of the file is offered as a list
    for catalogue, name in sat_lists.items():
        assert set(codelists.CODELISTS[name].load()) == whole[catalogue], name
