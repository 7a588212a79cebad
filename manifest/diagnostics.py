"""Diagnostics: what every layer (syntax, schema, requirements, conversion) reports.

A diagnostic is data, never a printed string: it carries a stable code, a severity, the 1-based line and column
in the source file, the format's own address of the value (``M11-02``, an XPath), the model field path
(``consignments[2].gross_weight``), the offending value and the requirement it cites. Its wording lives in a
:class:`Message` defined once per code, in English and Spanish, and is rendered on demand.

A diagnostic holds its Message itself rather than looking its code up in the registry when it is rendered: a
finding made in another process (a batch checked by a pool or a cluster) is rendered where the module that defined
its code may never have been imported, and it must read the same there.
"""

from __future__ import annotations

import re
import string
import typing
from collections.abc import Mapping
from dataclasses import field
from enum import IntEnum
from types import MappingProxyType
from typing import Literal

from manifest.slotted import record

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


@record
class Position:
    """Where a value stands in its source file. ``line`` and ``column`` are 1-based; either may be unknown."""

    line: int | None = None
    column: int | None = None
    location: str | None = None


# A surrogate code point (U+D800 to U+DFFF) standing alone is no character, and no Unicode encoding form can encode
# it (Unicode 15.0 section 3.9, D76 and D92); a JSON \u escape or a program can still put one in a Python string.
LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def shown_surrogates(text: str) -> str:
    """``text`` with each lone surrogate written as its ``\\uXXXX`` escape, so that it can be encoded and printed."""
    if LONE_SURROGATE.search(text) is None:
        return text
    return LONE_SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


_EMPTY_ARGS: Mapping[str, str] = MappingProxyType({})


@record
class Related:
    """Another place a finding concerns, in the same file or in another one: a bill missing from a consist is
    found in the manifest that lists it and concerns the consist where it should be (see :mod:`manifest.reconcile`).
    ``path`` names the file; ``field`` is the model path of the value there."""

    path: str
    line: int | None = None
    column: int | None = None
    location: str | None = None
    field: str | None = None


@record(kw_only=True)
class Diagnostic:
    definition: Message  # the code's wording in every language, its default severity and its source
    severity: Severity
    args: Mapping[str, str] = field(default_factory=lambda: _EMPTY_ARGS, compare=False)
    line: int | None = None
    column: int | None = None
    location: str | None = None
    field: str | None = None
    value: str | None = None
    source: str | None = None
    # The codes of other layers that found the same fault at the same place (see manifest.faults): one fault, one
    # finding, under its most specific code.
    also: tuple[str, ...] = ()
    # The other places the finding concerns, each in its file: the same bill in the other document of a movement.
    related: tuple[Related, ...] = ()

    @property
    def code(self) -> str:
        return self.definition.code

    def message(self, lang: Lang = "en") -> str:
        return self.definition.render(lang, self.args)

    def at(self, position: Position | None) -> Diagnostic:
        """The same finding pinned to ``position``; known coordinates are kept where the position lacks them."""
        if position is None:
            return self
        # Built directly rather than by dataclasses.replace, which looks the fields up on every call: a broken file
        # pins hundreds of thousands of findings.
        return Diagnostic(
            definition=self.definition,
            severity=self.severity,
            args=self.args,
            line=position.line if position.line is not None else self.line,
            column=position.column if position.column is not None else self.column,
            location=position.location if position.location is not None else self.location,
            field=self.field,
            value=self.value,
            source=self.source,
            also=self.also,
            related=self.related,
        )

    def __reduce__(self) -> tuple[object, tuple[dict[str, object]]]:
        # A read-only mapping proxy cannot be pickled; batches send findings between processes.
        state: dict[str, object] = {name: getattr(self, name) for name in self.__dataclass_fields__}
        state["args"] = dict(self.args)
        return _rebuild, (state,)

    def __repr__(self) -> str:
        # The code stands for its Message, whose wording in every language would drown the finding's own fields.
        fields = ", ".join(
            f"{name}={getattr(self, name)!r}" for name in self.__dataclass_fields__ if name != "definition"
        )
        return f"Diagnostic(code={self.code!r}, {fields})"

    def __str__(self) -> str:
        where = ":".join(str(n) for n in (self.line, self.column) if n is not None)
        return f"{where + ': ' if where else ''}{self.severity} {self.code} {self.message()}"


def _rebuild(state: dict[str, object]) -> Diagnostic:
    args = MappingProxyType(typing.cast(dict[str, str], state.pop("args")))
    return Diagnostic(args=args, **state)  # type: ignore[arg-type]


@record
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
            definition=self,
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
