"""The registries as a person reads them: rules fit the terminal, their messages without placeholders, a header
and 'no rules' for a mode without any; formats with what this installation reads and writes; --help whole."""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner

from manifest.cli import main
from manifest.requirements import rules
from manifest.rule_text import describe, readable
from tests.spanish_prose import ENGLISH_TERMS


@pytest.mark.parametrize("width", [80, 100, 140])
def test_rules_fit_the_terminal_width(width: int) -> None:
    output = CliRunner().invoke(main, ["rules"], env={"COLUMNS": str(width)}).output
    lines = output.splitlines()
    assert max(len(line) for line in lines) <= width
    # Every message is there whole, wrapped over the lines of its rule.
    codes = [line.split()[0] for line in lines[1:] if line[:1].strip()]
    assert codes == [rule.code for rule in rules()]


def test_rules_piped_keep_one_rule_a_line() -> None:
    lines = CliRunner().invoke(main, ["rules"], env={"COLUMNS": ""}).output.splitlines()
    assert len(lines) == 1 + len(rules())


def test_rule_messages_say_their_placeholders_in_words() -> None:
    output = CliRunner().invoke(main, ["rules", "--output", "json"]).output
    assert "$" not in "".join(row["message"] for row in json.loads(output)).replace("$‹", "")
    weight = next(r for r in rules() if r.code == "CBP-AIR-021")
    assert readable(weight.message_en, weight.fields).startswith("the bill's gross weight is required")
    assert readable(weight.message_es, weight.fields, "es").startswith("se requiere el peso bruto del conocimiento")
    parties = next(r for r in rules() if r.code == "CBP-RAIL-017")
    assert readable(parties.message_en, parties.fields) == "the shipper or the consignee is required"
    assert describe("consignments[*].parties[role=shipper|consignee].name") == "the shipper's or consignee's name"
    assert describe("departure.moment", "es") == "la fecha de la salida"
    assert readable("'$value' is not a Schedule D port", ()) == "‹value› is not a Schedule D port"


def test_every_rule_reads_without_a_placeholder_and_in_spanish_without_english() -> None:
    for rule in rules():
        english = readable(rule.message_en, rule.fields)
        spanish = readable(rule.message_es, rule.fields, "es")
        for text in (english, spanish):
            assert re.search(r"\$[A-Za-z{]", text) is None, (rule.code, text)
        prose = re.sub(r"'[^']*'|\S*[/@=_.]\S*", " ", spanish)
        assert not ENGLISH_TERMS.search(prose), (rule.code, spanish)
        assert " de el " not in spanish, (rule.code, spanish)


def test_a_selection_without_rules_has_a_header_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every mode has rules in every profile now (the identifier checks run everywhere): a catalogue that selects
    # nothing stands for a mode an agency has not written rules for.
    import manifest.requirements

    monkeypatch.setattr(manifest.requirements, "rules", lambda profile=None, mode=None: [])
    result = CliRunner().invoke(main, ["rules", "--mode", "road", "--profile", "sat"])
    assert result.exit_code == 0
    assert result.output.splitlines() == ["CODE  SEVERITY  MODES  PROFILES  MESSAGE  SOURCE", "no rules"]
    spanish = CliRunner().invoke(main, ["--lang", "es", "rules", "--mode", "road", "--profile", "sat"]).output
    assert spanish.splitlines()[1] == "ninguna regla"
    assert CliRunner().invoke(main, ["rules", "--mode", "road", "--profile", "sat", "--output", "json"]).output == (
        "[]\n"
    )


def test_formats_shows_what_it_reads_and_writes() -> None:
    output = CliRunner().invoke(main, ["formats"]).output
    heading, *lines = output.splitlines()
    assert heading.split()[:4] == ["NAME", "TITLE", "READ", "WRITE"]
    assert len(lines) == 8 and all(re.search(r"  yes +yes  ", line) for line in lines)
    rows = json.loads(CliRunner().invoke(main, ["formats", "--output", "json"]).output)
    assert {(row["read"], row["write"]) for row in rows} == {("yes", "yes")}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_help_lists_each_command_with_its_description_whole(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LC_ALL", "es_MX.UTF-8" if lang == "es" else "C.UTF-8")  # the help read below
    output = CliRunner().invoke(main, ["--help"]).output
    listing = " ".join(output.split("\n\n")[-1].split())
    assert "..." not in listing
    for command in main.commands.values():
        assert command.get_short_help_str() in listing, command.name
