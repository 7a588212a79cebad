"""The findings of the benchmark's files, kept as a digest that a change made for speed must leave as it was.

Each workload's file is generated at a small size and validated as written (clean: no findings) and as a copy
damaged at fixed places (digits and capitals changed to the next one, chosen by a generator seeded with the
workload's name), so that the digest covers what the syntax, schema and requirement checks report, with positions,
fields, values and messages, and not only that clean files stay clean. ``python -m benchmarks.findings`` prints
the digests; ``--write`` stores them in ``benchmarks/findings.json``, which ``tests/test_benchmark_findings.py``
compares with a fresh run. Store them again only when a change is meant to alter what is reported (or a writer
changed the generated files), and say so in its commit.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from benchmarks.generate import generate
from benchmarks.workloads import WORKLOADS, Workload
from manifest import api

STORED = Path(__file__).resolve().parent / "findings.json"
SCALE = 0.001  # 20 bills of the ocean 309, 5 waybills of an FFM: seconds for every workload
DAMAGES = 80
ENVELOPE_HEADER = 200  # bytes: an X12 ISA is 106, an EDIFACT UNA and UNB less than 200
_DIGITS = range(ord("0"), ord("9") + 1)
_CAPITALS = range(ord("A"), ord("Z") + 1)

_ATTRIBUTE = re.compile(rb"([\w:.-]+)\s*=\s*$")

Summary = dict[str, object]


def damaged(data: bytes, seed: str) -> bytes:
    """``data`` with ``DAMAGES`` of its digits and capitals each changed to the next one (9 to 0, Z to A), in values
    only: not in XML names (a broken tag stops the reading and hides every later check) nor in the fixed-length
    envelope header that an EDI file starts with (X12 ISA, EDIFACT UNA and UNB)."""
    places = [at for at in _values(data) if data[at] in _DIGITS or data[at] in _CAPITALS]
    changed = bytearray(data)
    for at in random.Random(seed).sample(places, min(DAMAGES, len(places))):
        byte = changed[at]
        first, size = (ord("0"), 10) if byte in _DIGITS else (ord("A"), 26)
        changed[at] = first + (byte - first + 1) % size
    return bytes(changed)


def _values(data: bytes) -> list[int]:
    """The offsets of the bytes that belong to values: XML text and attribute values past the XML declaration, or
    EDI past its header."""
    if not data.lstrip().startswith(b"<"):
        return list(range(ENVELOPE_HEADER, len(data)))
    offsets: list[int] = []
    in_tag = in_quote = False
    declaration = data.find(b"?>") + 2 if data.lstrip().startswith(b"<?xml") else 0  # its encoding is no value
    skipped = False  # the value of a namespace declaration or schema location: damaged, it hides the document
    for at, byte in enumerate(data[declaration:], declaration):
        if in_quote:
            in_quote = byte != ord('"')
            if in_quote and not skipped:
                offsets.append(at)
        elif in_tag:
            in_quote = byte == ord('"')
            if in_quote:
                named = _ATTRIBUTE.search(data, max(0, at - 80), at)
                skipped = named is None or named.group(1).startswith(b"xmlns") or b"schemaLocation" in named.group(1)
            in_tag = byte != ord(">")
        elif byte == ord("<"):
            in_tag = True
        else:
            offsets.append(at)
    return offsets


def summary(data: bytes, format: str) -> Summary:
    """How many findings a full validation reports, of which codes, and a digest of every one of them."""
    diagnostics = api.validate(data, format=format).diagnostics
    rows = sorted(
        json.dumps(
            [d.code, int(d.severity), d.line, d.column, d.location, d.field, d.value, d.message("en"), list(d.also)],
            ensure_ascii=False,
        )
        for d in diagnostics
    )
    return {
        "findings": len(rows),
        "codes": dict(sorted(Counter(d.code for d in diagnostics).items())),
        "digest": hashlib.sha256("\n".join(rows).encode()).hexdigest()[:16],
    }


def of_workload(workload: Workload, data_dir: Path) -> dict[str, Summary]:
    data = generate(workload, workload.count(SCALE), data_dir).read_bytes()
    return {
        "clean": summary(data, workload.format),
        "damaged": summary(damaged(data, workload.name), workload.format),
    }


def every_workload(data_dir: Path) -> dict[str, dict[str, Summary]]:
    return {workload.name: of_workload(workload, data_dir) for workload in WORKLOADS}


def main(argv: Sequence[str] | None = None) -> None:
    arguments = argparse.ArgumentParser(prog="python -m benchmarks.findings", description=__doc__)
    arguments.add_argument("--write", action="store_true", help=f"store the digests in {STORED.name}")
    arguments.add_argument("--data", type=Path, default=Path(__file__).resolve().parent / ".data" / "findings")
    options = arguments.parse_args(argv)
    text = json.dumps(every_workload(options.data), indent=1, ensure_ascii=False) + "\n"
    if options.write:
        STORED.write_text(text, encoding="utf-8")
    else:
        print(text, end="")


if __name__ == "__main__":
    main()
