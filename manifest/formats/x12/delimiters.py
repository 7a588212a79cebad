"""The separators of an interchange, read from its ISA segment.

X12.5: the ISA is a fixed-length segment of 106 characters. The character after ``ISA`` (offset 3) is the element
separator; ISA16 (offset 104) is the component element separator and the character after it (offset 105) the
segment terminator. From version 00402 on, ISA11 is the repetition separator. Many senders pad badly, so when the
ISA is not 106 characters long the separators are found by counting the 16 element separators instead, and the
fault is reported.
"""

from __future__ import annotations

from manifest.diagnostics import Diagnostic, ParseError
from manifest.formats.x12.messages import BAD_DELIMITERS, ISA_NOT_FIXED, NOT_X12
from manifest.slotted import record

ISA_LENGTH = 106
# X12.5 ISA element widths, ISA01..ISA16.
ISA_WIDTHS = (2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1)
LINE_BREAKS = "\r\n"


@record
class Delimiters:
    element: str = "*"
    component: str = ">"
    segment: str = "~"
    repetition: str | None = None
    suffix: str = ""  # line break written after each terminator ("\n", "\r\n" or nothing)


def find_delimiters(text: str) -> tuple[Delimiters, list[str], list[Diagnostic]]:
    """The delimiters, the ISA elements (ISA01..ISA16, as written) and any fault of the ISA itself.

    Raises ParseError when the text is not an interchange or no delimiter can be found.
    """
    start = len(text) - len(text.lstrip("\ufeff \t\r\n"))
    if text[start : start + 3] != "ISA" or len(text) < start + 4:
        raise ParseError(NOT_X12(line=1, column=1, location="ISA"))
    element = text[start + 3]
    if element.isalnum() or element in LINE_BREAKS or element == " ":
        raise ParseError(
            BAD_DELIMITERS(
                line=1,
                column=4,
                location="ISA",
                reason="the element separator is a letter, a digit or a space",
                reason_es="el separador de elementos es una letra, un dígito o un espacio",
            )
        )
    found = [start + 3]
    # The 16 element separators of the ISA, searched only within a sane distance of its start.
    while len(found) < 16:
        at = text.find(element, found[-1] + 1, start + 4 * ISA_LENGTH)
        if at == -1:
            break
        found.append(at)
    if len(found) < 16:
        raise ParseError(
            BAD_DELIMITERS(
                line=1,
                column=1,
                location="ISA",
                reason="the ISA has fewer than 16 elements",
                reason_es="el ISA tiene menos de 16 elementos",
            )
        )
    component_at = found[15] + 1
    if component_at + 1 >= len(text):
        raise ParseError(
            BAD_DELIMITERS(
                line=1,
                column=1,
                location="ISA16",
                reason="the ISA ends before its segment terminator",
                reason_es="el ISA termina antes de su terminador de segmento",
            )
        )
    component = text[component_at]
    terminator = text[component_at + 1]
    elements = [text[found[i] + 1 : found[i + 1]] for i in range(15)] + [component]
    diagnostics: list[Diagnostic] = []
    if terminator.isalnum() or len({element, component, terminator}) < 3:
        raise ParseError(
            BAD_DELIMITERS(
                line=1,
                column=component_at - start + 2,
                location="ISA16",
                reason=f"element '{element}', component '{component}' and segment terminator "
                f"'{terminator}' must be distinct non-alphanumeric characters",
                reason_es=f"el separador de elementos '{element}', el de componentes '{component}' y el "
                f"terminador '{terminator}' deben ser caracteres distintos no alfanuméricos",
            )
        )
    length = component_at + 2 - start
    if length != ISA_LENGTH:
        index = next(
            (i for i, (value, width) in enumerate(zip(elements, ISA_WIDTHS, strict=True)) if len(value) != width), 0
        )
        diagnostics.append(
            ISA_NOT_FIXED(
                line=1,
                column=found[index] - start + 2,
                location=f"ISA{index + 1:02d}",
                length=length,
                element=f"ISA{index + 1:02d}",
                width=len(elements[index]),
                expected=ISA_WIDTHS[index],
            )
        )
    version = elements[11]
    repetition = elements[10] if version >= "00402" and not elements[10].isalnum() else None
    after = component_at + 2
    suffix = ""
    if text.startswith("\r\n", after):
        suffix = "\r\n"
    elif text[after : after + 1] in ("\n", "\r"):
        suffix = text[after]
    return Delimiters(element, component, terminator, repetition, suffix), elements, diagnostics
