"""The air requirements on real-shaped files: a waybill is described once, whatever its rate lines that only
continue another (an XFWB written in the shape of Riege's xfwbExample.xml and 888-11111111_XFWB_multipleULD_
multipleHTS.xml: an item with a second HS code and NDA, one with a volume only, one with a package count and NDA)."""

from __future__ import annotations

from pathlib import Path

from manifest import api

DATA = Path(__file__).resolve().parent / "data" / "air"


def test_rate_line_continuations_of_an_xfwb_need_no_description_of_their_own() -> None:
    name = "xfwb-rate-line-continuations.xml"
    report = api.validate((DATA / name).read_bytes(), path=name, profile="cbp")
    assert report.diagnostics == ()
    [waybill] = report.manifests[0].consignments
    assert [item.description for item in waybill.goods] == ["FRESH CUT ROSES", None, None, None]
    alone = (DATA / name).read_bytes().replace(b"<Identification>FRESH CUT ROSES</Identification>", b"")
    found = [d for d in api.validate(alone, path=name, profile="cbp").diagnostics if d.code == "CBP-AIR-005"]
    assert [d.field for d in found] == [f"consignments[0].goods[{n}].description" for n in range(4)]
