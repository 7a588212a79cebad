"""Small tools every reader shares."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# int() refuses a string of more digits than sys.get_int_max_str_digits() (4300 by default, never set below 640) with
# a ValueError, because converting one takes quadratic time. No element of any format read here comes near 640 digits.
MAX_DIGITS = 640


def ascii_digits(text: str) -> bool:
    """Only the digits 0-9, and few enough of them for ``int()``: ``str.isdigit`` also accepts superscripts and other
    Unicode digits, which ``int()`` refuses or reads as other numbers."""
    return text.isascii() and text.isdigit() and len(text) <= MAX_DIGITS


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a file is read.

    A reader makes no reference cycles, and what it allocates either lives until the model is built or is freed by
    reference counting at once, so every collection would only rescan the model being built (X12 and CUSCAR read
    two to three times faster without them). The collector's state is restored afterwards.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
