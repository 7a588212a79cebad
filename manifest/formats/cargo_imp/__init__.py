"""``cargo-imp``: IATA Cargo-IMP air cargo text messages FWB (16, 17), FHL (5, 4) and FFM (8), read and written.

A file holds one or more messages, each opened by its standard message identifier (``FFM/8``) and optionally by the
Type B envelope lines that carried it. Each FWB message is one manifest; consecutive FHL messages for the same
master are one manifest, and so are the parts of a flight manifest (``CONT`` ... ``LAST``). Cargo-IMP dates have
no year: a day and month are read as the date nearest to the reference date (the day of reading unless given), so
a flight date more than six months away from it is listed as a loss when written.

Modules: :mod:`.lines` (physical lines and fields with columns), :mod:`.message` (messages and records),
:mod:`.grammar` (line tables), :mod:`.elements` (shared data elements), :mod:`.parties`, :mod:`.goods`, and one
module per message (:mod:`.fwb`, :mod:`.fhl`, :mod:`.ffm` with :mod:`.ffm_write` and :mod:`.ffm_layout`);
:mod:`.losses` finds what a written message leaves out.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import BinaryIO

from manifest.core.registry import described
from manifest.diagnostics import Diagnostic, ParseError
from manifest.formats.air_kind import NOT_OF_KIND, air_view
from manifest.formats.base import ConsignmentChunk, Document, ManifestEnd, SourceMap, StreamItem, Written, without_ends
from manifest.formats.cargo_imp import ffm, ffm_write, fhl, fwb
from manifest.formats.cargo_imp.airports import airport_view
from manifest.formats.cargo_imp.codes import (
    MESSAGE_TOO_LONG,
    NO_MESSAGE,
    NOT_AIR,
    NOT_AN_AIR_WAYBILL,
    STRAY_LINE,
    UNSUPPORTED_MESSAGE,
    UNSUPPORTED_VERSION,
)
from manifest.formats.cargo_imp.elements import TextWriter
from manifest.formats.cargo_imp.fwb import X_ENVELOPE, X_MESSAGE
from manifest.formats.cargo_imp.grammar import VERSIONS
from manifest.formats.cargo_imp.kinds import named_by_air_waybill
from manifest.formats.cargo_imp.lines import CRLF, MESSAGE_LIMIT, ControlScan, Line, decode, read_lines, split_lines
from manifest.formats.cargo_imp.losses import not_carried
from manifest.formats.cargo_imp.message import RawMessage, check_lengths, each_message, split_messages
from manifest.formats.cargo_imp.sink import Sink, place_extensions
from manifest.formats.readback import moves_of
from manifest.formats.readers import control_characters
from manifest.model import DocumentType, Manifest, Mode

DESCRIPTION = described("cargo-imp")
NAME = DESCRIPTION.name
TITLE = DESCRIPTION.title
EXTENSIONS = DESCRIPTION.extensions
MODES = DESCRIPTION.modes


sniff = DESCRIPTION.sniff


def today() -> date:
    return datetime.now(UTC).date()


def read(data: bytes) -> Document:
    return read_at(data, today())


def read_at(data: bytes, reference: date) -> Document:
    """Read ``data``, resolving year-less Cargo-IMP dates to those nearest ``reference``."""
    text = decode(data)
    unread: list[Diagnostic] = []
    messages, before = split_messages(split_lines(text, unread))
    diagnostics = [*control_characters(text), *unread, *_stray(before)]
    manifests: list[Manifest] = []
    maps: list[SourceMap] = []
    flights = ffm.PartsInFile()
    for group in _each_group(messages):
        manifest, source_map, found = _read_group(group, reference)
        diagnostics.extend(found)
        diagnostics.extend(flights.check(group))
        if manifest is not None:
            manifests.append(manifest)
            maps.append(source_map)
    if not manifests:
        raise ParseError(NO_MESSAGE(line=1, column=1, location="SMI"))
    return Document(NAME, tuple(manifests), tuple(maps), tuple(diagnostics))


def stream(source: BinaryIO) -> Iterator[ConsignmentChunk | Diagnostic]:
    return without_ends(stream_parts(source))


def stream_parts(source: BinaryIO) -> Iterator[StreamItem]:
    """The file read a message at a time (the parts of one flight manifest, or the FHL messages of one master,
    together, as :func:`read` joins them): memory holds one such group, not the file."""
    return stream_at(source, today())


def stream_at(source: BinaryIO, reference: date) -> Iterator[StreamItem]:
    before: list[Line] = []
    controls = ControlScan()
    unread: list[Diagnostic] = []
    count = 0
    flights = ffm.PartsInFile()
    for group in _each_group(each_message(read_lines(source, controls, unread), before)):
        yield from controls.found
        controls.found.clear()
        yield from unread
        unread.clear()
        if before:  # complete once the first message has ended
            yield from _stray(before)
            before.clear()
        manifest, source_map, found = _read_group(group, reference)
        yield from found
        yield from flights.check(group)
        if manifest is None:
            continue
        header = replace(manifest, consignments=())
        for index, consignment in enumerate(manifest.consignments):
            yield ConsignmentChunk(count, header, index, consignment, source_map)
        yield ManifestEnd(count, header, source_map, len(manifest.consignments))
        count += 1
    if not count:
        raise ParseError(NO_MESSAGE(line=1, column=1, location="SMI"))
    yield from controls.found
    yield from unread


def _stray(before: list[Line]) -> list[Diagnostic]:
    return [STRAY_LINE(line=line.number, column=1, location="line", value=line.text, message="file") for line in before]


def _read_group(group: list[RawMessage], reference: date) -> tuple[Manifest | None, SourceMap, list[Diagnostic]]:
    """One manifest from a message, or from the messages read together; None when the message is not supported."""
    first = group[0]
    if first.kind not in VERSIONS:
        unsupported = UNSUPPORTED_MESSAGE(line=first.smi.number, column=1, location="SMI", value=first.kind)
        return None, SourceMap(), [unsupported]
    sink = Sink(first.kind)
    known = VERSIONS[first.kind]
    if first.version not in known:
        sink.report(
            UNSUPPORTED_VERSION, first.smi, 5, "SMI", value=first.version, known=", ".join(known), used=known[-1]
        )
    for part in group:
        check_lengths(part, sink)
        length = sum(len(line.text) + len(CRLF) for line in [part.smi, *part.body])
        if length > MESSAGE_LIMIT:
            sink.report(MESSAGE_TOO_LONG, part.smi, 1, "SMI", length=length, limit=MESSAGE_LIMIT)
    # The message identifier stands for the whole manifest and for what it says of itself.
    for path in ("", "mode", "extensions[cargo-imp.message]"):
        sink.place(path, first.smi, 1, "SMI")
    sink.place("extensions[cargo-imp.version]", first.smi, 5, "SMI/version")
    if first.kind == "FWB":
        manifest = fwb.read(first, sink)
    elif first.kind == "FHL":
        manifest = fhl.read(group, sink)
    else:
        manifest = ffm.read(group, sink, reference)
    place_extensions(manifest, sink)
    return manifest, SourceMap(dict(sink.positions)), list(sink.diagnostics)


def _each_group(messages: Iterable[RawMessage]) -> Iterator[list[RawMessage]]:
    """Messages one by one, except the parts of a flight manifest: a part ending CONT is joined to the next message
    when that is a part of the same flight. Each group is handed out once the next message shows it is complete."""
    group: list[RawMessage] = []
    for message in messages:
        if group and (ffm.continues(group[-1], message) or _same_master(group, message)):
            group.append(message)
        else:
            if group:
                yield group
            group = [message]
    if group:
        yield group


def _same_master(group: list[RawMessage], message: RawMessage) -> bool:
    """Whether ``message`` is a further FHL for the master of the FHL ``group`` (one FHL per house is common)."""
    if not group or group[0].kind != "FHL" or message.kind != "FHL" or not message.body or not group[0].body:
        return False
    return message.body[0].text == group[0].body[0].text and message.body[0].text.startswith("MBI/")


# The Cargo-XML message each Cargo-IMP message corresponds to (IATA Cargo-XML Toolkit: XFWB is the XML FWB, XFZB
# and XFHL carry what FHL carries, XFFM is the XML FFM).
_COUNTERPARTS = {"XFWB": "FWB", "XFZB": "FHL", "XFHL": "FHL", "XFFM": "FFM"}


def message_kind(manifest: Manifest) -> str:
    """The message a manifest is written as: the one it was read from or its Cargo-XML counterpart, else FFM for a
    flight, FHL for a consolidation, FWB otherwise."""
    kept = manifest.extensions.get(X_MESSAGE)
    if kept in VERSIONS:
        return kept
    counterpart = _COUNTERPARTS.get(manifest.extensions.get("cargo-xml.message", ""))
    if counterpart is not None:
        return counterpart
    # FFM line 2 names the flight (carrier designator and flight number); a vessel voyage, a train or a truck trip
    # is no flight, so a surface manifest's trip number does not make it a flight manifest.
    flight = manifest.trip_number if manifest.mode is Mode.AIR else None
    if (manifest.conveyance and manifest.conveyance.flight_number) or flight:
        return "FFM"
    if any(c.document_type == DocumentType.HOUSE_AIR_WAYBILL for c in manifest.consignments):
        return "FHL"
    return "FWB"


def write(manifests: Sequence[Manifest]) -> Written:
    return write_at(manifests, today())


def write_at(manifests: Sequence[Manifest], reference: date) -> Written:
    """Write every manifest; losses are found by reading the result back with the same ``reference`` date."""
    texts: list[str] = []
    losses: list[Diagnostic] = []
    notes: list[Diagnostic] = []
    moves: list[tuple[str, str | None]] = []
    for number, given in enumerate(manifests):
        kind = message_kind(given)
        out = TextWriter(kind)
        manifest, left = air_view(given)
        out.losses.extend(
            NOT_AIR(
                field=v.field, value=v.value, message=kind, what=NOT_OF_KIND[v.kind][0], what_es=NOT_OF_KIND[v.kind][1]
            )
            for v in left
        )
        manifest, unfit = airport_view(manifest, kind)
        out.losses.extend(unfit)
        messages, origins = _messages(manifest, kind, out)
        envelope = manifest.extensions.get(X_ENVELOPE)
        text = "".join(line + CRLF for lines in messages for line in lines)
        if envelope:
            text = "".join(line + CRLF for line in envelope.split("\n")) + text
        texts.append(text)
        try:
            read_back = list(read_at(text.encode("utf-8"), reference).manifests)
        except ParseError:
            read_back = []
        found = out.losses + not_carried(manifest, read_back, kind, [d.field or "" for d in out.losses])
        told = out.notes
        if len(manifests) > 1:
            found = [replace(d, field=f"manifests[{number}].{d.field}") for d in found]
            told = [replace(d, field=f"manifests[{number}].{d.field}") for d in told]
        losses.extend(found)
        notes.extend(told)
        prefix = f"manifests[{number}]." if len(manifests) > 1 else ""
        moves.extend(
            (prefix + read_at, None if path is None else prefix + path)
            for read_at, path in moves_of("consignments", origins or ())
        )
    return Written("".join(texts).encode("utf-8"), tuple(losses), tuple(notes), tuple(moves))


def _messages(manifest: Manifest, kind: str, out: TextWriter) -> tuple[list[list[str]], tuple[int | None, ...] | None]:
    """The messages of ``manifest`` and, where they are read back in another order, the index of the consignment
    each consignment read back is written from (None where the order is the manifest's)."""
    if kind == "FFM":
        return [ffm_write.write(manifest, out)], None
    if kind == "FHL":
        return fhl.write(manifest, out)
    masters = [(i, c) for i, c in enumerate(manifest.consignments) if c.document_type != DocumentType.HOUSE_AIR_WAYBILL]
    out.losses.extend(
        NOT_AN_AIR_WAYBILL(field=f"consignments[{i}]", value=c.document_number, message=kind)
        for i, c in masters
        if not named_by_air_waybill(c)
    )
    return [fwb.write(manifest, c, i, out) for i, c in masters if named_by_air_waybill(c)], None
