"""What reading and writing a file produce, shared by the formats that make it and the layers that use it.

A reader returns a :class:`Document` (manifests, one :class:`SourceMap` per manifest, findings), or a stream of
:data:`StreamItem`; a writer returns :class:`Written`. These types sit below both the formats and the requirements
engine, so that a rule is located through a source map without the engine knowing any format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import field
from typing import Generic, TypeVar

from manifest.core.paths import lineage
from manifest.diagnostics import Diagnostic, ParseError, Position
from manifest.model import Consignment, Manifest
from manifest.slotted import record

S = TypeVar("S")


class PositionsOnDemand(Mapping[str, Position], Generic[S]):
    """Model path -> position, kept as what the reader knows at no cost (a segment and an element number, an
    element and an attribute, a line and an XPath) and made into a Position only when a finding asks for one: a
    valid file asks for none, and working out every value's line and column was a large part of a validation.

    A copy sent to another process (a batch's worker) carries the positions worked out, not what they came from.
    """

    __slots__ = ("_locate", "_spots")

    def __init__(self, spots: Mapping[str, S], locate: Callable[[S], Position]) -> None:
        self._spots = spots
        self._locate = locate

    def __getitem__(self, path: str) -> Position:
        return self._locate(self._spots[path])

    def __iter__(self) -> Iterator[str]:
        return iter(self._spots)

    def __len__(self) -> int:
        return len(self._spots)

    def __reduce__(self) -> tuple[type[dict[str, Position]], tuple[dict[str, Position]]]:
        return dict, (dict(self.items()),)


@record
class SourceMap:
    """Positions of the values of one manifest, keyed by model field path (``consignments[0].gross_weight``).

    Indexes are 0-based. ``locate`` falls back to the nearest enclosing value that has a position, so a rule on
    ``consignments[0].gross_weight.unit`` still points at the weight's segment when only that is recorded.
    """

    positions: Mapping[str, Position] = field(default_factory=dict)

    def locate(self, path: str) -> Position | None:
        for current in lineage(path):
            found = self.positions.get(current)
            if found is not None:
                return found
        return None


@record
class Document:
    """What a reader got from one file: its manifests, one source map per manifest, and every finding."""

    format: str
    manifests: tuple[Manifest, ...] = ()
    source_maps: tuple[SourceMap, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    def source_map(self, index: int) -> SourceMap:
        return self.source_maps[index] if index < len(self.source_maps) else SourceMap()


@record
class Written:
    data: bytes
    losses: tuple[Diagnostic, ...] = ()  # model values the output does not carry: a conversion must accept them
    notes: tuple[Diagnostic, ...] = ()  # what the reader of the output should know, with no value left behind
    # Where the target's reader reads back a value at another model path than the model written has it, as pairs
    # (path read back, path written): a house waybill listed under the master it names is read back after that
    # master. None for a value the reader adds that the model does not hold (the master an XFZB or an FHL names
    # by the house's master number alone). See :func:`manifest.core.paths.written_path`.
    moves: tuple[tuple[str, str | None], ...] = ()
    # The manifests the target's reader reads from ``data``, when the writer read them back to find its losses: a
    # conversion's notes (manifest.unmet) look at them again rather than reading the output a second time.
    read_back: tuple[Manifest, ...] | None = field(default=None, compare=False, repr=False)


@record
class ConsignmentChunk:
    """One consignment read from a stream, with the manifest-level data read before it."""

    manifest_index: int
    header: Manifest  # the manifest without its consignments
    index: int
    consignment: Consignment
    source_map: SourceMap
    diagnostics: tuple[Diagnostic, ...] = ()


@record
class ManifestEnd:
    """The end of one manifest in a stream: its manifest-level data as a whole read has it (values that follow the
    consignments included), their positions, and how many consignments were handed out before it.

    Streaming readers yield it after the last consignment of each manifest, so that rules on the manifest itself
    can be checked, and located, once the manifest is complete; :func:`manifest.api.stream` leaves it out.
    """

    manifest_index: int
    header: Manifest  # the manifest without its consignments
    source_map: SourceMap
    consignments: int


StreamItem = ConsignmentChunk | ManifestEnd | Diagnostic


def stream_from_document(document: Document) -> Iterator[StreamItem]:
    """The streaming view of a document read whole, for formats without a streaming reader of their own."""
    yield from document.diagnostics
    for m_index, manifest in enumerate(document.manifests):
        header = _header_of(manifest)
        source_map = document.source_map(m_index)
        for c_index, consignment in enumerate(manifest.consignments):
            yield ConsignmentChunk(m_index, header, c_index, consignment, source_map)
        yield ManifestEnd(m_index, header, source_map, len(manifest.consignments))


def without_ends(items: Iterable[StreamItem]) -> Iterator[ConsignmentChunk | Diagnostic]:
    """A stream of consignments and diagnostics only, as :func:`manifest.api.stream` hands them out.

    A streaming reader raises ParseError when the content turns out to be unreadable as a whole (an XML file found
    not to be schema-valid at its end), as ``read`` would; here that ends the stream with its diagnostic.
    """
    try:
        for item in items:
            if not isinstance(item, ManifestEnd):
                yield item
    except ParseError as error:
        yield from error.diagnostics


def _header_of(manifest: Manifest) -> Manifest:
    from dataclasses import replace

    return replace(manifest, consignments=())
