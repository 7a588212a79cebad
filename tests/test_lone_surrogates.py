"""A lone surrogate is no character: JSON's ``\\ud800`` escape is the one way a file can spell one. manifest-json
reports it where it stands (MF008) and reads it as U+FFFD, so no model, writer or report is handed it; no other
reader lets one through; and the reporters show one that a program put in a finding instead of failing on it."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest
from click.testing import CliRunner

from manifest import api
from manifest.api import FileReport
from manifest.cli import main
from manifest.codes import message_of
from manifest.diagnostics import LONE_SURROGATE, Diagnostic, ParseError, Severity
from manifest.formats import FORMATS
from manifest.reporters import REPORTERS
from tests.conftest import SAMPLES

RAIL_JSON = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.json"


def _texts(value: object) -> Iterator[str]:
    """Every string a model object holds: its fields, items, and the keys and values of its maps."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple | list):
        for item in value:
            yield from _texts(item)
    elif isinstance(value, Mapping):
        for key, item in value.items():
            yield from _texts(key)
            yield from _texts(item)
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        for spec in dataclasses.fields(value):
            yield from _texts(getattr(value, spec.name))


def _finding_texts(diagnostic: Diagnostic) -> Iterator[str]:
    for lang in ("en", "es"):
        yield diagnostic.message(lang)
    yield from (part for part in (diagnostic.location, diagnostic.field, diagnostic.value) if part is not None)


def _with_lone_surrogate(tmp_path: Path, old: str, new: str) -> Path:
    text = RAIL_JSON.read_text()
    assert old in text
    path = tmp_path / "train.manifest.json"
    path.write_text(text.replace(old, new, 1))
    return path


def test_a_lone_surrogate_in_a_value_is_a_positioned_error_and_is_read_as_a_replacement(tmp_path: Path) -> None:
    path = _with_lone_surrogate(tmp_path, '"scac": "KCSM"', '"scac": "K\\ud800"')
    document = api.read(path.read_bytes())
    [finding] = [d for d in document.diagnostics if d.code == "MF008"]
    assert finding.severity is Severity.ERROR
    assert finding.location == "$.manifests[0].carrier.scac"
    assert finding.field == "carrier.scac"
    assert finding.value == "K\\ud800"
    assert "U+D800" in finding.message("en") and "U+D800" in finding.message("es")
    assert finding.line is not None and finding.column is not None
    line = path.read_text().splitlines()[finding.line - 1]
    assert line[finding.column - 1 :].startswith('"K\\ud800"')
    assert document.manifests[0].carrier is not None
    assert document.manifests[0].carrier.scac == "K\ufffd"


def test_a_lone_surrogate_in_a_key_names_the_entry_it_stands_for(tmp_path: Path) -> None:
    path = _with_lone_surrogate(
        tmp_path, '"trip_number": "QMTYLA27",', '"trip_number": "QMTYLA27", "extensions": {"x12.\\udc01": "v\\udfff"},'
    )
    document = api.read(path.read_bytes())
    found = {(d.field, d.value) for d in document.diagnostics if d.code == "MF008"}
    assert found == {("extensions[x12.\\udc01]", "x12.\\udc01"), ("extensions[x12.\\udc01]", "v\\udfff")}
    locations = {d.location for d in document.diagnostics if d.code == "MF008"}
    assert locations == {"$.manifests[0].extensions.x12.\\udc01"}
    assert dict(document.manifests[0].extensions) == {"x12.\ufffd": "v\ufffd"}


def test_lone_surrogates_outside_a_manifest_are_found_by_their_json_path(tmp_path: Path) -> None:
    path = _with_lone_surrogate(tmp_path, '"format": "manifest-json"', '"format": "\\ud800", "n\\udbff": ["\\ud800"]')
    findings = [d for d in api.read(path.read_bytes()).diagnostics if d.code == "MF008"]
    assert [(d.line, d.location, d.field) for d in findings] == [
        (2, "$.format", None),
        (2, "$.n\\udbff", None),
        (2, "$.n\\udbff[0]", None),
    ]


def test_a_surrogate_pair_and_an_escaped_backslash_are_text(tmp_path: Path) -> None:
    path = _with_lone_surrogate(tmp_path, '"train_id": "QMTYLA27"', '"train_id": "\\ud83d\\ude82 \\\\ud800"')
    document = api.read(path.read_bytes())
    assert not [d for d in document.diagnostics if d.code == "MF008"]
    assert document.manifests[0].conveyance is not None
    assert document.manifests[0].conveyance.train_id == "\U0001f682 \\ud800"


def test_no_lone_surrogate_of_a_json_file_reaches_the_model_or_a_finding(tmp_path: Path) -> None:
    tree = json.loads(RAIL_JSON.read_text())
    manifest = tree["manifests"][0]
    manifest["carrier"]["name"] = "\ud800" + manifest["carrier"]["name"]
    manifest["consignments"][0]["goods"][0]["description"] = "\udfff"
    manifest["extensions"] = {"\udc80": "\ud801"}
    manifest["\ud802"] = 1
    path = tmp_path / "train.manifest.json"
    path.write_text(json.dumps(tree), encoding="ascii")  # ensure_ascii: each surrogate as a \u escape
    document = api.read(path.read_bytes())
    assert len([d for d in document.diagnostics if d.code == "MF008"]) == 5
    assert not [t for t in _texts(document.manifests) if LONE_SURROGATE.search(t)]
    assert not [t for d in document.diagnostics for t in _finding_texts(d) if LONE_SURROGATE.search(t)]
    for target in FORMATS:
        assert api.convert(path.read_bytes(), target).written is None  # a source with errors is not converted


@pytest.mark.parametrize(
    "arguments",
    [
        *(["validate", "--output", output] for output in ("text", "json", "sarif", "junit", "github")),
        ["inspect"],
        ["inspect", "--output", "json"],
        *(["convert", "--to", target, "--allow-loss"] for target in FORMATS),
    ],
    ids=" ".join,
)
def test_no_command_fails_on_a_lone_surrogate(arguments: list[str], tmp_path: Path) -> None:
    path = _with_lone_surrogate(tmp_path, '"train_id": "QMTYLA27"', '"train_id": "\\ud800"')
    result = CliRunner().invoke(main, [arguments[0], str(path), *arguments[1:]])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert result.exit_code == (0 if arguments[0] == "inspect" else 1)
    if arguments[0] != "inspect":
        assert "MF008" in result.output


def _readable_sample(name: str) -> Path:
    return next(
        p
        for p in sorted(SAMPLES.rglob("*"))
        if p.is_file() and p.suffix != ".md" and api.read(p.read_bytes()).format == name
    )


@pytest.mark.parametrize("name", [name for name in FORMATS if name != "manifest-json"])
def test_no_other_reader_lets_a_lone_surrogate_through(name: str) -> None:
    """XML forbids a surrogate, as a character reference too (XML 1.0 section 4.1, Legal Character); the other
    formats are decoded from UTF-8 (whose decoder refuses the three bytes that would encode a surrogate, Unicode
    section 3.9 table 3-7), ISO 8859 or Windows-1252, none of which yields one."""
    sample = _readable_sample(name)
    data = sample.read_bytes()
    document = api.read(data)
    number = document.manifests[0].consignments[0].document_number
    # An ocean 309 holds the bill number without its issuer's SCAC in M1101 (the SCAC is in M1112).
    anchor = (number if number.encode() in data else number[4:]).encode()
    assert anchor in data, sample
    spellings = [b"\xed\xa0\x80", b"\xed\xbf\xbf"]  # D800 and DFFF as if UTF-8 could encode them (CESU-8, WTF-8)
    if data.lstrip().startswith(b"<"):
        spellings += [b"&#xD800;", b"&#55296;"]
    for spelling in spellings:
        broken = data.replace(anchor, anchor[:2] + spelling + anchor[2:], 1)
        try:
            read = api.read(broken, name)
        except ParseError as error:
            assert not [t for t in _finding_texts(error.diagnostic) if LONE_SURROGATE.search(t)], spelling
            continue
        assert not [t for t in _texts(read.manifests) if LONE_SURROGATE.search(t)], spelling
        assert not [t for d in read.diagnostics for t in _finding_texts(d) if LONE_SURROGATE.search(t)], spelling


def test_every_reporter_shows_a_lone_surrogate_a_program_put_in_a_finding() -> None:
    finding = Diagnostic(
        definition=message_of("MF101"),
        severity=Severity.ERROR,
        args={"path": "carrier.\ud800", "value": "\udfff", "expected": "text", "expected_es": "texto"},
        line=3,
        column=4,
        location="$.carrier.\ud800",
        field="carrier.\ud800",
        value="\udfff",
    )
    report = FileReport("train.manifest.json", "manifest-json", diagnostics=(finding,))
    for name, reporter in REPORTERS.items():
        for lang in ("en", "es"):
            shown = reporter([report], lang)
            shown.encode("utf-8")  # no lone surrogate left to fail on
            assert "\\ud800" in shown and "\\udfff" in shown, name


def test_a_sarif_address_keeps_the_bytes_of_a_file_name_that_is_not_utf8() -> None:
    name = b"train-\xff.manifest.json".decode("utf-8", "surrogateescape")  # as os.fsdecode gives it
    log = json.loads(REPORTERS["sarif"]([FileReport(name, "manifest-json")], "en"))
    assert log["runs"][0]["artifacts"][0]["location"]["uri"] == "train-%FF.manifest.json"
