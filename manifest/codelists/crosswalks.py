"""Code-list crosswalks: the same fact in each agency's code list, kept as data with its source.

A reader stores the code its file holds; a writer asks a crosswalk for the code its target uses and, when the
crosswalk has none, lists the value as a loss rather than writing the source's code in the target's place. Each
crosswalk is a CSV file beside this module (``from_system, from_code, to_system, to_code, relation, basis``), or a
maintained package where one exists (ISO 3166-1 from pycountry); ``SOURCES.md`` names the source of each file and
``docs/crosswalks.md`` (``python -m manifest.codelists.crosswalks > docs/crosswalks.md``) lists them all.

A pair's relation is ``equal`` (the two codes name the same thing: the pair reads both ways) or ``narrower`` (the
``from`` code names a kind of what the ``to`` code names: it reads only that way, and writing the broader code loses
the detail, which a writer reports).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Mapping
from enum import StrEnum
from functools import cache
from types import MappingProxyType

from manifest.packaged import packaged
from manifest.slotted import record


class Relation(StrEnum):
    EQUAL = "equal"
    NARROWER = "narrower"


@record
class Pair:
    from_system: str
    from_code: str
    to_system: str
    to_code: str
    relation: Relation
    basis: str


@record
class Translation:
    """A code found for a target system, and whether it names exactly what the source code names."""

    code: str
    exact: bool


@record
class Crosswalk:
    name: str
    title: str
    systems: Mapping[str, str]  # system key -> what the system is
    source: str
    load: Callable[[], Iterable[Pair]]


def _csv_pairs(filename: str) -> Callable[[], Iterable[Pair]]:
    def load() -> Iterable[Pair]:
        text = packaged("codelists", filename).read_text(encoding="utf-8")
        rows = csv.DictReader(io.StringIO(text))
        return [
            Pair(r["from_system"], r["from_code"], r["to_system"], r["to_code"], Relation(r["relation"]), r["basis"])
            for r in rows
        ]

    return load


def _countries() -> Iterable[Pair]:
    """ISO 3166-1 alpha-2 and alpha-3 from pycountry; SAT c_Pais uses the alpha-3 codes of ISO 3166-1."""
    import pycountry

    for country in pycountry.countries:
        name = str(country.name)
        yield Pair("iso3166-alpha2", country.alpha_2, "iso3166-alpha3", country.alpha_3, Relation.EQUAL, name)
        yield Pair("iso3166-alpha3", country.alpha_3, "sat-c-pais", country.alpha_3, Relation.EQUAL, name)


def _tariff_codes() -> Iterable[Pair]:
    """Each fracción of SAT c_FraccionArancelaria under its HS subheading, and each fracción with its NICO under its
    fracción: the first six and eight digits (see :mod:`manifest.codelists.tariffs`). A fracción whose first six
    digits are no HS 2022 subheading has no HS pair: Mexico's own chapter 98, and the fracciones of earlier TIGIE
    editions that SAT's catalogue still lists (``01011001``: HS 2007 subheading 0101.10). No US list is shipped: an
    HTS number's subheading is taken from its digits by :func:`manifest.codelists.tariffs.subheading_of`."""
    from manifest import codelists
    from manifest.codelists import tariffs

    subheadings = codelists.codes("hs2022")
    for code in sorted(codelists.codes(tariffs.MX_FRACCION)):
        if len(code) == 10:
            yield Pair("mx-fraccion-10", code, "mx-fraccion-8", code[:8], Relation.NARROWER, "its first eight digits")
        elif (subheading := code[: tariffs.SUBHEADING_DIGITS]) in subheadings:
            yield Pair("mx-fraccion-8", code, "hs6", subheading, Relation.NARROWER, "the shared HS prefix")


_CROSSWALKS = (
    Crosswalk(
        "package-forms",
        "Package forms",
        {
            "x12-599": "X12 Manifest Unit Code (M11-04, N10-10)",
            "unece-rec21": "UN/ECE Recommendation 21 package types (CUSCAR GID C213/7065)",
            "sat-tipo-embalaje": "SAT Carta Porte c_TipoEmbalaje (UN packaging codes)",
        },
        "X12 element 599 code list; UN/CEFACT Recommendation 21 code list; UN Model Regulations 6.1.2.7 (SAT)",
        _csv_pairs("crosswalk_package_forms.csv"),
    ),
    Crosswalk(
        "units",
        "Weight and volume units",
        {
            "x12-188": "X12 Weight Unit Code (M11-06, N10-07)",
            "x12-184": "X12 Volume Unit Qualifier (M11-08)",
            "unece-rec20": "UN/ECE Recommendation 20 units of measure (CUSCAR MEA, CNT; the model's units)",
            "sat-clave-unidad-peso": "SAT Carta Porte c_ClaveUnidadPeso",
        },
        "X12 elements 188 and 184 code lists; UN/CEFACT Recommendation 20; SAT catCartaPorte.xsd",
        _csv_pairs("crosswalk_units.csv"),
    ),
    Crosswalk(
        "transport-modes",
        "Transport modes",
        {
            "model-mode": "The model's Manifest.mode",
            "unece-rec19": "UN/ECE Recommendation 19 modes of transport (CUSCAR TDT 8067)",
            "sat-cve-transporte": "SAT Carta Porte c_CveTransporte",
        },
        "UN/CEFACT Recommendation 19; SAT catCartaPorte.xsd c_CveTransporte",
        _csv_pairs("crosswalk_transport_modes.csv"),
    ),
    Crosswalk(
        "party-roles",
        "Party roles",
        {
            "model-role": "The model's Party.role",
            "x12-98": "X12 Entity Identifier Code (309 N101)",
            "uncl-3035": "UN/EDIFACT 3035 party function code qualifier (CUSCAR NAD)",
        },
        "X12 element 98 code list; UN/EDIFACT D.95B code list 3035",
        _csv_pairs("crosswalk_party_roles.csv"),
    ),
    Crosswalk(
        "equipment-kinds",
        "Equipment kinds",
        {
            "model-equipment-kind": "The model's Equipment.kind",
            "x12-40": "X12 Equipment Description Code (309 VID01)",
            "uncl-8053": "UN/EDIFACT 8053 equipment type code qualifier (CUSCAR EQD)",
            "sat-c-tipocarro": "SAT c_TipoCarro (Carta Porte Carro@TipoCarro)",
        },
        "X12 element 40 code list; UN/EDIFACT D.95B code list 8053; SAT catCartaPorte.xsd c_TipoCarro",
        _csv_pairs("crosswalk_equipment_kinds.csv"),
    ),
    Crosswalk(
        "countries",
        "Countries",
        {
            "iso3166-alpha2": "ISO 3166-1 alpha-2 (X12 N404, CUSCAR 3207)",
            "iso3166-alpha3": "ISO 3166-1 alpha-3",
            "sat-c-pais": "SAT c_Pais (ISO 3166-1 alpha-3)",
        },
        "ISO 3166-1 (pycountry)",
        _countries,
    ),
    Crosswalk(
        "tariff-codes",
        "Tariff codes",
        {
            "hs6": "WCO Harmonized System 2022 subheading (X12 N10-05 in part, CUSCAR CST, Cargo-XML TypeCode)",
            "mx-fraccion-8": "Mexican fracción arancelaria (SAT c_FraccionArancelaria, Carta Porte Mercancia)",
            "mx-fraccion-10": "Mexican fracción with its NICO (SAT c_FraccionArancelaria)",
        },
        "SAT catComExt.xsd c_FraccionArancelaria; WCO HS Convention art. 3(3); LIGIE art. 1 and 2",
        _tariff_codes,
    ),
)

CROSSWALKS: Mapping[str, Crosswalk] = MappingProxyType({entry.name: entry for entry in _CROSSWALKS})


@cache
def pairs(crosswalk: str) -> tuple[Pair, ...]:
    """Every pair of the crosswalk ``crosswalk``; read on first use and kept."""
    try:
        entry = CROSSWALKS[crosswalk]
    except KeyError:
        raise KeyError(f"unknown crosswalk {crosswalk!r}; known crosswalks: {', '.join(CROSSWALKS)}") from None
    return tuple(entry.load())


@cache
def _edges(crosswalk: str) -> Mapping[tuple[str, str], tuple[tuple[str, str, bool], ...]]:
    """(system, code) -> the (system, code, exact) it reads as, in both directions of each equal pair."""
    edges: dict[tuple[str, str], list[tuple[str, str, bool]]] = {}
    for pair in pairs(crosswalk):
        exact = pair.relation is Relation.EQUAL
        edges.setdefault((pair.from_system, pair.from_code), []).append((pair.to_system, pair.to_code, exact))
        if exact:
            edges.setdefault((pair.to_system, pair.to_code), []).append((pair.from_system, pair.from_code, True))
    return MappingProxyType({key: tuple(value) for key, value in edges.items()})


@cache
def find(crosswalk: str, from_system: str, to_system: str, code: str) -> Translation | None:
    """The code of ``to_system`` for ``code`` of ``from_system``: a direct pair first, else one through a third
    system of the same crosswalk (SAT 1A1 -> Rec 21 QA -> X12 DRM). An exact code is preferred to a broader one;
    None when the crosswalk has neither."""
    if from_system == to_system:
        return Translation(code, True)
    edges = _edges(crosswalk)
    best: Translation | None = None
    for system, target, exact in edges.get((from_system, code), ()):
        if system == to_system:
            if exact:
                return Translation(target, True)
            best = best or Translation(target, False)
    if best is not None:
        return best
    for system, middle, first_exact in edges.get((from_system, code), ()):
        for final_system, target, second_exact in edges.get((system, middle), ()):
            if final_system == to_system:
                found = Translation(target, first_exact and second_exact)
                if found.exact:
                    return found
                best = best or found
    return best


def translate(crosswalk: str, from_system: str, to_system: str, code: str) -> str | None:
    """The code of ``to_system`` for ``code`` of ``from_system``, or None when the crosswalk has none."""
    found = find(crosswalk, from_system, to_system, code)
    return found.code if found is not None else None


def exact_from_any(crosswalk: str, to_system: str, code: str) -> str | None:
    """The code of ``to_system`` that names exactly what ``code`` names, from the first system of ``crosswalk`` (in
    its order) that knows ``code`` and has such a translation; None when none has."""
    for system in systems_of(crosswalk, code):
        found = find(crosswalk, system, to_system, code)
        if found is not None and found.exact:
            return found.code
    return None


@cache
def systems_of(crosswalk: str, code: str) -> tuple[str, ...]:
    """The systems of ``crosswalk`` in which ``code`` is known, in the crosswalk's order of systems."""
    known = {system for system, value in _edges(crosswalk) if value == code}
    return tuple(system for system in CROSSWALKS[crosswalk].systems if system in known)


def render() -> str:
    """docs/crosswalks.md: every crosswalk, its systems, source and number of pairs."""
    lines = [
        "# Code-list crosswalks",
        "",
        "Generated by `python -m manifest.codelists.crosswalks > docs/crosswalks.md`; the files and their sources are",
        "described in `manifest/codelists/SOURCES.md`. Writers take every code of another list through one of these;",
        "a code a crosswalk does not hold is a loss, never written in the source's spelling.",
        "",
        "| Crosswalk | Systems | Source | Pairs (equal / narrower) |",
        "|---|---|---|---|",
    ]
    for entry in _CROSSWALKS:
        found = pairs(entry.name)
        equal = sum(1 for pair in found if pair.relation is Relation.EQUAL)
        narrower = len(found) - equal
        systems = "<br>".join(f"`{key}`: {title}" for key, title in entry.systems.items())
        lines.append(f"| `{entry.name}` ({entry.title}) | {systems} | {entry.source} | {equal} / {narrower} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":  # pragma: no cover
    import sys

    sys.stdout.write(render())
