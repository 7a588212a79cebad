"""The SARIF 2.1.0 log that code scanning reads: the rule metadata of every code found, one result per finding, one
artifact per file."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from manifest.api import FileReport
from manifest.checkfile import Skipped
from manifest.core.registry import FORMATS
from manifest.diagnostics import Diagnostic, Lang, Message, Related, Severity, shown_surrogates
from manifest.report_summary import summary

if TYPE_CHECKING:
    from manifest.requirements import Rule

# SARIF 2.1.0 (OASIS Standard, errata 01): one run, the rules that the results refer to, one artifact per file.
SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
# Relative artifact URIs are relative to the folder the command ran in (SARIF 3.4.4 uriBaseId): consumers such as
# GitHub code scanning resolve it to the checkout.
SOURCE_ROOT = "SRCROOT"
_SARIF_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def sarif(
    reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False, skipped: Sequence[Skipped] = ()
) -> str:
    """A SARIF 2.1.0 log for code scanning: the rule metadata of every code found, one result per finding."""
    return json.dumps(sarif_log(reports, lang, project=project_urls()), ensure_ascii=False, indent=2) + "\n"


def sarif_log(reports: Sequence[FileReport], lang: Lang, *, project: Mapping[str, str]) -> dict[str, object]:
    """The SARIF log as a JSON value. ``project`` holds the project's published addresses (``Homepage``,
    ``Documentation``): SARIF wants absolute URIs for the tool's and the rules' documentation (3.19.2, 3.49.12),
    so those properties are given only when the address is known."""
    from manifest import __version__
    from manifest.codes import message_of
    from manifest.requirements import rules

    # Each code's wording as its findings carry it: a batch checked in other processes brings codes whose modules
    # this process may never have imported. The codes of merged findings' ``also`` are described too, so that a
    # reader of the log can look them up.
    definitions = {d.code: d.definition for r in reports for d in r.diagnostics}
    for code in {code for r in reports for d in r.diagnostics for code in d.also} - set(definitions):
        definitions[code] = message_of(code)
    codes = sorted(definitions)
    index = {code: i for i, code in enumerate(codes)}
    driver: dict[str, object] = {"name": "manifest", "version": __version__, "semanticVersion": __version__}
    if "Homepage" in project:
        driver["informationUri"] = project["Homepage"]
    catalogue = {rule.code: rule for rule in rules()}
    driver["rules"] = [
        _sarif_rule(definitions[code], catalogue.get(code), lang, project.get("Documentation")) for code in codes
    ]
    artifacts = {report.path: number for number, report in reversed(list(enumerate(reports)))}
    results = [
        _sarif_result(d, index[d.code], _result_artifact(report, artifact), lang, artifacts)
        for artifact, report in enumerate(reports)
        for d in report.diagnostics
    ]
    run: dict[str, object] = {
        "tool": {"driver": driver},
        "language": lang,
        "columnKind": "unicodeCodePoints",  # columns count characters of the decoded text (textpos.LineIndex)
        "artifacts": [_sarif_artifact(report) for report in reports],
        "results": results,
        "properties": {"summary": summary(reports)},
    }
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def project_urls() -> dict[str, str]:
    """The ``Project-URL`` entries of the installed distribution (``[project.urls]``), by label; none when the
    package runs from a checkout that was never installed."""
    from importlib import metadata

    try:
        entries = metadata.metadata("manifest-toolkit").get_all("Project-URL") or []
    except metadata.PackageNotFoundError:
        return {}
    found = {}
    for entry in entries:
        label, _, url = entry.partition(",")
        found[label.strip()] = url.strip()
    return found


def _sarif_rule(message: Message, rule: Rule | None, lang: Lang, documentation: str | None) -> dict[str, object]:
    """The metadata of one code: its message in ``lang``, its source, and for a catalogue rule its modes, profiles,
    documents, fields and check."""
    template = _described(message.es if lang == "es" else message.en)
    properties: dict[str, object] = {"source": message.source}
    full = template
    if rule is None:
        page = "codes.md"
    else:
        page = f"rules.md#{_markdown_anchor(rule.catalogue)}" if rule.catalogue else "rules.md"
        properties.update(
            {
                "tags": ["requirement", *rule.profiles, *(m.value for m in rule.modes)],
                "modes": [m.value for m in rule.modes],
                "profiles": list(rule.profiles),
                "documents": list(rule.documents),
                "fields": list(rule.fields),
                "check": rule.kind,
                "catalogue": rule.catalogue,
                "inferred": rule.inferred,
            }
        )
        if rule.note:
            properties["note"] = rule.note
            if lang == "en":  # the catalogue's notes are written in English only
                full = f"{template} ({rule.note})"
    descriptor: dict[str, object] = {
        "id": message.code,
        "shortDescription": {"text": template},
        "fullDescription": {"text": full},
        "defaultConfiguration": {"level": _SARIF_LEVELS[message.severity]},
        "properties": properties,
    }
    if message.source:
        descriptor["help"] = {"text": message.source}
    if documentation:
        descriptor["helpUri"] = f"{documentation.rstrip('/')}/{page}"
    return descriptor


# A placeholder of a message template ($path, ${value}, $expected_es: the Spanish variant of a value): a rule's
# description names the value that a finding fills in, as <path>, in either language.
# "$$" is a dollar sign written out (string.Template).
_PLACEHOLDER = re.compile(
    r"\$(?:(?P<dollar>\$)|\{(?P<braced>[A-Za-z_]\w*?)(?:_es)?\}|(?P<plain>[A-Za-z_]\w*?)(?:_es)?\b)"
)


def _described(template: str) -> str:
    return _PLACEHOLDER.sub(lambda m: m["dollar"] or f"<{m['braced'] or m['plain']}>", template)


def _markdown_anchor(heading: str) -> str:
    # The anchor GitHub gives a Markdown heading: lower case, punctuation other than '-' and '_' dropped, spaces '-'.
    kept = "".join(c for c in heading.lower() if c.isalnum() or c in "-_ ")
    return kept.replace(" ", "-")


def _result_artifact(report: FileReport, index: int) -> dict[str, object]:
    # The address is repeated beside the index: GitHub code scanning reads only the uri of a result's location.
    return {**_artifact_location(report.path), "index": index} if report.path != "-" else {"index": index}


def _sarif_result(
    diagnostic: Diagnostic,
    rule_index: int,
    artifact: Mapping[str, object],
    lang: Lang,
    artifacts: Mapping[str, int],
) -> dict[str, object]:
    location: dict[str, object] = {}
    physical: dict[str, object] = {"artifactLocation": dict(artifact)}
    if diagnostic.line is not None:
        region = {"startLine": diagnostic.line}
        if diagnostic.column is not None:
            region["startColumn"] = diagnostic.column
        physical["region"] = region
    location["physicalLocation"] = physical
    logical = _logical_locations(diagnostic.location, diagnostic.field)
    if logical:
        location["logicalLocations"] = logical
    result: dict[str, object] = {
        "ruleId": diagnostic.code,
        "ruleIndex": rule_index,
        "level": _SARIF_LEVELS[diagnostic.severity],
        "message": {"text": shown_surrogates(diagnostic.message(lang))},
        "locations": [location],
    }
    if diagnostic.related:
        # SARIF 3.27.22: the other places the result concerns, each in its own artifact (the other document).
        result["relatedLocations"] = [
            _sarif_related(related, number, artifacts.get(related.path))
            for number, related in enumerate(diagnostic.related, start=1)
        ]
    extra: dict[str, object] = {}
    if diagnostic.value is not None:
        extra["value"] = shown_surrogates(diagnostic.value)
    if diagnostic.source and diagnostic.source != diagnostic.definition.source:
        extra["source"] = diagnostic.source  # a finding that cites more precisely than its code does
    if diagnostic.also:
        extra["also"] = list(diagnostic.also)  # the codes of the other layers that found this fault here
    if extra:
        result["properties"] = extra
    return result


def _logical_locations(address: str | None, field: str | None) -> list[dict[str, object]]:
    logical: list[dict[str, object]] = []
    if address:
        shown = shown_surrogates(address)
        logical.append({"fullyQualifiedName": shown, **_address_kind(shown)})
    if field:
        # The harmonized model's field path: a member of the model, whatever the format.
        logical.append({"fullyQualifiedName": shown_surrogates(field), "kind": "member"})
    return logical


def _sarif_related(related: Related, number: int, artifact: int | None) -> dict[str, object]:
    """A related location (SARIF 3.28): its file as an artifact of the run where it is one, its line and column,
    its format address and model field."""
    place: dict[str, object] = {} if related.path == "-" else dict(_artifact_location(related.path))
    if artifact is not None:
        place["index"] = artifact
    physical: dict[str, object] = {"artifactLocation": place}
    if related.line is not None:
        region = {"startLine": related.line}
        if related.column is not None:
            region["startColumn"] = related.column
        physical["region"] = region
    found: dict[str, object] = {"id": number, "physicalLocation": physical}
    logical = _logical_locations(related.location, related.field)
    if logical:
        found["logicalLocations"] = logical
    return found


def _address_kind(address: str) -> dict[str, str]:
    """SARIF's kind of a format address (3.33.7) where the address says it: an XPath names an element or an
    attribute; a segment/element address of EDI or a JSON path gets none."""
    if not address.startswith("/"):
        return {}
    return {"kind": "attribute" if address.rsplit("/", 1)[-1].startswith("@") else "element"}


def _sarif_artifact(report: FileReport) -> dict[str, object]:
    artifact: dict[str, object] = {}
    if report.path != "-":  # standard input has no address
        artifact["location"] = _artifact_location(report.path)
    registered = FORMATS.get(report.format) if report.format is not None else None
    if registered is not None:  # RFC 1767 registers EDI-X12 and EDIFACT; see each format's description
        artifact["mimeType"] = registered.description.mime_type
    artifact["properties"] = {
        "format": report.format,
        "modes": [m.value for m in report.modes],
        "profile": report.profile,
    }
    return artifact


def _artifact_location(path: str) -> dict[str, str]:
    """A relative path stays relative to SOURCE_ROOT (as a URI reference, '/'-separated and percent-encoded); an
    absolute one becomes a file URI. Either is percent-encoded from the name's bytes, so that a file name that is
    not UTF-8 (held in ``path`` with surrogate escapes, PEP 383) keeps its own bytes (RFC 3986 section 2.5)."""
    from pathlib import PurePath
    from urllib.parse import quote

    pure = PurePath(path)
    if pure.is_absolute():
        from pathlib import Path

        return {"uri": Path(path).as_uri()}
    return {"uri": quote(os.fsencode(pure.as_posix())), "uriBaseId": SOURCE_ROOT}
