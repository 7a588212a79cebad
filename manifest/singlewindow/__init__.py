"""Single window: the documents of one movement checked against each other.

A northbound train is told to CBP as an X12 309 and 358 and to SAT as a CFDI with Carta Porte; a vessel call as an
ACE 309 and a CUSCAR; a flight as air waybills, a flight manifest and a Carta Porte; a truck crossing as an ACE truck
309 and 358 and a Carta Porte autotransporte. :func:`reconcile` reads each
document by its content (the order of the files does not matter), matches the parts of every pair of documents by
identifier, and reports each disagreement under a rule of the catalogue (``reconcile.toml``, HM-REC-...), standing
at the value in one file with the value in the other as its related place. The read findings of every file are
reported too, so that a faulty file never reconciles silently.

The files given are taken as one movement: a conveyance, trip, port or date that differs between them is itself a
finding.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import combinations

from manifest.api import FileReport, read
from manifest.core.document import Document
from manifest.diagnostics import Diagnostic, ParseError
from manifest.requirements.config import Config
from manifest.singlewindow.findings import Disagreement, diagnostic
from manifest.singlewindow.identity import bill_key
from manifest.singlewindow.movement import movement, movements
from manifest.singlewindow.parts import equipment_missing, matched, missing, not_on_conveyance, values
from manifest.singlewindow.sources import Bill, Source, bills_of, source_of
from manifest.singlewindow.truck import paired, truck

__all__ = ["reconcile", "reconcile_documents"]


def reconcile(
    sources: Sequence[bytes], *, names: Sequence[str] | None = None, config: Config | None = None
) -> tuple[FileReport, ...]:
    """The report of each document of a movement, in the order given: its read findings and the disagreements found
    at its values. ``names`` are the documents' paths as the report shows them (``1``, ``2``... by default)."""
    labels = list(names) if names is not None else [str(number) for number in range(1, len(sources) + 1)]
    if len(labels) != len(sources):
        raise ValueError(f"{len(sources)} documents but {len(labels)} names")
    documents: list[tuple[str, Document | None, tuple[Diagnostic, ...]]] = []
    for label, data in zip(labels, sources, strict=True):
        try:
            document = read(data, name=label)
        except ParseError as error:
            documents.append((label, None, (error.diagnostic,)))
            continue
        documents.append((label, document, document.diagnostics))
    return reconcile_documents(documents, config=config)


def reconcile_documents(
    documents: Sequence[tuple[str, Document | None, Sequence[Diagnostic]]], *, config: Config | None = None
) -> tuple[FileReport, ...]:
    """:func:`reconcile` of documents already read: each a path, the document (None when it could not be read) and
    the findings of reading it."""
    settings = config or Config()
    read_ok = [source_of(path, document) for path, document, _ in documents if document is not None]
    found: dict[str, list[Diagnostic]] = {path: settings.apply(faults) for path, _, faults in documents}
    for disagreement in disagreements(read_ok):
        finding = diagnostic(disagreement, settings)
        if finding is not None:
            found[disagreement.here.source.path].append(finding)
    reports = []
    for path, document, _ in documents:
        modes = tuple(dict.fromkeys(m.mode for m in document.manifests)) if document is not None else ()
        ordered = tuple(sorted(found[path], key=lambda d: (d.line or 0, d.column or 0, d.code)))
        reports.append(FileReport(path, document.format if document else None, modes, diagnostics=ordered))
    return tuple(reports)


def disagreements(sources: Sequence[Source]) -> Iterator[Disagreement]:
    """Every disagreement between every pair of ``sources``."""
    prefixes = frozenset(
        code
        for source in sources
        for manifest in source.document.manifests
        if manifest.carrier is not None
        for code in (manifest.carrier.scac, manifest.carrier.iata_prefix)
        if code
    )
    sources = sorted(sources, key=_rank)
    bills = [bills_of(source, prefixes, bill_key) for source in sources]
    groups = movements(sources, bills)
    for group in groups:
        for first, second in combinations(group, 2):
            yield from movement(sources[first], sources[second])
            yield from truck(sources[first], sources[second])
            one, other = paired(sources[first], bills[first], sources[second], bills[second])
            yield from _parts(sources[first], sources[second], one, other)
    for group in groups[1:]:
        for index in group:
            main = sources[groups[0][0]]
            yield Disagreement("unrelated", sources[index].whole(), main.whole(), sources[index].path, {})


# The order in which documents are compared, so that the findings do not depend on the order of the arguments: a
# disagreement of values stands in the document ranked first (the agency manifest before the consist, the waybills
# and the Carta Porte), and documents of one movement are reported against the first.
_KIND_RANK = {"manifest": 0, "consist": 1, "model": 2, "waybill": 3, "houses": 4, "cfdi": 5}


def _rank(source: Source) -> tuple[int, str, str]:
    return _KIND_RANK.get(source.kind, len(_KIND_RANK)), source.document.format, source.path


def _parts(first: Source, second: Source, one: list[Bill], other: list[Bill]) -> Iterator[Disagreement]:
    yield from missing(one, other, second)
    yield from missing(other, one, first)
    yield from not_on_conveyance(one, second)
    yield from not_on_conveyance(other, first)
    kinds = first.equipment_kinds() & second.equipment_kinds()
    for mine, theirs in matched(one, other):
        yield from equipment_missing(mine, theirs, kinds)
        yield from equipment_missing(theirs, mine, kinds)
        yield from values(mine, theirs)
