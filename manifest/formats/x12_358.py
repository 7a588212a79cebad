"""``x12-358``: the ANSI X12 358 Customs Consist (a train's cars in order, each with the bills it carries)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import BinaryIO

from manifest.core.registry import described
from manifest.diagnostics import Diagnostic
from manifest.formats.base import ConsignmentChunk, Document, StreamItem, Written
from manifest.formats.x12 import read_set
from manifest.model import Manifest

DESCRIPTION = described("x12-358")
NAME = DESCRIPTION.name
TITLE = DESCRIPTION.title
EXTENSIONS = DESCRIPTION.extensions
MODES = DESCRIPTION.modes


sniff = DESCRIPTION.sniff


def read(data: bytes) -> Document:
    return read_set.read(data, NAME, "358")


def write(manifests: Sequence[Manifest]) -> Written:
    from manifest.formats.x12 import write358

    return write358.write(manifests)


def stream(source: BinaryIO) -> Iterator[ConsignmentChunk | Diagnostic]:
    return read_set.stream(source, "358")


def stream_parts(source: BinaryIO) -> Iterator[StreamItem]:
    return read_set.stream_parts(source, "358")
