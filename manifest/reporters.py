"""Reporters: pure functions from validation and conversion results to the text a user or a machine reads.

Each takes the file reports (or a conversion) and the language and returns one string; the CLI only prints it.
The JSON shape is the contract in DESIGN.md: fields without a value are null, never absent. Headings and severity
words come from the catalogue of :mod:`manifest.i18n`; keys, codes and the severity names of machine formats stay as
they are.

A finding's text (message, address, field, value) is shown with any lone surrogate as its ``\\uXXXX`` escape: no
reader lets one into the model, but a program may build a finding with one, and it could not be encoded for output.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Protocol

from manifest.api import Conversion, FileReport
from manifest.checkfile import Skipped
from manifest.conversion import LOSS_KINDS
from manifest.core.registry import FORMATS
from manifest.diagnostics import Diagnostic, Lang, Message, Related, Severity, shown_surrogates
from manifest.i18n import words
from manifest.report_summary import SUMMARY_COLUMNS as SUMMARY_COLUMNS
from manifest.report_summary import SUMMARY_LINE as SUMMARY_LINE
from manifest.report_summary import result_word as result_word
from manifest.report_summary import severity_word as severity_word
from manifest.report_summary import skipped_reason as skipped_reason
from manifest.report_summary import summary as summary
from manifest.report_summary import summary_line as summary_line
from manifest.report_summary import summary_rows as summary_rows
from manifest.tables import Paint, aligned

if TYPE_CHECKING:
    from manifest.requirements import Rule

PROFILE_LINE = "{path}: profile {profile}: {reason}"


# Colour for a part of a finding's line, given by the command line: (kind, text) -> text. The kinds are the
# severity names ("error", "warning", "info"), "code" and "location" (where it stands: path, line, column).
Highlight = Callable[[str, str], str]


def _plain(_kind: str, text: str) -> str:
    return text


def diagnostic_line(path: str, diagnostic: Diagnostic, lang: Lang, *, paint: Highlight = _plain) -> str:
    where = ":".join(str(n) for n in (path, diagnostic.line, diagnostic.column) if n is not None)
    severity = paint(str(diagnostic.severity), severity_word(diagnostic.severity, lang))
    code = paint("code", diagnostic.code)
    line = f"{paint('location', where)}: {severity} {code} {shown_surrogates(diagnostic.message(lang))}"
    if diagnostic.also:
        line += f" ({words(lang).pgettext('report', 'also')}: {', '.join(diagnostic.also)})"
    details = [shown_surrogates(part) for part in (diagnostic.location, diagnostic.field) if part]
    if details:
        line += f" [{paint('location', ' | '.join(details))}]"
    for related in diagnostic.related:
        line += f"; {words(lang).pgettext('report', 'and')} {related_place(related)}"
    return line


def related_place(related: Related) -> str:
    """``path:line:column [location | field]``: the other place a finding concerns, written as its own place is."""
    where = ":".join(str(n) for n in (related.path, related.line, related.column) if n is not None)
    details = [shown_surrogates(part) for part in (related.location, related.field) if part]
    return f"{where} [{' | '.join(details)}]" if details else where


def profile_line(report: FileReport, lang: Lang) -> str | None:
    """``path: profile NAME: why``, when requirements were checked."""
    if report.profile is None or report.profile_reason is None:
        return None
    reason = report.profile_reason.said(lang)
    return words(lang).gettext(PROFILE_LINE).format(path=report.path, profile=report.profile, reason=reason)


def text(
    reports: Sequence[FileReport],
    lang: Lang = "en",
    *,
    strict: bool = False,
    skipped: Sequence[Skipped] = (),
    paint: Highlight = _plain,
) -> str:
    """For each file, the profile it was checked against and why, then ``path:line:column: severity CODE message
    [location | field]``, one line per finding; for more than one file (or one and a file passed over) a table of
    every file and its result, the files passed over with the reason; then a summary. ``paint`` colours the parts
    of a line (see Highlight); by default nothing is coloured."""
    lines: list[str] = []
    for report in reports:
        chosen = profile_line(report, lang)
        lines += [chosen] if chosen is not None else []
        lines += [diagnostic_line(report.path, d, lang, paint=paint) for d in report.diagnostics]
    if len(reports) + len(skipped) > 1:
        lines += ["", *summary_table(reports, lang, strict=strict, skipped=skipped, paint=paint), ""]
    lines.append(summary_line(reports, lang))
    return "\n".join(lines) + "\n"


def summary_table(
    reports: Sequence[FileReport],
    lang: Lang,
    *,
    strict: bool = False,
    skipped: Sequence[Skipped] = (),
    paint: Highlight = _plain,
) -> list[str]:
    """The lines of the table of :func:`summary_rows`, headed in ``lang``; the result is painted as ``passed``,
    ``failed`` or ``skipped``."""
    rows = summary_rows(reports, lang, strict=strict, skipped=skipped)
    catalogue = words(lang)
    results = {catalogue.pgettext("result", word): word for word in ("passed", "failed", "skipped")}

    def painted(column: str, value: str, padded: str) -> str:
        if column != "result":
            return padded
        return paint(results.get(value, value), value) + padded[len(value) :]

    headings = {c: catalogue.pgettext("column", c).upper() for c in SUMMARY_COLUMNS}
    table_paint: Paint | None = None if paint is _plain else painted
    return aligned(rows, headings, paint=table_paint)


def diagnostic_to_json(diagnostic: Diagnostic, lang: Lang) -> dict[str, object]:
    return {
        "code": diagnostic.code,
        "severity": str(diagnostic.severity),
        "message": shown_surrogates(diagnostic.message(lang)),
        "line": diagnostic.line,
        "column": diagnostic.column,
        "location": _shown(diagnostic.location),
        "field": _shown(diagnostic.field),
        "value": _shown(diagnostic.value),
        "source": diagnostic.source,
        "also": list(diagnostic.also),
        "related": [related_to_json(related) for related in diagnostic.related],
    }


def related_to_json(related: Related) -> dict[str, object]:
    return {
        "path": related.path,
        "line": related.line,
        "column": related.column,
        "location": _shown(related.location),
        "field": _shown(related.field),
    }


def _shown(text: str | None) -> str | None:
    return None if text is None else shown_surrogates(text)


def as_json(
    reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False, skipped: Sequence[Skipped] = ()
) -> str:
    files = [
        {
            "path": r.path,
            "format": r.format,
            "mode": r.modes[0].value if r.modes else None,
            "profile": r.profile,
            "profile_reason": r.profile_reason.said(lang) if r.profile_reason is not None else None,
            "valid": r.passes(strict=strict),
            "diagnostics": [diagnostic_to_json(d, lang) for d in r.diagnostics],
        }
        for r in reports
    ]
    passed_over = [{"path": s.path, "reason": skipped_reason(s, lang)} for s in skipped]
    shape = {"files": files, "skipped": passed_over, "summary": summary(reports)}
    return json.dumps(shape, ensure_ascii=False, indent=2) + "\n"


def _escape_data(text: str) -> str:
    # GitHub Actions workflow commands: the message is percent-escaped for %, CR and LF.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    # ... and a property value also for ':' and ','.
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


_GITHUB_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def github(
    reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False, skipped: Sequence[Skipped] = ()
) -> str:
    """GitHub Actions annotations (``::error file=…,line=…,col=…,title=…::message``), one per finding."""
    lines = []
    for report in reports:
        for d in report.diagnostics:
            # Standard input has no file to annotate: the annotation then stands on the run.
            properties = [f"file={_escape_property(report.path)}"] if report.path != "-" else []
            if d.line is not None:
                properties.append(f"line={d.line}")
            if d.column is not None:
                properties.append(f"col={d.column}")
            properties.append(f"title={_escape_property(d.code)}")
            also = f"({words(lang).pgettext('report', 'also')}: {', '.join(d.also)})" if d.also else None
            related = [f"({words(lang).pgettext('report', 'and')} {related_place(r)})" for r in d.related]
            detail = shown_surrogates(
                " ".join(
                    part for part in (d.message(lang), also, f"[{d.field}]" if d.field else None, *related) if part
                )
            )
            lines.append(f"::{_GITHUB_LEVELS[d.severity]} {','.join(properties)}::{_escape_data(detail)}")
    lines.append(summary_line(reports, lang))
    return "\n".join(lines) + "\n"


def junit(
    reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False, skipped: Sequence[Skipped] = ()
) -> str:
    """JUnit XML, one test case per file: CI servers show a failed case per file that does not pass.

    The failure of a case lists every finding of its file; a file that passes with warnings or notes lists them in
    the case's ``system-out``. Characters that XML 1.0 cannot carry (a control character read from a broken file)
    are written as ``\\xNN`` so that the report stays well-formed.
    """
    from xml.etree import ElementTree

    failing = sum(1 for r in reports if not r.passes(strict=strict))
    tests = str(len(reports) + len(skipped))
    counts = {"tests": tests, "failures": str(failing), "errors": "0", "skipped": str(len(skipped))}
    suites = ElementTree.Element("testsuites", {"name": "manifest", **counts})
    suite = ElementTree.SubElement(suites, "testsuite", {"name": "manifest validate", **counts})
    for report in reports:
        classname = report.format or words(lang).pgettext("format", "unknown")
        case = ElementTree.SubElement(suite, "testcase", classname=classname, name=_xml_text(report.path))
        findings = _xml_text("\n".join(diagnostic_line(report.path, d, lang) for d in report.diagnostics))
        if report.passes(strict=strict):
            if findings:
                ElementTree.SubElement(case, "system-out").text = findings
            continue
        worst = max(d.severity for d in report.diagnostics)
        failure = ElementTree.SubElement(case, "failure", type=str(worst), message=summary_line([report], lang))
        failure.text = findings
    for passed_over in skipped:
        unknown = words(lang).pgettext("format", "unknown")
        case = ElementTree.SubElement(suite, "testcase", classname=unknown, name=_xml_text(passed_over.path))
        ElementTree.SubElement(case, "skipped", message=_xml_text(skipped_reason(passed_over, lang)))
    ElementTree.indent(suites)
    return ElementTree.tostring(suites, encoding="unicode", xml_declaration=True) + "\n"


# XML 1.0 section 2.2 (Char): tab, LF, CR and everything from U+0020 except the surrogates, U+FFFE and U+FFFF.
_NOT_XML_CHAR = re.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML_CHAR.sub(lambda match: f"\\x{ord(match.group()):02x}", text)


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


def html(
    reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False, skipped: Sequence[Skipped] = ()
) -> str:
    """The HTML page of :mod:`manifest.report_html`, without the files' text (which the command line gives it)."""
    from manifest.report_html import html_report

    return html_report(reports, lang, strict=strict, skipped=skipped)


class Reporter(Protocol):
    """A report of a run: the files checked and, where the format has a place for them, the files passed over."""

    def __call__(
        self, reports: Sequence[FileReport], lang: Lang = "en", *, strict: bool = False, skipped: Sequence[Skipped] = ()
    ) -> str: ...


REPORTERS: dict[str, Reporter] = {
    "text": text,
    "json": as_json,
    "sarif": sarif,
    "junit": junit,
    "github": github,
    "html": html,
}


# -- conversions ----------------------------------------------------------------------------------------------------

WRITTEN_TO = "written to {output} as {target}"
STANDARD_OUTPUT = "standard output"
NOTHING_WRITTEN = "nothing written"
FAULTY_SOURCE = "converted from a faulty source with {errors} error(s)"
REFUSED_ERRORS = "the source has {errors} error(s) (use --allow-errors to convert anyway)"
REFUSED_LOSSES = "{target} cannot carry {count} value(s) (use --allow-loss to write anyway)"
LEFT_BEHIND = "{count} value(s) not carried"
NOTES = "{count} note(s)"


def conversion_listed_errors(conversion: Conversion) -> tuple[Diagnostic, ...]:
    """The errors a conversion report lists: why nothing was written (MF301 first), or the faulty source's errors."""
    return conversion.diagnostics if conversion.written is None else conversion.errors


def conversion_line(conversion: Conversion, *, output: str | None, allow_loss: bool, lang: Lang) -> str:
    """The outcome in one line: written or not (and why not, with the option that would write it), whether from a
    faulty source, how many values are not carried and how many notes there are."""
    said = words(lang).gettext
    target = conversion.target or ""
    if conversion.writes(allow_loss=allow_loss):
        where = output if output is not None else said(STANDARD_OUTPUT)
        head = said(WRITTEN_TO).format(output=where, target=target)
    else:
        head = said(NOTHING_WRITTEN)
    if conversion.written is None:
        return f"{head}: {said(REFUSED_ERRORS).format(errors=len(conversion.errors))}"
    parts = [said(FAULTY_SOURCE).format(errors=len(conversion.errors))] if conversion.from_faulty_source else []
    losses = len(conversion.losses)
    refused = losses and not allow_loss
    parts.append(said(REFUSED_LOSSES if refused else LEFT_BEHIND).format(target=target, count=losses))
    parts.append(said(NOTES).format(count=len(conversion.notes)))
    return f"{head}: {', '.join(parts)}"


def conversion_text(
    conversion: Conversion, source: str, *, output: str | None, allow_loss: bool, lang: Lang, verbose: bool = False
) -> str:
    """The errors of the source, each at its place; with ``verbose`` every value not carried and every note too;
    then the outcome in one line and the values not carried counted by kind (what holds them), in ``lang``."""
    shown = conversion_listed_errors(conversion)
    if verbose:
        shown = (*shown, *conversion.losses, *conversion.notes)
    lines = [diagnostic_line(source, d, lang) for d in shown]
    lines.append(conversion_line(conversion, output=output, allow_loss=allow_loss, lang=lang))
    counts = conversion.losses_by_kind()
    labels = {kind: words(lang).pgettext("loss kind", LOSS_KINDS[kind]) for kind in counts}
    label_width = max((len(label) for label in labels.values()), default=0)
    count_width = max((len(str(count)) for count in counts.values()), default=0)
    lines += [f"  {labels[kind]:<{label_width}}  {count:>{count_width}}" for kind, count in counts.items()]
    return "\n".join(lines) + "\n"


def conversion_json(conversion: Conversion, source: str, *, output: str | None, allow_loss: bool, lang: Lang) -> str:
    """One object: the source and its format, the target, whether and where the result was written, whether from
    a faulty source; the errors, the values not carried and the notes, each as a finding of ``validate``'s JSON;
    and their counts, the values not carried by kind (keys of :data:`manifest.conversion.LOSS_KINDS`)."""
    report = {
        "source": source,
        "format": conversion.source.format if conversion.source is not None else None,
        "target": conversion.target,
        "written": conversion.writes(allow_loss=allow_loss),
        "output": output,
        "from_faulty_source": conversion.from_faulty_source,
        "errors": [diagnostic_to_json(d, lang) for d in conversion_listed_errors(conversion)],
        "losses": [diagnostic_to_json(d, lang) for d in conversion.losses],
        "notes": [diagnostic_to_json(d, lang) for d in conversion.notes],
        "summary": {
            "errors": len(conversion.errors),
            "losses": len(conversion.losses),
            "notes": len(conversion.notes),
            "losses_by_kind": conversion.losses_by_kind(),
        },
    }
    return json.dumps(report, ensure_ascii=False, indent=2) + "\n"
