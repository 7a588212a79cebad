"""Fuzz the cuscar reader and the requirements evaluated on what it reads: ``python -m fuzz.fuzz_cuscar``."""

from __future__ import annotations

from fuzz.harness import check, run

FORMAT = "cuscar"


def fuzz_one_input(data: bytes) -> None:
    check(FORMAT, data)


if __name__ == "__main__":
    run(FORMAT, fuzz_one_input)
