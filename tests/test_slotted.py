"""The records of :mod:`manifest.slotted` (the model classes, the requirement items and the other frozen classes)
behave as the frozen, slotted dataclasses ``dataclass`` writes: same parameters, defaults, fresh default objects,
errors, equality, hashing, ``repr``, immutability, pickling and copying."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import os
import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from manifest import compiled, model
from manifest.requirements.paths import Attr, Item
from manifest.slotted import record

CLASSES = [c for c in vars(model).values() if isinstance(c, type) and dataclasses.is_dataclass(c)]


def _plain(cls: type) -> type:
    """The same class as ``dataclass`` alone makes it."""
    fields = [
        (f.name, f.type, dataclasses.field(default=f.default, default_factory=f.default_factory, kw_only=f.kw_only))
        for f in dataclasses.fields(cls)
    ]
    return dataclasses.make_dataclass(cls.__name__, fields, frozen=True, slots=True)


def _required(cls: type) -> dict[str, Any]:
    return {
        f.name: f"value-{f.name}"
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    }


def test_every_model_class_has_the_quick_constructor() -> None:
    assert len(CLASSES) >= 20
    for cls in CLASSES:
        assert cls.__init__.__qualname__ == f"{cls.__qualname__}.__init__"
        assert "_set_" in "".join(cls.__init__.__code__.co_names)


@pytest.mark.parametrize("cls", CLASSES, ids=lambda c: c.__name__)
def test_model_constructor_matches_the_dataclass_one(cls: type) -> None:
    plain = _plain(cls)
    factories = {f.name for f in dataclasses.fields(cls) if f.default_factory is not dataclasses.MISSING}

    def parameters(of: type) -> list[tuple[str, object, object, object]]:
        return [
            (p.name, p.kind, p.annotation, None if p.name in factories else p.default)
            for p in inspect.signature(of).parameters.values()
        ]

    assert parameters(cls) == parameters(plain)
    values = _required(cls)
    made, expected = cls(**values), plain(**values)
    for spec in dataclasses.fields(cls):
        assert getattr(made, spec.name) == getattr(expected, spec.name)
    if any(f.default_factory is not dataclasses.MISSING for f in dataclasses.fields(cls)):
        other = cls(**values)
        for spec in dataclasses.fields(cls):
            if spec.default_factory is not dataclasses.MISSING:
                assert getattr(made, spec.name) is not getattr(other, spec.name)  # a fresh default each time
    assert made == cls(**values) and made == dataclasses.replace(made)
    if not any(isinstance(getattr(expected, f.name), dict) for f in dataclasses.fields(cls)):
        assert hash(made) == hash(cls(**values)) == hash(expected)
    assert repr(made) == repr(expected)
    assert made != expected  # another class, as two dataclasses of the same fields are unequal
    assert pickle.loads(pickle.dumps(made)) == made
    assert copy.copy(made) == made and copy.deepcopy(made) == made
    name = dataclasses.fields(cls)[0].name
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, name, "changed")
    with pytest.raises(dataclasses.FrozenInstanceError):
        delattr(made, name)
    with pytest.raises(TypeError):
        cls("positional")
    if values:
        with pytest.raises(TypeError, match="missing"):
            cls()
    with pytest.raises(TypeError, match="unexpected"):
        cls(**values, no_such_field=1)


def test_positional_fields_keep_their_order_and_defaults() -> None:
    item = Item((Attr("name"),), "x")
    assert (item.steps, item.value, item.rest) == ((Attr("name"),), "x", ())
    assert Item((Attr("name"),), "x", ()) == item
    with pytest.raises(TypeError):
        Item()  # type: ignore[call-arg]


def test_a_field_left_out_of_the_constructor_or_a_post_init_is_refused() -> None:
    class Computed:
        value: int
        double: int = dataclasses.field(init=False)

    class Checked:
        value: int

        def __post_init__(self) -> None:
            raise AssertionError("never called")

    for cls in (Computed, Checked):
        with pytest.raises(AssertionError):
            record(cls)


def test_methods_a_class_defines_are_kept_and_fields_left_out_of_equality_are() -> None:
    @record(kw_only=True)
    class Noted:
        value: int
        note: str = dataclasses.field(default="", compare=False, repr=False)

        def __repr__(self) -> str:
            return f"<{self.value}>"

    assert Noted(value=1, note="a") == Noted(value=1, note="b")
    assert hash(Noted(value=1, note="a")) == hash(Noted(value=1, note="b"))
    assert Noted(value=1) != Noted(value=2)
    assert repr(Noted(value=1)) == "<1>"
    assert not dataclasses.fields(Noted)[1].compare


def test_making_the_records_parses_no_signature_text() -> None:
    # dataclass writes a class's docstring from its constructor's signature; taken before a record has its
    # constructor, that is object's, whose signature text Python tokenizes (compiling tokenize's patterns, 10 ms).
    script = "import tokenize\nimport manifest.api, manifest.model\nprint(tokenize._compile.cache_info().currsize)\n"
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert run.stdout.strip() == "0"
    assert all(cls.__doc__ for cls in CLASSES)


def test_a_class_s_own_equality_keeps_the_hash_of_its_fields_as_dataclass_gives() -> None:
    @record
    class Named:
        name: str

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Named) and self.name.lower() == other.name.lower()

    @dataclasses.dataclass(frozen=True, slots=True)
    class Plain:
        name: str

        def __eq__(self, other: object) -> bool:
            return isinstance(other, Plain) and self.name.lower() == other.name.lower()

    assert Named("a") == Named("A") and Plain("a") == Plain("A")
    assert hash(Named("a")) == hash(Plain("a")) == hash(("a",))


def test_a_second_start_compiles_no_constructor(tmp_path: Path) -> None:
    # The constructors compiled are kept in the user's cache when the process ends (see manifest.compiled).
    script = "import manifest.api, manifest.model, manifest.slotted as s\nprint(s._CONSTRUCTORS.compiled)\n"
    environment = {**os.environ, compiled.CACHE_VARIABLE: str(tmp_path / "cache")}
    runs = [
        subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert [run.stdout.strip() for run in runs] == ["True", "False"]
    assert model.Party(role=model.PartyRole.SHIPPER, name="ACME").name == "ACME"
