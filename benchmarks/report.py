"""The markdown tables a run prints: the figures per file, full validation against each baseline with the goal next
to it, and the start-up and pre-commit times. Every ratio is one of this run's figures over another; throughput is
MB per CPU second (see :func:`benchmarks.measure.best_of`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from benchmarks.results import FileResult, Timing, WallTime


def table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(cell.replace("|", "/") for cell in row) + " |" for row in rows)
    return "\n".join(lines)


def speed(timing: Timing) -> str:
    throughput = timing.throughput
    return "–" if throughput is None else f"{throughput:.2f} MB/s"


def times(value: float) -> str:
    """A ratio as a percentage below 1, as a multiple from 1 on."""
    return f"{100 * value:.2g} %" if value < 1 else f"{value:.3g}×"


def verdict(met: bool | None, note: str = "") -> str:
    if met is None:
        return f"n/a: {note}" if note else "–"
    return "met" if met else "**missed**"


def files_table(results: Sequence[FileResult]) -> str:
    return table(
        ("file", "size", "holds", "findings", "read", "full validation", "conversion", "peak RSS (at start)"),
        (
            (
                f"`{r.workload}`",
                f"{r.megabytes:.2f} MB",
                r.units,
                str(r.findings),
                speed(r.read),
                speed(r.validate),
                f"{speed(r.convert)} to `{r.convert.name.removeprefix('convert to ')}`"
                + (f" ({r.convert.note})" if r.convert.note else ""),
                f"{r.peak_rss:.0f} MB ({r.start_rss:.0f} MB)",
            )
            for r in results
        ),
    )


def baselines_table(results: Sequence[FileResult]) -> str:
    rows: list[tuple[str, ...]] = []
    for r in results:
        for baseline in r.baselines:
            ratio = r.ratio(baseline)
            goal = "–" if baseline.goal is None else f"≥ {times(baseline.goal)}"
            note = baseline.note if baseline.seconds is None else ""
            rows.append(
                (
                    f"`{r.workload}`",
                    baseline.name if note or not baseline.note else f"{baseline.name} ({baseline.note})",
                    speed(baseline),
                    speed(r.validate),
                    "–" if ratio is None else times(ratio),
                    goal,
                    verdict(r.met(baseline), note),
                )
            )
        for stage in r.stages:
            share = r.ratio(stage)
            rows.append(
                (
                    f"`{r.workload}`",
                    stage.name,
                    speed(stage),
                    speed(r.validate),
                    "–" if share is None else times(share),
                    "–",
                    "–",
                )
            )
    return table(("file", "baseline", "baseline", "full validation", "ratio", "goal", "goal met"), rows)


def memory_table(results: Sequence[FileResult]) -> str:
    return table(
        ("file", "size", "held by a whole read (tracemalloc)", "times the file", "goal", "goal met"),
        (
            (
                f"`{r.workload}`",
                f"{r.megabytes:.2f} MB",
                "–" if r.held is None else f"{r.held:.1f} MB",
                "–" if r.held_ratio is None else f"{r.held_ratio:.1f}×",
                "–" if r.held_goal is None else f"≤ {r.held_goal:g}×",
                verdict(r.held_met),
            )
            for r in results
        ),
    )


def wall_table(walls: Sequence[WallTime]) -> str:
    return table(
        ("command", "CPU time", "wall time", "`python -c pass` (CPU)", "goal (CPU)", "goal met"),
        (
            (
                w.name
                + (f" ({w.note})" if w.note else "")
                + ("" if w.exit_code in (0, 1) else f" (exit {w.exit_code})"),
                f"{1000 * w.cpu:.0f} ms",
                f"{1000 * w.seconds:.0f} ms",
                f"{1000 * w.interpreter:.0f} ms",
                "–" if w.goal is None else f"≤ {1000 * w.goal:.0f} ms",
                verdict(w.met),
            )
            for w in walls
        ),
    )


def render(results: Sequence[FileResult], walls: Sequence[WallTime]) -> str:
    """The whole report: the tables that have figures in this run, each under a heading."""
    parts: list[str] = []
    if results:
        parts += [
            "### Files",
            files_table(results),
            "### Full validation against the baselines",
            baselines_table(results),
            "### Memory held by a whole read",
            memory_table(results),
        ]
    if walls:
        parts += ["### Start-up and many small files", wall_table(walls)]
    return "\n\n".join(parts) + "\n"
