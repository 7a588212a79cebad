"""A batch of files checked in input order: one after the other, by a pool of processes, or by a Dask cluster.

A file is checked as :func:`manifest.checkfile.validate_file` checks it wherever it runs; this module only decides
where, and keeps the order and the outcome of a file whose process died.
"""

from __future__ import annotations

import typing
from collections import deque
from collections.abc import Generator, Iterator, Sequence
from pathlib import Path

from manifest.checkfile import BatchSettings, NotChecked, Outcome, validate_file
from manifest.requirements import Config


def validate_files(
    paths: Sequence[Path], settings: BatchSettings, *, jobs: int = 1, scheduler: str | None = None
) -> Generator[Outcome, None, None]:
    """Every file of ``paths`` in input order; with ``jobs`` > 1 the files are checked by a pool of processes, with
    ``scheduler`` (the address of a Dask scheduler, ``tcp://host:port``) by the workers of that cluster, which must
    see the files at the same paths (see :mod:`manifest.cluster`, which raises ClusterError when it cannot be used).

    The configuration is loaded once per process from ``settings.config_start``, so nothing but paths and reports
    crosses between processes; a ConfigError is raised before any file is read. A file whose worker process dies
    while checking it is NotChecked; the others are reported as usual. A caller that stops before the end closes
    the generator, which lets the pool or the cluster client go.
    """
    from manifest.requirements import load_config

    config = load_config(settings.config_start)
    if scheduler is not None:
        from manifest.cluster import validate_on_cluster

        yield from validate_on_cluster(paths, settings, scheduler)
        return
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield validate_file(path, settings, config)
        return
    yield from _checked_in_pools(paths, settings, jobs)


def _checked_in_pools(paths: Sequence[Path], settings: BatchSettings, jobs: int) -> Iterator[Outcome]:
    """The outcomes of ``paths`` in input order, checked by pools of ``jobs`` processes.

    A worker that dies breaks its pool and every file handed to it is lost, with no word of which one killed it.
    Files are therefore handed over a few at a time (two per worker: one being checked, one waiting), so that a
    death leaves only those few in doubt; each of them is then checked again alone, in a pool of one process where
    a death names its file, which is NotChecked. The files never handed over go to a fresh pool.
    """
    outcomes: dict[int, Outcome] = {}
    waiting = deque(range(len(paths)))
    suspects: deque[int] = deque()
    shown = 0
    while shown < len(paths):
        alone = bool(suspects)
        queue, workers, window = (suspects, 1, 1) if alone else (waiting, jobs, 2 * jobs)
        for index, outcome in _pool_pass(paths, queue, settings, workers, window):
            if outcome is not _LOST:
                outcomes[index] = typing.cast(Outcome, outcome)
            elif alone:
                outcomes[index] = NotChecked(str(paths[index]))
            else:
                suspects.append(index)
            while shown in outcomes:
                yield outcomes.pop(shown)
                shown += 1
        suspects = deque(sorted(suspects))


# The outcome of a file that was in a pool when one of its processes died.
_LOST = object()


def _pool_pass(
    paths: Sequence[Path], queue: deque[int], settings: BatchSettings, workers: int, window: int
) -> Iterator[tuple[int, object]]:
    """Check the files of ``queue`` (indexes into ``paths``, taken from its left) in one pool of ``workers``
    processes, at most ``window`` at a time, yielding each as it finishes, until the queue is empty or the pool
    breaks: then every file handed to it that did not finish is _LOST, and the rest stay queued."""
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(settings,))
    handed: dict[Future[Outcome], int] = {}
    broken = False
    try:
        while (queue and not broken) or handed:
            while queue and not broken and len(handed) < window:
                index = queue.popleft()
                try:
                    handed[pool.submit(_check_in_worker, paths[index])] = index
                except BrokenProcessPool:
                    broken = True
                    if handed:
                        queue.appendleft(index)
                    else:
                        yield index, _LOST  # so that every pass settles at least one file
            if not handed:
                break
            finished, _ = wait(handed, return_when=FIRST_COMPLETED)
            for future in sorted(finished, key=handed.__getitem__):
                index = handed.pop(future)
                if isinstance(future.exception(), BrokenProcessPool):
                    broken = True
                    yield index, _LOST
                else:
                    yield index, future.result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_WORKER: dict[str, object] = {}


def _start_worker(settings: BatchSettings) -> None:
    from manifest.requirements import load_config

    _WORKER["settings"] = settings
    _WORKER["config"] = load_config(settings.config_start)


def _check_in_worker(path: Path) -> Outcome:
    return validate_file(path, typing.cast(BatchSettings, _WORKER["settings"]), typing.cast(Config, _WORKER["config"]))
