"""``manifest-json``: the harmonized model as JSON.

Layout: ``{"format": "manifest-json", "version": "1", "manifests": [ ... ]}``, each manifest an object whose keys
are the model's field names, so a diagnostic's field path (``consignments[2].gross_weight``) is also its JSON path.
Decimals, dates and enums are written as strings (a JSON number would be read as a binary float by most
consumers); a reader accepts numbers too. Positions of values are found only when a diagnostic asks for one.

A ``\\u`` escape of a surrogate that is not half of a pair (``"\\ud800"``) is valid JSON grammar but no character
(RFC 8259 section 8.2; I-JSON, RFC 7493 section 2.1, forbids it): the reader reports it where it stands and reads it
as U+FFFD, so that no model, writer or report is handed text that cannot be encoded.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

from manifest.core.registry import described
from manifest.diagnostics import LONE_SURROGATE, Diagnostic, ParseError, Position, Severity, define, shown_surrogates
from manifest.formats.base import Document, SourceMap, Written
from manifest.formats.canonical import SCHEMA_VERSION, WRONG_SHAPE, TreeDecoder, fields_of, to_tree
from manifest.formats.readback import entry_path, join_path
from manifest.formats.readers import MAX_DIGITS
from manifest.formats.textpos import LineIndex
from manifest.model import Manifest

DESCRIPTION = described("manifest-json")
NAME = DESCRIPTION.name
TITLE = DESCRIPTION.title
EXTENSIONS = DESCRIPTION.extensions
MODES = DESCRIPTION.modes

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
NOT_A_CHARACTER = define(
    "MF008",
    Severity.ERROR,
    "lone surrogate $chars in a JSON string is not a character; it is read as U+FFFD",
    "el sustituto aislado $chars en una cadena JSON no es un carácter; se lee como U+FFFD",
    "RFC 8259 section 8.2; RFC 7493 (I-JSON) section 2.1",
)
# Text decoded from UTF-8 holds no surrogate: only a \u escape of D800 to DFFF can bring one in.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


sniff = DESCRIPTION.sniff


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
    surrogates = _read_surrogates_as_replacements(tree, index) if _SURROGATE_ESCAPE.search(text) else []
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
    return Document(NAME, tuple(manifests), tuple(maps), (*surrogates, *decoder.diagnostics))


def _read_surrogates_as_replacements(tree: object, index: _PositionIndex) -> list[Diagnostic]:
    """Replace every lone surrogate in the keys and strings of ``tree`` (changed in place) by U+FFFD, and report
    each key or string where it stands. A finding names the JSON path and, inside a manifest, the model field (an
    ``extensions`` entry by its key), both spelled with the surrogate as the escape the file holds."""
    found: list[Diagnostic] = []
    # Containers still to visit: the container, its path as the position index spells it (the surrogates kept), its
    # path as shown, its model field (None outside a manifest), the model class of its fields (of an object) or of
    # its items (of a list), and whether it is a map of the model (``extensions``, whose entries are named by key).
    pending: list[tuple[object, str, str, str | None, type | None, bool]] = []

    def cleaned(
        value: object, raw: str, shown: str, field: str | None, cls: type | None = None, is_map: bool = False
    ) -> object:
        if isinstance(value, dict | list):
            pending.append((value, raw, shown, field, cls, is_map))
        if not isinstance(value, str) or LONE_SURROGATE.search(value) is None:
            return value
        chars = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in LONE_SURROGATE.findall(value)))
        position = index.locate(raw) or Position()
        found.append(
            NOT_A_CHARACTER(
                line=position.line,
                column=position.column,
                location=_location(shown),
                field=field or None,
                value=shown_surrogates(value),
                chars=chars,
            )
        )
        return LONE_SURROGATE.sub("\ufffd", value)

    cleaned(tree, "", "", None)
    while pending:
        node, raw, shown, field, cls, is_map = pending.pop()
        if isinstance(node, list):
            if raw == "manifests" and field is None:  # the manifests: each one's model fields are named from it
                for i, item in enumerate(node):
                    node[i] = cleaned(item, f"{raw}[{i}]", f"{shown}[{i}]", "", Manifest)
                continue
            for i, item in enumerate(node):
                item_field = None if field is None else f"{field}[{i}]"
                node[i] = cleaned(item, f"{raw}[{i}]", f"{shown}[{i}]", item_field, cls)
            continue
        assert isinstance(node, dict)
        specs = {} if cls is None or is_map else {spec.name: spec for spec in fields_of(cls)}
        entries = list(node.items())
        node.clear()
        for key, item in entries:
            key_raw, key_shown = join_path(raw, key), join_path(shown, shown_surrogates(key))
            name_in = entry_path if is_map else join_path
            key_field = None if field is None else name_in(field, shown_surrogates(key))
            new_key = str(cleaned(key, key_raw, key_shown, key_field))
            spec = specs.get(new_key)
            node[new_key] = (
                cleaned(item, key_raw, key_shown, key_field)
                if spec is None
                else cleaned(item, key_raw, key_shown, key_field, spec.cls, spec.kind == "map")
            )
    return sorted(found, key=lambda finding: (finding.line or 0, finding.column or 0))


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
