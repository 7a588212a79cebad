"""Path expansion, compiled step by step for speed, gives exactly what a plain walk of the path's definition gives:
the same items, values and left-over steps, in the same order, on every sample and on arbitrary paths."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path as FilePath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from manifest import api
from manifest.model import Manifest
from manifest.requirements.checks import Context, parsed
from manifest.requirements.engine import rules
from manifest.requirements.paths import Attr, Concrete, Each, Index, Key, Path, Select, Step, expand

SAMPLES = sorted(
    p for p in (FilePath(__file__).parent.parent / "samples").rglob("*") if p.is_file() and p.name != "README.md"
)
Found = list[tuple[tuple[Concrete, ...], object, tuple[Step, ...]]]


def walk(node: object, steps: tuple[Step, ...], done: tuple[Concrete, ...] = ()) -> Found:
    """The definition in ``paths``' docstring, one value at a time, as plainly as it can be written."""
    if not steps:
        return [(done, node, ())]
    step, tail = steps[0], steps[1:]
    if node is None:
        return [] if any(isinstance(s, Each) for s in tail) else [(done, None, steps)]
    if isinstance(step, Attr):
        return walk(getattr(node, step.name, None), tail, (*done, step))
    if isinstance(step, Key):
        return walk(node.get(step.key) if isinstance(node, Mapping) else None, tail, (*done, step))
    items = node if isinstance(node, tuple) else ()
    if isinstance(step, Index):
        return walk(items[step.index] if step.index < len(items) else None, tail, (*done, step))
    if isinstance(step, Each):
        return [found for i, item in enumerate(items) for found in walk(item, tail, (*done, Index(i)))]
    assert isinstance(step, Select)
    if not isinstance(node, tuple):
        if step.matches(node):
            return walk(node, tail, done)
        return [] if tail else [(done, None, steps)]
    found = [f for i, item in enumerate(node) if step.matches(item) for f in walk(item, tail, (*done, Index(i)))]
    if not any(step.matches(item) for item in node) and not tail:
        return [(done, None, steps)]
    return found


def expanded(manifest: Manifest, path: Path) -> Found:
    return [(item.steps, item.value, item.rest) for item in expand(manifest, path)]


def _manifests() -> list[Manifest]:
    return [m for sample in SAMPLES for m in api.read(sample.read_bytes(), name=sample.name).manifests]


MANIFESTS = _manifests()
CATALOGUE_PATHS = sorted({text for rule in rules() for text in rule.fields})


@pytest.mark.parametrize("text", CATALOGUE_PATHS)
def test_every_catalogue_path_expands_as_defined_on_every_sample(text: str) -> None:
    path = Path.parse(text)
    for manifest in MANIFESTS:
        assert expanded(manifest, path) == walk(manifest, path.steps)
        assert expanded(manifest, path) == walk(manifest, path.steps)  # the compiled path is reused


@pytest.mark.parametrize("text", CATALOGUE_PATHS)
def test_a_context_expanding_shared_beginnings_once_finds_the_same_items(text: str) -> None:
    for manifest in MANIFESTS:
        context = Context(manifest)
        for other in CATALOGUE_PATHS:  # the beginnings of other paths expanded first, as a rule run does
            context.items(parsed(other))
        assert context.items(Path.parse(text)) == expand(manifest, Path.parse(text))


_NAMES = (
    "consignments",
    "goods",
    "equipment",
    "parties",
    "hazardous",
    "seals",
    "address",
    "name",
    "number",
    "value",
    "conveyance",
    "stops",
    "place",
    "code",
    "initial",
    "un_number",
    "tax_ids",
    "extensions",
    "nothing",
)
_STEPS = st.one_of(
    st.sampled_from(_NAMES).map(Attr),
    st.sampled_from(("x12.M11.09", "cuscar.BGM.01", "absent")).map(Key),
    st.integers(0, 3).map(Index),
    st.just(Each()),
    st.sampled_from((("role", ("shipper",)), ("kind", ("container", "railcar")), ("scheme", ("schedule-d",)))).map(
        lambda pair: Select(*pair)
    ),
)


@given(st.lists(_STEPS, min_size=1, max_size=6), st.integers(0, len(MANIFESTS) - 1))
def test_any_path_expands_as_defined(steps: list[Step], which: int) -> None:
    path = Path(tuple(steps))
    assert expanded(MANIFESTS[which], path) == walk(MANIFESTS[which], path.steps)
    context = Context(MANIFESTS[which])
    assert context.items(path) == expand(MANIFESTS[which], path)
    if len(steps) > 1:
        assert context.items(Path(tuple(steps[:-1]))) == expand(MANIFESTS[which], Path(tuple(steps[:-1])))


@pytest.mark.parametrize("text", CATALOGUE_PATHS)
def test_a_path_bound_through_its_key_is_the_path_bound(text: str) -> None:
    """Context.bound shares one bound path among the items whose keys agree; each gets what binding gives."""
    others = [parsed(t) for t in CATALOGUE_PATHS]
    for manifest in MANIFESTS[:: max(1, len(MANIFESTS) // 6)]:
        context = Context(manifest)
        for item in expand(manifest, Path.parse(text)):
            for other in others:
                assert context.bound(other, item.steps) == expand(manifest, other.bind(item.steps))
