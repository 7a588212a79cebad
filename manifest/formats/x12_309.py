"""``x12-309``: the ANSI X12 309 Customs Manifest (004010 ocean, 004040 rail), read, checked and written.

The X12 machinery lives in :mod:`manifest.formats.x12`; this module is the format's face in the registry.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from manifest.core.registry import described
from manifest.diagnostics import Diagnostic
from manifest.formats.base import ConsignmentChunk, Document, StreamItem, Written
from manifest.formats.x12 import read_set
from manifest.model import Manifest

DESCRIPTION = described("x12-309")
NAME = DESCRIPTION.name
TITLE = DESCRIPTION.title
EXTENSIONS = DESCRIPTION.extensions
MODES = DESCRIPTION.modes


sniff = DESCRIPTION.sniff


def read(data: bytes) -> Document:
    return read_set.read(data, NAME, "309")


def write(manifests: Sequence[Manifest]) -> Written:
    from manifest.formats.x12 import write309

    return write309.write(manifests)


def stream(source: BinaryIO) -> Iterator[ConsignmentChunk | Diagnostic]:
    return read_set.stream(source, "309")


def stream_parts(source: BinaryIO) -> Iterator[StreamItem]:
    return read_set.stream_parts(source, "309")
