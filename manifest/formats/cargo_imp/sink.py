"""Where a reader puts what it finds besides the model: diagnostics and the positions of values, by model path."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from manifest.diagnostics import Diagnostic, Message, Position
from manifest.formats.cargo_imp.codes import BAD_FIELD, EXPECTED_ES
from manifest.formats.cargo_imp.lines import Line


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
