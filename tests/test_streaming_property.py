"""For every format that streams, the streamed report of a file is its whole-read report: on files longer than
65,535 lines (libxml2 numbers elements in 16 bits), with faults that hypothesis places anywhere in them.

Each format's long file is grown once per session from a sample, as the benchmark grows its files; an example then
drops, repeats, cuts or alters lines of it. Validating such a file whole and streamed takes a few seconds, so the
profiles run a twentieth of their examples here.
"""

from __future__ import annotations

import io
import math
from functools import cache

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.workloads import BY_NAME, SAMPLES
from manifest import api
from manifest.api import validate, validate_stream
from tests.report_shape import shown

LINE_LIMIT = 65_535
# The formats that have a streaming reader (manifest.streaming.parts) and the benchmark file each grows from.
STREAMED = {
    "x12-309": "x12-309-ocean",
    "x12-358": "x12-358",
    "cuscar": "cuscar",
    "cargo-imp": "cargo-imp-fwb",
    "manifest-xml": "manifest-xml",
}
# Bytes a fault writes: each format's separators and markup, letters, digits, a space, a non-ASCII letter.
WRITTEN = st.sampled_from(
    [b"*", b"~", b"'", b"+", b":", b"/", b"-", b"<", b">", b"&", b'"', b" ", b"X", b"7", b"\xc3\xa9"]
)


@cache
def long_file(format_name: str) -> bytes:
    """A valid file of ``format_name`` longer than LINE_LIMIT lines, from its benchmark's sample."""
    workload = BY_NAME[STREAMED[format_name]]
    (template, *_) = api.read((SAMPLES / workload.template).read_bytes(), workload.format).manifests
    count = 50
    while True:
        data = api.write(workload.grow(template, count), workload.format).data
        lines = data.count(b"\n")
        if lines > LINE_LIMIT:
            return data
        count = math.ceil(count * (LINE_LIMIT + 1_000) / max(lines, 1))


@st.composite
def faulty(draw: st.DrawFn, data: bytes) -> bytes:
    """``data`` with one to three faults: a line dropped, repeated, cut off with the rest of the file, or a byte of
    it replaced, deleted or inserted."""
    lines = data.splitlines(keepends=True)
    faults = draw(
        st.lists(
            st.tuples(st.integers(0, len(lines) - 1), st.sampled_from(["drop", "repeat", "cut", "write", "delete"])),
            min_size=1,
            max_size=3,
            unique_by=lambda fault: fault[0],
        )
    )
    for number, kind in sorted(faults, reverse=True):
        line = lines[number]
        at = draw(st.integers(0, max(len(line) - 1, 0)))
        if kind == "drop":
            del lines[number]
        elif kind == "repeat":
            lines.insert(number, line)
        elif kind == "cut":
            lines[number:] = [line[:at]]
        elif kind == "write":
            lines[number] = line[:at] + draw(WRITTEN) + line[at + draw(st.integers(0, 1)) :]
        else:
            lines[number] = line[:at] + line[at + 1 :]
    return b"".join(lines)


@pytest.mark.parametrize("format_name", sorted(STREAMED))
def test_a_long_file_with_faults_anywhere_streams_as_it_reads(format_name: str) -> None:
    base = long_file(format_name)

    @settings(max_examples=max(1, settings().max_examples // 20))
    @given(faulty(base))
    def streams_as_it_reads(data: bytes) -> None:
        whole = validate(data, format=format_name)
        streamed = validate_stream(io.BytesIO(data), format=format_name)
        assert shown(streamed) == shown(whole)

    streams_as_it_reads()
