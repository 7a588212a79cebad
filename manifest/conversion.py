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
from collections.abc import Mapping

from manifest.diagnostics import Diagnostic, Severity, define
from manifest.formats.base import Document, Written
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
