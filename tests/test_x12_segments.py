"""Hand-written segments checked in both directions: what the reader makes of them, and that the writer gives the
same segment back from the model (h11's table style); then a table of element syntax faults and where they point."""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal

import pytest

from manifest.formats import x12_309
from manifest.formats.x12.dictionary import dictionary_for
from manifest.formats.x12.syntax import Checkers, checker
from manifest.model import (
    Contact,
    EquipmentKind,
    InBond,
    Packages,
    PartyRole,
    PlaceScheme,
    Quantity,
    Reference,
    Seal,
)
from tests.x12_helpers import HEAD, interchange

VID = "VID*CN*MSKU*1234565"

# (segments of one bill after LX, model path, expected value)
CASES: list[tuple[tuple[str, ...], str, object]] = [
    (
        ("M11*B1*20195*10*CTN*100.5*L*2*E",),
        "consignments[0].gross_weight",
        Quantity(value=Decimal("100.5"), unit="LBR"),
    ),
    (("M11*B1*20195*10*CTN*100.5*L*2*E",), "consignments[0].volume", Quantity(value=Decimal(2), unit="FTQ")),
    (("M11*B1*20195*10*CTN*100*K",), "consignments[0].place_of_loading.scheme", PlaceScheme.SCHEDULE_K),
    (("M11*B1*MXMTY*10*CTN*100*K",), "consignments[0].place_of_loading.scheme", PlaceScheme.UNLOCODE),
    (("M11*B1*20195*10*CTN*100*K",), "consignments[0].total_packages", Packages(count=10, kind="CTN")),
    (
        ("M11*B1*20195*10*CTN*100*K***00*SANTOS**XXXX",),
        "consignments[0].extensions",
        {"x12.M11.09": "00", "x12.M11.12": "XXXX"},
    ),
    (
        ("M11*B1*20195*10*CTN*100*K", "N9*ZF*RB1234"),
        "consignments[0].references",
        (Reference(kind="ZF", value="RB1234"),),
    ),
    (("M11*B1*20195*10*CTN*100*K", "N1*SH*ACME SA"), "consignments[0].parties[0].role", PartyRole.SHIPPER),
    (("M11*B1*20195*10*CTN*100*K", "N1*N1*NOTIFY INC"), "consignments[0].parties[0].role", PartyRole.NOTIFY),
    (
        ("M11*B1*20195*10*CTN*100*K", "N1*FS*USJAX*ZZ*USJAX"),
        "consignments[0].parties[0].extensions",
        {"x12.N1.01": "FS", "x12.N1.03": "ZZ"},
    ),
    (
        ("M11*B1*20195*10*CTN*100*K", "N1*CN*GULF LLC", "N3*1200 INDUSTRIAL BLVD", "N4*HOUSTON*TX*77015*US"),
        "consignments[0].parties[0].address.postal_code",
        "77015",
    ),
    (
        ("M11*B1*20195*10*CTN*100*K", "N1*CN*GULF LLC", "PER*IC*ANA*TE*5551234*EM*ANA@EXAMPLE.COM"),
        "consignments[0].parties[0].contact",
        Contact(name="ANA", phone="5551234", email="ANA@EXAMPLE.COM"),
    ),
    (
        ("M11*B1*20195*10*CTN*100*K", "M12*61*V12345678"),
        "consignments[0].in_bond",
        InBond(entry_type="61", number="V12345678"),
    ),
    (
        ("M11*B1*20195*10*CTN*100*K", "VID*RR*KCSM*720145*MX0458812******L"),
        "consignments[0].equipment[0].kind",
        EquipmentKind.RAILCAR,
    ),
    (
        ("M11*B1*20195*10*CTN*100*K", "VID*CN*MSKU*1234565*S1*S2****45G1*E"),
        "consignments[0].equipment[0].seals",
        (Seal(number="S1"), Seal(number="S2")),
    ),
    (
        ("M11*B1*20195*10*CTN*100*K", "VID*CN*MSKU*1234565*S1*S2****45G1*E", "M7*S3*S4***SH"),
        "consignments[0].equipment[0].seals[3]",
        Seal(number="S4", party="SH"),
    ),
    (
        ("M11*B1*20195*10*CTN*100*K", "VID*CN*MSKU*1234565*S1*S2****45G1*E"),
        "consignments[0].equipment[0].loaded",
        False,
    ),
    (
        ("M11*B1*20195*10*CTN*100*K", VID, "N10*5*TRUCK TIRES*MK*J*4011200000*1500*K*200"),
        "consignments[0].goods[0].tariff_codes[0].code",
        "4011200000",
    ),
    (
        ("M11*B1*20195*10*CTN*100*K", VID, "N10*5*TRUCK TIRES*MK*J*4011200000*1500*K*200"),
        "consignments[0].goods[0].hs_code",
        "401120",
    ),
    (
        ("M11*B1*20195*10*CTN*100*K", VID, "N10*5*TRUCK TIRES*MK*J*4011200000*1500*K*200"),
        "consignments[0].goods[0].equipment_ids",
        ("MSKU1234565",),
    ),
    (
        ("M11*B1*20195*10*CTN*100*K", VID, "N10*5*ORANGE OIL, CLASS*A*J*330112", "H1*2319", "N10** 3, UN 2319*B"),
        "consignments[0].goods[0].description",
        "ORANGE OIL, CLASS 3, UN 2319",
    ),
    (
        ("M11*B1*20195*10*CTN*100*K", VID, "N10*5*ORANGE OIL, CLASS*A*J*330112", "H1*2319", "N10** 3, UN 2319*B"),
        "consignments[0].goods[0].marks",
        "AB",
    ),
    (
        ("M11*B1*20195*10*CTN*100*K", VID, "N10*5*PAINT**J*320910", "H1*1263*3**PAINT*****III"),
        "consignments[0].goods[0].hazardous[0].packing_group",
        "III",
    ),
]


def _resolve(obj: object, path: str) -> object:
    for step in re.findall(r"[A-Za-z_]+|\[\d+\]", path):
        obj = obj[int(step[1:-1])] if step.startswith("[") else getattr(obj, step)  # type: ignore[index]
    return obj


def _lines(data: bytes) -> list[str]:
    return [line for line in data.decode().splitlines() if not line.startswith(("ISA", "GS", "SE", "GE", "IEA"))]


@pytest.mark.parametrize(("segments", "path", "expected"), CASES)
def test_segment_both_directions(segments: tuple[str, ...], path: str, expected: object) -> None:
    data = interchange(*HEAD, "LX*1", *segments)
    document = x12_309.read(data)
    assert _resolve(document.manifests[0], path) == expected
    position = document.source_map(0).locate(path)
    assert position is not None and position.line is not None and position.line >= 4
    written = x12_309.write(document.manifests)
    assert written.losses == ()
    assert _lines(written.data) == _lines(data)


def test_arrival_date_and_port() -> None:
    manifest = x12_309.read(interchange(*HEAD, "LX*1", "M11*B1*20195*10*CTN*100*K")).manifests[0]
    assert manifest.arrival is not None and manifest.arrival.moment == date(2026, 11, 27)
    assert manifest.office_of_entry is not None and manifest.office_of_entry.code == "2709"


# (segments of one bill after LX, expected (code, location) findings)
FAULTS: list[tuple[tuple[str, ...], list[tuple[str, str]]]] = [
    (("M11*B1*20195*10*CTN*100*K*5",), [("X12108", "M11-08")]),
    (("M11*B1*20195*X*CTN*100*K",), [("X12104", "M11-03")]),
    (("M11*B1234567890123*20195*1*CTN*100*K",), [("X12103", "M11-01")]),
    (("M11*B1*20195*1*CTN*100",), [("X12101", "M11-06")]),
    (("M11*B1*20195*1*CTN*100*K", VID + "*******Q"), [("X12113", "VID-10")]),
    (("M11*B1*20195*1*CTN*100*K", VID, "N10*1*X**J"), [("X12108", "N10-05")]),
    (("M11*B1*20195*1*CTN*100*K", VID, "N10*1*X*****K"), [("X12108", "N10-08")]),
    (("M11*B1*20195*1*CTN*100*K", "N9*BM"), [("X12109", "N9-02")]),
    (("M11*B1*20195*1*CTN*100*K", "N1*SH*A", "DTM*139*20261301"), [("X12105", "DTM-02")]),
    (("M11*B1*20195*1*CTN*100*K", "N1*SH*A", "DTM*139*20261130*2561"), [("X12106", "DTM-03")]),
    (("M11*B1*20195*1*CTN*100*K", "N1*SH*A", "N4*X"), [("X12102", "N4-01")]),
    (("M11*B1*20195*1*CTN*100*K", "N1*SH*A", "N4*CITY*TX*77015*US**X"), [("X12111", "N4-05")]),
    (("N1*SH*A", "M11*B1*20195*1*CTN*100*K"), [("X12202", "M11")]),
    (("M11*B1*20195*1*CTN*100*K", "ZZZ*1"), [("X12201", "ZZZ")]),
    (("M11*B1*20195*1*CTN*100*K*1*X*00*S*B2*SCAC*B3*EXTRA",), [("X12107", "M11-14")]),
    (("M11*B1*20195*1*CTN*100*K", "M12*61", "M12*62"), [("X12204", "M12")]),
]


@pytest.mark.parametrize(("extra", "said"), [("*X" * 150, "156"), ("*XXXX" * 150, "99+")])
def test_too_many_elements_are_counted_unless_the_segment_was_cut(extra: str, said: str) -> None:
    """A segment over 400 characters with more than 99 elements is cut at the 99th (MF006): X12107 then says how
    many are known to be there, not the count after the cut."""
    document = x12_309.read(interchange(*HEAD, "LX*1", "M11*B1*20195*1*CTN*100*K" + extra))
    (too_many,) = [d for d in document.diagnostics if d.code == "X12107"]
    assert too_many.message() == f"M11 has {said} elements; the dictionary defines 13"
    assert ("MF006" in {d.code for d in document.diagnostics}) == said.endswith("+")


@pytest.mark.parametrize(("segments", "expected"), FAULTS)
def test_element_and_structure_faults(segments: tuple[str, ...], expected: list[tuple[str, str]]) -> None:
    document = x12_309.read(interchange(*HEAD, "LX*1", *segments))
    assert [(d.code, d.location) for d in document.diagnostics] == expected


def test_missing_mandatory_segment() -> None:
    document = x12_309.read(interchange("M10*MAEU*O*SG*9321483*MAERSK KENSINGTON*647N*000001*1*W*L"))
    assert [(d.code, d.location) for d in document.diagnostics] == [("X12203", "P4")]


def test_several_ports_of_arrival_are_kept_per_bill() -> None:
    data = interchange(
        *HEAD, "LX*1", "M11*B1*20195*10*CTN*100*K", "P4*2704*20261128*1", "LX*2", "M11*B2*20195*10*CTN*100*K"
    )
    manifest = x12_309.read(data).manifests[0]
    assert manifest.office_of_entry is not None and manifest.office_of_entry.code == "2709"
    first = manifest.consignments[0].place_of_discharge
    assert first is not None and first.code == "2709"
    second = manifest.consignments[1].place_of_discharge
    assert second is not None and second.code == "2704"
    assert x12_309.write([manifest]).data == data


def test_several_sets_are_several_manifests() -> None:
    one = interchange(*HEAD, "LX*1", "M11*B1*20195*10*CTN*100*K").decode().splitlines()
    body = one[2:-2]
    second = [line.replace("ST*309*0001", "ST*309*0002").replace("SE*6*0001", "SE*6*0002") for line in body]
    data = "\n".join([*one[:2], *body, *second, "GE*2*7~", one[-1]]) + "\n"
    document = x12_309.read(data.encode())
    assert document.diagnostics == ()
    assert len(document.manifests) == 2
    assert x12_309.write(document.manifests).data == data.encode()


def test_a_004010_consist_nests_cars_in_lx_loops() -> None:
    from manifest.formats import x12_358

    data = interchange(
        "M10*KCSM*R*MX**QMTYLA27*QMTYLA27***S",
        "P4*2304*20261127",
        "LX*1",
        "VID*RR*KCSM*720145",
        "MBL*KCSM*KCSM26110451",
        "LX*2",
        "VID*RR*TFM*654321",
        "MBL*KCSM*KCSM26110451",
        set_id="358",
    )
    document = x12_358.read(data)
    assert document.diagnostics == ()
    (train,) = document.manifests
    assert [e.identifier for e in train.equipment] == ["KCSM720145", "TFM654321"]
    assert [len(c.equipment) for c in train.consignments] == [2]
    assert x12_358.write(document.manifests).data == data


def test_a_segments_checks_are_compiled_when_a_segment_of_its_tag_first_comes() -> None:
    specs = dictionary_for("004010")
    assert specs is not None and "M10" in specs and "ZZZ" not in specs
    checkers = Checkers(specs)
    assert checkers["M10"] is checker(specs["M10"])
    assert checkers["ZZZ"] is None
    assert set(checkers) == {"M10", "ZZZ"}  # the dictionary's other segments were not compiled
