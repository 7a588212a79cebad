"""The CUSCAR segment table of each directory from D.95B to D.03B, and the walk that places every segment of a
message in it: out of place, past its maximum, a mandatory segment or group missing; one finding per fault, at the
segment, naming it and its group."""

from __future__ import annotations

from pathlib import Path

from manifest.formats.edifact.cuscar_read.table_check import table_faults
from manifest.formats.edifact.cuscar_table import Table, table, table_known
from manifest.formats.segment_table import Loop, Seg

REALWORLD = Path(__file__).parent / "realworld" / "edifact"
HEAD = "UNA:+.? '\nUNB+UNOC:3+S+R+261120:2200+1'\nUNH+1+CUSCAR:D:{version}:UN'\n"
TAIL = "UNT+{count}+1'\nUNZ+1+1'\n"


def _faults(body: str, version: str = "95B") -> list[tuple[str, str | None, str]]:
    count = body.count("'") + 2
    data = (HEAD.format(version=version) + body + TAIL.format(count=count)).encode()
    return [(d.code, d.location, d.message()) for d in table_faults(data)]


def _group(t: Table, *tags: str) -> Loop:
    """The group reached from the root through the groups triggered by ``tags``."""
    node = t.root
    for tag in tags:
        node = next(c for c in node.children[1:] if isinstance(c, Loop) and c.trigger == tag)
    return node


def _segment(group: Loop, tag: str) -> Seg:
    return next(c for c in group.children[1:] if isinstance(c, Seg) and c.tag == tag)


def test_d95b_has_the_message_level_nad_as_a_segment_and_d96a_as_a_group_with_its_contacts() -> None:
    d95b, d96a = table("95B"), table("96A")
    assert _segment(d95b.root, "NAD").max == 9
    assert _group(d96a, "NAD").max == 99 and _group(d96a, "NAD", "CTA").max == 9
    assert d95b.name(_group(d95b, "CNI", "RFF", "GID")) == "segment group 10 (GID)"
    assert d96a.name(_group(d96a, "CNI", "RFF", "GID")) == "segment group 13 (GID)"


def test_later_directories_change_the_table_where_the_directory_did() -> None:
    # D.96B: the message's RFF opens a group (RFF-DTM); D.97A: SGP up to 9999; D.97B: LOC and QTY in the header and
    # LOC in the goods item; D.02B: GEI in place of GIS; D.03B: DGS up to 99.
    assert isinstance(_group(table("96B"), "RFF"), Loop)
    assert _segment(_group(table("96B"), "CNI", "RFF", "GID"), "SGP").max == 99
    assert _segment(_group(table("97A"), "CNI", "RFF", "GID"), "SGP").max == 9999
    assert "LOC" not in table("97A").root.by_tag and "LOC" in table("97B").root.by_tag
    assert "LOC" in _group(table("97B"), "CNI", "RFF", "GID").by_tag
    assert "GIS" in table("02A").root.by_tag and "GEI" in table("02B").root.by_tag
    assert "GIS" not in set(table("02B").root.tags())
    assert _segment(_group(table("03A"), "CNI", "RFF", "GID"), "DGS").max == 9
    assert _segment(_group(table("03B"), "CNI", "RFF", "GID"), "DGS").max == 99
    d03b = table("03B")
    assert d03b.name(_group(d03b, "EQD")) == "segment group 5 (EQD)"
    assert d03b.name(_group(d03b, "CNI", "RFF", "GID")) == "segment group 14 (GID)"


def test_the_goods_item_group_is_mandatory_in_a_consignments_reference_group() -> None:
    for version in ("95B", "99A", "03B"):
        gid = _group(table(version), "CNI", "RFF", "GID")
        assert gid.required and gid.max == 9999


def test_a_directory_after_d03b_has_no_known_table() -> None:
    assert table_known("95B") and table_known("00A") and table_known("03B")
    assert not table_known("04A") and not table_known("93A")
    assert _faults("BGM+85++9'\nFOO+1'\n", "04A") == []


def test_the_ace_etruck_rff_after_sel_is_out_of_its_group_and_so_is_the_doc_after_cni() -> None:
    found = table_faults((REALWORLD / "milyn_d03b_cuscar_ace_etruck.edi").read_bytes())
    assert [(d.code, d.location, d.line, d.column) for d in found] == [
        ("CUS008", "RFF(14)", 1, 528),
        ("CUS008", "DOC(17)", 1, 570),
    ]
    assert "after SEL in segment group 5 (EQD)" in found[0].message()
    assert "tras SEL en el grupo de segmentos 5 (EQD)" in found[0].message("es")


def test_real_messages_that_keep_to_their_table_give_nothing(external_samples: Path) -> None:
    assert table_faults((REALWORLD / "milyn_d99a_cuscar_scprbl.edi").read_bytes()) == []
    assert table_faults((external_samples / "edifact" / "d95b_cuscar_lot10_sample.edi").read_bytes()) == []


def test_a_goods_item_outside_any_consignment_is_one_fault_and_its_own_segments_none() -> None:
    # SCPRLB declares D.95B but sends header LOC and QTY (from D.97B) and goods items with no CNI or RFF before them.
    found = table_faults((REALWORLD / "milyn_d95b_cuscar_scprlb.edi").read_bytes())
    assert [(d.code, d.location) for d in found] == [
        ("CUS008", "LOC(5)"),
        ("CUS008", "LOC(6)"),
        ("CUS008", "QTY(7)"),
        ("CUS008", "DTM(11)"),
        ("CUS008", "GID(12)"),
    ]


def test_a_segment_the_table_does_not_have_is_named_so() -> None:
    body = "BGM+85++9'\nCNI+1+B1'\nRFF+BM:B1'\nGID+1+2:CT'\nPIA+5+220890:HS'\n"
    ((code, location, message),) = _faults(body)
    assert (code, location) == ("CUS008", "PIA(7)")
    assert "the D.95B segment table of CUSCAR has no PIA segment" in message


def test_a_segment_repeated_past_its_maximum_is_reported_at_the_first_one_too_many() -> None:
    seals = "".join(f"SEL+S{n}'\n" for n in range(11))
    found = _faults(f"BGM+85++9'\nEQD+CN+ABCU1234560'\n{seals}")
    assert found == [
        (
            "CUS017",
            "SEL(14)",
            "segment SEL repeats more than the 9 times segment group 2 (EQD) allows in directory D.95B",
        )
    ]


def test_a_group_repeated_past_its_maximum_is_reported_once() -> None:
    calls = "".join(f"TDT+20+V{n}'\n" for n in range(11))
    found = _faults(f"BGM+85++9'\n{calls}")
    assert [(code, location) for code, location, _ in found] == [("CUS017", "TDT(13)")]
    assert "segment group 1 (TDT) repeats more than the 9 times the message allows" in found[0][2]


def test_a_missing_mandatory_group_is_reported_where_its_group_closes() -> None:
    found = _faults("BGM+85++9'\nCNI+1+B1'\nRFF+BM:B1'\nCNI+2+B2'\nRFF+BM:B2'\nGID+1'\n")
    assert found == [
        (
            "CUS018",
            "CNI(6)",
            "segment group 5 (RFF), opened at line 6, has no segment group 10 (GID), which is mandatory in "
            "directory D.95B",
        )
    ]


def test_a_missing_bgm_is_reported_once_at_the_message_header() -> None:
    found = _faults("DTM+137:202611202200:203'\nDTM+132:202611270700:203'\n")
    assert [(code, location) for code, location, _ in found] == [("CUS006", "UNH(2)")]


def test_a_goods_item_with_no_message_before_it_still_reports_the_missing_bgm() -> None:
    found = _faults("GID+1+2:CT'\nFTX+AAA+++GOODS'\n")
    assert [(code, location) for code, location, _ in found] == [("CUS008", "GID(3)"), ("CUS006", "UNH(2)")]


def test_segments_in_their_places_give_nothing() -> None:
    body = (
        "BGM+85++9'\nDTM+137:202611202200:203'\nRFF+SS:A1'\nNAD+MS+SCR:172:20'\nTDT+20+V1'\nLOC+60+GBPME'\n"
        "DTM+132:202611290330:203'\nEQD+CN+ABCU1234560'\nMEA+AAE+G+KGM:100'\nSEL+S1+CA'\nCNI+1+B1'\nRFF+BM:B1'\n"
        "CNT+7:100:KGM'\nLOC+9+CRMOB'\nNAD+CN+C1'\nCTA+IC'\nCOM+1:TE'\nGID+1+2:CT'\nFTX+AAA+++GOODS'\n"
        "MEA+AAE+G+KGM:100'\nSGP+ABCU1234560+2'\nDGS+IMD+3+1993'\nPCI+24+MARKS'\nGID+2+1:CT'\nCNI+2+B2'\n"
        "RFF+BM:B2'\nGID+1'\n"
    )
    assert _faults(body) == []
