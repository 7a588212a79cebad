"""Writing a command's output file without damaging what is already there.

What the target is decides how it is written, as ``cp`` decides:

- a regular file (or none yet) is written atomically: the data goes to a temporary file beside the target, is
  flushed to disk, and is renamed over the target (``rename`` replaces a name atomically within a file system,
  POSIX.1-2017 ``rename()``), so a reader never sees half a file and a failure leaves the target as it was. The new
  file keeps the permissions and, where the system lets it, the owner and group of the file it replaces.
- a symbolic link is followed and the file it leads to is written so; the link stays. A link that leads nowhere is
  refused, as GNU ``cp`` refuses to write through a dangling link: the file it would create could be anywhere.
- anything else (a character or block device such as ``/dev/null`` or a terminal, a FIFO) is opened and written
  directly: replacing it would put a regular file in its place. ``/dev/stdout``, ``/dev/fd/N`` and
  ``/proc/self/fd/N`` name a descriptor this process holds, so the data is written to that descriptor, which keeps
  its own offset and append mode (``>>``).
- a regular file the user may not write is refused (``access(2)`` with the effective ids, as ``open`` would decide
  for ``cp``), where renaming over it would succeed and silently replace it. Root may write any file, so root
  replaces a file without write permission, as ``cp`` run by root does; a file root cannot write either (immutable,
  on a read-only file system) is refused.

Temporary files are named ``.NAME.manifest-HOST-PID-RANDOM.tmp``. One left behind by a run that was killed is
removed by the next write to the same target, once no process of that PID runs on this host; a program may also ask
for the temporary file to be removed on SIGINT and SIGTERM while it exists (the command line does).
"""

from __future__ import annotations

import errno
import os
import re
import signal
import stat
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import Any

from manifest.diagnostics import Lang
from manifest.i18n import WordedError, words

CANNOT_WRITE = "cannot write {path}: {reason}"
DANGLING_LINK = "not writing through the dangling symbolic link {path}: {target} does not exist"

# A descriptor of this process reached through a name: /proc/PID/fd/N, /proc/PID/task/TID/fd/N (thread-self).
_OWN_DESCRIPTOR = re.compile(r"/proc/(\d+)(?:/task/\d+)?/fd/(\d+)")
_MAX_LINKS = 40  # the number of symbolic links Linux follows in one path (MAXSYMLINKS) before ELOOP
# A terminal opened for writing must not become the process's controlling terminal (POSIX open(), O_NOCTTY).
_NO_CONTROLLING_TERMINAL = getattr(os, "O_NOCTTY", 0)
_TEMPORARY_MARK = "manifest"
_STEM_BYTES = 120  # of the target's name in a temporary name, so that the name stays under NAME_MAX (255 bytes)


class OutputError(WordedError):
    """The output cannot be written and nothing was changed. ``reason`` is the system's (English) reason, said in
    the language of the run through the catalogue's ``os error`` entries."""

    def said(self, lang: Lang) -> str:
        catalogue = words(lang)
        values = dict(self.values)
        if isinstance(values.get("reason"), str):
            values["reason"] = catalogue.pgettext("os error", values["reason"])
        return catalogue.gettext(self.template).format(**values)


def same_file(one: Path, other: Path) -> bool:
    """Whether both names reach the same file: another spelling, a symbolic link or a hard link of it."""
    try:
        return os.path.samefile(one, other)
    except OSError:
        return False  # one of them does not exist, so nothing can be overwritten through it


def write_output(target: Path, data: bytes, *, removing_on: Collection[signal.Signals] = ()) -> None:
    """Write ``data`` to ``target`` as the module's docstring says; raises OutputError when it cannot, a regular
    file then left as it was (a device or FIFO may have taken part of the data before the fault).

    ``removing_on``: signals on which the temporary file is removed before the signal takes its course (the handler
    that was in place is called, or the default action taken). Handlers are installed only while the temporary file
    exists, and only by the main thread of a program that owns its signal handling; a signal ignored stays ignored.
    """
    try:
        _write(target, data, removing_on)
    except OSError as error:
        raise OutputError(CANNOT_WRITE, path=target, reason=error.strerror or str(error)) from error


def _write(target: Path, data: bytes, removing_on: Collection[signal.Signals]) -> None:
    descriptor = _own_descriptor(target)
    if descriptor is not None:
        _write_all(descriptor, data)
        return
    try:
        status = target.stat()
    except FileNotFoundError:
        if target.is_symlink():
            raise OutputError(DANGLING_LINK, path=target, target=os.readlink(target)) from None
        _replace(target, data, None, removing_on)
        return
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(target))
    if not stat.S_ISREG(status.st_mode):
        if _write_in_place(target, data):
            return
        status = target.stat()  # it became a regular file between the two looks: replace it as one
    final = Path(os.path.realpath(target))
    if not same_file(final, target):
        # A name the system resolves by itself (a descriptor of another process in /proc): write it where it is.
        _write_in_place(target, data, truncate=True)
        return
    if not os.access(final, os.W_OK, effective_ids=os.access in os.supports_effective_ids):
        raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(target))
    _replace(final, data, status, removing_on)


def _own_descriptor(target: Path) -> int | None:
    """The descriptor number when ``target`` leads, through its symbolic links, to /proc/self/fd/N of this process
    (``/dev/stdout``, ``/dev/fd/N``); None otherwise. The magic link itself is not followed: what it names (a pipe,
    a deleted file) may have no name to write through."""
    current = os.path.abspath(target)
    for _ in range(_MAX_LINKS):
        head, name = os.path.split(current)
        current = os.path.join(os.path.realpath(head), name)
        own = _OWN_DESCRIPTOR.fullmatch(current)
        if own is not None and int(own.group(1)) == os.getpid():
            return int(own.group(2))
        try:
            link = os.readlink(current)
        except OSError:
            return None  # not a link (or not there): a name like any other
        current = os.path.normpath(os.path.join(os.path.dirname(current), link))
    return None


def _write_all(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _write_in_place(target: Path, data: bytes, *, truncate: bool = False) -> bool:
    """Open ``target`` as it is and write to it; False, having written nothing, when what was opened turns out to be
    a regular file (unless ``truncate``: then it is written in place too). Never creates a file."""
    flags = os.O_WRONLY | _NO_CONTROLLING_TERMINAL | (os.O_TRUNC if truncate else 0)
    descriptor = os.open(target, flags)  # a FIFO waits here for its reader, as it does for cp
    try:
        if not truncate and stat.S_ISREG(os.fstat(descriptor).st_mode):
            return False
        _write_all(descriptor, data)
        return True
    finally:
        os.close(descriptor)


def _replace(
    target: Path, data: bytes, replaced: os.stat_result | None, removing_on: Collection[signal.Signals]
) -> None:
    folder = target.parent
    _remove_stale_temporaries(folder, target.name)
    temporary = folder / f"{_temporary_prefix(target.name)}{os.getpid()}-{os.urandom(4).hex()}.tmp"
    with _removed_on(removing_on, temporary):
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            try:
                _write_all(descriptor, data)
                os.fsync(descriptor)  # the data is on disk before the name points at it
                if replaced is None:
                    os.fchmod(descriptor, 0o666 & ~_umask())
                else:
                    _keep_owner(descriptor, replaced)
                    os.fchmod(descriptor, stat.S_IMODE(replaced.st_mode))  # after chown, which clears set-id bits
            finally:
                os.close(descriptor)
            os.replace(temporary, target)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise


def _keep_owner(descriptor: int, replaced: os.stat_result) -> None:
    if not hasattr(os, "fchown") or (replaced.st_uid, replaced.st_gid) == (os.geteuid(), os.getegid()):
        return  # a system without owners (Windows), or the writer's own file
    try:
        os.fchown(descriptor, replaced.st_uid, replaced.st_gid)
    except PermissionError:
        # A user who is not root may still give the file a group of their own; if not, the file is theirs and in
        # their group, as any file they create.
        with suppress(PermissionError):
            os.fchown(descriptor, -1, replaced.st_gid)


def _umask() -> int:
    # The umask can only be read by setting it; the command line runs in one thread.
    current = os.umask(0o022)
    os.umask(current)
    return current


def _host() -> str:
    import socket

    return re.sub(r"[^A-Za-z0-9.]", "_", socket.gethostname())[:32] or "localhost"


def _temporary_prefix(name: str) -> str:
    """``.NAME.manifest-HOST-``: the start of every temporary name this module gives to files for ``name``."""
    stem = os.fsdecode(os.fsencode(name)[:_STEM_BYTES])
    return f".{stem}.{_TEMPORARY_MARK}-{_host()}-"


def _remove_stale_temporaries(folder: Path, name: str) -> None:
    """Remove the temporary files for ``name`` that runs on this host left behind when they were killed: those
    whose process is gone. A process of the same PID that runs now keeps its file (it may be writing it)."""
    pattern = re.compile(re.escape(_temporary_prefix(name)) + r"(\d+)-[0-9a-f]{8}\.tmp")
    for entry in _entries(folder):
        found = pattern.fullmatch(entry.name)
        if found is None or not entry.is_file(follow_symlinks=False) or _running(int(found.group(1))):
            continue
        with suppress(FileNotFoundError):  # another run may have removed it first
            os.unlink(entry.path)


def _entries(folder: Path) -> Iterator[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as entries:
            yield from entries
    except FileNotFoundError:
        return  # the folder's absence is reported when the temporary file cannot be created in it


def _running(pid: int) -> bool:
    if pid == os.getpid() or os.name == "nt":
        return True  # Windows: kill() would stop the process, not look for it
    try:
        os.kill(pid, 0)  # signal 0: no signal is sent, only whether the process exists (POSIX kill())
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists and belongs to another user
    except OverflowError:
        return False  # no process has such a number
    return True


_Handler = Callable[[int, FrameType | None], Any] | int | signal.Handlers | None


@contextmanager
def _removed_on(signals: Collection[signal.Signals], temporary: Path) -> Iterator[None]:
    """Meanwhile, each of ``signals`` removes ``temporary`` and then takes its course as if it had come without us."""
    previous: dict[signal.Signals, _Handler] = {}

    def restore() -> None:
        for number, handler in previous.items():
            signal.signal(number, handler)
        previous.clear()

    def removing(number: int, frame: FrameType | None) -> None:
        temporary.unlink(missing_ok=True)
        handler = previous.get(signal.Signals(number))
        restore()
        if callable(handler):
            handler(number, frame)  # Python's SIGINT handler raises KeyboardInterrupt here, in the writing frame
        else:
            signal.raise_signal(number)  # the default action (terminate), now that nothing is left behind

    for number in signals:
        current = signal.getsignal(number)
        if current is not signal.SIG_IGN:
            previous[number] = current
            signal.signal(number, removing)
    try:
        yield
    finally:
        restore()
