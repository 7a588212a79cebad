"""A house waybill written under the master it names (FHL, XFZB, XFHL): the master number is never invented nor
written in another form, each mandatory value the model lacks is noted by its model path, and the house read back
after the master the reader adds is matched to the house written (``Written.moves``)."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

import pytest

from manifest import api, formats
from manifest.core.paths import read_back_path, written_path
from manifest.diagnostics import Diagnostic
from manifest.model import Consignment, CustomsNote, DocumentType, Manifest, Mode, Packages, Place, Quantity
from tests import closure

_HOUSE = Consignment(document_number="MEX26110001", document_type=DocumentType.HOUSE_AIR_WAYBILL)


def _houses(master_number: str | None) -> Manifest:
    return Manifest(mode=Mode.AIR, consignments=(replace(_HOUSE, master_number=master_number),))


def _codes(found: tuple[Diagnostic, ...]) -> list[tuple[str, str | None, str | None]]:
    return [(d.code, d.field, d.location) for d in found]


def _closure(manifest: Manifest, to: str) -> list[str]:
    source = formats.get("manifest-json").write([manifest]).data
    return closure.unexplained(source, "source.manifest-json", to)


def test_a_read_back_path_is_the_path_written_through_the_nearest_move() -> None:
    moves = (("consignments[0]", None), ("consignments[1]", "consignments[0]"))
    assert written_path("consignments[1].parties[role=shipper]", moves) == "consignments[0].parties[role=shipper]"
    assert written_path("consignments[0].gross_weight", moves) is None
    assert written_path("carrier.iata_code", moves) == "carrier.iata_code"
    assert read_back_path("consignments[0].master_number", moves) == "consignments[1].master_number"
    assert read_back_path("consignments[2]", moves) == "consignments[2]"


def test_an_fhl_without_a_master_number_has_no_mbi_line_and_says_so() -> None:
    written = formats.get("cargo-imp").write([_houses(None)])
    lines = written.data.decode().split("\r\n")
    assert lines[:2] == ["FHL/5", "HBS/MEX26110001/////"]  # no MBI, no pieces invented
    assert ("IMP102", "consignments[0].master_number", None) in _codes(written.notes)
    hbs = next(d for d in written.notes if d.args["value"] == "HBS")
    assert hbs.args["missing"] == ", ".join(
        f"consignments[0].{name}"
        for name in ("place_of_loading", "place_of_discharge", "total_packages", "gross_weight", "goods[0].description")
    )
    assert written.moves == ()  # no master is read back: the house stays consignments[0]
    assert _closure(_houses(None), "cargo-imp") == []


def test_an_fhl_of_a_master_number_alone_reads_the_house_back_after_the_master() -> None:
    written = formats.get("cargo-imp").write([_houses("139-12345675")])
    assert written.data.decode().split("\r\n")[1] == "MBI/139-12345675"
    assert ("IMP106", "consignments[0].master_number", "MBI") in _codes(written.notes)
    assert written.moves == (("consignments[0]", None), ("consignments[1]", "consignments[0]"))
    read = formats.get("cargo-imp").read(written.data)
    assert read.source_map(0).locate("consignments[1].document_number") is not None
    assert _closure(_houses("139-12345675"), "cargo-imp") == []


def test_an_fhl_does_not_write_a_master_number_of_another_form() -> None:
    written = formats.get("cargo-imp").write([_houses("X1")])
    assert b"MBI" not in written.data
    assert _codes(written.losses) == [("IMP107", "consignments[0].master_number", "MBI")]
    assert _closure(_houses("X1"), "cargo-imp") == []


def test_an_fhl_reader_places_the_houses_of_a_message_without_mbi_first() -> None:
    document = formats.get("cargo-imp").read(b"FHL/5\r\nHBS/MEX1/MEXLAX/2/K10//BOOKS\r\n")
    assert document.manifests[0].consignments[0].document_number == "MEX1"
    position = document.source_map(0).locate("consignments[0].document_number")
    assert position is not None and position.line == 2


def test_an_mbi_of_a_master_writes_no_pieces_the_model_lacks() -> None:
    master = Consignment(
        document_number="139-12345675",
        document_type=DocumentType.AIR_WAYBILL,
        place_of_loading=Place(code="MEX"),
        place_of_discharge=Place(code="LAX"),
        gross_weight=Quantity(value=Decimal(10), unit="KGM"),
    )
    house = Consignment(
        document_number="MEX26110001",
        document_type=DocumentType.HOUSE_AIR_WAYBILL,
        master_number="139-12345675",
        total_packages=Packages(count=2),
    )
    written = formats.get("cargo-imp").write([Manifest(mode=Mode.AIR, consignments=(master, house))])
    assert written.data.decode().split("\r\n")[1] == "MBI/139-12345675MEXLAX/TK10"
    mbi = next(d for d in written.notes if d.args["value"] == "MBI")
    assert (mbi.code, mbi.args["missing"]) == ("IMP102", "consignments[0].total_packages")
    assert written.moves == ()


@pytest.mark.parametrize("country", ["0", "MEX"])
def test_a_customs_note_s_country_of_another_form_is_not_written_in_oci(country: str) -> None:
    house = Consignment(
        document_number="MEX26110001",
        document_type=DocumentType.HOUSE_AIR_WAYBILL,
        customs_notes=(CustomsNote(country=country, content="X"),),
    )
    written = formats.get("cargo-imp").write([Manifest(mode=Mode.AIR, consignments=(house,))])
    assert "OCI////X" in written.data.decode()
    assert _codes(written.losses) == [("IMP108", "consignments[0].customs_notes[0].country", None)]


def test_an_xfzb_without_a_master_number_notes_the_element_and_the_master_it_lacks() -> None:
    written = formats.get("cargo-xml").write([_houses(None)])
    assert b"TransportContractDocument" not in written.data
    assert _codes(written.notes) == [
        (
            "CXML015",
            "consignments[0].master_number",
            "/HouseWaybill/MasterConsignment/TransportContractDocument/ID",
        ),
        ("CXML019", "consignments[0].master_number", "/HouseWaybill/MasterConsignment"),
    ]
    assert written.moves == (("consignments[0]", None), ("consignments[1]", "consignments[0]"))
    assert _closure(_houses(None), "cargo-xml") == []


def test_an_xfzb_does_not_write_a_master_number_of_another_form() -> None:
    written = formats.get("cargo-xml").write([_houses("X1")])
    assert b"X1" not in written.data
    assert _codes(written.losses) == [
        ("CXML013", "consignments[0].master_number", "/HouseWaybill/MasterConsignment/TransportContractDocument/ID")
    ]
    assert _closure(_houses("X1"), "cargo-xml") == []


def test_an_xfzb_of_a_master_number_alone_is_matched_to_the_house_written() -> None:
    """Without the moves, the master read back first would take the house's findings (CBP-AIR-007, 020, 021) to
    consignments[1], where the source has none, and give the master's own to consignments[0], the source's house."""
    model = _houses("139-12345675")
    assert _closure(model, "cargo-xml") == []
    had = api.validate(formats.get("manifest-json").write([model]).data, format="manifest-json").diagnostics
    written = formats.get("cargo-xml").write([model])
    assert closure.unexplained_in(written, "cargo-xml", "harmonized", had) == []
    assert closure.unexplained_in(replace(written, moves=()), "cargo-xml", "harmonized", had) != []


def test_an_xfhl_writes_no_master_number_of_another_form_whichever_house_names_it() -> None:
    """The first house's master number is the one an XFHL names the master by; another house's number, of no better
    form, is not written in its place: each house is read back with the master's, so it is listed as not carried."""
    houses = Manifest(
        mode=Mode.ROAD,
        consignments=(
            replace(_HOUSE, master_number="A"),
            replace(_HOUSE, document_number="MEX26110002", master_number="ÙÊ÷\xadĭ"),
        ),
    )
    written = formats.get("cargo-xml").write([houses])
    assert b"TransportContractDocument" not in written.data
    assert [(d.code, d.field) for d in written.losses if d.field and "master_number" in d.field] == [
        ("CXML013", "consignments[0].master_number"),
        ("CXML101", "consignments[1].master_number"),
    ]
    assert _closure(houses, "cargo-xml") == []
