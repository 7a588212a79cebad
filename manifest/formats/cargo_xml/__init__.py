"""``cargo-xml``: IATA Cargo-XML messages XFWB, XFZB, XFHL and XFFM (VUCEM air, CBP ACAS).

One file holds one message, read into one manifest of mode AIR:

- XFWB (master air waybill, ``iata:waybill:1``): one AIR_WAYBILL consignment, its first flight as the manifest's.
- XFZB (house waybill, ``iata:housewaybill:1``) and XFHL (house manifest, ``iata:housemanifest:1``): the master
  as an AIR_WAYBILL consignment followed by its houses, HOUSE_AIR_WAYBILL with master_number set.
- XFFM (flight manifest, ``iata:flightmanifest:1``): the flight, its points of unloading, the ULDs as manifest
  equipment and each waybill as a consignment whose goods items are the parts loaded in each ULD or in bulk.

Customs notes (IncludedCustomsNote, including the US ACAS notes with SubjectCode CUS and CountryID US) go to
``Consignment.customs_notes``; special handling codes to ``Consignment.handling_codes``. Every value with no model
field is kept in the ``extensions`` of the model object whose element encloses it, under ``cargo-xml.<path>``, and
``cargo-xml.message`` names the message type, so that writing the same message type gives the same data back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from manifest.core.registry import described
from manifest.diagnostics import Diagnostic, ParseError
from manifest.formats import xmlsafe
from manifest.formats.air_kind import NOT_OF_KIND, air_view, air_weights
from manifest.formats.base import Document, SourceMap, Written
from manifest.formats.cargo_xml import codes
from manifest.formats.cargo_xml.build import Node, serialize
from manifest.formats.cargo_xml.flight import read_flight_manifest, unloading_notes, write_flight_manifest
from manifest.formats.cargo_xml.houses import read_houses, write_houses
from manifest.formats.cargo_xml.numbers import NOT_AIR, listed, named, waybill_index
from manifest.formats.cargo_xml.schema import BY_ROOT, MESSAGES, XFFM, XFHL, XFWB, XFZB, Message
from manifest.formats.cargo_xml.source import EXT, Reading
from manifest.formats.cargo_xml.waybill import read_waybill, write_waybill
from manifest.formats.readback import differences, moves_of, renumbered, within_any
from manifest.model import DocumentType, Manifest, Mode

DESCRIPTION = described("cargo-xml")
NAME = DESCRIPTION.name
TITLE = DESCRIPTION.title
EXTENSIONS = DESCRIPTION.extensions
MODES = DESCRIPTION.modes

MESSAGE_KEY = f"{EXT}message"


sniff = DESCRIPTION.sniff


def read(data: bytes) -> Document:
    root = xmlsafe.parse(data).getroot()
    namespace, _, local = str(root.tag).lstrip("{").rpartition("}")
    message = BY_ROOT.get((namespace, local))
    if message is None:
        raise ParseError(codes.UNKNOWN_MESSAGE(line=root.sourceline, column=1, location=f"/{local}", found=root.tag))
    reading = Reading(root, data)
    reading.place("", root)  # what is not placed more closely is placed at the message
    if message is XFWB:
        manifest = read_waybill(reading, root)
    elif message is XFFM:
        manifest = read_flight_manifest(reading, root)
    else:
        manifest = read_houses(reading, root, message)
    return Document(NAME, (manifest,), (SourceMap(reading.located()),), tuple(reading.diagnostics))


def message_for(manifest: Manifest) -> Message:
    """The message type a manifest is written as: the one it was read from, else the one its content calls for."""
    named = MESSAGES.get(manifest.extensions.get(MESSAGE_KEY, ""))
    if named is not None:
        return named
    masters = [c for c in manifest.consignments if c.document_type != DocumentType.HOUSE_AIR_WAYBILL]
    houses = len(manifest.consignments) - len(masters)
    if houses:
        return XFZB if houses == 1 and len(masters) <= 1 else XFHL
    # An XFWB is the air waybill of one consignment, and its reader reads a MasterConsignment as one: a manifest
    # without consignments is a flight manifest that lists no waybill (CXML016), not an XFWB of a waybill the model
    # does not hold.
    return XFWB if len(masters) == 1 else XFFM


def _build(manifest: Manifest, message: Message) -> Node:
    if message is XFWB:
        return write_waybill(manifest)
    if message is XFFM:
        return write_flight_manifest(manifest)
    return write_houses(manifest, message)


def write(manifests: Sequence[Manifest]) -> Written:
    if not manifests:
        return Written(b"")
    message = message_for(manifests[0])
    view, left = air_view(manifests[0])
    view, weights = air_weights(view)
    left += weights
    losses: list[Diagnostic] = [
        codes.ONE_MESSAGE_PER_FILE(field=f"manifests[{index}]", index=index) for index in range(1, len(manifests))
    ]
    losses.extend(
        NOT_AIR(field=v.field, value=v.value, what=NOT_OF_KIND[v.kind][0], what_es=NOT_OF_KIND[v.kind][1]) for v in left
    )
    if message is XFFM and not _flies(view):
        return _not_a_flight(view, losses)
    shown = named(view, message)
    data = serialize(_build(shown.manifest, message), message)
    losses.extend(shown.losses)
    read_back = tuple(read(data).manifests)
    reread: Manifest = read_back[0]
    told = [d.field or "" for d in losses]
    back = _read_back_order(shown.manifest, message)
    origins = tuple(None if index is None else shown.origins[index] for index in back)
    moves = moves_of("consignments", origins)
    if message is XFFM and shown.manifest.stops and shown.manifest.arrival is None:
        # The last ArrivalEvent is the manifest's arrival: the last stop of a manifest without one is read back so,
        # and is compared as the stop it was written from. Its findings stay the arrival's, which is what the
        # manifest's rules check (the source's own arrival lacks what the stop lacks).
        last = () if reread.arrival is None else (reread.arrival,)
        reread = replace(reread, stops=(*reread.stops, *last), arrival=None)
    lost = (renumbered(path, "consignments", shown.origins) for path in _not_read_back(shown.manifest, reread, back))
    losses.extend(codes.NOT_CARRIED(field=path, message=message.code) for path in lost if not within_any(path, told))
    notes = (*shown.notes, *unloading_notes(shown.manifest)) if message is XFFM else shown.notes
    return Written(data, tuple(losses), notes, moves, read_back)


def _flies(manifest: Manifest) -> bool:
    """Whether ``manifest`` is a flight's: an air manifest (whose flight number may be missing, and is noted), or one
    that names a flight (an air view keeps only a flight designator). A vessel's voyage, a train or a truck trip is
    no flight, and no XFFM is written for it, as no FFM is (:func:`manifest.formats.cargo_imp.message_kind`)."""
    return manifest.mode is Mode.AIR or bool(manifest.conveyance and manifest.conveyance.flight_number)


def _not_a_flight(manifest: Manifest, losses: list[Diagnostic]) -> Written:
    """Nothing, for a surface manifest that no Cargo-XML message holds: its mode, with why (CXML020), and each
    other value as not carried, as a file of no message carries none."""
    count = str(len(manifest.consignments))
    losses.append(codes.NOT_A_FLIGHT(field="mode", value=manifest.mode.value, count=count))
    told = [d.field or "" for d in losses]
    nothing = Manifest(mode=Mode.AIR)
    lost = (path for path, _ in differences(manifest, nothing) if path and not within_any(path, told))
    losses.extend(codes.NOT_CARRIED(field=path, message=XFFM.code) for path in lost)
    return Written(b"", tuple(losses))


def _read_back_order(manifest: Manifest, message: Message) -> tuple[int | None, ...]:
    """For each consignment the message's reader reads back, in order, the index of the consignment of
    ``manifest`` it is written from; None for the master an XFZB or XFHL names by number alone."""
    if message is XFFM:
        return tuple(range(len(manifest.consignments)))
    if message is XFWB:
        index = waybill_index(manifest)
        return () if index is None else (index,)
    master, houses = listed(manifest, message)
    return (master, *houses)


def _not_read_back(manifest: Manifest, reread: Manifest, back: Sequence[int | None]) -> list[str]:
    """The paths of the values of ``manifest`` that ``reread`` lacks, each consignment compared with the one read
    back from it (``back``, as :func:`_read_back_order` gives it), or with none."""
    headers = (replace(manifest, consignments=()), replace(reread, consignments=()))
    found = [path for path, _ in differences(*headers, any_order=True) if path]
    kept = {
        index: reread.consignments[k]
        for k, index in enumerate(back)
        if index is not None and k < len(reread.consignments)
    }
    for index, consignment in enumerate(manifest.consignments):
        found.extend(
            path
            for path, _ in differences(consignment, kept.get(index), f"consignments[{index}]", any_order=True)
            if path
        )
    return found
