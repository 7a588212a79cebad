"""What the target of a conversion is required to hold that the model lacks: one note per requirement.

Each agency's rules apply to the kinds of document that carry their data (:mod:`manifest.requirements.documents`)
and to one mode: a Cargo-IMP air waybill is not held to the flight data a flight manifest carries, an X12 358
consist not to the bills it names, and the harmonized model is held to all; an air manifest written as an X12 309
becomes an ocean manifest. Converting a file brings such requirements into force, and the model may hold no value
for them. A value is never invented, so the file is written without it and the conversion says so: the catalogue's
rules are run on the model being written, in the mode and as the kind of document the target's reader reads the
written file as, under the profile the source is checked under (chosen as ``validate`` chooses it). Each
requirement that fails there on an absent value, that the source's own kind and mode were not held to (the
source's failures are its own errors, reported as such), and that the writer does not already report (X12403,
CP404, a value not carried) becomes a note (MF303) at the model field it is about: listed with the conversion's
other notes, pinned to the source by :func:`manifest.conversion.settle`, and counted in the convert summary.

This is a module of its own beside :mod:`manifest.conversion`, not part of the writers: the formats never import the
requirements, and the rule is the same for every pair of formats.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator, Sequence

from manifest import formats
from manifest.diagnostics import Diagnostic, ParseError, Severity, define
from manifest.formats.base import Document, SourceMap, Written
from manifest.model import Manifest, Mode
from manifest.requirements import Config, choose_profile, evaluate
from manifest.requirements.documents import document_kind

UNMET_REQUIREMENT = define(
    "MF303",
    Severity.WARNING,
    "the $target file lacks $field, which $rule requires of $kind $by ($requirement); the source holds no value "
    "for it, so none is written: it must be supplied before filing",
    "al archivo $target le falta $field, que $rule exige $kind_es $by_es ($requirement_es); el origen no tiene "
    "valor para él, así que no se escribe ninguno: debe proporcionarse antes de presentarlo",
    "the rule named, from the catalogue of requirements (docs/rules.md); a conversion never invents a value",
)

# The kinds of document (manifest.requirements.documents.DOCUMENTS), as a note names them (in Spanish, with the
# preposition that 'exige' takes).
_KIND_NAMES = {
    "manifest": ("the manifest of a conveyance", "al manifiesto de un medio de transporte"),
    "waybill": ("an air waybill", "a una guía aérea"),
    "houses": ("a list of house waybills", "a una lista de guías house"),
    "consist": ("a consist", "a un consist (la lista de carros y contenedores)"),
    "cfdi": ("a CFDI with Carta Porte", "a un CFDI con Carta Porte"),
    "model": ("the harmonized manifest", "al manifiesto armonizado"),
}
_BY_MODE = {
    Mode.AIR: ("by air", "por vía aérea"),
    Mode.MARITIME: ("by sea", "por vía marítima"),
    Mode.RAIL: ("by rail", "por ferrocarril"),
    Mode.ROAD: ("by road", "por carretera"),
}
_FILTER = re.compile(r"\[[^\]0-9][^\]]*\]")  # [role=shipper]: a rule's filter, not a position


def written_as(written: Written, target: str, manifests: Sequence[Manifest]) -> list[tuple[Mode, str]]:
    """For each of ``manifests``, the mode and the kind of document of the file written from it, as the target's
    reader reads them back: an air manifest written as an X12 309 is an ocean manifest there, a vessel's as
    Cargo-XML a flight manifest, and a Cargo-IMP or Cargo-XML file is of the kind of the message its writer chose.
    A manifest the file does not hold (a target of one message per file) or cannot be read back keeps its own
    mode, as the target's kind of document."""
    try:
        back = formats.get(target).read(written.data).manifests if written.data else ()
    except ParseError:
        back = ()
    return [
        (back[index].mode, document_kind(target, back[index]))
        if index < len(back)
        else (manifest.mode, document_kind(target))
        for index, manifest in enumerate(manifests)
    ]


def noted(
    written: Written, document: Document, target: str, *, profile: str = "auto", config: Config | None = None
) -> Written:
    """``written`` with a note for each requirement of the target's kind of document that the model leaves unmet."""
    told = [d.field for d in (*written.losses, *written.notes) if d.field]
    extra = tuple(
        note
        for note in unmet(written, document, target, profile=profile, config=config)
        if note.field is not None and not any(_within(note.field, field) for field in told)
    )
    return dataclasses.replace(written, notes=(*written.notes, *extra)) if extra else written


def unmet(
    written: Written, document: Document, target: str, *, profile: str = "auto", config: Config | None = None
) -> Iterator[Diagnostic]:
    """The notes (MF303) of the requirements that the manifests of ``document``, written as ``target``, leave
    unmet for lack of a value and that their own kind of document was not held to; a finding of the source's
    own kind on the same field is its error, not the conversion's."""
    many = len(document.manifests) > 1
    for index, (manifest, (mode, kind)) in enumerate(
        zip(document.manifests, written_as(written, target, document.manifests), strict=True)
    ):
        concrete = choose_profile(profile, document.format, manifest).profile
        own = document_kind(document.format, manifest)
        if (mode, kind) == (manifest.mode, own):
            continue
        had = {(d.code, d.field) for d in _absent(manifest, concrete, config, own)}
        prefix = f"manifests[{index}]." if many else ""
        as_written = manifest if mode == manifest.mode else dataclasses.replace(manifest, mode=mode)
        for finding in _absent(as_written, concrete, config, kind):
            if (finding.code, finding.field) not in had:
                yield _note(finding, target, kind, mode, prefix)


def _absent(manifest: Manifest, profile: str, config: Config | None, kind: str) -> list[Diagnostic]:
    """The errors of the rules of ``profile`` that ``kind`` is held to, each about a value the model lacks."""
    found = evaluate(manifest, SourceMap(), profile=profile, config=config, document=kind)
    return [d for d in found if d.severity >= Severity.ERROR and not d.value]


def _note(finding: Diagnostic, target: str, kind: str, mode: Mode, prefix: str) -> Diagnostic:
    field = f"{prefix}{finding.field or ''}"
    english, spanish = _KIND_NAMES.get(kind, (kind, kind))
    by, by_es = _BY_MODE.get(mode, ("", ""))
    return UNMET_REQUIREMENT(
        field=field,
        target=target,
        rule=finding.code,
        kind=english,
        kind_es=spanish,
        by=by,
        by_es=by_es,
        requirement=finding.message("en"),
        requirement_es=finding.message("es"),
        source=finding.source,
    )


def _within(inner: str, outer: str) -> bool:
    """Whether model path ``inner`` is ``outer`` or a value it holds (a rule's filters aside)."""
    inner, outer = _FILTER.sub("", inner), _FILTER.sub("", outer)
    return inner == outer or inner.startswith((outer + ".", outer + "["))
