"""The README's two commands are the ones CI runs, so CI proves the README."""

from __future__ import annotations

import re

from tests.conftest import REPO


def _readme_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", (REPO / "README.md").read_text())[:2]


def test_ci_runs_the_readme_commands_verbatim() -> None:
    setup, tests = _readme_commands()
    assert setup.startswith("pip install . && manifest validate samples/")
    assert "ruff check" in tests
    assert "mypy" in tests
    assert "pytest" in tests
    ci_lines = (REPO / ".ci" / "run").read_text().splitlines()
    assert setup in ci_lines
    assert tests in ci_lines


def test_ci_runs_the_suite_again_with_the_lowest_declared_versions() -> None:
    blocks = re.findall(r"```sh\n(.+?)\n```", (REPO / "README.md").read_text())
    (lowest,) = [block for block in blocks if "--resolution lowest-direct" in block]
    assert lowest.endswith("python -m pytest")
    assert lowest in (REPO / ".ci" / "run").read_text().splitlines()


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
