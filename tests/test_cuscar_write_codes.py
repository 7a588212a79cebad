"""The CUSCAR writer: no empty segment, codes through the crosswalks, identifiers never re-spelled."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import pytest

from manifest import formats
from manifest.formats import cuscar, x12_309
from manifest.model import (
    Consignment,
    DocumentType,
    Equipment,
    EquipmentKind,
    GoodsItem,
    Manifest,
    Mode,
    Packages,
    Party,
    PartyRole,
    Place,
    PlaceScheme,
    Quantity,
    Reference,
    Stop,
    TaxId,
    TaxIdScheme,
)
from tests import closure
from tests.conftest import REPO

MARITIME = REPO / "samples" / "maritime"
CUSCAR = MARITIME / "northbound-vessel-maersk-kensington-647n.cuscar"
OCEAN_309 = MARITIME / "northbound-vessel-maersk-kensington-647n.synthetic.309"


def _segments(data: bytes, tag: str) -> list[str]:
    return [line for line in data.decode("latin-1").splitlines() if line.startswith(tag + "+") or line == tag + "'"]


def _cuscar() -> Manifest:
    return cuscar.read(CUSCAR.read_bytes()).manifests[0]


def test_equipment_without_an_identifier_writes_no_empty_eqd_and_is_listed() -> None:
    manifest = _cuscar()
    bill = manifest.consignments[0]
    unnamed = Equipment(kind=EquipmentKind.CONTAINER, number="")
    manifest = replace(
        manifest, consignments=(replace(bill, equipment=(*bill.equipment, unnamed)), *manifest.consignments[1:])
    )
    written = cuscar.write([manifest])
    assert "EQD+CN'" not in _segments(written.data, "EQD")
    assert all(len(segment) > len("EQD+CN'") for segment in _segments(written.data, "EQD"))
    assert [loss.field for loss in written.losses] == ["consignments[0].equipment[2]"]


@pytest.mark.parametrize("moment", [None, datetime(2026, 11, 27, 7, 0)])
def test_an_arrival_place_without_code_or_name_writes_no_empty_loc_and_is_listed(moment: datetime | None) -> None:
    manifest = replace(_cuscar(), arrival=Stop(place=Place(), moment=moment))
    written = cuscar.write([manifest])
    assert all(segment.split("'")[0] not in ("LOC+60", "LOC+8", "LOC+11") for segment in _segments(written.data, "LOC"))
    assert not [segment for segment in _segments(written.data, "DTM") if segment.startswith("DTM+132:")]
    assert "arrival" in [loss.field for loss in written.losses]


def test_an_arrival_known_by_its_name_alone_is_written_with_its_name() -> None:
    manifest = replace(_cuscar(), arrival=Stop(place=Place(name="Long Beach")))
    written = cuscar.write([manifest])
    assert "LOC+60+:::Long Beach'" in _segments(written.data, "LOC")
    assert cuscar.read(written.data).manifests[0].arrival == Stop(place=Place(name="Long Beach"))


def test_a_carta_porte_container_without_its_number_writes_no_empty_eqd() -> None:
    from manifest.formats import carta_porte

    data = (MARITIME / "northbound-manzanillo-long-beach.cartaporte.xml").read_bytes()
    for number in (b'MatriculaContenedor="MSCU1234566"', b'MatriculaContenedor="MEDU7654325"'):
        data = data.replace(number, b"")
    document = carta_porte.read(data)
    assert [e.identifier for e in document.manifests[0].consignments[0].equipment] == ["", ""]
    written = cuscar.write(document.manifests)
    assert _segments(written.data, "EQD") == []
    lost = [loss.field for loss in written.losses if "equipment" in (loss.field or "")]
    assert lost == ["consignments[0].equipment[0]", "consignments[0].equipment[1]"]


def test_309_package_codes_are_written_as_rec21_codes_without_a_loss() -> None:
    ocean = x12_309.read(OCEAN_309.read_bytes()).manifests[0]
    written = cuscar.write([ocean])
    gid = [s.split("+")[2].split(":") for s in _segments(written.data, "GID")]
    assert [parts[1].rstrip("'") for parts in gid] == ["CT", "CT", "PX", "DR"]
    assert not [loss for loss in written.losses if (loss.field or "").endswith("goods[0].packages.kind")]
    assert "RFF+BM:MAEU264781203'" in _segments(written.data, "RFF")


def test_an_identifier_outside_the_unoa_repertoire_is_left_out_and_a_name_is_transliterated() -> None:
    manifest = _cuscar()
    bill = manifest.consignments[0]
    equipment = replace(bill.equipment[0], seals=(replace(bill.equipment[0].seals[0], number="ml4471203"),))
    manifest = replace(
        manifest,
        extensions={**manifest.extensions, "cuscar.UNB.01": "UNOA:2"},
        consignments=(replace(bill, equipment=(equipment, *bill.equipment[1:])), *manifest.consignments[1:]),
    )
    written = cuscar.write([manifest])
    text = written.data.decode("ascii")
    assert "ML4471203" not in text and "ml4471203" not in text
    codes = {loss.field: loss.code for loss in written.losses}
    assert codes["consignments[0].equipment[0].seals[0].number"] == "EDI032"
    assert codes["consignments[0].place_of_loading.name"] == "EDI030"  # 'Manzanillo, Col.' becomes upper case


def _written_locations(manifest: Manifest) -> tuple[list[str], list[str]]:
    written = cuscar.write([manifest])
    return _segments(written.data, "LOC"), [f"{loss.code} {loss.field}" for loss in written.losses]


def test_an_airport_is_written_as_the_unlocode_of_the_same_place() -> None:
    mexico = Place(code="MEX", scheme=PlaceScheme.IATA_AIRPORT)
    bill = Consignment(document_number="BILL1", place_of_loading=mexico)
    locations, losses = _written_locations(Manifest(mode=Mode.MARITIME, consignments=(bill,)))
    assert locations == ["LOC+9+MXMEX:139:6'"]
    assert losses == []


def test_an_airport_the_place_crosswalk_does_not_tie_to_a_unlocode_is_left_out_and_listed() -> None:
    guadalajara = Place(code="GDL", scheme=PlaceScheme.IATA_AIRPORT)
    bill = Consignment(document_number="BILL1", place_of_loading=guadalajara)
    locations, losses = _written_locations(Manifest(mode=Mode.MARITIME, consignments=(bill,)))
    assert locations == []
    assert losses == ["CUS010 consignments[0].place_of_loading"]


def test_a_value_left_out_is_shown_in_the_loss_as_its_manifest_json_text() -> None:
    guadalajara = Place(code="GDL", scheme=PlaceScheme.IATA_AIRPORT)
    written = cuscar.write(
        [
            Manifest(
                mode=Mode.MARITIME, consignments=(Consignment(document_number="BILL1", place_of_loading=guadalajara),)
            )
        ]
    )
    (loss,) = [loss for loss in written.losses if loss.field == "consignments[0].place_of_loading"]
    assert loss.args["value"] == '{"code":"GDL","scheme":"iata-airport"}'
    assert "Place(" not in loss.message()


def test_a_control_character_is_outside_every_syntax_level_and_an_identifier_holding_one_is_not_written() -> None:
    written = cuscar.write([Manifest(mode=Mode.MARITIME, trip_number="V\t1")])
    assert b"\t" not in written.data and b"UNOC:3" in written.data
    assert [(loss.code, loss.field) for loss in written.losses] == [("EDI032", "trip_number")]


def test_a_goods_item_number_data_element_1496_cannot_hold_is_not_written() -> None:
    goods = (GoodsItem(sequence=-5, description="TILES"), GoodsItem(sequence=100000, description="GLUE"))
    written = cuscar.write(
        [Manifest(mode=Mode.MARITIME, consignments=(Consignment(document_number="BILL1", goods=goods),))]
    )
    assert _segments(written.data, "GID") == ["GID'", "GID'"]
    lost = [loss.field for loss in written.losses]
    assert lost == ["consignments[0].goods[0].sequence", "consignments[0].goods[1].sequence"]


def test_a_unit_is_written_as_its_rec20_code_and_a_measure_in_no_rec20_unit_is_not_written() -> None:
    """MEA and CNT take UN/ECE Recommendation 20 units (C174/C270 6411): an X12 weight unit K read from a 309 is
    written as KGM and comes back without a loss; a unit Rec 20 lacks leaves its measure out, listed."""
    kilograms = Consignment(
        document_number="BILL1",
        gross_weight=Quantity(value=Decimal(10), unit="K"),
        goods=(GoodsItem(description="TILES", volume=Quantity(value=Decimal(2), unit="E")),),
    )
    unknown = Consignment(
        document_number="BILL2",
        gross_weight=Quantity(value=Decimal(1), unit="V?"),
        goods=(GoodsItem(description="GLUE", gross_weight=Quantity(value=Decimal(1), unit="CNT")),),
    )
    written = cuscar.write([Manifest(mode=Mode.MARITIME, consignments=(kilograms, unknown))])
    assert _segments(written.data, "CNT") == ["CNT+7:10:KGM'"]
    assert _segments(written.data, "MEA") == ["MEA+AAE+AAW+FTQ:2'"]
    lost = {loss.field for loss in written.losses}
    assert lost == {"consignments[1].gross_weight", "consignments[1].goods[0].gross_weight"}


def test_the_manifests_own_equipment_keeps_its_index_before_what_only_a_consignment_names() -> None:
    """The reader lists the EQD groups in the order written: the manifest's equipment comes first, so a finding on
    it read back (ID-001 on a container number) is at the index the model gives it."""
    box = Equipment(kind=EquipmentKind.CONTAINER, initial="MSCU", number="1234566")
    chassis = Equipment(kind=EquipmentKind.CHASSIS, number="CH1")
    bill = Consignment(document_number="BILL1", equipment=(chassis,))
    written = cuscar.write([Manifest(mode=Mode.MARITIME, equipment=(box,), consignments=(bill,))])
    assert _segments(written.data, "EQD") == ["EQD+CN+MSCU1234566'", "EQD+CH+CH1'"]
    back = cuscar.read(written.data).manifests[0]
    assert back.equipment[0].identifier == "MSCU1234566"


def test_a_number_of_packages_data_element_7224_cannot_hold_is_not_written() -> None:
    goods = (GoodsItem(description="TILES", packages=Packages(count=-315, kind="CT")),)
    written = cuscar.write(
        [Manifest(mode=Mode.MARITIME, consignments=(Consignment(document_number="BILL1", goods=goods),))]
    )
    assert _segments(written.data, "GID") == ["GID++:CT'"]
    assert [loss.field for loss in written.losses] == ["consignments[0].goods[0].packages"]


def test_a_bills_equipment_no_goods_item_is_placed_in_is_a_loss_at_the_path_it_is_read_back_at() -> None:
    """CUSCAR ties equipment to a consignment only by the SGP of a goods item (D.95B): a bill's container that none
    of its goods is placed in is declared in the message's EQD and read back as the manifest's. The bill's loss is
    at its path (where a finding that the bill has no equipment is), and a note names the path the container is
    read back at (where its finding, ID-001, is)."""
    box = Equipment(kind=EquipmentKind.CONTAINER, initial="MSCU", number="1234565")  # check digit 6, not 5
    bill = Consignment(document_number="BILL1", equipment=(box,))
    model = Manifest(
        mode=Mode.MARITIME, equipment=(Equipment(kind=EquipmentKind.CHASSIS, number="CH1"),), consignments=(bill,)
    )
    written = cuscar.write([model])
    assert _segments(written.data, "EQD") == ["EQD+CH+CH1'", "EQD+CN+MSCU1234565'"]
    assert cuscar.read(written.data).manifests[0].equipment[1].identifier == "MSCU1234565"
    assert [(loss.code, loss.field, loss.args["target"]) for loss in written.losses] == [
        ("CUS012", "consignments[0].equipment[0]", "equipment[1]")
    ]
    assert [(note.code, note.field, note.args["path"]) for note in written.notes] == [
        ("CUS013", "equipment[1]", "consignments[0].equipment[0]")
    ]
    source = formats.get("manifest-json").write([model]).data
    assert closure.unexplained(source, "source.manifest-json", "cuscar") == []


def test_a_house_bill_without_its_number_writes_no_reference_its_master_would_be_read_as() -> None:
    """RFF BH names a house bill by its number; a house without one has no RFF BH, and an RFF BM with the master
    would be read as the consignment's own number (CNI C503 empty): neither is written, and both are losses."""
    house = Consignment(document_number="", document_type=DocumentType.HOUSE_BILL_OF_LADING, master_number="MAEU1")
    model = Manifest(mode=Mode.MARITIME, consignments=(Consignment(document_number="BILL1"), house))
    written = cuscar.write([model])
    assert _segments(written.data, "RFF") == ["RFF+BM:BILL1'"]
    back = cuscar.read(written.data).manifests[0].consignments[1]
    assert back.document_number == "" and back.master_number is None
    lost = {loss.field for loss in written.losses}
    assert {"consignments[1].document_type", "consignments[1].master_number"} <= lost
    source = formats.get("manifest-json").write([model]).data
    assert closure.unexplained(source, "source.manifest-json", "cuscar") == []


def test_a_reference_whose_kind_no_rff_qualifier_holds_is_left_out_whole() -> None:
    """RFF C506/1153 is mandatory (an..3): a reference whose kind does not fit is a loss, and no RFF is written
    without its qualifier, which the reader would report as missing (CUS007)."""
    manifest = Manifest(
        mode=Mode.MARITIME,
        references=(Reference(kind="LONGKIND", value="X1"),),
        consignments=(Consignment(document_number="BILL1"),),
    )
    written = cuscar.write([manifest])
    assert _segments(written.data, "RFF") == ["RFF+BM:BILL1'"]
    assert "references[0]" in [loss.field for loss in written.losses]
    assert [d.code for d in cuscar.read(written.data).diagnostics] == []


def test_a_party_code_whose_identifier_is_not_written_leaves_out_its_whole_composite() -> None:
    """NAD C082's 3039 is mandatory within the composite: a tax id whose value cannot be written (a character
    outside every EDIFACT syntax level) takes its code list qualifier and agency with it, and the NAD stays."""
    shipper = Party(role=PartyRole.SHIPPER, name="SHIPPER", tax_ids=(TaxId(scheme=TaxIdScheme.RFC, value="\x07RFC"),))
    bill = Consignment(document_number="BILL1", parties=(shipper,))
    written = cuscar.write([Manifest(mode=Mode.MARITIME, consignments=(bill,))])
    assert [s for s in _segments(written.data, "NAD") if s.startswith("NAD+CZ")] == ["NAD+CZ+++SHIPPER'"]
    assert [d.code for d in cuscar.read(written.data).diagnostics] == []
