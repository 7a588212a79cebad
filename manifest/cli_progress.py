"""The progress bar of ``manifest validate`` on standard error: by bytes and files for a batch, by bytes as they
are read for one large file; and the errors of a cluster that cannot be used (--scheduler)."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Generator, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import click

from manifest.cli_click import fail, language, said
from manifest.cli_terminal import size

if TYPE_CHECKING:
    from manifest.checkfile import BatchSettings, Outcome


def read_with_progress(path: Path, settings: BatchSettings, progress: Progress) -> Generator[Outcome, None, None]:
    """One large file read through a counting reader, so that the bar follows the bytes as they are read."""
    from manifest.checkfile import validate_file
    from manifest.requirements import load_config

    yield validate_file(path, settings, load_config(settings.config_start), stream_above=0, opener=progress.open)


@contextmanager
def cluster_errors() -> Iterator[None]:
    """A cluster that cannot be used (--scheduler) is a problem with the command: one line, exit 2."""
    try:
        yield
    except Exception as error:
        from manifest.cluster import ClusterError

        if not isinstance(error, ClusterError):
            raise
        fail(error.said(language()))


# A single file larger than this has a progress bar of its own, following the bytes read.
PROGRESS_BYTES = 4 * 1024 * 1024


class CountingFile(io.FileIO):
    """A file that tells how many bytes each read brought."""

    def __init__(self, path: Path, advance: Callable[[int], None]) -> None:
        super().__init__(path, "rb")
        self.advance = advance

    def readinto(self, buffer: Any) -> int | None:
        count = super().readinto(buffer)
        if count:
            self.advance(count)
        return count

    def readall(self) -> bytes:
        # What a buffered read of the whole file calls, bypassing readinto.
        data = super().readall()
        self.advance(len(data))
        return data


class Progress:
    """A progress bar on standard error, when ``shown`` (a terminal, and not --quiet): by bytes, with the count of
    files beside it, for a batch; by bytes as they are read for a single file over PROGRESS_BYTES; nothing else."""

    def __init__(self, files: Sequence[Path], *, shown: bool) -> None:
        self.sizes = {file: size(file) for file in files} if shown else {}
        self.total_files = len(files)
        self.done_files = 0
        total = sum(self.sizes.values())
        self.reads_one_file = shown and len(files) == 1 and total > PROGRESS_BYTES
        self.bar: Any = None
        if shown and (len(files) > 1 or self.reads_one_file):
            self.bar = click.progressbar(
                length=max(total, 1),
                file=sys.stderr,
                label=said("checking"),
                item_show_func=lambda _item: self._files_done(),
            )

    def _files_done(self) -> str:
        return said("{done}/{total} files").format(done=self.done_files, total=self.total_files)

    def __enter__(self) -> Progress:
        if self.bar is not None:
            self.bar.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)

    def open(self, path: Path) -> BinaryIO:
        """``path`` opened for reading, the bar moving with every block read."""
        return io.BufferedReader(CountingFile(path, self._read))

    def _read(self, count: int) -> None:
        self.bar.update(count)

    def advance(self, path: Path) -> None:
        """One more file done."""
        self.done_files += 1
        if self.bar is not None and not self.reads_one_file:
            self.bar.update(self.sizes.get(path, 0))
        elif self.bar is not None:
            self.bar.render_progress()
