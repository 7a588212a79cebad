"""X12 309 read+check throughput against a bare ``str.split`` tokenization of the same file in the same run, and the
peak memory of the streaming reader. Run as ``python -m benchmarks.bench_x12``; prints a markdown table.

The file is generated with the project's 309 writer from the synthetic rail sample: 300 trains (one 309 set each)
of 60 bills (about 10.7 MB), every bill with its cars, parties and goods.
"""

from __future__ import annotations

import io
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from manifest.formats import x12_309
from manifest.formats.base import ConsignmentChunk
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


def best_of(runs: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    data = build()
    size = len(data) / 1e6
    split_s = best_of(3, lambda: bare_split(data))
    read_s = best_of(2, lambda: x12_309.read(data))
    document = x12_309.read(data)
    bills = sum(len(m.consignments) for m in document.manifests)
    findings = len(document.diagnostics)
    del document
    tracemalloc.start()
    streamed = sum(1 for item in x12_309.stream(io.BytesIO(data)) if isinstance(item, ConsignmentChunk))
    _, stream_peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print("| measure | value |")
    print("|---|---|")
    print(f"| file | {size:.1f} MB, {TRAINS} sets, {bills} bills ({streamed} streamed), {findings} findings |")
    print(f"| bare str.split tokenization | {size / split_s:.1f} MB/s |")
    print(f"| x12-309 read+check | {size / read_s:.1f} MB/s |")
    print(f"| ratio (goal >= 40%) | {100 * split_s / read_s:.0f}% |")
    print(f"| streaming peak memory (tracemalloc) | {stream_peak / 1e6:.2f} MB |")


if __name__ == "__main__":
    main()
