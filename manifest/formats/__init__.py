"""The formats: one module per format, found through the registry by its public name, and content sniffing.

The registry itself, with each format's description, is :mod:`manifest.core.registry` (the requirements engine reads
it too); it is named here, where the rest of the package has always found it. Adding a format is one entry there and
one module here that fulfils :class:`manifest.formats.base.Format`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from manifest.core.registry import FORMATS, SNIFF_BYTES, FormatInfo, described

if TYPE_CHECKING:
    from manifest.formats.base import Format

__all__ = ["FORMATS", "SNIFF_BYTES", "FormatInfo", "by_extension", "described", "get", "sniff"]


def get(name: str) -> Format:
    try:
        return FORMATS[name].load()
    except KeyError:
        raise KeyError(f"unknown format {name!r}; known formats: {', '.join(FORMATS)}") from None


def sniff(head: bytes) -> str | None:
    """The name of the first format that recognises ``head`` (the first bytes of a file), or None."""
    from manifest.formats.charsets import sniffable

    head = sniffable(head)  # XML in UTF-16 or UTF-32 is recognised by the same markers as in UTF-8
    for name, info in FORMATS.items():
        if info.description.sniff(head):
            return name
    return None


def by_extension(filename: str) -> str | None:
    lowered = filename.lower()
    for name, info in FORMATS.items():
        if any(lowered.endswith(ext) for ext in info.description.extensions):
            return name
    return None
