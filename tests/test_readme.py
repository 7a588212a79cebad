"""The README's two commands are the ones CI runs, so CI proves the README."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import REPO


def _readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", (REPO / "README.md").read_text())[:2]


def test_ci_runs_the_readme_commands_verbatim() -> None:
    setup, tests = _readme_commands()
    assert setup.startswith(
        "python -m venv .venv && . .venv/bin/activate && pip install . && manifest validate samples/"
    )
    assert "ruff check" in tests
    assert "mypy" in tests
    assert "pytest" in tests
    ci_lines = _ci_commands()
    assert setup in ci_lines
    assert tests in ci_lines


def _ci_commands() -> list[str]:
    """The lines of .ci/run, each without the ``|| exit 1`` that makes a failure anywhere in its list stop CI."""
    lines = (REPO / ".ci" / "run").read_text().splitlines()
    return [line.removesuffix(" || exit 1") for line in lines]


def test_a_failure_anywhere_in_a_readme_line_stops_ci() -> None:
    """set -e does not stop a script when a command before the last && of a list fails: each README command
    carries its own exit."""
    blocks = re.findall(r"```sh\n(.+?)\n```", (REPO / "README.md").read_text())
    run = (REPO / ".ci" / "run").read_text().splitlines()
    for command in [*blocks[:2], *(b for b in blocks if "--resolution lowest-direct" in b)]:
        assert f"{command} || exit 1" in run, command


def test_ci_runs_the_suite_again_with_the_lowest_declared_versions() -> None:
    blocks = re.findall(r"```sh\n(.+?)\n```", (REPO / "README.md").read_text())
    (lowest,) = [block for block in blocks if "--resolution lowest-direct" in block]
    assert lowest.endswith("python -m pytest")
    assert lowest in _ci_commands()


def test_formats_table_lists_every_registered_format() -> None:
    from manifest.formats import FORMATS

    readme = (REPO / "README.md").read_text()
    table = readme[readme.index("| format | what | agency use |") :].split("\n\n", 1)[0]
    listed = re.findall(r"^\| `([a-z0-9-]+)` \|", table, flags=re.MULTILINE)
    assert sorted(listed) == sorted(FORMATS)


def test_configuration_example_is_a_valid_configuration() -> None:
    import tomllib

    from manifest.requirements import parse_config

    (example,) = re.findall(r"```toml\n(.+?)\n```", (REPO / "README.md").read_text(), flags=re.DOTALL)
    config = parse_config(tomllib.loads(example)["tool"]["manifest"])
    assert config.profile == "cbp"


def test_the_converting_example_is_what_the_tool_prints(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The example's first line is the tool's, numbers aside, and its counts are kinds of loss, in the tool's order,
    that add up to the number of values not carried. The counts follow the writer, so they are not frozen here; on
    a failure, the real report is shown, to paste."""
    from click.testing import CliRunner

    from manifest.cli import main
    from manifest.conversion import LOSS_KINDS

    readme = (REPO / "README.md").read_text()
    section = readme[readme.index("### Converting") :]
    command, shown = re.findall(r"```console\n\$ (.+?)\n(.+?)\n```", section, flags=re.DOTALL)[0]
    arguments = shlex.split(command)
    assert arguments[:2] == ["manifest", "convert"]
    out = arguments.index("-o") + 1
    named = arguments[out]
    arguments[out] = str(tmp_path / named)
    monkeypatch.chdir(REPO)  # the sample is named from the root of the repository
    result = CliRunner().invoke(main, arguments[1:])
    real = result.stdout.replace(str(tmp_path / named), named)
    assert result.exit_code == 0, real
    numbers = re.compile(r"\d+")
    first, *counts = shown.splitlines()
    assert numbers.sub("N", first) == numbers.sub("N", real.splitlines()[0]), real
    rows = [re.fullmatch(r"  (\S.*?)\s{2,}(\d+)", line) for line in counts]
    assert counts and all(rows), real
    labels = list(LOSS_KINDS.values())
    kinds = [labels.index(row.group(1)) for row in rows if row]
    assert kinds == sorted(set(kinds)), real
    assert sum(int(row.group(2)) for row in rows if row) == int(numbers.findall(first)[0]), real


def test_the_pre_commit_example_names_a_real_revision_with_the_hook() -> None:
    import shutil
    import subprocess

    import pytest
    import yaml

    (example,) = re.findall(r"```yaml\n(.+?)\n```", (REPO / "README.md").read_text(), flags=re.DOTALL)
    (repository,) = yaml.safe_load(example)["repos"]
    revision = str(repository["rev"])
    assert re.fullmatch(r"[0-9a-f]{40}", revision), revision  # a commit, as no tag is published yet
    if shutil.which("git") is None or not (REPO / ".git").exists() or (REPO / ".git" / "shallow").exists():
        pytest.skip("not a full git checkout")
    hooks = subprocess.run(
        ["git", "-C", str(REPO), "show", f"{revision}:.pre-commit-hooks.yaml"], capture_output=True, text=True
    )
    assert hooks.returncode == 0, hooks.stderr
    assert [hook["id"] for hook in yaml.safe_load(hooks.stdout)] == [h["id"] for h in repository["hooks"]]


def test_the_readme_shows_the_summary_table_and_the_html_report() -> None:
    readme = (REPO / "README.md").read_text()
    assert re.search(r"^FILE +FORMAT +PROFILE +ERRORS +WARNINGS +RESULT +WHY$", readme, flags=re.MULTILINE)
    (picture,) = re.findall(r"!\[[^\]]+\]\((docs/[^)]+\.png)\)", readme)
    assert (REPO / picture).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
