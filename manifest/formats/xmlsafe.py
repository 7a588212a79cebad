"""Parsing XML from untrusted files: no entity expansion, no DTD, no XInclude, no network, bounded size.

Every XML format goes through :func:`parse`. A manifest never needs a DTD, so any DOCTYPE is refused outright:
that closes entity expansion (billion laughs, quadratic blow-up) and external entities (file and network) at once.
The DOCTYPE is looked for in the document's own encoding (a UTF-16 file hides it from a search of the bytes), and
once more in what the parser saw. XInclude is never processed (lxml only includes when asked), and an include
element is refused so that nobody takes a file that names another file for one that holds it. libxml2's limits
without XML_PARSE_HUGE bound the rest: 256 levels of nesting, 10,000,000 characters in one text, attribute or name.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from typing import Any, BinaryIO

from lxml import etree

from manifest.diagnostics import Diagnostic, ParseError, Severity, define
from manifest.formats.charsets import XmlEncoding, first_non_utf8, line_column, xml_encoding, xml_text

NOT_XML = define(
    "XML001",
    Severity.ERROR,
    "not well-formed XML: $reason",
    "XML mal formado: $reason",
    "W3C XML 1.0",
)
DOCTYPE_REFUSED = define(
    "XML002",
    Severity.ERROR,
    "a DOCTYPE declaration is not allowed in a manifest (entities and external DTDs are never loaded)",
    "no se permite una declaración DOCTYPE en un manifiesto (nunca se cargan entidades ni DTD externos)",
    "OWASP XML External Entity Prevention",
)
XINCLUDE_REFUSED = define(
    "XML003",
    Severity.ERROR,
    "XInclude element $value is not allowed in a manifest; nothing is included",
    "no se permite el elemento XInclude $value en un manifiesto; no se incluye nada",
    "W3C XML Inclusions 1.0; OWASP XML Security Cheat Sheet (XInclude attacks)",
)
TOO_DEEP = define(
    "XML004",
    Severity.ERROR,
    "elements are nested more than $limit levels deep",
    "los elementos se anidan a más de $limit niveles de profundidad",
    "libxml2 parser limit (xmlParserMaxDepth without XML_PARSE_HUGE)",
)
TOO_LARGE = define(
    "XML005",
    Severity.ERROR,
    "a text, attribute value or name is longer than the $limit characters a manifest may hold in one piece",
    "un texto, valor de atributo o nombre supera los $limit caracteres que un manifiesto admite en una pieza",
    "libxml2 parser limit (XML_MAX_TEXT_LENGTH without XML_PARSE_HUGE)",
)
WRONG_BYTES = define(
    "XML006",
    Severity.ERROR,
    "byte $offset ($value) is not $encoding, the encoding the document $how; was it saved as Latin-1 or Windows-1252?",
    "el byte $offset ($value) no es $encoding, la codificación que el documento $how_es; "
    "¿se guardó como Latin-1 o Windows-1252?",
    "W3C XML 1.0 section 4.3.3 (character encoding in entities)",
)
UTF8_DECLARED_OTHERWISE = define(
    "XML007",
    Severity.ERROR,
    "the document declares encoding $encoding but its bytes are UTF-8 ('$value'); read as declared it would be "
    "mis-decoded: correct the declaration",
    "el documento declara la codificación $encoding pero sus bytes son UTF-8 ('$value'); leído como se declara "
    "quedaría mal decodificado: corrija la declaración",
    "W3C XML 1.0 section 4.3.3 (character encoding in entities)",
)
UNKNOWN_ENCODING = define(
    "XML008",
    Severity.ERROR,
    "the declared encoding '$value' is not known",
    "la codificación declarada '$value' no se conoce",
    "W3C XML 1.0 section 4.3.3 (EncodingDecl)",
)

XINCLUDE_NAMESPACES = ("http://www.w3.org/2001/XInclude", "http://www.w3.org/2003/XInclude")
DEPTH_LIMIT = 256
SIZE_LIMIT = 10_000_000

_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_DOCTYPE_TEXT = re.compile(r"<!DOCTYPE", re.IGNORECASE)
# Single-byte encodings in which every byte is a character: UTF-8 bytes read in them decode without complaint.
_SINGLE_BYTE = re.compile(r"(iso8859|latin|cp125|windows-125)", re.IGNORECASE)
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xf4][\x80-\xbf]+")


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        load_dtd=False,
        dtd_validation=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
    )


def parse(data: bytes) -> etree._ElementTree:
    """Parse ``data``; a fault is a ParseError with the line and column of its cause."""
    encoding = xml_encoding(data)
    _refuse_doctype(data, encoding)
    _refuse_lying_declaration(data, encoding)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as error:
        raise ParseError(_syntax_error(data, encoding, error)) from error
    if root is None:
        raise ParseError(NOT_XML(line=1, column=1, reason="empty document"))
    tree = root.getroottree()
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise ParseError(DOCTYPE_REFUSED(line=1, column=1))
    included = next(root.iter(*(f"{{{namespace}}}*" for namespace in XINCLUDE_NAMESPACES)), None)
    if included is not None:
        raise ParseError(
            XINCLUDE_REFUSED(line=included.sourceline or 1, location=tree.getpath(included), value=included.tag)
        )
    return tree


def _refuse_doctype(data: bytes, encoding: XmlEncoding) -> None:
    if encoding.ascii_compatible:
        found = _DOCTYPE.search(data)
        if found is not None:
            line, column = line_column(data, found.start())
            raise ParseError(DOCTYPE_REFUSED(line=line, column=column))
        return
    text = xml_text(data)
    found_text = _DOCTYPE_TEXT.search(text)
    if found_text is not None:
        at = found_text.start()
        raise ParseError(
            DOCTYPE_REFUSED(line=text.count("\n", 0, at) + 1, column=at - (text.rfind("\n", 0, at) + 1) + 1)
        )


def _refuse_lying_declaration(data: bytes, encoding: XmlEncoding) -> None:
    """A document declared in a single-byte encoding whose bytes are UTF-8 parses without error and reads every
    accented letter as two wrong ones ('PEÃ\u0091A'); the bytes tell, so the declaration is not believed."""
    if encoding.declared is None or not _SINGLE_BYTE.search(encoding.codec) or data.isascii():
        return
    sequence = _UTF8_SEQUENCE.search(data)
    if sequence is None or first_non_utf8(data) is not None:
        return
    line, column = line_column(data, sequence.start())
    raise ParseError(
        UTF8_DECLARED_OTHERWISE(
            line=line, column=column, encoding=encoding.declared, value=sequence.group().decode("utf-8")
        )
    )


def _syntax_error(
    data: bytes, encoding: XmlEncoding, error: etree.XMLSyntaxError, bad: tuple[int, int, int, int] | None = None
) -> Diagnostic:
    """The diagnostic of a fault libxml2 found; ``bad`` is the first byte that is not UTF-8 (offset, line, column,
    value) when the caller found it itself, otherwise it is looked for in ``data``."""
    line, column = error.position
    line = line or 1
    column = column or None
    last = error.error_log.last_error if error.error_log else None
    kind = last.type_name if last is not None else ""
    # lxml appends ", line L, column C"; libxml2 itself ends some messages with " line L" (the line of the tag
    # concerned), but not always the same ones when fed a file in blocks: the line is the diagnostic's.
    reason = _TAG_LINE.sub("", (error.msg or "unreadable").split(", line ")[0].strip())
    # libxml2 2.13 and later call the depth limit a resource limit; 2.12 an internal error ("Excessive depth").
    if kind in ("ERR_RESOURCE_LIMIT", "ERR_INTERNAL_ERROR") and "depth" in reason.lower():
        return TOO_DEEP(line=line, column=column, limit=DEPTH_LIMIT)
    if _too_large(kind, reason):
        return TOO_LARGE(line=line, column=column, limit=f"{SIZE_LIMIT:,}")
    if kind == "ERR_UNSUPPORTED_ENCODING" and encoding.declared is not None:
        return UNKNOWN_ENCODING(line=line, column=column, value=encoding.declared)
    # libxml2 2.13 and later: an invalid encoding; 2.12: an invalid character, "Input is not proper UTF-8".
    not_utf8 = kind == "ERR_INVALID_ENCODING" or (kind == "ERR_INVALID_CHAR" and "UTF-8" in reason)
    if not_utf8 and encoding.codec == "utf-8":
        if bad is None:
            offset = first_non_utf8(data[encoding.mark :])
            if offset is not None:
                offset += encoding.mark
                bad = (offset, *line_column(data, offset), data[offset])
        if bad is not None:
            offset, line, column, value = bad
            declared = encoding.declared is not None
            return WRONG_BYTES(
                line=line,
                column=column,
                offset=offset + 1,
                value=f"0x{value:02X}",
                encoding="UTF-8",
                how="declares" if declared else "has when it declares none",
                how_es="declara" if declared else "tiene cuando no declara ninguna",
            )
    return NOT_XML(line=line, column=column, reason=reason)


_TAG_LINE = re.compile(r" line [0-9]+$")

# libxml2 words the 10,000,000-character limit by version: a resource limit ("Text node too long", 2.13 and later),
# or, before, an allocation refused ("xmlSAX2Characters: huge text node", "Huge input lookup") or an internal error
# ("AttValue length too long"). Each is the same limit, XML_MAX_TEXT_LENGTH.
_SIZE_WORDS = re.compile(r"huge text node|huge input lookup|length too long", re.IGNORECASE)


def _too_large(kind: str, reason: str) -> bool:
    if kind == "ERR_RESOURCE_LIMIT":
        return "amplification" not in reason.lower()
    return kind in ("ERR_NO_MEMORY", "ERR_INTERNAL_ERROR") and bool(_SIZE_WORDS.search(reason))


# The prolog (declaration, any DOCTYPE) stands before the root element, within the first bytes of the file; the
# rest is fed to the parser in blocks of the same size, so that a fault is found at the same place however the
# source hands out its bytes.
_BLOCK = 1 << 16


def iterparse(source: BinaryIO, *, events: tuple[str, ...] = ("end",)) -> Iterator[tuple[str, Any]]:
    """:func:`parse` for a file read as it goes, with the same parser settings and refusals, the DOCTYPE and the
    declared encoding checked on the head of the file. A fault is a ParseError. The caller clears the elements it
    is done with, so that memory stays bounded.

    The end of the document is decided here, not by the parser: the root element must have ended while the file
    was fed. Told that the input is over, a parser may end the elements still open by itself (lxml 6 gives their
    ``end`` events) and, validating or not resolving entities, may not raise; a file cut short would then pass."""
    head = _block(source)
    encoding = xml_encoding(head)
    _refuse_doctype(head, encoding)
    _refuse_lying_declaration(head, encoding)
    parser = etree.XMLPullParser(
        events=("start", "end"),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=False,
        remove_blank_text=False,
    )
    watch = _Utf8Watch() if encoding.codec == "utf-8" else None
    first = True
    depth = 0
    closed = False
    line = 1
    block = head
    try:
        while block:
            if watch is not None:
                watch.see(block)
            parser.feed(block)
            for event, element in parser.read_events():
                depth += 1 if event == "start" else -1
                closed = closed or depth == 0
                line = element.sourceline or line
                if first:
                    first = False
                    docinfo = element.getroottree().docinfo
                    if docinfo.internalDTD is not None or docinfo.doctype:
                        raise ParseError(DOCTYPE_REFUSED(line=1, column=1))
                if event == "start" and etree.QName(element).namespace in XINCLUDE_NAMESPACES:
                    raise ParseError(XINCLUDE_REFUSED(line=element.sourceline or 1, value=element.tag))
                if event in events:
                    yield event, element
            block = _block(source)
        # The events the parser gives once told the input is over are not read: any "end" among them is one it
        # made up for an element the file left open.
        parser.close()
    except etree.XMLSyntaxError as error:
        raise ParseError(_syntax_error(head, encoding, error, watch.found if watch else None)) from error
    if first:
        raise ParseError(NOT_XML(line=1, column=1, reason="empty document"))
    if not closed:
        raise ParseError(NOT_XML(line=line, reason="premature end of data: the root element is not closed"))


def _block(source: BinaryIO) -> bytes:
    """The next _BLOCK bytes of ``source`` (fewer only at its end), however few each read returns."""
    block = source.read(_BLOCK)
    if not block or len(block) == _BLOCK:
        return block
    parts = [block]
    size = len(block)
    while size < _BLOCK and (more := source.read(_BLOCK - size)):
        parts.append(more)
        size += len(more)
    return b"".join(parts)


class _Utf8Watch:
    """The first byte that is not UTF-8 (offset, line, column in bytes, value), found as the blocks go by, so that
    a stream names it as :func:`parse` names it in the whole file."""

    def __init__(self) -> None:
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        self.offset = 0  # of the block being seen
        self.newlines = 0  # before it
        self.line_start = 0  # offset of the first byte of the line the block starts in
        self.found: tuple[int, int, int, int] | None = None

    def see(self, block: bytes) -> None:
        if self.found is not None:
            return
        pending = len(self.decoder.getstate()[0])
        try:
            self.decoder.decode(block)
        except UnicodeDecodeError as error:
            bad = self.offset - pending + error.start
            local = max(bad - self.offset, 0)
            newline = block.rfind(b"\n", 0, local)
            start = self.offset + newline + 1 if newline >= 0 else self.line_start
            value = block[local] if bad >= self.offset else error.object[error.start]
            self.found = (bad, self.newlines + block.count(b"\n", 0, local) + 1, bad - start + 1, value)
            return
        newline = block.rfind(b"\n")
        if newline >= 0:
            self.line_start = self.offset + newline + 1
        self.newlines += block.count(b"\n")
        self.offset += len(block)


def well_formed(source: BinaryIO) -> None:
    """Raise ParseError, as :func:`parse` would, unless the rest of ``source`` is well-formed XML; memory holds one
    element at a time."""
    drain(iterparse(source))


def drain(events: Iterator[tuple[str, Any]]) -> None:
    """Parse the rest of a file whose events are ``events`` (``end`` among them), forgetting each element as it
    ends: raise ParseError if it is not well-formed."""
    for event, element in events:
        if event == "end":
            element.clear()
            while element.getprevious() is not None:
                del element.getparent()[0]


def local_name(tag: object) -> str:
    text = str(tag)
    return text.rpartition("}")[2]
