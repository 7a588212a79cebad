"""Model paths: how the path of a field, of an extension entry and of the value that holds another is spelled, and
the one parser of that spelling.

A path is a field name, then field names (``.goods``), list indexes (``[2]``), and, in the paths of rules, every item
(``[*]``) or the items some field of which has one of some values (``[role=shipper]``). An entry of an extensions
map is spelled ``extensions[KEY]``, the key taken whole up to the path's last bracket, since keys hold dots and
brackets of their own (``extensions[cartaporte.Carro[2].Tipo]``). ``extensions.KEY``, as people write it in a rule,
is read as the same entry and written back as ``extensions[KEY]``.

Readers record positions under these paths, writers name their losses by them, and the requirements engine expands
them over a manifest and locates a finding by walking up from its path to the nearest recorded value.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from manifest.slotted import record

EXTENSIONS = "extensions"


@record
class Attr:
    """A field of an object."""

    name: str

    def text(self) -> str:
        return f".{self.name}"


@record
class Key:
    """One entry of an ``extensions`` map."""

    key: str

    def text(self) -> str:
        return f"[{self.key}]"


@record
class Index:
    """One item of a list, counted from 0."""

    index: int

    def text(self) -> str:
        return f"[{self.index}]"


@record
class Each:
    """Every item of a list."""

    def text(self) -> str:
        return "[*]"


@record
class Select:
    """The items of a list whose field ``key`` has one of ``values``."""

    key: str
    values: tuple[str, ...]

    def text(self) -> str:
        return f"[{self.key}={'|'.join(self.values)}]"

    def matches(self, item: object) -> bool:
        value = getattr(item, self.key, None)
        return value is not None and str(value) in self.values


Step = Attr | Key | Index | Each | Select
Concrete = Attr | Key | Index


class PathError(ValueError):
    """A path that does not parse."""


# One step: a field name (after a dot but for the first), or what stands between brackets. The names are checked by
# ``parse``; ``parent_path`` also walks paths whose names are a file's own (a JSON member of any spelling).
_TOKEN = re.compile(r"(\.?)([^.\[\]]+)|\[([^\[\]]*)\]")


@record
class _Span:
    """Where one step of a path stands in its text, and what it says."""

    start: int
    name: str | None  # a field name
    bracket: str | None  # what stands between brackets
    key: str | None = None  # the key of an extension entry


def _spans(text: str) -> list[_Span] | None:
    """The steps of ``text`` where they stand, or None when it is not a path."""
    spans: list[_Span] = []
    pos = 0
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None or (match.group(2) is not None and (match.group(1) == "") != (pos == 0)):
            return None
        spans.append(_Span(pos, match.group(2), match.group(3)))
        pos = match.end()
        if match.group(2) == EXTENSIONS and pos < len(text):
            key = _extension_key(text, pos)
            if key is None:
                return None
            spans.append(_Span(pos, None, None, key))
            break
    return spans


def _extension_key(text: str, pos: int) -> str | None:
    """The key of the extension entry spelled from ``pos`` on: ``[KEY]`` or ``.KEY``."""
    if text[pos] == "[" and text.endswith("]") and len(text) > pos + 2:
        return text[pos + 1 : -1]
    if text[pos] == "." and len(text) > pos + 1:
        return text[pos + 1 :]
    return None


def _is_name(text: str) -> bool:
    return text.isascii() and text.isidentifier()


def parse(text: str) -> tuple[Step, ...]:
    """The steps of the model path ``text``; :class:`PathError` when it is not one."""
    spans = _spans(text)
    if spans is None:
        raise PathError(f"bad model path {text!r}")
    if not spans:
        raise PathError("empty model path")
    return tuple(_step(text, span) for span in spans)


def _step(text: str, span: _Span) -> Step:
    if span.key is not None:
        return Key(span.key)
    if span.name is not None:
        if not _is_name(span.name):
            raise PathError(f"bad model path {text!r}: {span.name!r} at character {span.start + 1} is not a name")
        return Attr(span.name)
    bracket = span.bracket or ""
    if bracket == "*":
        return Each()
    if bracket.isascii() and bracket.isdigit():
        return Index(int(bracket))
    key, equals, values = bracket.partition("=")
    if not equals or not _is_name(key) or not values:
        raise PathError(f"bad model path {text!r}: [{bracket}] at character {span.start + 1} is no index or selector")
    return Select(key, tuple(values.split("|")))


def render(steps: tuple[Step, ...]) -> str:
    """The text of a path of ``steps``, in the one spelling paths are written in."""
    return "".join(step.text() for step in steps).lstrip(".")


def normal(text: str) -> str:
    """``text`` in the one spelling paths are written in (``extensions.KEY`` becomes ``extensions[KEY]``)."""
    return render(parse(text))


def parent_path(path: str) -> str | None:
    """The path of the value that holds the one at ``path``: ``consignments[2].extensions[x12.M11.09]`` ->
    ``consignments[2].extensions`` -> ``consignments[2]`` -> ``consignments`` -> ``""`` -> None. A text that is not a
    path is held by the manifest itself."""
    if not path:
        return None
    spans = _spans(path)
    if not spans:
        return ""
    return path[: spans[-1].start]


def lineage(path: str) -> Iterator[str]:
    """``path``, then the path of each value that holds it, out to the manifest's own (``""``): the paths
    :func:`parent_path` gives one after the other, from one reading of ``path``."""
    yield path
    if not path:
        return
    spans = _spans(path)
    for span in reversed(spans or [_Span(0, None, None)]):
        yield path[: span.start]


def leading_index(path: str, name: str) -> tuple[int, str] | None:
    """``(2, "goods[0]")`` for ``name[2].goods[0]``: the index of the item of list ``name`` that ``path`` starts in,
    and the path within that item; None when ``path`` does not start in an item of ``name``."""
    spans = _spans(path)
    if not spans or len(spans) < 2 or spans[0].name != name or spans[1].bracket is None:
        return None
    bracket = spans[1].bracket
    if not (bracket.isascii() and bracket.isdigit()):
        return None
    rest = path[spans[2].start :] if len(spans) > 2 else ""
    return int(bracket), rest.removeprefix(".")


def field_names(path: str) -> list[str]:
    """The field names along ``path``, without its indexes, selectors and extension keys (``consignments[1].goods[0]
    .extensions[x12.N10.layout]`` -> consignments, goods, extensions); none when ``path`` is not a path."""
    return [span.name for span in _spans(path) or () if span.name is not None]


def extension_key(path: str) -> str | None:
    """The key of the extension entry ``path`` is, when it is one of the manifest's own (``extensions[KEY]``)."""
    spans = _spans(path)
    if spans is None or len(spans) != 2 or spans[0].name != EXTENSIONS:
        return None
    return spans[1].key


def last_name(path: str) -> str:
    """The name of the field, or the key of the extension entry, that ``path`` ends in: ``name`` of
    ``consignments[1].parties[0].name``, whichever party it is; empty when ``path`` is not a path."""
    for span in reversed(_spans(path) or ()):
        if span.key is not None:
            return span.key
        if span.name is not None:
            return span.name
    return ""


def join_path(prefix: str, name: str) -> str:
    """The path of field ``name`` of the object at ``prefix`` (the manifest itself when ``prefix`` is empty)."""
    return f"{prefix}.{name}" if prefix else name


def entry_path(path: str, key: object) -> str:
    """The path of one entry of an ``extensions`` map. A key with characters one cannot see or type (a control
    character) is shown as its Python literal, so that the report says which key it is."""
    shown = key if isinstance(key, str) and key.isprintable() else repr(key)
    return f"{path}[{shown}]"


def written_path(path: str, moves: Iterable[tuple[str, str | None]]) -> str | None:
    """The path in a model written of the value read back from the file at ``path``: the nearest of ``moves``
    (path read back, path written) that holds ``path`` (:func:`lineage`) put in place of its first path; ``path``
    itself when none holds it, and None when the nearest says the model written has no such value."""
    moved = dict(moves)
    for holder in lineage(path):
        if holder in moved:
            target = moved[holder]
            return None if target is None else target + path[len(holder) :]
    return path


def read_back_path(path: str, moves: Iterable[tuple[str, str | None]]) -> str:
    """The path at which the file's reader reads back the value written from model path ``path``: the inverse of
    :func:`written_path` (a value the reader adds has no path written, so it is never the answer)."""
    moved = {written: back for back, written in moves if written is not None}
    for holder in lineage(path):
        if holder in moved:
            return moved[holder] + path[len(holder) :]
    return path
