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


@given(st.lists(_STEPS, min_size=1, max_size=6), st.lists(_STEPS, min_size=1, max_size=6), st.integers(0, 99))
def test_any_path_bound_to_any_item_expands_as_the_bound_path(steps: list[Step], at: list[Step], which: int) -> None:
    """Context.bound follows the fixed steps and expands the rest with the rule path's own compiled steps; that
    gives what expanding the bound path gives, absent values and left-over steps included."""
    manifest = MANIFESTS[which % len(MANIFESTS)]
    path = Path(tuple(steps))
    for item in expand(manifest, Path(tuple(at)))[:5]:
        for concrete in (item.steps, (*item.steps, *(s for s in item.rest if isinstance(s, Attr | Key | Index)))):
            assert Context(manifest).bound(path, concrete) == expand(manifest, path.bind(concrete))


def test_a_rule_path_is_compiled_once_whatever_the_number_of_items_bound(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule comparing each bill with its own fields (the sum of its goods' weights) binds its path to every bill:
    how many paths are compiled does not grow with the number of bills."""
    from benchmarks import replicate
    from manifest.requirements import paths

    compiled: list[object] = []
    original = paths._compile

    def counting(steps: tuple[Step, ...]) -> object:
        compiled.append(steps)
        return original(steps)

    monkeypatch.setattr(paths, "_compile", counting)
    sample = "samples/maritime/northbound-vessel-maersk-kensington-647n.synthetic.309"
    (vessel,) = api.read((FilePath(__file__).parent.parent / sample).read_bytes()).manifests
    counts = []
    for copies in (5, 10, 20):  # the first run compiles the catalogue's own paths, kept for the process
        written = api.write([replicate.grow(vessel, copies)], "x12-309").data
        compiled.clear()
        assert not api.validate(written).diagnostics
        counts.append(len(compiled))
    assert counts[1] == counts[2], counts


def test_the_field_beside_an_item_is_what_its_path_expands_to_and_nothing_is_kept_per_item() -> None:
    """A check that reads the field beside its item (the country of the same address) follows the item's steps; the
    context keeps no expansion per item, whatever the number of items."""
    from manifest.requirements.check_context import beside_field

    for manifest in MANIFESTS:
        context = Context(manifest)
        items = [*expand(manifest, parsed("consignments[*].parties[*].address.subdivision"))]
        items += expand(manifest, parsed("consignments[*].goods[*].description"))
        for item in items:
            for name in ("country", "city", "marks", "absent"):
                expected = expand(manifest, Path((*item.steps[:-1], Attr(name))))
                assert beside_field(context, item, name) == expected
        assert not context._items
