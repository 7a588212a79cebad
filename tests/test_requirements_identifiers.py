"""Identifiers, value by value: the form and check digit of each, and the code lists behind them."""

from __future__ import annotations

import pytest

from manifest import codelists
from manifest.identifiers import IDENTIFIERS, pedimento_aduana

CASES = [
    # ISO 6346: owner code, category U/J/Z, serial, check digit (HASU5044950 is from a real X12 309).
    ("iso6346", "HASU5044950", True),
    ("iso6346", "MSKU1234565", True),
    ("iso6346", "MSKU1234566", False),  # wrong check digit
    ("iso6346", "MSKA1234565", False),  # category must be U, J or Z
    ("iso6346", "MSKU 123456 5", False),  # the model holds no spaces
    ("iso6346", "msku1234565", False),
    # IMO: 7 digits, weighted check digit; no "IMO" prefix in the model.
    ("imo", "9283186", True),
    ("imo", "9321483", True),
    ("imo", "9283187", False),
    ("imo", "IMO9283186", False),
    ("imo", "928318", False),
    # Mexican RFC: moral (12) and física (13) with check digit; SAT's generic RFCs.
    ("rfc", "GODE561231GR8", True),
    ("rfc", "NAL851215QT1", True),
    ("rfc", "XAXX010101000", True),
    ("rfc", "XEXX010101000", True),
    ("rfc", "NAL851215QT2", False),  # check digit
    ("rfc", "NAL851315QT1", False),  # month 13
    ("rfc", "NAL-851215-QT1", False),
    ("rfc", "XEXX010101001", False),
    # US EIN: 2-digit campus prefix that the IRS assigns.
    ("ein", "12-3456789", True),
    ("ein", "123456789", True),
    ("ein", "07-1234567", False),  # 07 is not an assigned prefix
    ("ein", "12-345678", False),
    # CBP importer of record: EIN, EIN + 2-digit suffix, or CBP-assigned YYDDPP-NNNNN.
    ("ior", "12-345678900", True),
    ("ior", "12-3456789", True),
    ("ior", "260101-12345", True),
    ("ior", "07-123456700", False),
    ("ior", "12345", False),
    # SCAC and AAR marks: 2-4 capital letters; car numbers 1-6 digits.
    ("scac", "KCSM", True),
    ("scac", "UP", True),
    ("scac", "K", False),
    ("scac", "KCSMX", False),
    ("scac", "KC5M", False),
    ("reporting-mark", "TTGX", True),
    ("reporting-mark", "tfm", False),
    ("car-number", "55012", True),
    ("car-number", "1", True),
    ("car-number", "1234567", False),
    ("car-number", "12A", False),
    # IATA air waybill: serial's last digit = first seven mod 7.
    ("awb", "123-12345675", True),  # 1234567 mod 7 = 5
    ("awb", "888-11111111", True),  # 1111111 mod 7 = 1
    ("awb", "139-12345675", True),
    ("awb", "123-12345674", False),
    ("awb", "12312345675", False),  # the model keeps the hyphen
    ("awb", "123-1234567", False),
    # Pedimento: YY  AA  PPPP  NNNNNNN with two spaces and a known aduana.
    ("pedimento", "26  24  3456  6001234", True),
    ("pedimento", "26 24 3456 6001234", False),
    ("pedimento", "262434566001234", False),
    ("pedimento", "26  99  3456  6001234", False),  # no aduana 99
    # Tariff codes.
    ("hs6", "870899", True),
    ("hs6", "870890", False),  # not a 2022 subheading
    ("hs6", "8708.99", False),
    ("us-hts", "8708.99.81.80", True),
    ("us-hts", "8708998180", True),
    ("us-hts", "87089981", True),
    ("us-hts", "8708.99.8", False),
    ("us-hts", "9999.99.99.99", False),  # 999999 is no HS subheading
    ("mx-fraccion", "87089999", True),
    ("mx-fraccion", "8708999901", True),
    ("mx-fraccion", "87089998", False),
    ("mx-fraccion", "8708.99.99", False),
    # Places.
    ("schedule-k", "20195", True),
    ("schedule-k", "2019", False),
    ("schedule-k", "2019A", False),
    ("unlocode", "MXZLO", True),
    ("unlocode", "USLGB", True),
    ("unlocode", "MXZZQ", False),  # Mexico's list is bundled: unknown location
    ("unlocode", "CNSHA", True),  # China is not bundled: form and country only
    ("unlocode", "QQABC", False),  # no such country
    ("unlocode", "MXZL1", False),  # digits 0 and 1 are not used
    # VIN (49 CFR 565.15): 17 characters without I, O, Q; position 9 = weighted sum mod 11, 10 written X.
    ("vin", "1M8GDM9AXKP042788", True),  # a check digit of 10, written X
    ("vin", "1HGCM82633A004352", True),
    ("vin", "3AKJHHDR8NSMA1234", True),
    ("vin", "3AKJHHDR9NSMA1234", False),  # check digit off by one
    ("vin", "1HGCM82633A00435I", False),  # I is never used
    ("vin", "1hgcm82633a004352", False),
    ("vin", "1HGCM82633A00435", False),  # 16 characters
    # USDOT number: digits only, the marking USDOT is not part of it.
    ("usdot", "1234567", True),
    ("usdot", "42", True),
    ("usdot", "USDOT1234567", False),
    ("usdot", "123456789", False),
    ("usdot", "0000000", False),
]


@pytest.mark.parametrize(("kind", "value", "valid"), CASES)
def test_identifier(kind: str, value: str, valid: bool) -> None:
    assert IDENTIFIERS[kind].is_valid(value) is valid


def test_every_identifier_is_tested_both_ways() -> None:
    for name in IDENTIFIERS:
        outcomes = {valid for kind, _, valid in CASES if kind == name}
        assert outcomes == {True, False}, name


@pytest.mark.parametrize(
    ("value", "why"),
    [
        # The 11 digits of a valid number, hyphen left out: told apart from a wrong number, and spelled right.
        ("13912345675", "it is written without the hyphen after the airline prefix (139-12345675)"),
        ("139-12345674", "its check digit is 4, where the first seven digits of the serial modulo 7 give 5"),
        # 11 digits whose check digit fails are no air waybill number, hyphen or not.
        ("13912345674", "it is not a 3-digit airline prefix, a hyphen and an 8-digit serial"),
        ("139-1234567", "it is not a 3-digit airline prefix, a hyphen and an 8-digit serial"),
    ],
)
def test_an_air_waybill_number_says_why_it_fails(value: str, why: str) -> None:
    awb = IDENTIFIERS["awb"]
    assert not awb.is_valid(value)
    assert awb.fault is not None
    english, spanish = awb.fault(value)
    assert english.startswith(why)
    assert spanish and spanish != english


def test_pedimento_aduana() -> None:
    assert pedimento_aduana("26  24  3456  6001234") == "24"
    assert pedimento_aduana("262434566001234") is None


@pytest.mark.parametrize(
    ("name", "member", "outsider", "size"),
    [
        ("schedule-d", "2304", "2399", 400),
        ("sat-aduana", "24", "99", 40),
        ("hs2022", "870899", "870890", 5000),
        ("un-number", "1268", "0000", 2000),
        ("unlocode", "MXZLO", "MXZZQ", 20000),
        ("mx-fraccion", "87089999", "87089998", 20000),
        ("sat-station", "PM001", "PM999", 5000),
        ("sat-product-key", "25174800", "99999999", 40000),
        ("sat-rail-car-type", "TC01", "TC12", 10),
        ("sat-air-carrier", "CA001", "AM", 100),
        ("sat-weight-unit", "KGM", "KILOS", 400),
        ("country", "MX", "MEX", 240),
        ("country-alpha3", "MEX", "MX", 240),
        ("subdivision", "MX-TAM", "MX-XXX", 4000),
        ("currency", "MXN", "PESOS", 150),
        ("iata-airport", "LAX", "XXQ", 5000),
    ],
)
def test_code_lists(name: str, member: str, outsider: str, size: int) -> None:
    codes = codelists.codes(name)
    assert len(codes) > size
    assert member in codes and outsider not in codes
    assert codelists.codes(name) is codes  # loaded once


def test_every_bundled_list_loads() -> None:
    for name in codelists.CODELISTS:
        assert codelists.codes(name), name


def test_unknown_list_is_a_clear_error() -> None:
    with pytest.raises(KeyError, match="unknown code list"):
        codelists.codes("schedule-z")


def test_own_container_and_ship_check_digits_agree_with_stdnum() -> None:
    """ISO 6346 and IMO numbers are checked without python-stdnum (its import costs a small file's start-up): the
    own check digits must accept and refuse exactly what stdnum does, over every check digit of many serials."""
    import random
    import string

    from stdnum import imo, iso6346

    draw = random.Random(6346)
    for _ in range(2_000):
        owner = "".join(draw.choice(string.ascii_uppercase) for _ in range(3)) + draw.choice("UJZ")
        serial = "".join(draw.choice(string.digits) for _ in range(6))
        ship = "".join(draw.choice(string.digits) for _ in range(6))
        for digit in string.digits:
            container = owner + serial + digit
            assert IDENTIFIERS["iso6346"].is_valid(container) is iso6346.is_valid(container), container
            assert IDENTIFIERS["imo"].is_valid(ship + digit) is imo.is_valid(ship + digit), ship + digit


def test_checking_a_309_does_not_import_stdnum() -> None:
    """Containers and ships are checked by the project's own code: a 309 of containers validates without importing
    python-stdnum."""
    import subprocess
    import sys
    from pathlib import Path

    sample = Path(__file__).parent.parent / "samples/maritime/northbound-vessel-maersk-kensington-647n.synthetic.309"
    script = (
        "import sys; from manifest import api; "
        f"report = api.validate(open({str(sample)!r}, 'rb').read()); "
        "assert report.manifests[0].consignments[0].equipment; "
        "print('stdnum' in sys.modules)"
    )
    ran = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert ran.stdout.strip() == "False"
