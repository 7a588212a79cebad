"""Faster construction of frozen, slotted dataclasses (the model and the requirement engine's items)."""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable, Mapping
from typing import TypeVar

T = TypeVar("T")


def quick_init(cls: type[T]) -> type[T]:
    """Give a frozen, slotted dataclass a constructor that stores each field through its slot (apply it above
    ``@dataclass(frozen=True, slots=True)``; fields with ``init=False`` or a ``__post_init__`` are not supported).

    The constructor ``dataclass`` writes for a frozen class sets every field with ``object.__setattr__(self, name,
    value)``, a lookup of the name on the class for each field of each object; a reader builds a few dozen objects
    per bill, and that lookup was half their cost. Calling the slot's own setter does the same store directly. The
    signature (positional or keyword-only fields, defaults, default factories) is the one ``dataclass`` generated,
    and everything else it made (equality, hashing, ``replace``, pickling, ``fields``) is left as it was.
    """
    assert not hasattr(cls, "__post_init__"), "quick_init does not call __post_init__"
    names: dict[str, object] = {"_MISSING": dataclasses.MISSING}
    parameters: list[str] = []
    keywords: list[str] = []
    body: list[str] = []
    for spec in dataclasses.fields(cls):  # type: ignore[arg-type]
        name = spec.name
        assert spec.init, "quick_init sets every field"
        into = keywords if spec.kw_only else parameters
        names[f"_set_{name}"] = cls.__dict__[name].__set__
        if spec.default is not dataclasses.MISSING:
            names[f"_default_{name}"] = spec.default
            into.append(f"{name}=_default_{name}")
            if isinstance(spec.default, Mapping) and not spec.default:
                # A shared, immutable empty map as default (the model's extensions): an empty dict given in its
                # place is replaced by it, so that a reader building its maps as it goes keeps no empty ones.
                body.append(f"    if type({name}) is dict and not {name}:\n        {name} = _default_{name}")
        elif spec.default_factory is not dataclasses.MISSING:
            names[f"_factory_{name}"] = spec.default_factory
            into.append(f"{name}=_MISSING")
            body.append(f"    if {name} is _MISSING:\n        {name} = _factory_{name}()")
        else:
            into.append(name)
        body.append(f"    _set_{name}(self, {name})")
    signature = ", ".join(["self", *parameters, *(["*", *keywords] if keywords else [])])
    source = f"def __init__({signature}):\n" + "\n".join(body) + "\n"
    made: dict[str, object] = {}
    exec(source, names, made)  # the source is built above from the class's own field names
    init = typing.cast(Callable[..., None], made["__init__"])
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__annotations__ = dict(cls.__init__.__annotations__)
    init.__module__ = cls.__module__
    setattr(cls, "__init__", init)  # noqa: B010 - mypy forbids assigning to a method
    return cls
