"""What a format says about itself, once: everything the layers above a reader need to know of it.

The registry (:mod:`manifest.core.registry`) holds one :class:`FormatDescription` per format, and every table that
used to list the formats by name is derived from it: the kind of document the requirements engine checks a file as,
the profile ``auto`` falls back on and why, the agencies that take the format, the MIME type of a SARIF artifact, the
envelope values a conversion does not carry over, the title and agency use of ``manifest formats``, the modes, the
file name endings and the test of a file's first bytes. A field has no default where a default would hide a
forgotten answer.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import field
from types import MappingProxyType
from typing import Literal, Protocol

from manifest.core.document import Document, Written
from manifest.model import Manifest, Mode
from manifest.slotted import record

# The kinds of document a rule can apply to: a manifest of a conveyance (X12 309, CUSCAR, a flight manifest FFM or
# XFFM), an air waybill message (FWB, XFWB), a house list or house waybill (FHL, XFHL, XFZB: the master named by
# number only), a rail consist (X12 358, which names bills filed earlier), a CFDI with Carta Porte, and the
# harmonized model itself (manifest-json, manifest-xml), which carries all.
DocumentKind = Literal["manifest", "waybill", "houses", "consist", "cfdi", "model"]
DOCUMENT_KINDS: tuple[DocumentKind, ...] = ("manifest", "waybill", "houses", "consist", "cfdi", "model")

# Why an envelope value belongs to the transmission and not to the cargo, in English and in Spanish.
Why = tuple[str, str]
SYNTAX: Why = ("its syntax, version or message type", "su sintaxis, versión o tipo de mensaje")
CONTROL: Why = (
    "an identifier or control number of the transmission",
    "un identificador o número de control de la transmisión",
)
PREPARED: Why = ("the moment it was prepared", "el momento en que se preparó")
NOTHING: Why = ("it states that no information is present", "indica que no hay información")
DEFAULT: Why = ("the unmarked default of every interchange", "el valor implícito de todo intercambio")


@record
class EnvelopeValue:
    """An envelope value that describes the transmission rather than the cargo, so that a conversion, which makes a
    new transmission, notes it instead of counting it as lost: always, or only when it holds ``only_when`` (the
    unmarked value: ``""`` for a blank)."""

    why: Why
    only_when: str | None = None

    def applies(self, value: str) -> bool:
        return self.only_when is None or value.strip() == self.only_when


@record
class AutoProfile:
    """The profile ``auto`` picks for a format when the file names neither a receiver nor a place, why, and which
    agencies take the format at all (``cbp``, ``sat``): a manifest whose traffic concerns both agencies is checked
    against the one agency that takes its format."""

    profile: str
    reason: str
    agencies: frozenset[str]


@record
class FormatDescription:
    name: str  # the public name: ``--format``, ``--to``, reports
    title: str
    agency_use: str
    document: DocumentKind  # the kind of document a file of the format is checked as
    auto: AutoProfile
    mime_type: str  # RFC 1767 registers EDI-X12 and EDIFACT; the XML and JSON formats are what their names say
    modes: tuple[Mode, ...]
    extensions: tuple[str, ...]  # file name endings, lower case, most specific first
    sniff: Callable[[bytes], bool]  # whether the first bytes of a file are in this format (manifest.core.sniffing)
    # A format of several messages: the extension key its reader keeps the message name under, and the kind of
    # document each message is (an air waybill is not a flight manifest).
    message_key: str | None = None
    documents_by_message: Mapping[str, DocumentKind] = field(default_factory=lambda: MappingProxyType({}))
    # Envelope values, by extension key, that belong to the transmission (see EnvelopeValue); a format without an
    # envelope of its own has none.
    transmission: Mapping[str, EnvelopeValue] = field(default_factory=lambda: MappingProxyType({}))

    def document_of(self, message: str | None) -> DocumentKind:
        """The kind of document of a file whose message (when the format has several) is ``message``."""
        if message is not None:
            return self.documents_by_message.get(message.strip().upper(), self.document)
        return self.document


class Format(Protocol):
    """What a format module is: its description, the description's names for the fields everyone reads, a test of a
    file's first bytes, a reader and a writer (see :mod:`manifest.formats.base` for what each promises)."""

    DESCRIPTION: FormatDescription
    NAME: str
    TITLE: str
    EXTENSIONS: tuple[str, ...]
    MODES: tuple[Mode, ...]

    def sniff(self, head: bytes) -> bool: ...

    def read(self, data: bytes) -> Document: ...

    def write(self, manifests: Sequence[Manifest]) -> Written: ...
