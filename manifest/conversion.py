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
from manifest.core.paths import extension_key, field_names, leading_index
from manifest.core.registry import transmission_value
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

_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f]")
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
    return leading_index(field, "manifests") or (0, field)


def _extension_key(diagnostic: Diagnostic) -> tuple[int, str] | None:
    """The manifest and the key of a manifest-level extension that ``diagnostic`` reports, if it reports one.

    Writers spell the path ``extensions[key]`` (:func:`manifest.core.paths.entry_path`)."""
    if not diagnostic.field:
        return None
    index, path = _split(diagnostic.field)
    key = extension_key(path)
    return (index, key) if key is not None else None


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
    """Why envelope value ``key`` belongs to the transmission, as the format that writes it describes its envelope."""
    found = transmission_value(key, value)
    return found.why if found is not None else None


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


def loss_kind(field: str | None) -> str:
    """The key in :data:`LOSS_KINDS` of a value left behind at model path ``field``.

    A value is counted with what holds it: ``consignments[1].goods[0].extensions[x12.N10.layout]`` is a goods
    field, ``parties[0].name`` a party field wherever the party stands. A manifest's own extensions are envelope
    values or values proper to the source format; a finding without a model path is one of the other values."""
    if not field:
        return "other"
    _, path = _split(field)
    names = field_names(path)
    if not names or names[0] not in _MODEL_ROOTS:
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
        key = extension_key(path) or ""
        return "envelope" if key in _ENVELOPE_KEYS or key.startswith(_ENVELOPE_PREFIXES) else "format"
    return "manifest"


def count_by_kind(losses: Sequence[Diagnostic]) -> dict[str, int]:
    """How many of ``losses`` fall under each kind that has any, in the order of :data:`LOSS_KINDS`."""
    counts = Counter(loss_kind(loss.field) for loss in losses)
    return {kind: counts[kind] for kind in LOSS_KINDS if counts[kind]}
