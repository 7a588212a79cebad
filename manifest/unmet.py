"""What the target of a conversion is required to hold that the model lacks: one note per requirement.

Each agency's rules apply to the kinds of document that carry their data (:mod:`manifest.requirements.documents`)
and to one mode: a Cargo-IMP air waybill is not held to the flight data a flight manifest carries, an X12 358
consist not to the bills it names, and the harmonized model is held to all; an air manifest written as an X12 309
becomes an ocean manifest. Converting a file brings such requirements into force, and the model may hold no value
for them. A value is never invented, so the file is written without it and the conversion says so: the catalogue's
rules are run on the model as the target holds it, in the mode and as the kind of document the target's reader reads
the written file as, under the profile the source is checked under (chosen as ``validate`` chooses it). The model
as held is the source's, at the source's paths, with each value the writer did not carry whole (its losses) as the
target's reader reads it back at that path, or absent: a truck's plate withheld leaves the truck without one, a
road bill written as an XFWB is an air waybill. Each requirement that fails there on an absent value, that the
source did not already fail as its own kind and mode (the source's failures are its own errors, reported as such),
and that the writer does not already report (X12403, CP404, a value not carried) becomes a note (MF303) at the model
field it is about: listed with the conversion's other notes, pinned to the source by
:func:`manifest.conversion.settle`, and counted in the convert summary.

This is a module of its own beside :mod:`manifest.conversion`, not part of the writers: the formats never import the
requirements, and the rule is the same for every pair of formats.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator, Mapping, Sequence
from typing import Any, cast

from manifest import formats
from manifest.core.paths import Attr, Index, Key, PathError, Select, Step, lineage, parse, read_back_path, render
from manifest.diagnostics import Diagnostic, Message, ParseError, Severity, define
from manifest.formats.base import Document, SourceMap, Written
from manifest.model import Consignment, Manifest, Mode
from manifest.requirements import Config, choose_profile, evaluate, rules
from manifest.requirements.documents import document_kind
from manifest.requirements.reads import changed_fields, reading

UNMET_REQUIREMENT = define(
    "MF303",
    Severity.WARNING,
    "the $target file lacks $field, which $rule requires of $kind $by ($requirement); the source holds no value "
    "for it, so none is written: it must be supplied before filing",
    "al archivo $target le falta $field, que $rule exige $kind_es $by_es ($requirement_es); el origen no tiene "
    "valor para él, así que no se escribe ninguno: debe proporcionarse antes de presentarlo",
    "the rule named, from the catalogue of requirements (docs/rules.md); a conversion never invents a value",
)

WRONG_FOR_THE_TARGET = define(
    "MF304",
    Severity.WARNING,
    "the $target file's $field ('$value') fails $rule, which applies to $kind $by ($requirement); the source was "
    "not held to it, and the value is written as the source has it: it must be corrected before filing",
    "$field ('$value') del archivo $target no cumple $rule, que se aplica $kind_es $by_es ($requirement_es); el "
    "origen no estaba sujeto a ella, y el valor se escribe como lo tiene el origen: debe corregirse antes de "
    "presentarlo",
    "the rule named, from the catalogue of requirements (docs/rules.md); a conversion never changes a value",
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


def written_as(written: Written, target: str, manifests: Sequence[Manifest]) -> list[tuple[Mode, str]]:
    """For each of ``manifests``, the mode and the kind of document of the file written from it, as the target's
    reader reads them back: an air manifest written as an X12 309 is an ocean manifest there, a vessel's as
    Cargo-XML a flight manifest, and a Cargo-IMP or Cargo-XML file is of the kind of the message its writer chose.
    A manifest the file does not hold (a target of one message per file) or cannot be read back keeps its own
    mode, as the target's kind of document."""
    return _kinds(_read_back(written, target), target, manifests)


def _read_back(written: Written, target: str) -> tuple[Manifest, ...]:
    """The manifests the target's reader reads from ``written`` (those its writer read back, when it did); none when
    it wrote nothing or cannot read it."""
    if written.read_back is not None:
        return written.read_back
    try:
        return tuple(formats.get(target).read(written.data).manifests) if written.data else ()
    except ParseError:
        return ()


def _kinds(back: Sequence[Manifest], target: str, manifests: Sequence[Manifest]) -> list[tuple[Mode, str]]:
    return [
        (back[index].mode, document_kind(target, back[index]))
        if index < len(back)
        else (manifest.mode, document_kind(target))
        for index, manifest in enumerate(manifests)
    ]


def held(
    manifest: Manifest, back: Manifest | None, lost: Sequence[str], moves: Sequence[tuple[str, str | None]] = ()
) -> Manifest:
    """``manifest`` as a target holds it: each value at a path of ``lost`` (the writer's losses, by model path) as
    ``back`` (the manifest read back from the written file) has it at the path it is read back at (``moves``, as
    :attr:`Written.moves` gives them), or absent (the field's default) when it has none there; an object that holds
    no value (``Place()``) is none. A path to an item of a list (``crew[0]``) keeps the item: taking it out would
    move the items after it to other paths. An extension's entry (``place_of_receipt.extensions[key]``) is as
    ``back`` has it, or taken out: the other entries keep their keys, and a place that held that entry alone holds
    nothing."""
    for path in lost:
        parsed = _parsed(path)  # once: a conversion may leave tens of thousands of values behind
        if parsed is None:
            continue
        entry = _entry(parsed)
        if entry is not None:
            manifest = cast(Manifest, _with_entry(manifest, entry[0], entry[1], _at(back, entry[0])))
            continue
        steps = _steps_of(parsed)
        if steps is None or not isinstance(steps[-1], str):
            continue
        there = _steps(read_back_path(path, moves)) if moves else steps
        manifest = cast(Manifest, _with(manifest, steps, _at(back, there or steps)))
    return cast(Manifest, _without_empty(manifest, _aligned(manifest, back, moves)))


def _aligned(manifest: Manifest, back: Manifest | None, moves: Sequence[tuple[str, str | None]]) -> object:
    """``back`` with each consignment at the index of the one of ``manifest`` it was written from (``moves``: a house
    read back one index on, after the master its reader adds), so that what the target holds is compared item by
    item with what it was written from."""
    if back is None or not moves:
        return back
    found = []
    for index in range(len(manifest.consignments)):
        steps = _steps(read_back_path(f"consignments[{index}]", moves))
        found.append(_at(back, steps) if steps is not None else None)
    # None where the target reads back no consignment: the result is only compared with, never used as a model.
    return dataclasses.replace(back, consignments=cast(tuple[Consignment, ...], tuple(found)))


def _without_empty(node: object, back: object) -> object:
    """``node`` with each object that holds no value (a place given as ``Place()``) taken for none: nothing of it
    is written, and a target's requirement of it is unmet. So are items that all hold nothing (a bill's one goods
    item given as ``GoodsItem()``) where ``back`` (what the target's reader reads at the same place) has none:
    taking them out moves no item that holds a value to another path."""
    specs = _specs(type(node))
    if specs is None:
        return node
    kept_specs = _specs(type(back))
    changes: dict[str, object] = {}
    for name, default in specs:
        value = getattr(node, name)
        kept = getattr(back, name, None) if kept_specs is not None else None
        if default is None and _specs(type(value)) is not None:
            pruned = _without_empty(value, kept)
            if _holds_nothing(pruned):
                changes[name] = None
            elif pruned is not value:
                changes[name] = pruned
        elif isinstance(value, tuple) and any(_specs(type(item)) is not None for item in value):
            others = kept if isinstance(kept, tuple) else ()
            items = tuple(_without_empty(item, others[i] if i < len(others) else None) for i, item in enumerate(value))
            if not others and all(_holds_nothing(item) for item in items):
                changes[name] = ()
            elif any(new is not old for new, old in zip(items, value, strict=True)):
                changes[name] = items
    return dataclasses.replace(cast(Any, node), **changes) if changes else node


def _holds_nothing(node: object) -> bool:
    """Whether each field of ``node`` is none or empty (a zero or False is a value)."""
    specs = _specs(type(node))
    return specs is not None and all(
        value is None or (isinstance(value, str | tuple | Mapping) and not value)
        for value in (getattr(node, name) for name, _ in specs)
    )


# The fields of each model class, by name with their default: looked up for every object of the model.
_SPECS: dict[type, tuple[tuple[str, object], ...] | None] = {}


def _specs(cls: type) -> tuple[tuple[str, object], ...] | None:
    """The name and default of each field of ``cls``, or None when it is no dataclass."""
    if cls in _SPECS:
        return _SPECS[cls]
    found = _SPECS[cls] = (
        tuple((spec.name, spec.default) for spec in dataclasses.fields(cls)) if dataclasses.is_dataclass(cls) else None
    )
    return found


def _parsed(path: str) -> tuple[Step, ...] | None:
    """The steps of a model path, or None when it spells none."""
    try:
        return parse(path)
    except PathError:
        return None


def _entry(parsed: Sequence[Step]) -> tuple[list[str | int], str] | None:
    """The steps to the extensions of a model path that names one of their entries
    (``consignments[0].place_of_receipt.extensions[key]``), with the entry's key; None for any other path."""
    if len(parsed) < 2 or not isinstance(parsed[-1], Key):
        return None
    steps = _steps_of(parsed[:-1])
    return None if steps is None else (steps, parsed[-1].key)


def _with_entry(node: object, steps: Sequence[str | int], key: str, kept: object) -> object:
    """``node`` with the entry ``key`` of the extensions at ``steps`` as ``kept`` (those read back there) has it,
    or without it."""
    entries = _at(node, steps)
    if not isinstance(entries, Mapping) or key not in entries:
        return node
    held_entries = {k: v for k, v in entries.items() if k != key}
    if isinstance(kept, Mapping) and key in kept:
        held_entries[key] = kept[key]
    return _with(node, steps, held_entries)


def _steps(path: str) -> list[str | int] | None:
    """The attribute names and list indexes of a model path (``consignments[0].document_type``), or None for a
    path with other steps (an extension's key, a rule's filter)."""
    parsed = _parsed(path)
    return None if parsed is None else _steps_of(parsed)


def _steps_of(parsed: Sequence[Step]) -> list[str | int] | None:
    """:func:`_steps` of a path parsed."""
    steps: list[str | int] = []
    for step in parsed:
        if isinstance(step, Attr):
            steps.append(step.name)
        elif isinstance(step, Index):
            steps.append(step.index)
        else:
            return None
    return steps or None


def _at(node: object, steps: Sequence[str | int]) -> object:
    """The value at ``steps`` under ``node``, or None where there is none."""
    for step in steps:
        if isinstance(step, int):
            node = node[step] if isinstance(node, tuple) and step < len(node) else None
        else:
            node = getattr(node, step, None) if dataclasses.is_dataclass(node) else None
        if node is None:
            return None
    return node


def _with(node: object, steps: Sequence[str | int], value: object) -> object:
    """``node`` with ``value`` at ``steps`` (None: the field's default); ``node`` unchanged where the path leads
    nowhere."""
    step, rest = steps[0], steps[1:]
    if isinstance(step, int):
        if not isinstance(node, tuple) or step >= len(node):
            return node
        return (*node[:step], _with(node[step], rest, value), *node[step + 1 :])
    if not dataclasses.is_dataclass(node) or isinstance(node, type):
        return node
    spec = next((f for f in dataclasses.fields(node) if f.name == step), None)
    if spec is None:
        return node
    if rest:
        return dataclasses.replace(node, **{step: _with(getattr(node, step), rest, value)})
    if value is None:
        if spec.default is not dataclasses.MISSING:
            value = spec.default
        elif spec.default_factory is not dataclasses.MISSING:
            value = spec.default_factory()
        else:
            return node
    return dataclasses.replace(node, **{step: value})


def noted(
    written: Written, document: Document, target: str, *, profile: str = "auto", config: Config | None = None
) -> Written:
    """``written`` with a note for each requirement of the target's kind of document that the model leaves unmet."""
    # A note is left out when a loss or note already names its field or a value holding it: each is looked up among
    # the fields told by its own lineage, so a file of thousands of losses costs one pass over them.
    told = {_unfiltered(d.field) for d in (*written.losses, *written.notes) if d.field}
    extra = tuple(
        note
        for note in unmet(written, document, target, profile=profile, config=config)
        if note.field is not None and not any(holder in told for holder in lineage(_unfiltered(note.field)) if holder)
    )
    # What was read back is let go with the notes made: the result of a conversion holds the source and the output.
    return dataclasses.replace(written, notes=(*written.notes, *extra), read_back=None)


def unmet(
    written: Written, document: Document, target: str, *, profile: str = "auto", config: Config | None = None
) -> Iterator[Diagnostic]:
    """The notes (MF303) of the requirements that the manifests of ``document``, written as ``target``, leave
    unmet for lack of a value and that their own kind of document was not held to, and those (MF304) of the
    values a requirement of the target's kind or mode rejects; a finding of the source's own kind on the same field
    is its error, not the conversion's."""
    many = len(document.manifests) > 1
    back = _read_back(written, target)
    for index, (manifest, (mode, kind)) in enumerate(
        zip(document.manifests, _kinds(back, target, document.manifests), strict=True)
    ):
        prefix = f"manifests[{index}]." if many else ""
        lost = [d.field.removeprefix(prefix) for d in written.losses if d.field and d.field.startswith(prefix)]
        moves = [
            (read_at.removeprefix(prefix), None if path is None else path.removeprefix(prefix))
            for read_at, path in written.moves
            if read_at.startswith(prefix)
        ]
        as_held = held(manifest, back[index] if index < len(back) else None, lost, moves)
        own = document_kind(document.format, manifest)
        as_written = as_held if mode == as_held.mode else dataclasses.replace(as_held, mode=mode)
        concrete = choose_profile(profile, document.format, manifest).profile
        checked = config
        if (mode, kind) == (manifest.mode, own):
            # The same rules judge both: one that reads no field the target changed finds the same on both, and
            # a finding the source has is its own. Only those that read a changed field run (see reads).
            changed = changed_fields(manifest, as_written)
            if not changed:
                continue
            checked = _only(config, reading(rules(concrete, mode), changed))
        own_errors = _errors(manifest, concrete, checked, own)
        had = {(d.code, d.field) for d in own_errors if not d.value}
        written_errors = _errors(as_written, concrete, checked, kind)
        for finding in written_errors:
            if not finding.value and (finding.code, finding.field) not in had:
                yield _note(finding, target, kind, mode, prefix)
        if (mode, kind) != (manifest.mode, own):
            # The source's own values, written as they are, that a rule of the target's kind of document or mode
            # rejects and the source's kind and mode do not hold them to (a carrier's three-letter SCAC of an air
            # manifest written as an ocean 309, CBP-OCEAN-002). A value the writer changed is not one of them: the
            # rule must find the same value in the source held to the target's rules.
            wrong = {(d.code, d.field) for d in own_errors if d.value}
            held_so = _errors(dataclasses.replace(manifest, mode=mode), concrete, config, kind)
            sources = {(d.code, d.field, d.value) for d in held_so if d.value}
            for finding in written_errors:
                key = (finding.code, finding.field)
                if finding.value and key not in wrong and (*key, finding.value) in sources:
                    yield _note(finding, target, kind, mode, prefix, WRONG_FOR_THE_TARGET)


def _only(config: Config | None, codes: set[str]) -> Config:
    """``config`` with every rule but those of ``codes`` turned off."""
    settings = config or Config()
    others = {rule.code for rule in rules()} - codes
    return dataclasses.replace(settings, disabled=settings.disabled | others)


def _errors(manifest: Manifest, profile: str, config: Config | None, kind: str) -> list[Diagnostic]:
    """The errors of the rules of ``profile`` that ``kind`` is held to."""
    found = evaluate(manifest, SourceMap(), profile=profile, config=config, document=kind)
    return [d for d in found if d.severity >= Severity.ERROR]


def _note(
    finding: Diagnostic, target: str, kind: str, mode: Mode, prefix: str, message: Message = UNMET_REQUIREMENT
) -> Diagnostic:
    field = f"{prefix}{finding.field or ''}"
    english, spanish = _KIND_NAMES.get(kind, (kind, kind))
    by, by_es = _BY_MODE.get(mode, ("", ""))
    return message(
        value=finding.value,
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


def _unfiltered(path: str) -> str:
    """``path`` without the filters of a rule's path (``[role=shipper]``), which select and do not place."""
    try:
        return render(tuple(step for step in parse(path) if not isinstance(step, Select)))
    except PathError:
        return path
