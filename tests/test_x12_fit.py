"""The 309 and 358 writers fit values to the X12 element dictionary and say what that cost."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal
from pathlib import Path
from types import ModuleType

import pytest

from manifest import api
from manifest.diagnostics import Severity
from manifest.formats import x12_309, x12_358
from manifest.formats.x12.fit import fit_sets, shortest_decimal
from manifest.model import Address, Carrier, Consignment, Conveyance, Equipment, EquipmentKind, Manifest, Mode, Quantity

SAMPLES = sorted(Path(__file__).resolve().parent.parent.glob("samples/*/*.manifest.json"))


def _syntax_errors(data: bytes, fmt: ModuleType = x12_309) -> list[str]:
    """Locations of the X12 layer's error findings (envelope X120xx, elements X121xx) on reading ``data``."""
    document = fmt.read(data)
    return [
        d.location or ""
        for d in document.diagnostics
        if d.severity is Severity.ERROR and d.code[:5] in ("X1200", "X1201", "X1210", "X1211")
    ]


@pytest.mark.parametrize("fmt", [x12_309, x12_358], ids=["309", "358"])
@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_each_canonical_sample_writes_a_set_its_reader_accepts(sample: Path, fmt: ModuleType) -> None:
    manifests = api.read(sample.read_bytes(), name=sample.name).manifests
    written = fmt.write(manifests)
    left_empty = {note.location for note in written.notes if note.code == "X12403"}
    # What the syntax layer still finds is only a required element the model had no value for, announced as such.
    assert [where for where in _syntax_errors(written.data, fmt) if where not in left_empty] == []
    back = fmt.read(written.data).manifests
    # Neither lists an air ULD as equipment (X12413); a 358 lists no bill outside a car (X12414).
    kinds = ("X12413", "X12414") if fmt is x12_358 else ("X12413",)
    for loss in written.losses:
        assert loss.code in ("X12401", "X12402", "X12411", "X12412", *kinds) and loss.field
    for cut in (loss for loss in written.losses if loss.code == "X12402"):
        value, shorter = cut.args["value"], cut.args["written"]
        assert value.startswith(shorter) and len(shorter) <= int(cut.args["max"]) < len(value)
        assert cut.args["written"] in written.data.decode()
    assert len(back) == len(manifests)


def test_values_too_long_are_cut_and_listed_with_what_was_written() -> None:
    sample = next(p for p in SAMPLES if "rail" in p.parts)
    manifest = api.read(sample.read_bytes(), name=sample.name).manifests[0]
    written = x12_309.write([manifest])
    cuts = {d.field: (d.args["value"], d.args["written"], d.location) for d in written.losses if d.code == "X12402"}
    assert cuts["consignments[1].place_of_receipt.name"] == ("San Luis Potosi, SLP", "San Luis Potosi,", "M11-10")


def test_a_long_shipping_name_goes_on_in_h2_and_reads_back_whole() -> None:
    sample = next(p for p in SAMPLES if "rail" in p.parts)
    manifest = api.read(sample.read_bytes(), name=sample.name).manifests[0]
    written = x12_309.write([manifest])
    assert b"H1*3481*9**LITHIUM ION BATTERIES PACKED W*****II~\nH2*ITH EQUIPMENT~" in written.data
    assert not [d for d in written.losses if "hazardous" in (d.field or "")]
    back = x12_309.read(written.data).manifests[0]
    hazard = back.consignments[1].goods[1].hazardous[0]
    assert hazard.proper_shipping_name == "LITHIUM ION BATTERIES PACKED WITH EQUIPMENT"
    assert not any(key.startswith("x12.H2") for key in hazard.extensions)


@pytest.mark.parametrize(
    ("h1_name", "h2", "joined"),
    [
        ("A" * 30, "H2*MORE TEXT", True),
        ("SHORT NAME", "H2*MORE TEXT", False),  # H104 not full: H2 is an additional description of its own
        ("A" * 30, "H2*MORE TEXT*CLASSIFICATION", False),  # H202 present
        ("A" * 30, "H2*X", False),  # a one-character H201 is not a piece the writer makes
    ],
)
def test_h2_is_read_as_a_continuation_only_in_the_written_shape(h1_name: str, h2: str, joined: bool) -> None:
    rail = next(p for p in SAMPLES if "rail" in p.parts)
    data = x12_309.write(api.read(rail.read_bytes(), name=rail.name).manifests).data
    old = b"H1*3481*9**LITHIUM ION BATTERIES PACKED W*****II~\nH2*ITH EQUIPMENT~"
    data = data.replace(old, f"H1*3481*9**{h1_name}*****II~\n{h2}~".encode())
    back = x12_309.read(data).manifests[0]
    hazard = back.consignments[1].goods[1].hazardous[0]
    text = h2.split("*")[1]
    assert (hazard.proper_shipping_name == h1_name + text) is joined
    assert ("x12.H2.1" in hazard.extensions) is not joined
    written = x12_309.write([back])
    if len(text) >= 2:
        assert written.data == data
    else:  # H201 holds 2 to 30 characters: a one-character description read is not written back, and is listed
        assert f"\n{h2}~".encode() not in written.data
        assert [(d.code, d.location) for d in written.losses] == [("X12416", "H2-01")]


def test_a_mexican_state_is_not_written_in_n402_and_is_listed() -> None:
    sample = next(p for p in SAMPLES if "rail" in p.parts)
    manifest = api.read(sample.read_bytes(), name=sample.name).manifests[0]
    party = manifest.consignments[0].parties[0]
    assert party.address is not None and party.address.subdivision == "NLE"
    written = x12_309.write([manifest])
    lost = {d.field: d.code for d in written.losses}
    assert lost["consignments[0].parties[0].address.subdivision"] == "X12411"
    assert b"*NLE*" not in written.data and b"*NLE~" not in written.data


def test_a_us_state_fits_n402_and_survives() -> None:
    sample = next(p for p in SAMPLES if "rail" in p.parts)
    manifest = api.read(sample.read_bytes(), name=sample.name).manifests[0]
    consignment = manifest.consignments[0]
    party = consignment.parties[0]
    moved = replace(party, address=replace(party.address or Address(), subdivision="TX", country="US"))
    manifest = replace(manifest, consignments=(replace(consignment, parties=(moved,)), *manifest.consignments[1:]))
    written = x12_309.write([manifest])
    assert "consignments[0].parties[0].address" not in " ".join(d.field or "" for d in written.losses)
    back = x12_309.read(written.data).manifests[0].consignments[0].parties[0]
    assert back.address is not None and back.address.subdivision == "TX"


def test_fitting_cuts_strings_drops_identifiers_and_notes_required_elements() -> None:
    m11 = ["M11", "ABCDEFGHIJKLMN", "MXZLO", "3", "", "100", "K", "", "", "", "A place of receipt too long"]
    n4 = ["N4", "Monterrey", "NLE", "64000", "MX"]
    n1 = ["N1", "SH", "Shipper", "", "RFC123"]
    fitting = fit_sets([[m11, n4, n1]], "004010")
    # A bill number (element 122) too long is an identifier: left out whole, never cut; free text is cut.
    assert m11[1] == "" and m11[10] == "A place of receip"
    assert n4 == ["N4", "Monterrey", "", "64000", "MX"]
    assert [(c.element, c.full, c.written) for c in fitting.cuts] == [
        ("M11-01", "ABCDEFGHIJKLMN", ""),
        ("M11-10", "A place of receipt too long", "A place of receip"),
        ("N4-02", "NLE", ""),
    ]
    assert [n.location for n in fitting.notices] == ["M11-04", "N1-03"]
    assert all(n.code == "X12403" and n.severity is Severity.INFO for n in fitting.notices)


def test_version_004040_takes_the_longer_bill_number() -> None:
    m11 = ["M11", "KCSM1234567890123", "MXNLD", "3", "CAR", "100", "K"]
    fitting = fit_sets([[m11]], "004040")
    assert fitting.cuts == [] and fitting.notices == [] and m11[1] == "KCSM1234567890123"


def _one_bill(volume: Decimal) -> Manifest:
    bill = Consignment(document_number="BILL1", volume=Quantity(value=volume, unit="MTQ"))
    return Manifest(mode=Mode.MARITIME, trip_number="647N", consignments=(bill,))


def test_a_volume_with_more_digits_than_m1107_holds_is_left_out_and_listed() -> None:
    # M1107 (element 183, Volume) is R 1/8: thirteen digits do not fit, whatever the sign.
    written = x12_309.write([_one_bill(Decimal("-1000000000000"))])
    assert b"1000000000000" not in written.data
    (loss,) = [d for d in written.losses if d.field == "consignments[0].volume.value"]
    assert (loss.code, loss.location) == ("X12416", "M11-07")
    assert "more digits" in loss.message() and "(8)" in loss.message()
    assert not [d for d in x12_309.read(written.data).diagnostics if d.code in ("X12102", "X12103")]


def test_a_volume_left_out_takes_its_unit_with_it() -> None:
    # M11 P0708: the volume (M11-07) and its unit (M11-08) are written together or not at all.
    written = x12_309.write([_one_bill(Decimal("-1000000000000"))])
    (m11,) = [line for line in written.data.decode().split("~") if line.strip().startswith("M11*")]
    assert len(m11.split("*")) <= 8 or m11.split("*")[8] == "", m11
    assert not [d for d in x12_309.read(written.data).diagnostics if d.code == "X12108"]
    (unit,) = [d for d in written.losses if d.field == "consignments[0].volume.unit"]
    assert unit.code == "X12418" and "consignments[0].volume.value" in unit.message()


def test_a_vessel_code_left_out_takes_its_qualifier_with_it() -> None:
    # M10 P0410: the vessel code (M10-04) and its qualifier (M10-10, L for Lloyd's) go together.
    manifest = replace(_one_bill(Decimal("1")), conveyance=Conveyance(name="NORTHERN STAR", imo_number="IMO 9 ÑO"))
    written = x12_309.write([manifest])
    (m10,) = [line for line in written.data.decode().split("~") if line.strip().startswith("M10*")]
    assert m10.split("*")[4:5] in ([], [""]) and "*L" not in m10, m10
    assert not [d for d in x12_309.read(written.data).diagnostics if d.code == "X12108"]


def test_a_volume_spelt_with_trailing_zeros_is_written_shorter_with_the_same_value() -> None:
    written = x12_309.write([_one_bill(Decimal("12.500000000000"))])
    assert b"*12.5*X" in written.data
    assert not [d for d in written.losses if "volume" in (d.field or "")]
    back = x12_309.read(written.data).manifests[0].consignments[0].volume
    assert back is not None and back.value == Decimal("12.5")


@pytest.mark.parametrize(
    ("text", "shortest"),
    [("12.500", "12.5"), ("-0.500", "-.5"), ("100.000", "100"), ("0.000", "0"), ("1200", "1200"), ("-7.25", "-7.25")],
)
def test_the_shortest_spelling_of_a_decimal_keeps_its_value(text: str, shortest: str) -> None:
    assert shortest_decimal(text) == shortest and Decimal(shortest) == Decimal(text)


@pytest.mark.parametrize("fmt", [x12_309, x12_358], ids=["309", "358"])
def test_a_trip_number_shorter_than_m1006_allows_is_left_out_and_listed(fmt: ModuleType) -> None:
    # M1006 (element 55, Flight/Voyage Number) is AN 2/10: an identifier is never padded nor cut.
    written = fmt.write([Manifest(mode=Mode.MARITIME, trip_number="I")])
    assert b"M10**O****I*" not in written.data
    (loss,) = [d for d in written.losses if d.field == "trip_number"]
    assert (loss.code, loss.location) == ("X12411", "M10-06")
    assert "shorter" in loss.message()


@pytest.mark.parametrize("fmt", [x12_309, x12_358], ids=["309", "358"])
def test_an_element_recoded_and_then_left_out_is_noted_as_left_empty(fmt: ModuleType) -> None:
    # A train's M1005 repeats its trip number: one character outside X12's sets is recoded as '?', which M1005 (AN
    # 2/28) cannot hold, so it is left out; the loss of the trip number names M1006, so M1005, which syntax note
    # R0504 needs, is noted as left empty.
    written = fmt.write([Manifest(mode=Mode.RAIL, trip_number="\U0002735d")])
    assert [n.code for n in written.notes if n.location == "M10-05"] == ["X12403"]
    assert [(d.code, d.location) for d in written.losses if d.field == "trip_number"] == [("X12411", "M10-06")]


def test_a_value_left_out_of_two_elements_is_named_at_the_first_and_noted_at_the_other() -> None:
    # A SCAC X12 cannot spell is left out of M1001 and of the MBL01 that repeats it: the loss of carrier.scac names
    # M1001, so MBL01 (mandatory) is noted as left empty.
    car = Equipment(kind=EquipmentKind.RAILCAR, initial="ABCD", number="1")
    train = Manifest(
        mode=Mode.RAIL,
        trip_number="T1",
        carrier=Carrier(scac="\u00d1X"),
        equipment=(car,),
        consignments=(Consignment(document_number="B1", equipment=(car,)),),
    )
    written = x12_358.write([train])
    assert [(d.code, d.location) for d in written.losses if d.field == "carrier.scac"] == [("X12411", "M10-01")]
    assert [n.code for n in written.notes if n.location == "MBL-01"] == ["X12403"]


@pytest.mark.parametrize("fmt", [x12_309, x12_358], ids=["309", "358"])
def test_a_value_left_out_of_two_elements_of_one_segment_is_noted_at_the_second(fmt: ModuleType) -> None:
    # A train's trip number of one character goes in M1005 and M1006 (AN 2/28 and 2/10), neither of which can hold
    # it: the loss of the trip number names M1005, so M1006 (mandatory) is noted as left empty.
    written = fmt.write([Manifest(mode=Mode.RAIL, trip_number="E")])
    assert [(d.code, d.location) for d in written.losses if d.field == "trip_number"] == [("X12416", "M10-05")]
    assert [n.code for n in written.notes if n.location == "M10-06"] == ["X12403"]


def test_the_manifest_type_is_written_only_when_the_model_holds_it() -> None:
    # M1009 (element 256) says whether the manifest is the carrier's original (W), an amendment (Y) and so on: a
    # model read from another format does not say, so the element is left empty and noted, not assumed to be W.
    written = x12_309.write([Manifest(mode=Mode.MARITIME, trip_number="647N")])
    assert b"\nM10**O****647N~" in written.data
    assert [n.code for n in written.notes if n.location == "M10-09"] == ["X12403"]
    amended = x12_309.read(written.data.replace(b"*647N~", b"*647N***Y~")).manifests[0]
    assert amended.extensions.get("x12.M10.09") == "Y"
    assert b"*Y~" in x12_309.write([amended]).data


@pytest.mark.parametrize("fmt", [x12_309, x12_358], ids=["309", "358"])
def test_equipment_of_a_kind_x12_does_not_name_is_read_back_as_other_not_as_a_container(fmt: ModuleType) -> None:
    # VID01 ZZ (mutually defined) is what the writers write for a locomotive; read back as a container, its number
    # was judged by ISO 6346 (ID-001).
    locomotive = Equipment(kind=EquipmentKind.LOCOMOTIVE, number="1234567")
    manifest = Manifest(mode=Mode.RAIL, consignments=(Consignment(document_number="BILL1", equipment=(locomotive,)),))
    written = fmt.write([manifest])
    back = fmt.read(written.data)
    kinds = [e.kind for m in back.manifests for e in (*m.equipment, *(e for c in m.consignments for e in c.equipment))]
    assert kinds and set(kinds) == {EquipmentKind.OTHER}
    assert [d.field for d in written.losses if d.field and d.field.endswith(".kind")] != []
    assert "ID-001" not in {d.code for d in api.validate(written.data, profile="none").diagnostics}
