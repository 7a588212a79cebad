"""The command line contract of DESIGN.md, through Click's runner: exit codes, streams, report shape."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from manifest.cli import main
from tests.conftest import SAMPLES

NEGATIVE = Path(__file__).parent / "data" / "negative"
CANONICAL_SAMPLES = sorted(SAMPLES.glob("*/*.manifest.*"))
DIAGNOSTIC_KEYS = {
    "code",
    "severity",
    "message",
    "line",
    "column",
    "location",
    "field",
    "value",
    "source",
    "also",
    "related",
}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_version_and_help(runner: CliRunner) -> None:
    assert runner.invoke(main, ["--version"]).output.startswith("manifest, version ")
    assert "validate" in runner.invoke(main, ["--help"]).output


def test_samples_validate_clean(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", str(SAMPLES)])
    assert result.exit_code == 0, result.output
    assert result.output.endswith("0 error(s), 0 warning(s)\n")


@pytest.mark.parametrize("profile", ["cbp", "sat", "harmonized"])
def test_canonical_samples_pass_every_profile(runner: CliRunner, profile: str) -> None:
    result = runner.invoke(main, ["validate", "--profile", profile, *map(str, CANONICAL_SAMPLES)])
    assert result.exit_code == 0, result.output


def test_broken_json_exits_1_with_line_and_field(runner: CliRunner) -> None:
    path = NEGATIVE / "rail-weight-with-comma.manifest.json"
    result = runner.invoke(main, ["validate", str(path)])
    assert result.exit_code == 1
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "92,400" in text)
    assert f"{path}:{line}:" in result.output
    assert "MF101" in result.output
    assert "consignments[0].goods[0].gross_weight.value" in result.output


def test_not_well_formed_xml_exits_1_with_position(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", "--output", "json", str(NEGATIVE / "air-not-well-formed.manifest.xml")])
    assert result.exit_code == 1
    (finding,) = json.loads(result.output)["files"][0]["diagnostics"]
    assert finding["code"] == "XML001"
    assert finding["line"] > 1


def test_json_report_shape(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", "--output", "json", str(NEGATIVE)])
    report = json.loads(result.output)
    assert set(report) == {"files", "skipped", "summary"}
    assert report["skipped"] == []
    assert report["summary"]["files"] == len(report["files"]) == 3
    assert report["summary"]["errors"] >= 3
    for entry in report["files"]:
        assert {"path", "format", "mode", "valid", "diagnostics"} <= set(entry)
        assert entry["valid"] is False
        for diagnostic in entry["diagnostics"]:
            assert set(diagnostic) == DIAGNOSTIC_KEYS


def test_spanish_messages(runner: CliRunner) -> None:
    result = runner.invoke(main, ["validate", "--lang", "es", str(NEGATIVE / "rail-weight-with-comma.manifest.json")])
    assert "no es válido" in result.output
    assert "archivo(s) revisado(s)" in result.output


def test_unreadable_file_exits_2_with_one_line(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(main, ["validate", str(tmp_path / "missing.x12")])
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1
    assert "missing.x12" in result.stderr


def test_unknown_content_exits_1_and_skip_unknown_passes_it(runner: CliRunner, tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("just some notes\n")
    assert "MF004" in runner.invoke(main, ["validate", str(other)]).output
    assert runner.invoke(main, ["validate", str(other)]).exit_code == 1
    assert runner.invoke(main, ["validate", "--skip-unknown", str(other)]).exit_code == 0


def test_empty_file_is_an_error(runner: CliRunner, tmp_path: Path) -> None:
    empty = tmp_path / "empty.manifest.json"
    empty.write_bytes(b"")
    result = runner.invoke(main, ["validate", str(empty)])
    assert result.exit_code == 1
    assert "MF005" in result.output


def test_stdin(runner: CliRunner) -> None:
    data = CANONICAL_SAMPLES[0].read_bytes()
    result = runner.invoke(main, ["validate", "--output", "json", "-"], input=data)
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["files"][0]["path"] == "-"


def test_usage_error_exits_2(runner: CliRunner) -> None:
    assert runner.invoke(main, ["validate", "--profile", "nobody", "x"]).exit_code == 2
    assert runner.invoke(main, ["convert", "x", "--to", "no-such-format"]).exit_code == 2


@pytest.mark.parametrize("sample", CANONICAL_SAMPLES, ids=lambda p: p.name)
def test_convert_between_canonical_formats_round_trips_exactly(runner: CliRunner, sample: Path, tmp_path: Path) -> None:
    other = "manifest-xml" if sample.suffix == ".json" else "manifest-json"
    back = "manifest-json" if other == "manifest-xml" else "manifest-xml"
    middle = tmp_path / "middle"
    final = tmp_path / "final"
    assert runner.invoke(main, ["convert", str(sample), "--to", other, "-o", str(middle)]).exit_code == 0
    assert runner.invoke(main, ["convert", str(middle), "--to", back, "-o", str(final)]).exit_code == 0
    assert final.read_bytes() == sample.read_bytes()


def test_convert_to_stdout(runner: CliRunner) -> None:
    result = runner.invoke(main, ["convert", str(CANONICAL_SAMPLES[0]), "--to", "manifest-json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["format"] == "manifest-json"


def test_convert_never_overwrites_the_source(runner: CliRunner, tmp_path: Path) -> None:
    source = tmp_path / "train.manifest.json"
    source.write_bytes(CANONICAL_SAMPLES[0].read_bytes())
    before = source.read_bytes()
    result = runner.invoke(main, ["convert", str(source), "--to", "manifest-xml", "-o", str(source)])
    assert result.exit_code == 2
    assert source.read_bytes() == before


def test_convert_of_an_invalid_source_writes_nothing(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "out.xml"
    result = runner.invoke(
        main,
        ["convert", str(NEGATIVE / "rail-weight-with-comma.manifest.json"), "--to", "manifest-xml", "-o", str(out)],
    )
    assert result.exit_code == 1
    assert "MF301" in result.output
    assert not out.exists()


def test_inspect(runner: CliRunner) -> None:
    rail = next(p for p in CANONICAL_SAMPLES if "rail" in p.parts and p.suffix == ".json")
    text = runner.invoke(main, ["inspect", str(rail)])
    assert text.exit_code == 0
    assert "KCSM" in text.output
    summary = json.loads(runner.invoke(main, ["inspect", "--output", "json", str(rail)]).output)
    (manifest,) = summary["manifests"]
    assert manifest["mode"] == "rail"
    assert manifest["consignments"] == 2
    assert manifest["equipment"] == 4
    assert manifest["gross_weight"] == {"KGM": "107900"}


def test_formats_and_rules_tables(runner: CliRunner) -> None:
    formats = json.loads(runner.invoke(main, ["formats", "--output", "json"]).output)
    assert {"manifest-json", "manifest-xml"} <= {row["name"] for row in formats}
    rules = json.loads(runner.invoke(main, ["rules", "--output", "json"]).output)
    assert rules
    assert all(rule["source"] for rule in rules)
    rail_rules = json.loads(runner.invoke(main, ["rules", "--mode", "rail", "--output", "json"]).output)
    assert all("rail" in rule["modes"] for rule in rail_rules)
    table = runner.invoke(main, ["rules"]).output
    assert table.splitlines()[0].startswith("CODE")


RAIL_309 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
RAIL_358 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.358"


def test_ack_writes_an_accepting_997(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "997.x12"
    assert runner.invoke(main, ["ack", str(RAIL_309), "-o", str(out)]).exit_code == 0
    segments = [s.strip() for s in out.read_text().split("~")]
    assert any(s.startswith("ST*997*") for s in segments)
    assert "AK9*A*1*1*1" in segments


def test_ack_of_something_that_is_not_x12_exits_1(runner: CliRunner) -> None:
    result = runner.invoke(main, ["ack", str(CANONICAL_SAMPLES[0])])
    assert result.exit_code == 1
    assert f"{CANONICAL_SAMPLES[0]}:1" in result.output


def test_crosscheck_of_the_sample_train_is_clean(runner: CliRunner) -> None:
    result = runner.invoke(main, ["crosscheck", str(RAIL_358), str(RAIL_309)])
    assert result.exit_code == 0, result.output


def test_crosscheck_names_a_car_missing_from_the_train(runner: CliRunner, tmp_path: Path) -> None:
    consist = RAIL_358.read_text()
    shorter = consist.replace("VID*RR*TTGX*982345*******L~\nMBL*KCSM*KCSM26110452~\n", "").replace("SE*10*", "SE*8*")
    assert shorter != consist
    trimmed = tmp_path / "train.358"
    trimmed.write_text(shorter)
    result = runner.invoke(main, ["crosscheck", "--output", "json", str(trimmed), str(RAIL_309)])
    assert result.exit_code == 1
    consist, manifest = json.loads(result.output)["files"]
    assert consist["diagnostics"] == []
    found = {(d["code"], d["value"]): d for d in manifest["diagnostics"]}
    assert set(found) == {("HM-REC-008", "KCSM26110452"), ("HM-REC-010", "TTGX982345")}
    for finding in found.values():
        assert [related["path"] for related in finding["related"]] == [str(trimmed)]


def test_lossy_conversion_writes_nothing_without_allow_loss(runner: CliRunner, tmp_path: Path) -> None:
    out = tmp_path / "train.cartaporte.xml"
    refused = runner.invoke(main, ["convert", str(RAIL_309), "--to", "carta-porte", "-o", str(out), "--verbose"])
    assert refused.exit_code == 1
    assert not out.exists()
    assert "CP404" in refused.stdout
    assert "--allow-loss" in refused.stdout
    accepted = runner.invoke(
        main, ["convert", str(RAIL_309), "--to", "carta-porte", "-o", str(out), "--allow-loss", "--verbose"]
    )
    assert accepted.exit_code == 0
    assert "CP403" in accepted.output  # written unsigned: said, though no value is lost by it
    inspected = json.loads(runner.invoke(main, ["inspect", "--output", "json", str(out)]).output)
    assert inspected["format"] == "carta-porte"
    assert inspected["manifests"][0]["consignments"] == 2


def test_github_annotations_are_chosen_under_github_actions(runner: CliRunner) -> None:
    path = NEGATIVE / "rail-weight-with-comma.manifest.json"
    result = runner.invoke(main, ["validate", str(path)], env={"GITHUB_ACTIONS": "true"})
    assert result.exit_code == 1
    (annotation,) = [line for line in result.output.splitlines() if line.startswith("::")]
    assert annotation.startswith(f"::error file={path},line=149,col=26,title=MF101::")
    assert "92,400" in annotation


def test_github_escapes_property_separators(runner: CliRunner, tmp_path: Path) -> None:
    odd = tmp_path / "a,b:c.manifest.json"
    odd.write_bytes((NEGATIVE / "rail-weight-with-comma.manifest.json").read_bytes())
    result = runner.invoke(main, ["validate", "--output", "github", str(odd)])
    assert "file=" + str(odd).replace(":", "%3A").replace(",", "%2C") + "," in result.output


def test_junit_has_one_case_per_file_and_a_failure_per_failing_file(runner: CliRunner) -> None:
    from xml.etree import ElementTree

    result = runner.invoke(main, ["validate", "--output", "junit", str(NEGATIVE), *map(str, CANONICAL_SAMPLES)])
    suite = ElementTree.fromstring(result.output.split("\n", 1)[1]).find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    assert len(cases) == 3 + len(CANONICAL_SAMPLES)
    assert suite.get("failures") == "3"
    failed = {case.get("name") for case in cases if case.find("failure") is not None}
    assert failed == {str(p) for p in NEGATIVE.iterdir()}


def test_jobs_give_the_same_report_in_the_same_order(runner: CliRunner, tmp_path: Path) -> None:
    files = [*sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.name != "README.md"), *NEGATIVE.iterdir()]
    missing = tmp_path / "missing.x12"
    arguments = ["validate", "--output", "json", *map(str, files), str(missing)]
    alone = runner.invoke(main, arguments)
    pooled = runner.invoke(main, [arguments[0], "--jobs", "2", *arguments[1:]])
    assert alone.exit_code == pooled.exit_code == 2
    assert pooled.stdout == alone.stdout
    assert [f["path"] for f in json.loads(pooled.stdout)["files"]] == [str(p) for p in files]
    assert "missing.x12" in pooled.stderr
