"""Which rules can judge a manifest otherwise once some of its fields have changed.

A rule reads the fields its paths name, the fields its parameters name (a condition's field, the field it is
compared with, summed over or resolved in), the field each selector of those paths filters on
(``equipment[kind=container]`` reads each item's ``kind``), and the field beside its own that a check looks at
(``beside``, ``alike``). A field is told by its names alone, list indexes, selectors and extension keys left out:
``consignments[3].goods[0].value`` is ``consignments.goods.value``. A rule reading a field that holds a changed one,
or one that a changed one holds, may find otherwise; any other rule finds on the changed manifest exactly what it
finds on the first.

A conversion checks the model as the target holds it against the rules, and reports what the source did not fail
already (:mod:`manifest.unmet`): only the rules that read what the target changed need to run on either.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Mapping, Sequence

from manifest.core.paths import Attr, PathError, Select, Step, parse
from manifest.requirements.definitions import Rule

Names = tuple[str, ...]
_SIBLING_PARAMETERS = ("beside", "alike")  # a field of the same object as the one checked


def changed_fields(before: object, after: object) -> set[Names]:
    """The names of the fields at which ``after`` differs from ``before`` (two models of the same manifest)."""
    found: set[Names] = set()
    _changes(before, after, (), found)
    return found


def _changes(before: object, after: object, names: Names, found: set[Names]) -> None:
    # Objects left as they were are the same objects (a model is changed by replacing what holds a change): only
    # the branches that were replaced are walked.
    if before is after:
        return
    if type(before) is type(after) and dataclasses.is_dataclass(before):
        for spec in dataclasses.fields(before):
            _changes(getattr(before, spec.name), getattr(after, spec.name), (*names, spec.name), found)
    elif isinstance(before, tuple) and isinstance(after, tuple) and len(before) == len(after):
        for one, other in zip(before, after, strict=True):
            _changes(one, other, names, found)
    elif before != after:
        found.add(names)


def reading(rules: Iterable[Rule], changed: Iterable[Names]) -> set[str]:
    """The codes of ``rules`` that read one of the ``changed`` fields, or a field that holds one or that one holds."""
    wanted = set(changed)
    return {rule.code for rule in rules if any(_related(read, wanted) for read in fields_read(rule))}


def _related(read: Names, changed: set[Names]) -> bool:
    return any(read[: len(names)] == names or names[: len(read)] == read for names in changed)


def fields_read(rule: Rule) -> frozenset[Names]:
    """The names of every field ``rule`` reads (see the module)."""
    siblings = tuple(str(value) for key, value in _parameters(rule.params) if key in _SIBLING_PARAMETERS)
    found: set[Names] = set()
    texts = [*rule.fields, *(value for _, value in _parameters(rule.params) if isinstance(value, str))]
    for text in texts:
        try:
            steps = parse(text)
        except PathError:
            continue  # a parameter that is no path (a pattern, a code list's name): over-counting is harmless
        found.update(_names_read(steps))
        holder = _names(steps)[:-1]  # beside a field checked or compared with (unique's values, alike)
        found.update((*holder, sibling) for sibling in siblings)
    return frozenset(found)


def _parameters(params: Mapping[str, object]) -> Iterator[tuple[str, object]]:
    """Every parameter, those of a condition's tables and the items of a list of paths included."""
    for key, value in params.items():
        if isinstance(value, Mapping):
            yield from _parameters(value)
        elif isinstance(value, list):
            yield from ((key, item) for item in value)
        else:
            yield key, value


def _names_read(steps: Sequence[Step]) -> Iterator[Names]:
    yield _names(steps)
    for at, step in enumerate(steps):
        if isinstance(step, Select):
            yield (*_names(steps[:at]), step.key)


def _names(steps: Sequence[Step]) -> Names:
    return tuple(step.name for step in steps if isinstance(step, Attr))
