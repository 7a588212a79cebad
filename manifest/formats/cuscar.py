"""``cuscar``: the UN/EDIFACT customs cargo report, directory D.95B and later.

One manifest per CUSCAR message: its mode from the first TDT's C220 (UN/ECE Recommendation 19; maritime unless it
names rail, road or air), TDT the vessel (name, IMO number or call sign, flag), voyage and
carrier, LOC/DTM the ports and moments of departure and arrival, one consignment per CNI (transport document), its
goods items (GID) and the equipment they are placed in (EQD, SGP, SEL). Parties identified by GLN (NAD C082 agency
9, as the Mexican CUSCAR guide identifies them) carry it as ``Party.code`` and a GLN tax id. Envelope values (UNB
sender, recipient, date, reference) are kept in the manifest's ``cuscar.UNB.*`` extensions when they differ from
what the writer would derive. Messages of other types are reported (CUS001) and skipped; a file with no CUSCAR at
all gives a document with no manifest and that diagnostic.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Iterator, Sequence
from dataclasses import replace

from manifest.core.canonical import value_text
from manifest.core.registry import described
from manifest.diagnostics import Diagnostic, ParseError
from manifest.formats.base import ConsignmentChunk, Document, ManifestEnd, SourceMap, StreamItem, Written, without_ends
from manifest.formats.charsets import first_non_utf8
from manifest.formats.edifact.characters import RepertoireCheck
from manifest.formats.edifact.cuscar_codes import (
    NO_CUSCAR,
    NOT_CARRIED,
    NOT_CUSCAR,
    NOT_TIED,
    READ_AS_THE_MESSAGES,
    UNKNOWN_DIRECTORY,
)
from manifest.formats.edifact.cuscar_read import MessageReader
from manifest.formats.edifact.cuscar_words import same_code
from manifest.formats.edifact.cuscar_write import interchange_defaults, write_interchange
from manifest.formats.edifact.envelope import SERVICE_TAGS, Envelope, InterchangeHeader, Kind, MessageHeader
from manifest.formats.edifact.opening import check_characters, open_interchange, prepare, stream_decoder
from manifest.formats.edifact.rawtext import compose
from manifest.formats.edifact.segments import Segment
from manifest.formats.edifact.syntax import LEVELS, UNA_LENGTH, UNCHECKED, Delimiters
from manifest.formats.edifact.tokenizer import Tokenizer
from manifest.formats.edifact.write_charset import fit_text, fit_to_level, recoded_losses, unow_note
from manifest.formats.readback import differences
from manifest.formats.readers import collector_paused
from manifest.model import Consignment, Equipment, Manifest

DESCRIPTION = described("cuscar")
NAME = DESCRIPTION.name
TITLE = DESCRIPTION.title
EXTENSIONS = DESCRIPTION.extensions
MODES = DESCRIPTION.modes

_HEAD = 512
_SLICE = 1 << 16  # characters tokenized at a time by read
# Directories D.95B to D.99B and D.00A on (the two-digit year wraps at 2000).
_DIRECTORY = re.compile(r"(95B|9[6-9][AB]|[0-8][0-9][AB])\Z")


sniff = DESCRIPTION.sniff


Item = tuple[MessageReader, "tuple[int, Consignment] | Manifest"]


class _Session:
    """Walks the segments of one interchange, reads its CUSCAR messages and reports everything else. Yields each
    consignment as its group closes and each manifest header as its message closes, with the reader of both."""

    def __init__(self, sink: list[Diagnostic], delimiters: Delimiters, record: bool) -> None:
        self.sink = sink
        self.delimiters = delimiters
        self.record = record  # positions recorded while reading (a stream) or worked out when asked for (read)
        self.envelope = Envelope(sink)
        self.reader: MessageReader | None = None
        self.manifest_index = -1
        self.handed_out = 0  # consignments of the current message handed out by a stream
        self.other_types: list[str] = []

    def walk(self, segments: list[Segment]) -> Iterator[Item]:
        envelope = self.envelope
        for segment in segments:
            if envelope.message is not None and segment.tag not in SERVICE_TAGS:
                # A body segment: the envelope has nothing to check in it (see Envelope).
                if self.reader is not None:
                    closed = self.reader.feed(segment)
                    if closed is not None:
                        yield self.reader, closed
                continue
            kind = envelope.accept(segment)
            if kind is Kind.START:
                yield from self._close()
                header = self.envelope.message
                assert header is not None
                self._start(header)
            elif kind is Kind.END or self.envelope.message is None:
                yield from self._close()

    def finish(self) -> Iterator[Item]:
        self.envelope.close()
        yield from self._close()

    def _start(self, header: MessageHeader) -> None:
        if header.type != "CUSCAR":
            self.other_types.append(header.type or "?")
            self.sink.append(
                NOT_CUSCAR(
                    reference=header.reference, type=header.type or "?", identifier=":".join(header.identifier)
                ).at(header.segment.position(2, 1))
            )
            return
        directory = ":".join(header.identifier[1:4])
        if header.segment.get(2, 2) != "D" or not _DIRECTORY.match(header.segment.get(2, 3)):
            self.sink.append(UNKNOWN_DIRECTORY(value=directory).at(header.segment.position(2, 2)))
        self.manifest_index += 1
        defaults = _envelope_extensions(header.interchange, self.manifest_index, header.reference)
        self.reader = MessageReader(header, self.sink, defaults, self.delimiters, self.record)

    def _close(self) -> Iterator[Item]:
        reader, self.reader = self.reader, None
        if reader is None:
            return
        header, last = reader.finish()
        if last is not None:
            yield reader, last
        yield reader, header


def _envelope_extensions(interchange: InterchangeHeader | None, index: int, reference: str) -> dict[str, str]:
    found: dict[str, str] = {}
    if reference != str(index + 1):
        found["cuscar.UNH.01"] = reference
    if interchange is None:
        # A message without UNB is reported (EDI011); the writer gives it the interchange ISO 9735 requires.
        return found
    unb = interchange.segment
    for element in range(1, len(unb.elements) + 1):
        if any(unb.components(element)):
            found[f"cuscar.UNB.{element:02d}"] = compose(unb.components(element))
    return found


def _prune(manifests: list[Manifest]) -> list[Manifest]:
    """Drop the envelope extensions equal to what the writer derives, so they do not stand out as data."""
    if not manifests:
        return manifests
    defaults = interchange_defaults(manifests)
    pruned = []
    for manifest in manifests:
        ext = dict(manifest.extensions)
        for key, value in defaults.items():
            # Under syntax version 4 the writer gives the date of preparation its century (CCYYMMDD).
            if ext.get(key) == value or (key == "cuscar.UNB.04" and ext.get(key) == "20" + value):
                del ext[key]
        # The writer chooses UNOC (version 3) or UNOW (version 4) by the characters it has to write.
        if ext.get("cuscar.UNB.01") in ("UNOC:3", "UNOW:4"):
            del ext["cuscar.UNB.01"]
        pruned.append(replace(manifest, extensions=ext))
    return pruned


def read(data: bytes) -> Document:
    with collector_paused():
        return _read(data)


def _read(data: bytes) -> Document:
    opening = open_interchange(data)
    sink: list[Diagnostic] = list(opening.diagnostics)
    sink.extend(check_characters(opening))
    skip = UNA_LENGTH if opening.una else 0
    tokenizer = Tokenizer(opening.delimiters, opening.line, opening.column + skip)
    if opening.column > 1 and not opening.preamble:  # locate() skipped only white space before it on its line
        tokenizer.indented(opening.line, opening.column)
    # The faults of the envelope and the messages are reported after those of the tokenizer, which are found in
    # the same pass.
    later: list[Diagnostic] = []
    session = _Session(later, opening.delimiters, record=False)
    manifests: list[Manifest] = []
    maps: list[SourceMap] = []
    pending: list[Consignment] = []
    for reader, item in _walk_text(session, tokenizer, opening.text, skip):
        if isinstance(item, Manifest):
            manifests.append(replace(item, consignments=tuple(pending)))
            maps.append(SourceMap(reader.source_positions()))
            pending = []
        else:
            pending.append(item[1])
    sink.extend(tokenizer.diagnostics)
    sink.extend(later)
    if not manifests:
        found = ", ".join(session.other_types) or "none"
        sink.append(NO_CUSCAR(line=opening.line, column=opening.column, found=found))
    return Document(NAME, tuple(_prune(manifests)), tuple(maps), tuple(sink))


def _walk_text(session: _Session, tokenizer: Tokenizer, text: str, start: int) -> Iterator[Item]:
    """The session's items over the whole text, tokenized a slice at a time: the segments of one slice are read
    and dropped before the next is cut, which keeps the working set small (and in the processor's cache)."""
    for at in range(start, len(text), _SLICE):
        yield from session.walk(tokenizer.feed(text[at : at + _SLICE]))
    yield from session.walk(tokenizer.finish())
    yield from session.finish()


def write(manifests: Sequence[Manifest]) -> Written:
    kept = manifests[0].extensions.get("cuscar.UNB.01") if manifests else None
    syntax = kept or "UNOC:3"
    level = LEVELS.get(syntax.split(":")[0], UNCHECKED)
    if level is UNCHECKED:
        data = write_interchange(manifests, syntax).encode(level.codec)
        back = _read_back(data)
        return Written(data, *_left_behind(manifests, back), read_back=back)
    notes: tuple[Diagnostic, ...] = ()
    if kept is None:
        # The writer's own choice: UNOC (ISO 8859-1), or UNOW (UTF-8 under syntax version 4) for text beyond it.
        try:
            write_interchange(manifests, syntax).encode(level.codec)
        except UnicodeEncodeError:
            syntax, level, notes = "UNOW:4", LEVELS["UNOW"], (unow_note(manifests),)
    # Every value is fitted to the repertoire of the level written (the one the interchange was received with, the
    # receiver's, or the writer's): no level holds the C0 and C1 control characters (ISO 9735-1 annex A).
    fitted, changes = fit_to_level(manifests, level)
    data = fit_text(write_interchange(fitted, syntax), level).encode(level.codec)
    if kept is None and level.codec != "utf-8" and not data.isascii() and first_non_utf8(data) is None:
        # ISO 8859-1 bytes that are valid UTF-8 throughout ('Â' before a symbol) would be taken for UTF-8 by a
        # reader that looks, as this one does (EDI020): UNOW says UTF-8 outright and leaves nothing to guess.
        syntax, level = "UNOW:4", LEVELS["UNOW"]
        fitted, changes = fit_to_level(manifests, level)
        data = fit_text(write_interchange(fitted, syntax), level).encode(level.codec)
    withheld = {change.path for change in changes if not change.written}
    back = _read_back(data)
    lost, moved = _left_behind(fitted, back)
    losses = [loss for loss in lost if loss.field not in withheld]
    carried_not = {loss.field or "" for loss in losses}
    recoded = recoded_losses(changes, syntax.split(":")[0], carried_not)
    return Written(data, (*recoded, *losses), (*notes, *moved), read_back=back)


def _read_back(data: bytes) -> tuple[Manifest, ...]:
    """The manifests read from the CUSCAR written; none when it cannot be read."""
    try:
        return tuple(read(data).manifests)
    except ParseError:
        return ()


def _left_behind(
    manifests: Sequence[Manifest], back: Sequence[Manifest]
) -> tuple[tuple[Diagnostic, ...], tuple[Diagnostic, ...]]:
    """What the written CUSCAR (read back as ``back``) does not give back (the losses), and the notes of where the
    equipment of a bill that CUSCAR cannot tie to it is read back."""
    lost: list[Diagnostic] = []
    moved: list[Diagnostic] = []
    for finding in _losses(manifests, back):
        (moved if finding.code == READ_AS_THE_MESSAGES.code else lost).append(finding)
    return tuple(lost), tuple(moved)


def _losses(manifests: Sequence[Manifest], back: Sequence[Manifest]) -> Iterator[Diagnostic]:
    for index, manifest in enumerate(manifests):
        copy = back[index] if index < len(back) else None
        prefix = f"manifests[{index}]." if len(manifests) > 1 else ""
        untied = _untied(manifest, copy)
        found = [(path, value) for path, value in differences(manifest, copy) if not _under_any(path, untied)]
        for path, (target, item, kept) in untied.items():
            # The bill loses its equipment (a finding on the bill's equipment is explained by the loss), and a
            # finding on the equipment read back is at the message's path: the note names it there.
            yield NOT_TIED(field=prefix + path, path=prefix + path, target=prefix + target)
            yield READ_AS_THE_MESSAGES(field=prefix + target, path=prefix + path, target=prefix + target)
            found.extend(differences(item, kept, path))
        for path, value in found:
            if isinstance(value, str) and same_code(path, value, _value_at(copy, path)):
                continue  # the same fact in CUSCAR's code list (manifest.codelists crosswalks)
            text = value_text(value)
            yield NOT_CARRIED(field=prefix + path, path=prefix + path, value=text[:80])


def _untied(manifest: Manifest, copy: Manifest | None) -> dict[str, tuple[str, Equipment, Equipment]]:
    """The equipment of each consignment that is read back as the message's (no goods item of the consignment is
    placed in it by SGP): its path, with the path it is read back at, the item and the item read back."""
    if copy is None:
        return {}
    declared = {item.identifier: j for j, item in reversed(list(enumerate(copy.equipment))) if item.identifier}
    untied: dict[str, tuple[str, Equipment, Equipment]] = {}
    for c, consignment in enumerate(manifest.consignments):
        kept = copy.consignments[c].equipment if c < len(copy.consignments) else ()
        tied = {item.identifier for item in kept}
        for e, item in enumerate(consignment.equipment):
            j = declared.get(item.identifier)
            if j is not None and item.identifier not in tied:
                untied[f"consignments[{c}].equipment[{e}]"] = (f"equipment[{j}]", item, copy.equipment[j])
    return untied


def _under_any(path: str, roots: typing.Collection[str]) -> bool:
    return any(path == root or path.startswith((root + ".", root + "[")) for root in roots)


def _value_at(manifest: Manifest | None, path: str) -> object:
    """The value at a model path (``consignments[0].goods[1].packages.kind``), None where there is none."""
    node: object = manifest
    for part in re.findall(r"[A-Za-z_]+|\[\d+\]", path):
        if node is None:
            return None
        if part.startswith("["):
            items = node if isinstance(node, tuple) else ()
            index = int(part[1:-1])
            node = items[index] if index < len(items) else None
        else:
            node = getattr(node, part, None)
    return node


def stream(source: typing.BinaryIO, chunk_size: int = 1 << 16) -> Iterator[ConsignmentChunk | Diagnostic]:
    """Consignments as they are read, each with the header of its message (equipment included, since the header
    is complete before the first CNI) and the positions of both; diagnostics as they are found. Memory is bounded
    by one consignment and one message header, not by the file. Every character is checked against the syntax
    level's repertoire (EDI004, EDI005) block by block, and found where a whole read finds it."""
    return without_ends(stream_parts(source, chunk_size))


def stream_parts(source: typing.BinaryIO, chunk_size: int = 1 << 16) -> Iterator[StreamItem]:
    """The stream with the end of each message: its header (the equipment no consignment took) and positions."""
    # The head must hold the UNA and the UNB syntax identifier, whatever the chunk size or the source delivers.
    head = b""
    while len(head) < max(chunk_size, _HEAD):
        more = source.read(max(chunk_size, _HEAD) - len(head))
        if not more:
            break
        head += more
    start, opening = prepare(head)
    sink: list[Diagnostic] = list(opening.diagnostics)
    decoder = stream_decoder(head[start:], opening, sink)
    characters = RepertoireCheck(
        opening.level, opening.syntax_identifier, opening.delimiters, opening.line, opening.column
    )
    skip = UNA_LENGTH if opening.una else 0
    text = decoder.decode(head[start:])
    sink.extend(characters.feed(text))
    text = text[skip:]
    tokenizer = Tokenizer(opening.delimiters, opening.line, opening.column + skip)
    if opening.column > 1 and not opening.preamble:  # locate() skipped only white space before it on its line
        tokenizer.indented(opening.line, opening.column)
    session = _Session(sink, opening.delimiters, record=True)
    yield from _drain(sink)
    while True:
        yield from _chunks(session, session.walk(tokenizer.feed(text)))
        sink.extend(tokenizer.diagnostics)
        tokenizer.diagnostics.clear()
        yield from _drain(sink)
        data = source.read(chunk_size)
        if not data:
            break
        text = decoder.decode(data)
        sink.extend(characters.feed(text))
    text = decoder.decode(b"", final=True)
    sink.extend(characters.feed(text))
    sink.extend(characters.finish())
    segments = tokenizer.feed(text) + tokenizer.finish()
    sink.extend(tokenizer.diagnostics)
    yield from _chunks(session, (*session.walk(segments), *session.finish()))
    if session.manifest_index < 0:
        sink.append(NO_CUSCAR(line=opening.line, column=opening.column, found=", ".join(session.other_types) or "none"))
    yield from _drain(sink)


def _chunks(session: _Session, items: typing.Iterable[Item]) -> Iterator[ConsignmentChunk | ManifestEnd]:
    for reader, item in items:
        if isinstance(item, Manifest):
            positions = SourceMap(reader.source_positions())
            yield ManifestEnd(session.manifest_index, replace(item, consignments=()), positions, session.handed_out)
            session.handed_out = 0
            continue
        session.handed_out += 1
        index, consignment = item
        header = reader.manifest_header(with_used=True)
        yield ConsignmentChunk(
            session.manifest_index, header, index, consignment, SourceMap(reader.take_positions(index))
        )


def _drain(sink: list[Diagnostic]) -> Iterator[Diagnostic]:
    yield from sink
    sink.clear()
