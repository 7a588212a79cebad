"""Kinds of document, and which kind a manifest was read from: a rule applies only to the kinds that carry its data.

A requirement to carry a datum concerns the documents filed with the agency that asks for it: CBP receives no
CFDI, a flight manifest names its air waybills only by number, and the X12 358 consist lists bills filed earlier.
A check of a value's form applies wherever the value appears.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from manifest.core.description import DOCUMENT_KINDS
from manifest.core.registry import FORMATS, described
from manifest.model import Manifest

# The kinds of document a rule can apply to (manifest.core.description.DOCUMENT_KINDS), and the documents of one
# movement taken together, which ``manifest reconcile`` checks against each other (no single file is of that kind,
# so its rules never run on one file: see manifest.singlewindow).
DOCUMENTS = (*DOCUMENT_KINDS, MOVEMENT := "movement")

# What kind of document each format holds, and each message of the formats that carry several, as the formats
# describe themselves (manifest.core.registry).
DOCUMENT_OF_FORMAT: Mapping[str, str] = MappingProxyType(
    {name: info.description.document for name, info in FORMATS.items()}
)
DOCUMENT_OF_MESSAGE: Mapping[str, str] = MappingProxyType(
    {message: kind for info in FORMATS.values() for message, kind in info.description.documents_by_message.items()}
)


def document_kind(format_name: str | None, manifest: Manifest | None = None) -> str:
    """The kind of document a manifest was read from; ``model`` (the harmonized model) when it cannot be told.

    A named format decides, as its description says (refined by the message for the IATA formats); an unknown name
    is a KeyError, never silently the model. Without a format name, the readers' own
    extension keys tell: the IATA message name, CFDI attributes (``cfdi.*``), or X12 functional group BD (the 004040
    358 consist, per the X12 dictionary).
    """
    extensions = manifest.extensions if manifest is not None else {}
    if format_name is not None:
        description = described(format_name)
        key = description.message_key
        return description.document_of(extensions.get(key) if key is not None else None)
    for info in FORMATS.values():
        key = info.description.message_key
        message = extensions.get(key, "").strip().upper() if key is not None else ""
        if message in info.description.documents_by_message:
            return info.description.documents_by_message[message]
    if any(key.startswith("cfdi.") for key in extensions):
        return "cfdi"
    if extensions.get("x12.GS.01") == "BD":
        return "consist"
    return "model"
