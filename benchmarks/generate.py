"""Write each workload's file with the project's own writer, once: files are kept in ``benchmarks/.data/`` (ignored by
git) under a name that carries their size and a digest of their template and of how it is grown, so a rerun reuses
them (writing the largest takes about a minute) and a changed sample makes new ones; ``fresh`` writes them again,
e.g. after a writer changed."""

from __future__ import annotations

import hashlib
from pathlib import Path

from benchmarks.workloads import SAMPLES, Workload
from manifest import api

DATA = Path(__file__).resolve().parent / ".data"


def _digest(workload: Workload) -> str:
    """The template's bytes and how it is grown: a changed sample or a new way of growing it makes a new file."""
    grown = workload.grow.__qualname__.encode()
    return hashlib.sha256((SAMPLES / workload.template).read_bytes() + grown).hexdigest()[:12]


def path_for(workload: Workload, count: int, data: Path = DATA) -> Path:
    return data / f"{workload.name}-{count}-{_digest(workload)}{workload.extension}"


def generate(workload: Workload, count: int, data: Path = DATA, *, fresh: bool = False) -> Path:
    """The workload's file with ``count`` units, written now unless one from the same template is already there."""
    path = path_for(workload, count, data)
    if path.exists() and not fresh:
        return path
    (template, *_) = api.read((SAMPLES / workload.template).read_bytes(), workload.format).manifests
    written = api.write(workload.grow(template, count), workload.format)
    data.mkdir(parents=True, exist_ok=True)
    for stale in data.glob(f"{workload.name}-{count}-*"):
        stale.unlink()
    partial = path.with_suffix(path.suffix + ".part")
    partial.write_bytes(written.data)
    partial.replace(path)  # a run stopped while writing leaves no truncated file to be reused
    return path
