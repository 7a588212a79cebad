"""Configuration per repository, and how profiles are chosen."""

from __future__ import annotations

import ast
import importlib
import io
import os
from dataclasses import replace
from pathlib import Path

import pytest

import manifest
from manifest import compiled
from manifest.api import validate, validate_stream
from manifest.diagnostics import Message, Severity
from manifest.formats.base import SourceMap
from manifest.model import Manifest, Mode
from manifest.requirements import (
    Config,
    ConfigError,
    ProfileError,
    config,
    evaluate,
    load_config,
    resolve_profile,
    rules,
)
from manifest.requirements.config import UNREADABLE
from manifest.requirements.documents import document_kind
from tests.conftest import SAMPLES
from tests.models.requirements import VALID


def _broken_rail() -> tuple[Manifest, str]:
    manifest = VALID[Mode.RAIL]()
    assert manifest.carrier is not None
    return replace(manifest, carrier=replace(manifest.carrier, scac="KC5M")), "CBP-RAIL-002"


def test_no_configuration_is_the_default(tmp_path: Path) -> None:
    assert load_config(tmp_path) == Config()


def test_dedicated_file_found_from_a_nested_path(tmp_path: Path) -> None:
    (tmp_path / ".manifest.toml").write_text(
        'profile = "cbp"\ndisable = ["CBP-RAIL-025"]\n[severity]\n"CBP-RAIL-002" = "warning"\n', encoding="utf-8"
    )
    nested = tmp_path / "rail" / "2026"
    nested.mkdir(parents=True)
    sample = nested / "train.309"
    sample.write_text("", encoding="utf-8")
    config = load_config(sample)
    assert config.profile == "cbp"
    assert config.disabled == frozenset({"CBP-RAIL-025"})
    assert config.severities == {"CBP-RAIL-002": Severity.WARNING}
    assert config.path == tmp_path / ".manifest.toml"


def test_pyproject_tool_section(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.manifest]\nprofile = "sat"\n[tool.manifest.severity]\n"SAT-CP-008" = "info"\n',
        encoding="utf-8",
    )
    config = load_config(tmp_path)
    assert config.profile == "sat" and config.severities == {"SAT-CP-008": Severity.INFO}


def test_pyproject_without_section_is_passed_over(tmp_path: Path) -> None:
    (tmp_path / ".manifest.toml").write_text('profile = "harmonized"\n', encoding="utf-8")
    inner = tmp_path / "inner"
    inner.mkdir()
    (inner / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    assert load_config(inner).profile == "harmonized"


def test_a_configuration_is_parsed_once_and_again_when_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(compiled.CACHE_VARIABLE, str(tmp_path / "cache"))
    parsed: list[Path] = []
    parse = config._parsed

    def counted(path: Path) -> dict[str, object]:
        parsed.append(path)
        return parse(path)

    monkeypatch.setattr(config, "_parsed", counted)
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\n[tool.manifest]\nprofile = "sat"\n')
    assert [load_config(tmp_path).profile for _ in range(2)] == ["sat", "sat"]
    assert parsed == [pyproject]  # the second start read it from the cache
    pyproject.write_text('[project]\nname = "x"\n[tool.manifest]\nprofile = "cbp"\n')
    os.utime(pyproject, ns=(1, 1))
    assert load_config(tmp_path).profile == "cbp"
    assert parsed == [pyproject, pyproject]


def test_dedicated_file_wins_in_one_folder(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.manifest]\nprofile = "sat"\n', encoding="utf-8")
    (tmp_path / ".manifest.toml").write_text('profile = "cbp"\n', encoding="utf-8")
    assert load_config(tmp_path).profile == "cbp"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('disable = ["CBP-RAIL-999"]\n', "unknown code(s) in 'disable': CBP-RAIL-999"),
        ('[severity]\n"XX-1" = "error"\n', "unknown code(s) in 'severity': XX-1"),
        ('[severity]\n"CBP-RAIL-001" = "fatal"\n', "severity of CBP-RAIL-001: unknown severity"),
        ('profile = "dea"\n', "unknown profile 'dea'"),
        ('disable = "CBP-RAIL-001"\n', "'disable' must be a list of codes"),
        ("rules = []\n", "unknown key(s) rules"),
        ("profile = \n", "cannot read the configuration"),
        ('disable = ["MF004"]\n', "code(s) in 'disable' that mean the file cannot be read cannot be configured: MF004"),
        ('[severity]\n"CP005" = "info"\n', "code(s) in 'severity' that mean the file cannot be read"),
    ],
)
def test_faults_are_one_line_errors_naming_the_file(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / ".manifest.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path)
    message = str(raised.value)
    assert expected in message and str(path) in message and "\n" not in message


def test_config_disables_and_changes_severity() -> None:
    manifest, code = _broken_rail()
    found = evaluate(manifest, SourceMap(), profile="cbp")
    assert [d.code for d in found] == [code] and found[0].severity is Severity.ERROR
    lowered = evaluate(manifest, SourceMap(), profile="cbp", config=Config(severities={code: Severity.WARNING}))
    assert [d.severity for d in lowered] == [Severity.WARNING]
    assert evaluate(manifest, SourceMap(), profile="cbp", config=Config(disabled=frozenset({code}))) == []


# A Carta Porte that declares three goods and carries two: CP202, a check of the reader, not a catalogue rule.
_MISCOUNTED = (
    (SAMPLES / "rail" / "northbound-nuevo-laredo.cartaporte.xml")
    .read_text(encoding="utf-8")
    .replace('NumTotalMercancias="3"', 'NumTotalMercancias="4"')
    .encode("utf-8")
)


def test_a_reader_s_code_can_be_disabled_or_given_another_severity(tmp_path: Path) -> None:
    assert "CP202" in [d.code for d in validate(_MISCOUNTED, format="carta-porte").diagnostics]
    (tmp_path / "pyproject.toml").write_text('[tool.manifest]\ndisable = ["CP202"]\n', encoding="utf-8")
    config = load_config(tmp_path)
    assert "CP202" not in [d.code for d in validate(_MISCOUNTED, format="carta-porte", config=config).diagnostics]
    (tmp_path / "pyproject.toml").write_text('[tool.manifest.severity]\n"CP202" = "warning"\n', encoding="utf-8")
    config = load_config(tmp_path)
    for report in (
        validate(_MISCOUNTED, format="carta-porte", config=config),
        validate_stream(io.BytesIO(_MISCOUNTED), format="carta-porte", config=config),
    ):
        assert [d.severity for d in report.diagnostics if d.code == "CP202"] == [Severity.WARNING]


def test_every_code_a_reader_raises_as_unreadable_is_listed() -> None:
    """UNREADABLE is written out (loading a configuration must not import every reader): each message that a
    module raises as ParseError is in it."""
    raised: set[str] = set()
    package = Path(manifest.__file__).parent
    for source in package.rglob("*.py"):
        module_name = ".".join(source.relative_to(package.parent).with_suffix("").parts).removesuffix(".__init__")
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "ParseError"):
                continue
            made = node.args[0]
            if isinstance(made, ast.Call) and isinstance(made.func, ast.Attribute) and made.func.attr == "at":
                made = made.func.value
            target = made.func if isinstance(made, ast.Call) else made
            found: object = importlib.import_module(module_name)
            for name in ast.unparse(target).split("."):
                found = getattr(found, name, None)
            if isinstance(found, Message):
                raised.add(found.code)
    assert {"MF004", "MF005", "CP005", "X12012"} <= raised
    assert raised <= UNREADABLE


@pytest.mark.parametrize(
    ("format_name", "extensions", "expected"),
    [
        ("x12-309", {"x12.ISA.08": "CBPRAIL        "}, "cbp"),
        ("x12-309", {"x12.ISA.08": "USCSACE"}, "cbp"),
        ("x12-309", {"x12.ISA.08": "VUCEMFERRO     "}, "sat"),
        ("x12-309", {"x12.ISA.08": "ZZZZ", "x12.GS.03": "SATMX"}, "sat"),
        ("x12-309", {"x12.ISA.08": "ANAMRAIL"}, "sat"),
        ("x12-309", {}, "cbp"),
        ("x12-358", {"x12.ISA.08": "CBPRAIL"}, "cbp"),
        ("carta-porte", {}, "sat"),
        ("cuscar", {}, "sat"),
        ("cargo-imp", {}, "cbp"),
        ("cargo-xml", {"cargo-xml.MessageHeaderDocument/RecipientParty/PrimaryID": "MEXVUCEM"}, "sat"),
        ("cargo-xml", {"cargo-xml.MessageHeaderDocument/RecipientParty/PrimaryID": "WASACAS"}, "cbp"),
        ("cargo-xml", {}, "harmonized"),
        ("manifest-json", {"x12.ISA.08": "CBPRAIL"}, "harmonized"),
        ("manifest-xml", {}, "harmonized"),
        ("some-new-format", {}, "harmonized"),
    ],
)
def test_auto_profile(format_name: str, extensions: dict[str, str], expected: str) -> None:
    manifest = replace(VALID[Mode.RAIL](), extensions=extensions)
    assert resolve_profile("auto", format_name, manifest) == expected


def test_named_profiles_pass_through_and_unknown_ones_fail() -> None:
    manifest = VALID[Mode.AIR]()
    for profile in ("cbp", "sat", "harmonized"):
        assert resolve_profile(profile, "cargo-xml", manifest) == profile
    with pytest.raises(ProfileError, match="unknown profile"):
        resolve_profile("dea", "cargo-xml", manifest)
    with pytest.raises(ProfileError):
        rules("auto")


@pytest.mark.parametrize(
    ("format_name", "extensions", "expected"),
    [
        ("x12-309", {}, "manifest"),
        ("x12-358", {}, "consist"),
        ("carta-porte", {}, "cfdi"),
        ("manifest-json", {"cargo-xml.message": "XFWB"}, "model"),
        ("cargo-imp", {"cargo-imp.message": "FWB"}, "waybill"),
        ("cargo-imp", {"cargo-imp.message": "FHL"}, "houses"),
        ("cargo-xml", {"cargo-xml.message": "XFZB"}, "houses"),
        ("cargo-xml", {"cargo-xml.message": "XFFM"}, "manifest"),
        ("cargo-xml", {}, "manifest"),
        (None, {"cargo-imp.message": "FFM"}, "manifest"),
        (None, {"cfdi.Fecha": "2026-11-20T08:00:00"}, "cfdi"),
        (None, {"x12.GS.01": "BD"}, "consist"),
        (None, {}, "model"),
    ],
)
def test_document_kind(format_name: str | None, extensions: dict[str, str], expected: str) -> None:
    assert document_kind(format_name, replace(VALID[Mode.AIR](), extensions=extensions)) == expected


def test_documents_select_rules() -> None:
    """A Carta Porte asks for the issuer's RFC; a CUSCAR, which has no place for it, is not asked."""
    manifest = replace(VALID[Mode.MARITIME](), carrier=None)
    assert "SAT-CP-001" in {d.code for d in evaluate(manifest, SourceMap(), profile="sat", format_name="carta-porte")}
    assert "SAT-CP-001" not in {d.code for d in evaluate(manifest, SourceMap(), profile="sat", format_name="cuscar")}
    # A value's form is checked in every document.
    assert manifest.conveyance is not None
    broken = replace(manifest, conveyance=replace(manifest.conveyance, imo_number="9321480"))
    for format_name in ("cuscar", "carta-porte", "manifest-json"):
        codes = {d.code for d in evaluate(broken, SourceMap(), profile="sat", format_name=format_name)}
        assert "ID-002" in codes, format_name


def test_validate_and_convert_on_the_command_line_obey_the_same_configuration(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from click.testing import CliRunner

    from manifest.cli import main

    source = tmp_path / "miscounted.cartaporte.xml"
    source.write_bytes(_MISCOUNTED)
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    refused = runner.invoke(main, ["convert", str(source), "--to", "manifest-json", "-o", str(tmp_path / "a.json")])
    assert refused.exit_code == 1 and "MF301" in refused.output and "CP202" in refused.output
    (tmp_path / "pyproject.toml").write_text('[tool.manifest.severity]\n"CP202" = "warning"\n', encoding="utf-8")
    assert runner.invoke(main, ["validate", str(source)]).exit_code == 0
    converted = runner.invoke(main, ["convert", str(source), "--to", "manifest-json", "-o", str(tmp_path / "b.json")])
    assert converted.exit_code == 0 and (tmp_path / "b.json").is_file()
