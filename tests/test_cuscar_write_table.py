"""What the CUSCAR writer writes keeps to the segment table of the directory its UNH declares (D.95B by default), and
the reader reads it back to the same model, while still reading the placements files written before did."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

from manifest import formats
from manifest.formats import cuscar
from manifest.formats.edifact.cuscar_read.table_check import table_faults
from manifest.model import Contact, CustomsDocument, GoodsItem, HazardousMaterial, Manifest, Quantity, TariffCode
from tests.conftest import REPO

CUSCAR = REPO / "samples" / "maritime" / "northbound-vessel-maersk-kensington-647n.cuscar"


def _sample() -> Manifest:
    """The maritime sample without what D.95B has no place for (the goods' origin, the bills' volume)."""
    manifest = cuscar.read(CUSCAR.read_bytes()).manifests[0]
    bills = tuple(
        replace(bill, volume=None, goods=tuple(replace(item, origin_country=None) for item in bill.goods))
        for bill in manifest.consignments
    )
    return replace(manifest, consignments=bills)


def _with_goods(manifest: Manifest, goods: GoodsItem) -> Manifest:
    bill = manifest.consignments[0]
    return replace(manifest, consignments=(replace(bill, goods=(goods,)), *manifest.consignments[1:]))


def _tags(data: bytes) -> list[str]:
    return [line[:3] for line in data.decode("latin-1").splitlines()]


def _faults(data: bytes) -> list[tuple[str | None, str]]:
    return [(d.location, d.message()) for d in table_faults(data)]


def test_marks_are_written_after_the_placement_and_the_dangerous_goods_and_read_back() -> None:
    goods = replace(
        _sample().consignments[0].goods[0],
        hazardous=(HazardousMaterial(un_number="1263", hazard_class="3"),),
        marks="GEM/PBI\nLB 1-2400",
    )
    written = cuscar.write([_with_goods(_sample(), goods)])
    tags = _tags(written.data)
    assert tags.index("PCI") > tags.index("DGS") > tags.index("SGP")
    assert not [f for f in _faults(written.data) if "PCI" in f[1] or (f[0] or "").startswith(("SGP", "DGS"))]
    assert cuscar.read(written.data).manifests[0].consignments[0].goods[0].marks == "GEM/PBI\nLB 1-2400"


def _message(body: str) -> bytes:
    head = "UNA:+.? '\nUNB+UNOC:3+S+R+261120:2200+1'\nUNH+1+CUSCAR:D:95B:UN'\nBGM+85++9'\n"
    return (head + body + f"UNT+{body.count(chr(39)) + 2}+1'\nUNZ+1+1'\n").encode()


def test_marks_before_the_placement_as_written_before_are_still_read() -> None:
    goods = "CNI+1+B1'\nRFF+BM:B1'\nGID+1+2:CT'\n"
    for body in ("PCI++M1'\nSGP+ABCU1234560'\nDGS+IMD+3+1263'\n", "SGP+ABCU1234560'\nDGS+IMD+3+1263'\nPCI++M1'\n"):
        (item,) = cuscar.read(_message(goods + body)).manifests[0].consignments[0].goods
        assert (item.marks, item.equipment_ids, item.hazardous[0].un_number) == ("M1", ("ABCU1234560",), "1263")


def test_tariff_codes_are_written_in_the_customs_status_of_goods_and_read_back() -> None:
    goods = replace(
        _sample().consignments[0].goods[0],
        hs_code="220890",
        tariff_codes=(
            TariffCode(scheme="us-hts", code="2208904000"),
            TariffCode(scheme="mx-fraccion", code="22089099"),
            TariffCode(scheme="hs", code="2208"),
        ),
    )
    written = cuscar.write([_with_goods(_sample(), goods)])
    assert b"PIA+" not in written.data
    assert b"\nCST++220890:HS+2208904000:HTS:ZZZ+22089099:FRA:ZZZ+2208:HS:ZZZ'\n" in written.data
    assert not [f for f in _faults(written.data) if "CST" in f[1] or "PIA" in f[1]]
    back = cuscar.read(written.data).manifests[0].consignments[0].goods[0]
    assert (back.hs_code, back.tariff_codes) == (goods.hs_code, goods.tariff_codes)
    assert not written.losses


def test_codes_past_the_five_customs_identity_codes_are_listed_as_not_carried() -> None:
    codes = tuple(TariffCode(scheme="us-hts", code=f"220890400{n}") for n in range(5))
    goods = replace(_sample().consignments[0].goods[0], hs_code="220890", tariff_codes=codes)
    written = cuscar.write([_with_goods(_sample(), goods)])
    back = cuscar.read(written.data).manifests[0].consignments[0].goods[0]
    assert back.tariff_codes == codes[:4]
    assert [loss.field for loss in written.losses] == ["consignments[0].goods[0].tariff_codes[4]"]


def test_tariff_codes_in_pia_as_written_before_are_still_read() -> None:
    body = "CNI+1+B1'\nRFF+BM:B1'\nGID+1+2:CT'\nPIA+5+220890:HS'\nPIA+1+2208904000:HS:HTS:ZZZ'\n"
    (item,) = cuscar.read(_message(body)).manifests[0].consignments[0].goods
    assert (item.hs_code, item.tariff_codes) == ("220890", (TariffCode(scheme="us-hts", code="2208904000"),))


def test_a_customs_status_that_says_more_than_codes_is_kept_whole() -> None:
    body = "CNI+1+B1'\nRFF+BM:B1'\nGID+1+2:CT'\nCST+1+220890:HS+ABC:9:5'\n"
    (item,) = cuscar.read(_message(body)).manifests[0].consignments[0].goods
    assert (item.hs_code, item.tariff_codes) == (None, ())
    assert list(item.extensions.values()) == ["CST+1+220890:HS+ABC:9:5"]


def test_the_transport_group_lists_its_places_then_their_dates_and_each_date_is_read_back_to_its_stop() -> None:
    manifest = _sample()
    written = cuscar.write([manifest])
    tags = _tags(written.data)
    tdt = tags.index("TDT")
    assert tags[tdt : tdt + 6] == ["TDT", "LOC", "LOC", "LOC", "DTM", "DTM"]
    assert not [f for f in _faults(written.data) if "segment group 1 (TDT)" in f[1]]
    back = cuscar.read(written.data).manifests[0]
    assert (back.departure, back.arrival) == (manifest.departure, manifest.arrival)


def test_dates_after_their_places_are_tied_by_qualifier_and_each_after_its_place_as_before() -> None:
    late = "TDT+20+V1+1'\nLOC+5+MXZLO'\nLOC+60+USLGB'\nLOC+22+2709:D:ZZZ'\nDTM+132:202611270700:203'\n"
    late += "DTM+186:202611202200:203'\n"
    early = "TDT+20+V1+1'\nLOC+5+MXZLO'\nDTM+186:202611202200:203'\nLOC+60+USLGB'\nDTM+132:202611270700:203'\n"
    for body in (late, early):
        manifest = cuscar.read(_message(body)).manifests[0]
        assert manifest.departure is not None and manifest.arrival is not None
        assert (manifest.departure.moment, manifest.arrival.moment) == (
            datetime(2026, 11, 20, 22, 0),
            datetime(2026, 11, 27, 7, 0),
        )
        assert manifest.departure.extensions == {"cuscar.DTM.01": "186"}


def test_a_date_of_another_transport_group_dates_no_stop_of_the_first() -> None:
    body = "TDT+20+V1+1'\nLOC+5+MXZLO'\nTDT+20+V2+1'\nDTM+133:202611202200:203'\n"
    manifest = cuscar.read(_message(body)).manifests[0]
    assert manifest.departure is not None and manifest.departure.moment is None


def test_the_text_of_one_dangerous_good_is_written_before_its_dgs_and_read_back() -> None:
    hazard = HazardousMaterial(un_number="1263", hazard_class="3", proper_shipping_name="PAINT")
    goods = replace(_sample().consignments[0].goods[0], hazardous=(hazard,))
    written = cuscar.write([_with_goods(_sample(), goods)])
    tags = _tags(written.data)
    assert tags.index("DGS") > written.data.decode().splitlines().index("FTX+AAD+++PAINT'")
    assert not [f for f in _faults(written.data) if "FTX" in f[1] or "DGS" in f[1]]
    assert cuscar.read(written.data).manifests[0].consignments[0].goods[0].hazardous == (hazard,)
    assert not written.losses


def test_the_texts_of_several_dangerous_goods_name_none_of_them_and_are_listed() -> None:
    hazards = (
        HazardousMaterial(un_number="1263", hazard_class="3", proper_shipping_name="PAINT"),
        HazardousMaterial(un_number="1993", hazard_class="3", proper_shipping_name="FLAMMABLE LIQUID"),
    )
    goods = replace(_sample().consignments[0].goods[0], hazardous=hazards)
    written = cuscar.write([_with_goods(_sample(), goods)])
    assert written.data.count(b"FTX+AAD") == 1  # the third bill's, which has one dangerous good
    assert [loss.field for loss in written.losses] == [
        "consignments[0].goods[0].hazardous[0].proper_shipping_name",
        "consignments[0].goods[0].hazardous[1].proper_shipping_name",
    ]


def test_a_dangerous_goods_text_after_its_dgs_is_read_as_before_and_one_before_several_is_kept() -> None:
    goods = "CNI+1+B1'\nRFF+BM:B1'\nGID+1+2:CT'\n"
    (item,) = cuscar.read(_message(goods + "DGS+IMD+3+1263'\nFTX+AAD+++PAINT'\n")).manifests[0].consignments[0].goods
    assert item.hazardous[0].proper_shipping_name == "PAINT"
    several = goods + "FTX+AAD+++PAINT'\nDGS+IMD+3+1263'\nDGS+IMD+3+1993'\n"
    (item,) = cuscar.read(_message(several)).manifests[0].consignments[0].goods
    assert [h.proper_shipping_name for h in item.hazardous] == [None, None]
    assert list(item.extensions.values()) == ["FTX+AAD+++PAINT"]


def _origin_documents_volume() -> Manifest:
    manifest = _sample()
    bill = manifest.consignments[0]
    goods = replace(
        bill.goods[0],
        origin_country="MX",
        customs_documents=(CustomsDocument(kind="pedimento", number="26 47 3807 6000123"),),
    )
    bill = replace(bill, goods=(goods,), volume=Quantity(value=Decimal("134.6"), unit="MTQ"))
    return replace(manifest, consignments=(bill, *manifest.consignments[1:]))


def test_what_the_d95b_table_has_no_place_for_is_left_out_and_listed() -> None:
    written = cuscar.write([_origin_documents_volume()])
    tags = _tags(written.data)
    assert b"LOC+27" not in written.data and b"DOC+" not in written.data
    assert "MEA" not in tags[tags.index("CNI") : tags.index("GID")]
    assert {loss.field for loss in written.losses} >= {
        "consignments[0].volume",
        "consignments[0].goods[0].origin_country",
        "consignments[0].goods[0].customs_documents[0]",
    }
    assert all(loss.code == "CUS010" for loss in written.losses)
    assert not [f for f in _faults(written.data) if f[0] and f[0].startswith(("LOC", "DOC", "MEA"))]


def test_the_country_of_origin_is_written_where_the_messages_directory_has_a_place_for_it() -> None:
    manifest = _origin_documents_volume()
    manifest = replace(manifest, extensions={**manifest.extensions, "cuscar.UNH.S009": "CUSCAR:D:97B:UN"})
    written = cuscar.write([manifest])
    lines = written.data.decode().splitlines()
    assert lines[lines.index("CST++220890:HS+2208904000:HTS:ZZZ'") + 1] == "LOC+27+MX'"
    assert cuscar.read(written.data).manifests[0].consignments[0].goods[0].origin_country == "MX"
    assert "consignments[0].goods[0].origin_country" not in {loss.field for loss in written.losses}
    assert not [f for f in _faults(written.data) if f[0] and f[0].startswith("LOC")]


def test_a_dangerous_goods_contact_has_no_place_in_the_goods_item_and_is_listed() -> None:
    hazard = HazardousMaterial(un_number="1263", hazard_class="3", contact=Contact(name="CHEMTREC", phone="8004249300"))
    goods = replace(_sample().consignments[0].goods[0], hazardous=(hazard,))
    written = cuscar.write([_with_goods(_sample(), goods)])
    assert b"CTA+HG" not in written.data
    assert [loss.field for loss in written.losses] == ["consignments[0].goods[0].hazardous[0].contact"]
    assert not _faults(written.data)


def test_a_dangerous_goods_contact_after_its_dgs_is_still_read() -> None:
    body = "CNI+1+B1'\nRFF+BM:B1'\nGID+1+2:CT'\nDGS+IMD+3+1263'\nCTA+HG+:CHEMTREC'\nCOM+8004249300:TE'\n"
    (item,) = cuscar.read(_message(body)).manifests[0].consignments[0].goods
    assert item.hazardous[0].contact == Contact(name="CHEMTREC", phone="8004249300")


def test_the_maritime_sample_and_what_the_writer_writes_of_its_model_keep_to_the_d95b_table() -> None:
    assert _faults(CUSCAR.read_bytes()) == []
    for source in ("manifest.json", "synthetic.309"):
        path = CUSCAR.with_name(f"northbound-vessel-maersk-kensington-647n.{source}")
        data = path.read_bytes()
        name = formats.sniff(data)
        assert name is not None
        document = formats.get(name).read(data)
        assert _faults(cuscar.write(document.manifests).data) == []
