"""The layout of the code: no module over about 500 lines and the packages cut by job smaller still, no module (of
the package or of the tests) reaches for another's private names, hypothesis strategies have one home, and the
catalogue's comments name modules that exist."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from tests.conftest import REPO

PACKAGE = REPO / "manifest"
# Packages cut by job (the readers along the groups of their message): none of their modules a monolith again.
CUT_PACKAGES = ("formats/edifact/cuscar_read", "formats/x12/read309", "codelists")
MOST_LINES = 400
# The 358 writer still shares two helpers of the 309 writer.


def _module_name(path: Path, base: Path = REPO) -> str:
    parts = path.relative_to(base).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


@pytest.mark.parametrize("package", CUT_PACKAGES)
def test_a_cut_package_has_only_small_modules(package: str) -> None:
    modules = sorted((PACKAGE / package).glob("*.py"))
    assert len(modules) > 3
    long = {m.name: n for m in modules if (n := len(m.read_text(encoding="utf-8").splitlines())) > MOST_LINES}
    assert long == {}


# No module of the package over this many lines: past it a module holds more than one job.
MOST_LINES_ANYWHERE = 500


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_is_over_the_limit() -> None:
    long = {
        path.relative_to(PACKAGE).as_posix(): n
        for path in sorted(PACKAGE.rglob("*.py"))
        if (n := _lines(path)) > MOST_LINES_ANYWHERE
    }
    assert long == {}


def _private_imports(root: Path, package: str, base: Path = REPO) -> set[tuple[str, str, str]]:
    """(importer, module, name) for every private name that a module under ``root`` imports from ``package``; the
    importer is named as a module under ``base``."""
    found = set()
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == package:
                for alias in node.names:
                    if alias.name.startswith("_") and not alias.name.startswith("__"):
                        found.add((_module_name(path, base), node.module, alias.name))
    return found


def test_no_module_imports_a_private_name_of_another() -> None:
    found = _private_imports(PACKAGE, "manifest")
    assert not found, sorted(found)


def test_no_test_file_imports_a_private_name_of_another() -> None:
    """What several test files share lives, public, in tests/strategies (drawn), tests/models (hand-written models)
    or tests/fixtures (fixed texts)."""
    found = _private_imports(REPO / "tests", "tests")
    assert not found, sorted(found)


def test_no_test_file_imports_from_another_test_file() -> None:
    """A test file is collected for its tests; what another needs from it lives in a module that is not one."""
    found = sorted(
        (_module_name(path, REPO), node.module)
        for path in (REPO / "tests").rglob("*.py")
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[-1].startswith("test_")
    )
    assert not found, found


@pytest.mark.parametrize(
    ("source", "found"),
    [
        ("from tests.test_x import _CASES\n", {("tests.test_y", "tests.test_x", "_CASES")}),
        ("from tests.fixtures.x import CASES, __doc__\n", set()),
        ("from manifest.x import _private\n", set()),
    ],
)
def test_a_private_import_is_found(tmp_path: Path, source: str, found: set[tuple[str, str, str]]) -> None:
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_y.py").write_text(source, encoding="utf-8")
    assert _private_imports(tmp_path / "tests", "tests", base=tmp_path) == found


def _strategy_names(path: Path) -> set[str]:
    """Module-level strategies a file defines: composite functions, functions returning a strategy, and names bound
    to a hypothesis call."""
    names = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.FunctionDef):
            composite = any(ast.unparse(d) == "st.composite" for d in node.decorator_list)
            if composite or (node.returns is not None and "SearchStrategy" in ast.unparse(node.returns)):
                names.add(node.name)
        elif isinstance(node, ast.Assign) and ast.unparse(node.value).startswith("st."):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return names


def test_no_test_file_defines_a_strategy_found_elsewhere() -> None:
    """A strategy a test file keeps to itself is fine; one that another file also defines belongs in
    tests/strategies, where modules of different domains may each draw their own ``manifests``."""
    tests = REPO / "tests"
    names = {path: _strategy_names(path) for path in sorted(tests.glob("test_*.py"))}
    names.update({path: _strategy_names(path) for path in sorted((tests / "strategies").glob("*.py"))})
    shared = sorted(
        (path.name, name)
        for path in tests.glob("test_*.py")
        for name in names[path]
        if any(name in others for other, others in names.items() if other != path)
    )
    assert shared == []


def test_strategies_live_in_one_package() -> None:
    tests = REPO / "tests"
    strays = sorted(p.name for p in tests.glob("*.py") if p.stem.endswith(("_strategies", "_models", "strategies")))
    assert strays == []


def test_the_catalogue_names_modules_that_exist() -> None:
    """The translators' comments of a catalogue say where its strings are used, as (manifest.module) or
    (manifest.module.Name): each must still be there."""
    named = set()
    for catalogue in sorted((PACKAGE / "locale").rglob("*.po")):
        named |= set(re.findall(r"\((manifest(?:\.\w+)+)\)", catalogue.read_text(encoding="utf-8")))
    assert len(named) >= 5
    assert [dotted for dotted in sorted(named) if not _exists(dotted)] == []


def _exists(dotted: str) -> bool:
    """Whether ``dotted`` names a module, or a name defined in one."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found: object = importlib.import_module(".".join(parts[:cut]))
        except ModuleNotFoundError:
            continue
        for part in parts[cut:]:
            found = getattr(found, part, None)
        return found is not None
    return False


@pytest.mark.parametrize(
    ("dotted", "exists"),
    [("manifest.checkfile.Skipped", True), ("manifest.report_lines", True), ("manifest.api.Skipped", False)],
)
def test_a_name_is_found_where_it_is_defined(dotted: str, exists: bool) -> None:
    assert _exists(dotted) is exists
