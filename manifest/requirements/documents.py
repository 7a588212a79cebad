"""Kinds of document, and which kind a manifest was read from: a rule applies only to the kinds that carry its data.

A requirement to carry a datum concerns the documents filed with the agency that asks for it: CBP receives no
CFDI, a flight manifest names its air waybills only by number, and the X12 358 consist lists bills filed earlier.
A check of a value's form applies wherever the value appears.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from manifest.model import Manifest

# The kinds of document a rule can apply to (see document_kind): a manifest of a
# conveyance (X12 309, CUSCAR, a flight manifest FFM/XFFM), an air waybill message (FWB, XFWB), a house list or
# house waybill (FHL, XFHL, XFZB: the master named by number only), a rail consist (X12 358, which names bills filed
# earlier), a CFDI with Carta Porte, and the harmonized model itself (manifest-json, manifest-xml), which carries all;
# and the documents of one movement taken together, which ``manifest reconcile`` checks against each other (no
# single file is of that kind, so its rules never run on one file: see manifest.singlewindow).
DOCUMENTS = ("manifest", "waybill", "houses", "consist", "cfdi", "model", MOVEMENT := "movement")

# What kind of document each format holds.
# The IATA formats carry several messages; their readers keep the message name in extensions.
DOCUMENT_OF_FORMAT: Mapping[str, str] = MappingProxyType(
    {
        "x12-309": "manifest",
        "cuscar": "manifest",
        "cargo-imp": "manifest",
        "cargo-xml": "manifest",
        "x12-358": "consist",
        "carta-porte": "cfdi",
        "manifest-json": "model",
        "manifest-xml": "model",
    }
)
DOCUMENT_OF_MESSAGE: Mapping[str, str] = MappingProxyType(
    {
        "FFM": "manifest",  # Cargo-IMP flight manifest
        "XFFM": "manifest",
        "FWB": "waybill",  # Cargo-IMP air waybill
        "XFWB": "waybill",
        "FHL": "houses",  # Cargo-IMP house manifest (consolidation list)
        "XFHL": "houses",
        "XFZB": "houses",  # Cargo-XML house waybill
    }
)
_MESSAGE_KEYS = {"cargo-imp": "cargo-imp.message", "cargo-xml": "cargo-xml.message"}


def document_kind(format_name: str | None, manifest: Manifest | None = None) -> str:
    """The kind of document a manifest was read from; ``model`` (the harmonized model) when it cannot be told.

    Named formats decide, refined by the message for the IATA formats. Without a format name, the readers' own
    extension keys tell: the IATA message name, CFDI attributes (``cfdi.*``), or X12 functional group BD (the 004040
    358 consist, per the X12 dictionary).
    """
    extensions = manifest.extensions if manifest is not None else {}
    if format_name is not None and format_name not in _MESSAGE_KEYS:
        return DOCUMENT_OF_FORMAT.get(format_name, "model")
    keys = [_MESSAGE_KEYS[format_name]] if format_name is not None else list(_MESSAGE_KEYS.values())
    for key in keys:
        message = extensions.get(key, "").strip().upper()
        if message in DOCUMENT_OF_MESSAGE:
            return DOCUMENT_OF_MESSAGE[message]
    if format_name is not None:
        return DOCUMENT_OF_FORMAT.get(format_name, "model")
    if any(key.startswith("cfdi.") for key in extensions):
        return "cfdi"
    if extensions.get("x12.GS.01") == "BD":
        return "consist"
    return "model"
