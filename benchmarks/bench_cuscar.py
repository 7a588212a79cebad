"""CUSCAR read+check throughput against a bare ``str.split`` tokenization of the same file (and pydifact's parser when
it is installed), measured in the same run, and the peak memory of the streaming and whole-file readers. Run as
``python -m benchmarks.bench_cuscar``; prints a markdown table.

The file is generated with the project's own writer: 2,000 messages (one per vessel call), each with several bills,
goods items and containers, over 10 MB in all. The tokenizer row (segments with their positions, nothing else) shows
how much of the reader's time the model and its positions take.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from benchmarks.measure import best_of, peak_memory
from manifest import api
from manifest.formats import cuscar, manifest_json
from manifest.formats.base import ConsignmentChunk
from manifest.formats.edifact.opening import open_interchange
from manifest.formats.edifact.syntax import UNA_LENGTH
from manifest.formats.edifact.tokenizer import tokenize
from manifest.formats.readers import collector_paused
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


def bare_split(data: bytes) -> int:
    count = 0
    for segment in data.decode("latin-1").split("'"):
        for element in segment.split("+"):
            count += len(element.split(":"))
    return count


def tokenizer_alone(data: bytes) -> float:
    """Seconds to cut the whole text into segments with their positions, the collector paused as read pauses it."""
    opening = open_interchange(data)
    with collector_paused():
        return best_of(3, lambda: tokenize(opening.text[UNA_LENGTH:], opening.delimiters))


def pydifact_parse() -> Callable[[bytes], object] | None:
    """pydifact's parser (the peer the goals name), when it is installed; it is no dependency of the project."""
    try:
        from pydifact.segmentcollection import Interchange  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:
        return None

    def parse(data: bytes) -> object:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # it warns that it has no directory for the service segments
            return len(Interchange.from_str(data.decode("latin-1")).segments)

    return parse


def main() -> None:
    data = build()
    size = len(data) / 1e6
    split_s = best_of(3, lambda: bare_split(data))
    tokenize_s = tokenizer_alone(data)
    read_s = best_of(3, lambda: cuscar.read(data))
    stream_s = best_of(2, lambda: sum(1 for _ in cuscar.stream(io.BytesIO(data))))
    validate_s = best_of(1, lambda: api.validate(data, format=cuscar.NAME))
    parse = pydifact_parse()
    pydifact_s = None if parse is None else best_of(1, lambda: parse(data))
    document = cuscar.read(data)
    consignments = sum(len(m.consignments) for m in document.manifests)
    findings = len(document.diagnostics)
    del document
    stream_peak, _ = peak_memory(
        lambda: sum(1 for item in cuscar.stream(io.BytesIO(data)) if isinstance(item, ConsignmentChunk))
    )
    whole_peak, whole_kept = peak_memory(lambda: cuscar.read(data))

    def row(name: str, seconds: float, note: str = "") -> str:
        return f"| {name} | {size / seconds:.1f} MB/s | {100 * split_s / seconds:.1f}%{note} |"

    print("| measure | value | ratio to bare split |")
    print("|---|---|---|")
    print(f"| file | {size:.1f} MB, {MESSAGES} messages, {consignments} consignments, {findings} findings | |")
    print(row("bare str.split tokenization (baseline)", split_s))
    print(row("EDIFACT tokenizer alone (segments with positions)", tokenize_s))
    if pydifact_s is not None:
        print(row("pydifact parse (peer)", pydifact_s))
    peer = f"; {pydifact_s / read_s:.1f} x pydifact (goal 5 x)" if pydifact_s is not None else ""
    print(row("cuscar read+check, whole file", read_s, f" (goal 40%){peer}"))
    print(row("cuscar stream+check", stream_s))
    print(row("full validation, all layers (manifest.api.validate)", validate_s))
    print(f"| streaming peak memory (tracemalloc) | {stream_peak:.1f} MB | {stream_peak / size:.2f} x file |")
    print(f"| whole-file read peak memory (tracemalloc) | {whole_peak:.1f} MB | {whole_peak / size:.1f} x file |")
    print(f"| whole-file read, memory kept by the Document | {whole_kept:.1f} MB | {whole_kept / size:.1f} x file |")


if __name__ == "__main__":
    main()
