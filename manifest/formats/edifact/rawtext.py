"""Segments and composites as text in the default service characters, for keeping them in model extensions.

Values are escaped with the release character, so the text reads back to exactly the same values whatever the
separators of the file they came from or go to.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from manifest.formats.edifact.segments import Segment, escape_table, format_segment, split_released
from manifest.formats.edifact.syntax import DEFAULT
from manifest.formats.readers import ascii_digits

_TABLE = escape_table(DEFAULT)
EXTRA_PREFIX = "segment."


def compose(components: list[str]) -> str:
    texts = [c.translate(_TABLE) for c in components]
    while texts and not texts[-1]:
        texts.pop()
    return DEFAULT.component.join(texts)


def decompose(text: str) -> list[str]:
    return split_released(text, DEFAULT)[0]


def segment_text(segment: Segment) -> str:
    return format_segment(segment.tag, segment.elements, DEFAULT, _TABLE)[:-1]


def segment_parts(text: str) -> tuple[str, list[list[str]]]:
    elements = split_released(text, DEFAULT)
    return elements[0][0], elements[1:]


def extra_key(namespace: str, index: int) -> str:
    return f"{namespace}.{EXTRA_PREFIX}{index:02d}"


def extras(extensions: Mapping[str, str], namespace: str) -> Iterator[tuple[str, list[list[str]]]]:
    """The kept segments of an object, in the order they were read."""
    prefix = f"{namespace}.{EXTRA_PREFIX}"
    keys = sorted(
        (k for k in extensions if k.startswith(prefix) and ascii_digits(k[len(prefix) :])),
        key=lambda k: int(k[len(prefix) :]),
    )
    for key in keys:
        yield segment_parts(extensions[key])
