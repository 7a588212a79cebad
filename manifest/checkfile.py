"""One file of a batch: the settings every file is checked with, what checking a file can come to, and the files a
list of paths and folders stands for.

A batch (:mod:`manifest.batch`) hands these to processes and to cluster workers (:mod:`manifest.cluster`), so
everything here is plain data that pickles.
"""

from __future__ import annotations

import os
import typing
from collections.abc import Iterable, Iterator
from dataclasses import field, replace
from pathlib import Path
from typing import BinaryIO

from manifest import api, formats
from manifest.api import FileReport
from manifest.requirements import Config
from manifest.slotted import record


@record
class Unreadable:
    """A file that could not be read at all (missing, a folder, no permission, a name too long), or a folder that
    could not be walked; ``reason`` is the system's."""

    path: str
    reason: str


def _unreadable(path: Path, error: OSError) -> Unreadable:
    return Unreadable(str(path), error.strerror or str(error))


@record
class Skipped:
    """A file passed over without being checked, and why (in English; the reporters say it in the reader's language):
    a file found in a folder, or named with ``skip_unknown``, whose content and name belong to no known format."""

    path: str
    reason: str = "in no known format"


@record
class NotChecked:
    """A file of a batch whose check never finished: the process checking it died (killed, out of memory)."""

    path: str


class InternalError(RuntimeError):
    """Working on ``path`` failed for a reason that is not the file's but a defect of this package.

    ``reason`` is the original error on one line (it survives the trip from a worker process); the original error
    is the ``__cause__``.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(path, reason)
        self.path = path
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


def error_line(error: BaseException) -> str:
    """``error`` on one line: its type and its message with the white space squeezed."""
    message = " ".join(str(error).split())
    return f"{type(error).__name__}: {message}" if message else type(error).__name__


Outcome = FileReport | Unreadable | NotChecked | None


@record
class BatchSettings:
    """What every file of a batch is checked with; the configuration is looked up from ``config_start``."""

    format: str | None = None
    profile: str | None = None
    config_start: Path = field(default_factory=Path.cwd)
    skip_unknown: bool = False


# Files larger than this are validated as a stream (see validate_stream), the smaller ones read whole.
STREAM_THRESHOLD = 32 * 1024 * 1024


def _open_binary(path: Path) -> BinaryIO:
    return path.open("rb")


def validate_file(
    path: Path,
    settings: BatchSettings,
    config: Config,
    *,
    stream_above: int | None = None,
    opener: typing.Callable[[Path], BinaryIO] = _open_binary,
) -> FileReport | Unreadable | None:
    """One file of a batch: its report, Unreadable, or None when it is in no known format and may be skipped.

    A file above ``stream_above`` bytes (by default STREAM_THRESHOLD) is validated consignment by consignment from
    the file ``opener`` opens, so that memory stays bounded by one consignment whatever the size; the report is the
    one a whole read gives (a caller that shows how far the reading has come opens the file through a counting
    reader). Any other failure is a defect of this package, raised as InternalError naming the file.
    """
    try:
        threshold = STREAM_THRESHOLD if stream_above is None else stream_above
        return _validate_file(path, settings, config, threshold, opener)
    except Exception as error:
        raise InternalError(str(path), error_line(error)) from error


def _validate_file(
    path: Path,
    settings: BatchSettings,
    config: Config,
    stream_above: int,
    opener: typing.Callable[[Path], BinaryIO],
) -> FileReport | Unreadable | None:
    profile = settings.profile or config.profile or "auto"
    try:
        if path.stat().st_size > stream_above:
            with opener(path) as source:
                head = api.head_bytes(source)
                if settings.skip_unknown and settings.format is None and api.detect(head, path.name) is None:
                    return None
                chosen = settings.format
                return api.validate_stream(source, path=str(path), format=chosen, profile=profile, config=config)
        data = path.read_bytes()
    except OSError as error:
        return _unreadable(path, error)
    chosen = settings.format
    if settings.skip_unknown and chosen is None:
        chosen = api.detect(data, path.name)  # told once: validate reads it as what was found
        if chosen is None:
            return None
    report = api.validate(data, path=str(path), format=chosen, profile=profile, config=config)
    return replace(report, manifests=())


@typing.overload
def iter_files(paths: Iterable[Path]) -> Iterator[Path | Unreadable]: ...


@typing.overload
def iter_files(paths: Iterable[Path], *, skipped: typing.Literal[True]) -> Iterator[Path | Unreadable | Skipped]: ...


def iter_files(paths: Iterable[Path], *, skipped: bool = False) -> Iterator[Path | Unreadable | Skipped]:
    """The files to check: named files as they are, folders walked (hidden entries skipped) in a stable order.

    A file found by walking is kept only when its content or name belongs to a known format, so a README or an
    image beside the manifests is not reported as unreadable; with ``skipped`` it is given, in its place, as
    Skipped, so that a report can say what was passed over. A path that cannot even be looked at (a name too long,
    a folder that cannot be listed, an entry of a folder without search permission) is Unreadable, in its place:
    nothing is passed over in silence.
    """
    for path in paths:
        try:
            folder = path.is_dir()
        except OSError as error:
            yield _unreadable(path, error)
            continue
        if folder:
            yield from (item for item in _walk(path) if skipped or not isinstance(item, Skipped))
        else:
            yield path  # reported as unreadable, if it is, when it is read


def _walk(folder: Path) -> Iterator[Path | Unreadable | Skipped]:
    # Depth first, each folder's entries sorted by name: the order of sorting every path by its parts. A link to a
    # folder is not followed (a link may loop); a link to a file is taken.
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        yield _unreadable(folder, error)
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        candidate = folder / entry.name
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from _walk(candidate)
                continue
            if not entry.is_file():
                continue
        except OSError as error:
            yield _unreadable(candidate, error)
            continue
        yield candidate if _looks_like_manifest(candidate) else Skipped(str(candidate))


def _looks_like_manifest(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            head = stream.read(formats.SNIFF_BYTES)
    except OSError:
        return True  # reported as unreadable when it is read for real
    return api.detect(head, path.name) is not None
