"""How every benchmark measures: the best of several runs (the least disturbed by the other work on a shared
machine) and tracemalloc's peak and retained memory."""

from __future__ import annotations

import time
import tracemalloc
from collections.abc import Callable


def best_of(runs: int, action: Callable[[], object]) -> float:
    """The fastest of ``runs`` timings of ``action``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def peak_memory(action: Callable[[], object]) -> tuple[float, float]:
    """Peak and retained memory (tracemalloc, MB) of ``action`` while what it returns is still alive."""
    tracemalloc.start()
    kept = action()
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del kept
    return peak / 1e6, retained / 1e6
