"""Telling a file's format imports no reader, and recognises what each format module says it recognises."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from manifest import api, formats
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


# An EDIFACT interchange that is no CUSCAR: it is recognised as EDIFACT, read, and told not to be a cargo report.
INTERCHANGE = b"UNA:+.? 'UNB+UNOL:3+SENDER+RECEIVER+240704:1032+1'UNH+1+INFENT:D:00B:UN'BGM+IDF'UNT+3+1'UNZ+1+1'"
# A header line of the kind accounting software writes before its interchange, ended by an apostrophe.
HEADER = b"DOC+01=serveur\\dossiers+02=9215001+03=04/07/2024+06=DGFiP+07=EDITDFC'"


@pytest.mark.parametrize("separator", [b"", b"\n", b"\r\n"], ids=["after its apostrophe", "LF", "CRLF"])
def test_an_interchange_behind_a_header_line_is_recognised(separator: bytes) -> None:
    assert formats.sniff(HEADER + separator + INTERCHANGE) == "cuscar"
    without_una = INTERCHANGE[INTERCHANGE.index(b"UNB") :]
    assert formats.sniff(HEADER + separator + without_una) == "cuscar"


@pytest.mark.parametrize(
    "data",
    [
        # more than a short preamble before the interchange
        b"x" * (sniffing.EDIFACT_PREAMBLE + 1) + b"\n" + INTERCHANGE,
        # an interchange quoted inside markup
        b"<note>\n" + INTERCHANGE + b"\n</note>",
        # in the middle of a line
        b"the interchange UNB+UNOA:3+A+B+200101:1200+1'",
        # a UNB that names no syntax level, and a UNA followed by no UNB
        b"header\nUNB+HELLO'\nUNA:+.? 'X",
    ],
    ids=["long preamble", "markup", "mid-line", "no syntax identifier"],
)
def test_text_that_only_mentions_an_interchange_is_not_edifact(data: bytes) -> None:
    assert formats.sniff(data) is None


@pytest.mark.parametrize("chosen", [None, "cuscar"], ids=["detected", "named"])
@pytest.mark.parametrize("separator", [b"", b"\r\n"], ids=["same line", "next line"])
def test_the_preamble_is_told_once_and_the_interchange_read_in_place(separator: bytes, chosen: str | None) -> None:
    """Detected or named, the file is read whole and streamed alike: the preamble is one finding at its start
    (EDI002), and the interchange's segments keep their line and column in the file, with no claim that their line
    is indented (EDI022)."""
    data = HEADER + separator + INTERCHANGE
    whole = api.validate(data, format=chosen)
    streamed = api.validate_stream(io.BytesIO(data), format=chosen)
    assert streamed.diagnostics == whole.diagnostics
    found = [(d.code, d.line, d.column) for d in whole.diagnostics]
    line = 1 if not separator else 2
    message_type = data.rindex(b"INFENT") - (data.rindex(b"\n") + 1 if separator else 0) + 1  # UNH S009
    assert ("EDI002", 1, 1) in found
    assert [d.args["count"] for d in whole.diagnostics if d.code == "EDI002"] == [str(len(HEADER + separator))]
    assert ("CUS001", line, message_type) in found
    assert "EDI022" not in [code for code, _, _ in found]
