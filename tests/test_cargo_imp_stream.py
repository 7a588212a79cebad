"""The Cargo-IMP stream: the file read a message at a time gives the consignments, headers and findings of a whole
read, whatever the block size, line breaks, stray or broken lines and bytes."""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from manifest.diagnostics import Diagnostic, ParseError
from manifest.formats import cargo_imp
from manifest.formats.base import ConsignmentChunk, ManifestEnd, StreamItem
from manifest.formats.cargo_imp import lines
from manifest.model import Manifest
from tests.conftest import SAMPLES
from tests.strategies.cargo_imp import REFERENCE, ffm_manifests, fhl_manifests, fwb_manifests

IMP_SAMPLES = sorted(p for p in (SAMPLES / "air").iterdir() if p.suffix in (".fwb", ".fhl", ".ffm"))


def _whole(data: bytes) -> tuple[object, ...]:
    try:
        document = cargo_imp.read_at(data, REFERENCE)
    except ParseError as error:
        return ("unreadable", error.diagnostic)
    headers = tuple(replace(m, consignments=()) for m in document.manifests)
    consignments = tuple(c for m in document.manifests for c in m.consignments)
    return headers, consignments, _in_file_order(document.diagnostics)


def _streamed(data: bytes) -> tuple[object, ...]:
    items: list[StreamItem] = []
    try:
        items.extend(cargo_imp.stream_at(io.BytesIO(data), REFERENCE))
    except ParseError as error:
        return ("unreadable", error.diagnostic)
    headers = tuple(i.header for i in items if isinstance(i, ManifestEnd))
    consignments = tuple(i.consignment for i in items if isinstance(i, ConsignmentChunk))
    return headers, consignments, _in_file_order(i for i in items if isinstance(i, Diagnostic))


def _in_file_order(found: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The findings by position: a stream reports a control character when it reaches it, a whole read first."""
    return sorted(found, key=lambda d: (d.line or 0, d.column or 0, d.code, str(d)))


@pytest.mark.parametrize("sample", IMP_SAMPLES, ids=lambda p: p.name)
def test_each_sample_streams_as_it_reads(sample: Path) -> None:
    data = sample.read_bytes()
    assert _streamed(data) == _whole(data)


def test_a_day_of_messages_streams_with_positions_in_the_file() -> None:
    data = b"".join(p.read_bytes() for p in IMP_SAMPLES) * 3
    items = list(cargo_imp.stream_at(io.BytesIO(data), REFERENCE))
    ends = [i for i in items if isinstance(i, ManifestEnd)]
    document = cargo_imp.read_at(data, REFERENCE)
    assert len(ends) == len(document.manifests)
    for end, source_map in zip(ends, document.source_maps, strict=True):
        assert dict(end.source_map.positions) == dict(source_map.positions)


_NOISE = st.sampled_from(
    [b"\r\n", b"\n", b"\r", b"JUNK LINE\r\n", b"\xff", b"\xc3\xa9", b"QK MEXFFAM\r\n", b"/", b"\x07", b"\x00\x1b"]
)


@given(
    st.lists(st.one_of(fwb_manifests(), fhl_manifests(), ffm_manifests(max_consignments=3)), min_size=1, max_size=3),
    st.lists(st.tuples(st.integers(min_value=0), _NOISE), max_size=3),
    st.sampled_from([1, 2, 7, 1 << 16]),
)
def test_any_messages_stream_as_they_read(found: list[Manifest], noise: list[tuple[int, bytes]], block: int) -> None:
    data = cargo_imp.write_at(found, REFERENCE).data
    for at, piece in noise:
        cut = at % (len(data) + 1)
        data = data[:cut] + piece + data[cut:]
    kept = lines._BLOCK
    lines._BLOCK = block
    try:
        assert _streamed(data) == _whole(data)
    finally:
        lines._BLOCK = kept
