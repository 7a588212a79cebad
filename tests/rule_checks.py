"""How many fields the requirement rules look at while some work runs: every check kind counted as it is called."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from manifest.requirements import checks
from manifest.requirements.check_context import Context, Finding, Params
from manifest.requirements.paths import Item


def counted_checks(monkeypatch: pytest.MonkeyPatch, run: Callable[[], object]) -> int:
    """The number of checks the rules make while ``run`` runs."""
    count = 0
    with monkeypatch.context() as patched:
        for kind, check in list(checks.KINDS.items()):

            def counted(context: Context, item: Item, params: Params, check: checks.Check = check) -> Iterator[Finding]:
                nonlocal count
                count += 1
                return check(context, item, params)

            patched.setitem(checks.KINDS, kind, counted)
        run()
    return count
