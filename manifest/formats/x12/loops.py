"""Transaction set loop maps as data, and the walker that places each segment in its loop.

X12.6 section 4: a transaction set is a sequence of segments and loops in a fixed order; a loop begins with its
first segment (the loop trigger) and repeats up to its maximum; each segment and loop has a requirement and a
maximum use. The walker is fed segment tags one at a time (so a stream needs no lookahead), answers the loop path
the segment belongs to, and reports what the table forbids: a segment not in the set, out of sequence, used more
than allowed, or a mandatory segment missing when its loop closes.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from manifest.diagnostics import Diagnostic
from manifest.formats.x12 import messages as m
from manifest.formats.x12.tokens import Segment
from manifest.slotted import record


@record
class Seg:
    tag: str
    required: bool = False
    max: int = 1


@dataclass(frozen=True, slots=True)
class Loop:
    id: str  # the loop identifier used in 997 AK303, by custom the trigger tag
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
            found.setdefault(_tag_of(child), []).append(i)
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


def _tag_of(node: Seg | Loop) -> str:
    return node.tag if isinstance(node, Seg) else node.trigger


class _Frame:
    __slots__ = ("by_tag", "counts", "first", "index", "spec")

    def __init__(self, spec: Loop, first: Segment) -> None:
        self.spec = spec
        self.by_tag = spec.by_tag
        self.index = 0
        self.counts = [0] * len(spec.children)
        self.counts[0] = 1
        self.first = first  # the segment that opened this iteration of the loop


class Walker:
    """Places segments in the loops of ``root`` (whose first segment is ST and last SE)."""

    def __init__(self, root: Loop, set_name: str, first: Segment) -> None:
        self._root = root
        self._set = set_name
        self._known = frozenset(root.tags())
        self._stack = [_Frame(root, first)]
        self._last = first.tag
        self._known_missing = ""
        self.path: tuple[str, ...] = ()  # the ids of the open loops, outermost first
        self.findings: list[tuple[Diagnostic, Segment | None]] = []

    def feed(self, segment: Segment) -> bool:
        """Place ``segment``; False (with a finding) when the loop map has no place for it."""
        tag = segment.tag
        stack = self._stack
        depth = len(stack)
        while depth:
            depth -= 1
            frame = stack[depth]
            candidates = frame.by_tag.get(tag)
            if candidates is None:
                continue
            # A loop's own trigger is matched by its parent, which then opens a new iteration.
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
                            self._missing(frame, skipped, segment)
                frame.index = i
                counts = frame.counts
                counts[i] += 1
                child = frame.spec.children[i]
                if counts[i] > child.max:
                    self._over_max(segment, child)
                if isinstance(child, Loop):
                    self._open(child, segment)
                self._last = tag
                return True
        if tag in self._known:
            finding = m.OUT_OF_ORDER(line=segment.line, column=segment.column, location=tag, tag=tag, after=self._last)
        else:
            finding = m.UNKNOWN_SEGMENT(line=segment.line, column=segment.column, location=tag, tag=tag, set=self._set)
        self.findings.append((finding, segment))
        return False

    def finish(self, at: Segment, trailer_seen: bool = True) -> None:
        """Close every open loop at the set trailer (or where the set was cut short, whose missing SE the
        envelope reports)."""
        if not trailer_seen:
            self._known_missing = "SE"
        while self._stack:
            self._close(self._stack.pop(), at)
        self.path = ()

    def _unwind(self, depth: int, at: Segment) -> None:
        """Close the loops open above ``depth``, innermost first."""
        stack = self._stack
        while len(stack) > depth:
            self._close(stack.pop(), at)
        self.path = self.path[: depth - 1]

    def _over_max(self, segment: Segment, child: Seg | Loop) -> None:
        what, what_es = ("loop", "el ciclo") if isinstance(child, Loop) else ("segment", "el segmento")
        self.findings.append(
            (
                m.OVER_MAX(
                    line=segment.line,
                    column=segment.column,
                    location=segment.tag,
                    what=what,
                    what_es=what_es,
                    tag=segment.tag,
                    max=child.max,
                ),
                segment,
            )
        )

    def _open(self, loop: Loop, segment: Segment) -> None:
        self._stack.append(_Frame(loop, segment))
        self.path = (*self.path, loop.id)
        first = loop.children[0]
        if isinstance(first, Loop):
            self._open(first, segment)

    def _close(self, frame: _Frame, at: Segment) -> None:
        for i in frame.spec.required_children:
            if i > frame.index:
                self._missing(frame, i, at)

    def _missing(self, frame: _Frame, index: int, at: Segment) -> None:
        child = frame.spec.children[index]
        if child.required and frame.counts[index] == 0 and _tag_of(child) != self._known_missing:
            spec = frame.spec
            where = "the transaction set" if spec is self._root else f"loop {spec.id} (line {frame.first.line})"
            self.findings.append(
                (
                    m.MISSING_SEGMENT(
                        line=at.line, column=at.column, location=_tag_of(child), tag=_tag_of(child), loop=where
                    ),
                    None,
                )
            )
