"""Round trips of the Cargo-IMP reader and writer: any model the format carries whole is written and read back
unchanged with no loss listed, for each message type; and a model with data Cargo-IMP has no room for lists it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings

from manifest.formats import cargo_imp, manifest_json
from manifest.formats.cargo_imp.ffm_layout import X_END, X_PART
from manifest.model import Manifest, Party, PartyRole, TaxId, TaxIdScheme
from tests.conftest import SAMPLES
from tests.strategies.cargo_imp import REFERENCE, ffm_manifests, fhl_manifests, fwb_manifests


def _round_trip(manifest: Manifest) -> None:
    written = cargo_imp.write_at([manifest], REFERENCE)
    assert written.losses == ()
    document = cargo_imp.read_at(written.data, REFERENCE)
    assert document.diagnostics == ()
    assert document.manifests == (manifest,)
    assert cargo_imp.write_at(document.manifests, REFERENCE).data == written.data


@given(fwb_manifests())
def test_fwb_round_trip(manifest: Manifest) -> None:
    _round_trip(manifest)


@given(fhl_manifests())
def test_fhl_round_trip(manifest: Manifest) -> None:
    _round_trip(manifest)


@given(ffm_manifests())
def test_ffm_round_trip(manifest: Manifest) -> None:
    _round_trip(manifest)


@settings(max_examples=10)  # 200 consignments each: a slow property
@given(ffm_manifests(max_consignments=1))
def test_ffm_split_over_several_messages_reads_back_whole(manifest: Manifest) -> None:
    only = manifest.consignments[0]
    many = tuple(
        replace(
            only,
            document_number=f"139-{serial:07d}{serial % 7}",
            goods=only.goods,
        )
        for serial in range(1000000, 1000200)
    )
    whole = {key: value for key, value in manifest.extensions.items() if key not in (X_PART, X_END)}
    manifest = replace(manifest, consignments=many, extensions=whole)
    written = cargo_imp.write_at([manifest], REFERENCE)
    text = written.data.decode()
    parts = text.split("FFM/8\r\n")[1:]
    assert len(parts) > 1
    assert all(len("FFM/8\r\n" + part) <= 3500 for part in parts)
    assert [part.rstrip("\r\n").rsplit("\r\n", 1)[-1] for part in parts] == ["CONT"] * (len(parts) - 1) + ["LAST"]
    assert [part.split("/", 1)[0] for part in parts] == [str(n) for n in range(1, len(parts) + 1)]
    document = cargo_imp.read_at(written.data, REFERENCE)
    assert document.diagnostics == ()
    assert document.manifests == (manifest,)


@settings(max_examples=20)
@given(fwb_manifests())
def test_what_fwb_cannot_carry_is_listed(manifest: Manifest) -> None:
    consignment = manifest.consignments[0]
    shipper = consignment.parties[0]
    extra = (
        replace(shipper, tax_ids=(TaxId(scheme=TaxIdScheme.RFC, value="CAC040512R76"),)),
        *consignment.parties[1:],
        Party(role=PartyRole.BROKER, name="AGENCIA ADUANAL"),
    )
    manifest = replace(
        manifest,
        trip_number=None,
        country_from="MX",
        consignments=(replace(consignment, parties=extra, extensions={**consignment.extensions, "x12.M10.07": "A"}),),
    )
    lost = {d.field for d in cargo_imp.write_at([manifest], REFERENCE).losses}
    broker = f"consignments[0].parties[{len(extra) - 1}]"
    assert {"country_from", "consignments[0].parties[0].tax_ids[0]", broker} <= lost
    assert "consignments[0].extensions[x12.M10.07]" in lost
    assert all(d.code == "IMP100" for d in cargo_imp.write_at([manifest], REFERENCE).losses)


def test_the_canonical_air_sample_is_written_as_a_flight_manifest_listing_what_it_leaves() -> None:
    canonical = manifest_json.read((SAMPLES / "air" / "northbound-flight-am0642-mex-lax.manifest.json").read_bytes())
    (manifest,) = canonical.manifests
    assert cargo_imp.message_kind(manifest) == "FFM"
    written = cargo_imp.write_at([manifest], REFERENCE)
    lost = {d.field for d in written.losses}
    houses = [f"consignments[{n}]" for n, c in enumerate(manifest.consignments) if c.master_number]
    parties = [f"consignments[0].parties[{n}]" for n in range(len(manifest.consignments[0].parties))]
    assert {"office_of_entry", "direction", *parties, *houses} <= lost
    assert {d.code for d in written.losses} <= {"IMP100", "IMP101"}
    (flight,) = cargo_imp.read_at(written.data, REFERENCE).manifests
    masters = [c for c in manifest.consignments if not c.master_number]
    assert [c.document_number for c in flight.consignments] == [c.document_number for c in masters]
    assert [c.gross_weight for c in flight.consignments] == [c.gross_weight for c in masters]
    assert flight.equipment == tuple(e for c in masters for e in c.equipment)
    departure = manifest.departure
    assert departure is not None
    assert flight.departure == replace(departure, place=replace(departure.place, name=None, country=None))


def test_a_goods_item_in_a_uld_the_manifest_does_not_describe_is_written_under_that_uld() -> None:
    """A model that breaks HM-GEN-001 (goods in a ULD no equipment describes) still gets its flight manifest: the ULD
    line carries the identifier alone, and the read-back places the goods under it."""
    canonical = manifest_json.read((SAMPLES / "air" / "northbound-flight-am0642-mex-lax.manifest.json").read_bytes())
    (manifest,) = canonical.manifests
    index, consignment = next((n, c) for n, c in enumerate(manifest.consignments) if c.goods and c.equipment)
    goods = (replace(consignment.goods[0], equipment_ids=("PMC99999AM",)), *consignment.goods[1:])
    consignments = list(manifest.consignments)
    consignments[index] = replace(consignment, goods=goods)
    written = cargo_imp.write_at([replace(manifest, consignments=tuple(consignments))], REFERENCE)
    assert "ULD/PMC99999AM" in written.data.decode().split("\r\n")
    (flight,) = cargo_imp.read_at(written.data, REFERENCE).manifests
    moved = next(c for c in flight.consignments if c.document_number == consignment.document_number)
    assert moved.goods[0].equipment_ids == ("PMC99999AM",)


def _without_piece_counts(manifest: Manifest) -> Manifest:
    bills = tuple(
        replace(bill, total_packages=None, goods=tuple(replace(item, packages=None) for item in bill.goods))
        for bill in manifest.consignments
    )
    return replace(manifest, consignments=bills)


def test_an_air_waybill_without_a_piece_count_is_never_written_as_zero_pieces() -> None:
    """FWB/17 and FFM/8 need the pieces of an air waybill: a count the model lacks is left empty for the sender to
    supply (IMP102 names it), not written as T0, which would say that the bill holds no piece."""
    for sample, field in (
        ("northbound-flight-am0642-awb-139-12345675.fwb", "consignments[0].total_packages"),
        ("northbound-flight-am0642-mex-lax.ffm", "consignments[0].goods[0].packages"),
    ):
        source = cargo_imp.read((SAMPLES / "air" / sample).read_bytes()).manifests[0]
        written = cargo_imp.write([_without_piece_counts(source)])
        awb_lines = [
            line
            for line in written.data.decode().splitlines()
            if line[:4] == source.consignments[0].document_number[:4]
        ]
        assert awb_lines and all("/T0" not in line and "/P0" not in line for line in awb_lines), awb_lines
        assert field in [note.field for note in written.notes if note.code == "IMP102"]


@pytest.mark.parametrize("point", ["ULD", "ULD/27NOV0355", "ULD/NIL"])
def test_a_point_of_unloading_at_the_airport_uld_is_not_taken_for_a_uld_line(point: str) -> None:
    """ULD is Ulundi's IATA code as well as the tag of FFM/8's ULD line: a line ``ULD/`` followed by NIL or a day
    and time is a point of unloading, one followed by a ULD identifier (PMC73850AM) the ULD line."""
    sample = (SAMPLES / "air" / "northbound-flight-am0642-mex-lax.ffm").read_text()
    text = sample.replace("/US/27NOV0355/LAX", "/US/27NOV0355/ULD").replace("\nLAX\n", f"\n{point}\n", 1)
    document = cargo_imp.read(text.encode())
    assert document.diagnostics == ()
    (manifest,) = document.manifests
    assert manifest.arrival is not None and manifest.arrival.place.code == "ULD"
    assert [uld.identifier for uld in manifest.equipment] == ["PMC73850AM", "AKE12045AM"]
    _round_trip(manifest)
