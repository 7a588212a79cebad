"""Applying a rule's example to a valid manifest: the catalogue's pass/fail examples as model changes.

The manifest is turned into its plain tree (the shape ``manifest-json`` writes), the example's ``unset`` paths are
removed and its ``set`` values written at their paths (objects as tables, lists as arrays, scalars as text), and the
tree is decoded back with the canonical decoder, so an example that does not fit the model fails loudly.
"""

from __future__ import annotations

from manifest.core.canonical import TreeDecoder, to_tree
from manifest.model import Manifest
from manifest.requirements.definitions import Example
from manifest.requirements.paths import Attr, Index, Key, Path, Step


class ExampleError(ValueError):
    """An example that cannot be applied to the model it names."""


def apply_example(manifest: Manifest, example: Example) -> Manifest:
    tree: dict[str, object] = to_tree(manifest)
    for text in example.unset:
        _unset(tree, _concrete(text), text)
    for text, value in example.set.items():
        _set(tree, _concrete(text), _plain(value), text)
    decoder = TreeDecoder(lambda path: path)
    rebuilt = decoder.manifest(tree, "")
    if rebuilt is None or decoder.diagnostics:
        faults = "; ".join(f"{d.field}: {d.message()}" for d in decoder.diagnostics)
        raise ExampleError(f"the example does not fit the model: {faults}")
    return rebuilt


def _concrete(text: str) -> tuple[Step, ...]:
    steps = Path.parse(text).steps
    if not all(isinstance(step, Attr | Index | Key) for step in steps):
        raise ExampleError(f"{text}: example paths name one field (no [*] or selectors)")
    return steps


def _plain(value: object) -> object:
    """TOML numbers and booleans as the text the model's tree holds."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return value


def _key(step: Step) -> str | int:
    if isinstance(step, Index):
        return step.index
    if isinstance(step, Attr):
        return step.name
    if isinstance(step, Key):
        return step.key
    raise ExampleError(f"unexpected step {step}")


def _descend(tree: object, steps: tuple[Step, ...], text: str, create: bool) -> object:
    node = tree
    for step in steps:
        key = _key(step)
        if isinstance(node, dict) and isinstance(key, str):
            if key not in node:
                if not create:
                    raise ExampleError(f"{text}: nothing at {key!r}")
                node[key] = {}
            node = node[key]
        elif isinstance(node, list) and isinstance(key, int) and key < len(node):
            node = node[key]
        else:
            raise ExampleError(f"{text}: cannot follow {key!r}")
    return node


def _set(tree: dict[str, object], steps: tuple[Step, ...], value: object, text: str) -> None:
    parent = _descend(tree, steps[:-1], text, create=True)
    key = _key(steps[-1])
    if isinstance(parent, dict) and isinstance(key, str):
        parent[key] = value
    elif isinstance(parent, list) and isinstance(key, int) and key <= len(parent):
        if key == len(parent):
            parent.append(value)
        else:
            parent[key] = value
    else:
        raise ExampleError(f"{text}: cannot set {key!r}")


def _unset(tree: dict[str, object], steps: tuple[Step, ...], text: str) -> None:
    parent = _descend(tree, steps[:-1], text, create=False)
    key = _key(steps[-1])
    if isinstance(parent, dict) and key in parent:
        del parent[key]
        return
    if isinstance(parent, list) and isinstance(key, int) and key < len(parent):
        del parent[key]
        return
    raise ExampleError(f"{text}: nothing to unset")
