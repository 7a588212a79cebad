"""The code lists read straight from the data files of pycountry, airportsdata and SAT's shared catalogue file hold
exactly what those packages, and a full parse of the file, give."""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import airportsdata
import pycountry
import pytest

from manifest import codelists
from manifest.codelists import sources

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

    monkeypatch.setattr(sources, "package_folder", nowhere)
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


def test_each_spelling_in_the_subdivision_crosswalk_names_one_iso_subdivision() -> None:
    text = resources.files(codelists).joinpath("subdivision_spellings.csv").read_text(encoding="utf-8")
    rows = list(csv.DictReader(text.splitlines()))
    named: dict[tuple[str, str], set[str]] = defaultdict(set)
    for row in rows:
        assert f"{row['country']}-{row['code']}" in codelists.codes("subdivision"), row
        named[(row["country"], codelists.spelling_key(row["spelling"]))].add(row["code"])
    assert {key: codes for key, codes in named.items() if len(codes) > 1} == {}
    # Every Mexican state has its ISO code, a two-letter form and its name.
    for code in (c.removeprefix("MX-") for c in codelists.codes("subdivision") if c.startswith("MX-")):
        systems = {row["system"] for row in rows if row["country"] == "MX" and row["code"] == code}
        assert {"iso-3166-2", "two-letter", "name"} <= systems, code


@pytest.mark.parametrize(
    ("country", "spelling", "expected"),
    [
        ("MX", "NL", "MX-NLE"),
        ("MEX", "NLE", "MX-NLE"),
        ("MX", "N.L.", "MX-NLE"),
        ("MX", "nuevo leon", "MX-NLE"),
        ("MX", "DIF", "MX-CMX"),
        ("MX", "Q. Roo", "MX-ROO"),
        ("USA", "tx", "US-TX"),
        ("CA", "PQ", "CA-QC"),
        ("MX", "TX", None),
        ("US", "NLE", None),
        ("XX", "TX", None),
        ("MX", "", None),
    ],
)
def test_a_subdivision_is_found_whatever_its_spelling(country: str, spelling: str, expected: str | None) -> None:
    assert codelists.subdivision_code(country, spelling) == expected


def test_only_the_sat_spellings_when_asked() -> None:
    sat = frozenset({"sat-c_estado"})
    assert codelists.subdivision_code("MX", "NLE", sat) == "MX-NLE"
    assert codelists.subdivision_code("MX", "DIF", sat) == "MX-CMX"
    assert codelists.subdivision_code("MX", "NL", sat) is None


def test_every_sat_c_estado_code_is_a_subdivision_of_mexico_the_us_or_canada() -> None:
    """SAT's c_Estado (catCFDI.xsd) against the crosswalk, when the reference schemas are at hand."""
    schema = (
        (Path(__file__).resolve().parents[2] / "shared" / "reference" / "sat-schemas" / "sitio_internet" / "cfd")
        / "catalogos"
        / "catCFDI.xsd"
    )
    if not schema.exists():
        pytest.skip("the SAT reference schemas are not at hand")
    text = schema.read_text(encoding="utf-8")
    start = text.index('name="c_Estado"')
    estados = re.findall(r'enumeration value="([^"]+)"', text[start : text.index("</xs:simpleType>", start)])
    sat = frozenset({"sat-c_estado"})
    unknown = [e for e in estados if not any(codelists.subdivision_code(c, e, sat) for c in ("MX", "US", "CA"))]
    assert unknown == ["UN"]  # SAT's "unknown" placeholder, no state at all


def test_every_code_of_the_port_crosswalk_is_in_its_own_list() -> None:
    """Each row's Schedule D port, UN/LOCODE, SAT aduana and IATA airport is a code of the list it claims."""
    rows = codelists.place_crosswalk()
    assert rows
    for row in rows:
        assert row.codes, row
        for scheme, code in row.codes.items():
            assert codelists.contains(scheme, code), (row.place, scheme, code)
        if "unlocode" in row.codes:
            assert row.codes["unlocode"][:2] == row.country, row


def test_each_border_crossing_of_the_crosswalk_has_both_sides() -> None:
    sides: defaultdict[str, set[str]] = defaultdict(set)
    for row in codelists.place_crosswalk():
        sides[row.place].add(row.country)
    crossings = ("laredo", "el-paso", "eagle-pass", "brownsville", "nogales", "otay-mesa", "calexico")
    for crossing in crossings:
        assert sides[crossing] == {"US", "MX"}, crossing


@pytest.mark.parametrize(
    ("code", "scheme", "place"),
    [
        ("2304", "schedule-d", "laredo"),
        ("MXNLD", "unlocode", "laredo"),
        ("24", "sat-aduana", "laredo"),
        ("07", "sat-aduana", "el-paso"),
        ("USOLS", "unlocode", "nogales"),
        ("LAX", "iata-airport", "los-angeles"),
        ("2720", None, "los-angeles"),
        ("2304", "sat-aduana", None),
        ("USNOG", "unlocode", None),
    ],
)
def test_a_port_is_found_by_its_code_in_its_scheme(code: str, scheme: str | None, place: str | None) -> None:
    assert codelists.place_of_code(code, scheme) == place


def test_a_town_is_found_by_name_and_country_whatever_the_accents() -> None:
    assert codelists.place_of_city("MEX", "Ciudad Juárez") == "el-paso"
    assert codelists.place_of_city("US", "laredo") == "laredo"
    assert codelists.place_of_city("MX", "Laredo") is None


@pytest.mark.parametrize(
    ("country", "spelling", "expected"),
    [
        ("MX", "NL", "NLE"),  # X12's two-letter form of Nuevo León
        ("MEX", "Nuevo León", "NLE"),
        ("MX", "NLE", "NLE"),
        ("MX", "DIF", "CMX"),
        ("US", "TX", "TX"),
        ("USA", "tx", "TX"),
        ("CA", "PQ", "QC"),  # Canada Post's former code for Quebec
        ("US", "DC", None),  # an ISO 3166-2 subdivision c_Estado does not hold
        ("CA", "NU", None),
        ("MX", "ZZ", None),
        ("CR", "SJ", None),  # c_Estado holds only Mexico, the US and Canada
        ("XX", "NL", None),
    ],
)
def test_the_sat_state_of_a_spelling(country: str, spelling: str, expected: str | None) -> None:
    assert codelists.sat_state(country, spelling) == expected


def test_the_shipped_c_estado_is_the_reference_one() -> None:
    schema = Path(__file__).resolve().parents[2] / "shared" / "reference" / "sat-schemas" / "sitio_internet" / "cfd"
    path = schema / "catalogos" / "catCFDI.xsd"
    if not path.exists():
        pytest.skip("the SAT reference schemas are not at hand")
    text = path.read_text(encoding="utf-8")
    start = text.index('name="c_Estado"')
    estados = re.findall(r'enumeration value="([^"]+)"', text[start : text.index("</xs:simpleType>", start)])
    assert codelists.codes("sat-state") == frozenset(estados)
    assert {"NLE", "DIF", "TX", "QC"} <= codelists.codes("sat-state")


@pytest.mark.parametrize(
    ("given", "expected"), [("MX", "MEX"), ("us", "USA"), ("USA", "USA"), ("ZZ", None), ("", None)]
)
def test_the_alpha3_of_a_country(given: str, expected: str | None) -> None:
    assert codelists.country_alpha3(given) == expected


def test_alpha2_of_alpha3_answers_as_pycountry_does() -> None:
    import pycountry

    from manifest.codelists import alpha2_of_alpha3

    alpha3 = [str(country.alpha_3) for country in pycountry.countries]
    for code in [*alpha3, *(c.lower() for c in alpha3), "mEx", " MEX", "MX", "ZZZ", ""]:
        found = pycountry.countries.get(alpha_3=code)
        assert alpha2_of_alpha3(code) == (None if found is None else str(found.alpha_2)), code
