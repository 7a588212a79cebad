"""Name-and-address blocks in both layouts real producers write: tagged (NAM, ADR, LOC) and untagged (bare
continuation lines, the name on its own line or on the line identifier's line, an account number before the name).

The files under tests/data/air are written for these tests in the shape of real messages: CargoWise's FWB/16 and
FHL/4 output and the FHL/4 airline traffic of tyroneous9/CargoIMP-Compiler (see the parties module).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from manifest import api
from manifest.formats import cargo_imp
from manifest.formats.base import Document
from manifest.formats.cargo_imp import parties
from manifest.model import Address, Contact, Party, PartyRole

DATA = Path(__file__).resolve().parent / "data" / "air"
REFERENCE = date(2026, 11, 27)


def _read(name: str) -> Document:
    return cargo_imp.read_at((DATA / name).read_bytes(), REFERENCE)


def _text(*lines: str) -> bytes:
    return "".join(line + "\r\n" for line in lines).encode()


@pytest.mark.parametrize("name", ["fwb16-untagged-parties.fwb", "fwb16-account-line.fwb", "fhl4-untagged-parties.fhl"])
def test_real_shaped_files_raise_no_alarm_and_write_back_as_read(name: str) -> None:
    data = (DATA / name).read_bytes()
    report = api.validate(data, path=name, profile="cbp")
    assert report.diagnostics == ()
    document = cargo_imp.read_at(data, REFERENCE)
    written = cargo_imp.write_at(document.manifests, REFERENCE)
    assert written.losses == ()
    assert written.data == data


def test_untagged_fwb_parties_are_the_tagged_parties() -> None:
    [manifest] = _read("fwb16-untagged-parties.fwb").manifests
    shipper, consignee, agent, notify = manifest.consignments[0].parties
    assert shipper == Party(
        role=PartyRole.SHIPPER,
        name="EXPORTADORA DEL NORTE SA DE CV",
        address=Address(
            street="AV PASEO DE LA REFORMA 100",
            city="CIUDAD DE MEXICO",
            subdivision="CMX",
            country="MX",
            postal_code="06600",
        ),
        contact=Contact(phone="525555550000"),
        extensions={parties.X_LAYOUT: parties.NAME_LINE},
    )
    assert (consignee.name, consignee.address) == (
        "PACIFIC IMPORTS LLC",
        Address(street="2200 S ARCHER AVE", city="CHICAGO", subdivision="IL", country="US", postal_code="60616"),
    )
    assert agent.role == PartyRole.AGENT and agent.code == "4730011"
    # CargoWise writes a notify party without a place or country as blank lines.
    assert notify == Party(
        role=PartyRole.NOTIFY,
        name="PACIFIC IMPORTS LLC",
        address=Address(street="2200 S ARCHER AVE"),
        extensions={parties.X_LAYOUT: parties.NAME_ON_TAG},
    )


def test_tagged_and_untagged_blocks_read_alike_and_the_tagged_one_is_written_by_default() -> None:
    untagged = _text(
        "FWB/16",
        "139-30507654MEXORD/T6K1180.5",
        "RTG/ORDAM",
        "SHP/4471",
        "/EXPORTADORA DEL NORTE SA DE CV",
        "/AV PASEO DE LA REFORMA 100",
        "/CIUDAD DE MEXICO/CMX",
        "/MX/06600/TE/525555550000",
        "CNE",
        "/PACIFIC IMPORTS LLC",
        "/2200 S ARCHER AVE",
        "/CHICAGO/IL",
        "/US/60616",
        "CVD/USD//PP/NVD/NCV/XXX",
        "RTD/1/P6/K1180.5",
        "/NC/CONSOLIDATION",
        "ISU/14NOV26/MEXICO/L HERNANDEZ",
        "REF/MEXFFAM",
    )
    tagged = untagged.replace(b"\r\n/EXPORTADORA", b"\r\nNAM/EXPORTADORA").replace(b"\r\n/AV ", b"\r\nADR/AV ")
    tagged = tagged.replace(b"\r\n/CIUDAD", b"\r\nLOC/CIUDAD").replace(b"\r\n/PACIFIC", b"\r\nNAM/PACIFIC")
    tagged = tagged.replace(b"\r\n/2200", b"\r\nADR/2200").replace(b"\r\n/CHICAGO", b"\r\nLOC/CHICAGO")
    [from_untagged] = cargo_imp.read_at(untagged, REFERENCE).manifests
    [from_tagged] = cargo_imp.read_at(tagged, REFERENCE).manifests
    bare = list(from_untagged.consignments[0].parties)
    assert [p.extensions for p in bare] == [{parties.X_LAYOUT: parties.NAME_LINE}] * 2
    assert [_without_layout(p) for p in bare] == list(from_tagged.consignments[0].parties)
    assert bare[0].code == "4471"
    assert cargo_imp.write_at([from_tagged], REFERENCE).data == tagged
    assert cargo_imp.write_at([from_untagged], REFERENCE).data == untagged


def _without_layout(party: Party) -> Party:
    return Party(
        role=party.role,
        name=party.name,
        address=party.address,
        contact=party.contact,
        code=party.code,
        extensions={k: v for k, v in party.extensions.items() if k != parties.X_LAYOUT},
    )


def test_an_account_number_line_before_the_name_and_other_contact_identifiers() -> None:
    [manifest] = _read("fwb16-account-line.fwb").manifests
    shipper, consignee = manifest.consignments[0].parties
    assert (shipper.code, shipper.name, shipper.extensions) == (
        "MX2231045",
        "MAQUILADORA SONORENSE SA DE CV",
        {parties.X_CONTACTS: "FX/526622100000", parties.X_LAYOUT: parties.ACCOUNT_LINE},
    )
    assert shipper.address == Address(
        street="BLVD JUAN NAVARRETE Y GUERRERO 1020 PARQUE INDUSTRIAL NORTE",
        city="HERMOSILLO",
        subdivision="SON",
        country="MX",
        postal_code="83150",
    )
    assert (consignee.code, consignee.name, consignee.extensions[parties.X_CONTACTS]) == (
        "US55810",
        "DESERT MEDICAL SUPPLY INC",
        "TL/6025550199",
    )


def test_fhl4_house_parties_with_the_name_on_the_identifier_line() -> None:
    document = _read("fhl4-untagged-parties.fhl")
    assert document.manifests[0].extensions["cargo-imp.version"] == "4"
    house = document.manifests[0].consignments[1]
    shipper, consignee = house.parties
    assert (shipper.name, shipper.address and shipper.address.city, shipper.extensions[parties.X_LAYOUT]) == (
        "EXPORTADORA DEL NORTE SA DE CV",
        "CIUDAD DE MEXICO",
        parties.NAME_ON_TAG,
    )
    assert consignee.address == Address(
        street="2200 S ARCHER AVE", city="CHICAGO", subdivision="IL", country="US", postal_code="60616"
    )
    assert document.source_map(0).locate("consignments[1].parties[0].name") is not None


def test_positions_point_at_each_element_of_an_untagged_block() -> None:
    document = _read("fwb16-untagged-parties.fwb")
    where = document.source_map(0)
    found = {
        field: where.locate(f"consignments[0].parties[0].{field}")
        for field in ("name", "address.street", "address.city", "address.subdivision", "address.country")
    }
    assert {field: (p.line, p.column) for field, p in found.items() if p is not None} == {
        "name": (6, 2),
        "address.street": (7, 2),
        "address.city": (8, 2),
        "address.subdivision": (8, 19),
        "address.country": (9, 2),
    }


def test_a_bad_country_in_an_untagged_block_is_still_reported_at_its_column() -> None:
    data = (DATA / "fwb16-untagged-parties.fwb").read_bytes().replace(b"/MX/06600/TE/", b"/MEX/06600/TE/")
    found = [d for d in cargo_imp.read_at(data, REFERENCE).diagnostics if d.code == "IMP012"]
    assert [(d.line, d.column, d.location) for d in found] == [(9, 2, "SHP/country")]


def test_empty_blocks_in_either_layout_hold_no_value_and_read_back_alike() -> None:
    head = ("FWB/16", "139-30507654MEXORD/T6K1180.5", "RTG/ORDAM")
    tail = ("CVD/USD//PP/NVD/NCV/XXX", "RTD/1/P6/K1180.5", "/NC/CONSOLIDATION", "ISU/14NOV26/MEXICO/L H", "REF/MEXFFAM")
    for blocks in (("SHP", "CNE"), ("SHP", "NAM/", "ADR/", "LOC/", "/", "CNE", "/", "/", "/", "/")):
        document = cargo_imp.read_at(_text(*head, *blocks, *tail), REFERENCE)
        assert document.diagnostics == ()
        shipper, consignee = document.manifests[0].consignments[0].parties
        assert (shipper.name, shipper.address, consignee.name, consignee.address) == (None, None, None, None)
        written = cargo_imp.write_at(document.manifests, REFERENCE)
        assert written.losses == ()
        assert cargo_imp.read_at(written.data, REFERENCE).manifests == document.manifests
