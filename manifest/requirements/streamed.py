"""Which rules a stream checks where, and the checks of one manifest while its consignments go by.

A file validated as a stream (:mod:`manifest.streaming`) is checked one consignment at a time. Each field a rule
names falls in one of these groups:

- under one consignment (``consignments[*].gross_weight``, compared only with values of the same consignment or of
  the manifest): checked on each consignment as it arrives;
- on the manifest itself (``trip_number``): checked once, on the complete header at the manifest's end;
- the list of consignments as a whole (``consignments`` or ``consignments[document_type=air-waybill]`` present):
  checked at the end on the header and one consignment of each kind seen, which is all a presence check needs;
- a reference from one consignment to another (a house waybill's master): each consignment's own references that
  it does not resolve itself wait, as findings, for the names of the later consignments; only the names are kept.

A rule that fits none of these (a total over every consignment, a value compared with all the others) cannot be
checked on one consignment at a time: :attr:`Plan.unchecked` names it, so that the file gets a note instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from functools import cache
from types import MappingProxyType

from manifest.core.document import ConsignmentChunk, ManifestEnd, SourceMap
from manifest.core.paths import leading_index
from manifest.diagnostics import Diagnostic, Position
from manifest.model import Consignment, Manifest, Mode
from manifest.requirements.checks import Context, Finding, is_missing, parsed, unique_key
from manifest.requirements.config import Config
from manifest.requirements.definitions import Rule, load_catalogue
from manifest.requirements.engine import diagnostic_of, iter_diagnostics, rules
from manifest.requirements.paths import Attr, Each, Path, Select
from manifest.slotted import record

_CONSIGNMENTS = Attr("consignments")
_FIRST = "consignments[0]"


# --- which rules run where ---------------------------------------------------------------------------------------


@record
class Reference:
    """A rule whose field names an object of another consignment (``in``), by ``attribute``."""

    within: Path
    attribute: str


@record
class Plan:
    """The rules of one profile, mode and kind of document, sorted by where a stream can check them."""

    profile: str
    each: Config  # the configuration that runs only the rules checked on each consignment
    # ... and of those, the rules that also name fields of the manifest: only their fields under the consignment run
    # on each (a field of the manifest, a 358's thousand cars, checked again with every consignment made a stream's
    # time grow with the square of the file)
    each_paths: Mapping[str, tuple[Path, ...]]
    header: Config  # ... only those checked on the complete header
    references: Mapping[str, Reference]  # rules whose unresolved references wait for later consignments
    lists: tuple[Path, ...]  # presence of the list of consignments, or of one kind of consignment
    order: Mapping[str, tuple[int, int, int]]  # rule code -> catalogue order, first path on the manifest, first path
    # under a consignment: findings are put back in the order of a whole read
    unchecked: Mapping[str, Rule]
    uniques: tuple[Rule, ...] = ()  # rules whose values must differ from those of every consignment before


def streamable(rule: Rule) -> bool:
    """Whether a stream checks ``rule`` as a whole read does."""
    return placement(rule) is not None or _streamed_unique(rule)


def _streamed_unique(rule: Rule) -> bool:
    """A ``unique`` rule on one field under each consignment, compared among the same field: a stream keeps the
    first path of each value it has met (a few bytes a consignment) and reports the values met again."""
    return (
        rule.kind == "unique"
        and len(rule.paths) == 1
        and _where(rule.paths[0]) == "each"
        and parsed(str(rule.params["among"])) == rule.paths[0]
    )


@cache
def plan(profile: str, mode: Mode, document: str, disabled: frozenset[str]) -> Plan:
    catalogue = {rule.code: index for index, rule in enumerate(load_catalogue())}
    each: set[str] = set()
    each_paths: dict[str, tuple[Path, ...]] = {}
    header: set[str] = set()
    references: dict[str, Reference] = {}
    lists: list[Path] = []
    order: dict[str, tuple[int, int, int]] = {}
    unchecked: dict[str, Rule] = {}
    uniques: list[Rule] = []
    running = [r for r in rules(profile, mode) if r.code not in disabled and document in r.documents]
    for rule in running:
        if _streamed_unique(rule):
            uniques.append(rule)
            order[rule.code] = (catalogue[rule.code], 0, 0)
            continue
        found = placement(rule)
        if found is None:
            unchecked[rule.code] = rule
            continue
        where = found.where
        if "each" in where:
            each.add(rule.code)
            if set(where) != {"each"}:
                each_paths[rule.code] = tuple(p for p, kind in zip(rule.paths, where, strict=True) if kind == "each")
        if "header" in where or "list" in where:
            header.add(rule.code)
        if found.reference is not None:
            references[rule.code] = found.reference
        lists.extend(path for path, kind in zip(rule.paths, where, strict=True) if kind == "list")
        first_header = min((i for i, kind in enumerate(where) if kind != "each"), default=0)
        first_each = min((i for i, kind in enumerate(where) if kind == "each"), default=0)
        order[rule.code] = (catalogue[rule.code], first_header, first_each)
    everything = frozenset(catalogue)  # iter_diagnostics selects from the whole catalogue: all others are off
    return Plan(
        profile,
        Config(disabled=disabled | (everything - each)),
        MappingProxyType(each_paths),
        Config(disabled=disabled | (everything - header)),
        MappingProxyType(references),
        tuple(dict.fromkeys(lists)),
        MappingProxyType(order),
        MappingProxyType(unchecked),
        tuple(uniques),
    )


@record
class Placement:
    """Where a stream checks each field of a rule (``header``, ``list`` or ``each``, see the module's docstring),
    and the reference to other consignments it resolves, if any."""

    where: tuple[str, ...]
    reference: Reference | None = None


def placement(rule: Rule) -> Placement | None:
    """Where a stream checks the fields of ``rule``; None when it cannot be checked one consignment at a time."""
    if rule.kind == "unique":
        return None  # compared with every other consignment: see _streamed_unique
    where = tuple(_where(path) for path in rule.paths)
    compared = list(_compared_paths(rule.params))
    reference = _reference(rule, compared)
    if "other" in where:
        return None
    # A manifest-level field, or the list of consignments, compared with consignments would need them all.
    if ("header" in where or "list" in where) and any(p.steps[0] == _CONSIGNMENTS for p in compared):
        return None
    if "list" in where and rule.kind != "required":
        return None
    if reference is not None:
        return Placement(where, reference) if set(where) == {"each"} else None
    if not all(_same_consignment(p) for p in compared if p.steps[0] == _CONSIGNMENTS):
        return None
    return Placement(where)


def _where(path: Path) -> str:
    """``header``, ``list``, ``each`` (under one consignment at a time) or ``other`` (a consignment by number)."""
    steps = path.steps
    if steps[0] != _CONSIGNMENTS:
        return "header"
    if len(steps) == 1 or (len(steps) == 2 and isinstance(steps[1], Select)):
        return "list"
    return "each" if isinstance(steps[1], Each | Select) else "other"


def _same_consignment(path: Path) -> bool:
    """A compared path bound to the consignment of the field (``consignments[*]...``, see Path.bind)."""
    return len(path.steps) > 1 and isinstance(path.steps[1], Each)


def _compared_paths(params: Mapping[str, object]) -> Iterator[Path]:
    """Every model path a check's parameters name, conditions included."""
    for key, value in params.items():
        if key in ("of", "other", "in", "country", "field", "among") and isinstance(value, str):
            yield parsed(value)
        elif key == "or" and isinstance(value, list):
            yield from (parsed(str(text)) for text in value)
        elif isinstance(value, Mapping):
            yield from _compared_paths(value)


def _reference(rule: Rule, compared: Sequence[Path]) -> Reference | None:
    within = rule.params.get("in")
    if rule.kind != "references_resolve" or not isinstance(within, str):
        return None
    path = parsed(within)
    others = [p for p in compared if p != path]
    if path.steps[0] != _CONSIGNMENTS or _same_consignment(path) or any(p.steps[0] == _CONSIGNMENTS for p in others):
        return None
    return Reference(path, str(rule.params.get("attribute", "")))


# --- one manifest ------------------------------------------------------------------------------------------------


class ManifestChecks:
    """The state kept while the consignments of one manifest go by: findings, one witness per list rule, and the
    names that references may resolve to. No consignment is kept beyond the witnesses."""

    def __init__(self, index: int, plan: Plan, format_name: str, config: Config) -> None:
        self.index = index
        self.plan = plan
        self.format_name = format_name
        self.severities = config.severities
        self.found: list[tuple[tuple[int, ...], Diagnostic]] = []
        self.waiting: dict[str, list[tuple[tuple[int, ...], Diagnostic]]] = {code: [] for code in plan.references}
        self.names: dict[str, set[str]] = {code: set() for code in plan.references}
        self.witnesses: dict[Path, Consignment] = {}
        self.firsts: dict[str, dict[tuple[str, str], str]] = {rule.code: {} for rule in plan.uniques}
        self.config = config
        self.count = 0
        self.sequence = 0
        self.header = Manifest(mode=Mode.RAIL)
        self.header_map = SourceMap()

    def consignment(self, chunk: ConsignmentChunk) -> None:
        self.header, self.header_map = chunk.header, chunk.source_map
        one = replace(chunk.header, consignments=(chunk.consignment,))
        located = SourceMap(_Moved(chunk.source_map.positions, chunk.index))
        findings = iter_diagnostics(
            one,
            located,
            profile=self.plan.profile,
            config=self._config(self.plan.each),
            format_name=self.format_name,
            paths=self.plan.each_paths,
        )
        for finding in findings:
            if finding.field is None or not finding.field.startswith(_FIRST):
                continue  # a field of the manifest, checked once at its end
            moved = _renamed(finding, chunk.index)
            key = (*self._key(finding.code, each=True), chunk.index, self._next())
            waiting = self.waiting.get(finding.code)
            (self.found if waiting is None else waiting).append((key, moved))
        if self.plan.references:
            context = Context(one)
            for code, reference in self.plan.references.items():
                self.names[code] |= context.names(reference.within, reference.attribute)
        if self.plan.uniques:
            self._unique(one, located, chunk.index)
        for path in self.plan.lists:
            if path not in self.witnesses and any(True for _ in _matching(one, path)):
                self.witnesses[path] = chunk.consignment
        self.count += 1

    def finish(self, end: ManifestEnd) -> list[tuple[tuple[int, ...], Diagnostic]]:
        """The findings of the manifest: those on its header, its lists and the references left unresolved."""
        witnesses = tuple({id(c): c for c in self.witnesses.values()}.values())
        whole = replace(end.header, consignments=witnesses)
        findings = iter_diagnostics(
            whole,
            end.source_map,
            profile=self.plan.profile,
            config=self._config(self.plan.header),
            format_name=self.format_name,
        )
        for finding in findings:
            if finding.field is not None and leading_index(finding.field, "consignments"):
                continue  # a witness's own fields: checked when it went by
            self.found.append(((*self._key(finding.code, each=False), -1, self._next()), finding))
        for code, waiting in self.waiting.items():
            names = self.names[code]
            self.found.extend(pair for pair in waiting if pair[1].value is None or pair[1].value not in names)
        return [((self.index, *key), finding) for key, finding in self.found]

    def _unique(self, one: Manifest, located: SourceMap, index: int) -> None:
        """The values of this consignment met in an earlier one (or earlier in this one), as a whole read reports
        them: on each value after the first, naming the first."""
        context = Context(one)
        for rule in self.plan.uniques:
            firsts = self.firsts[rule.code]
            alike = str(rule.params.get("alike", ""))
            for item in context.items(rule.paths[0]):
                if is_missing(item.value):
                    continue
                real = _renamed_path(item.path, index)
                first = firsts.setdefault(unique_key(context, item, alike), real)
                if first != real:
                    found = _renamed(diagnostic_of(rule, Finding(item), located, self.config), index)
                    found = replace(found, args=MappingProxyType({**found.args, "other_field": first}))
                    self.found.append(((*self._key(rule.code, each=True), index, self._next()), found))

    def _config(self, base: Config) -> Config:
        return replace(base, severities=self.severities) if self.severities else base

    def _key(self, code: str, *, each: bool) -> tuple[int, int]:
        catalogue, first_header, first_each = self.plan.order[code]
        return catalogue, first_each if each else first_header

    def _next(self) -> int:
        self.sequence += 1
        return self.sequence


def _matching(manifest: Manifest, path: Path) -> Iterator[object]:
    """The consignments a list rule's path names in ``manifest`` (all of them, or those of one kind)."""
    select = path.steps[1] if len(path.steps) > 1 else None
    for consignment in manifest.consignments:
        if not isinstance(select, Select) or select.matches(consignment):
            yield consignment


class _Moved(Mapping[str, Position]):
    """The positions of consignment ``index`` looked up by the paths of a manifest holding only that consignment."""

    __slots__ = ("_index", "_positions", "_prefix")

    def __init__(self, positions: Mapping[str, Position], index: int) -> None:
        self._positions = positions
        self._index = index
        self._prefix = f"consignments[{index}]"

    def _real(self, path: str) -> str:
        if self._index and path.startswith(_FIRST):
            return self._prefix + path[len(_FIRST) :]
        return path

    def __getitem__(self, path: str) -> Position:
        return self._positions[self._real(path)]

    def get(self, path: str, default: Position | None = None) -> Position | None:  # type: ignore[override]
        return self._positions.get(self._real(path), default)

    def __iter__(self) -> Iterator[str]:
        return iter(self._positions)

    def __len__(self) -> int:
        return len(self._positions)


def _renamed_path(path: str, index: int) -> str:
    return f"consignments[{index}]{path[len(_FIRST) :]}" if index and path.startswith(_FIRST) else path


def _renamed(finding: Diagnostic, index: int) -> Diagnostic:
    """A finding on the only consignment of a one-consignment manifest, named as consignment ``index``."""
    if not index:
        return finding
    prefix = f"consignments[{index}]"

    def moved(text: str | None) -> str | None:
        return prefix + text[len(_FIRST) :] if text is not None and text.startswith(_FIRST) else text

    args = {
        key: (moved(value) or "") if key in ("field", "other_field") else value for key, value in finding.args.items()
    }
    return replace(finding, field=moved(finding.field), args=MappingProxyType(args))
