"""Telling a file's format imports no reader, and recognises what each format module says it recognises."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from manifest import formats
from manifest.formats import sniffing
from tests.conftest import REPO, SAMPLES


def test_every_format_is_recognised_by_the_module_it_is_read_by() -> None:
    assert set(sniffing.SNIFFERS) == set(sniffing.EXTENSIONS) == set(formats.FORMATS)
    for name in formats.FORMATS:
        module = formats.get(name)
        assert module.sniff is sniffing.SNIFFERS[name], name
        assert module.EXTENSIONS is sniffing.EXTENSIONS[name], name


def test_cargo_xml_namespaces_are_those_of_its_messages() -> None:
    from manifest.formats.cargo_xml.schema import MESSAGES

    assert set(sniffing.CARGO_XML_NAMESPACES) == {message.namespace for message in MESSAGES.values()}


@pytest.mark.parametrize(
    "path", [next(SAMPLES.rglob("*.cartaporte.xml")), REPO / "README.md"], ids=["carta-porte", "no-format"]
)
def test_detection_imports_no_reader(path: Path) -> None:
    # In a fresh interpreter: the readers this process has imported would hide the ones detection imports.
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from manifest.api import detect\n"
        f"path = Path({str(path)!r})\n"
        "print(detect(path.read_bytes(), path.name))\n"
        "readers = ('x12', 'x12_309', 'x12_358', 'edifact', 'cuscar', 'cargo_imp', 'cargo_xml', 'carta_porte',\n"
        "           'manifest_xml', 'manifest_json')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[:3][-1] in readers or m.startswith('lxml')))\n"
    )
    found = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True)
    detected, imported = found.stdout.splitlines()
    assert detected == ("carta-porte" if str(path).endswith(".cartaporte.xml") else "None")
    assert imported == "[]"
