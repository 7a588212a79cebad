"""gettext catalogues: read a ``.po`` file and compile it to the ``.mo`` that :mod:`gettext` loads.

The Spanish catalogue is written by hand as ``manifest/locale/es/LC_MESSAGES/manifest.po`` and shipped compiled
beside it; ``python -m manifest.po`` rebuilds every ``.mo`` from its ``.po`` (``tests/test_spanish.py`` fails
while one is stale). The subset of the PO format read here is what the catalogue uses: comments, ``msgctxt``,
``msgid``, ``msgid_plural``, ``msgstr`` and ``msgstr[n]``, strings continued over several lines, and the C escapes
``\\n``, ``\\t``, ``\\"`` and ``\\\\`` (GNU gettext manual, "The Format of PO Files"). Entries marked fuzzy are left
out of the ``.mo``, as ``msgfmt`` does.
"""

from __future__ import annotations

import re
import struct
import sys
from dataclasses import dataclass, field
from pathlib import Path

LOCALE_DIR = Path(__file__).parent / "locale"
_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
_KEYWORD = re.compile(r'^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+"(.*)"\s*$')
_CONTINUATION = re.compile(r'^"(.*)"\s*$')
# The .mo header (GNU gettext manual, "The Format of GNU MO Files"): magic number, revision, number of strings,
# offsets of the original and translation tables, size and offset of the (unused, empty) hash table.
_MO_MAGIC = 0x950412DE
_MO_HEADER = struct.Struct("<7I")


class CatalogueError(ValueError):
    """A line of a ``.po`` file that is not in the subset read here."""


@dataclass
class Entry:
    msgid: str = ""
    context: str | None = None
    plural: str | None = None
    strings: dict[int, str] = field(default_factory=dict)
    fuzzy: bool = False
    line: int = 0

    @property
    def key(self) -> str:
        """The entry's key in a ``.mo``: context and EOT before the id, NUL and the plural after it."""
        key = self.msgid if self.context is None else f"{self.context}\x04{self.msgid}"
        return key if self.plural is None else f"{key}\x00{self.plural}"

    @property
    def translations(self) -> list[str]:
        return [self.strings[n] for n in sorted(self.strings)]


def _unescape(text: str, path: Path, line: int) -> str:
    out: list[str] = []
    characters = iter(text)
    for character in characters:
        if character != "\\":
            out.append(character)
            continue
        escaped = next(characters, "")
        if escaped not in _ESCAPES:
            raise CatalogueError(f"{path}:{line}: unknown escape \\{escaped}")
        out.append(_ESCAPES[escaped])
    return "".join(out)


def read_po(path: Path) -> list[Entry]:
    """Every entry of ``path``, the header (``msgid ""``) first as written."""
    entries: list[Entry] = []
    current: Entry | None = None
    target: tuple[str, int] | None = None  # which string a continuation line extends
    fuzzy = False
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            fuzzy = fuzzy or (line.startswith("#,") and "fuzzy" in line)
            continue
        keyword = _KEYWORD.match(line)
        if keyword:
            name, index, value = keyword.group(1), keyword.group(2), _unescape(keyword.group(3), path, number)
            if name in ("msgctxt", "msgid") and (current is None or current.strings):
                current = Entry(fuzzy=fuzzy, line=number)
                entries.append(current)
                fuzzy = False
            if current is None:
                raise CatalogueError(f"{path}:{number}: {name} before msgid")
            if name == "msgctxt":
                current.context, target = value, ("context", 0)
            elif name == "msgid":
                current.msgid, target = value, ("msgid", 0)
            elif name == "msgid_plural":
                current.plural, target = value, ("plural", 0)
            else:
                slot = int(index) if index is not None else 0
                current.strings[slot], target = value, ("strings", slot)
            continue
        continuation = _CONTINUATION.match(line)
        if continuation is None or current is None or target is None:
            raise CatalogueError(f"{path}:{number}: not a PO line: {raw!r}")
        more = _unescape(continuation.group(1), path, number)
        kind, slot = target
        if kind == "context":
            current.context = (current.context or "") + more
        elif kind == "msgid":
            current.msgid += more
        elif kind == "plural":
            current.plural = (current.plural or "") + more
        else:
            current.strings[slot] += more
    return entries


def compile_mo(entries: list[Entry]) -> bytes:
    """The ``.mo`` image of ``entries``: translated, not fuzzy, sorted by key as gettext's binary search needs."""
    pairs = sorted(
        (entry.key.encode("utf-8"), "\x00".join(entry.translations).encode("utf-8"))
        for entry in entries
        if not entry.fuzzy and all(entry.translations) and entry.translations
    )
    count = len(pairs)
    originals_at = _MO_HEADER.size
    translations_at = originals_at + 8 * count
    data_at = translations_at + 8 * count
    tables: list[bytes] = [b"", b""]
    blobs = bytearray()
    for column, index in ((0, 0), (1, 1)):
        table = bytearray()
        for pair in pairs:
            text = pair[index]
            table += struct.pack("<2I", len(text), data_at + len(blobs))
            blobs += text + b"\x00"
        tables[column] = bytes(table)
    header = _MO_HEADER.pack(_MO_MAGIC, 0, count, originals_at, translations_at, 0, data_at)
    return header + tables[0] + tables[1] + bytes(blobs)


def catalogues() -> list[Path]:
    return sorted(LOCALE_DIR.glob("*/LC_MESSAGES/*.po"))


def main() -> int:
    for po in catalogues():
        po.with_suffix(".mo").write_bytes(compile_mo(read_po(po)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
