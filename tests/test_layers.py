"""The import graph of ``manifest`` runs one way: from the command line down to the model, never back up, and never
in a circle. Read from the source with ``ast``, so that an import inside a function, or under TYPE_CHECKING, counts as
much as one at the top of a module (it is as much a dependency, only a later one).

The layers, from the bottom (see docs/architecture.md):

1. base: the model, the diagnostics and the message catalogue;
2. reference: code lists, identifier checks, diagnostic code tables, aligned tables;
3. core: documents, source maps, model paths, the model as a tree, format descriptions;
4. formats and requirements, side by side: neither imports the other;
5. services: reading, validating and converting files (api, streaming, batches, the single window);
6. front: the reporters, the command line and the rules in words.

A module may import its own layer and any layer below it. The package root ``manifest`` is the public facade: its
lazy exports are not imports of the modules that use ``manifest.__version__``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "manifest"

# Each layer by the module names (and their submodules) it holds, bottom first.
LAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        "base",
        (
            "manifest.slotted",
            "manifest.model",
            "manifest.po",
            "manifest.diagnostics",
            "manifest.i18n",
            "manifest.compiled",
            "manifest.packaged",
        ),
    ),
    (
        "reference",
        ("manifest.codelists", "manifest.identifiers", "manifest.codes", "manifest.tables"),
    ),
    ("core", ("manifest.core",)),
    ("formats", ("manifest.formats",)),
    ("requirements", ("manifest.requirements",)),
    (
        "services",
        (
            "manifest.faults",
            "manifest.conversion",
            "manifest.interchange",
            "manifest.unmet",
            "manifest.api",
            "manifest.streaming",
            "manifest.checkfile",
            "manifest.batch",
            "manifest.cluster",
            "manifest.summary",
            "manifest.singlewindow",
        ),
    ),
    (
        "front",
        (
            "manifest.output",
            "manifest.rule_text",
            "manifest.report_summary",
            "manifest.report_lines",
            "manifest.report_text",
            "manifest.report_ci",
            "manifest.report_sarif",
            "manifest.report_conversion",
            "manifest.report_html",
            "manifest.reporters",
            "manifest.cli_choices",
            "manifest.cli_start",
            "manifest.cli_click",
            "manifest.cli_terminal",
            "manifest.cli_progress",
            "manifest.cli_listing",
            "manifest.cli_validate",
            "manifest.cli_convert",
            "manifest.cli_inspect",
            "manifest.cli_reconcile",
            "manifest.cli",
            "manifest.__main__",
        ),
    ),
)
# Layers of the same height: formats and requirements both stand on the core and do not know each other.
HEIGHT = {"base": 0, "reference": 1, "core": 2, "formats": 3, "requirements": 3, "services": 4, "front": 5}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> str:
    for name, prefixes in LAYERS:
        if any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes):
            return name
    raise AssertionError(f"{module} is in no layer: add it to LAYERS in {__name__}")


def imports(module: str, source: str | None = None) -> Iterator[tuple[str, int]]:
    """The modules of the package that ``module`` imports (its file, or ``source`` in its place), with the line of
    each import."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    text = path.read_text(encoding="utf-8") if source is None else source
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            # ``from manifest.formats import x12_309`` imports the submodule; ``from manifest import __version__``
            # the package itself.
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in MODULES else base for a in node.names]
        else:
            continue
        for target in targets:
            if target in MODULES and target != "manifest":
                yield target, node.lineno


GRAPH = {module: sorted({target for target, _ in imports(module)}) for module in MODULES}


def test_every_module_is_in_a_layer() -> None:
    for module in MODULES:
        if module != "manifest":
            layer_of(module)


def upward_imports(module: str, source: str | None = None) -> list[str]:
    """The imports of ``module`` into a layer above its own, or into the other layer of its height."""
    mine = layer_of(module)
    return [
        f"{module} ({mine}) line {line} imports {target} ({layer_of(target)})"
        for target, line in imports(module, source)
        if layer_of(target) != mine and HEIGHT[layer_of(target)] >= HEIGHT[mine]
    ]


def test_no_module_imports_a_layer_above_it_or_beside_it() -> None:
    assert [found for module in MODULES if module != "manifest" for found in upward_imports(module)] == []


@pytest.mark.parametrize(
    ("module", "source"),
    [
        ("manifest.requirements.checks", "from manifest.formats.canonical import scalar_to_text\n"),
        ("manifest.formats.x12.read309", "def late():\n    from manifest.requirements import engine\n"),
        ("manifest.core.document", "import manifest.api\n"),
        ("manifest.core.paths", "from ..formats import base\n"),
        ("manifest.core.paths", "from . import document\nfrom .. import api\n"),
        ("manifest.api", "from manifest import cli\n"),
    ],
)
def test_an_import_up_or_across_is_found_wherever_it_is_written(module: str, source: str) -> None:
    assert len(upward_imports(module, source)) == 1


def test_an_import_down_is_allowed() -> None:
    assert upward_imports("manifest.requirements.checks", "from manifest.core.canonical import scalar_to_text\n") == []


def cycles(graph: dict[str, list[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in graph:
        if root in index:
            continue
        work = [(root, iter(graph[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(graph[child])))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_no_modules_import_each_other_even_through_others() -> None:
    assert cycles(GRAPH) == []


@pytest.mark.parametrize(
    ("graph", "expected"),
    [
        ({"a": ["b"], "b": ["c"], "c": []}, []),
        ({"a": ["b"], "b": ["c"], "c": ["a"], "d": ["a"]}, [["a", "b", "c"]]),
        ({"a": ["a"]}, []),
    ],
)
def test_cycles_are_found_through_any_number_of_modules(graph: dict[str, list[str]], expected: list[list[str]]) -> None:
    assert cycles(graph) == expected
