"""The cyclic garbage collector while the ``manifest`` command starts.

Starting, the command imports its modules and loads its tables: tens of thousands of objects that live as long as
the process, each of which every collection walks again, while none of them is garbage. Checking one small 309
spent about a tenth of its CPU time in those collections. So the collector is paused from the moment the command
line is read until the command has loaded what it works with; then everything made so far is frozen
(``gc.freeze``: left out of every later collection, still freed by reference counting) and the collector runs
again for the work itself, where a large file may make garbage that only a collection frees.

Only a process that is the command's own pauses it (its arguments read from ``sys.argv``): called from Python, as
Click's test runner calls it, the caller's objects are not frozen.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Pause the collector while the command starts, unless it is already off."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what the start made and run the collector again, if :func:`pause` paused it; else nothing."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
