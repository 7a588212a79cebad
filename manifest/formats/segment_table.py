"""Segment tables as data, and the walker that places each segment of a message in its group.

X12 (X12.6 section 4, loops) and UN/EDIFACT (ISO 9735-1 section 7 and the UNSM segment tables, segment groups)
describe a message alike: a sequence of segments and groups in a fixed order; a group begins with its first segment
(the trigger, mandatory in it) and repeats up to its maximum; each segment and group has a status (mandatory or
conditional) and a maximum number of repeats. The walker is fed one segment at a time (so a stream needs no
lookahead): per segment it looks the tag up in the open groups, innermost first, and moves an integer position in
the group that holds it. What the table forbids is handed to the hooks of a subclass, which word the findings of
its format: a segment with no place after the one before it, a segment or group repeated past its maximum, a
mandatory segment or group missing when a later one is placed or its group closes.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

from manifest.slotted import record


@record
class Seg:
    tag: str
    required: bool = False
    max: int = 1


@dataclass(frozen=True, slots=True)
class Loop:
    id: str  # the group's name: the loop identifier of an X12 997 (AK303), by custom the trigger tag
    children: tuple[Seg | Loop, ...]
    required: bool = False
    max: int = 1
    # Child positions by tag (a loop by its trigger), so that placing a segment needs no scan; and the positions of
    # the required children, the only ones a closing loop has to look at.
    by_tag: Mapping[str, tuple[int, ...]] = field(init=False, compare=False, repr=False)
    required_children: tuple[int, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        found: dict[str, list[int]] = {}
        for i, child in enumerate(self.children):
            found.setdefault(tag_of(child), []).append(i)
        object.__setattr__(self, "by_tag", {tag: tuple(indexes) for tag, indexes in found.items()})
        required = tuple(i for i, child in enumerate(self.children) if child.required)
        object.__setattr__(self, "required_children", required)

    @property
    def trigger(self) -> str:
        first = self.children[0]
        return first.tag if isinstance(first, Seg) else first.trigger

    def tags(self) -> Iterator[str]:
        for child in self.children:
            if isinstance(child, Seg):
                yield child.tag
            else:
                yield from child.tags()


def tag_of(node: Seg | Loop) -> str:
    return node.tag if isinstance(node, Seg) else node.trigger


class Placed(Protocol):
    """What the walker needs of a segment: its tag (the findings of a subclass use the rest)."""

    @property
    def tag(self) -> str: ...


S = TypeVar("S", bound=Placed)


class Frame:
    """One open iteration of a group: its position (the child last placed) and the uses of each child."""

    __slots__ = ("by_tag", "counts", "first", "index", "spec")

    def __init__(self, spec: Loop, first: Placed) -> None:
        self.spec = spec
        self.by_tag = spec.by_tag
        self.index = 0
        self.counts = [0] * len(spec.children)
        self.counts[0] = 1
        self.first = first  # the segment that opened this iteration of the group


class TableWalker(ABC, Generic[S]):
    """Places segments in the groups of ``root`` (whose first child is the message's header segment). With
    ``resync``, a segment that has no place where it stands but opens the one group of the table it can open (a
    goods item outside any consignment) opens that group along its path, after its finding, so that the segments
    of the group are not each reported too."""

    def __init__(self, root: Loop, first: S, resync: bool = False) -> None:
        self._root = root
        known, paths = _derived(root)
        self._known = known
        self._stack = [Frame(root, first)]
        self.last = first  # the segment placed last
        self.path: tuple[str, ...] = ()  # the ids of the open groups, outermost first
        self._paths = paths if resync else {}

    def feed(self, segment: S) -> bool:
        """Place ``segment``; False (with the ``misplaced`` hook called) when the table has no place for it."""
        tag = segment.tag
        stack = self._stack
        depth = len(stack)
        while depth:
            depth -= 1
            frame = stack[depth]
            candidates = frame.by_tag.get(tag)
            if candidates is None:
                continue
            # A group's own trigger is matched by its parent, which then opens a new iteration.
            current = frame.index
            start = current if current > 1 else 1
            for i in candidates:
                if i < start:
                    continue
                if len(stack) > depth + 1:
                    self._unwind(depth + 1, segment)
                if i > current + 1:
                    for skipped in frame.spec.required_children:
                        if current < skipped < i:
                            self._check_missing(frame, skipped, segment)
                frame.index = i
                counts = frame.counts
                counts[i] += 1
                child = frame.spec.children[i]
                if counts[i] > child.max:
                    self.over_max(segment, child, frame, counts[i])
                if isinstance(child, Loop):
                    self._open(child, segment)
                self.last = segment
                return True
        self.misplaced(segment, tag in self._known, stack[-1])
        path = self._paths.get(tag)
        if path is not None:
            self._reopen(path, segment)
            self.last = segment
        return False

    def finish(self, at: S) -> None:
        """Close every open group at the end of the message (``at``: where a missing segment is reported)."""
        while self._stack:
            self._close(self._stack.pop(), at)
        self.path = ()

    def _unwind(self, depth: int, at: S) -> None:
        """Close the groups open above ``depth``, innermost first."""
        stack = self._stack
        while len(stack) > depth:
            self._close(stack.pop(), at)
        self.path = self.path[: depth - 1]

    def _open(self, loop: Loop, segment: S) -> None:
        self._stack.append(Frame(loop, segment))
        self.path = (*self.path, loop.id)
        first = loop.children[0]
        if isinstance(first, Loop):
            self._open(first, segment)

    def _reopen(self, path: tuple[int, ...], segment: S) -> None:
        """Close every group and open those along ``path`` (child positions from the root) as if their triggers
        had come: what is missing on the way is the segment's own finding, not one more each."""
        self._unwind(1, segment)
        frame = self._stack[0]
        for skipped in frame.spec.required_children:
            if frame.index < skipped < path[0]:
                self._check_missing(frame, skipped, segment)
        for i in path:
            frame.index = i
            frame.counts[i] += 1
            child = frame.spec.children[i]
            assert isinstance(child, Loop)
            frame = Frame(child, segment)
            self._stack.append(frame)
            self.path = (*self.path, child.id)

    def _close(self, frame: Frame, at: S) -> None:
        for i in frame.spec.required_children:
            if i > frame.index:
                self._check_missing(frame, i, at)

    def _check_missing(self, frame: Frame, index: int, at: S) -> None:
        if frame.counts[index] == 0:
            self.missing(frame, frame.spec.children[index], at, frame.spec is self._root)

    # -- hooks: the findings of a format, which each format's walker words -------------------------------------------
    @abstractmethod
    def misplaced(self, segment: S, known: bool, innermost: Frame) -> None:
        """``segment`` has no place after the one placed last (``known``: the table has the tag elsewhere)."""
        raise NotImplementedError

    @abstractmethod
    def over_max(self, segment: S, child: Seg | Loop, frame: Frame, uses: int) -> None:
        """``segment`` uses ``child`` (itself, or the group it opens) past its maximum: ``uses`` times."""
        raise NotImplementedError

    @abstractmethod
    def missing(self, frame: Frame, child: Seg | Loop, at: S, root: bool) -> None:
        """The mandatory ``child`` of ``frame`` is missing; ``at`` is the segment found instead (or the last)."""
        raise NotImplementedError


# What a walk needs of its table beyond the table, worked out once per table (a message is walked by a new walker):
# the table itself (so that its id stays its own), its tags, and the paths of the groups a resync may open.
_DERIVED: dict[int, tuple[Loop, frozenset[str], dict[str, tuple[int, ...]]]] = {}


def _derived(root: Loop) -> tuple[frozenset[str], dict[str, tuple[int, ...]]]:
    found = _DERIVED.get(id(root))
    if found is None:
        found = _DERIVED[id(root)] = (root, frozenset(root.tags()), _unique_group_paths(root))
    return found[1], found[2]


def _unique_group_paths(root: Loop) -> dict[str, tuple[int, ...]]:
    """The path (child positions from the root) of each group whose trigger appears nowhere else in the table."""
    uses: dict[str, int] = {}
    paths: dict[str, tuple[int, ...]] = {}

    def visit(loop: Loop, path: tuple[int, ...]) -> None:
        for i, child in enumerate(loop.children):
            if i == 0 and loop is not root:
                continue  # a group's trigger is counted where the group stands
            tag = tag_of(child)
            uses[tag] = uses.get(tag, 0) + 1
            if isinstance(child, Loop):
                paths[tag] = (*path, i)
                visit(child, (*path, i))

    visit(root, ())
    return {tag: path for tag, path in paths.items() if uses[tag] == 1}
