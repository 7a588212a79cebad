"""Every hook in .pre-commit-hooks.yaml, run as pre-commit would run it, accepts the samples and rejects the
broken files (the hook definitions are tested, not only the command behind them)."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from manifest.cli import main
from tests.conftest import REPO, SAMPLES

HOOKS = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())
NEGATIVE = sorted((Path(__file__).parent / "data" / "negative").iterdir())
POSITIVE = sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.name != "README.md")


def _arguments(hook: dict[str, object]) -> list[str]:
    program, *arguments = shlex.split(str(hook["entry"]))
    assert program == "manifest"
    return arguments


@pytest.mark.parametrize("hook", HOOKS, ids=lambda h: h["id"])
def test_hook_accepts_every_sample(hook: dict[str, object]) -> None:
    result = CliRunner().invoke(main, [*_arguments(hook), *map(str, POSITIVE)])
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("hook", HOOKS, ids=lambda h: h["id"])
@pytest.mark.parametrize("negative", NEGATIVE, ids=lambda p: p.name)
def test_hook_rejects_each_broken_file(hook: dict[str, object], negative: Path) -> None:
    result = CliRunner().invoke(main, [*_arguments(hook), str(negative)])
    assert result.exit_code == 1, result.output


@pytest.mark.parametrize("hook", HOOKS, ids=lambda h: h["id"])
def test_hook_passes_over_files_that_are_not_manifests(hook: dict[str, object]) -> None:
    result = CliRunner().invoke(main, [*_arguments(hook), str(REPO / "README.md"), str(REPO / "pyproject.toml")])
    assert result.exit_code == 0, result.output
