"""``manifest-json``: the harmonized model as JSON.

Layout: ``{"format": "manifest-json", "version": "1", "manifests": [ ... ]}``, each manifest an object whose keys
are the model's field names, so a diagnostic's field path (``consignments[2].gross_weight``) is also its JSON path.
Decimals, dates and enums are written as strings (a JSON number would be read as a binary float by most
consumers); a reader accepts numbers too. Positions of values are found only when a diagnostic asks for one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from manifest.diagnostics import ParseError, Position, Severity, define
from manifest.formats import sniffing
from manifest.formats.base import Document, SourceMap, Written
from manifest.formats.canonical import SCHEMA_VERSION, WRONG_SHAPE, TreeDecoder, to_tree
from manifest.formats.readers import MAX_DIGITS
from manifest.formats.textpos import LineIndex
from manifest.model import Manifest, Mode

NAME = "manifest-json"
TITLE = "The harmonized model as JSON"
EXTENSIONS = sniffing.EXTENSIONS[NAME]
MODES = tuple(Mode)

NOT_JSON = define(
    "MF001",
    Severity.ERROR,
    "not valid JSON: $reason",
    "JSON no válido: $reason",
    "RFC 8259",
)
NOT_UTF8 = define(
    "MF002",
    Severity.ERROR,
    "the file is not UTF-8 text (byte $offset)",
    "el archivo no es texto UTF-8 (byte $offset)",
    "RFC 8259 section 8.1",
)
WRONG_VERSION = define(
    "MF003",
    Severity.ERROR,
    "unsupported manifest-json version '$value' (this reader knows version $known)",
    "versión de manifest-json '$value' no soportada (este lector conoce la versión $known)",
    "manifest-toolkit schema",
)


sniff = sniffing.manifest_json


def decode_text(data: bytes) -> str:
    """UTF-8 text without its byte-order mark; a fault is a ParseError naming the byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ParseError(NOT_UTF8(line=_line_of_byte(data, error.start), offset=error.start + 1)) from error


def _line_of_byte(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def read(data: bytes) -> Document:
    text = decode_text(data)
    try:
        tree = json.loads(text, parse_float=Decimal, parse_int=_integer)
    except json.JSONDecodeError as error:
        raise ParseError(NOT_JSON(line=error.lineno, column=error.colno, reason=error.msg)) from error
    except RecursionError as error:
        raise ParseError(NOT_JSON(line=1, column=1, reason="nesting too deep")) from error
    index = _PositionIndex(text)
    decoder = TreeDecoder(_location)
    manifests: list[Manifest] = []
    maps: list[SourceMap] = []
    if not isinstance(tree, dict) or not isinstance(tree.get("manifests"), list):
        raise ParseError(
            WRONG_SHAPE(
                line=1, column=1, field="manifests", path="manifests", expected="a list", expected_es="una lista"
            )
        )
    version = tree.get("version", SCHEMA_VERSION)
    if version != SCHEMA_VERSION:
        raise ParseError(WRONG_VERSION(value=version, known=SCHEMA_VERSION).at(index.locate("version")))
    for position, item in enumerate(tree["manifests"]):
        before = len(decoder.diagnostics)
        decoded = decoder.manifest(item, "")
        source_map = SourceMap(_ManifestPositions(index, position))
        decoder.diagnostics[before:] = [d.at(source_map.locate(d.field or "")) for d in decoder.diagnostics[before:]]
        if decoded is not None:
            manifests.append(decoded)
            maps.append(source_map)
    return Document(NAME, tuple(manifests), tuple(maps), tuple(decoder.diagnostics))


def _integer(text: str) -> int | Decimal:
    # int() refuses a literal of more digits than it converts (readers.MAX_DIGITS) with a ValueError that has no
    # position; kept as a Decimal, the number is refused by the decoder where it stands, for a field of either type.
    return int(text) if len(text) <= MAX_DIGITS else Decimal(text)


def _location(path: str) -> str:
    return "$." + path if path else "$"


def write(manifests: Sequence[Manifest]) -> Written:
    tree = {"format": NAME, "version": SCHEMA_VERSION, "manifests": [to_tree(m) for m in manifests]}
    text = json.dumps(tree, ensure_ascii=False, indent=2) + "\n"
    try:
        return Written(text.encode("utf-8"))
    except UnicodeEncodeError:
        # A lone surrogate cannot be UTF-8; JSON's \u escapes carry it losslessly.
        return Written((json.dumps(tree, indent=2) + "\n").encode("ascii"))


class _PositionIndex:
    """Offsets of every value in a JSON text by path, computed once on first use."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._offsets: dict[str, int] | None = None
        self._lines: LineIndex | None = None

    def locate(self, path: str) -> Position | None:
        if self._offsets is None:
            self._offsets = dict(_scan_offsets(self._text))
            self._lines = LineIndex(self._text)
        offset = self._offsets.get(path)
        if offset is None or self._lines is None:
            return None
        line, column = self._lines.position(offset)
        return Position(line, column, _location(path))


class _ManifestPositions(Mapping[str, Position]):
    """The positions of one manifest's values, keyed by paths relative to that manifest."""

    def __init__(self, index: _PositionIndex, position: int) -> None:
        self._index = index
        self._prefix = f"manifests[{position}]"

    def __getitem__(self, path: str) -> Position:
        found = self._index.locate(f"{self._prefix}.{path}" if path else self._prefix)
        if found is None:
            raise KeyError(path)
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(())

    def __len__(self) -> int:
        return 0


_WHITESPACE = re.compile(r"[ \t\n\r]*")
_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"[^,\]\}\s]+")


def _scan_offsets(text: str) -> Iterator[tuple[str, int]]:
    """Yield (path, offset) for every value of a JSON text already known to be valid; iterative, any depth."""
    pos = _WHITESPACE.match(text, 0).end()  # type: ignore[union-attr]
    if text.startswith("\ufeff"):
        pos = _WHITESPACE.match(text, 1).end()  # type: ignore[union-attr]
    # Each frame: (path of the container, is_object, next array index)
    stack: list[list[object]] = []
    path = ""
    while pos < len(text):
        yield path, pos
        char = text[pos]
        if char in "{[":
            stack.append([path, char == "{", 0])
            pos = _WHITESPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
        else:
            end = _STRING.match(text, pos) if char == '"' else _SCALAR.match(text, pos)
            pos = _WHITESPACE.match(text, end.end() if end else pos + 1).end()  # type: ignore[union-attr]
        # Close finished containers, then find the path of the next value.
        while stack:
            frame = stack[-1]
            container, is_object = str(frame[0]), bool(frame[1])
            if pos < len(text) and text[pos] in "}]":
                stack.pop()
                pos = _WHITESPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
                continue
            if pos < len(text) and text[pos] == ",":
                pos = _WHITESPACE.match(text, pos + 1).end()  # type: ignore[union-attr]
            if is_object:
                key_match = _STRING.match(text, pos)
                if key_match is None:
                    return
                key = json.loads(key_match.group())
                pos = _WHITESPACE.match(text, key_match.end()).end()  # type: ignore[union-attr]
                pos = _WHITESPACE.match(text, pos + 1).end()  # type: ignore[union-attr]  # past ':'
                path = f"{container}.{key}" if container else key
            else:
                index = int(frame[2])  # type: ignore[call-overload]
                frame[2] = index + 1
                path = f"{container}[{index}]"
            break
        else:
            return
