"""Model field paths with wildcards and selectors, and their expansion over a manifest.

A rule names the fields it checks with the same paths the source maps use (``consignments[2].gross_weight``), plus:

- ``[*]`` every item of a list: ``consignments[*].goods[*].hs_code``;
- ``[key=value]`` (or ``[key=a|b]``) the items whose ``key`` has one of the values. Inside a path it filters
  (``consignments[*].equipment[kind=container].number`` names the numbers of containers only); at the end it names
  the item, absent when none matches (``consignments[*].parties[role=shipper]``);
- ``extensions[KEY]`` one entry of an extension map, the key taken whole (``extensions[x12.M11.09]``; a rule may
  write it ``extensions.x12.M11.09``).

The spelling and its parser are the core's (:mod:`manifest.core.paths`); this module expands paths over a manifest.

Expanding a path gives one :class:`Item` per concrete field, present or not: an absent field is an item whose value
is None, so that a ``required`` check can report it, pinned to the deepest part of the path that exists.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from manifest.core.paths import Attr, Concrete, Each, Index, Key, PathError, Select, Step, parse, render
from manifest.slotted import record

__all__ = [
    "Attr",
    "Concrete",
    "Each",
    "Index",
    "Item",
    "Key",
    "Path",
    "PathError",
    "Select",
    "Step",
    "expand",
    "expand_bound",
    "follow",
    "render",
    "shared_prefix",
]


@dataclass(frozen=True, slots=True)
class Path:
    steps: tuple[Step, ...]
    # A path is the key of the expansions a check context keeps; hashing its steps on every lookup would cost
    # more than the lookup saves, so the hash is taken once.
    _hash: int = field(init=False, repr=False, compare=False)
    # The path compiled for expansion (see ``expand``), and its split at the last ``[*]`` (see ``shared_prefix``),
    # on first use.
    _expander: tuple[Expander, ...] | None = field(init=False, repr=False, compare=False)
    _split: Split | bool | None = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_hash", hash(self.steps))
        object.__setattr__(self, "_expander", None)
        object.__setattr__(self, "_split", False)

    def __hash__(self) -> int:
        return self._hash

    def __reduce__(self) -> tuple[type[Path], tuple[tuple[Step, ...]]]:
        # String hashes differ from process to process: a copy sent elsewhere takes its hash afresh.
        return (Path, (self.steps,))

    @classmethod
    def parse(cls, text: str) -> Path:
        """The path ``text`` spells; :class:`PathError` when it spells none."""
        return cls(tuple(_STEPS.setdefault(step, step) for step in parse(text)))

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

    def bind_key(self, concrete: tuple[Concrete, ...]) -> tuple[int, ...]:
        """The indexes :meth:`bind` puts in place of the leading ``[*]``, in order: two concretes with the same key
        bind this path to the same path. Cheaper than binding: most steps compared are the very same objects (see
        ``_STEPS``), and a tuple of numbers hashes at once."""
        return self.binding(concrete)[0]

    def binding(self, concrete: tuple[Concrete, ...]) -> tuple[tuple[int, ...], int]:
        """:meth:`bind_key`, and how many leading steps the binding fixes: the bound path is ``concrete[:n]``
        followed by this path's steps from ``n`` on (see :func:`expand_bound`)."""
        fixed: list[int] = []
        bound = 0
        for step, other in zip(self.steps, concrete, strict=False):
            if step is not other:
                if isinstance(step, Each) and isinstance(other, Index):
                    fixed.append(other.index)
                elif step != other:
                    break
            bound += 1
        return tuple(fixed), bound


# Every step parsed, once: the paths of the catalogue share their step objects, so that comparing the steps of two
# paths (binding one to the other's items) mostly finds the same object.
_STEPS: dict[Step, Step] = {}


@record  # one Item per field of every bill checked
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
    compiled = path._expander
    if compiled is None and not any(isinstance(step, Each | Select) for step in path.steps):
        # A path with one field at most (a rule's path bound to one item): followed, not worth compiling.
        follow(root, path.steps, found)
        return found
    (compiled or _expander(path))[0](root, (), found)
    return found


def expand_bound(root: object, path: Path, fixed: tuple[Concrete, ...]) -> list[Item]:
    """``expand(root, path.bind(concrete))`` where ``fixed`` is the part of ``concrete`` that binds (see
    :meth:`Path.binding`), without making the bound path: the fixed steps are followed, and the rest of the path is
    expanded by ``path``'s own compiled steps, compiled once per rule instead of once per item bound."""
    found: list[Item] = []
    node = root
    for at, step in enumerate(fixed):
        if node is None:
            # As a compiled path reports an absent value: unless a later ``[*]`` leaves the number of fields unknown.
            if not any(isinstance(later, Each) for later in path.steps[len(fixed) :]):
                found.append(Item(fixed[:at], None, fixed[at:] + path.steps[len(fixed) :]))
            return found
        node = _step_into(node, step)
    _expander(path)[len(fixed)](node, fixed, found)
    return found


def _step_into(node: object, step: Concrete) -> object:
    """The value one concrete step reaches from ``node`` (None when there is none)."""
    if isinstance(step, Attr):
        return getattr(node, step.name, None)
    if isinstance(step, Key):
        return node.get(step.key) if isinstance(node, Mapping) else None
    items = node if isinstance(node, tuple) else ()
    return items[step.index] if step.index < len(items) else None


def follow(root: object, steps: tuple[Step, ...], found: list[Item]) -> None:
    """Add to ``found`` the one field that ``steps`` (no ``[*]``, no selector) name in ``root``, as :func:`expand`
    gives it."""
    node = root
    done: tuple[Concrete, ...] = ()
    for at, step in enumerate(steps):
        if node is None:
            found.append(Item(done, None, steps[at:]))
            return
        assert isinstance(step, Attr | Key | Index)
        node = _step_into(node, step)
        done = (*done, step)
    found.append(Item(done, node))


# A path compiled into one small function per step, each calling the next: the kind of each step, whether an absent
# value is still worth reporting after it and the steps to show for it are settled once per path instead of once per
# value reached, which made expanding a catalogue path over a large manifest several times cheaper.
Expander = Callable[[object, tuple[Concrete, ...], list[Item]], None]


def _expander(path: Path) -> tuple[Expander, ...]:
    """The compiled path: entry ``at`` follows the steps from ``at`` on."""
    compiled = path._expander
    if compiled is None:
        compiled = _compile(path.steps)
        object.__setattr__(path, "_expander", compiled)
    return compiled


def _compile(steps: tuple[Step, ...]) -> tuple[Expander, ...]:
    def reached(node: object, done: tuple[Concrete, ...], found: list[Item]) -> None:
        found.append(Item(done, node))

    chain: list[Expander] = [reached]
    for at in range(len(steps) - 1, -1, -1):
        chain.append(_compile_step(steps, at, chain[-1]))
    return tuple(reversed(chain))


# Split (see shared_prefix): the prefix up to the last inner ``[*]``, what follows the values it reaches, and what
# to report for a list found absent at that ``[*]`` (None when nothing is reported).
Split = tuple[Path, Expander, tuple[Step, ...] | None]


def shared_prefix(path: Path) -> Split | None:
    """``path`` cut after its last ``[*]`` that is not its last step, so that the paths of a catalogue that start
    alike (``consignments[*].goods[*].hs_code``, ``...description``) expand their common part once.

    Expanding the prefix gives the values that ``[*]`` reaches, in order, each as an Item, and an Item with steps
    left over where the list itself is absent (nothing before an inner ``[*]`` reports an absent value). The field
    named by ``path`` is then found by following the rest of the steps from each of those values, and its absent
    list is reported as ``path`` would report it.
    """
    split = path._split
    if split is False:
        steps = path.steps
        last = max((at for at, step in enumerate(steps[:-1]) if isinstance(step, Each)), default=-1)
        if last < 0:
            split = None
        else:
            report_absent = not any(isinstance(step, Each) for step in steps[last + 1 :])
            split = (Path(steps[: last + 1]), _expander(path)[last + 1], steps[last:] if report_absent else None)
        object.__setattr__(path, "_split", split)
    return split  # type: ignore[return-value]


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
