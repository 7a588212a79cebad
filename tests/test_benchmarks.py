"""The benchmark's machinery at a tiny scale: every file is generated, read, validated and converted, every baseline
runs or says why not, ratios come from the run's own timings and the printed tables are well formed. No timing is
asserted: how fast is for the benchmark to say, on the machine it runs on."""

from __future__ import annotations

import re

import pytest

from benchmarks import replicate, report
from benchmarks.__main__ import STARTUP, parser, run
from benchmarks.results import FileResult, WallTime
from benchmarks.workloads import BY_NAME, SAMPLES, WORKLOADS
from manifest import api, identifiers

Run = tuple[list[FileResult], list[WallTime]]


@pytest.fixture(scope="module")
def measured(tmp_path_factory: pytest.TempPathFactory) -> Run:
    data = tmp_path_factory.mktemp("benchmark-data")
    return run([*BY_NAME, STARTUP], scale=0.0005, runs=1, data=data, quick=True)


def tables(markdown: str) -> list[list[list[str]]]:
    """Every markdown table of the text, as rows of cells (header first, the separator left out)."""
    found: list[list[list[str]]] = []
    for block in markdown.split("\n\n"):
        lines = block.strip().splitlines()
        if not lines or not lines[0].startswith("|"):
            continue
        rows = [[cell.strip() for cell in line.strip().strip("|").split("|")] for line in lines]
        assert all(line.startswith("|") and line.endswith("|") for line in lines)
        assert set("".join(rows[1])) <= set("-"), "the second line separates the header"
        assert all(len(row) == len(rows[0]) for row in rows), "every row has as many cells as the header"
        found.append([rows[0], *rows[2:]])
    return found


def test_every_workload_is_measured_with_positive_throughputs(measured: Run) -> None:
    results, _ = measured
    assert [r.workload for r in results] == [w.name for w in WORKLOADS]
    for result in results:
        assert result.megabytes > 0
        for timing in (result.read, result.validate, result.convert):
            assert timing.throughput is not None, (result.workload, timing.name, timing.note)
            assert timing.throughput > 0
        assert result.peak_rss >= result.start_rss > 0


def test_generated_files_validate_cleanly(measured: Run) -> None:
    results, _ = measured
    assert {r.workload: r.findings for r in results} == {w.name: 0 for w in WORKLOADS}


def test_every_baseline_runs_or_says_why_not(measured: Run) -> None:
    results, _ = measured
    for result in results:
        assert result.baselines, result.workload
        for baseline in result.baselines:
            if baseline.seconds is None:
                assert baseline.note, (result.workload, baseline.name)
            else:
                assert baseline.throughput is not None
                assert baseline.throughput > 0


def test_ratios_come_from_the_same_run(measured: Run) -> None:
    results, _ = measured
    for result in results:
        for baseline in (*result.baselines, *result.stages):
            if baseline.seconds is None:
                assert result.ratio(baseline) is None
                continue
            assert result.validate.seconds is not None
            expected = (result.megabytes / result.validate.seconds) / (baseline.megabytes / baseline.seconds)
            assert result.ratio(baseline) == pytest.approx(expected)
            assert baseline.megabytes == result.megabytes  # the same file
            met = result.met(baseline)
            assert met is (None if baseline.goal is None else expected >= baseline.goal)


def test_the_baselines_the_goals_name_are_there(measured: Run) -> None:
    results, _ = measured
    named = {r.workload: {b.name for b in r.baselines} for r in results}
    for name in ("x12-309-ocean", "cuscar", "cargo-imp-fwb"):
        assert {"str.split tokenization", "str.split + one regex per segment"} <= named[name]
    assert "pyx12 segment reader (peer)" in named["x12-309-ocean"]
    assert "pydifact parse (peer)" in named["cuscar"]
    goals = {(r.workload, b.name): b.goal for r in results for b in r.baselines}
    assert goals[("x12-309-ocean", "pyx12 segment reader (peer)")] == 1.5
    assert goals[("cuscar", "pydifact parse (peer)")] == 6
    assert goals[("manifest-xml", "xmlschema validation (peer)")] == 10
    assert goals[("manifest-xml", "lxml parse + XSD validation")] == 0.2
    assert goals[("carta-porte", "xmlschema validation (peer)")] == 15
    assert goals[("x12-309-ocean", "str.split tokenization")] is None
    assert {"lxml parse", "lxml parse + XSD validation", "xmlschema validation (peer)"} <= named["manifest-xml"]
    assert {"lxml parse", "lxml parse + XSD validation"} <= named["carta-porte"]
    by_name = {b.name: b for b in next(r for r in results if r.workload == "cargo-xml-xffm").baselines}
    assert by_name["lxml parse + XSD validation"].seconds is None
    assert "no official XSD" in by_name["lxml parse + XSD validation"].note


def test_start_up_and_precommit_commands_run(measured: Run) -> None:
    _, walls = measured
    assert len(walls) == 5
    for wall in walls:
        assert wall.exit_code == 0, wall.name
        assert wall.seconds > 0
        assert wall.cpu > 0
        assert wall.interpreter > 0


def test_printed_tables_parse_and_carry_every_row(measured: Run) -> None:
    results, walls = measured
    files, against, memory, commands = tables(report.render(results, walls))
    assert [row[0] for row in files[1:]] == [f"`{r.workload}`" for r in results]
    assert len(against) - 1 == sum(len(r.baselines) + len(r.stages) for r in results)
    ratio_column = against[0].index("ratio")
    for row in against[1:]:
        assert re.fullmatch(r"[0-9.e+-]+(×| %)|–", row[ratio_column]), row
    assert len(commands) - 1 == len(walls)
    assert [row[0] for row in memory[1:]] == [f"`{r.workload}`" for r in results]


def test_memory_held_by_a_whole_read_is_measured_with_the_x12_goal(measured: Run) -> None:
    results, _ = measured
    for result in results:
        assert result.held is not None and result.held > 0, result.workload
        x12 = result.format.startswith("x12-")
        assert (result.held_goal is not None) is x12
        assert result.held_met is (None if not x12 else result.held / result.megabytes <= 6)


def test_command_line_options() -> None:
    options = parser().parse_args(["--scale", "0.5", "--only", "cuscar", STARTUP, "--runs", "3"])
    assert options.scale == 0.5
    assert options.only == ["cuscar", STARTUP]
    assert options.runs == 3
    with pytest.raises(SystemExit):
        parser().parse_args(["--only", "no-such-file"])


def test_grown_manifests_keep_identifiers_unique_and_valid() -> None:
    (vessel,) = api.read((SAMPLES / BY_NAME["x12-309-ocean"].template).read_bytes()).manifests
    grown = replicate.grow(vessel, 40)
    numbers = [c.document_number for c in grown.consignments]
    containers = [e.identifier for c in grown.consignments for e in c.equipment]
    assert len(numbers) == 40 * len(vessel.consignments) == len(set(numbers))
    assert len(set(containers)) == len(containers)
    assert all(identifiers.container_number(c) for c in containers)
    (flight,) = api.read((SAMPLES / BY_NAME["cargo-xml-xfhl"].template).read_bytes()).manifests
    waybills = replicate.grow(flight, 30).consignments
    assert all(identifiers.air_waybill(c.document_number) for c in waybills if c.master_number is None)
    masters = {c.document_number for c in waybills if c.master_number is None}
    assert {c.master_number for c in waybills if c.master_number is not None} <= masters


def test_every_workload_grows_from_a_sample_of_its_format() -> None:
    for workload in WORKLOADS:
        assert api.detect((SAMPLES / workload.template).read_bytes()) == workload.format, workload.name


def test_the_full_size_vessel_call_is_filed_as_sets_within_the_lx_limit() -> None:
    """X12 LX01 holds at most 9,999 bills a set: the 20,000-bill vessel call of ``--scale 1`` is written as several
    309 sets of the same voyage, as a carrier files it, so that its file checks clean."""
    workload = BY_NAME["x12-309-ocean"]
    (vessel,) = api.read((SAMPLES / workload.template).read_bytes()).manifests
    sets = workload.grow(vessel, workload.count(1))
    assert len(sets) > 1
    assert all(len(s.consignments) <= 9_999 for s in sets)
    assert sum(len(s.consignments) for s in sets) >= workload.count(1)
    assert {s.trip_number for s in sets} == {vessel.trip_number}
