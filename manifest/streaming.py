"""Validating a file as a stream: the requirements checked on each consignment as it is read, memory bounded by one.

A format's streaming reader hands out each consignment with the manifest-level data read before it, and the end of
each manifest with its complete header (see :class:`~manifest.core.document.ManifestEnd`). The requirements engine
plans where each rule is checked and keeps the state of one manifest (:mod:`manifest.requirements.streamed`); this
module feeds it the stream, puts the findings back in the order a whole read gives them, so that a report does not
depend on how the file was read, and notes (MF401) each rule that cannot be checked one consignment at a time
rather than skipping it silently.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

from manifest import formats
from manifest.core.document import ConsignmentChunk, ManifestEnd, StreamItem, stream_from_document
from manifest.diagnostics import Diagnostic, ParseError, Severity, define
from manifest.faults import one_per_fault
from manifest.model import Mode
from manifest.requirements import Config
from manifest.requirements.definitions import Rule
from manifest.requirements.documents import document_kind
from manifest.requirements.profiles import Reason, choose_profile
from manifest.requirements.streamed import ManifestChecks, Placement, placement, plan, streamable

__all__ = ["NOT_CHECKED_IN_STREAM", "Placement", "StreamedChecks", "check_stream", "parts", "placement", "streamable"]

NOT_CHECKED_IN_STREAM = define(
    "MF401",
    Severity.INFO,
    "rule $rule ($kind) compares values across consignments in a way that a file read consignment by consignment "
    "cannot follow; it was not checked",
    "la regla $rule ($kind) compara valores entre consignaciones de un modo que no se puede seguir al leer el "
    "archivo consignación por consignación; no se verificó",
    "manifest-toolkit streaming validation",
)


def parts(source: BinaryIO, format_name: str) -> Iterator[StreamItem]:
    """The format's streaming reader with manifest ends; a format without one is read whole and handed out alike."""
    module = formats.get(format_name)
    reader = getattr(module, "stream_parts", None)
    if reader is not None:
        yield from reader(source)
        return
    try:
        document = module.read(source.read())
    except ParseError as error:
        yield from error.diagnostics
        return
    yield from stream_from_document(document)


@dataclass(slots=True)
class StreamedChecks:
    """What validating a stream found: as a whole read reports it, without the manifests."""

    modes: list[Mode] = field(default_factory=list)
    profiles: list[str] = field(default_factory=list)
    reasons: list[Reason] = field(default_factory=list)  # why each profile was chosen
    diagnostics: list[Diagnostic] = field(default_factory=list)


def check_stream(
    items: Iterator[StreamItem], format_name: str, *, profile: str, config: Config | None = None
) -> StreamedChecks:
    """Every finding of a stream: the reader's, then those of the requirements, in the order of a whole read.

    A reader that finds the content unreadable as a whole raises ParseError, possibly at the end of the file (an
    XML schema fault): as with a whole read, its finding is then all there is to report."""
    try:
        return _check(items, format_name, profile=profile, config=config)
    except ParseError as error:
        return StreamedChecks(diagnostics=list(error.diagnostics))


def _check(items: Iterator[StreamItem], format_name: str, *, profile: str, config: Config | None) -> StreamedChecks:
    settings = config or Config()
    outcome = StreamedChecks()
    reader_found: list[Diagnostic] = []
    checks: dict[int, ManifestChecks] = {}
    rule_found: list[tuple[tuple[int, ...], Diagnostic]] = []
    notes: dict[str, Rule] = {}
    for item in items:
        if isinstance(item, Diagnostic):
            reader_found.append(item)
            continue
        current = checks.get(item.manifest_index)
        if current is None:
            choice = choose_profile(profile, format_name, item.header)
            concrete = choice.profile
            kind = document_kind(format_name, item.header)
            planned = plan(concrete, item.header.mode, kind, settings.disabled)
            current = checks[item.manifest_index] = ManifestChecks(item.manifest_index, planned, format_name, settings)
            outcome.modes.append(item.header.mode)
            outcome.profiles.append(concrete)
            outcome.reasons.append(choice.reason)
        if isinstance(item, ConsignmentChunk):
            current.consignment(item)
        else:
            rule_found.extend(current.finish(item))
            del checks[item.manifest_index]
        notes.update(current.plan.unchecked)
    for check in checks.values():
        # A manifest whose end the reader never reached: its header as the last consignment carried it.
        rule_found.extend(check.finish(ManifestEnd(check.index, check.header, check.header_map, check.count)))
    found = settings.apply(reader_found) + [d for _, d in sorted(rule_found, key=lambda pair: pair[0])]
    outcome.diagnostics = one_per_fault(found)
    outcome.diagnostics.extend(
        settings.apply(NOT_CHECKED_IN_STREAM(rule=code, kind=rule.kind) for code, rule in notes.items())
    )
    return outcome
