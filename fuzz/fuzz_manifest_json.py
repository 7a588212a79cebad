"""Fuzz the manifest-json reader and the requirements evaluated on what it reads.

Run with ``python -m fuzz.fuzz_manifest_json`` (see fuzz/README.md).
"""

from __future__ import annotations

from fuzz.harness import check, run

FORMAT = "manifest-json"


def fuzz_one_input(data: bytes) -> None:
    check(FORMAT, data)


if __name__ == "__main__":
    run(FORMAT, fuzz_one_input)
