"""How every benchmark measures: the best of several runs (the least disturbed by the other work on a shared
machine), and memory as the peak resident set of a fresh process, which also counts what C libraries (lxml's
libxml2) allocate, out of tracemalloc's sight."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def best_of(runs: int, action: Callable[[], object], budget: float | None = None) -> float:
    """The fastest of ``runs`` timings of ``action``, in seconds; with a ``budget`` (seconds), no further run starts
    once the runs so far have taken that long (a peer that takes a minute is timed once)."""
    times: list[float] = []
    for _ in range(max(1, runs)):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
        if budget is not None and sum(times) >= budget:
            break
    return min(times)


def peak_rss(format: str, path: Path) -> tuple[float, float]:
    """Resident set (MB) of a fresh process after loading the format's module, and its peak once it has validated
    ``path`` whole (``manifest.api.validate``): see :mod:`benchmarks.rss`."""
    completed = subprocess.run(
        [sys.executable, "-m", "benchmarks.rss", format, str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    figures = json.loads(completed.stdout)
    return float(figures["start"]), float(figures["peak"])


def best_wall_time(runs: int, command: Sequence[str]) -> tuple[float, int]:
    """The fastest of ``runs`` wall-clock times (s) of a command run from the repository root, and its exit code."""
    times = []
    code = 0
    for _ in range(max(1, runs)):
        start = time.perf_counter()
        code = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        times.append(time.perf_counter() - start)
    return min(times), code
