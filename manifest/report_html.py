"""The HTML report: one self-contained page, readable offline, for a person going through a batch's findings.

The page holds its style and script inline and loads nothing: no font, image or script from the network. It shows
the summary of the run (the table of :func:`manifest.report_summary.summary_rows`), then each file's text with its line
numbers, every line that has a finding highlighted and its findings beside it (code, message, address, model field,
value, source). The findings can be filtered by severity and by code. A file longer than SHOWN_WHOLE_LINES lines
(or SHOWN_WHOLE_BYTES bytes) is shown as the lines around each finding, CONTEXT_LINES either side, with the lines
left out said between them. Every word of the page is in the language of the report.
"""

from __future__ import annotations

import html
from collections import defaultdict
from collections.abc import Mapping, Sequence

from manifest.api import FileReport
from manifest.checkfile import Skipped
from manifest.core.registry import FORMATS
from manifest.diagnostics import Diagnostic, Lang, Severity, shown_surrogates
from manifest.formats.charsets import decode_legacy, xml_text
from manifest.i18n import words
from manifest.report_summary import SUMMARY_COLUMNS, severity_word, summary_line, summary_rows

SHOWN_WHOLE_LINES = 5000
SHOWN_WHOLE_BYTES = 2 * 1024 * 1024
CONTEXT_LINES = 3
_SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)

_STYLE = """
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#1b1b1b;background:#fff}
h1{font-size:1.5em;margin:0 0 .3em}h2{font-size:1.15em;margin:1.2em 0 .3em;word-break:break-all;display:inline-block}
summary{cursor:pointer}
table{border-collapse:collapse}
.summary td,.summary th{border:1px solid #ccc;padding:.25em .6em;text-align:left;vertical-align:top}
.summary th{background:#f0f0f0}
.filters{margin:1em 0;padding:.6em .8em;border:1px solid #ccc;background:#fafafa}
.filters label{margin-right:1em}
.result-passed{color:#11692b;font-weight:600}.result-failed{color:#b00020;font-weight:600}
.result-skipped{color:#666}
.source{width:100%;font:12.5px/1.45 ui-monospace,Menlo,Consolas,monospace;margin-top:.4em}
.source td{vertical-align:top;padding:0 .5em}
.source .no{color:#888;text-align:right;user-select:none;width:1%;white-space:nowrap;border-right:1px solid #ddd}
.source .text{white-space:pre-wrap;overflow-wrap:anywhere;width:55%}
.source .notes{width:44%}
tr.flagged.error .text{background:#ffe3e6}tr.flagged.warning .text{background:#fff4cc}
tr.flagged.info .text{background:#e4f1fb}
tr.gap td{color:#888;font-style:italic;background:#f6f6f6;padding:.2em .5em}
.finding{font:13px/1.35 system-ui,sans-serif;margin:0 0 .35em;padding:.2em .45em;border-left:4px solid #999;
background:#fcfcfc}
.finding.error{border-color:#b00020}.finding.warning{border-color:#c98a00}.finding.info{border-color:#1565c0}
.finding .severity{font-weight:600}.finding .code{font-weight:700;font-family:ui-monospace,monospace}
.finding dl{margin:.15em 0 0;display:grid;grid-template-columns:max-content 1fr;gap:0 .6em;color:#444}
.finding dt{font-weight:600}.finding dd{margin:0;overflow-wrap:anywhere}
.hidden{display:none}
.unplaced{margin:.4em 0}
"""

# Filtering: a finding is shown when its severity is ticked and its code chosen; a line stays highlighted, in the
# colour of its worst finding shown, while one of its findings is shown. The address may preset the filter, so that
# a link can point at one code: report.html#code=ID-007&hide=info,warning.
_SCRIPT = """
(function(){
  function apply(){
    var severities={};
    document.querySelectorAll('input.severity-filter').forEach(function(box){severities[box.value]=box.checked;});
    var code=document.getElementById('code-filter').value;
    document.querySelectorAll('.finding').forEach(function(item){
      var shown=severities[item.dataset.severity]&&(code===''||item.dataset.code===code);
      item.classList.toggle('hidden',!shown);
    });
    document.querySelectorAll('tr.has-findings').forEach(function(row){
      var worst=null;
      ['info','warning','error'].forEach(function(level){
        if(row.querySelector('.finding.'+level+':not(.hidden)')!==null){worst=level;}
      });
      row.classList.remove('flagged','error','warning','info');
      if(worst!==null){row.classList.add('flagged',worst);}
    });
  }
  document.querySelectorAll('input.severity-filter,#code-filter').forEach(function(control){
    control.addEventListener('change',apply);
  });
  var asked=new URLSearchParams(location.hash.slice(1));
  if(asked.has('code')){document.getElementById('code-filter').value=asked.get('code');}
  (asked.get('hide')||'').split(',').forEach(function(level){
    var box=document.querySelector('input.severity-filter[value="'+level+'"]');
    if(box){box.checked=false;}
  });
  apply();
})();
"""


def html_report(
    reports: Sequence[FileReport],
    lang: Lang = "en",
    *,
    strict: bool = False,
    skipped: Sequence[Skipped] = (),
    sources: Mapping[str, bytes] | None = None,
) -> str:
    """The page for ``reports``: ``sources`` gives the bytes of each file by its report's path (a file it does not
    have is shown by its findings alone)."""
    said = words(lang)
    title = said.pgettext("html", "Validation report")
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="totals">{_e(summary_line(reports, lang))}</p>',
        _summary_table(reports, lang, strict=strict, skipped=skipped),
        _filters(reports, lang),
    ]
    for index, report in enumerate(reports):
        data = None
        if sources is not None:
            try:
                data = sources[report.path]
            except KeyError:
                data = None
        parts.append(_file_section(index, report, data, lang))
    parts.append(f"<script>{_SCRIPT}</script></body></html>")
    return "\n".join(parts) + "\n"


def _e(text: str) -> str:
    return html.escape(shown_surrogates(text), quote=True)


def _summary_table(reports: Sequence[FileReport], lang: Lang, *, strict: bool, skipped: Sequence[Skipped]) -> str:
    said = words(lang)
    rows = summary_rows(reports, lang, strict=strict, skipped=skipped)
    kinds = ["passed" if r.passes(strict=strict) else "failed" for r in reports] + ["skipped"] * len(skipped)
    head = "".join(f"<th>{_e(said.pgettext('column', c))}</th>" for c in SUMMARY_COLUMNS)
    body = []
    for index, (row, kind) in enumerate(zip(rows, kinds, strict=True)):
        cells = []
        for column in SUMMARY_COLUMNS:
            value = _e(row[column])
            if column == "file" and index < len(reports):
                value = f'<a href="#file-{index}">{value}</a>'
            elif column == "result":
                value = f'<span class="result-{kind}">{value}</span>'
            cells.append(f"<td>{value}</td>")
        body.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table class="summary"><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>'


def _filters(reports: Sequence[FileReport], lang: Lang) -> str:
    said = words(lang)
    boxes = "".join(
        f'<label><input type="checkbox" class="severity-filter" value="{s}" checked> {_e(severity_word(s, lang))}'
        "</label>"
        for s in _SEVERITIES
    )
    codes = sorted({d.code for r in reports for d in r.diagnostics})
    options = "".join(f'<option value="{_e(c)}">{_e(c)}</option>' for c in codes)
    everything = _e(said.pgettext("html", "every code"))
    return (
        f'<div class="filters"><strong>{_e(said.pgettext("html", "Show"))}:</strong> {boxes}'
        f'<label>{_e(said.pgettext("column", "code"))} <select id="code-filter"><option value="">{everything}</option>'
        f"{options}</select></label></div>"
    )


def _finding(diagnostic: Diagnostic, lang: Lang) -> str:
    said = words(lang)
    severity = str(diagnostic.severity)
    where = ":".join(str(n) for n in (diagnostic.line, diagnostic.column) if n is not None)
    details = [
        (said.pgettext("html", "address"), diagnostic.location),
        (said.pgettext("html", "field"), diagnostic.field),
        (said.pgettext("html", "value"), diagnostic.value),
        (said.pgettext("column", "source"), diagnostic.source),
        (said.pgettext("report", "also"), ", ".join(diagnostic.also) or None),
    ]
    listed = "".join(f"<dt>{_e(name)}</dt><dd>{_e(value)}</dd>" for name, value in details if value)
    return (
        f'<div class="finding {severity}" data-severity="{severity}" data-code="{_e(diagnostic.code)}">'
        f'<span class="severity">{_e(severity_word(diagnostic.severity, lang))}</span> '
        f'<span class="code">{_e(diagnostic.code)}</span> '
        f"{f'<span class=where>{_e(where)}</span> ' if where else ''}"
        f'<span class="message">{_e(diagnostic.message(lang))}</span>'
        f"{f'<dl>{listed}</dl>' if listed else ''}</div>"
    )


def decoded_lines(data: bytes, format_name: str | None) -> list[str]:
    """The lines of a file as the readers number them: split at line feeds, after decoding as the format does (an
    XML file by its declaration, anything else as UTF-8 with single bytes of Windows-1252 kept)."""
    text = xml_text(data) if _is_xml(format_name) else decode_legacy(data)
    lines = text.removeprefix("\ufeff").split("\n")
    if len(lines) > 1 and lines[-1] == "":
        lines.pop()
    return [line.removesuffix("\r") for line in lines]


def shown_line_numbers(count: int, flagged: Sequence[int], *, whole: bool) -> list[int]:
    """The line numbers to show: every one of a file shown whole, else those within CONTEXT_LINES of a finding."""
    if whole:
        return list(range(1, count + 1))
    shown: set[int] = set()
    for line in flagged:
        shown.update(range(max(1, line - CONTEXT_LINES), min(count, line + CONTEXT_LINES) + 1))
    return sorted(shown)


def _file_section(index: int, report: FileReport, data: bytes | None, lang: Lang) -> str:
    said = words(lang)
    # A file with findings is shown open; one without, folded to its name (a click shows its text).
    opened = " open" if report.diagnostics else ""
    parts = [f'<section class="file" id="file-{index}"><details{opened}><summary><h2>{_e(report.path)}</h2></summary>']
    facts = [report.format or said.pgettext("format", "unknown")]
    if report.profile is not None:
        reason = report.profile_reason.said(lang) if report.profile_reason is not None else ""
        facts.append(said.pgettext("html", "profile {profile}").format(profile=report.profile) + f" ({reason})")
    parts.append(f'<p class="facts">{_e(" · ".join(facts))}</p>')
    lines = decoded_lines(data, report.format) if data is not None else []
    by_line: dict[int, list[Diagnostic]] = defaultdict(list)
    unplaced: list[Diagnostic] = []
    for diagnostic in report.diagnostics:
        if diagnostic.line is not None and 1 <= diagnostic.line <= len(lines):
            by_line[diagnostic.line].append(diagnostic)
        else:
            unplaced.append(diagnostic)
    if unplaced:
        parts.append(f'<div class="unplaced">{"".join(_finding(d, lang) for d in unplaced)}</div>')
    if data is None:
        parts.append(f"<p>{_e(said.pgettext('html', 'The text of this file is not shown: it could not be read.'))}</p>")
    elif lines:
        whole = len(lines) <= SHOWN_WHOLE_LINES and len(data) <= SHOWN_WHOLE_BYTES
        parts.append(_source_table(index, lines, by_line, lang, whole=whole))
    parts.append("</details></section>")
    return "\n".join(parts)


def _source_table(
    index: int, lines: list[str], by_line: Mapping[int, list[Diagnostic]], lang: Lang, *, whole: bool
) -> str:
    said = words(lang)
    rows = []
    previous = 0
    for number in shown_line_numbers(len(lines), sorted(by_line), whole=whole):
        if number > previous + 1:
            rows.append(_gap(previous + 1, number - 1, lang))
        previous = number
        found = by_line.get(number, [])
        anchor = f' id="file-{index}-line-{number}"'
        if found:
            worst = str(max(d.severity for d in found))
            notes = "".join(_finding(d, lang) for d in found)
            rows.append(
                f'<tr class="has-findings flagged {worst}"{anchor}><td class="no">{number}</td>'
                f'<td class="text">{_e(lines[number - 1])}</td><td class="notes">{notes}</td></tr>'
            )
        else:
            rows.append(
                f'<tr{anchor}><td class="no">{number}</td><td class="text">{_e(lines[number - 1])}</td><td></td></tr>'
            )
    if previous < len(lines):
        rows.append(_gap(previous + 1, len(lines), lang))
    caption = said.pgettext("html", "Text of the file")
    return f'<table class="source"><caption class="hidden">{_e(caption)}</caption>{"".join(rows)}</table>'


def _gap(first: int, last: int, lang: Lang) -> str:
    wording = words(lang).pgettext("html", "lines {first}–{last} not shown")
    return f'<tr class="gap"><td colspan="3">{_e(wording.format(first=first, last=last))}</td></tr>'


def _is_xml(format_name: str | None) -> bool:
    """Whether the format is XML (its MIME type says so), whose encoding its declaration names."""
    info = FORMATS.get(format_name) if format_name is not None else None
    return info is not None and info.description.mime_type.endswith("xml")
