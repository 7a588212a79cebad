"""The airports a Cargo-IMP message can write: three letters, as every airport element takes (DE313, IATA
Resolution 763 location identifier: the FWB and FHL origin and destination, the FFM airport of loading and point of
unloading).

A code of another form in one of them is not an airport Cargo-IMP can name, and written there it breaks the line it
is in (a point of unloading ``0`` is read as a line of no identifier). An air manifest's own code is its own to
answer for where the rules check it (CBP-AIR-015), but the message cannot hold it: it is left out and listed
(IMP108), and the line that needs it is noted as the writers note every mandatory value the model lacks.
"""

from __future__ import annotations

from dataclasses import replace

from manifest.diagnostics import Diagnostic
from manifest.formats.air_kind import with_places
from manifest.formats.cargo_imp.codes import EXPECTED_ES, UNFIT
from manifest.formats.cargo_imp.elements import AIRPORT
from manifest.model import Manifest, Place

_EXPECTED = "3-letter IATA code"


def airport_view(manifest: Manifest, message: str) -> tuple[Manifest, list[Diagnostic]]:
    """``manifest`` without the airport codes ``message`` cannot write, and a loss for each."""
    losses: list[Diagnostic] = []

    def place(value: Place | None, path: str) -> Place | None:
        if value is None or not value.code or AIRPORT.fullmatch(value.code):
            return value
        losses.append(
            UNFIT(
                field=f"{path}.code",
                value=value.code,
                expected=_EXPECTED,
                expected_es=EXPECTED_ES[_EXPECTED],
                element="airport",
                message=message,
            )
        )
        return replace(value, code=None, scheme=None)

    shown = with_places(manifest, place)
    return (shown, losses) if losses else (manifest, [])
