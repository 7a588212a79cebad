"""The contract every format module fulfils, and the values it returns.

A format module exposes ``DESCRIPTION`` (what the format is: :class:`manifest.core.description.FormatDescription`),
``NAME``, ``TITLE``, ``EXTENSIONS``, ``MODES`` (taken from its description), ``sniff(head) -> bool``,
``read(data) -> Document`` and ``write(manifests) -> Written``. ``read`` reports every fault it can recover from as a
diagnostic in the document and raises :class:`~manifest.diagnostics.ParseError` only when nothing can be read; it
never raises anything else. ``write`` never drops data silently: whatever the target cannot carry is listed in
``Written.losses``, one diagnostic per model field left behind; what the user should know about the output without any
value being lost (a CFDI written unsigned) is in ``Written.notes``.

The values themselves are defined in :mod:`manifest.core.document`, below both the formats and the requirements
engine; they are named here too, where every format module has always found them.
"""

from __future__ import annotations

from manifest.core.description import Format
from manifest.core.document import (
    ConsignmentChunk,
    Document,
    ManifestEnd,
    PositionsOnDemand,
    SourceMap,
    StreamItem,
    Written,
    stream_from_document,
    without_ends,
)
from manifest.core.paths import parent_path

__all__ = [
    "ConsignmentChunk",
    "Document",
    "Format",
    "ManifestEnd",
    "PositionsOnDemand",
    "SourceMap",
    "StreamItem",
    "Written",
    "parent_path",
    "stream_from_document",
    "without_ends",
]
