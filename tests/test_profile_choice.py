"""How ``auto`` chooses a profile, and how the report says which and why: the receiver first, then the ports and
countries of the manifest (US, Mexico, both, neither), then the format."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from manifest.api import validate
from manifest.i18n import words
from manifest.model import CustomsNote, Manifest, Mode, Place, PlaceScheme, Stop
from manifest.reporters import PROFILE_LINE, as_json, text
from manifest.requirements import choose_profile, resolve_profile
from manifest.requirements.profiles import REASON_TEMPLATES, traffic_countries
from tests.models.requirements import VALID

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
CUSCAR = SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.cuscar"


def _between(mode: Mode, start: Place, end: Place, country_from: str | None, country_to: str | None) -> Manifest:
    """The valid manifest of ``mode`` moved between two places, with every bill's places there too."""
    manifest = VALID[mode]()
    bills = tuple(
        replace(c, place_of_receipt=None, place_of_loading=start, place_of_discharge=end, place_of_delivery=None)
        for c in manifest.consignments
    )
    assert manifest.departure is not None and manifest.arrival is not None
    return replace(
        manifest,
        consignments=bills,
        departure=Stop(place=start, moment=manifest.departure.moment),
        arrival=Stop(place=end, moment=manifest.arrival.moment),
        office_of_entry=None,
        stops=(),
        country_from=country_from,
        country_to=country_to,
    )


LIMON = Place(code="CRLIO", scheme=PlaceScheme.UNLOCODE)
FELIXSTOWE = Place(code="GBFXT", scheme=PlaceScheme.UNLOCODE)
MANZANILLO = Place(code="MXZLO", scheme=PlaceScheme.UNLOCODE)
LONG_BEACH = Place(code="2709", scheme=PlaceScheme.SCHEDULE_D)
HOUSTON = Place(code="USHOU", scheme=PlaceScheme.UNLOCODE)


@pytest.mark.parametrize(
    ("start", "end", "format_name", "expected", "countries"),
    [
        (LIMON, FELIXSTOWE, "cuscar", "none", {"CR", "GB"}),
        (LIMON, FELIXSTOWE, "x12-309", "none", {"CR", "GB"}),
        (LIMON, HOUSTON, "cuscar", "cbp", {"CR", "US"}),
        (LIMON, MANZANILLO, "x12-309", "sat", {"CR", "MX"}),
        (MANZANILLO, LONG_BEACH, "manifest-xml", "harmonized", {"MX", "US"}),
        (MANZANILLO, LONG_BEACH, "cuscar", "sat", {"MX", "US"}),  # CBP takes no CUSCAR
        (MANZANILLO, LONG_BEACH, "x12-309", "cbp", {"MX", "US"}),  # SAT takes a 309 only when addressed to it
    ],
)
def test_auto_follows_the_ports_and_countries(
    start: Place, end: Place, format_name: str, expected: str, countries: set[str]
) -> None:
    manifest = _between(Mode.MARITIME, start, end, None, None)
    assert traffic_countries(manifest) == countries
    choice = choose_profile("auto", format_name, manifest)
    assert choice.profile == expected
    assert ", ".join(sorted(countries)) in str(choice.reason)


def test_the_receiver_comes_before_the_places() -> None:
    manifest = replace(_between(Mode.MARITIME, LIMON, FELIXSTOWE, None, None), extensions={"x12.ISA.08": "CBPOCEAN"})
    choice = choose_profile("auto", "x12-309", manifest)
    assert choice.profile == "cbp" and str(choice.reason) == "the receiver CBPOCEAN (ISA.08) is CBP"
    addressed = replace(manifest, extensions={"cuscar.UNB.03": "VUCEM:ZZZ"})
    assert resolve_profile("auto", "cuscar", addressed) == "sat"


def test_countries_come_from_codes_when_places_name_none() -> None:
    air = VALID[Mode.AIR]()
    bills = tuple(
        replace(
            c,
            place_of_loading=Place(code="MEX", scheme=PlaceScheme.IATA_AIRPORT),
            place_of_discharge=Place(code="LHR", scheme=PlaceScheme.IATA_AIRPORT),
        )
        for c in air.consignments
    )
    bare = replace(
        air, consignments=bills, departure=None, arrival=None, office_of_entry=None, country_from=None, country_to=None
    )
    assert traffic_countries(bare) == {"MX", "GB"}
    assert resolve_profile("auto", "cargo-xml", bare) == "sat"
    nowhere = replace(
        bare, consignments=tuple(replace(c, place_of_loading=None, place_of_discharge=None) for c in bills)
    )
    choice = choose_profile("auto", "cargo-xml", nowhere)
    assert choice.profile == "harmonized" and "names no port or country" in str(choice.reason)


def test_an_asked_profile_says_so() -> None:
    assert str(choose_profile("none", "cuscar", VALID[Mode.MARITIME]()).reason) == "profile none as asked"


def test_the_report_says_which_profile_and_why_in_text_and_json() -> None:
    """A CUSCAR from Costa Rica to the UK is checked for syntax, schema and identifiers only, and says so."""
    data = CUSCAR.read_bytes()
    for mexican_or_us, elsewhere in (
        (b"MXZLO:139:6:Manzanillo, Col.", b"CRLIO:139:6:Puerto Limon"),
        (b"MXGDL:139:6:Guadalajara, Jal.", b"CRSJO:139:6:San Jose"),
        (b"2709:D:ZZZ:Long Beach, CA", b"GBFXT:139:6:Felixstowe"),
        (b"USLAX:139:6:Los Angeles, CA", b"GBLON:139:6:London"),
    ):
        assert mexican_or_us in data
        data = data.replace(mexican_or_us, elsewhere)
    report = validate(data, path="cr-uk.cuscar", format="cuscar")
    assert report.profile == "none" and report.profile_reason is not None
    assert {d.code for d in report.diagnostics if "-" in d.code} <= {f"ID-{n:03d}" for n in range(1, 100)}
    lines = text([report]).splitlines()
    assert lines[0].startswith("cr-uk.cuscar: profile none: the manifest's ports and countries are neither")
    assert "(CR, GB)" in lines[0]
    (entry,) = json.loads(as_json([report]))["files"]
    assert entry["profile"] == "none" and "neither in the US nor in Mexico (CR, GB)" in entry["profile_reason"]
    spanish = json.loads(as_json([report], "es"))["files"][0]["profile_reason"]
    assert spanish.startswith("los puertos y países del manifiesto no están en EE. UU. ni en México (CR, GB)")
    assert text([report], "es").startswith("cr-uk.cuscar: perfil none: ")


def test_every_reason_has_its_spanish() -> None:
    spanish = words("es")
    for template in (*REASON_TEMPLATES, PROFILE_LINE):
        assert spanish.gettext(template) != template, template


def test_customs_notes_tell_whose_customs_the_file_is_for() -> None:
    """An ACAS air waybill from China to Ireland carries OCI notes for the US: it is checked as cbp."""
    air = _between(
        Mode.AIR,
        Place(code="PVG", scheme=PlaceScheme.IATA_AIRPORT),
        Place(code="DUB", scheme=PlaceScheme.IATA_AIRPORT),
        None,
        None,
    )
    assert resolve_profile("auto", "cargo-xml", air) == "none"
    noted = replace(air.consignments[0], customs_notes=(CustomsNote(country="US", subject="CUS", content_code="AH"),))
    with_note = replace(air, consignments=(noted, *air.consignments[1:]))
    choice = choose_profile("auto", "cargo-xml", with_note)
    assert choice.profile == "cbp" and "(CN, IE, US)" in str(choice.reason)


def test_the_acas_sample_is_checked_as_cbp(external_samples: Path) -> None:
    data = (external_samples / "cargo-xml" / "888-11111111_XFWB_ACAS_US.xml").read_bytes()
    assert validate(data).profile == "cbp"
    plain = (external_samples / "cargo-xml" / "888-11111111_XFWB.xml").read_bytes()
    assert validate(plain).profile == "none"
