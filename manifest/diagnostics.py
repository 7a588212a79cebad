"""Diagnostics: what every layer (syntax, schema, requirements, conversion) reports.

A diagnostic is data, never a printed string: it carries a stable code, a severity, the 1-based line and column
in the source file, the format's own address of the value (``M11-02``, an XPath), the model field path
(``consignments[2].gross_weight``), the offending value and the requirement it cites. Its wording lives in a
:class:`Message` defined once per code, in English and Spanish, and is rendered on demand.
"""

from __future__ import annotations

import string
import typing
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import IntEnum
from types import MappingProxyType
from typing import Literal

Lang = Literal["en", "es"]
LANGS: tuple[Lang, ...] = ("en", "es")


class Severity(IntEnum):
    """How much a finding matters; ordered so that ``max()`` gives the worst."""

    INFO = 0
    WARNING = 1
    ERROR = 2

    def __str__(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        try:
            return cls[text.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {text!r}: expected info, warning or error") from None


@dataclass(frozen=True, slots=True)
class Position:
    """Where a value stands in its source file. ``line`` and ``column`` are 1-based; either may be unknown."""

    line: int | None = None
    column: int | None = None
    location: str | None = None


_EMPTY_ARGS: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True, kw_only=True)
class Diagnostic:
    code: str
    severity: Severity
    args: Mapping[str, str] = field(default_factory=lambda: _EMPTY_ARGS, compare=False)
    line: int | None = None
    column: int | None = None
    location: str | None = None
    field: str | None = None
    value: str | None = None
    source: str | None = None

    def message(self, lang: Lang = "en") -> str:
        return MESSAGES[self.code].render(lang, self.args)

    def at(self, position: Position | None) -> Diagnostic:
        """The same finding pinned to ``position``; known coordinates are kept where the position lacks them."""
        if position is None:
            return self
        # Built directly rather than by dataclasses.replace, which looks the fields up on every call: a broken file
        # pins hundreds of thousands of findings.
        return Diagnostic(
            code=self.code,
            severity=self.severity,
            args=self.args,
            line=position.line if position.line is not None else self.line,
            column=position.column if position.column is not None else self.column,
            location=position.location if position.location is not None else self.location,
            field=self.field,
            value=self.value,
            source=self.source,
        )

    def __reduce__(self) -> tuple[object, tuple[dict[str, object]]]:
        # A read-only mapping proxy cannot be pickled; batches send findings between processes.
        state: dict[str, object] = {name: getattr(self, name) for name in self.__dataclass_fields__}
        state["args"] = dict(self.args)
        return _rebuild, (state,)

    def __str__(self) -> str:
        where = ":".join(str(n) for n in (self.line, self.column) if n is not None)
        return f"{where + ': ' if where else ''}{self.severity} {self.code} {self.message()}"


def _rebuild(state: dict[str, object]) -> Diagnostic:
    args = MappingProxyType(typing.cast(dict[str, str], state.pop("args")))
    return Diagnostic(args=args, **state)  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class Message:
    """The wording and default severity of one diagnostic code, in every supported language.

    Templates use ``$name`` placeholders (``string.Template``) so that a value containing braces or percent signs
    is never interpreted.
    """

    code: str
    severity: Severity
    en: str
    es: str
    source: str | None = None

    def render(self, lang: Lang, args: Mapping[str, str]) -> str:
        template = self.es if lang == "es" else self.en
        return string.Template(template).safe_substitute(args)

    def __call__(
        self,
        *,
        line: int | None = None,
        column: int | None = None,
        location: str | None = None,
        field: str | None = None,
        value: object = None,
        source: str | None = None,
        severity: Severity | None = None,
        **args: object,
    ) -> Diagnostic:
        rendered = {key: str(val) for key, val in args.items()}
        # The positional fields may be named in a template too ($value, $field, $location).
        for name, given in (("value", value), ("field", field), ("location", location)):
            if given is not None:
                rendered.setdefault(name, str(given))
        return Diagnostic(
            code=self.code,
            severity=self.severity if severity is None else severity,
            args=MappingProxyType(rendered),
            line=line,
            column=column,
            location=location,
            field=field,
            value=None if value is None else str(value),
            source=self.source if source is None else source,
        )


MESSAGES: dict[str, Message] = {}


def define(code: str, severity: Severity, en: str, es: str, source: str | None = None) -> Message:
    """Register the wording of ``code``; every module that reports defines its codes at import time."""
    if code in MESSAGES:
        raise ValueError(f"diagnostic code {code} is defined twice")
    message = Message(code, severity, en, es, source)
    MESSAGES[code] = message
    return message


class ParseError(ValueError):
    """Raised when content cannot be read at all; carries the diagnostic that says where and why, and any more
    found before the reader gave up (every schema fault of an XML stream)."""

    def __init__(self, diagnostic: Diagnostic, *more: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic
        self.diagnostics = (diagnostic, *more)
