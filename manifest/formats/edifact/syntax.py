"""The service characters of an interchange (UNA) and the character sets of the syntax levels (UNOA ... UNOY)."""

from __future__ import annotations

import re

from manifest.diagnostics import Diagnostic
from manifest.formats.edifact.codes import BAD_UNA
from manifest.slotted import record

UNA_LENGTH = 9  # "UNA" and six service characters


@record
class Delimiters:
    """The six characters of the service string advice, in UNA order (ISO 9735-1 section 9).

    ``release`` is None when the interchange has no release character (UNA4 given as a space). ``repetition`` is
    UNA5: reserved (a space) up to syntax version 3, the repetition separator (usually ``*``) in version 4.
    """

    component: str = ":"
    element: str = "+"
    decimal: str = "."
    release: str | None = "?"
    repetition: str = " "
    terminator: str = "'"

    def una(self) -> str:
        return (
            "UNA"
            + self.component
            + self.element
            + self.decimal
            + (self.release or " ")
            + self.repetition
            + (self.terminator)
        )

    @property
    def separators(self) -> str:
        """The characters that end a value: they must be released inside data."""
        found = self.component + self.element + self.terminator
        if self.repetition != " ":
            found += self.repetition
        return found


DEFAULT = Delimiters()


def parse_una(text: str, line: int, column: int) -> tuple[Delimiters, list[Diagnostic]]:
    """The delimiters declared by a UNA at the start of ``text``; a fault is reported and the default kept."""
    advice = text[3:UNA_LENGTH]
    if len(advice) < 6:
        return DEFAULT, [
            BAD_UNA(
                line=line,
                column=column,
                location="UNA",
                reason="fewer than six service characters",
                reason_es="menos de seis caracteres de servicio",
                value=text,
            )
        ]
    component, element, decimal, release, repetition, terminator = (advice[i] for i in range(6))
    problems: list[Diagnostic] = []

    def fault(position: int, en: str, es: str) -> None:
        problems.append(
            BAD_UNA(
                line=line,
                column=column + 2 + position,
                location=f"UNA{position}",
                reason=en,
                reason_es=es,
                value=advice[position - 1],
            )
        )

    # ISO 9735-1 section 9: UNA3 is the decimal mark, a comma or a full stop.
    if decimal not in ",.":
        fault(3, "the decimal mark must be a comma or a full stop", "la marca decimal debe ser coma o punto")
        decimal = "."
    # The separators, the terminator and the release character must differ from each other and be no letter or
    # digit, else a tag or a value could not be told from a separator.
    significant = [(1, component), (2, element), (6, terminator)]
    if release != " ":
        significant.append((4, release))
    if repetition != " ":
        significant.append((5, repetition))
    seen: dict[str, int] = {}
    for position, char in significant:
        if char.isalnum():
            fault(
                position,
                "a service character cannot be a letter or a digit",
                "un carácter de servicio no puede ser letra ni dígito",
            )
        elif char in seen:
            fault(position, f"it repeats UNA{seen[char]}", f"repite UNA{seen[char]}")
        seen.setdefault(char, position)
    if problems:
        return DEFAULT, problems
    return Delimiters(component, element, decimal, None if release == " " else release, repetition, terminator), []


@record
class SyntaxLevel:
    """A syntax identifier (ISO 9735 data element 0001) with the codec and repertoire it declares."""

    identifier: str
    codec: str
    # Characters outside the repertoire, as a regular expression class body (service characters are added).
    forbidden: str
    single_byte: bool = True


# ISO 9735-1 annex A. Level A: upper-case letters, digits, space and . , - ( ) / = ' + : ? ! " % & * ; < >
_LEVEL_A = "A-Z0-9 .,\\-()/='+:?!\"%&*;<>"
# Level B adds the lower-case letters.
_LEVEL_B = _LEVEL_A + "a-z"
# Levels C to K and L: the graphic characters of one part of ISO 8859 (no C0 or C1 control characters).
_NO_CONTROLS = "\\x00-\\x1f\\x7f-\\x9f"

LEVELS: dict[str, SyntaxLevel] = {
    "UNOA": SyntaxLevel("UNOA", "ascii", f"^{_LEVEL_A}"),
    "UNOB": SyntaxLevel("UNOB", "ascii", f"^{_LEVEL_B}"),
    "UNOC": SyntaxLevel("UNOC", "iso8859_1", _NO_CONTROLS),
    "UNOD": SyntaxLevel("UNOD", "iso8859_2", _NO_CONTROLS),
    "UNOE": SyntaxLevel("UNOE", "iso8859_5", _NO_CONTROLS),
    "UNOF": SyntaxLevel("UNOF", "iso8859_7", _NO_CONTROLS),
    "UNOG": SyntaxLevel("UNOG", "iso8859_3", _NO_CONTROLS),
    "UNOH": SyntaxLevel("UNOH", "iso8859_4", _NO_CONTROLS),
    "UNOI": SyntaxLevel("UNOI", "iso8859_6", _NO_CONTROLS),
    "UNOJ": SyntaxLevel("UNOJ", "iso8859_8", _NO_CONTROLS),
    "UNOK": SyntaxLevel("UNOK", "iso8859_9", _NO_CONTROLS),
    "UNOL": SyntaxLevel("UNOL", "iso8859_15", _NO_CONTROLS),
    # UNOW: ISO 10646-1 in UTF-8 (syntax version 4).
    "UNOW": SyntaxLevel("UNOW", "utf-8", _NO_CONTROLS, single_byte=False),
    # UNOX: ISO 2022 code extension; the escape sequences are kept as they are, in their single bytes.
    "UNOX": SyntaxLevel("UNOX", "latin-1", "\\x00-\\x1a\\x1c-\\x1f\\x7f"),
    # UNOY: ISO 10646-1 octets without code extension, read as UTF-8.
    "UNOY": SyntaxLevel("UNOY", "utf-8", _NO_CONTROLS, single_byte=False),
}

# Interchanges under an unknown syntax identifier (IATA's IATB ...) are read byte for byte and not checked.
UNCHECKED = SyntaxLevel("", "latin-1", "", single_byte=True)


def forbidden_pattern(level: SyntaxLevel, delimiters: Delimiters) -> re.Pattern[str] | None:
    """Characters that may not appear between the separators: outside the repertoire, never a service character
    and never the line breaks that many senders put between segments."""
    if not level.forbidden:
        return None
    service = delimiters.separators + delimiters.decimal + (delimiters.release or "") + "\r\n"
    if level.forbidden.startswith("^"):
        return re.compile(f"[^{level.forbidden[1:]}{re.escape(service)}]")
    # An explicit class of the forbidden characters that are not service characters: a plain class is scanned
    # far faster than a class guarded by a look-ahead.
    banned = [chr(c) for c in range(0xA0) if re.fullmatch(f"[{level.forbidden}]", chr(c)) and chr(c) not in service]
    return re.compile("[" + "".join(re.escape(c) for c in banned) + "]")
