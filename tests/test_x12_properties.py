"""Properties of the 309: any model it can carry survives read(write(m)); any bytes read or raise ParseError."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from manifest.diagnostics import ParseError
from manifest.formats import x12_309, x12_358
from manifest.formats.base import Document
from manifest.formats.x12.ack import acknowledge
from manifest.model import Manifest
from tests.strategies.model import manifests as any_manifests
from tests.strategies.x12 import manifests
from tests.x12_helpers import minimal_309


# Each example writes, reads back for the losses, and reads again: a slow property, so fewer examples.
@settings(max_examples=25)
@given(manifests())
def test_any_309_model_survives_a_round_trip(manifest: Manifest) -> None:
    written = x12_309.write([manifest])
    assert written.losses == ()
    document = x12_309.read(written.data)
    assert document.manifests == (manifest,)


@settings(max_examples=10)
@given(manifests())
def test_what_the_309_cannot_carry_is_listed(manifest: Manifest) -> None:
    from dataclasses import replace

    moved = replace(manifest, country_from="MX", direction=None, trip_number=manifest.trip_number)
    written = x12_309.write([moved])
    assert [d.field for d in written.losses] == ["country_from"]


def _read_or_parse_error(read: object, data: bytes) -> None:
    try:
        document = read(data)  # type: ignore[operator]
    except ParseError as error:
        assert error.diagnostic.line is not None
        return
    assert isinstance(document, Document)


@given(st.binary(max_size=400))
@example(b"ISA*00*          *00*          *ZZ*A*ZZ*B*261127*1200*U*00401*000000001*0*P*>~ST*309*1~LX~")
@example(b"ISA*00*00*ZZ*A*ZZ*B*2*1*U*00401*1*0*P*:~")
@example(minimal_309().replace(b"*2400*", "*\u00b2*".encode()).replace(b"SE*8*", "SE*\u00b3*".encode()))
def test_any_bytes_read_or_raise_parse_error(data: bytes) -> None:
    _read_or_parse_error(x12_309.read, data)
    _read_or_parse_error(x12_358.read, data)


@given(st.data())
def test_any_damage_to_a_good_file_reads_or_raises_parse_error(data: st.DataObject) -> None:
    original = bytearray(minimal_309())
    for _ in range(data.draw(st.integers(1, 6))):
        at = data.draw(st.integers(0, len(original) - 1))
        original[at] = data.draw(st.sampled_from(list(b"*~>^\n0A-. \x00\xff")))
    _read_or_parse_error(x12_309.read, bytes(original))
    try:
        acknowledge(bytes(original))
    except ParseError:
        return


@settings(max_examples=15)
@given(any_manifests())
def test_any_model_writes_and_what_is_left_is_listed(manifest: Manifest) -> None:
    for fmt in (x12_309, x12_358):
        written = fmt.write([manifest])
        document = fmt.read(written.data)
        assert len(document.manifests) == 1
        # Neither lists an air ULD as equipment; a 358 lists no bill outside a car, says when it lists no bill at
        # all, and names the car of the train that a car only a bill names is read back as.
        consist = fmt is x12_358
        codes = (
            "X12401",
            "X12402",
            "X12410",
            "X12411",
            "X12412",
            "X12413",
            "X12416",
            "X12418",
            *(("X12414",) if consist else ()),
        )
        assert all(loss.code in codes and loss.field for loss in written.losses)
        notes = ("X12403", "X12415", "X12417") if consist else ("X12403",)
        assert all(note.code in notes and note.location for note in written.notes)
