"""Batches: the same files give the same reports, byte for byte, whether they are checked in this process, by a
pool of processes or by the workers of a Dask cluster, in every output; a worker that dies costs the report of its
own file only; standard input and unreadable paths are reported in their place on the command line."""

from __future__ import annotations

import json
import multiprocessing
import os
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from manifest import batch, checkfile
from manifest.cli import main
from manifest.requirements import Config
from tests.conftest import REPO, SAMPLES

OUTPUTS = ("text", "json", "sarif", "junit", "github")

# One sample of each format, each altered so that both its reader and (where the format reaches it) the catalogue
# of requirements find something: each replacement is (the bytes of the sample, what they become).
ALTERED: dict[str, tuple[str, tuple[tuple[bytes, bytes], ...]]] = {
    "x12-309": (
        "rail/northbound-train-kcsm-qmtyla27.synthetic.309",
        ((b"M11*KCSM26110451", b"M11*KCSM2611045!"), (b"SE*", b"SE*9")),  # a bill number; the SE count
    ),
    "x12-358": (
        "rail/northbound-train-kcsm-qmtyla27.synthetic.358",
        ((b"SE*10*", b"SE*11*"),),
    ),
    "cuscar": (
        "maritime/northbound-vessel-maersk-kensington-647n.cuscar",
        ((b"MSKU1234565", b"MSKU1234566"), (b"UNT+", b"UNT+9")),  # a container's check digit; the UNT count
    ),
    "cargo-imp": (
        "air/northbound-flight-am0642-awb-139-12345675.fwb",
        ((b"FWB/16", b"FWB/99"), (b"139-12345675MEXLAX", b"139-12345676MEXLAX")),  # version; air waybill check digit
    ),
    "cargo-xml": (
        "air/northbound-flight-am0642-awb-139-12345675.xfwb.xml",
        ((b"<ID>139-12345675</ID>", b"<ID>139-12345676</ID>"), (b"<TotalPieceQuantity>34<", b"<TotalPieceQuantity>x<")),
    ),
    "carta-porte": (
        "rail/northbound-nuevo-laredo.cartaporte.xml",
        ((b'NumTotalMercancias="3"', b'NumTotalMercancias="4"'), (b'Rfc="KCS970101J14"', b'Rfc="KCS970101J1"')),
    ),
    "manifest-xml": (
        "rail/northbound-train-kcsm-qmtyla27.manifest.xml",
        ((b"<flag>MX</flag>", b"<flag>MX</flag><bogus/>"),),
    ),
    "manifest-json": (
        "rail/northbound-train-kcsm-qmtyla27.manifest.json",
        ((b'"scac": "KCSM"', b'"scac": "K"'), (b'"flag": "MX"', b'"flag": 7')),
    ),
}


def write_batch(folder: Path) -> list[str]:
    """The altered samples, an empty file and a file in no known format, named relative to ``folder``."""
    names = []
    for sample, replacements in ALTERED.values():
        data = (SAMPLES / sample).read_bytes()
        for old, new in replacements:
            assert old in data, (sample, old)
            data = data.replace(old, new, 1)
        name = Path(sample).name
        (folder / name).write_bytes(data)
        names.append(name)
    (folder / "empty.309").write_bytes(b"")
    (folder / "notes.txt").write_text("not a manifest\n")
    return [*names, "empty.309", "notes.txt"]


# Run in a process of its own, so that the process rendering the reports has imported nothing but the command
# line: the modules that define the codes of the findings are imported where the files are checked.
_RUN_OUTPUTS = """
import json, sys
from click.testing import CliRunner
from manifest.cli import main
arguments, outputs = json.loads(sys.argv[1]), json.loads(sys.argv[2])
results = {output: CliRunner().invoke(main, ["validate", "--output", output, *arguments]) for output in outputs}
print(json.dumps({output: [r.exit_code, r.stdout, r.stderr, repr(r.exception)] for output, r in results.items()}))
"""


def _outputs_in_a_new_process(folder: Path, arguments: list[str], outputs: Sequence[str]) -> dict[str, list[object]]:
    done = subprocess.run(
        [sys.executable, "-c", _RUN_OUTPUTS, json.dumps(arguments), json.dumps(list(outputs))],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(REPO), "GITHUB_ACTIONS": ""},
        capture_output=True,
        check=True,
    )
    results: dict[str, list[object]] = json.loads(done.stdout)
    return results


def _outputs_here(
    folder: Path, arguments: list[str], outputs: Sequence[str], monkeypatch: pytest.MonkeyPatch
) -> dict[str, list[object]]:
    monkeypatch.chdir(folder)
    results = {
        output: CliRunner().invoke(main, ["validate", "--output", output, *arguments], env={"GITHUB_ACTIONS": ""})
        for output in outputs
    }
    return {output: [r.exit_code, r.stdout, r.stderr, repr(r.exception)] for output, r in results.items()}


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=True
    ) as local:
        yield local.scheduler_address


def test_one_process_a_pool_and_a_cluster_print_the_same_bytes(
    tmp_path: Path, scheduler: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    names = write_batch(tmp_path)
    alone = _outputs_here(tmp_path, ["--jobs", "1", *names], OUTPUTS, monkeypatch)
    for output, (code, stdout, stderr, exception) in alone.items():
        assert code == 1, (output, exception, stderr)
        assert stdout and stderr == ""
    text = alone["text"][1]
    assert isinstance(text, str)
    findings = text.split("\n\n")[0]  # the findings, before the summary table
    found = {line.split()[2] for line in findings.splitlines()}
    # A reader's finding and a catalogue rule's finding in every format, and content that cannot be read at all.
    for code in ("X12005", "CBP-RAIL-009", "EDI015", "CUS009", "IMP003", "ID-003", "CXML008", "CP202"):
        assert code in found
    for code in ("ID-004", "MF201", "MF101", "CBP-RAIL-002", "MF004", "MF005"):
        assert code in found
    # Every output from the cluster, rendered by a process that imported no reader. A pool's workers import the
    # readers again for every run of a new process, so there the two ways findings are worded (their messages:
    # text, and also json, junit and github; SARIF's rule descriptions) are rendered by a new process, and the
    # other outputs by this one.
    clustered = _outputs_in_a_new_process(tmp_path, ["--scheduler", scheduler, *names], OUTPUTS)
    pooled = {
        **_outputs_in_a_new_process(tmp_path, ["--jobs", "2", *names], ("text", "sarif")),
        **_outputs_here(tmp_path, ["--jobs", "2", *names], ("json", "junit", "github"), monkeypatch),
    }
    assert clustered == alone
    assert pooled == alone


# -- a worker that dies -------------------------------------------------------------------------------------------

KILLER = "killer.309"


@pytest.fixture
def deadly_file(monkeypatch: pytest.MonkeyPatch) -> None:
    """Checking a file named KILLER kills the process checking it, as the kernel's out-of-memory killer would.

    The pool's processes are forked from this one (the start method on Linux), so they inherit the patch.
    """
    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the patch reaches the workers only when they are forked")
    checking = checkfile.validate_file

    def validate_file(path: Path, settings: checkfile.BatchSettings, config: Config) -> checkfile.Outcome:
        if path.name == KILLER:
            os.kill(os.getpid(), signal.SIGKILL)
        return checking(path, settings, config)

    monkeypatch.setattr(batch, "validate_file", validate_file)


def _many(folder: Path) -> list[Path]:
    """The altered batch twice over, so that the pool still has files in hand and waiting when a worker dies."""
    names = write_batch(folder)
    again = folder / "again"
    again.mkdir()
    write_batch(again)
    return [folder / name for name in names] + [again / name for name in names]


@pytest.mark.usefixtures("deadly_file")
def test_a_worker_that_dies_costs_the_report_of_its_own_file_only(tmp_path: Path) -> None:
    paths = _many(tmp_path)
    killer = tmp_path / KILLER
    killer.write_bytes((SAMPLES / ALTERED["x12-309"][0]).read_bytes())
    settings = checkfile.BatchSettings()
    expected = list(batch.validate_files(paths, settings))
    for place in (0, 3, len(paths)):
        with_killer = [*paths[:place], killer, *paths[place:]]
        outcomes = list(batch.validate_files(with_killer, settings, jobs=2))
        assert outcomes[place] == checkfile.NotChecked(str(killer))
        assert [*outcomes[:place], *outcomes[place + 1 :]] == expected


@pytest.mark.usefixtures("deadly_file")
def test_validate_says_which_file_was_not_checked_and_exits_2(tmp_path: Path) -> None:
    paths = [str(p) for p in _many(tmp_path)]
    killer = tmp_path / KILLER
    killer.write_bytes((SAMPLES / ALTERED["x12-309"][0]).read_bytes())
    runner = CliRunner()
    expected = runner.invoke(main, ["validate", "--output", "json", *paths])
    result = runner.invoke(main, ["validate", "--jobs", "2", "--output", "json", *paths[:5], str(killer), *paths[5:]])
    assert result.exit_code == 2, result.exception
    assert result.stdout == expected.stdout
    assert result.stderr == (
        f"manifest: {killer} was not checked: the process checking it stopped (killed, or out of memory)\n"
    )


def _dying_on_killer(distributed: Any) -> Any:
    """A worker plugin doing on every worker of a cluster, restarted ones included, what ``deadly_file`` does in a
    pool (defined here so that it is sent by value: the workers need not import the tests)."""

    class DyingOnKiller(distributed.WorkerPlugin):  # type: ignore[misc]
        def setup(self, worker: object) -> None:
            from manifest import cluster

            names = vars(cluster)  # the name the cluster's tasks call, bound when the module was imported
            checking: Callable[[Path, checkfile.BatchSettings, Config], checkfile.Outcome] = names["validate_file"]

            def validate_file(path: Path, settings: checkfile.BatchSettings, config: Config) -> checkfile.Outcome:
                if path.name == KILLER:
                    os.kill(os.getpid(), signal.SIGKILL)
                return checking(path, settings, config)

            names["validate_file"] = validate_file

    return DyingOnKiller()


def test_a_cluster_worker_that_dies_costs_the_report_of_its_own_file_only(tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    import dask

    paths = _many(tmp_path)
    killer = tmp_path / KILLER
    killer.write_bytes((SAMPLES / ALTERED["x12-309"][0]).read_bytes())
    with_killer = [*paths[:5], killer, *paths[5:]]
    # The scheduler gives a task up at the first death of its worker instead of retrying it on the others.
    with (
        dask.config.set({"distributed.scheduler.allowed-failures": 0}),
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=True
        ) as local,
    ):
        with distributed.Client(local) as client:
            client.register_plugin(_dying_on_killer(distributed))
        outcomes = list(batch.validate_files(with_killer, checkfile.BatchSettings(), scheduler=local.scheduler_address))
    assert outcomes[5] == checkfile.NotChecked(str(killer))
    assert [*outcomes[:5], *outcomes[6:]] == list(batch.validate_files(paths, checkfile.BatchSettings()))


# -- the order of the command line, and paths that cannot be read --------------------------------------------------


def _shown(result: Result) -> list[str]:
    return [entry["path"] for entry in json.loads(result.stdout)["files"]]


def test_standard_input_is_reported_where_it_stands(tmp_path: Path) -> None:
    first, second = (str(tmp_path / name) for name in write_batch(tmp_path)[:2])
    data = (SAMPLES / ALTERED["cuscar"][0]).read_bytes()
    for jobs in ("1", "2"):
        result = CliRunner().invoke(main, ["validate", "-j", jobs, "--output", "json", first, "-", second], input=data)
        assert _shown(result) == [first, "-", second]
        result = CliRunner().invoke(main, ["validate", "-j", jobs, "--output", "json", "-", first, second], input=data)
        assert _shown(result) == ["-", first, second]
        (stdin,) = (entry for entry in json.loads(result.stdout)["files"] if entry["path"] == "-")
        assert stdin["format"] == "cuscar"


def test_a_name_too_long_and_a_path_under_a_file_are_unreadable_in_their_place(tmp_path: Path) -> None:
    sample = tmp_path / write_batch(tmp_path)[0]
    long_name = tmp_path / ("x" * 300)  # over NAME_MAX (255): ENAMETOOLONG, for root too
    under_a_file = sample / "child.309"  # ENOTDIR
    result = CliRunner().invoke(
        main, ["validate", "--output", "json", str(long_name), str(sample), str(under_a_file), str(tmp_path / "again")]
    )
    assert result.exit_code == 2, result.exception
    assert _shown(result) == [str(sample)]
    assert result.stderr.splitlines() == [
        f"manifest: cannot read {long_name}: File name too long",
        f"manifest: cannot read {under_a_file}: Not a directory",
        f"manifest: cannot read {tmp_path / 'again'}: No such file or directory",
    ]


def _without_privileges() -> list[str]:
    """The command prefix that runs a process without the capabilities that let root ignore file permissions."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root, and setpriv is not there to drop the capabilities that bypass permissions")
    return [setpriv, "--bounding-set=-dac_override,-dac_read_search", "--inh-caps=-all", "--"]


def test_folders_that_cannot_be_walked_are_unreadable_in_their_place(tmp_path: Path) -> None:
    names = write_batch(tmp_path)
    unlisted = tmp_path / "unlisted"  # no read permission: its names cannot be listed
    unsearched = tmp_path / "unsearched"  # no search permission: its names are listed, its files cannot be opened
    for folder, mode in ((unlisted, 0o300), (unsearched, 0o600)):
        folder.mkdir()
        (folder / names[0]).write_bytes((tmp_path / names[0]).read_bytes())
        folder.chmod(mode)
    try:
        done = subprocess.run(
            [*_without_privileges(), sys.executable, "-m", "manifest", "validate", "--output", "json", "."],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            capture_output=True,
            text=True,
        )
    finally:
        unlisted.chmod(0o700)
        unsearched.chmod(0o700)
    assert done.returncode == 2, done.stderr
    assert done.stderr.splitlines() == [
        f"manifest: cannot read {Path('unlisted')}: Permission denied",
        f"manifest: cannot read {Path('unsearched') / names[0]}: Permission denied",
    ]
    assert [entry["path"] for entry in json.loads(done.stdout)["files"]] == sorted(set(names) - {"notes.txt"})


def test_standard_input_that_cannot_be_read_is_unreadable_in_its_place(tmp_path: Path) -> None:
    first, second = write_batch(tmp_path)[:2]
    # Standard input open for writing only: reading it fails with EBADF.
    stdin = os.open(tmp_path / "write-only", os.O_WRONLY | os.O_CREAT)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "manifest", "validate", "--output", "json", first, "-", second],
            cwd=tmp_path,
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdin=stdin,
            capture_output=True,
            text=True,
        )
    finally:
        os.close(stdin)
    assert done.returncode == 2, done.stderr
    assert done.stderr == "manifest: cannot read -: Bad file descriptor\n"
    assert [entry["path"] for entry in json.loads(done.stdout)["files"]] == [first, second]


def test_validate_lets_its_pool_go_when_it_has_reported(tmp_path: Path) -> None:
    names = [str(tmp_path / name) for name in write_batch(tmp_path)]
    before = set(multiprocessing.active_children())  # a cluster of another test may be running
    result = CliRunner().invoke(main, ["validate", "--jobs", "2", *names])
    assert result.exit_code == 1
    assert set(multiprocessing.active_children()) - before == set()
