"""A conversion a broker can file: bills split into SCAC and number, codes taken through crosswalks, identifiers
never cut or re-spelled."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from manifest import api, formats
from manifest.formats import cuscar, x12_309
from manifest.model import Address, Consignment, GoodsItem, Manifest, Mode, Packages, Place, PlaceScheme
from tests import closure
from tests.conftest import REPO

CUSCAR = REPO / "samples" / "maritime" / "northbound-vessel-maersk-kensington-647n.cuscar"
OCEAN_309 = REPO / "samples" / "maritime" / "northbound-vessel-maersk-kensington-647n.synthetic.309"


def _cuscar() -> Manifest:
    return cuscar.read(CUSCAR.read_bytes()).manifests[0]


def _segments(data: bytes, tag: str) -> list[list[str]]:
    return [line.rstrip("~").split("*") for line in data.decode().splitlines() if line.startswith(tag + "*")]


def _with_bill(manifest: Manifest, index: int, **changes: object) -> Manifest:
    bills = list(manifest.consignments)
    bills[index] = replace(bills[index], **changes)  # type: ignore[arg-type]
    return replace(manifest, consignments=tuple(bills))


def test_a_cuscar_bill_is_split_into_the_issuer_scac_and_the_number_and_read_back_whole() -> None:
    manifest = _cuscar()
    written = x12_309.write([manifest])
    m11 = _segments(written.data, "M11")
    assert [(s[1], s[12]) for s in m11] == [("264781203", "MAEU"), ("264781377", "MAEU"), ("264781402", "MAEU")]
    assert not [d for d in written.losses if "document_number" in (d.field or "")]
    back = x12_309.read(written.data).manifests[0]
    assert [c.document_number for c in back.consignments] == [c.document_number for c in manifest.consignments]
    assert [c.document_number for c in back.consignments] == ["MAEU264781203", "MAEU264781377", "MAEU264781402"]


def test_the_synthetic_309_and_the_cuscar_name_the_same_bills() -> None:
    ocean = x12_309.read(OCEAN_309.read_bytes()).manifests[0]
    assert [c.document_number for c in ocean.consignments] == [c.document_number for c in _cuscar().consignments]


def test_a_309_bill_without_m1112_is_written_back_as_it_was_read() -> None:
    data = (
        OCEAN_309.read_bytes()
        .replace(b"M11*264781203*", b"M11*MAEU26478120*")
        .replace(b"MANZANILLO COL**MAEU~", b"MANZANILLO COL~")
    )
    document = x12_309.read(data)
    assert document.manifests[0].consignments[0].document_number == "MAEU26478120"
    written = x12_309.write(document.manifests)
    assert written.data == data and written.losses == ()


def test_a_bill_too_long_for_m1101_is_left_out_not_cut() -> None:
    manifest = _with_bill(_cuscar(), 0, document_number="1234567890123456")
    written = x12_309.write([manifest])
    assert b"123456789012" not in written.data
    (loss,) = [d for d in written.losses if d.field == "consignments[0].document_number"]
    assert loss.code == "X12411" and loss.location == "M11-01"
    assert "1234567890123456" in loss.message()


def test_an_identifier_outside_the_character_sets_is_left_out_and_free_text_is_transliterated() -> None:
    manifest = _cuscar()
    bill = manifest.consignments[0]
    equipment = replace(bill.equipment[0], seals=(replace(bill.equipment[0].seals[0], number="SÉAL4471203"),))
    party = replace(bill.parties[0], name="GRUPO EXPORTADOR DE MÉXICO")
    written = x12_309.write([_with_bill(manifest, 0, equipment=(equipment, *bill.equipment[1:]), parties=(party,))])
    assert b"SEAL4471203" not in written.data and b"GRUPO EXPORTADOR DE MEXICO" in written.data
    codes = {d.field: d.code for d in written.losses}
    assert codes["consignments[0].equipment[0].seals[0].number"] == "X12411"
    assert codes["consignments[0].parties[0].name"] == "X12410"


def test_package_kinds_go_through_the_crosswalk_and_m1104_is_derived_from_the_goods() -> None:
    written = x12_309.write([_cuscar()])
    assert [s[4] for s in _segments(written.data, "M11")] == ["CTN", "PLT", "DRM"]
    assert [s[10] for s in _segments(written.data, "N10") if len(s) > 10] == ["CTN", "PLT", "DRM"]
    assert not [d for d in written.losses if "kind" in (d.field or "")]
    assert not [n for n in written.notes if n.location == "M11-04"]


def test_without_a_package_kind_m1104_stays_a_note() -> None:
    manifest = _cuscar()
    bill = manifest.consignments[1]
    goods = tuple(replace(g, packages=Packages(count=g.packages.count) if g.packages else None) for g in bill.goods)
    written = x12_309.write([_with_bill(manifest, 1, goods=goods)])
    assert _segments(written.data, "M11")[1][4] == ""
    assert [n.code for n in written.notes if n.location == "M11-04"] == ["X12403"]


def test_a_kind_with_only_a_broader_x12_code_is_written_and_listed() -> None:
    manifest = _cuscar()
    bill: Consignment = manifest.consignments[0]
    goods: GoodsItem = replace(bill.goods[0], packages=Packages(count=2400, kind="5H"))  # woven plastic bag
    written = x12_309.write([_with_bill(manifest, 0, goods=(goods,))])
    assert _segments(written.data, "N10")[0][10] == "BAG"
    (loss,) = [d for d in written.losses if d.field == "consignments[0].goods[0].packages.kind"]
    assert loss.code == "X12412" and loss.args["written"] == "BAG"


def test_an_alpha3_country_is_written_as_alpha2_without_a_loss() -> None:
    manifest = _cuscar()
    bill = manifest.consignments[0]
    party = replace(bill.parties[1], address=replace(bill.parties[1].address or Address(), country="USA"))
    written = x12_309.write([_with_bill(manifest, 0, parties=(bill.parties[0], party, *bill.parties[2:]))])
    lines = written.data.decode().splitlines()
    consignee = lines.index("N1*CN*PACIFIC BEVERAGE IMPORTS INC~")
    assert lines[consignee + 2] == "N4*LONG BEACH*CA*90804*US~"
    assert not [d for d in written.losses if d.field == "consignments[0].parties[1].address.country"]


def test_the_real_ace_309_keeps_m1112_when_written_back(external_samples: Path) -> None:
    data = (external_samples / "x12" / "309_ocean_cbp_manifest_anonymized.x12").read_bytes()
    document = api.read(data, name="309.x12")
    written = x12_309.write(document.manifests)
    assert [s[12] for s in _segments(written.data, "M11")] == [s[12] for s in _segments(data, "M11")]
    assert [s[1] for s in _segments(written.data, "M11")] == [s[1] for s in _segments(data, "M11")]


_PORTS = [
    pytest.param(Place(code="USLAX", scheme=PlaceScheme.UNLOCODE), "2704", id="unlocode"),  # Los Angeles, CA
    pytest.param(Place(code="LAX", scheme=PlaceScheme.IATA_AIRPORT), "2720", id="airport"),  # Los Angeles Intl.
    pytest.param(Place(code="2704", scheme=PlaceScheme.SCHEDULE_D), "2704", id="schedule-d"),
]


@pytest.mark.parametrize("to", ["x12-309", "x12-358"])
@pytest.mark.parametrize(("office", "port"), _PORTS)
def test_an_office_of_entry_is_written_in_p401_as_the_schedule_d_code_of_the_same_port(
    to: str, office: Place, port: str
) -> None:
    """P4-01 (element 310) is a Schedule D port in the 309 and the 358: another list's code goes through the place
    crosswalk to the Schedule D code of the same port, with no loss (the same fact in CBP's list)."""
    model = Manifest(mode=Mode.RAIL, office_of_entry=office, consignments=(Consignment(document_number="BILL1"),))
    written = formats.get(to).write([model])
    assert [s[1] for s in _segments(written.data, "P4")] == [port]
    assert not [d for d in written.losses if (d.field or "").startswith("office_of_entry")]
    source = formats.get("manifest-json").write([model]).data
    assert closure.unexplained(source, "source.manifest-json", to) == []


@pytest.mark.parametrize("to", ["x12-309", "x12-358"])
def test_an_office_of_entry_with_no_schedule_d_port_is_a_loss_and_p401_is_not_written_with_it(to: str) -> None:
    office = Place(code="MXNLD", scheme=PlaceScheme.UNLOCODE)  # Nuevo Laredo: a Mexican port, none of Schedule D
    model = Manifest(mode=Mode.RAIL, office_of_entry=office, consignments=(Consignment(document_number="BILL1"),))
    written = formats.get(to).write([model])
    assert [line for line in written.data.decode().splitlines() if line.startswith("P4")] == ["P4~"]
    assert "office_of_entry.code" in {d.field for d in written.losses}
    source = formats.get("manifest-json").write([model]).data
    assert closure.unexplained(source, "source.manifest-json", to) == []


@pytest.mark.parametrize(
    ("place", "written"),
    [
        (Place(code="MXZLO", scheme=PlaceScheme.UNLOCODE), "MXZLO"),
        (Place(code="MEX", scheme=PlaceScheme.IATA_AIRPORT), "MXMEX"),  # the UN/LOCODE of the same place
        (Place(code="FALSE", scheme=PlaceScheme.OTHER), ""),  # would be read back as a UN/LOCODE it is not
        (Place(code="FALSE"), ""),
        (Place(code="LOCAL1", scheme=PlaceScheme.OTHER), "LOCAL1"),  # read back as a code of no known scheme
    ],
)
def test_m1102_holds_a_port_of_lading_only_as_what_it_is_read_back_as(place: Place, written: str) -> None:
    """M1102's scheme is told by the code's form on reading (Schedule K, UN/LOCODE, else another): a code that would
    be read back under another scheme names another place, and is a loss instead."""
    manifest = _with_bill(_cuscar(), 0, place_of_loading=place)
    data = x12_309.write([manifest]).data
    assert _segments(data, "M11")[0][2] == written
    back = x12_309.read(data).manifests[0].consignments[0].place_of_loading
    if written:
        assert back is not None and back.code == written
