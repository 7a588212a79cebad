"""Completeness of the registries: every format fulfils the contract and reads its own samples losslessly; every
diagnostic code has its wording in both languages and a source."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

from manifest import formats
from manifest.api import read
from manifest.codes import all_messages
from manifest.diagnostics import MESSAGES, Severity
from tests.conftest import SAMPLES

SAMPLE_FILES = sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.name != "README.md")


@pytest.mark.parametrize("name", list(formats.FORMATS))
def test_format_fulfils_the_contract(name: str) -> None:
    module = formats.get(name)
    assert name == module.NAME
    assert module.TITLE
    assert module.MODES
    assert all(ext.startswith(".") for ext in module.EXTENSIONS)
    assert callable(module.sniff)
    assert callable(module.read)
    assert callable(module.write)
    assert not module.sniff(b"")


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: str(p.relative_to(SAMPLES)))
def test_each_sample_is_recognised_and_reads_back_what_it_writes(sample: Path) -> None:
    data = sample.read_bytes()
    document = read(data, name=sample.name)
    assert [d for d in document.diagnostics if d.severity >= Severity.ERROR] == []
    assert document.manifests
    written = formats.get(document.format).write(document.manifests)
    assert written.losses == ()
    again = formats.get(document.format).read(written.data)
    assert again.manifests == document.manifests


def test_every_code_is_worded_in_both_languages_with_a_source() -> None:
    all_messages()
    assert MESSAGES
    for code, message in MESSAGES.items():
        assert re.fullmatch(r"[A-Z][A-Z0-9-]*[0-9]", code), code
        assert message.en.strip(), code
        assert message.es.strip(), code
        assert message.source, code
        assert _placeholders(message.en) == _placeholders(message.es), code


def _placeholders(template: str) -> set[str]:
    """The names a template fills in; ``$reason_es`` in a Spanish template is the Spanish wording of ``$reason``."""
    names = {m[1] or m[2] for m in string.Template.pattern.findall(template) if m[1] or m[2]}
    return {name.removesuffix("_es") for name in names}
