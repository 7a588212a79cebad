"""Where a reader puts what it finds besides the model: diagnostics and the positions of values, by model path."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import Enum
from typing import Any

from manifest.diagnostics import Diagnostic, Message, Position
from manifest.formats.base import SourceMap
from manifest.formats.cargo_imp.codes import BAD_FIELD, EXPECTED_ES
from manifest.formats.cargo_imp.lines import Line
from manifest.model import Manifest


@dataclass(slots=True)
class Sink:
    message: str = ""  # the message type being read, for the wording of diagnostics (FWB, FHL, FFM)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    positions: dict[str, Position] = field(default_factory=dict)

    def report(self, message: Message, line: Line | None, column: int | None, location: str, **args: object) -> None:
        args.setdefault("message", self.message)
        # Template arguments only: value, field and the like are passed by name by the callers.
        template_args: dict[str, Any] = args
        self.diagnostics.append(
            message(line=line.number if line else None, column=column, location=location, **template_args)
        )

    def bad(self, line: Line | None, column: int | None, location: str, *, value: str, expected: str) -> None:
        """A data element that does not have its format; the element is named by its location."""
        self.report(
            BAD_FIELD,
            line,
            column,
            location,
            element=location,
            value=value,
            expected=expected,
            expected_es=EXPECTED_ES.get(expected, expected),
        )

    def place(self, path: str, line: Line, column: int, location: str) -> None:
        self.positions[path] = Position(line.number, column, location)


def extension_paths(value: object, path: str = "") -> Iterator[tuple[str, str]]:
    """(owner path, extension path) of every extension value in a model object."""
    if isinstance(value, tuple):
        for index, item in enumerate(value):
            yield from extension_paths(item, f"{path}[{index}]")
    elif hasattr(value, "__dataclass_fields__"):
        for name in value.__dataclass_fields__:
            child = getattr(value, name)
            where = f"{path}.{name}" if path else name
            if name == "extensions":
                yield from ((path, f"{where}[{key}]") for key in child)
            elif child is not None and not isinstance(child, (str, int, Decimal, date, Enum)):
                yield from extension_paths(child, where)


def place_extensions(manifest: Manifest, sink: Sink) -> None:
    """Give each extension value without a position of its own the position of the object it belongs to: the format's
    own data is read from that object's line."""
    found = SourceMap(sink.positions)
    for owner, path in extension_paths(manifest):
        if path not in sink.positions:
            position = found.locate(owner)
            if position is not None:
                sink.positions[path] = position
