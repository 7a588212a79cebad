"""Model field paths with wildcards and selectors, and their expansion over a manifest.

A rule names the fields it checks with the same paths the source maps use (``consignments[2].gross_weight``), plus:

- ``[*]`` every item of a list: ``consignments[*].goods[*].hs_code``;
- ``[key=value]`` (or ``[key=a|b]``) the items whose ``key`` has one of the values. Inside a path it filters
  (``consignments[*].equipment[kind=container].number`` names the numbers of containers only); at the end it names
  the item, absent when none matches (``consignments[*].parties[role=shipper]``);
- ``extensions.KEY`` one entry of an extension map, the key taken whole (``extensions.x12.M11.09``).

Expanding a path gives one :class:`Item` per concrete field, present or not: an absent field is an item whose value
is None, so that a ``required`` check can report it, pinned to the deepest part of the path that exists.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Attr:
    name: str

    def text(self) -> str:
        return f".{self.name}"


@dataclass(frozen=True, slots=True)
class Key:
    """One entry of an ``extensions`` map."""

    key: str

    def text(self) -> str:
        return f".{self.key}"


@dataclass(frozen=True, slots=True)
class Index:
    index: int

    def text(self) -> str:
        return f"[{self.index}]"


@dataclass(frozen=True, slots=True)
class Each:
    def text(self) -> str:
        return "[*]"


@dataclass(frozen=True, slots=True)
class Select:
    key: str
    values: tuple[str, ...]

    def text(self) -> str:
        return f"[{self.key}={'|'.join(self.values)}]"

    def matches(self, item: object) -> bool:
        value = getattr(item, self.key, None)
        return value is not None and str(value) in self.values


Step = Attr | Key | Index | Each | Select
Concrete = Attr | Key | Index

_TOKEN = re.compile(r"\.?([A-Za-z_][A-Za-z0-9_]*)|\[(\*|[0-9]+|[A-Za-z_][A-Za-z0-9_]*=[^\]]+)\]")


class PathError(ValueError):
    """A path in the catalogue that does not parse."""


@dataclass(frozen=True, slots=True)
class Path:
    steps: tuple[Step, ...]
    # A path is the key of the expansions a check context keeps; hashing its steps on every lookup would cost
    # more than the lookup saves, so the hash is taken once.
    _hash: int = field(init=False, repr=False, compare=False)
    # The path compiled for expansion (see ``expand``), on first use.
    _expander: Expander | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash(self.steps))
        object.__setattr__(self, "_expander", None)

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self) -> tuple[type[Path], tuple[tuple[Step, ...]]]:
        # String hashes differ from process to process: a copy sent elsewhere takes its hash afresh.
        return (Path, (self.steps,))

    @classmethod
    def parse(cls, text: str) -> Path:
        steps: list[Step] = []
        pos = 0
        while pos < len(text):
            match = _TOKEN.match(text, pos)
            if (
                match is None
                or (pos == 0 and text.startswith("."))
                or (pos > 0 and match.group(1) and text[pos] != ".")
            ):
                raise PathError(f"bad model path {text!r} at character {pos + 1}")
            name, bracket = match.group(1), match.group(2)
            if name == "extensions" and match.end() < len(text):
                if text[match.end()] != ".":
                    raise PathError(f"bad model path {text!r}: extensions must be followed by .KEY")
                steps += [Attr(name), Key(text[match.end() + 1 :])]
                break
            if name is not None:
                steps.append(Attr(name))
            elif bracket == "*":
                steps.append(Each())
            elif bracket.isdigit():
                steps.append(Index(int(bracket)))
            else:
                key, _, values = bracket.partition("=")
                steps.append(Select(key, tuple(values.split("|"))))
            pos = match.end()
        if not steps:
            raise PathError("empty model path")
        return cls(tuple(steps))

    def __str__(self) -> str:
        return render(self.steps)

    def bind(self, concrete: tuple[Concrete, ...]) -> Path:
        """This path with its leading ``[*]`` fixed to the indexes of ``concrete`` where the two agree.

        ``consignments[*].goods[*].value`` bound to ``consignments[2].goods[0].hs_code`` is
        ``consignments[2].goods[0].value``: a condition or a comparison looks at the same consignment and item as
        the value being checked. Selectors are not bound: ``consignments[document_type=air-waybill]`` names the
        master waybills of the whole manifest whatever the item.
        """
        steps = list(self.steps)
        for position, (step, fixed) in enumerate(zip(self.steps, concrete, strict=False)):
            if isinstance(step, Each) and isinstance(fixed, Index):
                steps[position] = fixed
            elif step != fixed:
                break
        return Path(tuple(steps))


def render(steps: tuple[Step, ...]) -> str:
    return "".join(step.text() for step in steps).lstrip(".")


@dataclass(frozen=True, slots=True)
class Item:
    """One concrete field: the steps that reach it, its value (None when absent) and, when the path could not be
    followed to its end, the steps left over. Paths are rendered only when a finding needs them."""

    steps: tuple[Concrete, ...]
    value: object
    rest: tuple[Step, ...] = ()

    @property
    def path(self) -> str:
        """The field's path, as written past the point where the model had no value."""
        return render(self.steps + self.rest)

    @property
    def anchor(self) -> str:
        """The deepest part of the path that the model reaches: where a missing value is located."""
        return render(self.steps)


def expand(root: object, path: Path) -> list[Item]:
    """Every concrete field that ``path`` names in ``root``, in model order; absent fields have value None."""
    found: list[Item] = []
    _expander(path)(root, (), found)
    return found


# A path compiled into one small function per step, each calling the next: the kind of each step, whether an absent
# value is still worth reporting after it and the steps to show for it are settled once per path instead of once per
# value reached, which made expanding a catalogue path over a large manifest several times cheaper.
Expander = Callable[[object, tuple[Concrete, ...], list[Item]], None]


def _expander(path: Path) -> Expander:
    compiled = path._expander
    if compiled is None:
        compiled = _compile(path.steps)
        object.__setattr__(path, "_expander", compiled)
    return compiled


def _compile(steps: tuple[Step, ...]) -> Expander:
    def reached(node: object, done: tuple[Concrete, ...], found: list[Item]) -> None:
        found.append(Item(done, node))

    following: Expander = reached
    for at in range(len(steps) - 1, -1, -1):
        following = _compile_step(steps, at, following)
    return following


def _compile_step(steps: tuple[Step, ...], at: int, following: Expander) -> Expander:
    step = steps[at]
    rest = steps[at:]
    # The enclosing value is absent: the whole field is reported missing, located at what exists, unless a later
    # ``[*]`` makes the number of fields unknown.
    report_absent = not any(isinstance(s, Each) for s in steps[at + 1 :])
    last = at + 1 == len(steps)
    if isinstance(step, Attr):
        name, one = step.name, (step,)

        def attribute(node: object, done: tuple[Concrete, ...], found: list[Item]) -> None:
            if node is None:
                if report_absent:
                    found.append(Item(done, None, rest))
                return
            following(getattr(node, name, None), done + one, found)

        return attribute
    if isinstance(step, Key):
        key, key_step = step.key, (step,)

        def entry(node: object, done: tuple[Concrete, ...], found: list[Item]) -> None:
            if node is None:
                if report_absent:
                    found.append(Item(done, None, rest))
                return
            following(node.get(key) if isinstance(node, Mapping) else None, done + key_step, found)

        return entry
    if isinstance(step, Index):
        position, index_step = step.index, (step,)

        def indexed(node: object, done: tuple[Concrete, ...], found: list[Item]) -> None:
            if node is None:
                if report_absent:
                    found.append(Item(done, None, rest))
                return
            items = node if isinstance(node, tuple) else ()
            following(items[position] if position < len(items) else None, done + index_step, found)

        return indexed
    if isinstance(step, Each):

        def every(node: object, done: tuple[Concrete, ...], found: list[Item]) -> None:
            if node is None:
                if report_absent:
                    found.append(Item(done, None, rest))
                return
            if isinstance(node, tuple):
                for index, item in enumerate(node):
                    following(item, done + _index(index), found)

        return every
    matches = step.matches

    def selected(node: object, done: tuple[Concrete, ...], found: list[Item]) -> None:
        if node is None:
            if report_absent:
                found.append(Item(done, None, rest))
            return
        if not isinstance(node, tuple):
            # A selector on a single object (``arrival.place[scheme=schedule-d].code``) keeps it or drops it.
            if matches(node):
                following(node, done, found)
            elif last:
                found.append(Item(done, None, rest))
            return
        matched = False
        for index, item in enumerate(node):
            if matches(item):
                matched = True
                following(item, done + _index(index), found)
        if not matched and last:
            # A trailing selector asks whether such an item exists; an inner one only filters.
            found.append(Item(done, None, rest))

    return selected


_INDEXES: list[tuple[Index]] = []


def _index(index: int) -> tuple[Index]:
    """``(Index(index),)``, made once per index: every item of every list gets one."""
    try:
        return _INDEXES[index]
    except IndexError:
        _INDEXES.extend((Index(i),) for i in range(len(_INDEXES), index + 1))
        return _INDEXES[index]
