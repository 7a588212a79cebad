"""What a conversion reports about the values it leaves behind.

A writer lists each model value its format cannot carry (``Written.losses``) by model path. Two things are settled
here, the same way for every pair of formats:

* Each finding is pinned to the value's line and column in the *source* file, through the source map of the
  manifest it belongs to, so that a user can find what is left behind.
* The source format's envelope values that describe the transmission rather than the cargo (the syntax and
  version of the interchange, its control numbers, the moment it was prepared, and qualifiers that say "no
  information present") are not losses: a file in another format is a new transmission, which gets its own or
  none. They become notes (MF302), still listed with their value. Envelope values that name someone (interchange
  sender and receiver, their qualifiers, authorization values that are filled in) and any other value stay losses.
"""

from __future__ import annotations

import dataclasses
import re
from collections import Counter
from collections.abc import Mapping, Sequence

from manifest.core.document import Document, Written
from manifest.diagnostics import Diagnostic, Severity, define
from manifest.model import Manifest

TRANSMISSION_VALUE = define(
    "MF302",
    Severity.INFO,
    "$key ('$shown') belongs to the envelope of the $origin transmission ($why), not to the cargo; "
    "a $target file is a new transmission and does not repeat it",
    "$key ('$shown') pertenece al sobre de la transmisión $origin ($why_es), no a la carga; "
    "un archivo $target es una transmisión nueva y no lo repite",
    "ASC X12.5 (ISA/IEA), X12.6 (GS/GE, ST/SE); ISO 9735 (UNB, UNH); IATA Cargo-XML MessageHeaderDocument; "
    "IATA Cargo-IMP message identifier",
)

_SYNTAX = ("its syntax, version or message type", "su sintaxis, versión o tipo de mensaje")
_CONTROL = (
    "an identifier or control number of the transmission",
    "un identificador o número de control de la transmisión",
)
_PREPARED = ("the moment it was prepared", "el momento en que se preparó")
_NOTHING = ("it states that no information is present", "indica que no hay información")
_DEFAULT = ("the unmarked default of every interchange", "el valor implícito de todo intercambio")

# Envelope values that describe the transmission whatever they hold.
_TRANSMISSION: Mapping[str, tuple[str, str]] = {
    "x12.separators": _SYNTAX,
    "x12.ISA.11": _SYNTAX,  # repetition separator (00402 and later) or standards identifier 'U' (00401)
    "x12.ISA.12": _SYNTAX,  # interchange control version number
    "x12.ISA.16": _SYNTAX,  # component element separator
    "x12.GS.01": _SYNTAX,  # functional identifier code, fixed by the transaction set (SO for 309, BD for 358)
    "x12.GS.07": _SYNTAX,  # responsible agency code 'X'
    "x12.GS.08": _SYNTAX,  # version / release / industry identifier code
    "x12.ISA.13": _CONTROL,
    "x12.GS.06": _CONTROL,
    "x12.ST.02": _CONTROL,
    "x12.ISA.09": _PREPARED,
    "x12.ISA.10": _PREPARED,
    "x12.GS.04": _PREPARED,
    "x12.GS.05": _PREPARED,
    "cuscar.UNB.01": _SYNTAX,  # S001 syntax identifier and version
    "cuscar.UNB.04": _PREPARED,  # S004 date and time of preparation
    "cuscar.UNB.05": _CONTROL,  # 0020 interchange control reference
    "cuscar.UNH.01": _CONTROL,  # 0062 message reference number
    "cargo-xml.message": _SYNTAX,  # XFWB, XFZB, XFHL, XFFM: the message, chosen by the writer from the model
    "cargo-xml.MessageHeaderDocument/Name": _SYNTAX,
    "cargo-xml.MessageHeaderDocument/TypeCode": _SYNTAX,
    "cargo-xml.MessageHeaderDocument/ID": _CONTROL,
    "cargo-xml.MessageHeaderDocument/IssueDateTime": _PREPARED,
    "cargo-imp.message": _SYNTAX,  # FWB, FHL, FFM
    "cargo-imp.version": _SYNTAX,  # message version number
}
# Envelope values that carry nothing only when they hold these values (X12.5 code lists of ISA01, ISA03, ISA14 and
# ISA15: '00' no authorization / security information present, '0' no acknowledgment requested, 'P' production).
_UNMARKED: Mapping[str, tuple[str, tuple[str, str]]] = {
    "x12.ISA.01": ("00", _NOTHING),
    "x12.ISA.03": ("00", _NOTHING),
    "x12.ISA.14": ("0", _DEFAULT),
    "x12.ISA.15": ("P", _DEFAULT),
}
# ISA02 and ISA04 (authorization and security information) are blank when the qualifier says none is present.
_BLANK_WHEN_EMPTY = frozenset({"x12.ISA.02", "x12.ISA.04"})

_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")
_MANIFEST_PREFIX = re.compile(r"^manifests\[(\d+)\]\.")
_EXTENSION = re.compile(r"^extensions\[(.+)\]$")
_MODEL_ROOTS = frozenset(f.name for f in dataclasses.fields(Manifest))


def settle(written: Written, document: Document, target: str) -> Written:
    """``written`` with its losses and notes pinned to the source, and the transmission values moved to notes."""
    losses: list[Diagnostic] = []
    notes = [_pinned(d, document) for d in written.notes]
    for loss in written.losses:
        regenerated = _transmission_note(loss, document, target)
        if regenerated is not None:
            notes.append(_pinned(regenerated, document))
        else:
            losses.append(_pinned(loss, document))
    return dataclasses.replace(written, losses=tuple(losses), notes=tuple(notes))


def _split(field: str) -> tuple[int, str]:
    """``manifests[1].consignments[0]`` -> (1, ``consignments[0]``); a path without the prefix is the first's."""
    match = _MANIFEST_PREFIX.match(field)
    return (int(match.group(1)), field[match.end() :]) if match else (0, field)


def _extension_key(diagnostic: Diagnostic) -> tuple[int, str] | None:
    """The manifest and the key of a manifest-level extension that ``diagnostic`` reports, if it reports one.

    Writers spell the path ``extensions[key]`` (:func:`manifest.formats.readback.entry_path`)."""
    if not diagnostic.field:
        return None
    index, path = _split(diagnostic.field)
    match = _EXTENSION.match(path)
    return (index, match.group(1)) if match is not None else None


def _transmission_note(loss: Diagnostic, document: Document, target: str) -> Diagnostic | None:
    found = _extension_key(loss)
    if found is None or found[0] >= len(document.manifests):
        return None
    index, key = found
    value = document.manifests[index].extensions.get(key)
    if value is None:
        return None
    why = _why_transmission(key, value)
    if why is None:
        return None
    prefix = f"manifests[{index}]." if len(document.manifests) > 1 else ""
    return TRANSMISSION_VALUE(
        field=f"{prefix}extensions[{key}]",
        value=value,
        shown=_CONTROL_CHARACTER.sub(lambda match: f"\\x{ord(match.group()):02x}", value),  # separators: CR, LF
        key=key,
        origin=document.format,
        target=target,
        why=why[0],
        why_es=why[1],
    )


def _why_transmission(key: str, value: str) -> tuple[str, str] | None:
    if key in _TRANSMISSION:
        return _TRANSMISSION[key]
    if key in _UNMARKED:
        unmarked, why = _UNMARKED[key]
        return why if value.strip() == unmarked else None
    if key in _BLANK_WHEN_EMPTY and not value.strip():
        return _NOTHING
    return None


def _pinned(diagnostic: Diagnostic, document: Document) -> Diagnostic:
    """The finding at the line and column of its model value in the source, when the source map knows them."""
    if diagnostic.line is not None or not diagnostic.field:
        return diagnostic
    index, path = _split(diagnostic.field)
    root = re.split(r"[.\[]", path, maxsplit=1)[0]
    if root not in _MODEL_ROOTS or index >= len(document.manifests):
        return diagnostic  # not a model path (a writer may name the target's own element)
    return diagnostic.at(document.source_map(index).locate(path))


# The kinds a value left behind is counted under, in the order a report shows them, with the English name the
# catalogue translates (context "loss kind"). The kind follows from the model path: what holds the value.
LOSS_KINDS: Mapping[str, str] = {
    "parties": "party fields",
    "goods": "goods fields",
    "equipment": "equipment fields",
    "conveyance": "carrier and conveyance",
    "route": "places and route",
    "consignment": "other consignment fields",
    "manifest": "other manifest fields",
    "envelope": "envelope values",
    "format": "values proper to the source format",
    "other": "other values",
}
_CONVEYANCE_FIELDS = frozenset({"carrier", "conveyance", "trip_number"})
_ROUTE_FIELDS = frozenset(
    {
        "departure",
        "arrival",
        "stops",
        "office_of_entry",
        "direction",
        "country_from",
        "country_to",
        "place_of_receipt",
        "place_of_loading",
        "place_of_discharge",
        "place_of_delivery",
    }
)
_HELD_KINDS = {"parties": "parties", "goods": "goods", "equipment": "equipment"}
# The envelope of each format, as its reader keys it in a manifest's extensions: the X12 interchange, group and
# transaction set headers (ASC X12.5, X12.6), the EDIFACT service segments (ISO 9735), the IATA message header, and
# the CFDI voucher that carries a Carta Porte complement (Anexo 20).
_ENVELOPE_PREFIXES = (
    "x12.ISA.",
    "x12.GS.",
    "x12.ST.",
    "cuscar.UNA",
    "cuscar.UNB.",
    "cuscar.UNH.",
    "cargo-xml.MessageHeaderDocument/",
    "cfdi.",
)
_ENVELOPE_KEYS = frozenset(
    {"x12.separators", "cuscar.separators", "cargo-xml.message", "cargo-imp.message", "cargo-imp.version"}
)
_INDEXES = re.compile(r"\[[^\]]*\]")


def loss_kind(field: str | None) -> str:
    """The key in :data:`LOSS_KINDS` of a value left behind at model path ``field``.

    A value is counted with what holds it: ``consignments[1].goods[0].extensions[x12.N10.layout]`` is a goods
    field, ``parties[0].name`` a party field wherever the party stands. A manifest's own extensions are envelope
    values or values proper to the source format; a finding without a model path is one of the other values."""
    if not field:
        return "other"
    _, path = _split(field)
    names = _INDEXES.sub("", path).split(".")
    if names[0] not in _MODEL_ROOTS:
        return "other"
    if names[0] == "consignments":
        held = names[1] if len(names) > 1 else ""
        return _HELD_KINDS.get(held, "route" if held in _ROUTE_FIELDS else "consignment")
    if names[0] in _HELD_KINDS:
        return _HELD_KINDS[names[0]]
    if names[0] in _CONVEYANCE_FIELDS:
        return "conveyance"
    if names[0] in _ROUTE_FIELDS:
        return "route"
    if names[0] == "extensions":
        match = _EXTENSION.match(path)
        key = match.group(1) if match is not None else ""
        return "envelope" if key in _ENVELOPE_KEYS or key.startswith(_ENVELOPE_PREFIXES) else "format"
    return "manifest"


def count_by_kind(losses: Sequence[Diagnostic]) -> dict[str, int]:
    """How many of ``losses`` fall under each kind that has any, in the order of :data:`LOSS_KINDS`."""
    counts = Counter(loss_kind(loss.field) for loss in losses)
    return {kind: counts[kind] for kind in LOSS_KINDS if counts[kind]}
