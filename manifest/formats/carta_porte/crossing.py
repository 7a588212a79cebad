"""Whether a movement crosses Mexico's border, and which way: CartaPorte@TranspInternac, @EntradaSalidaMerc and
@PaisOrigenDestino derived from the countries where the goods start and end.

Carta Porte 3.1 standard (Guía de llenado), CartaPorte@TranspInternac: "Sí" when the goods enter or leave national
territory; then EntradaSalidaMerc says whether they enter ("Entrada") or leave ("Salida") Mexico and
PaisOrigenDestino (c_Pais) names the country they come from or go to. A Carta Porte covers a movement in Mexico, so
goods that start abroad enter it and goods that end abroad leave it. Nothing is guessed: a country the model does
not give leaves the answer open (None), and the writer names the gap.
"""

from __future__ import annotations

from manifest import codelists
from manifest.model import Direction
from manifest.slotted import record

MEXICO = "MX"


@record
class Crossing:
    international: bool | None  # None: the model does not say where the goods start and end
    flow: str | None = None  # "Entrada" or "Salida"
    country: str | None = None  # c_Pais (alpha-3) of the other country


def read_as(flow: str, other: str | None) -> tuple[Direction | None, str | None, str | None]:
    """The direction, country of origin and country of destination (alpha-2) that a border crossing of
    EntradaSalidaMerc ``flow`` ("Entrada" or "Salida") from or to ``other`` (alpha-2) is read as: Mexico on its
    side, and northbound or southbound when the other country is the United States."""
    if flow == "Salida":
        return (Direction.NORTHBOUND if other == "US" else None), MEXICO, other
    return (Direction.SOUTHBOUND if other == "US" else None), other, MEXICO


def derive(origin: str | None, destination: str | None) -> Crossing:
    """The crossing of goods that start in ``origin`` and end in ``destination`` (ISO 3166-1 alpha-2 or alpha-3,
    None when unknown)."""
    start = codelists.country_alpha2(origin) if origin else None
    end = codelists.country_alpha2(destination) if destination else None
    abroad_start = start is not None and start != MEXICO
    abroad_end = end is not None and end != MEXICO
    if not abroad_start and not abroad_end:
        # Both in Mexico is a domestic movement; a country the model lacks leaves TranspInternac open.
        return Crossing(False) if start == end == MEXICO else Crossing(None)
    if abroad_start and abroad_end:
        # From abroad to abroad through Mexico: whether EntradaSalidaMerc is the entry or the exit is not a fact
        # of the model.
        return Crossing(True)
    if abroad_end:
        return Crossing(True, "Salida", codelists.country_alpha3(end) if end else None)
    return Crossing(True, "Entrada", codelists.country_alpha3(start) if start else None)
