"""Writing values into the repertoire of the syntax level an interchange declares (ISO 9735-1 annex A).

The syntax identifier a CUSCAR was received with (UNB S001/0001, kept when it is read) is what its receiver agreed
to: level A (UNOA) has upper-case letters, digits, space and . , - ( ) / = ' + : ? ! " % & * ; < > only; level B
(UNOB) adds the lower-case letters; levels C to L one part of ISO 8859 each. A value with characters outside the
repertoire is neither written as it is (the receiver would reject the interchange, or read other characters) nor
dropped: it is transliterated into the repertoire (PEÑA -> PENA under UNOC-less levels, Peña -> PENA under UNOA) and
listed as a loss with the value and what was written, so a conversion needs ``--allow-loss`` to go ahead. An
identifier (bill, equipment, seal, reference and party numbers, codes) re-spelled would name something else: it is
left out and listed (EDI032), with or without ``--allow-loss``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache

from manifest.diagnostics import Diagnostic, Severity, define
from manifest.formats.charsets import Recoded, transliterate, transliterate_values
from manifest.formats.edifact.syntax import DEFAULT, SyntaxLevel, forbidden_pattern
from manifest.model import Manifest

OUTSIDE_REPERTOIRE = define(
    "EDI030",
    Severity.WARNING,
    "$field ('$value') has characters outside the repertoire of syntax level $syntax ($chars); '$written' is written",
    "$field ('$value') tiene caracteres fuera del repertorio del nivel de sintaxis $syntax ($chars); "
    "se escribe '$written'",
    "ISO 9735-1:2002 annex A (character repertoires of syntax levels A, B, C ...)",
)
RAISED_TO_UNOW = define(
    "EDI031",
    Severity.INFO,
    "$field holds characters beyond ISO 8859-1 ($chars): the interchange is written as UNOW:4 (UTF-8)",
    "$field contiene caracteres fuera de ISO 8859-1 ($chars): el intercambio se escribe como UNOW:4 (UTF-8)",
    "ISO 9735-1:2002 annex A (syntax level W: ISO 10646-1 in UTF-8, syntax version 4)",
)


WITHHELD = define(
    "EDI032",
    Severity.WARNING,
    "$field ('$value') has characters outside the repertoire of syntax level $syntax ($chars); an identifier is "
    "never re-spelled, so it is not written",
    "$field ('$value') tiene caracteres fuera del repertorio del nivel de sintaxis $syntax ($chars); un "
    "identificador nunca se reescribe, así que no se escribe",
    "ISO 9735-1:2002 annex A; a changed identifier names another shipment, container or party",
)

# Model fields that identify something or hold a code: written as they are, or not at all.
IDENTIFIER_FIELDS = frozenset(
    {
        "document_number",
        "master_number",
        "number",
        "initial",
        "identifier",
        "value",
        "code",
        "scac",
        "iata_code",
        "iata_prefix",
        "imo_number",
        "call_sign",
        "trip_number",
        "train_id",
        "flight_number",
        "vehicle_plate",
        "aircraft_registration",
        "hs_code",
        "un_number",
        "equipment_ids",
        "size_type",
        "kind",
        "country",
        "subdivision",
        "postal_code",
    }
)


def is_identifier(path: str) -> bool:
    """Whether the model field at ``path`` is an identifier or code (its last name, without an index)."""
    if "extensions[" in path:
        return False
    return path.rsplit(".", 1)[-1].split("[", 1)[0] in IDENTIFIER_FIELDS


def _is_marks(path: str) -> bool:
    """Goods marks are lines, each written as a component of PCI C210 (see cuscar_write): not one value."""
    return path.endswith(".marks")


@cache
def _fits(level: SyntaxLevel) -> Callable[[str], bool]:
    pattern = forbidden_pattern(level, DEFAULT)

    @cache
    def fits(char: str) -> bool:
        if char in "\r\n" or (pattern is not None and pattern.match(char)):
            return False
        try:
            char.encode(level.codec)
        except UnicodeEncodeError:
            return False
        return True

    return fits


def fit_to_level(manifests: Sequence[Manifest], level: SyntaxLevel) -> tuple[tuple[Manifest, ...], list[Recoded]]:
    """``manifests`` with every text transliterated into ``level``'s repertoire, and what changed."""
    fitted, changes = transliterate_values(tuple(manifests), _fits(level), withheld=is_identifier, lines=_is_marks)
    if len(manifests) == 1:  # paths as a single manifest's: "consignments[0]...", not "[0].consignments[0]..."
        changes = [
            Recoded(c.path.removeprefix("[0].").removeprefix("[0]"), c.value, c.written, c.outside) for c in changes
        ]
    else:
        changes = [Recoded("manifests" + c.path, c.value, c.written, c.outside) for c in changes]
    return fitted, changes


def fit_text(text: str, level: SyntaxLevel) -> str:
    """The written interchange with what the model fitting cannot reach (codes the writer spells in lower case,
    such as identifier schemes) fitted too; the comparison of the model with the file read back lists those."""
    fits = _fits(level)
    return transliterate(text, lambda char: char == "\n" or fits(char))


def recoded_losses(changes: Sequence[Recoded], syntax: str, not_carried: set[str]) -> list[Diagnostic]:
    """One loss per transliterated value, except values that are not written at all (already listed)."""
    return [
        OUTSIDE_REPERTOIRE(field=c.path, value=c.value, written=c.written, chars=c.outside, syntax=syntax)
        if c.written
        else WITHHELD(field=c.path, value=c.value, chars=c.outside, syntax=syntax)
        for c in changes
        if c.path not in not_carried or not c.written
    ]


def unow_note(manifests: Sequence[Manifest]) -> Diagnostic:
    """The note of an interchange written as UNOW because some value is beyond ISO 8859-1: the first such value."""
    _, changes = fit_to_level(manifests, _LATIN_1)
    first = changes[0] if changes else None
    return RAISED_TO_UNOW(field=first.path if first else "", chars=first.outside if first else "")


_LATIN_1 = SyntaxLevel("", "iso8859_1", "\\x00-\\x1f\\x7f-\\x9f")
