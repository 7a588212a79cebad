"""Batches: the same files give the same reports, byte for byte, whether they are checked in this process, by a
pool of processes or by the workers of a Dask cluster, in every output; a worker that dies costs the report of its
own file only; standard input and unreadable paths are reported in their place on the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

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
_RUN_EVERY_OUTPUT = """
import json, sys
from click.testing import CliRunner
from manifest.cli import main
arguments, outputs = json.loads(sys.argv[1]), json.loads(sys.argv[2])
results = {}
for output in outputs:
    result = CliRunner().invoke(main, ["validate", "--output", output, *arguments])
    results[output] = [result.exit_code, result.stdout, result.stderr, repr(result.exception)]
print(json.dumps(results))
"""


def _every_output(folder: Path, arguments: list[str]) -> dict[str, list[object]]:
    done = subprocess.run(
        [sys.executable, "-c", _RUN_EVERY_OUTPUT, json.dumps(arguments), json.dumps(OUTPUTS)],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(REPO), "GITHUB_ACTIONS": ""},
        capture_output=True,
        check=True,
    )
    results: dict[str, list[object]] = json.loads(done.stdout)
    return results


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0", silence_logs=True
    ) as local:
        yield local.scheduler_address


def test_one_process_a_pool_and_a_cluster_print_the_same_bytes(tmp_path: Path, scheduler: str) -> None:
    names = write_batch(tmp_path)
    alone = _every_output(tmp_path, ["--jobs", "1", *names])
    for output, (code, stdout, stderr, exception) in alone.items():
        assert code == 1, (output, exception, stderr)
        assert stdout and stderr == ""
    text = alone["text"][1]
    assert isinstance(text, str)
    found = {line.split()[2] for line in text.splitlines()[:-1]}
    # A reader's finding and a catalogue rule's finding in every format, and content that cannot be read at all.
    for code in ("X12005", "CBP-RAIL-009", "EDI015", "CUS009", "IMP003", "CBP-AIR-001", "CXML008", "CP101"):
        assert code in found
    for code in ("SAT-CP-002", "MF201", "MF101", "CBP-RAIL-002", "MF004", "MF005"):
        assert code in found
    assert _every_output(tmp_path, ["--jobs", "2", *names]) == alone
    assert _every_output(tmp_path, ["--scheduler", scheduler, *names]) == alone
