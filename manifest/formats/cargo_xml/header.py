"""MessageHeaderDocument and BusinessHeaderDocument: what the writer fills in when the model says nothing else.

MessageHeaderDocument (real samples): ID, Name, TypeCode (UN/EDIFACT 1001), IssueDateTime, PurposeCode (Creation,
Update, Deletion), VersionID, SenderParty and RecipientParty (PrimaryID with schemeID). BusinessHeaderDocument: ID
(the air waybill number in XFWB, the house number in XFZB), SenderAssignedID, IncludedHeaderNote (C consolidation,
D direct), signatures. The reader takes a header value only when it equals the writer's default, so any other value
stays in the manifest's extensions and is written back as it was.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from manifest.formats.cargo_xml.build import Node
from manifest.formats.cargo_xml.codes import OTHER_VERSION
from manifest.formats.cargo_xml.schema import Message
from manifest.formats.cargo_xml.source import Reading


def defaults(message: Message, document_id: str | None) -> dict[str, str | None]:
    return {
        "MessageHeaderDocument/ID": document_id,
        "MessageHeaderDocument/Name": message.name,
        "MessageHeaderDocument/TypeCode": message.type_code,
        "MessageHeaderDocument/PurposeCode": "Creation",
        "MessageHeaderDocument/VersionID": message.version,
        "BusinessHeaderDocument/ID": document_id,
    }


def read_header(reading: Reading, root: Any, message: Message, document_id: str | None) -> None:
    for path, default in defaults(message, document_id).items():
        element = reading.find(root, path)
        if element is not None and default is not None and (element.text or "").strip() == default:
            reading.take(element)
    version = reading.find(root, "MessageHeaderDocument/VersionID")
    found = (version.text or "").strip() if version is not None else ""
    if found and not same_version(found, message.version):
        # Told once; the value itself is kept in the extensions and written back as it was.
        told = OTHER_VERSION(message=message.code, value=found, known=message.version)
        reading.diagnostics.append(told.at(reading.position(version)))


def same_version(found: str, known: str) -> bool:
    """Whether VersionID ``found`` names version ``known``: "3" and "3.0" are 3.00, as a sender may write it."""
    try:
        return found == known or Decimal(found) == Decimal(known)
    except InvalidOperation:
        return False


def write_header(root: Node, message: Message, document_id: str | None) -> None:
    for path, default in defaults(message, document_id).items():
        root.set(path, default)
