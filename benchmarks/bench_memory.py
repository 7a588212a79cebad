"""Peak memory of ``manifest validate`` on a large file of each streamable format, measured in a child process.

Each file is grown from a sample: the sample is read, its consignments repeated a few times and written with the
project's own writer; that output is cut into what comes before the first consignment, one run of consignments,
and what follows them, and the run is written over and over to disk until the file reaches its size, with the
counts of the envelope (X12 SE01, EDIFACT UNT) set to what was written. Generation holds one run in memory, never
the file. The peak resident set of the validating process comes from the kernel (``wait4``'s rusage, the
``ru_maxrss`` of that one child), its wall time from the clock.

Run: ``python -m benchmarks.bench_memory`` (500 MB per format) or ``--megabytes 50`` for a quick run.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from manifest import api

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
GOAL_MB = 200.0


@dataclass(frozen=True, slots=True)
class Layout:
    """A written file cut around its consignments: ``head`` + ``body`` * n + ``tail``."""

    head: bytes
    body: bytes
    tail: bytes
    counted: Callable[[bytes, int], bytes] = lambda tail, _: tail  # the tail with its counts for n bodies


@dataclass(frozen=True, slots=True)
class Template:
    format: str
    sample: str  # below samples/
    cut: Callable[[bytes], Layout]


def _segments_cut(
    terminator: bytes, element: bytes, first: bytes, trailer: bytes, count: Callable[[int, int, int], int]
) -> Callable[[bytes], Layout]:
    """A cut for segment formats: the run goes from the first ``first`` segment to the ``trailer`` segment, whose
    first element is set to ``count(segments before the run, segments in it, copies)``."""

    def cut(data: bytes) -> Layout:
        segments = [s.strip(b"\r\n") for s in data.split(terminator) if s.strip()]
        tags = [s.split(element)[0] for s in segments]
        start, end = tags.index(first), tags.index(trailer)
        separator = terminator + (b"\n" if b"\n" in data else b"")

        def joined(part: list[bytes]) -> bytes:
            return b"".join(s + separator for s in part)

        head, body, tail = joined(segments[:start]), joined(segments[start:end]), joined(segments[end:])
        before = start - next(i for i, t in enumerate(tags) if t in (b"ST", b"UNH"))
        pattern = re.compile(rb"\A(" + trailer + re.escape(element) + rb")[0-9]+")

        def counted(tail: bytes, copies: int) -> bytes:
            return pattern.sub(rb"\g<1>" + str(count(before, end - start, copies)).encode(), tail)

        return Layout(head, body, tail, counted)

    return cut


def _xml_cut(start: bytes, end: bytes) -> Callable[[bytes], Layout]:
    def cut(data: bytes) -> Layout:
        first, last = data.index(start), data.rindex(end) + len(end)
        return Layout(data[:first], data[first:last], data[last:])

    return cut


def _whole_cut(data: bytes) -> Layout:
    """A file of messages that stand alone (Cargo-IMP): the whole file is the run."""
    return Layout(b"", data, b"")


TEMPLATES = (
    # An X12 set holds at most 9,999 LX loops: the run is a whole transaction set, repeated; GE01 counts the sets.
    Template(
        "x12-309",
        "maritime/northbound-vessel-maersk-kensington-647n.synthetic.309",
        _segments_cut(b"~", b"*", b"ST", b"GE", lambda _, __, copies: copies),
    ),
    Template(
        "manifest-xml",
        "maritime/northbound-vessel-maersk-kensington-647n.manifest.xml",
        _xml_cut(b"<consignment>", b"</consignment>"),
    ),
    # One CUSCAR message of many CNI groups; UNT01 counts its segments, UNH and UNT included.
    Template(
        "cuscar",
        "maritime/northbound-vessel-maersk-kensington-647n.cuscar",
        _segments_cut(b"'", b"+", b"CNI", b"UNT", lambda before, run, copies: before + run * copies + 1),
    ),
    # A day of air waybills: FWB messages one after the other, each its own manifest.
    Template("cargo-imp", "air/northbound-flight-am0642-awb-139-12345675.fwb", _whole_cut),
)
REPEATS_PER_RUN = 20  # consignments of the sample written together: one run of the body


def generate(template: Template, megabytes: float, folder: Path) -> Path:
    """A file of about ``megabytes`` of ``template``'s format, written a run of consignments at a time."""
    sample = SAMPLES / template.sample
    document = api.read(sample.read_bytes(), name=sample.name)
    manifest = document.manifests[0]
    grown = replace(manifest, consignments=manifest.consignments * REPEATS_PER_RUN)
    layout = template.cut(api.write([grown], template.format).data)
    copies = max(1, int(megabytes * 1e6 - len(layout.head) - len(layout.tail)) // len(layout.body))
    target = folder / f"large-{template.format}{Path(template.sample).suffix}"
    with target.open("wb") as out:
        out.write(layout.head)
        for _ in range(copies):
            out.write(layout.body)
        out.write(layout.counted(layout.tail, copies))
    return target


@dataclass(frozen=True, slots=True)
class Measurement:
    format: str
    megabytes: float
    peak_rss_mb: float
    seconds: float
    exit_code: int
    command: str


def measure(format: str, path: Path) -> Measurement:
    """``manifest validate PATH`` in a child process: its own peak resident set (KiB on Linux) and wall time."""
    command = [sys.executable, "-m", "manifest", "validate", str(path)]
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    shown = " ".join(["python", "-m", "manifest", "validate", path.name])
    return Measurement(format, path.stat().st_size / 1e6, usage.ru_maxrss / 1024, seconds, child.returncode, shown)


def run(
    megabytes: float = 500.0, formats: Sequence[str] | None = None, folder: Path | None = None
) -> list[Measurement]:
    """Generate and measure every template (or those of ``formats``); the files are removed afterwards unless
    ``folder`` is given."""
    chosen = [t for t in TEMPLATES if formats is None or t.format in formats]
    with tempfile.TemporaryDirectory(prefix="manifest-memory-") as scratch:
        where = folder or Path(scratch)
        results = []
        for template in chosen:
            path = generate(template, megabytes, where)
            results.append(measure(template.format, path))
            if folder is None:
                path.unlink()
        return results


def table(results: Sequence[Measurement]) -> str:
    lines = [
        "| format | file MB | peak RSS MB | wall s | exit | goal (< 200 MB) |",
        "|---|---:|---:|---:|---:|---|",
    ]
    for r in results:
        met = "met" if r.peak_rss_mb < GOAL_MB else "missed"
        lines.append(
            f"| {r.format} | {r.megabytes:.0f} | {r.peak_rss_mb:.0f} | {r.seconds:.1f} | {r.exit_code} | {met} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--megabytes", type=float, default=500.0, help="size of each generated file (default 500)")
    parser.add_argument("--format", action="append", dest="formats", help="only this format (repeatable)")
    parser.add_argument("--keep", type=Path, help="write the files to this folder and keep them")
    options = parser.parse_args(argv)
    print(table(run(options.megabytes, options.formats, options.keep)))


if __name__ == "__main__":
    main()
