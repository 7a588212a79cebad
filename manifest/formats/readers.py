"""Small tools every reader shares."""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

from manifest.core.canonical import MAX_DIGITS as MAX_DIGITS
from manifest.diagnostics import Diagnostic, Severity, define
from manifest.formats.textpos import LineIndex


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


# X12.6 numbers the data elements of a segment, and the components of a composite, with two digits (N101 ... N199),
# and the UN/EDIFACT segment and composite directories place them at positions 010 to 990: no segment of either
# standard holds more than 99 of either. A longer run is garbage or an attack (20 MB of separators would become
# 20 million strings), so what follows the 99th is cut off, and said so.
SEPARATOR_LIMIT = 99
LONG_SEGMENT = 400  # characters: below this a segment cannot hold more than 99 separators of both kinds at once

OVERFULL_SEGMENT = define(
    "MF006",
    Severity.ERROR,
    "segment $tag holds more than $limit data elements, or more than $limit components in one element; its last "
    "$count characters are not read",
    "el segmento $tag contiene más de $limit elementos de datos, o más de $limit componentes en un elemento; "
    "no se leen sus últimos $count caracteres",
    "ASC X12.6 section 3.5 (two-digit element positions); ISO 9735 segment and composite directories (positions "
    "010 to 990)",
)


def overfull(body: str, element: str, component: str) -> str | None:
    """``body`` (one segment, tag first) cut to 99 data elements of 99 components each, or None when it is within
    those bounds. Only worth calling for segments longer than :data:`LONG_SEGMENT`."""
    limit = SEPARATOR_LIMIT
    if body.count(element) <= limit and body.count(component) < limit:
        return None
    elements = body.split(element, limit + 1)[: limit + 1]
    for index, value in enumerate(elements):
        if value.count(component) >= limit:
            elements[index] = component.join(value.split(component, limit)[:limit])
    cut = element.join(elements)
    return None if cut == body else cut


# No segment of an X12 309 or 358 or of a CUSCAR, and no Cargo-IMP line, comes near a mebibyte: the longest segment
# the bundled X12 dictionaries allow is 340 characters (PER, every element at its maximum length), the longest CUSCAR
# segment of the UN/EDIFACT directory (NAD) about 600, and a Cargo-IMP line holds 69 characters, a whole message
# 3,500 (IATA Cargo-IMP Manual). A longer one is no data a sender meant: it is reported and passed over without
# being kept, so that a file of one endless segment is read in linear time and bounded memory.
LONGEST_READ = 1 << 20  # characters

# C0 and C1 control characters and DEL, save the line breaks many senders put between segments and lines. None is
# in the X12 basic or extended character set (ASC X12.6 section 3.3), the IATA Cargo-IMP character set or any
# UN/EDIFACT repertoire (ISO 9735-1 annex A); a NUL or a BEL in a name would be carried into every output.
_CONTROLS = "\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f"

CONTROL_CHARACTER = define(
    "MF007",
    Severity.ERROR,
    "control character $value is not text: it is in no character set of this format",
    "el carácter de control $value no es texto: no está en ningún juego de caracteres de este formato",
    "ASC X12.6 section 3.3 (character sets); IATA Cargo-IMP character set; ISO 9735-1 annex A",
)


@cache
def _control_pattern(allowed: str) -> re.Pattern[str]:
    banned = "".join(chr(c) for c in range(0xA0) if re.fullmatch(f"[{_CONTROLS}]", chr(c)) and chr(c) not in allowed)
    return re.compile(f"[{re.escape(banned)}]")


def control_characters(text: str, allowed: str = "", limit: int = 20) -> list[Diagnostic]:
    """A finding for each control character in ``text`` (at most ``limit``) but those in ``allowed`` (delimiters
    an interchange declares, such as X12's common FS or GS separators)."""
    pattern = _control_pattern(allowed)
    found: list[Diagnostic] = []
    match = pattern.search(text)
    if match is None:
        return found
    lines = LineIndex(text)
    while match is not None and len(found) < limit:
        line, column = lines.position(match.start())
        found.append(CONTROL_CHARACTER(line=line, column=column, value=f"U+{ord(match.group()):04X}"))
        match = pattern.search(text, match.end())
    return found
