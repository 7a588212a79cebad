"""What validate shows on a terminal: a progress bar on standard error (by files and bytes for a batch, by bytes
for one large file, only on a terminal, never with --quiet) and colour on standard output (severity, code and place;
none when piped; NO_COLOR and FORCE_COLOR respected). The progress tests run the command with its standard error
on a pseudo-terminal."""

from __future__ import annotations

import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from manifest.cli import PROGRESS_BYTES, main
from tests.conftest import SAMPLES

RAIL_309 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
RAIL_JSON = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.json"
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _on_a_terminal(*arguments: str, environment: dict[str, str] | None = None) -> tuple[int, str, str]:
    """``manifest ARGUMENTS`` with standard error on a pseudo-terminal: exit code, standard output, the terminal."""
    controller, terminal = pty.openpty()
    env = {**os.environ, "NO_COLOR": "", "FORCE_COLOR": "", "LANG": "C.UTF-8", "LC_ALL": "", **(environment or {})}
    process = subprocess.Popen(
        [sys.executable, "-m", "manifest", *arguments], stdout=subprocess.PIPE, stderr=terminal, env=env
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            block = os.read(controller, 65536)
        except OSError:  # the terminal's other end is closed: the process has ended
            break
        if not block:
            break
        shown += block
    output, _ = process.communicate(timeout=120)
    code = process.returncode
    os.close(controller)
    return code, output.decode(), shown.decode(errors="replace")


@pytest.fixture
def batch(tmp_path: Path) -> list[str]:
    shutil.copy(RAIL_309, tmp_path / "a.309")
    shutil.copy(RAIL_JSON, tmp_path / "b.manifest.json")
    return [str(tmp_path / "a.309"), str(tmp_path / "b.manifest.json")]


def test_a_batch_shows_its_progress_by_files_and_bytes(batch: list[str]) -> None:
    code, output, terminal = _on_a_terminal("validate", *batch)
    assert code == 0
    assert "checking" in terminal and "2/2 files" in terminal and "100%" in terminal
    assert "checking" not in output  # the report alone on standard output


def test_quiet_silences_the_progress_bar(batch: list[str]) -> None:
    code, output, terminal = _on_a_terminal("validate", "--quiet", *batch)
    assert code == 0 and terminal == ""
    assert "2 file(s) checked" in output


def test_one_small_file_has_no_bar_and_one_large_file_has_its_own(tmp_path: Path) -> None:
    assert _on_a_terminal("validate", str(RAIL_309))[2] == ""
    # JSON allows any white space between values: the same manifest, larger than PROGRESS_BYTES.
    large = tmp_path / "large.manifest.json"
    large.write_bytes(RAIL_JSON.read_bytes().replace(b"{", b"{" + b" " * PROGRESS_BYTES, 1))
    code, output, terminal = _on_a_terminal("validate", str(large))
    assert code == 0, output
    assert "checking" in terminal and "1/1 files" in terminal and "100%" in terminal
    assert output.endswith("1 file(s) checked: 0 error(s), 0 warning(s)\n")


def test_no_bar_when_standard_error_is_not_a_terminal(batch: list[str]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "manifest", "validate", *batch], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and result.stderr == ""


NEGATIVE_JSON = Path(__file__).parent / "data" / "negative" / "rail-weight-with-comma.manifest.json"


def test_colour_only_on_a_terminal_or_when_forced(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    piped = CliRunner().invoke(main, ["validate", str(NEGATIVE_JSON)]).output
    assert ANSI.search(piped) is None
    forced = CliRunner().invoke(main, ["validate", str(NEGATIVE_JSON)], env={"FORCE_COLOR": "1"}).output
    assert ANSI.sub("", forced) == piped
    # Severity in bold red, the code in bold, the place in blue (click.style).
    assert "\x1b[31m\x1b[1merror\x1b[0m" in forced
    assert "\x1b[1mMF101\x1b[0m" in forced
    assert f"\x1b[34m{NEGATIVE_JSON}:149:26\x1b[0m" in forced
    assert CliRunner().invoke(main, ["validate", str(NEGATIVE_JSON)], env={"FORCE_COLOR": "0"}).output == piped


def test_no_color_wins(monkeypatch: pytest.MonkeyPatch) -> None:
    result = CliRunner().invoke(main, ["validate", str(NEGATIVE_JSON)], env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert ANSI.search(result.output) is None


def test_colour_on_a_terminal_and_its_results_in_the_table(batch: list[str]) -> None:
    controller, terminal = pty.openpty()
    env = {**os.environ, "NO_COLOR": "", "FORCE_COLOR": "", "LANG": "C.UTF-8"}
    process = subprocess.run(
        [sys.executable, "-m", "manifest", "validate", "--quiet", *batch, str(NEGATIVE_JSON)],
        stdout=terminal,
        stderr=subprocess.PIPE,
        env=env,
        check=False,
    )
    os.close(terminal)
    shown = os.read(controller, 1 << 20).decode()
    os.close(controller)
    assert process.returncode == 1
    assert "\x1b[32mpassed\x1b[0m" in shown and "\x1b[31m\x1b[1mfailed\x1b[0m" in shown
    assert "\x1b[1mMF101\x1b[0m" in shown
