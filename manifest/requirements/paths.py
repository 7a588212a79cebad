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
from collections.abc import Mapping
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

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash(self.steps))

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
    """Every concrete field that ``path`` names in ``root``, in model order; absent fields have value None.

    The path is followed one step at a time over all the values reached so far (not one value at a time down to
    the end): a batch expands some hundred paths per manifest, and a call per value and step was the largest cost
    of checking a small file. A field found absent stays in its place in the list as a finished Item.
    """
    steps = path.steps
    reached: list[tuple[object, tuple[Concrete, ...]] | Item] = [(root, ())]
    for at, step in enumerate(steps):
        last = at + 1 == len(steps)
        following: list[tuple[object, tuple[Concrete, ...]] | Item] = []
        for entry in reached:
            if isinstance(entry, Item):
                following.append(entry)
                continue
            node, done = entry
            if node is None:
                # The enclosing value is absent: report the whole field as missing, located at what exists.
                if not any(isinstance(s, Each) for s in steps[at + 1 :]):
                    following.append(Item(done, None, steps[at:]))
            elif isinstance(step, Attr):
                following.append((getattr(node, step.name, None), (*done, step)))
            elif isinstance(step, Key):
                following.append((node.get(step.key) if isinstance(node, Mapping) else None, (*done, step)))
            elif isinstance(step, Index):
                items = node if isinstance(node, tuple) else ()
                following.append((items[step.index] if step.index < len(items) else None, (*done, step)))
            elif isinstance(step, Each):
                if isinstance(node, tuple):
                    following.extend((item, (*done, Index(index))) for index, item in enumerate(node))
            elif not isinstance(node, tuple):
                # A selector on a single object (``arrival.place[scheme=schedule-d].code``) keeps it or drops it.
                if step.matches(node):
                    following.append(entry)
                elif last:
                    following.append(Item(done, None, steps[at:]))
            else:
                matched = [(item, (*done, Index(index))) for index, item in enumerate(node) if step.matches(item)]
                following.extend(matched)
                if not matched and last:
                    # A trailing selector asks whether such an item exists; an inner one only filters.
                    following.append(Item(done, None, steps[at:]))
        reached = following
    return [entry if isinstance(entry, Item) else Item(entry[1], entry[0]) for entry in reached]
