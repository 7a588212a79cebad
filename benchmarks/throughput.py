"""One file's figures: read, full validation and conversion with the library's entry points, its baselines and, for
the EDI formats, the reader's first stages alone, every one on the same bytes in the same run."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from pathlib import Path

from benchmarks import baselines, stages
from benchmarks.generate import DATA, generate
from benchmarks.measure import best_of, held_by, peak_rss
from benchmarks.results import FileResult, Timing
from benchmarks.workloads import SAMPLES, Family, Workload
from manifest import api


def warm_up(workload: Workload) -> None:
    """Validate the small template first, so that one-off work (importing the format's modules, compiling the SAT
    XSDs, loading the code lists) is not counted in the first file's throughput, as the baselines' schema
    compilation is not counted in theirs."""
    api.validate((SAMPLES / workload.template).read_bytes(), format=workload.format)


# The most a whole-read X12 document may hold, as a multiple of the file's size (issue 21: 14 times was measured).
X12_HELD_GOAL = 6.0
BUDGET = 20.0  # seconds: a figure whose first run takes longer is not timed again


def timed(name: str, runs: int, megabytes: float, action: Callable[[], object], goal: float | None = None) -> Timing:
    return Timing(name, megabytes, best_of(runs, action, BUDGET), goal)


def converted(workload: Workload, data: bytes, runs: int, megabytes: float) -> Timing:
    name = f"convert to {workload.convert_to}"
    outcome = api.convert(data, workload.convert_to, format=workload.format)
    if outcome.written is None:
        return Timing(name, megabytes, None, note=f"not converted: {len(outcome.diagnostics)} error(s) in the source")
    seconds = best_of(runs, lambda: api.convert(data, workload.convert_to, format=workload.format), BUDGET)
    return Timing(name, megabytes, seconds, note=f"{len(outcome.losses):,} value(s) not carried")


def measure(
    workload: Workload, scale: float, runs: int, data_dir: Path = DATA, *, fresh: bool = False, quick: bool = False
) -> FileResult:
    count = workload.count(scale)
    path = generate(workload, count, data_dir, fresh=fresh)
    data = path.read_bytes()
    megabytes = len(data) / 1e6
    warm_up(workload)
    report = api.validate(data, format=workload.format)
    consignments = sum(len(m.consignments) for m in report.manifests)
    units = f"{count:,} {workload.unit} ({consignments:,} consignments, {len(report.manifests):,} manifest(s))"
    findings = len(report.diagnostics)
    del report
    read = timed("read", runs, megabytes, lambda: api.read(data, workload.format))
    validate = timed("full validation", runs, megabytes, lambda: api.validate(data, format=workload.format))
    convert = converted(workload, data, runs, megabytes)
    start_rss, peak = peak_rss(workload.format, path)
    held = held_by(lambda: api.read(data, workload.format))
    held_goal = X12_HELD_GOAL if workload.family is Family.X12 else None
    found: list[Timing] = []
    for baseline in baselines.for_workload(workload, data, quick=quick):
        if isinstance(baseline, baselines.Unavailable):
            found.append(Timing(baseline.name, megabytes, None, baseline.goal, baseline.reason))
            continue
        note = ""
        if baseline.prepare is not None:
            started = time.perf_counter()
            baseline.prepare()
            note = f"schema compiled in {time.perf_counter() - started:.1f} s, not counted"
        timing = timed(baseline.name, runs, megabytes, partial(baseline.run, data), goal=baseline.goal)
        found.append(replace(timing, note=note))
    alone = tuple(timed(name, runs, megabytes, partial(run, data)) for name, run in stages.for_format(workload.format))
    return FileResult(
        workload.name,
        workload.format,
        megabytes,
        units,
        findings,
        read,
        validate,
        convert,
        start_rss,
        peak,
        tuple(found),
        alone,
        held,
        held_goal,
    )
