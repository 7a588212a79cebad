"""What the CUSCAR writer writes keeps to the segment table of the directory its UNH declares (D.95B by default), and
the reader reads it back to the same model, while still reading the placements files written before did."""

from __future__ import annotations

from dataclasses import replace

from manifest.formats import cuscar
from manifest.formats.edifact.cuscar_read.table_check import table_faults
from manifest.model import GoodsItem, HazardousMaterial, Manifest
from tests.conftest import REPO

CUSCAR = REPO / "samples" / "maritime" / "northbound-vessel-maersk-kensington-647n.cuscar"


def _sample() -> Manifest:
    return cuscar.read(CUSCAR.read_bytes()).manifests[0]


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
