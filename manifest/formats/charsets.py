"""Character encodings of the files manifests arrive in: what an XML document declares, and the legacy 8-bit text
of EDI files that declare nothing.

XML (W3C XML 1.0 section 4.3.3 and appendix F): a byte-order mark, else the first bytes of ``<?xml`` in UTF-16 or
UTF-32, else the ``encoding`` of the XML declaration, else UTF-8.

Legacy EDI text: senders write UTF-8, ISO 8859-1 or Windows-1252 without saying which. Windows-1252 is ISO 8859-1
with printable characters (curly quotes, the euro sign, Š, Ž ...) where ISO 8859-1 has C1 control characters
(0x80-0x9F), which never belong in a manifest; so a byte that is not part of a UTF-8 sequence is read as
Windows-1252, and as ISO 8859-1 where Windows-1252 leaves it unassigned (0x81, 0x8D, 0x8F, 0x90, 0x9D). This is
the choice the WHATWG Encoding Standard makes for documents labelled ISO-8859-1, and it never fails.
"""

from __future__ import annotations

import codecs
import dataclasses
import re
import typing
import unicodedata
from collections.abc import Callable, Mapping
from typing import TypeVar

from manifest.formats.readback import entry_path
from manifest.slotted import record

T = TypeVar("T")

_XML_DECLARATION = re.compile(rb"<\?xml[^>]{0,200}?encoding\s*=\s*[\"']([A-Za-z][A-Za-z0-9._-]{0,40})[\"']")

# (leading bytes, codec, is a byte-order mark) in the order of XML 1.0 appendix F: the four-byte marks before the
# two-byte ones that begin them. A mark is skipped; the other patterns are the document's first characters.
_XML_MARKS: tuple[tuple[bytes, str, bool], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le", True),
    (codecs.BOM_UTF32_BE, "utf-32-be", True),
    (codecs.BOM_UTF8, "utf-8", True),
    (codecs.BOM_UTF16_LE, "utf-16-le", True),
    (codecs.BOM_UTF16_BE, "utf-16-be", True),
    (b"<\x00\x00\x00", "utf-32-le", False),
    (b"\x00\x00\x00<", "utf-32-be", False),
    (b"<\x00?\x00", "utf-16-le", False),
    (b"\x00<\x00?", "utf-16-be", False),
)


@record
class XmlEncoding:
    """How an XML document's bytes are to be decoded: the Python codec, the length of its byte-order mark, and
    whether the name came from the declaration (as written there) rather than from the first bytes."""

    codec: str
    mark: int = 0
    declared: str | None = None

    @property
    def ascii_compatible(self) -> bool:
        """Markup characters (``<``, ``!``, letters) are single ASCII bytes, so byte patterns find them."""
        return not self.codec.startswith(("utf-16", "utf-32"))


def xml_encoding(data: bytes) -> XmlEncoding:
    """The encoding of an XML document (W3C XML 1.0 appendix F)."""
    for mark, codec, is_mark in _XML_MARKS:
        if data.startswith(mark):
            return XmlEncoding(codec, len(mark) if is_mark else 0)
    declared = _XML_DECLARATION.match(data, 0, 300)
    if declared is None:
        return XmlEncoding("utf-8")
    name = declared.group(1).decode("ascii")
    try:
        codec = codecs.lookup(name).name
    except LookupError:
        return XmlEncoding("utf-8", declared=name)
    return XmlEncoding(codec, declared=name)


def xml_text(data: bytes) -> str:
    """The document as text in its own encoding, without a byte-order mark; undecodable bytes become U+FFFD, so
    that positions can still be counted in a document the parser has accepted or rejected."""
    encoding = xml_encoding(data)
    try:
        return data[encoding.mark :].decode(encoding.codec, errors="replace").lstrip("\ufeff")
    except LookupError:
        return data.decode("utf-8", errors="replace").lstrip("\ufeff")


def sniffable(head: bytes) -> bytes:
    """The first bytes of a file as UTF-8 when they are XML in UTF-16 or UTF-32, so that content sniffing (which
    looks for namespace names as bytes) recognises a document whatever its encoding; other heads are unchanged."""
    encoding = xml_encoding(head)
    if encoding.ascii_compatible:
        return head
    usable = len(head) - len(head) % (4 if encoding.codec.startswith("utf-32") else 2)
    return head[encoding.mark : usable].decode(encoding.codec, errors="replace").encode("utf-8")


# -- legacy 8-bit text -----------------------------------------------------------------------------------------

LEGACY_ERRORS = "manifest-windows-1252"


def _windows_1252(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    return "".join(_WINDOWS_1252[byte] for byte in error.object[error.start : error.end]), error.end


def _windows_1252_table() -> tuple[str, ...]:
    table = []
    for byte in range(256):
        single = bytes((byte,))
        try:
            table.append(single.decode("cp1252"))
        except UnicodeDecodeError:  # unassigned in Windows-1252: the ISO 8859-1 (C1) character
            table.append(single.decode("latin-1"))
    return tuple(table)


_WINDOWS_1252 = _windows_1252_table()


codecs.register_error(LEGACY_ERRORS, _windows_1252)


def first_non_utf8(data: bytes) -> int | None:
    """The offset of the first byte that is not part of a UTF-8 sequence, or None when all of ``data`` is UTF-8."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start
    return None


def decode_legacy(data: bytes) -> str:
    """UTF-8 where the bytes are UTF-8, every other byte as Windows-1252 (see the module docstring)."""
    return data.decode("utf-8", errors=LEGACY_ERRORS)


def legacy_decoder() -> codecs.IncrementalDecoder:
    """The incremental form of :func:`decode_legacy`, for streams read block by block."""
    return codecs.getincrementaldecoder("utf-8")(errors=LEGACY_ERRORS)


def line_column(data: bytes, offset: int) -> tuple[int, int]:
    """1-based line and column (in bytes) of ``offset`` in ``data``."""
    return data.count(b"\n", 0, offset) + 1, offset - (data.rfind(b"\n", 0, offset) + 1) + 1


def blank(data: bytes) -> bool:
    """Whether ``data`` holds nothing but white space and a byte-order mark: an empty file, however its editor
    saved it (UTF-8 with a mark, UTF-16)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) and len(data) < 1 << 20:
        return not data.decode("utf-16", errors="replace").strip()
    return not data.removeprefix(codecs.BOM_UTF8).strip()


# -- writing into a restricted character set ------------------------------------------------------------------

# Typographic punctuation that word processors put into names and addresses, and its plain form.
_PLAIN = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2013": "-",
    "\u2014": "-",
    "\u2026": "...",
    "\u00a0": " ",
    "\u00b4": "'",
    "\u00ab": '"',
    "\u00bb": '"',
    "\u00ba": "O",
    "\u00aa": "A",
    "\u00df": "ss",
    "\u00c6": "AE",
    "\u00e6": "ae",
    "\u0152": "OE",
    "\u0153": "oe",
    "\u00d8": "O",
    "\u00f8": "o",
    "\u0141": "L",
    "\u0142": "l",
    "\u0110": "D",
    "\u0111": "d",
}
UNKNOWN_CHARACTER = "?"


def transliterate(text: str, fits: Callable[[str], bool]) -> str:
    """``text`` with every character that ``fits`` refuses replaced by its nearest form that fits: the letter
    without its accent (Ñ -> N, canonical decomposition), upper case, plain punctuation for typographic marks,
    and ``?`` when nothing fits. Text that fits is returned as it is."""
    if all(fits(char) for char in text):
        return text
    out: list[str] = []
    for char in text:
        out.append(char if fits(char) else _nearest(char, fits))
    return "".join(out)


def _nearest(char: str, fits: Callable[[str], bool]) -> str:
    base = "".join(c for c in unicodedata.normalize("NFKD", char) if not unicodedata.combining(c))
    for candidate in (_PLAIN.get(char, ""), base, base.upper(), char.upper(), _PLAIN.get(char, "").upper()):
        if candidate and all(fits(c) for c in candidate):
            return candidate
    return UNKNOWN_CHARACTER if fits(UNKNOWN_CHARACTER) else ""


def outside(text: str, fits: Callable[[str], bool]) -> str:
    """The distinct characters of ``text`` that ``fits`` refuses, in order of appearance."""
    return "".join(dict.fromkeys(char for char in text if not fits(char)))


def transliterate_values(
    obj: T,
    fits: Callable[[str], bool],
    path: str = "",
    withheld: Callable[[str], bool] | None = None,
    lines: Callable[[str], bool] | None = None,
) -> tuple[T, list[Recoded]]:
    """``obj`` (a model object, tuple or mapping of them) with every text value transliterated into the characters
    ``fits`` accepts, and one :class:`Recoded` per value that changed, with its model path. A value at a path
    ``withheld`` accepts (an identifier, which re-spelled would name something else) is emptied instead, and its
    :class:`Recoded` has nothing written. A value at a path ``lines`` accepts holds lines (marks, written one line
    to a component): its line breaks are kept and each line is fitted."""
    changes: list[Recoded] = []
    return _recode(obj, _Fitter(fits, withheld, lines), path, changes), changes


@record
class Recoded:
    path: str
    value: str
    written: str
    outside: str  # the characters that did not fit


@record
class _Fitter:
    fits: Callable[[str], bool]
    withheld: Callable[[str], bool] | None
    lines: Callable[[str], bool] | None

    def char_fits(self, path: str) -> Callable[[str], bool]:
        if self.lines is not None and self.lines(path):
            return lambda char: char == "\n" or self.fits(char)
        return self.fits


def _recode(obj: T, fitter: _Fitter, path: str, changes: list[Recoded]) -> T:
    if type(obj) is str:
        text = typing.cast(str, obj)
        fits = fitter.char_fits(path)
        written = transliterate(text, fits)
        if written != text:
            if fitter.withheld is not None and fitter.withheld(path):
                written = ""
            changes.append(Recoded(path, text, written, outside(text, fits)))
        return typing.cast(T, written)
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        updates = {}
        for f in dataclasses.fields(obj):
            value = getattr(obj, f.name)
            new = _recode(value, fitter, f"{path}.{f.name}" if path else f.name, changes)
            if new is not value:
                updates[f.name] = new
        return dataclasses.replace(obj, **updates) if updates else obj
    if isinstance(obj, tuple):
        items = tuple(_recode(item, fitter, f"{path}[{index}]", changes) for index, item in enumerate(obj))
        return typing.cast(T, items) if any(a is not b for a, b in zip(items, obj, strict=True)) else obj
    if isinstance(obj, Mapping):
        recoded = {key: _recode(value, fitter, entry_path(path, key), changes) for key, value in obj.items()}
        if any(recoded[key] is not value for key, value in obj.items()):
            return typing.cast(T, recoded)
    return obj
