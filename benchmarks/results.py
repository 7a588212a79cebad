"""What one benchmark run found: a timing per operation and baseline, per file, and the start-up figures. Ratios are
computed here, from timings of the same run only."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Timing:
    """One operation on one file: the least CPU time of the run's timings, or why it could not be timed (``seconds``
    None)."""

    name: str
    megabytes: float
    seconds: float | None
    goal: float | None = None  # for a baseline: the validation throughput asked for, as a multiple of this one's
    note: str = ""

    @property
    def throughput(self) -> float | None:
        """MB/s of the file measured."""
        return self.megabytes / self.seconds if self.seconds else None


@dataclass(frozen=True, slots=True)
class FileResult:
    workload: str
    format: str
    megabytes: float
    units: str  # what the file holds: "20,001 bills", "2,000 messages"
    findings: int  # diagnostics of the full validation
    read: Timing
    validate: Timing
    convert: Timing
    start_rss: float  # MB, a fresh process with the format's module loaded
    peak_rss: float  # MB, the same process's peak once it has validated the file whole
    baselines: tuple[Timing, ...]
    stages: tuple[Timing, ...] = ()
    held: float | None = None  # MB that a whole read's document holds (tracemalloc), None when not measured
    held_goal: float | None = None  # the most it may hold, as a multiple of the file's size

    @property
    def held_ratio(self) -> float | None:
        """What a whole read holds, as a multiple of the file's size."""
        return None if self.held is None else self.held / self.megabytes

    @property
    def held_met(self) -> bool | None:
        ratio = self.held_ratio
        return None if ratio is None or self.held_goal is None else ratio <= self.held_goal

    def ratio(self, baseline: Timing) -> float | None:
        """Full validation throughput over the baseline's, on the same file in the same run."""
        ours, theirs = self.validate.throughput, baseline.throughput
        return ours / theirs if ours is not None and theirs is not None else None

    def met(self, baseline: Timing) -> bool | None:
        """Whether the goal set against ``baseline`` is met; None when there is none or it could not be measured."""
        ratio = self.ratio(baseline)
        return None if baseline.goal is None or ratio is None else ratio >= baseline.goal


@dataclass(frozen=True, slots=True)
class WallTime:
    """A command timed as a process of its own, next to the interpreter starting and doing nothing.

    The goal is judged on CPU time (user and system, the command's processes together): on an idle machine it is the
    wall time of a command that runs on one core, and on a shared one it leaves out the time other work held the
    cores. The wall time is shown beside it.
    """

    name: str
    seconds: float  # wall clock
    cpu: float
    interpreter: float  # CPU time of ``python -c pass``, measured in the same run
    goal: float | None  # seconds
    exit_code: int
    note: str = ""

    @property
    def met(self) -> bool | None:
        return None if self.goal is None else self.cpu <= self.goal and self.exit_code in (0, 1)
