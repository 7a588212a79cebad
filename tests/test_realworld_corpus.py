"""The real-world corpus against its table (tests/realworld/corpus.yaml): files published by other producers, each
read in its format without a crash, given the verdict its producer's evidence gives, and never reported twice for
one fault.

A row whose verdict the tool does not reach today names the defect (known_defect, format_defect, duplicate_defect):
its test is then an expected failure, strict, so that it fails once the defect is fixed and the row is flipped.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from manifest.cli import main
from tests.conftest import EXTERNAL_SAMPLES, REPO

CORPUS = REPO / "tests" / "realworld"
TABLE = CORPUS / "corpus.yaml"
# Files of the corpus folder that are not corpus files.
NOT_CORPUS = {"README.md", "corpus.yaml", ".gitattributes"}
# Licences under which a file may be kept in this repository: permissive ones, and the LGPL, whose test data is
# redistributed unchanged with its notice (README.md in the corpus folder).
REDISTRIBUTABLE = {
    "MIT",
    "MIT OR Apache-2.0",
    "Apache-2.0",
    "BSD-3-Clause",
    "LGPL-2.1",
    "LGPL-3.0-or-later",
    "UPL-1.0",
}
INTERNAL_ERROR = 3


@dataclass(frozen=True, slots=True)
class Row:
    """One file of the corpus and the verdict the table gives it."""

    name: str
    path: Path
    external: bool
    sha256: str
    format: str | None
    profile: str
    exit: int
    must: tuple[str, ...]
    must_not: tuple[str, ...]
    source: dict[str, str] | None
    known_defect: str | None
    format_defect: str | None
    duplicate_defect: str | None


def _row(entry: dict[str, Any]) -> Row:
    external = "external" in entry
    relative = entry["external"] if external else entry["file"]
    return Row(
        name=("external/" if external else "") + relative,
        path=(EXTERNAL_SAMPLES if external else CORPUS) / relative,
        external=external,
        sha256=entry["sha256"],
        format=entry["format"],
        profile=entry.get("profile", "auto"),
        exit=entry["exit"],
        must=tuple(entry.get("must", ())),
        must_not=tuple(entry.get("must_not", ())),
        source=entry.get("source"),
        known_defect=entry.get("known_defect"),
        format_defect=entry.get("format_defect"),
        duplicate_defect=entry.get("duplicate_defect"),
    )


ROWS = [_row(entry) for entry in yaml.safe_load(TABLE.read_text(encoding="utf-8"))["files"]]


def _cases(defect: str) -> list[Any]:
    """One case per row, an expected failure (strict) where the row names ``defect``."""
    cases = []
    for row in ROWS:
        reason = getattr(row, defect)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        cases.append(pytest.param(row, id=row.name, marks=marks))
    return cases


def _present(row: Row) -> Path:
    # The external samples are kept outside the repository and may be a different snapshot where the suite runs:
    # a row whose file is not there is skipped, never failed.
    if row.external and not row.path.is_file():
        pytest.skip(f"external sample not present at {row.path}")
    return row.path


@functools.cache
def _validate(path: Path, profile: str) -> tuple[int, dict[str, Any]]:
    """``manifest validate --output json`` on one file: its exit code and the file's report."""
    result = CliRunner().invoke(main, ["validate", "--output", "json", "--profile", profile, str(path)])
    assert result.exit_code != INTERNAL_ERROR, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    (report,) = json.loads(result.stdout)["files"]
    return result.exit_code, report


def _codes(report: dict[str, Any]) -> list[str]:
    return [finding["code"] for finding in report["diagnostics"]]


def test_the_table_lists_every_corpus_file() -> None:
    listed = {row.path for row in ROWS if not row.external}
    present = {path for path in CORPUS.rglob("*") if path.is_file() and path.name not in NOT_CORPUS}
    assert present == listed


def test_the_table_lists_every_external_sample(external_samples: Path) -> None:
    listed = {row.path for row in ROWS if row.external}
    present = {
        path
        for path in external_samples.rglob("*")
        if path.is_file() and path.name != "SOURCES.md" and "schemas" not in path.relative_to(external_samples).parts
    }
    assert present <= listed


def test_the_corpus_spans_every_agency_format_and_ten_sources() -> None:
    assert {"x12-309", "x12-358", "cuscar", "cargo-xml", "carta-porte"} <= {row.format for row in ROWS}
    assert len(ROWS) >= 40
    repositories = {row.source["repository"] for row in ROWS if row.source}
    sources = (EXTERNAL_SAMPLES / "SOURCES.md").read_text(encoding="utf-8") if EXTERNAL_SAMPLES.is_dir() else ""
    repositories |= set(re.findall(r"^\| \S+ \| ([\w.-]+/[\w.-]+) \|", sources, flags=re.MULTILINE))
    assert len(repositories) >= 10 or not sources


@pytest.mark.parametrize("row", [row for row in ROWS if not row.external], ids=lambda row: row.name)
def test_kept_files_record_their_source_and_a_licence_that_allows_keeping_them(row: Row) -> None:
    assert row.source is not None
    assert re.fullmatch(r"[\w.-]+/[\w.-]+", row.source["repository"])
    assert row.source["path"]
    assert re.fullmatch(r"[0-9a-f]{40}", row.source["commit"])
    assert row.source["licence"] in REDISTRIBUTABLE


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.name)
def test_files_are_the_bytes_their_producers_published(row: Row) -> None:
    assert hashlib.sha256(_present(row).read_bytes()).hexdigest() == row.sha256


@pytest.mark.parametrize("row", _cases("format_defect"))
def test_each_file_is_read_in_its_format_without_a_crash(row: Row) -> None:
    _, report = _validate(_present(row), row.profile)
    assert report["format"] == row.format


@pytest.mark.parametrize("row", _cases("known_defect"))
def test_each_file_gets_the_verdict_of_its_evidence(row: Row) -> None:
    exit_code, report = _validate(_present(row), row.profile)
    codes = _codes(report)
    assert exit_code == row.exit, codes
    assert [code for code in row.must if code not in codes] == []
    assert [code for code in codes if any(fnmatchcase(code, pattern) for pattern in row.must_not)] == []


@pytest.mark.parametrize("row", _cases("duplicate_defect"))
def test_no_place_holds_two_findings_of_one_code(row: Row) -> None:
    _, report = _validate(_present(row), row.profile)
    # One fault is one code at one place about one field: a rule that finds two fields missing from one segment
    # (pieces and weight of a CNI) names two faults there.
    places = Counter(
        (finding["code"], finding["line"], finding["column"], finding["field"])
        for finding in report["diagnostics"]
        if finding["line"] is not None
    )
    assert [place for place, count in places.items() if count > 1] == []
