"""Exit codes every command keeps: 2 and one line for a path that cannot be read, 3 and one line naming the file
for an internal error (the traceback only with --debug or MANIFEST_DEBUG), and standard input as a source."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from manifest.cli import main
from tests.conftest import REPO, SAMPLES

RAIL_309 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
RAIL_358 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.358"
RAIL_JSON = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.json"

# Each command with the file (or files) it reads; {file} is replaced by the path under test.
COMMANDS: dict[str, Callable[[str], list[str]]] = {
    "validate": lambda file: ["validate", file],
    "convert": lambda file: ["convert", file, "--to", "manifest-json"],
    "inspect": lambda file: ["inspect", file],
    "ack": lambda file: ["ack", file],
    "crosscheck (consist)": lambda file: ["crosscheck", file, str(RAIL_309)],
    "crosscheck (manifest)": lambda file: ["crosscheck", str(RAIL_358), file],
    "reconcile": lambda file: ["reconcile", str(RAIL_358), str(RAIL_309), file],
}


def _unreadable_paths(folder: Path) -> dict[str, tuple[Path, str]]:
    """Paths that cannot be read whoever runs the test (root included), with the reason the system gives."""
    a_file = folder / "train.309"
    a_file.write_bytes(RAIL_309.read_bytes())
    return {
        "a name too long": (folder / ("x" * 300), "File name too long"),
        "a path under a file": (a_file / "child.309", "Not a directory"),
        "a folder": (folder, "Is a directory"),
        "missing": (folder / "missing.309", "No such file or directory"),
    }


UNREADABLE_CASES = [
    (command, kind)
    for command in COMMANDS
    for kind in ("a name too long", "a path under a file", "a folder", "missing")
    if not (command == "validate" and kind == "a folder")  # validate walks a folder
]


@pytest.mark.parametrize(("command", "kind"), UNREADABLE_CASES)
def test_a_path_that_cannot_be_read_is_one_line_and_exit_2(tmp_path: Path, command: str, kind: str) -> None:
    path, reason = _unreadable_paths(tmp_path)[kind]
    result = CliRunner().invoke(main, COMMANDS[command](str(path)))
    assert result.exit_code == 2, (result.exception, result.stderr)
    assert result.stderr == f"manifest: cannot read {path}: {reason}\n"


# -- internal errors -----------------------------------------------------------------------------------------------


def _broken(monkeypatch: pytest.MonkeyPatch, target: str) -> None:
    """Make ``target`` (module:attribute) raise, as a defect of the package would."""
    module, _, name = target.partition(":")

    def fails(*_args: object, **_kwargs: object) -> object:
        raise RuntimeError("the defect\nsecond line")

    monkeypatch.setattr(f"{module}.{name}", fails)


# Each command, what to break in it, its arguments, and the file the error line names (None: no file).
CRASHES: dict[str, tuple[str, list[str], str | None]] = {
    "validate": ("manifest.api:validate", ["validate", str(RAIL_JSON)], str(RAIL_JSON)),
    # Checked in two worker processes (forked: the patch is theirs too); the error comes back from one of them.
    "validate --jobs 2": (
        "manifest.api:validate",
        ["validate", "-j", "2", str(RAIL_JSON), str(RAIL_JSON)],
        str(RAIL_JSON),
    ),
    "validate -": ("manifest.api:validate", ["validate", "-"], "-"),
    # Every reporter's summary is counted by report_summary.summary, wherever the reporter lives.
    "validate (report)": ("manifest.report_summary:summary", ["validate", str(RAIL_JSON)], None),
    "convert": ("manifest.api:convert", ["convert", str(RAIL_JSON), "--to", "manifest-xml"], str(RAIL_JSON)),
    "inspect": ("manifest.summary:summarize", ["inspect", str(RAIL_JSON)], str(RAIL_JSON)),
    "ack": ("manifest.formats.x12.ack:acknowledgement", ["ack", str(RAIL_309)], str(RAIL_309)),
    "crosscheck": (
        "manifest.singlewindow:reconcile",
        ["crosscheck", str(RAIL_358), str(RAIL_309)],
        f"{RAIL_358} {RAIL_309}",
    ),
    "formats": ("manifest.tables:render_table", ["formats"], None),
    "rules": ("manifest.tables:render_table", ["rules"], None),
}


def _crash(monkeypatch: pytest.MonkeyPatch, name: str, *extra: str, env: dict[str, str] | None = None) -> Result:
    target, arguments, _ = CRASHES[name]
    _broken(monkeypatch, target)
    return CliRunner().invoke(main, [*arguments, *extra], input=RAIL_JSON.read_bytes(), env=env)


@pytest.mark.parametrize("name", list(CRASHES))
def test_an_internal_error_is_one_line_naming_the_file_and_exit_3(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    result = _crash(monkeypatch, name, env={"MANIFEST_DEBUG": ""})
    assert result.exit_code == 3, result.exception
    assert result.stdout == ""
    named = CRASHES[name][2]
    where = f" on {named}" if named is not None else ""
    assert result.stderr == (
        f"manifest: internal error{where}: RuntimeError: the defect second line (--debug shows the traceback)\n"
    )


@pytest.mark.parametrize("how", ["--debug", "MANIFEST_DEBUG=1", "--debug before the command"])
def test_debug_shows_the_traceback(monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    if how == "--debug before the command":
        _broken(monkeypatch, "manifest.api:validate")
        result = CliRunner().invoke(main, ["--debug", "validate", str(RAIL_JSON)], env={"MANIFEST_DEBUG": ""})
    elif how == "--debug":
        result = _crash(monkeypatch, "validate", "--debug", env={"MANIFEST_DEBUG": ""})
    else:
        result = _crash(monkeypatch, "validate", env={"MANIFEST_DEBUG": "1"})
    assert result.exit_code == 3
    assert result.stderr.startswith("Traceback (most recent call last):\n")
    assert "RuntimeError: the defect\nsecond line\n" in result.stderr
    assert result.stderr.endswith(f"manifest: internal error on {RAIL_JSON}: RuntimeError: the defect second line\n")


def test_a_file_with_errors_is_still_exit_1() -> None:
    result = CliRunner().invoke(main, ["validate", str(Path(__file__).parent / "data" / "negative")])
    assert result.exit_code == 1
    assert result.stderr == ""


# -- standard input as the source of convert -----------------------------------------------------------------------


def test_convert_reads_standard_input() -> None:
    runner = CliRunner()
    from_file = runner.invoke(main, ["convert", str(RAIL_309), "--to", "manifest-json", "--allow-loss"])
    from_stdin = runner.invoke(
        main, ["convert", "-", "--to", "manifest-json", "--allow-loss"], input=RAIL_309.read_bytes()
    )
    assert from_stdin.exit_code == from_file.exit_code == 0, from_stdin.stderr
    assert from_stdin.stdout == from_file.stdout
    assert json.loads(from_stdin.stdout)["format"] == "manifest-json"
    # The listing of what is not carried names standard input as the reports do.
    assert from_stdin.stderr == from_file.stderr.replace(f"{RAIL_309}:", "-:")


def test_convert_of_standard_input_detects_by_content_only() -> None:
    result = CliRunner().invoke(main, ["convert", "-", "--to", "x12-309"], input=b"not a manifest\n")
    assert result.exit_code == 1
    assert "MF004" in result.stderr


@pytest.mark.parametrize("command", [["convert", "-", "--to", "manifest-json"], ["inspect", "-"]])
def test_standard_input_that_cannot_be_read_is_one_line_and_exit_2(tmp_path: Path, command: list[str]) -> None:
    # Standard input open for writing only: reading it fails with EBADF.
    stdin = os.open(tmp_path / "write-only", os.O_WRONLY | os.O_CREAT)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "manifest", *command],
            env={**os.environ, "PYTHONPATH": str(REPO)},
            stdin=stdin,
            capture_output=True,
            text=True,
        )
    finally:
        os.close(stdin)
    assert done.returncode == 2
    assert done.stderr == "manifest: cannot read -: Bad file descriptor\n"
