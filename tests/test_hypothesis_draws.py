"""A derandomized hypothesis test draws the same models whatever other modules of the project were loaded before it
(by other tests collected with it), once :func:`tests.project_modules.load_every_module` has run, as the test
session's set-up does."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO

_DRAWS = """
import hashlib, importlib, sys
for name in sys.argv[1:]:
    importlib.import_module(name)
from hypothesis import HealthCheck, given, settings
from tests.project_modules import load_every_module
from tests.strategies.model import manifests
load_every_module()
drawn = []
@settings(max_examples=30, derandomize=True, database=None, suppress_health_check=list(HealthCheck))
@given(manifest=manifests())
def draw(manifest):
    drawn.append(repr(manifest))
draw()
print(len(drawn), hashlib.sha256("\\n".join(drawn).encode()).hexdigest())
"""


def _drawn_after(*modules: str) -> str:
    run = subprocess.run(
        [sys.executable, "-c", _DRAWS, *modules], cwd=REPO, capture_output=True, text=True, check=True, timeout=300
    )
    return run.stdout.strip()


def test_the_models_drawn_do_not_depend_on_the_modules_loaded_before() -> None:
    alone = _drawn_after()
    assert alone.startswith("30 ")
    assert _drawn_after("manifest.cli", "manifest.formats.carta_porte.writer") == alone
