"""Who an interchange is from and to: the sender and recipient identifiers of the X12 envelope (ISA06 and GS02,
ISA08 and GS03: ASC X12.5 and X12.6) and of the EDIFACT one (UNB S002/0004 and S003/0010: ISO 9735-1 section 9).

They name the trading partners of one transmission, not the cargo, so the model holds them only as the extensions
a file of that format was read with. A conversion writes a new transmission: the caller names its partners, and
when neither the caller nor the model does, the writer's placeholder is written and a note (MF305) says where, so
that nobody sends a file addressed to ``RECEIVER``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from manifest.diagnostics import Diagnostic, Severity, define
from manifest.model import Manifest
from manifest.slotted import record

PLACEHOLDER_WRITTEN = define(
    "MF305",
    Severity.INFO,
    "the $role of the interchange ($element) is not in the model: '$value' is written in its place; name it "
    "(convert --$role) before the file is sent",
    "el $role_es del intercambio ($element) no está en el modelo: se escribe '$value' en su lugar; indíquelo "
    "(convert --$role) antes de enviar el archivo",
    "ASC X12.5 ISA06/ISA08 and X12.6 GS02/GS03; ISO 9735-1 section 9, UNB S002/0004 and S003/0010",
)

ROLES = {"sender": "remitente", "recipient": "destinatario"}

# X12: ISA06/ISA08 are AN 15/15 and GS02/GS03 AN 2/15 (X12.5, X12.6), in the basic character set without the
# delimiters the writer uses (* > ~).
_X12_ID = re.compile(r"[A-Za-z0-9 .,\-/&()#@!?'+:=_]{2,15}")
# EDIFACT: S002/0004 and S003/0010 are an..35 (ISO 9735-1); the writer releases any delimiter a value holds.
_EDIFACT_ID = re.compile(r"[ -~]{1,35}")


@record
class Slot:
    """Where a format's envelope names one partner: the extension keys the writer takes it from, the elements they
    are, the form an identifier must have, how a value is kept in the keys, and the value written when the model
    has none (None when that default is a fact of the cargo, as a carrier's SCAC is)."""

    keys: tuple[str, ...]
    element: str
    form: re.Pattern[str]
    kept: Callable[[str, str], str]
    placeholder: Callable[[Sequence[Manifest]], str | None]


def _x12_kept(key: str, value: str) -> str:
    # ISA elements are of fixed width (X12.5): an identifier is padded with spaces; GS elements are not.
    return value.ljust(15) if key.startswith("x12.ISA.") else value


def _edifact_kept(_key: str, value: str) -> str:
    from manifest.formats.edifact.rawtext import compose

    return compose([value])


def _cuscar_sender(manifests: Sequence[Manifest]) -> str | None:
    from manifest.formats.edifact.cuscar_write import interchange_defaults

    written = interchange_defaults(manifests)["cuscar.UNB.02"]
    return written if written == "UNKNOWN" else None  # else the carrier's SCAC, which the model holds


_X12 = {
    "sender": Slot(("x12.ISA.06", "x12.GS.02"), "ISA06, GS02", _X12_ID, _x12_kept, lambda _: "SENDER"),
    "recipient": Slot(("x12.ISA.08", "x12.GS.03"), "ISA08, GS03", _X12_ID, _x12_kept, lambda _: "RECEIVER"),
}
SLOTS: dict[str, dict[str, Slot]] = {
    "x12-309": _X12,
    "x12-358": _X12,
    "cuscar": {
        "sender": Slot(("cuscar.UNB.02",), "UNB S002/0004", _EDIFACT_ID, _edifact_kept, _cuscar_sender),
        "recipient": Slot(("cuscar.UNB.03",), "UNB S003/0010", _EDIFACT_ID, _edifact_kept, lambda _: "UNKNOWN"),
    },
}


class AddressError(ValueError):
    """A partner named for a target that has no envelope, or an identifier its envelope cannot hold."""


def checked(target: str, **partners: str | None) -> dict[str, str]:
    """The partners given (``sender=``, ``recipient=``), each checked against ``target``'s envelope. Raises
    :class:`AddressError` for a target without an envelope or an identifier that its elements cannot hold."""
    given = {role: value for role, value in partners.items() if value is not None}
    if not given:
        return given
    slots = SLOTS.get(target)
    if slots is None:
        envelopes = ", ".join(SLOTS)
        raise AddressError(f"{target} has no interchange envelope to name a {' or '.join(given)} in ({envelopes} do)")
    for role, value in given.items():
        if slots[role].form.fullmatch(value) is None:
            raise AddressError(f"{value!r} cannot be the {role} of a {target} interchange ({slots[role].element})")
    return given


def addressed(manifests: Sequence[Manifest], target: str, **partners: str | None) -> tuple[Manifest, ...]:
    """``manifests`` with the partners given set where ``target``'s writer takes them (see :func:`checked`); the
    interchange is the first manifest's."""
    given = checked(target, **partners)
    if not given or not manifests:
        return tuple(manifests)
    extensions = dict(manifests[0].extensions)
    for role, value in given.items():
        slot = SLOTS[target][role]
        extensions.update({key: slot.kept(key, value) for key in slot.keys})
    return (replace(manifests[0], extensions=extensions), *manifests[1:])


def placeholders(manifests: Sequence[Manifest], target: str) -> tuple[Diagnostic, ...]:
    """A note (MF305) for each partner of ``target``'s interchange that neither the model nor the caller named."""
    slots = SLOTS.get(target, {})
    kept = manifests[0].extensions if manifests else {}
    notes = []
    for role, slot in slots.items():
        value = None if slot.keys[0] in kept else slot.placeholder(manifests)
        if value is not None:
            notes.append(PLACEHOLDER_WRITTEN(role=role, role_es=ROLES[role], element=slot.element, value=value))
    return tuple(notes)
