"""Every CUSCAR segment is checked against the segment directory its UNH declares (D.95B by default), and the writer
writes nothing the directory does not hold."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from manifest.formats import cuscar
from manifest.formats.edifact.cuscar_read.directory_check import check_segment, clean_pattern
from manifest.formats.edifact.directory import TAGS, segment_spec
from manifest.formats.edifact.segments import build_segment
from manifest.formats.edifact.syntax import DEFAULT
from manifest.model import (
    Consignment,
    Contact,
    DocumentType,
    Equipment,
    EquipmentKind,
    GoodsItem,
    Manifest,
    Mode,
    Party,
    PartyRole,
    Place,
    PlaceScheme,
    Reference,
    Stop,
    TaxId,
    TaxIdScheme,
)

REALWORLD = Path(__file__).parent / "realworld"
HEAD = "UNA:+.? '\nUNB+UNOC:3+S+R+261120:2200+1'\nUNH+1+CUSCAR:D:{version}:UN'\nBGM+85++9'\n"
TAIL = "UNT+{count}+1'\nUNZ+1+1'\n"


def _read(body: str, version: str = "95B") -> list[tuple[str, str | None, str | None]]:
    count = body.count("'") + 3
    data = (HEAD.format(version=version) + body + TAIL.format(count=count)).encode()
    return [(d.code, d.location, d.value) for d in cuscar.read(data).diagnostics]


def test_a_code_list_qualifier_longer_than_d95b_holds_is_reported_at_its_place() -> None:
    found = _read("LOC+60+2709:schedule-d:ZZZ:Long Beach'\n")
    assert found == [("CUS015", "LOC(4)-02-2", "schedule-d")]


def test_the_directory_the_unh_declares_decides_the_length() -> None:
    # 1131 is an..3 up to D.00A and an..17 from D.00B; 3225 an..25 up to D.01B and an..35 from D.02B.
    assert _read("LOC+60+2709:schedule-d:ZZZ'\n", "00A") == [("CUS015", "LOC(4)-02-2", "schedule-d")]
    assert _read("LOC+60+2709:schedule-d:ZZZ'\n", "00B") == []
    place = "X" * 30
    assert _read(f"LOC+60+{place}'\n", "01B") == [("CUS015", "LOC(4)-02-1", place)]
    assert _read(f"LOC+60+{place}'\n", "02B") == []
    # MEA C174/6314 measurement value is n..18 in D.96A and an..18 from D.96B (where the reader still reports a
    # weight it cannot read as a number, but the directory has nothing against it).
    measure = build_segment("MEA+AAE+G+KGM:ABOUT 5", DEFAULT, 1, 1, 1)
    assert [d.code for d in check_segment(measure, "96A")] == ["CUS004"]
    assert check_segment(measure, "96B") == []


def test_a_numeric_element_must_be_a_number_and_is_counted_in_digits() -> None:
    assert _read("CNI+1+B1'\nCNT+7:12,5:KGM'\n") == []
    assert _read("CNI+1+B1'\nCNT+7:1 000:KGM'\n") == [("CUS004", "CNT(5)-01-2", "1 000")]
    assert _read("CNI+1+B1'\nCNT+7:-1234567890.12345678:KGM'\n") == []
    assert _read("CNI+1+B1'\nCNT+7:1234567890123456789:KGM'\n") == [("CUS015", "CNT(5)-01-2", "1234567890123456789")]


def test_a_fault_a_reader_check_also_sees_is_reported_once() -> None:
    # GID 1496 is n..5: the goods item reader's own number check gives way to the directory's finding.
    assert _read("CNI+1+B1'\nGID+A1+1:CT'\n") == [("CUS004", "GID(5)-01-1", "A1")]


def test_a_missing_mandatory_element_or_component_is_reported() -> None:
    assert _read("LOC++USLAX:139:6'\n") == [("CUS007", "LOC(4)-01-1", None)]
    assert _read("RFF+:ABC'\n") == [("CUS007", "RFF(4)-01-1", None)]
    assert _read("DTM'\n") == [("CUS007", "DTM(4)-01-1", None)]


def test_values_beyond_the_segment_are_reported() -> None:
    assert _read("LOC+60+USLAX:139:6:Los Angeles:X'\n") == [("CUS016", "LOC(4)-02-5", "X")]
    assert _read("DTM+132:20261120:102+X'\n") == [("CUS016", "DTM(4)-02-1", "X")]


def test_the_writer_writes_short_codes_that_read_back_as_the_schemes() -> None:
    manifest = Manifest(
        mode=Mode.MARITIME,
        arrival=Stop(place=Place(code="2709", scheme=PlaceScheme.SCHEDULE_D, name="Long Beach, CA", country="US")),
        parties=(
            Party(
                role=PartyRole.CONSIGNEE,
                name="ACME",
                tax_ids=(TaxId(scheme=TaxIdScheme.CBP_ASSIGNED, value="AB12345", country="US"),),
            ),
        ),
    )
    written = cuscar.write([manifest])
    assert b"LOC+60+2709:D:ZZZ:Long Beach, CA'" in written.data
    assert b"NAD+CN+AB12345:CBP:ZZZ" in written.data
    document = cuscar.read(written.data)
    assert document.diagnostics == ()
    assert document.manifests[0].arrival == manifest.arrival
    assert document.manifests[0].parties[0].tax_ids == manifest.parties[0].tax_ids


def test_the_long_scheme_names_of_older_files_are_still_read() -> None:
    data = (HEAD.format(version="00B") + "LOC+60+2709:schedule-d:ZZZ'\n" + TAIL.format(count=4)).encode()
    (manifest,) = cuscar.read(data).manifests
    assert manifest.arrival is not None and manifest.arrival.place.scheme is PlaceScheme.SCHEDULE_D


def test_a_value_longer_than_its_element_is_left_out_with_a_loss_never_cut() -> None:
    reference = "R" * 40  # RFF C506/1154 is an..35
    manifest = Manifest(
        mode=Mode.MARITIME, references=(Reference(kind="CU", value=reference), Reference(kind="CU", value="OK1"))
    )
    written = cuscar.write([manifest])
    assert reference.encode() not in written.data and b"RFF+CU'" not in written.data
    assert b"RFF+CU:OK1'" in written.data
    # The comparison of the file read back with the model lists the reference left out, with its whole value (and
    # the one after it, which moved up a place).
    assert (written.losses[0].code, written.losses[0].field, written.losses[0].value) == (
        "CUS010",
        "references[0].value",
        reference,
    )
    assert [d.code for d in cuscar.read(written.data).diagnostics] == []


@st.composite
def _segments(draw: st.DrawFn) -> tuple[str, str]:
    """A segment of a listed tag with any number of elements and components, each near its length, of digits,
    letters, signs and decimal marks; and a directory whose structure is known or not."""
    tag = draw(st.sampled_from(TAGS))
    version = draw(st.sampled_from(["95B", "96B", "99B", "03B"]))
    slots = segment_spec(tag, version)
    assert slots is not None
    elements = []
    for e in range(draw(st.integers(0, len(slots) + 1))):
        parts = slots[e].components if e < len(slots) else ()
        components = []
        for c in range(draw(st.integers(0, len(parts) + 1))):
            length = parts[c].length if c < len(parts) else 3
            numeric = c < len(parts) and parts[c].numeric
            alphabet = "0123456789.,-A" if numeric else "0123456789AZ.,-"
            components.append(draw(st.text(alphabet, max_size=min(length + 2, 40))))
        elements.append(":".join(components))
    return version, "+".join([tag, *elements])


@settings(max_examples=500)
@given(_segments())
def test_a_segment_the_quick_pattern_passes_has_no_fault(case: tuple[str, str]) -> None:
    # The pattern only spares the closer look at a segment: it must never pass one the closer look finds a fault in.
    version, raw = case
    segment = build_segment(raw, DEFAULT, 1, 1, 1)
    pattern = clean_pattern(segment.tag, version, ":", "+")
    assert pattern is not None
    if pattern.fullmatch(raw):
        assert check_segment(segment, version) == []


def test_the_quick_pattern_passes_the_common_segment() -> None:
    for raw in ("LOC+9+MXZLO:139:6:Manzanillo, Col.", "MEA+AAE+G+KGM:19650.5", "NAD+CN+95-4417322:ein:ZZZ++ACME"):
        assert clean_pattern(raw[:3], "95B", ":", "+").fullmatch(raw)  # type: ignore[union-attr]


def test_a_party_whose_identifier_does_not_fit_keeps_its_nad_so_that_its_contact_stays_its_own() -> None:
    party = Party(role=PartyRole.CONSIGNEE, code="C" * 40, contact=Contact(name="N" * 40, phone="5551212"))
    manifest = Manifest(mode=Mode.MARITIME, parties=(party, Party(role=PartyRole.SHIPPER, name="S")))
    written = cuscar.write([manifest])
    assert b"NAD+CN'\nCTA+IC'\nCOM+5551212:TE'\nNAD+CZ+++S'" in written.data
    assert sorted(d.field or "" for d in written.losses) == ["parties[0].code", "parties[0].contact.name"]
    back = cuscar.read(written.data)
    assert back.diagnostics == ()
    assert back.manifests[0].parties[0].contact == Contact(phone="5551212")


def test_a_stop_whose_place_code_does_not_fit_is_left_out_with_its_moment() -> None:
    departure = Stop(place=Place(code="MXZLO", scheme=PlaceScheme.UNLOCODE), moment=datetime(2026, 1, 1, 10, 0))
    arrival = Stop(place=Place(code="X" * 30, scheme=PlaceScheme.OTHER), moment=datetime(2026, 1, 5, 10, 0))
    written = cuscar.write([Manifest(mode=Mode.MARITIME, departure=departure, arrival=arrival)])
    # Written after the departure's LOC, the arrival's DTM would be read as the departure's.
    assert b"LOC+60" not in written.data and b"DTM+132" not in written.data
    assert [d.field for d in written.losses] == ["arrival"]
    (back,) = cuscar.read(written.data).manifests
    assert back.departure == Stop(
        place=Place(code="MXZLO", scheme=PlaceScheme.UNLOCODE, country="MX"), moment=departure.moment
    )


def test_a_name_goes_on_its_five_lines_and_what_does_not_fit_is_a_loss() -> None:
    name = "".join(chr(ord("A") + i % 26) for i in range(200))  # NAD C080: five lines of 35
    written = cuscar.write([Manifest(mode=Mode.MARITIME, parties=(Party(role=PartyRole.SHIPPER, name=name),))])
    lines = [name[i : i + 35] for i in range(0, 175, 35)]
    assert ("NAD+CZ+++" + ":".join(lines) + "'").encode() in written.data
    assert [d.field for d in written.losses] == ["parties[0].name"]


def test_equipment_whose_identifier_does_not_fit_is_left_out_with_the_goods_placed_in_it() -> None:
    ident = "E" * 18  # EQD and SGP C237/8260: an..17
    goods = GoodsItem(sequence=1, description="STEEL", equipment_ids=(ident,))
    consignment = Consignment(
        document_number="B1",
        document_type=DocumentType.BILL_OF_LADING,
        goods=(goods,),
        equipment=(Equipment(number=ident, kind=EquipmentKind.CONTAINER),),
    )
    written = cuscar.write([Manifest(mode=Mode.MARITIME, consignments=(consignment,))])
    assert ident.encode() not in written.data
    assert b"EQD" not in written.data and b"SGP" not in written.data
    assert written.losses
    assert cuscar.read(written.data).diagnostics == ()


def test_a_real_message_is_held_to_the_directory_it_declares() -> None:
    # The ACE eTruck sample declares D.03B: its 12-character seal number (9308 an..35 from D.00A), its 15-character
    # FTX text reference (4441 an..17 from D.97B) and its NAD C819 and TDT C228 of later directories are within it;
    # read as D.95B, they are not.
    data = (REALWORLD / "edifact" / "milyn_d03b_cuscar_ace_etruck.edi").read_bytes()
    assert not [d for d in cuscar.read(data).diagnostics if d.code in ("CUS015", "CUS016")]
    as_95b = data.replace(b"CUSCAR:D:03B:UN", b"CUSCAR:D:95B:UN")
    found = {(d.code, d.location) for d in cuscar.read(as_95b).diagnostics if d.code in ("CUS015", "CUS016")}
    assert {("CUS015", "SEL(13)-01-1"), ("CUS015", "FTX(10)-03-1"), ("CUS016", "TDT(11)-04-4")} <= found


def test_a_message_of_a_later_directory_is_written_back_with_what_that_directory_holds() -> None:
    # TDT C228 has four components in D.03B, two in D.95B: written back under D.03B, the sample keeps all four.
    data = (REALWORLD / "edifact" / "milyn_d03b_cuscar_ace_etruck.edi").read_bytes()
    written = cuscar.write(cuscar.read(data).manifests)
    assert b"UNH+CUSCAR54+CUSCAR:D:03B:UN'" in written.data
    assert b"TDT+11++03+:::BT" in written.data
    assert not [d for d in written.losses if "TDT" in (d.field or "")]
