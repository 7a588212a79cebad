"""Fuzz the sniffing entry point, ``manifest.api.read`` without a format: ``python -m fuzz.fuzz_sniff``."""

from __future__ import annotations

from fuzz.harness import check, run

FORMAT = None


def fuzz_one_input(data: bytes) -> None:
    check(FORMAT, data)


if __name__ == "__main__":
    run(FORMAT, fuzz_one_input)
