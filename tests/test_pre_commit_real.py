"""The hooks of .pre-commit-hooks.yaml installed and run by the real ``pre-commit`` tool, as a user of the project
would: a git repository of manifests whose .pre-commit-config.yaml names this checkout.

pre-commit installs a hook from a git repository at a commit. The hook repository here is a snapshot of this
checkout's tracked files as they are in the working tree, committed once in a temporary clone (what
``pre-commit try-repo`` does, but once for the whole module, so that a single hook environment is built: pre-commit
creates a virtualenv and pip-installs the project into it, which takes tens of seconds). Everything pre-commit
keeps goes to a temporary PRE_COMMIT_HOME; pip gets the project's dependencies through the package index this
machine is configured with, and the tests are skipped only when that index cannot be reached.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, SAMPLES

HOOK_IDS = [hook["id"] for hook in yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text())]
BROKEN = Path(__file__).parent / "data" / "negative" / "rail-weight-with-comma.manifest.json"
GOOD = [
    SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309",
    SAMPLES / "rail" / "northbound-nuevo-laredo.cartaporte.xml",
    SAMPLES / "air" / "northbound-flight-am0642-mex-lax.manifest.json",
]
# What pip says when it cannot reach a package index (urllib3 and socket errors as pip reports them).
UNREACHABLE = re.compile(
    r".*(NewConnectionError|Failed to establish a new connection|Temporary failure in name resolution"
    r"|Network is unreachable|ConnectTimeoutError|ProxyError|Could not fetch URL).*"
)


@dataclass(frozen=True)
class Hooked:
    """A git repository of manifests with the hooks installed, and the environment to run pre-commit in."""

    work: Path
    env: Mapping[str, str]
    install_seconds: float

    def run(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            arguments, cwd=self.work, env=dict(self.env), capture_output=True, text=True, timeout=600, check=False
        )

    def pre_commit(self, *arguments: str) -> subprocess.CompletedProcess[str]:
        return self.run(sys.executable, "-m", "pre_commit", *arguments)


def _git(env: Mapping[str, str], cwd: Path, *arguments: str) -> str:
    done = subprocess.run(
        ["git", *arguments], cwd=cwd, env=dict(env), capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, (arguments, done.stdout, done.stderr)
    return done.stdout.strip()


def _environment(home: Path) -> dict[str, str]:
    # No GIT_* variable of an enclosing git run (a hook running this suite sets GIT_INDEX_FILE and others), no
    # user or system git configuration; a fixed identity for the commits.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    empty_config = home / "gitconfig"
    empty_config.write_text("")
    env.update(
        PRE_COMMIT_HOME=str(home / "cache"),
        PIP_CACHE_DIR=str(home / "pip-cache"),  # nothing written to the user's caches either
        PRE_COMMIT_COLOR="never",
        GIT_CONFIG_GLOBAL=str(empty_config),
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Manifest Tests",
        GIT_AUTHOR_EMAIL="tests@example.invalid",
        GIT_COMMITTER_NAME="Manifest Tests",
        GIT_COMMITTER_EMAIL="tests@example.invalid",
    )
    return env


def _snapshot(env: Mapping[str, str], folder: Path) -> tuple[Path, str]:
    """A clone of this checkout with the working tree committed (changed, deleted and new files that git does not
    ignore): (path, revision)."""
    shadow = folder / "hook-repository"
    _git(env, folder, "clone", "--quiet", "--no-checkout", str(REPO), str(shadow))
    _git(env, shadow, "checkout", "--quiet", _git(env, REPO, "rev-parse", "HEAD"))
    changed = _git(env, REPO, "diff", "--name-only", "-z", "HEAD").split("\0")
    new = _git(env, REPO, "ls-files", "--others", "--exclude-standard", "-z").split("\0")
    for name in filter(None, [*changed, *new]):
        mine, theirs = REPO / name, shadow / name
        if mine.is_file():
            theirs.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(mine, theirs)
        else:
            theirs.unlink(missing_ok=True)
    _git(env, shadow, "add", "--all")
    if _git(env, shadow, "status", "--porcelain"):
        _git(env, shadow, "commit", "--quiet", "--no-verify", "-m", "working tree")
    return shadow, _git(env, shadow, "rev-parse", "HEAD")


def _config(repository: Path, revision: str) -> str:
    hooks = [{"id": hook_id} for hook_id in HOOK_IDS]
    return yaml.safe_dump({"repos": [{"repo": str(repository), "rev": revision, "hooks": hooks}]}, sort_keys=False)


def _skip_if_the_index_is_unreachable(home: Path, output: str) -> None:
    log = home / "cache" / "pre-commit.log"
    text = output + (log.read_text(errors="replace") if log.is_file() else "")
    match = UNREACHABLE.search(text)
    if match:
        pytest.skip(f"pip could not reach the package index to install the hook: {match.group().strip()}")


@pytest.fixture(scope="module")
def hooked(tmp_path_factory: pytest.TempPathFactory) -> Hooked:
    folder = tmp_path_factory.mktemp("pre-commit")
    env = _environment(folder)
    repository, revision = _snapshot(env, folder)
    work = folder / "manifests"
    work.mkdir()
    _git(env, work, "init", "--quiet")
    (work / ".pre-commit-config.yaml").write_text(_config(repository, revision))
    (work / "README.md").write_text("Manifests of the northbound trains.\n")
    _git(env, work, "add", ".")
    _git(env, work, "commit", "--quiet", "-m", "configuration")
    hooked = Hooked(work, env, 0.0)
    start = time.perf_counter()
    installed = hooked.pre_commit("install-hooks")
    seconds = time.perf_counter() - start
    if installed.returncode != 0:
        _skip_if_the_index_is_unreachable(folder, installed.stdout + installed.stderr)
        pytest.fail(f"pre-commit install-hooks failed:\n{installed.stdout}\n{installed.stderr}")
    return Hooked(work, env, seconds)


def _add(hooked: Hooked, sources: Sequence[Path]) -> list[str]:
    names = []
    for source in sources:
        shutil.copyfile(source, hooked.work / source.name)
        names.append(source.name)
    _git(hooked.env, hooked.work, "add", *names)
    return names


def test_the_hook_environment_is_built_once(hooked: Hooked) -> None:
    environments = [p for p in (Path(hooked.env["PRE_COMMIT_HOME"])).iterdir() if p.is_dir()]
    assert len(environments) == 1  # one clone of the hook repository, holding the one virtualenv
    assert hooked.install_seconds > 0


def test_a_broken_manifest_is_rejected_with_its_finding(hooked: Hooked) -> None:
    (name,) = _add(hooked, [BROKEN])
    result = hooked.pre_commit("run", "--files", name)
    assert result.returncode == 1, result.stdout + result.stderr
    line = next(i for i, text in enumerate(BROKEN.read_text().splitlines(), 1) if "92,400" in text)
    assert "Failed" in result.stdout
    assert f"{name}:{line}:" in result.stdout
    assert "MF101" in result.stdout
    assert "'92,400' is not valid" in result.stdout
    _git(hooked.env, hooked.work, "rm", "--quiet", "--cached", name)
    (hooked.work / name).unlink()


def test_good_manifests_are_accepted(hooked: Hooked) -> None:
    names = _add(hooked, GOOD)
    result = hooked.pre_commit("run", "--files", *names, "README.md")
    assert result.returncode == 0, result.stdout + result.stderr
    assert re.search(r"validate cargo manifests\.+Passed", result.stdout), result.stdout
    _git(hooked.env, hooked.work, "rm", "--quiet", "--cached", *names)
    for name in names:
        (hooked.work / name).unlink()


def test_git_commit_through_the_installed_hook(hooked: Hooked) -> None:
    assert hooked.pre_commit("install").returncode == 0
    before = _git(hooked.env, hooked.work, "rev-parse", "HEAD")
    (broken,) = _add(hooked, [BROKEN])
    refused = hooked.run("git", "commit", "-m", "a broken manifest")
    said = refused.stdout + refused.stderr  # git passes a hook's output on to standard error
    assert refused.returncode == 1, said
    assert f"{broken}:" in said and "MF101" in said
    assert _git(hooked.env, hooked.work, "rev-parse", "HEAD") == before
    _git(hooked.env, hooked.work, "rm", "--quiet", "--cached", broken)
    _add(hooked, GOOD)
    accepted = hooked.run("git", "commit", "-m", "the northbound train")
    assert accepted.returncode == 0, accepted.stdout + accepted.stderr
    assert _git(hooked.env, hooked.work, "log", "-1", "--format=%s") == "the northbound train"
    committed = _git(hooked.env, hooked.work, "show", "--name-only", "--format=", "HEAD").splitlines()
    assert sorted(committed) == sorted(p.name for p in GOOD)
