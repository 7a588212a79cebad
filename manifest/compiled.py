"""Data files the package reads on every start, kept in a fast form in the user's cache.

Parsing the requirements catalogue's TOML took more of a small file's check than reading the file itself; the
parsed data (plain dicts, lists, strings, numbers and booleans) is written with :mod:`marshal`, which loads it
many times faster, under a name made of a digest of the exact bytes it was parsed from and of the Python version
(marshal's format belongs to it). A changed catalogue or another interpreter has another name, so a stale form is
never read; a form that cannot be read is parsed again, and one that cannot be written (a read-only home, no home)
is simply not kept. ``MANIFEST_CACHE_DIR`` chooses the folder (empty: keep nothing); by default it is
``$XDG_CACHE_HOME/manifest-toolkit`` or ``~/.cache/manifest-toolkit``.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import re
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar, cast

from manifest import __version__

T = TypeVar("T")

CACHE_VARIABLE = "MANIFEST_CACHE_DIR"


def cache_folder() -> Path | None:
    """Where compiled forms are kept, or None when they are not to be kept."""
    chosen = os.environ.get(CACHE_VARIABLE)
    if chosen is not None:
        return Path(chosen) if chosen else None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return None if base.startswith("~") else Path(base) / "manifest-toolkit"


def key_of(kind: str, sources: Sequence[bytes]) -> str:
    """The name of the compiled form of ``sources``: every byte of each, its length, the interpreter, and the
    package's release (another release may compile the same sources to another form)."""
    digest = hashlib.sha256(f"{kind}\0{__version__}\0{sys.implementation.cache_tag}\0{marshal.version}".encode())
    for source in sources:
        digest.update(len(source).to_bytes(8, "big"))
        digest.update(source)
    return f"{kind}-{digest.hexdigest()[:24]}.marshal"


def file_state(path: Path) -> bytes:
    """What names a file's compiled form when hashing its bytes would cost about what parsing them does (large
    shipped data files): its path, size and time of change, as Python names a module's bytecode."""
    state = path.stat()
    return f"{path}\0{state.st_size}\0{state.st_mtime_ns}".encode()


def compiled(kind: str, sources: Sequence[bytes], parse: Callable[[], T]) -> T:
    """``parse()``, or the form it gave for the same ``sources`` before. ``parse`` must return data that marshal
    keeps (no datetimes, no objects of the project's classes); its exceptions pass through and nothing is kept."""
    found = kept_form(kind, sources)
    if found is not None:
        return cast(T, found)
    value = parse()
    keep_form(kind, sources, value)
    return value


def kept_form(kind: str, sources: Sequence[bytes]) -> object | None:
    """The form kept for ``sources``, or None when none is kept (or it cannot be read)."""
    folder = cache_folder()
    if folder is None:
        return None
    try:
        return marshal.loads((folder / key_of(kind, sources)).read_bytes())  # type: ignore[no-any-return]
    except (OSError, EOFError, ValueError, TypeError):
        return None  # not kept yet, or unreadable


def keep_form(kind: str, sources: Sequence[bytes], value: object) -> None:
    """Keep ``value`` as the form of ``sources``, if marshal can keep it and the cache can be written."""
    folder = cache_folder()
    if folder is None:
        return
    try:
        data = marshal.dumps(cast(Any, value))
    except ValueError:
        return  # holds something marshal cannot keep: parsed on every start, as without a cache
    path = folder / key_of(kind, sources)
    if _keep(path, data):
        _forget_older(path, kind)


def _keep(path: Path, data: bytes) -> bool:
    """Write ``data`` whole or not at all: another process may read the same name at the same moment. Whether it
    was written."""
    import tempfile  # here, not at the top: most starts only read what is kept

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".part")
        try:
            with os.fdopen(handle, "wb") as file:
                file.write(data)
            os.replace(partial, path)
        except BaseException:
            os.unlink(partial)
            raise
    except OSError:
        return False  # a cache that cannot be written is no error: the data was parsed and is used
    return True


# How long a form of another source is left in place when a new form of its kind is written. Two installations
# of the package (two environments, a tool and a project) share the cache with their own files; removing the
# other's form at once made each of them write its own again at every start, the other having just removed it.
STALE_AFTER = 7 * 24 * 3600  # seconds since the form was written


def _forget_older(path: Path, kind: str) -> None:
    """Remove the forms of ``kind`` made from other sources (an older catalogue, another interpreter) and not
    written for :data:`STALE_AFTER`, so that the cache holds the forms in use instead of growing with every change
    of the package."""
    name = re.compile(re.escape(kind) + r"-[0-9a-f]{24}\.marshal")
    try:
        now = time.time()
        for other in path.parent.iterdir():
            if other != path and name.fullmatch(other.name) and now - other.stat().st_mtime > STALE_AFTER:
                other.unlink(missing_ok=True)
    except OSError:
        pass  # what cannot be removed is only left over
