"""The real Cargo-XML files (Riege's XFWB/XFZB test messages): read with positions, faults found, written back."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from manifest.diagnostics import Severity
from manifest.formats import cargo_xml, xmlsafe
from manifest.model import DocumentType, EquipmentKind, Mode
from tests.conftest import SAMPLES

FOLDER = "cargo-xml"
CLEAN = [
    "888-11111111_XFWB.xml",
    "888-11111111_XFWB_ACAS_US.xml",
    "888-11111111_XFWB_multipleULD_multipleHTS.xml",
    "SEL22222222_XFZB.xml",
    "xfwbExample.xml",
]
ALL = [*CLEAN, "888-11111111_XFWB_noModeCode.xml", "888-11111111_XFWB_pieceQuantityItemCountMismatch.xml"]


def _read(folder: Path, name: str) -> bytes:
    return (folder / FOLDER / name).read_bytes()


@pytest.mark.parametrize("name", CLEAN)
def test_clean_files_read_without_findings(external_samples: Path, name: str) -> None:
    document = cargo_xml.read(_read(external_samples, name))
    assert document.diagnostics == ()
    assert [m.mode for m in document.manifests] == [Mode.AIR]


def test_pieces_without_dimensions_are_reported_at_the_piece_quantity(external_samples: Path) -> None:
    document = cargo_xml.read(_read(external_samples, "888-11111111_XFWB_pieceQuantityItemCountMismatch.xml"))
    [finding] = document.diagnostics
    assert (finding.code, finding.severity) == ("CXML022", Severity.WARNING)
    assert (finding.line, finding.column) == (229, 17)
    assert finding.location == "/Waybill/MasterConsignment/ApplicableRating/IncludedMasterConsignmentItem/PieceQuantity"
    assert finding.field == "consignments[0].goods[0].packages"
    assert finding.args["pieces"] == "5" and finding.args["items"] == "3"


def test_missing_mode_code_is_reported_for_each_movement(external_samples: Path) -> None:
    document = cargo_xml.read(_read(external_samples, "888-11111111_XFWB_noModeCode.xml"))
    assert [(d.code, d.line, d.column) for d in document.diagnostics] == [("CXML005", 97, 9), ("CXML005", 119, 9)]
    assert document.diagnostics[1].location == "/Waybill/MasterConsignment/SpecifiedLogisticsTransportMovement[2]"


def test_master_waybill_maps_onto_the_model(external_samples: Path) -> None:
    document = cargo_xml.read(_read(external_samples, "888-11111111_XFWB_multipleULD_multipleHTS.xml"))
    manifest = document.manifests[0]
    [master] = manifest.consignments
    assert (master.document_number, master.document_type) == ("888-11111111", DocumentType.AIR_WAYBILL)
    assert manifest.conveyance is not None and manifest.conveyance.flight_number == "XX8012"
    assert manifest.carrier is not None and manifest.carrier.iata_code == "XX"
    assert manifest.departure is not None and manifest.departure.place.code == "ORK"
    assert manifest.arrival is not None and manifest.arrival.place.code == "DUB"
    assert str(master.gross_weight) == "Quantity(value=Decimal('1042.0'), unit='KGM')"
    assert master.total_packages is not None and master.total_packages.count == 3
    assert [p.role.value for p in master.parties] == ["shipper", "consignee", "agent"]
    assert master.parties[2].code == "3456789"
    assert master.handling_codes == ("NSC",)
    assert [g.hs_code for g in master.goods] == ["000111", "000222"]
    assert [(e.kind, e.identifier) for e in master.equipment] == [
        (EquipmentKind.ULD, "PMC1337XX"),
        (EquipmentKind.ULD, "AKE4711XX"),
    ]
    assert master.goods[0].equipment_ids == ("PMC1337XX", "AKE4711XX")
    source = document.source_maps[0]
    weight = source.locate("consignments[0].gross_weight")
    assert weight is not None and (weight.line, weight.column) == (46, 9)
    uld = source.locate("consignments[0].equipment[1].initial")
    assert uld is not None and uld.line == 252


def test_acas_customs_notes_are_structured(external_samples: Path) -> None:
    manifest = cargo_xml.read(_read(external_samples, "888-11111111_XFWB_ACAS_US.xml")).manifests[0]
    acas = [n for n in manifest.consignments[0].customs_notes if (n.country, n.subject) == ("US", "CUS")]
    assert [n.content_code for n in acas] == ["AH", "AH", "RT", "BT", "FT", "AN", "AI", "AR", "AE"]
    assert acas[2].content == "B2B"


def test_house_waybill_gives_master_and_house(external_samples: Path) -> None:
    manifest = cargo_xml.read(_read(external_samples, "SEL22222222_XFZB.xml")).manifests[0]
    master, house = manifest.consignments
    assert (master.document_number, master.document_type) == ("888-11111111", DocumentType.AIR_WAYBILL)
    assert (house.document_number, house.master_number) == ("SEL22222222", "888-11111111")
    assert house.document_type == DocumentType.HOUSE_AIR_WAYBILL
    assert master.total_packages is not None and master.total_packages.count == 59
    assert house.goods[0].hs_code == "113355"
    assert [t.code for t in house.goods[0].tariff_codes] == ["1133557799"]


def _canonical(data: bytes) -> list[str]:
    root = xmlsafe.parse(data).getroot()
    for element in root.iter(tag=etree.Element):
        element.text = (element.text or "").strip() or None
        element.tail = None
    for comment in root.iter(tag=etree.Comment):
        comment.getparent().remove(comment)
    return [line.strip() for line in etree.tostring(root, pretty_print=True).decode().splitlines()[1:]]


@pytest.mark.parametrize("name", ALL)
def test_read_write_gives_the_same_data_and_the_same_elements(external_samples: Path, name: str) -> None:
    data = _read(external_samples, name)
    document = cargo_xml.read(data)
    written = cargo_xml.write(document.manifests)
    assert written.losses == ()
    assert cargo_xml.read(written.data).manifests == document.manifests
    expected = _canonical(data)
    if name == "888-11111111_XFWB_noModeCode.xml":
        # The writer states the mode the reader assumed; everything else comes back element for element.
        assert [line for line in _canonical(written.data) if line != "<ModeCode>4</ModeCode>"] == expected
    else:
        assert _canonical(written.data) == expected


@pytest.mark.parametrize(
    ("described", "code", "severity"), [("35", "CXML007", Severity.ERROR), ("30", "CXML022", Severity.WARNING)]
)
def test_dimension_lines_may_describe_fewer_pieces_than_the_line_has_but_not_more(
    described: str, code: str, severity: Severity
) -> None:
    sample = SAMPLES / "air" / "northbound-flight-am0642-awb-139-12345675.xfwb.xml"
    data = sample.read_bytes().replace(
        b"<ItemQuantity>34</ItemQuantity>", f"<ItemQuantity>{described}</ItemQuantity>".encode()
    )
    [finding] = [d for d in cargo_xml.read(data).diagnostics if d.code in ("CXML007", "CXML022")]
    assert (finding.code, finding.severity, finding.args["items"]) == (code, severity, described)
