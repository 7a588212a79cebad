"""The project's samples pass every profile, and real files from public repositories are checked with positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from manifest.api import read
from manifest.diagnostics import ParseError
from manifest.requirements import PROFILES, evaluate, resolve_profile
from tests.conftest import SAMPLES

SAMPLE_FILES = sorted(path for path in SAMPLES.glob("*/*") if path.is_file())


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda path: f"{path.parent.name}/{path.name}")
def test_samples_pass_every_profile(sample: Path) -> None:
    document = read(sample.read_bytes(), None, name=str(sample))
    assert document.manifests
    for index, manifest in enumerate(document.manifests):
        assert resolve_profile("auto", document.format, manifest) in PROFILES
        for profile in PROFILES:
            found = evaluate(manifest, document.source_map(index), profile=profile, format_name=document.format)
            assert found == [], [str(d) for d in found]


def test_real_files_are_checked_with_positions(external_samples: Path) -> None:
    checked = 0
    for path in sorted(external_samples.glob("*/*")):
        try:
            document = read(path.read_bytes(), None, name=str(path))
        except ParseError:
            continue  # not a manifest format, or not readable at all: the readers' tests cover it
        for index, manifest in enumerate(document.manifests):
            profile = resolve_profile("auto", document.format, manifest)
            for diagnostic in evaluate(
                manifest, document.source_map(index), profile=profile, format_name=document.format
            ):
                assert diagnostic.line is not None and diagnostic.location, (path.name, str(diagnostic))
            checked += 1
    assert checked >= 5
