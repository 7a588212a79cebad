"""Batches on a Dask cluster: a local cluster of two worker processes gives the reports of the in-process path, in
input order, and a cluster that cannot be used is one line on stderr and exit 2, never a traceback or a hang."""

from __future__ import annotations

import json
import socket
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from manifest import cluster
from manifest.api import FileReport
from manifest.batch import validate_files
from manifest.checkfile import BatchSettings, Unreadable
from manifest.cli import main
from tests.conftest import SAMPLES

distributed = pytest.importorskip("distributed")

NEGATIVE = Path(__file__).parent / "data" / "negative"


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    # Processes, as a real cluster has them: what crosses to the workers must pickle, and they import the package
    # for themselves. One thread each, as checking is pure Python.
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=True
    ) as local:
        yield local.scheduler_address


def _batch(tmp_path: Path) -> list[Path]:
    """A sample of each format, the broken files, a file in no known format and one that does not exist, named
    relative to the working folder as a user names them."""
    unknown = tmp_path / "notes.txt"
    unknown.write_text("not a manifest\n")
    kinds = (".309", ".358", ".cuscar", ".fwb", ".xfwb.xml", ".cartaporte.xml", ".manifest.json", ".manifest.xml")
    samples = sorted(p for p in SAMPLES.rglob("*") if p.is_file())
    files = [*(next(p for p in samples if p.name.endswith(kind)) for kind in kinds), *sorted(NEGATIVE.iterdir())]
    return [*(p.relative_to(Path.cwd()) for p in files), unknown, tmp_path / "missing.309"]


def test_the_cluster_gives_the_in_process_reports_in_input_order(scheduler: str, tmp_path: Path) -> None:
    paths = _batch(tmp_path)
    settings = BatchSettings(skip_unknown=True)
    distributed_outcomes = list(validate_files(paths, settings, scheduler=scheduler))
    assert distributed_outcomes == list(validate_files(paths, settings))
    assert [o.path if o is not None else None for o in distributed_outcomes] == [
        *(str(p) for p in paths[:-2]),
        None,  # the unknown file, skipped
        str(paths[-1]),
    ]
    assert isinstance(distributed_outcomes[-1], Unreadable)
    assert any(isinstance(o, FileReport) and o.diagnostics for o in distributed_outcomes)


def test_validate_scheduler_prints_what_validate_prints(scheduler: str, tmp_path: Path) -> None:
    arguments = ["validate", "--output", "json", *map(str, _batch(tmp_path)[:-2]), str(tmp_path / "missing.309")]
    runner = CliRunner()
    alone = runner.invoke(main, arguments)
    clustered = runner.invoke(main, [*arguments, "--scheduler", scheduler])
    assert clustered.exit_code == alone.exit_code == 2
    assert clustered.stdout == alone.stdout
    assert "missing.309" in clustered.stderr


def _closed_port() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"tcp://127.0.0.1:{port}"


def test_an_unreachable_scheduler_is_one_line_and_exit_2(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.0)
    address = _closed_port()
    result = CliRunner().invoke(main, ["validate", str(SAMPLES), "--scheduler", address])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.startswith(f"manifest: cannot reach the scheduler at {address}: ")
    assert result.stderr.count("\n") == 1


def test_without_distributed_the_option_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed now raises ImportError
    result = CliRunner().invoke(main, ["validate", str(SAMPLES), "--scheduler", "tcp://127.0.0.1:8786"])
    assert result.exit_code == 2
    assert result.stderr == (
        "manifest: checking on a cluster needs the distributed package: pip install 'manifest-toolkit[dask]'\n"
    )


def test_jobs_and_scheduler_are_not_combined() -> None:
    result = CliRunner().invoke(main, ["validate", str(SAMPLES), "--jobs", "2", "--scheduler", "tcp://127.0.0.1:1"])
    assert result.exit_code == 2
    assert "--jobs" in result.stderr and "--scheduler" in result.stderr


def test_a_report_names_the_file_as_given(scheduler: str) -> None:
    relative = next(SAMPLES.rglob("*.309")).relative_to(Path.cwd())
    (outcome,) = validate_files([relative], BatchSettings(), scheduler=scheduler)
    assert outcome is not None and outcome.path == str(relative)
    assert json.dumps(outcome.path)  # a plain string, as the reporters expect
