"""What the ``manifest`` command does around the library: the configuration, the files named on the line, colours,
reading sources and writing outputs, each failure said in one line with its exit code (DESIGN.md)."""

from __future__ import annotations

import os
import signal
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from manifest.cli_click import fail, language, said

if TYPE_CHECKING:
    from manifest.checkfile import Skipped, Unreadable
    from manifest.requirements import Config


def load_config_or_fail(start: Path) -> Config:
    from manifest.requirements import ConfigError, load_config

    try:
        return load_config(start)
    except ConfigError as error:
        fail(error.said(language()))
        raise  # unreachable: fail exits


def inputs(paths: Sequence[Path]) -> Iterator[Path | Unreadable | Skipped | None]:
    """What ``validate`` checks, in the order of the command line: the files of each path (a folder walked, the
    files in it in no known format as Skipped), a path that cannot be looked at as Unreadable, and None where
    standard input stands (``-``, read once)."""
    from manifest.checkfile import iter_files

    stdin_taken = False
    for path in paths:
        if str(path) != "-":
            yield from iter_files([path], skipped=True)
        elif not stdin_taken:
            stdin_taken = True
            yield None


def colour(stream: Any) -> bool:
    """Whether to colour what goes to ``stream``: never with NO_COLOR set (no-color.org), always with FORCE_COLOR
    set to anything but 0, otherwise when it is a terminal."""
    if os.environ.get("NO_COLOR", ""):
        return False
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty())


# Terminal colours of the parts of a report (see manifest.report_lines.Highlight): the severity, the code and where.
STYLES: dict[str, dict[str, Any]] = {
    "error": {"fg": "red", "bold": True},
    "warning": {"fg": "yellow", "bold": True},
    "info": {"fg": "cyan"},
    "code": {"bold": True},
    "location": {"fg": "blue"},
    "passed": {"fg": "green"},
    "failed": {"fg": "red", "bold": True},
    "skipped": {"dim": True},
}


def painter(enabled: bool) -> Callable[[str, str], str]:
    def paint(kind: str, text: str) -> str:
        return click.style(text, **STYLES[kind]) if enabled and kind in STYLES else text

    return paint


class Sources(Mapping[str, bytes]):
    """The bytes of each file reported, read from its path when the HTML report asks for it (one at a time, so
    that a batch is not held in memory); a file that cannot be read again is left out."""

    def __init__(self, known: dict[str, bytes]) -> None:
        self.known = known

    def __getitem__(self, path: str) -> bytes:
        if path in self.known:
            return self.known[path]
        try:
            return Path(path).read_bytes()
        except OSError as error:
            raise KeyError(path) from error

    def __iter__(self) -> Iterator[str]:
        return iter(self.known)

    def __len__(self) -> int:
        return len(self.known)


def size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def os_reason(error: OSError) -> str:
    """The system's reason, in the language of the run when the catalogue knows it (strerror is English)."""
    return said(error.strerror or str(error), "os error")


def say_cannot_read(path: Path | str, reason: str) -> None:
    click.echo("manifest: " + said("cannot read {path}: {reason}").format(path=path, reason=reason), err=True)


def read_source(source: Path, *, dash_is_stdin: bool = False) -> bytes:
    """The bytes of ``source`` (standard input for ``-`` where the command takes it); a source that cannot be read
    ends the run (exit 2)."""
    try:
        return sys.stdin.buffer.read() if dash_is_stdin and str(source) == "-" else source.read_bytes()
    except OSError as error:
        say_cannot_read(source, os_reason(error))
        sys.exit(2)


def name_of(source: Path) -> str | None:
    """The file name that format detection may fall back on; standard input has none."""
    return None if str(source) == "-" else source.name


def write_output(out: Path, data: bytes) -> None:
    """Write ``out`` without damaging what is there (:mod:`manifest.output`); a failure is one line and exit 2. An
    interrupted or terminated run leaves no temporary file behind."""
    from manifest.output import OutputError, write_output

    try:
        write_output(out, data, removing_on=(signal.SIGINT, signal.SIGTERM))
    except OutputError as error:
        fail(error.said(language()))
