"""Carta Porte to and from the other formats of its mode through the model (rail: X12 309; maritime: CUSCAR): the
data both carry lands in the same fields, and whatever one side cannot carry is listed in its losses."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from manifest.formats import get
from manifest.formats.base import Written
from manifest.formats.carta_porte import schema
from manifest.model import EquipmentKind, Manifest, PartyRole
from tests.conftest import SAMPLES

CARTA_PORTE = get("carta-porte")
X12_309 = get("x12-309")
CUSCAR = get("cuscar")
RAIL_CARTA_PORTE = SAMPLES / "rail" / "northbound-nuevo-laredo.cartaporte.xml"
RAIL_309 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
MARITIME_CARTA_PORTE = SAMPLES / "maritime" / "northbound-manzanillo-long-beach.cartaporte.xml"


@pytest.fixture(scope="module", autouse=True)
def _compiled_schema() -> None:
    schema.compile_schema()


def shared_fields(manifest: Manifest) -> Iterator[tuple[str, object]]:
    """The border data both formats describe, by model path: waybills, cars, weights, parties, codes, pedimentos."""
    for c_index, consignment in enumerate(manifest.consignments):
        path = f"consignments[{c_index}]"
        yield f"{path}.document_number", consignment.document_number
        units = [
            e.identifier for e in consignment.equipment if e.kind in (EquipmentKind.RAILCAR, EquipmentKind.CONTAINER)
        ]
        yield f"{path}.equipment", [unit for unit in units if unit]
        for e_index, equipment in enumerate(consignment.equipment):
            yield f"{path}.equipment[{e_index}].seals", [seal.number for seal in equipment.seals]
        for role in (PartyRole.SHIPPER, PartyRole.CONSIGNEE):
            party = consignment.party(role)
            index = consignment.parties.index(party) if party else 0
            yield f"{path}.parties[{index}].name", party.name if party else None
        for g_index, item in enumerate(consignment.goods):
            where = f"{path}.goods[{g_index}]"
            yield f"{where}.gross_weight", item.gross_weight
            yield f"{where}.hs_code", item.hs_code
            yield f"{where}.tariff_codes", [(t.scheme, t.code) for t in item.tariff_codes if t.scheme == "mx-fraccion"]
            yield f"{where}.customs_documents", [(d.kind, d.number) for d in item.customs_documents]


def _within(inner: str, outer: str) -> bool:
    return inner == outer or inner.startswith((outer + ".", outer + "["))


def assert_carried_or_listed(before: Manifest, after: Manifest, written: Written) -> int:
    lost = [d.field or "" for d in written.losses]
    expected = dict(shared_fields(before))
    got = dict(shared_fields(after))
    same = 0
    for path, value in expected.items():
        if got.get(path) == value:
            same += 1
            continue
        assert any(_within(field, path) or _within(path, field) for field in lost), (
            f"{path}: {value!r} became {got.get(path)!r} and no loss names it"
        )
    return same


def test_carta_porte_to_309_and_back_to_the_model() -> None:
    source = CARTA_PORTE.read(RAIL_CARTA_PORTE.read_bytes()).manifests[0]
    written = X12_309.write([source])
    through = X12_309.read(written.data).manifests[0]
    carried = assert_carried_or_listed(source, through, written)
    assert [c.document_number for c in through.consignments] == ["KCSM26110451", "KCSM26110452"]
    assert [[e.identifier for e in c.equipment if e.kind == EquipmentKind.RAILCAR] for c in through.consignments] == [
        ["KCSM720145", "TFM654321"],
        ["TTGX982345"],
    ]
    assert carried >= 10


def test_309_to_carta_porte_and_back_to_the_model() -> None:
    source = X12_309.read(RAIL_309.read_bytes()).manifests[0]
    written = CARTA_PORTE.write([source])
    through = CARTA_PORTE.read(written.data).manifests[0]
    carried = assert_carried_or_listed(source, through, written)
    assert [c.document_number for c in through.consignments] == [c.document_number for c in source.consignments]
    assert [e.identifier for c in through.consignments for e in c.equipment if e.kind == EquipmentKind.RAILCAR] == [
        e.identifier for c in source.consignments for e in c.equipment if e.kind == EquipmentKind.RAILCAR
    ]
    assert carried >= 10
    # A 309 has no CFDI issuer, seal or SAT catalogue keys: the CFDI is written unsigned and the gaps are named.
    assert "CP404" not in {d.code for d in written.losses}  # a value the model lacks is not one left behind
    assert {d.code for d in written.notes} == {"CP403", "CP404"}


def test_maritime_carta_porte_to_cuscar_and_back_to_the_model() -> None:
    source = CARTA_PORTE.read(MARITIME_CARTA_PORTE.read_bytes()).manifests[0]
    written = CUSCAR.write([source])
    through = CUSCAR.read(written.data).manifests[0]
    assert assert_carried_or_listed(source, through, written) >= 8
    assert through.conveyance is not None and source.conveyance is not None
    assert (through.conveyance.imo_number, through.conveyance.name) == (
        source.conveyance.imo_number,
        source.conveyance.name,
    )
