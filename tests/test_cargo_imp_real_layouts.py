"""Line layouts of real FWB and FFM messages that are valid and must raise no alarm: rate description lines as IATA's
examples and airline traffic write them, split shipments in a flight manifest, and one part of a flight manifest
sent in several messages. The messages here are written for these tests in the shape of the real ones."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from manifest.formats import cargo_imp
from manifest.formats.cargo_imp.goods import X_RATE

DATA = Path(__file__).resolve().parent / "data" / "air"
REFERENCE = date(2026, 11, 27)


def _text(*lines: str) -> bytes:
    return "".join(line + "\r\n" for line in lines).encode()


FWB = (
    "FWB/17",
    "139-30507654MEXORD/T3K2520",
    "RTG/ORDAM",
    "SHP",
    "NAM/EXPORTADORA DEL NORTE SA DE CV",
    "ADR/AV PASEO DE LA REFORMA 100",
    "LOC/CIUDAD DE MEXICO/CMX",
    "/MX/06600",
    "CNE",
    "NAM/PACIFIC IMPORTS LLC",
    "ADR/2200 S ARCHER AVE",
    "LOC/CHICAGO/IL",
    "/US/60616",
    "CVD/USD//PP/NVD/NCV/XXX",
)


def test_a_rate_combination_point_is_a_rate_element() -> None:
    data = _text(
        *FWB,
        "RTD/1/P1/K2400/CU/W2000/R10.5/T21000",
        "/NG/ENGINE PARTS",
        "/2/PMEX/CU/W520/R2.9/T1508",
        "/ND//CMT120-80-100/1",
        "/3/NV/MC0.96",
        "/4/NS/1",
        "ISU/14NOV26/MEXICO/L HERNANDEZ",
        "REF/MEXFFAM",
    )
    document = cargo_imp.read_at(data, REFERENCE)
    assert document.diagnostics == ()
    first, second = document.manifests[0].consignments[0].goods
    assert second.extensions[X_RATE] == "PMEX/CU/W520/R2.9/T1508"
    assert second.packages is None
    written = cargo_imp.write_at(document.manifests, REFERENCE)
    assert (written.data, written.losses) == (data, ())
    assert first.description == "ENGINE PARTS"
