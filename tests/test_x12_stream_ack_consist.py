"""Streaming gives what reading whole gives; the 997 answers each set; the consist is matched with its manifest;
the synthetic samples are clean and write back byte for byte."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path

import pytest

from manifest.diagnostics import Severity
from manifest.formats import get, sniff, x12_309, x12_358
from manifest.formats.base import ConsignmentChunk
from manifest.formats.x12.ack import acknowledge
from manifest.model import Consignment, Equipment, EquipmentKind, Manifest, Mode
from tests import closure
from tests.conftest import SAMPLES
from tests.x12_helpers import BILL, HEAD, interchange

RAIL_309 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
RAIL_358 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.358"
OCEAN_309 = SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.synthetic.309"
NOON = datetime(2026, 11, 27, 12, 0)


@pytest.mark.parametrize(("path", "name"), [(RAIL_309, "x12-309"), (RAIL_358, "x12-358"), (OCEAN_309, "x12-309")])
def test_samples_are_clean_and_write_back_identically(path: Path, name: str) -> None:
    data = path.read_bytes()
    assert sniff(data[:4096]) == name
    fmt = get(name)
    document = fmt.read(data)
    assert [d for d in document.diagnostics if d.severity >= Severity.WARNING] == []
    written = fmt.write(document.manifests)
    assert written.data == data
    assert written.losses == ()


def test_rail_sample_story() -> None:
    (manifest,) = x12_309.read(RAIL_309.read_bytes()).manifests
    assert manifest.extensions["x12.GS.01"] == "AQ" and manifest.extensions["x12.GS.08"] == "004040"
    assert manifest.trip_number == "QMTYLA27" and manifest.office_of_entry is not None
    assert manifest.office_of_entry.code == "2304"
    assert [e.identifier for c in manifest.consignments for e in c.equipment] == [
        "KCSM720145",
        "TFM654321",
        "TTGX982345",
        "TGHU8765436",
    ]
    goods = manifest.consignments[1].goods[0]
    assert goods.description == "AUTOMATIC TRANSMISSIONS FOR PASSENGER VEHICLES, REMANUFACTURED, IN RETURNABLE CRATES"


def test_consist_reads_cars_in_train_order_with_their_bills() -> None:
    (train,) = x12_358.read(RAIL_358.read_bytes()).manifests
    assert [e.identifier for e in train.equipment] == ["KCSM720145", "TFM654321", "TTGX982345"]
    assert [(c.document_number, [e.identifier for e in c.equipment]) for c in train.consignments] == [
        ("KCSM26110451", ["KCSM720145", "TFM654321"]),
        ("KCSM26110452", ["TTGX982345"]),
    ]


def test_stream_gives_the_same_consignments_and_findings() -> None:
    data = interchange(*HEAD, *BILL, "LX*2", "M11*B2*20195*X*CTN*1*K", se_count=3)
    whole = x12_309.read(data)
    items = list(x12_309.stream(io.BytesIO(data)))
    chunks = [i for i in items if isinstance(i, ConsignmentChunk)]
    assert tuple(c.consignment for c in chunks) == whole.manifests[0].consignments
    assert sorted(str(i) for i in items if not isinstance(i, ConsignmentChunk)) == sorted(
        str(d) for d in whole.diagnostics
    )
    assert chunks[1].source_map.locate("consignments[1].document_number") is not None


def test_ack_accepts_a_clean_set() -> None:
    ack = acknowledge(RAIL_309.read_bytes(), NOON).decode().splitlines()
    assert ack[1] == "GS*FA*CBPRAIL*KCSM*20261127*1200*1*X*004040~"
    assert ack[3:8] == ["AK1*AQ*4512~", "AK2*309*45120001~", "AK5*A~", "AK9*A*1*1*1~", "SE*6*0001~"]
    assert ack[0].split("*")[5:9] == ["ZZ", "CBPRAIL        ", "02", "KCSM           "]


def test_ack_rejects_with_segment_and_element_errors() -> None:
    data = interchange(*HEAD, "LX*1", "M11*B1*20195*X*CTN*100*K", "ZZZ*1", se_count=99)
    ack = acknowledge(data, NOON).decode().splitlines()
    assert ack[3:10] == [
        "AK1*SO*7~",
        "AK2*309*0001~",
        "AK3*M11*5*LX*8~",
        "AK4*3**6*X~",
        "AK3*ZZZ*6*LX*2~",
        "AK5*R*5*4~",
        "AK9*R*1*1*0~",
    ]


def test_ack_says_a_set_is_not_supported() -> None:
    data = interchange("B4***VA", set_id="315")
    assert "AK5*R*1~" in acknowledge(data, NOON).decode()


def test_a_car_only_a_bill_names_is_noted_at_the_path_of_the_train_it_is_read_back_at() -> None:
    """A 358 lists a container only a bill names as a car of the train (a VID of the P4 loop, the bill's MBL under
    it): read back it is the manifest's equipment and the bill's, so a finding on it (ID-001) is at both paths, and
    the note names the manifest's, where the source had none."""
    own = Equipment(kind=EquipmentKind.RAILCAR, initial="KCSM", number="123456")
    box = Equipment(kind=EquipmentKind.CONTAINER, initial="MSCU", number="1234565")  # check digit 6, not 5
    bill = Consignment(document_number="BILL1", equipment=(own, box))
    model = Manifest(mode=Mode.RAIL, equipment=(own,), consignments=(bill,))
    written = x12_358.write([model])
    assert [(d.code, d.field, d.args["path"]) for d in written.notes if d.code == "X12417"] == [
        ("X12417", "equipment[1]", "consignments[0].equipment[1]")
    ]
    assert x12_358.read(written.data).manifests[0].equipment[1].identifier == "MSCU1234565"
    source = get("manifest-json").write([model]).data
    assert closure.unexplained(source, "source.manifest-json", "x12-358") == []


def test_equipment_of_a_kind_x12_has_no_code_for_is_read_back_as_other_not_as_a_container() -> None:
    """VID01 (element 40) ZZ is mutually defined: a truck or a locomotive written with it is read back as equipment
    of another kind, not as a container that ISO 6346 would check (ID-001)."""
    truck = Manifest(mode=Mode.RAIL, equipment=(Equipment(kind=EquipmentKind.TRUCK, number="0"),))
    written = x12_358.write([truck])
    assert b"VID*ZZ**0~" in written.data
    assert x12_358.read(written.data).manifests[0].equipment[0].kind is EquipmentKind.OTHER
    assert [d.field for d in written.losses] == ["equipment[0].kind"]
    source = get("manifest-json").write([truck]).data
    assert closure.unexplained(source, "source.manifest-json", "x12-358") == []
