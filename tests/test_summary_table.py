"""Reports a broker reads at a glance: the table of files at the end of a text report, the files a folder walk
passed over (with the reason, in text, JSON and JUnit), and what the library takes as input."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner

import manifest
from manifest.api import FileReport
from manifest.checkfile import Skipped, iter_files
from manifest.cli import main
from manifest.diagnostics import MESSAGES
from manifest.reporters import junit, summary_table, text
from tests.conftest import SAMPLES

RAIL_309 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
NEGATIVE_JSON = Path(__file__).parent / "data" / "negative" / "rail-weight-with-comma.manifest.json"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A clean 309, a JSON manifest with an error, and a note in no known format."""
    shutil.copy(RAIL_309, tmp_path / "a.309")
    shutil.copy(NEGATIVE_JSON, tmp_path / "b.manifest.json")
    (tmp_path / "notes.txt").write_text("loaded at the yard\n")
    return tmp_path


def _table(output: str) -> list[list[str]]:
    """The rows of the summary table: the lines between the blank line after the findings and the summary line."""
    block = output.split("\n\n")[1]
    return [line.split() for line in block.splitlines()]


def test_a_batch_ends_with_a_table_of_every_file_and_the_files_passed_over(folder: Path) -> None:
    result = CliRunner().invoke(main, ["validate", str(folder)])
    assert result.exit_code == 1
    heading, clean, failing, passed_over = _table(result.output)
    assert heading == ["FILE", "FORMAT", "PROFILE", "ERRORS", "WARNINGS", "RESULT", "WHY"]
    assert clean[:6] == [str(folder / "a.309"), "x12-309", "cbp", "0", "0", "passed"]
    assert " ".join(clean[6:]) == "the receiver CBPRAIL (ISA.08) is CBP"  # why auto chose it
    assert failing[:6] == [str(folder / "b.manifest.json"), "manifest-json", "harmonized", "1", "0", "failed"]
    assert passed_over == [str(folder / "notes.txt"), "-", "-", "skipped", "in", "no", "known", "format"]
    assert result.output.endswith("2 file(s) checked: 1 error(s), 0 warning(s)\n")


def test_the_table_is_in_spanish_and_follows_strict(tmp_path: Path) -> None:
    warning = next(m for m in MESSAGES.values() if str(m.severity) == "warning" and "$" not in m.en)
    reports = [FileReport("a.309", "x12-309", diagnostics=(warning(line=1),)), FileReport("b.xml", "manifest-xml")]
    lines = summary_table(reports, "es", strict=True)
    assert lines[0].split() == ["ARCHIVO", "FORMATO", "PERFIL", "ERRORES", "ADVERTENCIAS", "RESULTADO", "POR", "QUÉ"]
    assert lines[1].split()[3:6] == ["0", "1", "rechazado"]
    assert lines[2].split()[5] == "aprobado"
    assert summary_table(reports, "en")[1].split()[5] == "passed"


def test_one_file_has_no_table() -> None:
    result = CliRunner().invoke(main, ["validate", str(RAIL_309)])
    assert result.exit_code == 0
    assert "\n\n" not in result.output and "RESULT" not in result.output


def test_the_json_report_lists_the_files_passed_over(folder: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--output", "json", "--lang", "es", str(folder)])
    report = json.loads(result.output)
    assert report["skipped"] == [{"path": str(folder / "notes.txt"), "reason": "en ningún formato conocido"}]
    assert [f["path"] for f in report["files"]] == [str(folder / "a.309"), str(folder / "b.manifest.json")]


def test_a_named_file_passed_over_by_skip_unknown_is_listed(folder: Path) -> None:
    result = CliRunner().invoke(main, ["validate", "--skip-unknown", str(folder / "notes.txt"), str(folder / "a.309")])
    assert result.exit_code == 0
    assert [row[0] for row in _table(result.output)[1:]] == [str(folder / "a.309"), str(folder / "notes.txt")]


def test_junit_marks_the_files_passed_over_as_skipped_cases() -> None:
    suites = ElementTree.fromstring(junit([FileReport("a.309", "x12-309")], skipped=[Skipped("notes.txt")]))
    suite = suites.find("testsuite")
    assert suite is not None and suite.get("tests") == "2" and suite.get("skipped") == "1"
    (case,) = [c for c in suite.iter("testcase") if c.find("skipped") is not None]
    assert case.get("name") == "notes.txt"
    assert case.find("skipped").get("message") == "in no known format"  # type: ignore[union-attr]


def test_iter_files_gives_what_it_passes_over_only_when_asked(folder: Path) -> None:
    assert [Path(str(p)).name for p in iter_files([folder])] == ["a.309", "b.manifest.json"]
    assert iter_files([folder], skipped=True).__next__() == folder / "a.309"
    assert list(iter_files([folder], skipped=True))[-1] == Skipped(str(folder / "notes.txt"))


def test_text_paints_severity_code_and_place_when_asked() -> None:
    error = next(m for m in MESSAGES.values() if str(m.severity) == "error" and "$" not in m.en)
    report = FileReport("a.309", "x12-309", diagnostics=(error(line=3, column=4, location="M10-01"),))
    painted = text([report], paint=lambda kind, part: f"<{kind}>{part}</{kind}>")
    assert f"<location>a.309:3:4</location>: <error>error</error> <code>{error.code}</code>" in painted
    assert "[<location>M10-01</location>]" in painted
    assert text([report]) == text([report], paint=lambda _kind, part: part)


# -- what the library reads ---------------------------------------------------------------------------------------


def test_the_library_reads_bytes_paths_and_binary_files() -> None:
    data = RAIL_309.read_bytes()
    by_bytes = manifest.validate(data, path=str(RAIL_309))
    assert manifest.validate(RAIL_309) == by_bytes  # its path is the report's path
    with RAIL_309.open("rb") as opened:
        assert manifest.validate(opened) == by_bytes
    assert manifest.validate(io.BytesIO(data)).path == "-"
    assert manifest.read(RAIL_309).format == manifest.read(bytearray(data)).format == "x12-309"
    assert manifest.convert(RAIL_309, "manifest-json").written is not None


@pytest.mark.parametrize("call", [manifest.read, manifest.validate, lambda s: manifest.convert(s, "manifest-json")])
def test_a_str_is_a_clear_type_error(call: object) -> None:
    with pytest.raises(TypeError, match=r"not str: pass data\.encode\(\) .* pathlib\.Path\(text\)"):
        call(RAIL_309.read_text())  # type: ignore[operator]
    with RAIL_309.open() as as_text, pytest.raises(TypeError, match="open it with 'rb'"):
        call(as_text)  # type: ignore[operator]
    with pytest.raises(TypeError, match="not int"):
        call(309)  # type: ignore[operator]


def test_a_file_report_says_valid_as_the_json_does() -> None:
    error = next(m for m in MESSAGES.values() if str(m.severity) == "error" and "$" not in m.en)
    warning = next(m for m in MESSAGES.values() if str(m.severity) == "warning" and "$" not in m.en)
    assert FileReport("a").valid and FileReport("a", diagnostics=(warning(),)).valid
    assert not FileReport("a", diagnostics=(error(),)).valid
    assert manifest.validate(NEGATIVE_JSON).valid is False
    shown = json.loads(CliRunner().invoke(main, ["validate", "--output", "json", str(NEGATIVE_JSON)]).output)
    assert shown["files"][0]["valid"] is manifest.validate(NEGATIVE_JSON).valid
