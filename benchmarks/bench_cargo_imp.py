"""Cargo-IMP read and write throughput on a long flight manifest. Run as ``python -m benchmarks.bench_cargo_imp``;
prints a markdown table.

The flight is the FFM sample's AM0642 with 5,000 air waybills (two in every ULD), written by the project's own
writer, which splits it into CONT ... LAST parts of at most 3,500 characters.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from benchmarks.measure import best_of
from manifest.formats import cargo_imp
from manifest.model import Consignment, Equipment, Manifest

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "air" / "northbound-flight-am0642-mex-lax.ffm"
AIR_WAYBILLS = 5000


def build() -> Manifest:
    (base,) = cargo_imp.read(SAMPLE.read_bytes()).manifests
    template = base.consignments[1]
    consignments: list[Consignment] = []
    ulds: list[Equipment] = []
    for n in range(AIR_WAYBILLS):
        serial = 3_000_000 + n
        uld = replace(template.equipment[0], number=f"{10000 + n // 2}AM")
        if not ulds or ulds[-1] != uld:
            ulds.append(uld)
        goods = (replace(template.goods[0], sequence=n + 1, equipment_ids=(uld.identifier,)),)
        consignments.append(
            replace(template, document_number=f"139-{serial}{serial % 7}", goods=goods, equipment=(uld,))
        )
    return replace(base, consignments=tuple(consignments), equipment=tuple(ulds))


def main() -> None:
    manifest = build()
    data = cargo_imp.write([manifest]).data
    parts = data.count(b"FFM/8\r\n")
    megabytes = len(data) / 1e6
    read = best_of(3, lambda: cargo_imp.read(data))
    write = best_of(3, lambda: cargo_imp.write([manifest]))
    print(f"| {AIR_WAYBILLS} air waybills in {parts} FFM parts | {megabytes:.2f} MB |")
    print("|---|---|")
    print(f"| read | {read:.3f} s ({megabytes / read:.1f} MB/s) |")
    print(f"| write (with the read-back that finds losses) | {write:.3f} s |")


if __name__ == "__main__":
    main()
