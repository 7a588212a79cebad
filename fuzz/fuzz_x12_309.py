"""Fuzz the x12-309 reader and the requirements evaluated on what it reads: ``python -m fuzz.fuzz_x12_309``."""

from __future__ import annotations

from fuzz.harness import check, run

FORMAT = "x12-309"


def fuzz_one_input(data: bytes) -> None:
    check(FORMAT, data)


if __name__ == "__main__":
    run(FORMAT, fuzz_one_input)
