"""Frozen, slotted dataclasses that cost little to create and to construct (the model and the requirement
engine's items): :func:`record`.

``@dataclass(frozen=True, slots=True)`` writes six methods for each class as source text and compiles each with
``exec`` (``__init__``, ``__repr__``, ``__eq__``, ``__hash__``, ``__setattr__``, ``__delattr__``); for the hundred
classes a command imports, that compiling was a third of the start of ``manifest validate``. A record has the same
behaviour with one compiled method: the constructor (whose speed matters, a reader builds a few dozen objects per
bill), while equality, hashing, ``repr``, immutability and pickling are closures over the class's field names,
which are made without compiling anything. ``dataclasses.fields``, ``replace`` and ``is_dataclass`` work on a record
as on any dataclass.
"""

from __future__ import annotations

import atexit
import dataclasses
import reprlib
import typing
from collections.abc import Callable, Mapping
from operator import attrgetter
from types import CodeType
from typing import Any, TypeVar, dataclass_transform, overload

from manifest.compiled import keep_form, kept_form

T = TypeVar("T")


@overload
def record(cls: type[T], /) -> type[T]: ...


@overload
def record(*, kw_only: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field,))
def record(cls: type[T] | None = None, /, *, kw_only: bool = False) -> type[T] | Callable[[type[T]], type[T]]:
    """``@dataclass(frozen=True, slots=True, kw_only=kw_only)``, made cheaply (see the module). Every field is set
    by the constructor (no ``init=False``) and the class has no ``__post_init__``; a method the class defines itself
    (``__repr__``, ``__eq__``, ``__hash__``) is kept."""

    def build(cls: type[T]) -> type[T]:
        assert "__post_init__" not in vars(cls), "a record's constructor does not call __post_init__"
        if cls.__doc__ is None:
            # What dataclass would write, written before it does: it takes the constructor's signature for it, which
            # on a class without one yet parses the signature text of object's (tokenize, 10 ms at the first class).
            cls.__doc__ = f"{cls.__name__}({', '.join(cls.__annotations__)})"
        made = dataclasses.dataclass(cls, init=False, repr=False, eq=False, slots=True, kw_only=kw_only)
        specs = dataclasses.fields(typing.cast(Any, made))
        own = vars(cls)
        methods: dict[str, Callable[..., object]] = {"__init__": _constructor(made, specs), **_frozen(specs)}
        if "__repr__" not in own:
            methods["__repr__"] = _repr(tuple(f.name for f in specs if f.repr))
        if "__eq__" not in own:
            methods["__eq__"] = _eq(_values(tuple(f.name for f in specs if f.compare)))
        # As dataclass judges it: the None that defining __eq__ puts in the class body is no hash of the class's own.
        if own.get("__hash__") is None and not ("__hash__" in own and "__eq__" not in own):
            methods["__hash__"] = _hash(_values(tuple(f.name for f in specs if f.compare if f.hash is None or f.hash)))
        for name, method in methods.items():
            method.__qualname__ = f"{made.__qualname__}.{name}"
            method.__module__ = made.__module__
            setattr(made, name, method)
        return made

    return build if cls is None else build(cls)


def _values(names: tuple[str, ...]) -> Callable[[object], tuple[object, ...]]:
    """The tuple of an object's values of ``names``, read in C by ``attrgetter``."""
    if len(names) > 1:
        return attrgetter(*names)
    if names:
        one = attrgetter(names[0])
        return lambda self: (one(self),)
    return lambda self: ()


def _eq(values: Callable[[object], tuple[object, ...]]) -> Callable[[object, object], object]:
    def __eq__(self: object, other: object) -> object:
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    return __eq__


def _hash(values: Callable[[object], tuple[object, ...]]) -> Callable[[object], int]:
    def __hash__(self: object) -> int:
        return hash(values(self))

    return __hash__


def _repr(names: tuple[str, ...]) -> Callable[[object], str]:
    @reprlib.recursive_repr()
    def __repr__(self: object) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in names)
        return f"{self.__class__.__qualname__}({shown})"

    return __repr__


def _frozen(specs: tuple[dataclasses.Field[Any], ...]) -> dict[str, Callable[..., object]]:
    """Assignment and deletion refused, as on a frozen dataclass, and the pickling that works around them."""
    names = tuple(f.name for f in specs)
    values = _values(names)

    def __setattr__(self: object, name: str, value: object) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self: object, name: str) -> None:
        raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")

    def __getstate__(self: object) -> tuple[object, ...]:
        return values(self)

    def __setstate__(self: object, state: tuple[object, ...]) -> None:
        for name, value in zip(names, state, strict=True):
            object.__setattr__(self, name, value)

    return {
        "__setattr__": __setattr__,
        "__delattr__": __delattr__,
        "__getstate__": __getstate__,
        "__setstate__": __setstate__,
    }


def _constructor(cls: type, specs: tuple[dataclasses.Field[Any], ...]) -> Callable[..., None]:
    """A constructor that stores each field through its slot, with the signature ``dataclass`` would write
    (positional or keyword-only fields, defaults, default factories).

    The constructor ``dataclass`` writes for a frozen class sets every field with ``object.__setattr__(self, name,
    value)``, a lookup of the name on the class for each field of each object; a reader builds a few dozen objects
    per bill, and that lookup was half their cost. Calling the slot's own setter does the same store directly.
    """
    names: dict[str, object] = {"_MISSING": dataclasses.MISSING}
    parameters: list[str] = []
    keywords: list[str] = []
    body: list[str] = []
    for spec in specs:
        name = spec.name
        assert spec.init, "a record's constructor sets every field"
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
    source = f"def __init__({signature}):\n" + "\n".join(body or ["    pass"]) + "\n"
    made: dict[str, object] = {}
    exec(_CONSTRUCTORS.code_of(source), names, made)  # the source is built above from the class's own field names
    init = typing.cast(Callable[..., None], made["__init__"])
    init.__annotations__ = {**{f.name: f.type for f in specs}, "return": None}
    return init


class _Constructors:
    """The constructors compiled, by their source, as the user's cache keeps them (see manifest.compiled):
    compiling them took as long as everything else a record costs at import. Read when the first record is made; a
    constructor not kept yet is compiled, and the whole map kept again when the process ends."""

    KIND = "record-constructors"
    AT_MOST = 2000  # the sources of classes of older versions of the package accumulate; past this, start again

    def __init__(self) -> None:
        self.codes: dict[str, CodeType] | None = None
        self.compiled = False

    def code_of(self, source: str) -> CodeType:
        codes = self.codes
        if codes is None:
            found = kept_form(self.KIND, ())
            codes = self.codes = found if isinstance(found, dict) and len(found) < self.AT_MOST else {}
        code = codes.get(source)
        if code is None:
            code = codes[source] = compile(source, "<record constructor>", "exec")
            if not self.compiled:
                self.compiled = True
                atexit.register(self.keep)
        return code

    def keep(self) -> None:
        keep_form(self.KIND, (), self.codes)


_CONSTRUCTORS = _Constructors()
