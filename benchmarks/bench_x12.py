"""X12 309 read+check throughput (whole file and streamed) against a bare ``str.split`` tokenization of the same file
in the same run, and the peak memory of both readers. Run as ``python -m benchmarks.bench_x12``; prints a markdown
table whose ratios compare with the tokenization (throughput) and with the file size (memory).

The file is generated with the project's 309 writer from the synthetic rail sample: 300 trains (one 309 set each)
of 60 bills (about 10.7 MB), every bill with its cars, parties and goods.
"""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from benchmarks.measure import best_of, peak_memory
from manifest.formats import x12_309
from manifest.formats.base import ConsignmentChunk
from manifest.formats.x12 import ts309
from manifest.formats.x12.delimiters import find_delimiters
from manifest.formats.x12.envelope import SetContext, SetHandler
from manifest.formats.x12.interchange import decode, run_whole
from manifest.formats.x12.loops import Loop
from manifest.formats.x12.tokens import Segment, Tokenizer
from manifest.formats.x12.write309 import render

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
TRAINS = 300
BILLS = 30  # times the sample's two bills


def build() -> bytes:
    (base,) = x12_309.read(SAMPLE.read_bytes()).manifests
    bills = tuple(
        replace(c, document_number=f"KCSM{n:04d}{k:04d}", extensions={})
        for k in range(BILLS)
        for n, c in enumerate(base.consignments)
    )
    trains = [replace(base, trip_number=f"Q{n:07d}", consignments=bills) for n in range(TRAINS)]
    return render(trains)


def bare_split(data: bytes) -> int:
    count = 0
    for segment in data.decode("utf-8").split("~"):
        count += len(segment.split("*"))
    return count


def tokenize_only(data: bytes) -> int:
    """The X12 tokenizer alone: segments with their offsets, nothing checked."""
    text, _ = decode(data)
    delimiters, _, _ = find_delimiters(text)
    tokenizer = Tokenizer(delimiters)
    return sum(1 for _ in tokenizer.feed(text)) + len(tokenizer.finish())


class _NoModel:
    """A set handler that builds nothing, to time the checks alone."""

    def segment(self, segment: Segment, path: tuple[str, ...]) -> list[object]:
        return []

    def end(self, trailer: Segment | None) -> list[object]:
        return []


def _no_model(context: SetContext) -> tuple[Loop, SetHandler[object]]:
    return ts309.TS309, _NoModel()


def check_only(data: bytes) -> int:
    """Envelope, loop map and element syntax checks without building the model."""
    _, findings, _ = run_whole(data, _no_model)
    return len(findings)


def main() -> None:
    data = build()
    size = len(data) / 1e6
    split_s = best_of(3, lambda: bare_split(data))
    tokenize_s = best_of(3, lambda: tokenize_only(data))
    check_s = best_of(3, lambda: check_only(data))
    read_s = best_of(3, lambda: x12_309.read(data))
    stream_s = best_of(2, lambda: sum(1 for _ in x12_309.stream(io.BytesIO(data))))
    document = x12_309.read(data)
    bills = sum(len(m.consignments) for m in document.manifests)
    findings = len(document.diagnostics)
    del document
    stream_peak, _ = peak_memory(
        lambda: sum(1 for item in x12_309.stream(io.BytesIO(data)) if isinstance(item, ConsignmentChunk))
    )
    whole_peak, whole_kept = peak_memory(lambda: x12_309.read(data))

    def speed(name: str, seconds: float, note: str = "") -> None:
        print(f"| {name} | {size / seconds:.1f} MB/s | {100 * split_s / seconds:.1f}%{note} |")

    def memory(name: str, megabytes: float) -> None:
        print(f"| {name} | {megabytes:.1f} MB | {megabytes / size:.2f} x file |")

    print("| measure | value | ratio |")
    print("|---|---|---|")
    print(f"| file | {size:.1f} MB, {TRAINS} sets, {bills} bills, {findings} findings | |")
    speed("bare str.split tokenization", split_s)
    speed("x12 tokenizer alone (segments with offsets)", tokenize_s)
    speed("x12 checks alone (envelope, loops, syntax; no model)", check_s)
    speed("x12-309 read+check, whole file", read_s, " (goal 40%)")
    speed("x12-309 stream+check", stream_s)
    memory("streaming peak memory (tracemalloc)", stream_peak)
    memory("whole-file read peak memory (tracemalloc)", whole_peak)
    memory("whole-file read, memory kept by the Document", whole_kept)


if __name__ == "__main__":
    main()
