"""How each format's files are recognised: a test of their first bytes.

Kept apart from the readers, so that telling a file's format imports none of them: a pre-commit hook hands the
command files of every kind, most in no format at all, and importing eight readers (lxml and the SAT schemas among
them) to say so cost more than checking a manifest. Each format's description (:mod:`manifest.core.registry`) names
its test here; the format module exposes it as ``sniff``.
"""

from __future__ import annotations

import re

from manifest.core.canonical import NAMESPACE

# IATA Cargo-XML message namespaces (XFWB, XFZB, XFHL, XFFM), as manifest.formats.cargo_xml.schema defines the
# messages.
CARGO_XML_NAMESPACES = ("iata:waybill:1", "iata:housewaybill:1", "iata:housemanifest:1", "iata:flightmanifest:1")

_CARGO_IMP_SMI = re.compile(r"(?:FWB|FHL|FFM)/[0-9]{1,3}")
_CARGO_IMP_ENVELOPE = re.compile(r"Q[A-Z] [A-Z0-9]{7}(?: [A-Z0-9]{7})*|\.[A-Z0-9]{7}(?: .*)?|\s*")
_MANIFEST_JSON = re.compile(rb'\A(?:\xef\xbb\xbf)?\s*\{\s*"(?:format|version|manifests)"')
_X12 = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*ISA(.)")
_EDIFACT = re.compile(rb"\A(?:\xef\xbb\xbf)?\s*UN[ABH]")
# An interchange behind a short preamble, such as the header line some accounting software writes before its UNA:
# the preamble is at most EDIFACT_PREAMBLE bytes, and the interchange starts at the beginning of a line or right
# after an apostrophe (the default segment terminator, which ends such header lines). Only a head that cannot be
# anything else counts: a service string advice (UNA and six service characters, ISO 9735-1 section 9) followed by
# UNB, or UNB with a syntax identifier and its version (S001: four letters, a separator, a digit 1 to 4). A preamble
# holding markup is none: a document that quotes an interchange is not taken for one.
EDIFACT_PREAMBLE = 1024
_EDIFACT_BEHIND_PREAMBLE = re.compile(
    rb"(?:^|(?<=[\r\n']))(?:UNA[^\r\n]{6}[\r\n]*UNB|UNB[^A-Za-z0-9\s][A-Z]{4}[^A-Za-z0-9\s][1-4])"
)
# CFDI 4.0, and CFDI 3.3 so that it is read and told as the version this tool does not read (CP005).
_CFDI = re.compile(rb"http://www\.sat\.gob\.mx/(?:cfd/[34]|CartaPorte)")


def cargo_imp(head: bytes) -> bool:
    """True when the first line that is not a Type B envelope line is an FWB, FHL or FFM message identifier."""
    text = head.decode("latin-1").lstrip("\ufeff\xef\xbb\xbf")
    for line in re.split(r"\r\n|\r|\n", text, maxsplit=12)[:12]:
        if _CARGO_IMP_SMI.fullmatch(line.rstrip()):
            return True
        if not _CARGO_IMP_ENVELOPE.fullmatch(line):
            return False
    return False


def manifest_json(head: bytes) -> bool:
    return _MANIFEST_JSON.match(head) is not None


def manifest_xml(head: bytes) -> bool:
    return NAMESPACE.encode() in head and b"<" in head


def x12(head: bytes, set_id: str) -> bool:
    """An interchange whose first set is ``set_id``; the 309 also takes X12 files whose set is not a 358, so that
    any other set is read and said not to be a manifest rather than left unrecognised."""
    match = _X12.match(head)
    if match is None:
        return False
    separator = re.escape(match.group(1))
    found = re.search(rb"(?:^|[^A-Z0-9])ST" + separator + rb"([0-9]{3})", head)
    if found is None:
        return set_id == "309"
    actual = found.group(1).decode("ascii")
    return actual == set_id or (set_id == "309" and actual != "358")


def x12_309(head: bytes) -> bool:
    return x12(head, "309")


def x12_358(head: bytes) -> bool:
    return x12(head, "358")


def edifact_behind_preamble(head: bytes) -> int | None:
    """The offset of an interchange that starts after a short preamble that is not EDIFACT, or None."""
    found = _EDIFACT_BEHIND_PREAMBLE.search(head, 0, EDIFACT_PREAMBLE + 16)
    if found is None or found.start() > EDIFACT_PREAMBLE or b"<" in head[: found.start()]:
        return None
    return found.start()


def cuscar(head: bytes) -> bool:
    return (
        _EDIFACT.match(head) is not None
        or (b"CUSCAR" in head and b"UNH" in head)
        or edifact_behind_preamble(head) is not None
    )


def cargo_xml(head: bytes) -> bool:
    return b"<" in head and any(namespace.encode() in head for namespace in CARGO_XML_NAMESPACES)


def carta_porte(head: bytes) -> bool:
    return b"<" in head and _CFDI.search(head) is not None and b"Comprobante" in head
