"""A file's report as a comparable value: what two ways of validating the same file must agree on."""

from __future__ import annotations

from manifest import checkfile
from manifest.api import FileReport


def shown(report: FileReport | checkfile.Unreadable | None) -> tuple[object, ...]:
    assert isinstance(report, FileReport)
    findings = tuple(
        (d.code, d.severity, d.line, d.column, d.location, d.field, d.value, d.message(), d.message("es"))
        for d in report.diagnostics
    )
    return report.format, report.modes, report.profile, findings
