"""How every benchmark measures: the least CPU time of several runs (the least disturbed by the other work on a
shared machine), commands by their wall and CPU time, and memory as the peak resident set of a fresh process, which
also counts what C libraries (lxml's libxml2) allocate, out of tracemalloc's sight."""

from __future__ import annotations

import gc
import json
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def best_of(runs: int, action: Callable[[], object], budget: float | None = None) -> float:
    """The least CPU time (s) of ``runs`` runs of ``action``; with a ``budget`` (s), no further run starts once the
    runs so far have taken that long (a peer that takes a minute is timed once).

    CPU time of this process (``time.process_time``), not the wall clock: every step timed here runs on one thread,
    so on an idle machine the two agree, and on a shared one the wall clock also counts the time other processes
    held the core, which would make a figure depend on what else ran at that moment.
    """
    times: list[float] = []
    for _ in range(max(1, runs)):
        start = time.process_time()
        action()
        times.append(time.process_time() - start)
        if budget is not None and sum(times) >= budget:
            break
    return min(times)


def held_by(read: Callable[[], object]) -> float:
    """MB that the object ``read`` returns holds, as tracemalloc counts the Python allocations made while reading
    that are still alive once it returns (what C libraries allocate, lxml's trees, is out of its sight)."""
    gc.collect()
    tracemalloc.start()
    try:
        before = tracemalloc.get_traced_memory()[0]
        kept = read()
        gc.collect()
        held = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    del kept
    return held / 1e6


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


def children_cpu() -> float:
    """CPU time (user and system, s) of every child process waited for so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def best_wall_time(runs: int, command: Sequence[str]) -> tuple[float, float, int]:
    """The least wall-clock time and the least CPU time (s) of ``runs`` runs of a command from the repository root,
    and its exit code."""
    walls: list[float] = []
    cpus: list[float] = []
    code = 0
    for _ in range(max(1, runs)):
        start, cpu = time.perf_counter(), children_cpu()
        code = subprocess.run(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        walls.append(time.perf_counter() - start)
        cpus.append(children_cpu() - cpu)
    return min(walls), min(cpus), code
