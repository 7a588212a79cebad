"""Reading an interchange with the handler of one transaction set (309 or 358) into a Document or a stream."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import BinaryIO

from manifest.diagnostics import Diagnostic
from manifest.formats.base import ConsignmentChunk, Document, ManifestEnd, SourceMap, StreamItem, without_ends
from manifest.formats.readers import collector_paused
from manifest.formats.x12 import convert as cv
from manifest.formats.x12 import responses, ts309, ts358
from manifest.formats.x12.envelope import Finding, SetContext, SetHandler
from manifest.formats.x12.interchange import run_stream, run_whole
from manifest.formats.x12.loops import Loop
from manifest.formats.x12.messages import NOT_THIS_SET
from manifest.formats.x12.read309 import Reader309, SetEnd
from manifest.model import Manifest


def factory_for(set_id: str) -> object:
    counter = [0]

    def factory(context: SetContext) -> tuple[Loop, SetHandler[object]] | Diagnostic:
        actual = context.st.get(1)
        if set_id == "309" and actual in responses.RESPONSE_SETS:
            # CBP's answers to a 309 or 358 are read by the X12 reader that takes every set but the 358.
            return responses.map_for(actual), responses.ResponseReader(context)
        if actual != set_id:
            position = context.st.position(1)
            return NOT_THIS_SET(
                line=position.line,
                column=position.column,
                location=position.location,
                value=actual,
                title=ts309.TITLES.get(actual, "unknown"),
                title_es=ts309.TITLES_ES.get(actual, "desconocido"),
                expected=set_id,
                expected_es=set_id,
                expected_title=f"the X12 {set_id} {ts309.TITLES[set_id]}",
                expected_title_es=f"el {ts309.TITLES_ES[set_id]} X12 {set_id}",
            )
        index = counter[0]
        counter[0] += 1
        if set_id == "309":
            return ts309.map_for(context.version), Reader309(context, index)
        from manifest.formats.x12.consist import Reader358

        return ts358.map_for(context.version), Reader358(context, index)

    return factory


def _diagnostics(findings: list[Finding], notes: list[Diagnostic]) -> tuple[Diagnostic, ...]:
    return tuple(notes) + tuple(f.diagnostic for f in findings)


def read(data: bytes, name: str, set_id: str) -> Document:
    with collector_paused():
        return _read(data, name, set_id)


def _read(data: bytes, name: str, set_id: str) -> Document:
    outputs: list[object]
    outputs, findings, notes = run_whole(data, factory_for(set_id))  # type: ignore[arg-type]
    manifests: list[Manifest] = []
    maps: list[SourceMap] = []
    consignments: dict[int, list[ConsignmentChunk]] = {}
    said: list[Diagnostic] = []
    for item in outputs:
        if isinstance(item, Diagnostic):
            said.append(item)
        elif isinstance(item, ConsignmentChunk):
            consignments.setdefault(item.manifest_index, []).append(item)
        elif isinstance(item, SetEnd):
            chunks = consignments.pop(item.manifest_index, [])
            positions = cv.SetPositions(item.positions, [chunk.source_map.positions for chunk in chunks])
            manifests.append(replace(item.header, consignments=tuple(c.consignment for c in chunks)))
            maps.append(SourceMap(positions))
    return Document(name, tuple(manifests), tuple(maps), _diagnostics(findings, notes) + tuple(said))


def stream(source: BinaryIO, set_id: str) -> Iterator[ConsignmentChunk | Diagnostic]:
    return without_ends(stream_parts(source, set_id))


def stream_parts(source: BinaryIO, set_id: str) -> Iterator[StreamItem]:
    """The stream with the end of each set: its header complete and located, for the rules on the manifest."""
    counts: dict[int, int] = {}
    for item in run_stream(source, factory_for(set_id)):  # type: ignore[arg-type]
        if isinstance(item, Finding):
            yield item.diagnostic
        elif isinstance(item, Diagnostic):
            yield item
        elif isinstance(item, ConsignmentChunk):
            counts[item.manifest_index] = counts.get(item.manifest_index, 0) + 1
            yield item
        elif isinstance(item, SetEnd):
            count = counts.pop(item.manifest_index, 0)
            yield ManifestEnd(item.manifest_index, item.header, SourceMap(item.positions), count)
