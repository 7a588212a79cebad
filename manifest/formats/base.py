"""The contract every format module fulfils, and the values it returns.

A format module exposes ``NAME``, ``TITLE``, ``EXTENSIONS``, ``MODES``, ``sniff(head) -> bool``,
``read(data) -> Document`` and ``write(manifests) -> Written``. ``read`` reports every fault it can recover from as a
diagnostic in the document and raises :class:`~manifest.diagnostics.ParseError` only when nothing can be read; it
never raises anything else. ``write`` never drops data silently: whatever the target cannot carry is listed in
``Written.losses``, one diagnostic per model field left behind; what the user should know about the output without any
value being lost (a CFDI written unsigned) is in ``Written.notes``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from manifest.diagnostics import Diagnostic, ParseError, Position
from manifest.model import Consignment, Manifest, Mode

# A field name or a list index, or a selector (``parties[role=shipper]``).
_LAST_STEP = re.compile(r"(?:\.[A-Za-z_][A-Za-z0-9_]*|\[[^\[\]]*\])$")
# An entry of an extensions map, whose key may hold dots and brackets (``extensions[cartaporte.Carro[2].Tipo]``).
_EXTENSION_ENTRY = re.compile(r"(?:^|\.)extensions(\[.*\])$")


def parent_path(path: str) -> str | None:
    """``consignments[2].extensions[x12.M11.09]`` -> ``consignments[2].extensions`` -> ``consignments[2]`` ->
    ``consignments`` -> ``""`` -> None."""
    if not path:
        return None
    entry = _EXTENSION_ENTRY.search(path)
    if entry is not None:
        return path[: entry.start(1)]
    match = _LAST_STEP.search(path)
    if match is None:
        return ""
    return path[: match.start()]


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


@dataclass(frozen=True, slots=True)
class SourceMap:
    """Positions of the values of one manifest, keyed by model field path (``consignments[0].gross_weight``).

    Indexes are 0-based. ``locate`` falls back to the nearest enclosing value that has a position, so a rule on
    ``consignments[0].gross_weight.unit`` still points at the weight's segment when only that is recorded.
    """

    positions: Mapping[str, Position] = field(default_factory=dict)

    def locate(self, path: str) -> Position | None:
        current: str | None = path
        while current is not None:
            found = self.positions.get(current)
            if found is not None:
                return found
            current = parent_path(current)
        return None


@dataclass(frozen=True, slots=True)
class Document:
    """What a reader got from one file: its manifests, one source map per manifest, and every finding."""

    format: str
    manifests: tuple[Manifest, ...] = ()
    source_maps: tuple[SourceMap, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()

    def source_map(self, index: int) -> SourceMap:
        return self.source_maps[index] if index < len(self.source_maps) else SourceMap()


@dataclass(frozen=True, slots=True)
class Written:
    data: bytes
    losses: tuple[Diagnostic, ...] = ()  # model values the output does not carry: a conversion must accept them
    notes: tuple[Diagnostic, ...] = ()  # what the reader of the output should know, with no value left behind


@dataclass(frozen=True, slots=True)
class ConsignmentChunk:
    """One consignment read from a stream, with the manifest-level data read before it."""

    manifest_index: int
    header: Manifest  # the manifest without its consignments
    index: int
    consignment: Consignment
    source_map: SourceMap
    diagnostics: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True, slots=True)
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


class Format(Protocol):
    NAME: str
    TITLE: str
    EXTENSIONS: tuple[str, ...]
    MODES: tuple[Mode, ...]

    def sniff(self, head: bytes) -> bool: ...

    def read(self, data: bytes) -> Document: ...

    def write(self, manifests: Sequence[Manifest]) -> Written: ...


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
