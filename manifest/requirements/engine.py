"""Running the catalogue on a manifest: select the rules, expand their fields, run their check kinds.

Every diagnostic carries the rule code, the concrete model path as ``field``, the offending value, the rule's source,
and the position of the value in the original file (``source_map.locate``), so that a requirement failing on the
model points at the line and column of the file it was read from, whatever the format.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from functools import cache
from types import MappingProxyType

from manifest.core.document import SourceMap
from manifest.diagnostics import MESSAGES, Diagnostic, Position
from manifest.model import Manifest, Mode
from manifest.requirements.checks import KINDS, Context, Finding, shown_value
from manifest.requirements.config import Config
from manifest.requirements.definitions import Rule, load_catalogue
from manifest.requirements.documents import document_kind
from manifest.requirements.paths import Path
from manifest.requirements.profiles import PROFILES, ProfileError


@cache
def rules(profile: str | None = None, mode: Mode | None = None) -> tuple[Rule, ...]:
    """The catalogue, optionally only the rules of ``profile`` and of ``mode`` (chosen once per pair: a batch asks
    for the same few pairs for every file)."""
    if profile is not None and profile not in PROFILES:
        raise ProfileError(f"unknown profile {profile!r}; expected one of {', '.join(PROFILES)}")
    return tuple(
        rule
        for rule in load_catalogue()
        if (profile is None or profile in rule.profiles) and (mode is None or mode in rule.modes)
    )


def iter_diagnostics(
    manifest: Manifest,
    source_map: SourceMap,
    *,
    profile: str,
    config: Config | None = None,
    format_name: str | None = None,
    document: str | None = None,
    paths: Mapping[str, tuple[Path, ...]] | None = None,
) -> Iterator[Diagnostic]:
    """Lazily, each finding of the rules of ``profile`` for the manifest's mode, minus those the config turns off.

    Only the rules for the kind of document the manifest was read from run (see ``Rule.documents``): a CUSCAR is
    not asked for the RFCs that only a Carta Porte carries, nor an X12 358 consist for the contents of its bills.
    The kind is ``document`` when given (a conversion checks the model as the kind of document it writes), else it
    comes from ``format_name``, else from the readers' extension keys; a manifest of unknown origin is checked as the
    harmonized model. :func:`check_rule` runs a rule whatever the document. ``paths`` names, by rule code, the
    fields of a rule to check when not all of them (a stream checks each consignment's fields as it arrives and the
    manifest's once, at its end).
    """
    settings = config or Config()
    document = document or document_kind(format_name, manifest)
    context = Context(manifest)
    for rule in rules(profile, manifest.mode):
        if rule.code in settings.disabled or document not in rule.documents:
            continue
        chosen = rule.paths if paths is None else paths.get(rule.code, rule.paths)
        yield from _run(rule, context, source_map, settings, chosen)


def evaluate(
    manifest: Manifest,
    source_map: SourceMap,
    *,
    profile: str,
    config: Config | None = None,
    format_name: str | None = None,
    document: str | None = None,
) -> list[Diagnostic]:
    """Every finding of the rules of ``profile`` on ``manifest``, in catalogue order."""
    return list(
        iter_diagnostics(
            manifest, source_map, profile=profile, config=config, format_name=format_name, document=document
        )
    )


def check_rule(rule: Rule, manifest: Manifest, source_map: SourceMap | None = None) -> list[Diagnostic]:
    """The findings of one rule, whatever its profile and mode (used by the catalogue's own examples); a rule that
    compares the documents of a movement is run by :func:`manifest.singlewindow.reconcile_documents` instead."""
    if rule.kind not in KINDS:
        raise ValueError(f"{rule.code} compares documents ({rule.kind}); it does not run on one manifest")
    return list(_run(rule, Context(manifest), source_map or SourceMap(), Config(), rule.paths))


def _run(
    rule: Rule, context: Context, source_map: SourceMap, config: Config, paths: tuple[Path, ...]
) -> Iterator[Diagnostic]:
    check = KINDS[rule.kind]
    for path in paths:
        for item in context.items(path):
            for finding in check(context, item, rule.params):
                yield diagnostic_of(rule, finding, source_map, config)


def diagnostic_of(rule: Rule, finding: Finding, source_map: SourceMap, config: Config) -> Diagnostic:
    """The diagnostic of one finding of ``rule``: its wording, severity (as configured), field, value and position."""
    severity = config.severities.get(rule.code, rule.severity)
    value = shown_value(finding.item.value)
    field = finding.item.path
    diagnostic = MESSAGES[rule.code](field=field, value=value, source=rule.source, severity=severity)
    # ``field`` and ``value`` are also template arguments, next to those the check kind adds.
    args = MappingProxyType({"field": field, "value": value or "", **finding.args})
    return replace(diagnostic, args=args).at(locate_field(source_map, finding.item.anchor))


def locate_field(source_map: SourceMap, path: str) -> Position | None:
    """The position of ``path``; Equipment.identifier is computed from the number, which is where readers record it."""
    if path.endswith(".identifier"):
        found = source_map.positions.get(path.removesuffix(".identifier") + ".number")
        if found is not None:
            return found
    return source_map.locate(path)
