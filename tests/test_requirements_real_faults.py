"""Faults of real files that the requirements must catch, and spellings of real files they must not flag: each case
is a sample changed the way real senders get it wrong (or right), validated through the public API."""

from __future__ import annotations

from pathlib import Path

import pytest

from manifest.api import convert, validate

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
RAIL_309 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
CUSCAR = SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.cuscar"


def _codes(data: bytes, profile: str, format_name: str | None = None) -> dict[str, set[str | None]]:
    found: dict[str, set[str | None]] = {}
    for diagnostic in validate(data, format=format_name, profile=profile).diagnostics:
        found.setdefault(diagnostic.code, set()).add(diagnostic.value)
    return found


def test_a_309_converted_to_the_harmonized_model_keeps_its_state_codes_valid() -> None:
    """X12 files write Nuevo León as NL and San Luis Potosí as SL; the harmonized model keeps that spelling, and a
    state rule checks the state, not the spelling of one code list."""
    written = convert(RAIL_309.read_bytes(), "manifest-xml").written
    assert written is not None
    for profile in ("sat", "harmonized", "none"):
        found = _codes(written.data, profile)
        assert "SAT-CP-021" not in found and "ID-008" not in found, (profile, found)


@pytest.mark.parametrize("profile", ["cbp", "sat", "harmonized", "none", "auto"])
def test_a_state_of_another_country_is_caught_in_every_profile(profile: str) -> None:
    """Houston, TX with country MX: the state does not belong to the country."""
    data = RAIL_309.read_bytes().replace(b"N4*HOUSTON*TX*77015*US", b"N4*HOUSTON*TX*77015*MX")
    assert _codes(data, profile).get("ID-008") == {"TX"}


@pytest.mark.parametrize("profile", ["cbp", "sat", "none"])
def test_a_country_that_is_not_iso_3166_is_caught_in_n4(profile: str) -> None:
    data = RAIL_309.read_bytes().replace(b"N4*DETROIT*MI*48226*US", b"N4*DETROIT*MI*48226*UU")
    assert _codes(data, profile).get("ID-007") == {"UU"}


@pytest.mark.parametrize("profile", ["sat", "auto", "none"])
def test_a_container_with_a_wrong_check_digit_is_caught_whatever_the_profile(profile: str) -> None:
    """CUSCAR goes to sat under auto: the ISO 6346 check digit is checked there too."""
    data = CUSCAR.read_bytes().replace(b"EQD+CN+MSKU1234565", b"EQD+CN+MSKU1234566")
    assert "MSKU1234566" in (_codes(data, profile).get("ID-001") or set())


def test_none_runs_only_the_identifier_rules() -> None:
    report = validate(
        RAIL_309.read_bytes().replace(b"N4*HOUSTON*TX*77015*US", b"N4*HOUSTON*TX*77015*MX"), profile="none"
    )
    rule_codes = {d.code for d in report.diagnostics if "-" in d.code}
    assert rule_codes == {"ID-008"}
    assert report.profile == "none"


@pytest.mark.parametrize(
    ("sample", "old", "new", "format_name"),
    [
        (RAIL_309, b"M11*KCSM26110452*", b"M11*KCSM26110451*", "x12-309"),
        (CUSCAR, b"MAEU264781377", b"MAEU264781203", "cuscar"),
    ],
)
@pytest.mark.parametrize("profile", ["cbp", "sat", "none"])
def test_two_bills_with_one_number_are_caught(
    sample: Path, old: bytes, new: bytes, format_name: str, profile: str
) -> None:
    data = sample.read_bytes()
    assert old in data
    report = validate(data.replace(old, new), format=format_name, profile=profile)
    (found,) = [d for d in report.diagnostics if d.code == "ID-009"]
    assert found.field == "consignments[1].document_number" and found.line is not None
    assert "consignments[0].document_number" in found.message("en")


def test_a_vessel_flag_that_is_not_iso_3166_is_caught_in_m10() -> None:
    data = (SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.synthetic.309").read_bytes()
    assert b"M10*MAEU*O*SG*" in data
    found = _codes(data.replace(b"M10*MAEU*O*SG*", b"M10*MAEU*O*XS*"), "auto", "x12-309")
    assert found.get("ID-007") == {"XS"}


def test_a_bill_weight_apart_from_its_goods_is_caught_under_cbp() -> None:
    """M11-05 says 92,400 kg; the N10-08 weights of its goods add up to 92,400 kg until one bill says 93,400."""
    data = RAIL_309.read_bytes()
    assert _codes(data, "cbp").get("HM-GEN-003") is None
    heavier = data.replace(b"M11*KCSM26110451*MXMTY*12*COL*92400*K", b"M11*KCSM26110451*MXMTY*12*COL*93400*K")
    assert _codes(heavier, "cbp").get("HM-GEN-003") == {"93400 KGM"}
