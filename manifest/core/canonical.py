"""What the two canonical formats share: the shape of the model as data, and the text form of its scalars.

``manifest-json`` and ``manifest-xml`` are the model itself written down, so both are derived from the dataclasses
in :mod:`manifest.model` by introspection: one description of each class (its fields, their kinds and types) drives
the JSON codec, the XML codec and the generated XSD alike. A field added to the model is carried by both formats
with no further code; ``tests/test_manifest_xsd.py`` keeps ``schemas/manifest.xsd`` in step.
"""

from __future__ import annotations

import dataclasses
import json
import re
import types
import typing
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any, Literal

from manifest import model
from manifest.core.paths import join_path
from manifest.diagnostics import Diagnostic, Message, Severity, define
from manifest.slotted import record

# int() refuses a string of more digits than sys.get_int_max_str_digits() (4300 by default, never set below 640) with
# a ValueError, because converting one takes quadratic time. No element of any format read here comes near 640 digits.
MAX_DIGITS = 640

SCHEMA_VERSION = "1"
NAMESPACE = "urn:manifest-toolkit:manifest:1"

Kind = Literal["scalar", "object", "list", "map"]
ScalarType = type[str] | type[int] | type[bool] | type[Decimal] | type[StrEnum] | Literal["moment"]

BAD_VALUE = define(
    "MF101",
    Severity.ERROR,
    "$path: '$value' is not valid: expected $expected",
    "$path: '$value' no es válido: se esperaba $expected_es",
    "manifest-toolkit schema (schemas/manifest.xsd)",
)
MISSING_FIELD = define(
    "MF102",
    Severity.ERROR,
    "$path is required",
    "$path es obligatorio",
    "manifest-toolkit schema (schemas/manifest.xsd)",
)
UNKNOWN_FIELD = define(
    "MF103",
    Severity.ERROR,
    "unknown field '$name' in $owner",
    "campo desconocido '$name' en $owner",
    "manifest-toolkit schema (schemas/manifest.xsd)",
)
WRONG_SHAPE = define(
    "MF104",
    Severity.ERROR,
    "$path must be $expected",
    "$path debe ser $expected_es",
    "manifest-toolkit schema (schemas/manifest.xsd)",
)


@record
class FieldSpec:
    name: str
    kind: Kind
    required: bool
    scalar: ScalarType | None = None  # for scalar fields and lists of scalars
    cls: type[Any] | None = None  # for object fields and lists of objects
    item_name: str = ""  # the element name of one item of a list, in XML

    @property
    def element(self) -> str:
        return self.name


def _camel_to_snake(name: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


# A list of scalars has no class to name its items after.
_SCALAR_ITEM_NAMES = {"equipment_ids": "equipment_id", "handling_codes": "handling_code"}


def _unwrap_optional(hint: Any) -> tuple[Any, bool]:
    args = typing.get_args(hint)
    if typing.get_origin(hint) in (typing.Union, types.UnionType) and type(None) in args:
        rest = tuple(a for a in args if a is not type(None))
        return (rest[0] if len(rest) == 1 else typing.Union[rest]), True  # noqa: UP007
    return hint, False


def _scalar_of(hint: Any) -> ScalarType:
    if hint in (str, int, bool, Decimal):
        return typing.cast(ScalarType, hint)
    if isinstance(hint, type) and issubclass(hint, StrEnum):
        return hint
    if set(typing.get_args(hint)) == {date, datetime}:
        return "moment"
    raise TypeError(f"the canonical formats cannot carry {hint!r}")


_FIELDS: dict[type[Any], tuple[FieldSpec, ...]] = {}


def fields_of(cls: type[Any]) -> tuple[FieldSpec, ...]:
    """The fields of a model class, in declaration order, with what kind of value each holds."""
    found = _FIELDS.get(cls)
    if found is None:
        found = _FIELDS[cls] = _describe(cls)
    return found


_SPECS: dict[type[Any], dict[str, FieldSpec]] = {}


def field_specs(cls: type[Any]) -> dict[str, FieldSpec]:
    """The fields of ``cls`` by name (their element's name in XML), gathered once per class."""
    found = _SPECS.get(cls)
    if found is None:
        found = _SPECS[cls] = {spec.name: spec for spec in fields_of(cls)}
    return found


_NAMES: dict[type[Any], frozenset[str]] = {}


def _names_of(cls: type[Any]) -> frozenset[str]:
    found = _NAMES.get(cls)
    if found is None:
        found = _NAMES[cls] = frozenset(spec.name for spec in fields_of(cls))
    return found


def _describe(cls: type[Any]) -> tuple[FieldSpec, ...]:
    hints = typing.get_type_hints(cls, vars(model))
    specs = []
    for f in dataclasses.fields(cls):
        hint, optional = _unwrap_optional(hints[f.name])
        has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
        required = not optional and not has_default
        origin = typing.get_origin(hint)
        if origin is tuple:
            item = typing.get_args(hint)[0]
            if isinstance(item, type) and dataclasses.is_dataclass(item):
                specs.append(FieldSpec(f.name, "list", required, cls=item, item_name=_camel_to_snake(item.__name__)))
            else:
                specs.append(
                    FieldSpec(f.name, "list", required, scalar=_scalar_of(item), item_name=_SCALAR_ITEM_NAMES[f.name])
                )
        elif origin is Mapping or hint is model.Extensions:
            specs.append(FieldSpec(f.name, "map", required))
        elif isinstance(hint, type) and dataclasses.is_dataclass(hint):
            specs.append(FieldSpec(f.name, "object", required, cls=typing.cast(type, hint)))
        else:
            specs.append(FieldSpec(f.name, "scalar", required, scalar=_scalar_of(hint)))
    return tuple(specs)


def scalar_to_text(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        # Positional notation: xs:decimal and most agency formats have no exponent.
        return format(value, "f")
    if isinstance(value, date):  # datetime is a date too
        return value.isoformat()
    if isinstance(value, StrEnum):
        return value.value
    return str(value)


Wording = tuple[str, str]
"""A phrase in English and in Spanish, for the parts of a message that vary."""

_DECIMAL_WORDS: Wording = ("decimal number without exponent", "número decimal sin exponente")
_MOMENT_WORDS: Wording = (
    "ISO 8601 date (YYYY-MM-DD) or date-time (YYYY-MM-DDThh:mm:ss[±hh:mm])",
    "fecha ISO 8601 (AAAA-MM-DD) o fecha y hora (AAAA-MM-DDThh:mm:ss[±hh:mm])",
)

_INTEGER = re.compile(rf"[+-]?[0-9]{{1,{MAX_DIGITS}}}")  # more digits than int() converts is no count either
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")


class ScalarError(ValueError):
    def __init__(self, expected: Wording) -> None:
        super().__init__(expected[0])
        self.expected = expected


def _parse_int(text: str) -> int:
    if not _INTEGER.fullmatch(text):
        raise ScalarError(("integer", "entero"))
    return int(text)


def _parse_bool(text: str) -> bool:
    if text in ("true", "1"):
        return True
    if text in ("false", "0"):
        return False
    raise ScalarError(("true or false", "true o false"))


def _parse_decimal(text: str) -> Decimal:
    if not _DECIMAL.fullmatch(text):
        raise ScalarError(_DECIMAL_WORDS)
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid literals
        raise ScalarError(_DECIMAL_WORDS) from None


def iso_moment(text: str) -> date | datetime | None:
    """An ISO 8601 date (``2026-11-27``) or date and time (``2026-11-27T01:10:00``, with an offset or without), as
    the canonical formats and Cargo-XML write them; None when the text is neither."""
    try:
        if "T" in text:
            return datetime.fromisoformat(text)
        if len(text) == 10:
            return date.fromisoformat(text)
    except ValueError:
        pass
    return None


def _parse_moment(text: str) -> date | datetime:
    found = iso_moment(text)
    if found is None:
        raise ScalarError(_MOMENT_WORDS)
    return found


_PARSERS: dict[object, Callable[[str], object]] = {
    str: str,
    int: _parse_int,
    bool: _parse_bool,
    Decimal: _parse_decimal,
    "moment": _parse_moment,
}


def scalar_from_text(scalar: ScalarType, text: str) -> object:
    """Parse ``text`` as a value of ``scalar``; raises :class:`ScalarError` naming what was expected."""
    parser = _PARSERS.get(scalar)
    if parser is not None:
        return parser(text)
    enum = typing.cast(type[StrEnum], scalar)
    # The members by value, as calling the enumeration looks them up, without the call's cost on every code read.
    member = enum._value2member_map_.get(text)
    if member is None:
        raise ScalarError(_one_of(enum))
    return member


def expected_name(scalar: ScalarType) -> Wording:
    names: dict[object, Wording] = {
        str: ("text", "texto"),
        int: ("integer", "entero"),
        bool: ("true or false", "true o false"),
        Decimal: _DECIMAL_WORDS,
        "moment": _MOMENT_WORDS,
    }
    return names.get(scalar) or _one_of(typing.cast(type[StrEnum], scalar))


def _one_of(enum: type[StrEnum]) -> Wording:
    values = ", ".join(member.value for member in enum)
    return f"one of {values}", f"uno de {values}"


class TreeDecoder:
    """Builds model objects from a plain tree (dicts, lists, strings, numbers) and reports every fault on the way.

    Both canonical readers produce such a tree (JSON directly, XML through its element structure). The decoder keeps
    going after a fault so that one file reports all of them; an object missing a required field is dropped and the
    fault is reported at that field.
    """

    def __init__(self, location: Callable[[str], str]) -> None:
        self.diagnostics: list[Diagnostic] = []
        self._location = location

    def _report(
        self, message: Message, path: str, value: object = None, expected: Wording | None = None, **args: object
    ) -> None:
        if expected is not None:
            args["expected"], args["expected_es"] = expected
        args.setdefault("path", path or "manifest")
        diagnostic = message(field=path or None, location=self._location(path), value=value)
        self.diagnostics.append(replace(diagnostic, args={**diagnostic.args, **{k: str(v) for k, v in args.items()}}))

    def manifest(self, tree: object, path: str) -> model.Manifest | None:
        return typing.cast("model.Manifest | None", self.build(model.Manifest, tree, path))

    def build(self, cls: type[Any], tree: object, path: str) -> Any:
        if not isinstance(tree, dict):
            self._report(WRONG_SHAPE, path, expected=(f"an object ({cls.__name__})", f"un objeto ({cls.__name__})"))
            return None
        specs = fields_of(cls)
        known = _names_of(cls)
        for key in tree:
            if key not in known:
                self._report(UNKNOWN_FIELD, join_path(path, str(key)), name=key, owner=cls.__name__)
        values: dict[str, object] = {}
        complete = True
        for spec in specs:
            raw = tree.get(spec.name)
            if raw is None:
                if spec.required:
                    self._report(MISSING_FIELD, join_path(path, spec.name))
                    complete = False
                continue
            value = self._value(spec, raw, join_path(path, spec.name))
            if value is None:
                complete = complete and not spec.required
                continue
            values[spec.name] = value
        return cls(**values) if complete else None

    def _value(self, spec: FieldSpec, raw: object, path: str) -> Any:
        if spec.kind == "scalar":
            return self._scalar(typing.cast(ScalarType, spec.scalar), raw, path)
        if spec.kind == "object":
            return self.build(typing.cast(type, spec.cls), raw, path)
        if spec.kind == "map":
            if not isinstance(raw, dict) or not all(
                isinstance(v, str) for v in typing.cast(dict[str, object], raw).values()
            ):
                self._report(WRONG_SHAPE, path, expected=("an object of text values", "un objeto de valores de texto"))
                return None
            return {str(k): str(v) for k, v in raw.items()}
        if not isinstance(raw, list):
            self._report(WRONG_SHAPE, path, expected=("a list", "una lista"))
            return None
        items: list[object] = []
        for index, item in enumerate(typing.cast(list[object], raw)):
            item_path = f"{path}[{index}]"
            if spec.cls is not None:
                decoded = self.build(spec.cls, item, item_path)
            else:
                decoded = self._scalar(typing.cast(ScalarType, spec.scalar), item, item_path)
            if decoded is not None:
                items.append(decoded)
        return tuple(items)

    def _scalar(self, scalar: ScalarType, raw: object, path: str) -> object | None:
        # JSON may give numbers and booleans natively; they must match the field's type exactly.
        if scalar is bool and isinstance(raw, bool):
            return raw
        if scalar is int and isinstance(raw, int) and not isinstance(raw, bool):
            return raw
        if scalar is Decimal and isinstance(raw, (int, Decimal)) and not isinstance(raw, bool):
            # A JSON number may carry an exponent (RFC 8259, section 6); one far beyond any quantity (1E99999999999)
            # makes arithmetic on it overflow, so a number is held to the digits its text form could have.
            number = Decimal(raw)
            if abs(number.adjusted()) <= MAX_DIGITS:
                return number
            self._report(BAD_VALUE, path, value=raw, expected=_DECIMAL_WORDS)
            return None
        if isinstance(raw, str):
            try:
                return scalar_from_text(scalar, raw)
            except ScalarError as error:
                self._report(BAD_VALUE, path, value=raw, expected=error.expected)
                return None
        self._report(BAD_VALUE, path, value=raw, expected=expected_name(scalar))
        return None


def value_text(value: object) -> str:
    """A model value as a person reads it in a message: a scalar in its text form, an object or a list as the
    compact JSON of its plain tree (the manifest-json spelling), never a Python repr."""
    if dataclasses.is_dataclass(value) or isinstance(value, tuple):
        return json.dumps(_plain(value), ensure_ascii=False, separators=(",", ":"))
    return scalar_to_text(value)


def _plain(value: object) -> object:
    if isinstance(value, tuple):
        return [_plain(item) for item in value]
    if dataclasses.is_dataclass(value):
        return to_tree(value)
    return scalar_to_text(value)


def to_tree(obj: object) -> dict[str, object]:
    """The plain tree of a model object: only fields that hold a value, scalars as text."""
    tree: dict[str, object] = {}
    for spec in fields_of(type(obj)):
        value = getattr(obj, spec.name)
        if value is None or (spec.kind in ("list", "map") and not value):
            continue
        if spec.kind == "scalar":
            tree[spec.name] = scalar_to_text(value)
        elif spec.kind == "object":
            tree[spec.name] = to_tree(value)
        elif spec.kind == "map":
            tree[spec.name] = dict(value)
        elif spec.cls is not None:
            tree[spec.name] = [to_tree(item) for item in value]
        else:
            tree[spec.name] = [scalar_to_text(item) for item in value]
    return tree
