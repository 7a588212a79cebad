"""The truck samples (the northbound truck as ACE truck 309 and 358, X12 004060, and as a Carta Porte autotransporte;
the southbound one as a Carta Porte) are valid in every profile, and each single-fault variant of them in
tests/data/road is reported once, with its code, at the line of the fault."""

from __future__ import annotations

from pathlib import Path

import pytest

from manifest.api import validate
from manifest.model import Mode
from tests.conftest import SAMPLES

ROAD = sorted((SAMPLES / "road").iterdir())
FAULTS = Path(__file__).parent / "data" / "road"

# file, the one finding expected (code, line, the format's address)
VARIANTS = [
    ("vin-check-digit.358", "ID-010", 5, "VEH-02"),
    ("plate-without-state.358", "CBP-ROAD-006", 5, "VEH-10"),
    ("plate-state-not-of-its-country.358", "ID-012", 5, "VEH-10"),
    ("no-driver.358", "CBP-ROAD-007", 3, "ST"),
    ("driver-without-birth-date.358", "CBP-ROAD-008", 7, "DMG-02"),
    ("port-not-schedule-d.358", "CBP-ROAD-019", 9, "P4-01"),
    ("no-trip-number.309", "CBP-ROAD-002", 4, "M10-06"),
    ("birth-date-after-arrival.309", "CBP-ROAD-010", 7, "DMG-02"),
    ("shipment-without-shipper.309", "CBP-ROAD-011", 10, "LX"),
]
_AUTOTRANSPORTE = (
    "/cfdi:Comprobante/cfdi:Complemento/cartaporte31:CartaPorte/cartaporte31:Mercancias/cartaporte31:Autotransporte"
)
_OPERATOR = (
    "/cfdi:Comprobante/cfdi:Complemento/cartaporte31:CartaPorte/cartaporte31:FiguraTransporte/cartaporte31:TiposFigura"
)
# The Carta Porte autotransporte's variants, checked under SAT's profile.
CARTA_PORTE_VARIANTS = [
    ("permit-of-another-mode.cartaporte.xml", "SAT-ROAD-002", 26, f"{_AUTOTRANSPORTE}/@PermSCT"),
    ("semitrailer-configuration-without-trailer.cartaporte.xml", "SAT-ROAD-006", 26, _AUTOTRANSPORTE),
    (
        "plate-with-dash.cartaporte.xml",
        "SAT-ROAD-008",
        27,
        f"{_AUTOTRANSPORTE}/cartaporte31:IdentificacionVehicular/@PlacaVM",
    ),
    ("operator-without-licence.cartaporte.xml", "SAT-ROAD-011", 35, _OPERATOR),
    ("operator-rfc-check-digit.cartaporte.xml", "ID-004", 35, f"{_OPERATOR}/@RFCFigura"),
]


@pytest.mark.parametrize("sample", ROAD, ids=lambda path: path.name)
@pytest.mark.parametrize("profile", ["auto", "cbp", "harmonized", "none"])
def test_the_truck_samples_are_valid(sample: Path, profile: str) -> None:
    report = validate(sample.read_bytes(), path=sample.name, profile=profile)
    assert report.diagnostics == (), [str(d) for d in report.diagnostics]
    assert report.modes == (Mode.ROAD,)


@pytest.mark.parametrize(("name", "code", "line", "location"), VARIANTS, ids=[v[0] for v in VARIANTS])
def test_each_fault_is_caught_at_its_line(name: str, code: str, line: int, location: str) -> None:
    report = validate((FAULTS / name).read_bytes(), path=name, profile="cbp")
    assert [(d.code, d.line, d.location) for d in report.diagnostics] == [(code, line, location)]


@pytest.mark.parametrize(
    ("name", "code", "line", "location"), CARTA_PORTE_VARIANTS, ids=[v[0] for v in CARTA_PORTE_VARIANTS]
)
def test_each_carta_porte_fault_is_caught_at_its_line(name: str, code: str, line: int, location: str) -> None:
    report = validate((FAULTS / name).read_bytes(), path=name, profile="sat")
    assert [(d.code, d.line, d.location) for d in report.diagnostics] == [(code, line, location)]


def test_every_variant_is_listed() -> None:
    listed = [v[0] for v in VARIANTS + CARTA_PORTE_VARIANTS]
    assert sorted(path.name for path in FAULTS.iterdir()) == sorted(listed)


@pytest.mark.parametrize("sample", [p for p in ROAD if p.suffix in (".309", ".358")], ids=lambda path: path.name)
def test_the_truck_x12_samples_are_written_back_byte_for_byte(sample: Path) -> None:
    from manifest import formats

    fmt = formats.get(f"x12-{sample.suffix[1:]}")
    data = sample.read_bytes()
    written = fmt.write(fmt.read(data).manifests)
    assert written.losses == ()
    assert written.data == data
