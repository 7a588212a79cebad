"""Start-up and many small files: the command line as a process of its own, timed from outside, next to
``python -c pass`` (the interpreter starting and doing nothing) measured in the same run.

The pre-commit run hands ``manifest validate --skip-unknown`` the names of many small files at once, as pre-commit
does: every sample of the repository over and over (all formats, Carta Porte included, so the SAT XSDs are compiled
once in the run) and a few files in no known format, which ``--skip-unknown`` passes over.
"""

from __future__ import annotations

import compileall
import shutil
import sys
from pathlib import Path

import manifest
from benchmarks.generate import DATA
from benchmarks.measure import best_wall_time
from benchmarks.results import WallTime
from benchmarks.workloads import SAMPLES

VERSION_GOAL = 0.150
VALIDATE_GOAL = 0.120  # CPU of `manifest validate` of one small 309 (issue 21), the interpreter's start included
CARTA_PORTE_GOAL = 0.250  # the same for one small Carta Porte, SAT's XSDs and catalogues loaded
PRECOMMIT_GOAL = 5.0  # "a few seconds" for 1,000 files; for another number of files the per-file part is scaled
PRECOMMIT_FILES = 1000
SMALL_SAMPLE = SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.synthetic.309"
CARTA_PORTE_SAMPLE = SAMPLES / "maritime" / "northbound-manzanillo-long-beach.cartaporte.xml"
_MANIFEST = (sys.executable, "-m", "manifest")


def samples() -> list[Path]:
    return sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.name != "README.md")


def precommit_files(count: int, data: Path = DATA) -> list[Path]:
    """``count`` small manifests (copies of the samples, named as the sample each copies) and a few other files."""
    folder = data / f"precommit-{count}"
    originals = samples()
    wanted = [folder / f"{n:04d}-{originals[n % len(originals)].name}" for n in range(count)]
    others = [folder / f"notes-{n}.txt" for n in range(max(1, count // 100))]
    if not all(p.exists() for p in wanted + others):
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir(parents=True)
        for n, path in enumerate(wanted):
            shutil.copyfile(originals[n % len(originals)], path)
        for path in others:
            path.write_text("Not a manifest: a file the hook is handed and passes over.\n")
    return wanted + others


def measure(runs: int, precommit: int, data: Path = DATA) -> list[WallTime]:
    # An installed package has its bytecode compiled when it is installed (pip does so); a checkout run where
    # PYTHONDONTWRITEBYTECODE is set would compile every module again on every start and time the compiler.
    compileall.compile_dir(Path(manifest.__file__).parent, quiet=1)
    _, interpreter, _ = best_wall_time(runs, (sys.executable, "-c", "pass"))

    def wall(name: str, command: tuple[str, ...], goal: float | None, repeat: int = runs, note: str = "") -> WallTime:
        seconds, cpu, code = best_wall_time(repeat, command)
        return WallTime(name, seconds, cpu, interpreter, goal, code, note)

    files = [str(p) for p in precommit_files(precommit, data)]
    batch = (*_MANIFEST, "validate", "--skip-unknown", "--output", "text")
    scaled = VALIDATE_GOAL + (PRECOMMIT_GOAL - VALIDATE_GOAL) * precommit / PRECOMMIT_FILES
    return [
        wall("manifest --version", (*_MANIFEST, "--version"), VERSION_GOAL),
        wall("manifest validate, one small X12 309", (*_MANIFEST, "validate", str(SMALL_SAMPLE)), VALIDATE_GOAL),
        wall(
            "manifest validate, one small Carta Porte",
            (*_MANIFEST, "validate", str(CARTA_PORTE_SAMPLE)),
            CARTA_PORTE_GOAL,
            note="SAT XSDs compiled",
        ),
        wall(f"pre-commit: validate --skip-unknown, {precommit:,} files", (*batch, *files), scaled, max(1, runs // 2)),
        wall(
            f"pre-commit: the same with --jobs 2, {precommit:,} files",
            (*batch, "--jobs", "2", *files),
            None,  # two processes: their CPU time adds up, the wall time is what --jobs shortens
            max(1, runs // 2),
        ),
    ]
