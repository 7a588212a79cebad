"""Shared test set-up: hypothesis profiles and the path of the real sample files.

Profiles: ``dev`` (default, quick), ``ci`` (more examples, derandomized so CI is reproducible) and ``deep`` (for
nightly or hand runs). Choose with ``HYPOTHESIS_PROFILE``; ``ci`` is the default where ``CI`` is set.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from tests.project_modules import load_every_module

settings.register_profile("dev", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile(
    "ci", max_examples=100, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("deep", max_examples=5000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE") or ("ci" if os.environ.get("CI") else "dev"))

# A run keeps the data forms it compiles (manifest.compiled) in a folder of its own: it neither reads the forms
# another checkout's code made from the same sources nor removes them, and what it reports does not depend on what
# ran before it.
if "MANIFEST_CACHE_DIR" not in os.environ:
    os.environ["MANIFEST_CACHE_DIR"] = tempfile.mkdtemp(prefix="manifest-test-cache-")
    atexit.register(shutil.rmtree, os.environ["MANIFEST_CACHE_DIR"], ignore_errors=True)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Before any hypothesis test runs, load every module of the project: hypothesis draws from the constants of the
    modules loaded (see :mod:`tests.project_modules`), so the draws do not depend on what else is collected."""
    # ``@given`` marks the test it wraps (hypothesis.is_hypothesis_test reads the same mark, and is not in the
    # lowest version this project supports).
    if any(getattr(getattr(item, "obj", None), "is_hypothesis_test", False) for item in session.items):
        load_every_module()


REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "samples"
# The real files live in the shared folder beside the checkout and are never copied into the project.
EXTERNAL_SAMPLES = REPO.parent / "shared" / "external-samples"


@pytest.fixture
def external_samples() -> Path:
    if not EXTERNAL_SAMPLES.is_dir():
        pytest.skip(f"external samples not present at {EXTERNAL_SAMPLES}")
    return EXTERNAL_SAMPLES
