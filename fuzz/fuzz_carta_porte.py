"""Fuzz the carta-porte reader and the requirements evaluated on what it reads: ``python -m fuzz.fuzz_carta_porte``."""

from __future__ import annotations

from fuzz.harness import check, run

FORMAT = "carta-porte"


def fuzz_one_input(data: bytes) -> None:
    check(FORMAT, data)


if __name__ == "__main__":
    run(FORMAT, fuzz_one_input)
