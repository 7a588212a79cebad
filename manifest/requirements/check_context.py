"""What every kind of check works with: the manifest under check and the expansions of the paths it compares
against (:class:`Context`), a check's finding, and the text of a value as findings show it."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import field
from datetime import date
from decimal import Decimal
from functools import cache

from manifest.core.canonical import scalar_to_text
from manifest.model import Manifest, Money, Quantity
from manifest.requirements.paths import Attr, Concrete, Item, Path, expand, expand_bound, follow, shared_prefix
from manifest.slotted import record

Params = Mapping[str, object]


@record
class Finding:
    item: Item
    args: Mapping[str, str] = field(default_factory=dict)


class Context:
    """The manifest under check, with the expansions of the paths that rules compare against, computed once.

    A house waybill's master, a bill's equipment: many items look at the same other fields, so their expansion is
    kept for the run instead of being walked again for every item.
    """

    def __init__(self, manifest: Manifest) -> None:
        self.manifest = manifest
        self._items: dict[Path, list[Item]] = {}
        self._bound: dict[tuple[Path, tuple[int, ...]], list[Item]] = {}
        self._names: dict[tuple[Path, tuple[int, ...], str], frozenset[str]] = {}
        self._firsts: dict[tuple[Path, str], Mapping[tuple[str, str], str]] = {}

    def items(self, path: Path) -> list[Item]:
        found = self._items.get(path)
        if found is not None:
            return found
        split = shared_prefix(path)
        if split is None:
            found = expand(self.manifest, path)
        else:
            # Catalogue paths share their beginnings: the common part is expanded once for all of them.
            prefix, follow, absent = split
            found = []
            for reached in self.items(prefix):
                if not reached.rest:
                    follow(reached.value, reached.steps, found)
                elif absent is not None:
                    found.append(Item(reached.steps, None, absent))
        self._items[path] = found
        return found

    def bound(self, path: Path, concrete: tuple[Concrete, ...]) -> list[Item]:
        """The items of ``path`` bound to ``concrete`` (see :meth:`Path.bind`); the bound path is made once for all
        the items that bind it alike (every goods item of a bill looks at the same bill)."""
        indexes, fixed = path.binding(concrete)
        key = (path, indexes)
        found = self._bound.get(key)
        if found is None:
            found = self._bound[key] = expand_bound(self.manifest, path, concrete[:fixed])
        return found

    def firsts(self, path: Path, alike: str) -> Mapping[tuple[str, str], str]:
        """For each value at ``path`` (with the value of its field ``alike`` beside it), the path of its first
        occurrence: kept for the run, so that finding the duplicates of n values takes n look-ups, not n²."""
        key = (path, alike)
        found = self._firsts.get(key)
        if found is None:
            firsts: dict[tuple[str, str], str] = {}
            for item in self.items(path):
                if not is_missing(item.value):
                    firsts.setdefault(unique_key(self, item, alike), item.path)
            found = self._firsts[key] = firsts
        return found

    def names(self, path: Path, attribute: str, concrete: tuple[Concrete, ...] = ()) -> frozenset[str]:
        """The text of ``attribute`` (or of the value itself) of every object at ``path``, bound to ``concrete``
        when given (see :meth:`Path.bind`)."""
        key = (path, path.bind_key(concrete), attribute)
        found = self._names.get(key)
        if found is None:
            items = self.bound(path, concrete) if concrete else self.items(path)
            values = (getattr(item.value, attribute, None) if attribute else item.value for item in items)
            found = self._names[key] = frozenset(str(value) for value in values if value is not None)
        return found


Check = Callable[[Context, Item, Params], Iterator[Finding]]


class ParamError(ValueError):
    """A check's parameters in the catalogue are wrong; raised when the catalogue is loaded, never on data."""


def is_missing(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip()) or (isinstance(value, tuple) and not value)


def text_of(value: object) -> str:
    """The value as the model's canonical text (``true``, ``40000``, ``2026-11-20T10:30:00``, ``40000 KGM``)."""
    if isinstance(value, Quantity):
        return f"{scalar_to_text(value.value)} {value.unit}"
    if isinstance(value, Money):
        return f"{scalar_to_text(value.amount)} {value.currency}"
    return scalar_to_text(value)


def shown_value(value: object) -> str | None:
    """The value a diagnostic reports: text for scalars, quantities and money; None for absent values and for
    whole objects and lists, which have no one-line form."""
    if is_missing(value) or not isinstance(value, str | int | Decimal | date | Quantity | Money):
        return None
    return text_of(value)


@cache
def parsed(text: str) -> Path:
    """A catalogue path, parsed once."""
    return Path.parse(text)


def bound_others(context: Context, item: Item, params: Params, key: str) -> list[Item]:
    return context.bound(parsed(str(params[key])), item.steps)


def path_list(params: Params, key: str) -> list[str]:
    value = params.get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise ParamError(f"{key!r} must be a non-empty list of model paths")
    return value


def unique_key(context: Context, item: Item, alike: str) -> tuple[str, str]:
    """What makes two values of a ``unique`` rule the same: the value, and the field ``alike`` beside it."""
    if not alike:
        return (text_of(item.value), "")
    beside = [other.value for other in beside_field(context, item, alike)]
    return (text_of(item.value), text_of(beside[0]) if beside and not is_missing(beside[0]) else "")


def beside_field(context: Context, item: Item, name: str) -> list[Item]:
    """The field ``name`` of the object that holds ``item`` (the country of the same address, the document type of
    the same bill). Its steps are the item's, followed from the manifest as they are: a path made, expanded and kept
    per item cost more than the check itself."""
    if len(item.steps) < 2:
        return []
    found: list[Item] = []
    follow(context.manifest, (*item.steps[:-1], Attr(name)), found)
    return found
