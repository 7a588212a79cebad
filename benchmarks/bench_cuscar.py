"""CUSCAR read+check throughput against a bare ``str.split`` tokenization of the same file, and the peak memory of
the streaming reader. Run as ``python -m benchmarks.bench_cuscar``; prints a markdown table.

The file is generated with the project's own writer: 2,000 messages (one per vessel call), each with several bills,
goods items and containers, over 10 MB in all.
"""

from __future__ import annotations

import io
import time
import tracemalloc
from dataclasses import replace
from pathlib import Path

from manifest.formats import cuscar, manifest_json
from manifest.formats.base import ConsignmentChunk
from manifest.formats.edifact.opening import open_interchange
from manifest.formats.edifact.syntax import UNA_LENGTH
from manifest.formats.edifact.tokenizer import tokenize
from manifest.model import Manifest

SAMPLE = (
    Path(__file__).resolve().parent.parent
    / "samples"
    / "maritime"
    / "northbound-vessel-maersk-kensington-647n.manifest.json"
)
MESSAGES = 2000


def build() -> bytes:
    (base,) = manifest_json.read(SAMPLE.read_bytes()).manifests
    consignments = tuple(
        replace(c, document_number=f"{c.document_number[:-3]}{k:03d}") for k in range(4) for c in base.consignments
    )
    manifests: list[Manifest] = [
        replace(base, trip_number=f"{600 + n % 300}N", consignments=consignments) for n in range(MESSAGES)
    ]
    return cuscar.write(manifests).data


def bare_split(text: str) -> int:
    count = 0
    for segment in text.split("'"):
        for element in segment.split("+"):
            count += len(element.split(":"))
    return count


def best(runs: int, action: object) -> float:
    assert callable(action)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    data = build()
    megabytes = len(data) / 1e6
    text = data.decode("latin-1")
    split_s = best(3, lambda: bare_split(data.decode("latin-1")))
    read_s = best(3, lambda: cuscar.read(data))
    opening = open_interchange(data)
    with cuscar.collector_paused():
        tokenize_s = best(3, lambda: tokenize(opening.text[UNA_LENGTH:], opening.delimiters))
    del text
    tracemalloc.start()
    chunks = sum(1 for item in cuscar.stream(io.BytesIO(data)) if isinstance(item, ConsignmentChunk))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print("| measure | value |")
    print("|---|---|")
    print(f"| file | {megabytes:.1f} MB, {MESSAGES} messages, {chunks} consignments |")
    print(f"| bare str.split tokenization | {megabytes / split_s:.1f} MB/s |")
    print(f"| cuscar read+check | {megabytes / read_s:.1f} MB/s |")
    print(f"| ratio (goal >= 40%) | {100 * split_s / read_s:.0f}% |")
    print(f"| EDIFACT tokenizer alone (segments with positions) | {megabytes / tokenize_s:.1f} MB/s |")
    print(f"| streaming peak memory | {peak / 1e6:.1f} MB |")


if __name__ == "__main__":
    main()
