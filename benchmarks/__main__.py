"""``python -m benchmarks``: generate the files, measure every format against its baselines in the same run, and
print the markdown tables (progress goes to stderr, the tables to stdout)."""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from benchmarks import report, startup, throughput
from benchmarks.generate import DATA
from benchmarks.results import FileResult, WallTime
from benchmarks.workloads import BY_NAME, WORKLOADS

STARTUP = "startup"
# A fifth of the sizes the files have at --scale 1 (a 20,000-bill vessel call, ...): a run then takes minutes on a
# shared 2-core machine; throughput hardly depends on the size, memory does (see the README).
DEFAULT_SCALE = 0.2
LARGE_MODULE = "benchmarks.bench_memory"


def parser() -> argparse.ArgumentParser:
    choices = [*BY_NAME, STARTUP]
    arguments = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    arguments.add_argument(
        "--scale", type=float, default=DEFAULT_SCALE, help=f"multiply every file's size (default {DEFAULT_SCALE})"
    )
    arguments.add_argument(
        "--only", nargs="+", choices=choices, metavar="NAME", help=f"measure only: {', '.join(choices)}"
    )
    arguments.add_argument("--runs", type=int, default=2, help="timings per figure; the best is kept (default 2)")
    arguments.add_argument("--fresh", action="store_true", help="write the files again instead of reusing them")
    arguments.add_argument("--quick", action="store_true", help="leave out baselines that take minutes to prepare")
    arguments.add_argument("--data", type=Path, default=DATA, help=f"where generated files are kept (default {DATA})")
    if importlib.util.find_spec(LARGE_MODULE) is not None:
        arguments.add_argument("--large", action="store_true", help="also the 500 MB streaming memory benchmark")
    return arguments


def run(
    names: Sequence[str], scale: float, runs: int, data: Path, *, fresh: bool = False, quick: bool = False
) -> tuple[list[FileResult], list[WallTime]]:
    results: list[FileResult] = []
    for workload in WORKLOADS:
        if workload.name in names:
            started = time.perf_counter()
            print(f"measuring {workload.name} ...", end=" ", file=sys.stderr, flush=True)
            results.append(throughput.measure(workload, scale, runs, data, fresh=fresh, quick=quick))
            print(f"{time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    walls: list[WallTime] = []
    if STARTUP in names:
        print("measuring start-up and the pre-commit run ...", file=sys.stderr, flush=True)
        walls = startup.measure(max(3, runs), max(10, round(startup.PRECOMMIT_FILES * scale)), data)
    return results, walls


def main(argv: Sequence[str] | None = None) -> None:
    options = parser().parse_args(argv)
    names = options.only or [*BY_NAME, STARTUP]
    results, walls = run(names, options.scale, options.runs, options.data, fresh=options.fresh, quick=options.quick)
    print(report.render(results, walls))
    if getattr(options, "large", False):
        large = importlib.import_module(LARGE_MODULE)
        large.main([])


if __name__ == "__main__":
    main()
