"""Checking a batch on a Dask cluster (``dask.distributed``), for batches that outgrow one machine.

The files are read by the workers, by path: every worker must see them at the same absolute path as the machine
that submits the batch (a shared filesystem), and must have this package installed at the same version. Sending
paths rather than contents keeps the scheduler out of the data's way and lets a worker stream a large file from
disk as :func:`manifest.checkfile.validate_file` does on one machine. The configuration is looked up on the workers from
the same ``config_start`` folder, so nothing but paths, settings and reports crosses the network.

Workers run tasks in threads; checking is pure Python, so a cluster for this work is best started with one thread
per worker process (``dask worker ADDRESS --nworkers N --nthreads 1``).

``distributed`` is an optional dependency (``pip install 'manifest-toolkit[dask]'``): it is imported only here,
and only when a scheduler is named.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from manifest.checkfile import BatchSettings, InternalError, NotChecked, Outcome, validate_file
from manifest.i18n import WordedError
from manifest.slotted import record

if TYPE_CHECKING:
    from distributed import Client, Future

    from manifest.requirements import Config

# How long to wait for the scheduler to answer, and for the cluster to have a worker, before giving up.
CONNECT_TIMEOUT = 10.0
# How often a wait for results looks whether the cluster still has workers to compute them.
_POLL = 1.0
# Files per task: enough to make the scheduler's cost per task small beside the checking, few enough to keep every
# worker busy to the end and the progress even.
_MOST_PER_TASK = 32


class ClusterError(WordedError, RuntimeError):
    """The cluster cannot be used: distributed is not installed, the scheduler cannot be reached, or it lost the
    work. The message is one line."""


_NO_WORKER = "the scheduler at {scheduler} has had no worker for {timeout:g} s"


def validate_on_cluster(
    paths: Sequence[Path], settings: BatchSettings, scheduler: str, *, timeout: float | None = None
) -> Iterator[Outcome]:
    """Every file of ``paths`` checked by the workers of the scheduler at ``scheduler`` (``tcp://host:port``), in
    input order, as :func:`manifest.batch.validate_files` gives them.

    Raises ClusterError when distributed is missing, when the scheduler does not answer within ``timeout`` seconds
    (CONNECT_TIMEOUT by default) or has no worker for that long, and when the cluster fails while the batch runs.
    """
    timeout = CONNECT_TIMEOUT if timeout is None else timeout
    try:
        from distributed import Client
    except ImportError:
        raise ClusterError(
            "checking on a cluster needs the distributed package: pip install 'manifest-toolkit[dask]'"
        ) from None
    try:
        client = Client(scheduler, timeout=timeout, set_as_default=False)
    except (OSError, ValueError) as error:
        raise ClusterError(
            "cannot reach the scheduler at {scheduler}: {error}", scheduler=scheduler, error=_one_line(error)
        ) from None
    with client:
        yield from _run(client, paths, settings, scheduler, timeout)


def _run(
    client: Client, paths: Sequence[Path], settings: BatchSettings, scheduler: str, timeout: float
) -> Iterator[Outcome]:
    try:
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError:
        raise ClusterError(_NO_WORKER, scheduler=scheduler, timeout=timeout) from None
    threads = sum(client.nthreads().values())
    size = max(1, min(_MOST_PER_TASK, len(paths) // (threads * 4)))
    chunks = [Files.of(paths[start : start + size]) for start in range(0, len(paths), size)]
    futures: list[Future[list[Outcome]] | None] = list(client.map(check_chunk, chunks, settings=settings, pure=False))
    for index, future in enumerate(futures):
        assert future is not None
        try:
            yield from _result(client, future, scheduler, timeout)
        except _TaskKilled:
            yield from _file_by_file(client, chunks[index], settings, scheduler, timeout)
        futures[index] = None  # the worker may forget a result once it has been read


class _TaskKilled(Exception):
    """The workers running a task died until the scheduler gave it up (KilledWorker, after the retries that
    ``distributed.scheduler.allowed-failures`` allows)."""


def _file_by_file(
    client: Client, files: Files, settings: BatchSettings, scheduler: str, timeout: float
) -> list[Outcome]:
    """The files of a task given up, each checked again as a task of its own: a file whose workers die again is
    NotChecked, the others are reported as usual.

    The files go one at a time, each after the last has ended: submitted together, a file could wait on the worker
    that the file killing it is running on, die with it and be given up too (the scheduler counts every task a dead
    worker held against its retries)."""
    if len(files.shown) == 1:
        return [NotChecked(files.shown[0])]
    outcomes: list[Outcome] = []
    for absolute, shown in zip(files.absolute, files.shown, strict=True):
        future = client.submit(check_chunk, Files((absolute,), (shown,)), settings=settings, pure=False)
        try:
            outcomes.extend(_result(client, future, scheduler, timeout))
        except _TaskKilled:
            outcomes.append(NotChecked(shown))
    return outcomes


def _result(client: Client, future: Future[list[Outcome]], scheduler: str, timeout: float) -> list[Outcome]:
    """The outcomes of one task; waiting stops when the cluster has been without workers for ``timeout``. Raises
    _TaskKilled when the workers running it died."""
    from concurrent.futures import CancelledError  # what distributed raises for a cancelled or lost future

    from distributed import KilledWorker

    from manifest.requirements import ConfigError

    idle = 0.0
    while True:
        try:
            return future.result(timeout=_POLL)
        except TimeoutError:
            pass
        except KilledWorker:
            raise _TaskKilled from None
        except (CancelledError, OSError) as error:
            raise ClusterError(
                "the cluster at {scheduler} stopped checking: {error}", scheduler=scheduler, error=_one_line(error)
            ) from None
        except ConfigError as error:
            raise ClusterError(
                "a worker of {scheduler} cannot use the configuration: {error}", scheduler=scheduler, error=error
            ) from None
        try:
            workers = client.nthreads()
        except OSError as error:
            raise ClusterError(
                "lost the scheduler at {scheduler}: {error}", scheduler=scheduler, error=_one_line(error)
            ) from None
        idle = 0.0 if workers else idle + _POLL
        if idle >= timeout:
            raise ClusterError(_NO_WORKER, scheduler=scheduler, timeout=timeout) from None


@record
class Files:
    """The files of one task: where a worker reads each one, and the name its report carries.

    A worker's working folder is its own, so it is given absolute paths; the reports name each file as it was
    given. (An object of its own, too, so that Dask sends it as it is instead of looking into it for tasks.)
    """

    absolute: tuple[str, ...]
    shown: tuple[str, ...]

    @classmethod
    def of(cls, paths: Sequence[Path]) -> Files:
        return cls(tuple(str(path.absolute()) for path in paths), tuple(str(path) for path in paths))


def check_chunk(files: Files, settings: BatchSettings) -> list[Outcome]:
    """On a worker: the outcome of each file, as :func:`manifest.checkfile.validate_file` gives it (an InternalError
    included), named as the file was given."""
    config = _config(settings)
    outcomes: list[Outcome] = []
    for absolute, shown in zip(files.absolute, files.shown, strict=True):
        try:
            outcome = validate_file(Path(absolute), settings, config)
        except InternalError as error:
            raise InternalError(shown, error.reason) from error
        outcomes.append(None if outcome is None else replace(outcome, path=shown))
    return outcomes


_LOADING = threading.Lock()


def _config(settings: BatchSettings) -> Config:
    # A worker runs several tasks at once in threads: the first load (which also loads the requirements catalogue
    # and registers its codes) must happen once.
    with _LOADING:
        return _loaded_config(settings)


@cache
def _loaded_config(settings: BatchSettings) -> Config:
    from manifest.requirements import load_config

    return load_config(settings.config_start)


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split())
    return text or type(error).__name__
