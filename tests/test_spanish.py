"""Spanish everywhere: no help text, heading, message or Click word without its translation, chosen by --lang or
the locale, and no English left in what a Spanish run prints.

The wording of each diagnostic code is checked where the codes are registered (tests/test_registry.py: both
languages, same placeholders); here: that the Spanish is really Spanish, and everything the catalogue carries.
"""

from __future__ import annotations

import ast
import gettext
import inspect
import json
import os
import pickle
import random
import re
import string
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

import manifest
from manifest.api import FileReport, validate
from manifest.cli import main
from manifest.codes import all_messages
from manifest.diagnostics import MESSAGES, Diagnostic, Severity
from manifest.formats import FORMATS
from manifest.i18n import WordedError, language_from_environment, words
from manifest.model import Direction, Mode
from manifest.po import Entry, catalogues, compile_mo, read_po
from manifest.reporters import REPORTERS
from manifest.requirements import ConfigError, rules
from manifest.rule_text import readable
from manifest.summary import LABELS
from tests.conftest import SAMPLES
from tests.spanish_prose import ENGLISH_TERMS, UNACCENTED

CATALOGUE = Path(__file__).parents[1] / "manifest" / "locale" / "es" / "LC_MESSAGES" / "manifest.po"
NEGATIVE = Path(__file__).parent / "data" / "negative"
RAIL_309 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
RAIL_358 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.358"
RAIL_JSON = next(SAMPLES.glob("rail/*.manifest.json"))
SPANISH_LOCALE = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "es_MX.UTF-8"}
ENGLISH_LOCALE = {"LC_ALL": "", "LC_MESSAGES": "", "LANG": "C.UTF-8"}
# Catalogue entries whose Spanish is rightly the English text itself.
SAME_IN_BOTH = {"Error: {message}", "Error: {e.message}", "{text} {deprecated_message}", "d", "error", "no"}
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\([a-z_]+\)[sd]")


# -- the catalogue ----------------------------------------------------------------------------------------------


def _entries() -> list[Entry]:
    return [entry for entry in read_po(CATALOGUE) if entry.msgid]


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def test_every_entry_is_translated_with_the_same_placeholders() -> None:
    entries = _entries()
    assert len(entries) > 150
    for entry in entries:
        assert not entry.fuzzy, entry.msgid
        forms = [entry.msgid] if entry.plural is None else [entry.msgid, entry.plural]
        assert len(entry.translations) == len(forms), entry.msgid
        for english, spanish in zip(forms, entry.translations, strict=True):
            assert spanish.strip(), f"line {entry.line}: {english!r} has no Spanish"
            assert _placeholders(spanish) == _placeholders(english), f"line {entry.line}: {english!r}"
            assert spanish != english or english in SAME_IN_BOTH, f"line {entry.line}: {english!r} left in English"


def test_no_entry_is_defined_twice() -> None:
    keys = [entry.key for entry in _entries()]
    assert len(keys) == len(set(keys)), {key for key in keys if keys.count(key) > 1}


def test_the_compiled_catalogues_are_current() -> None:
    assert catalogues() == [CATALOGUE]
    for po in catalogues():
        assert po.with_suffix(".mo").read_bytes() == compile_mo(read_po(po)), (
            f"{po.with_suffix('.mo')} is stale: run python -m manifest.po"
        )


def test_the_compiled_catalogue_reads_back_through_gettext() -> None:
    with CATALOGUE.with_suffix(".mo").open("rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    for entry in _entries():
        if entry.plural is not None:
            assert translations.ngettext(entry.msgid, entry.plural, 1) == entry.translations[0]
            assert translations.ngettext(entry.msgid, entry.plural, 3) == entry.translations[1]
        elif entry.context is not None:
            assert translations.pgettext(entry.context, entry.msgid) == entry.translations[0]
        else:
            assert translations.gettext(entry.msgid) == entry.translations[0]


def _click_messages() -> Iterator[tuple[str, str | None, str]]:
    """(singular, plural, where) for every literal string Click hands to gettext, read from Click's own source."""
    for module in sorted(Path(click.__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            texts = [a.value for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
            if node.func.id == "_" and texts:
                yield texts[0], None, f"{module.name}:{node.lineno}"
            elif node.func.id == "ngettext" and len(texts) == 2:
                yield texts[0], texts[1], f"{module.name}:{node.lineno}"


def test_every_word_click_says_is_in_the_catalogue() -> None:
    spanish = words("es")
    found = list(_click_messages())
    assert len(found) > 60
    for singular, plural, where in found:
        if plural is None:
            assert spanish.gettext(singular) != singular or singular in SAME_IN_BOTH, f"{where}: {singular!r}"
        else:
            assert spanish.ngettext(singular, plural, 2) != plural, f"{where}: {plural!r}"
    # Computed rather than literal in Click's source: the "required" of an option's help, the Path kinds.
    for word in ("required", "file", "directory", "path"):
        assert spanish.gettext(word) != word


def test_spanish_is_accented_and_uses_no_english() -> None:
    texts = [(f"{entry.msgid!r}", t) for entry in _entries() for t in entry.translations]
    texts += [(message.code, message.es) for message in all_messages()]
    for where, spanish in texts:
        # Placeholders, element paths and quoted values are not prose.
        prose = re.sub(r"\$\{?\w+\}?|\{[^{}]*\}|%\(\w+\)s|'[^']*'|\S*[/@=_.]\S*|--[\w-]+", " ", spanish)
        assert not UNACCENTED.search(prose), f"{where}: {spanish!r}"
        assert not ENGLISH_TERMS.search(prose), f"{where}: {spanish!r}"


def test_every_diagnostic_and_rule_has_spanish_of_its_own() -> None:
    all_messages()
    for code, message in MESSAGES.items():
        assert message.es.strip() and message.es != message.en, code
    for rule in rules():
        assert rule.message_es.strip() and rule.message_es != rule.message_en, rule.code
        assert MESSAGES[rule.code].es == rule.message_es


def test_every_name_shown_in_a_table_or_summary_has_spanish() -> None:
    spanish = words("es")
    for info in FORMATS.values():
        assert spanish.gettext(info.title) != info.title, info.name
        assert spanish.gettext(info.agency_use) != info.agency_use, info.name
    for severity in Severity:
        assert spanish.pgettext("severity", str(severity)) != str(severity) or severity == Severity.ERROR
    for mode in Mode:
        assert spanish.pgettext("mode", mode.value) != mode.value
    for direction in Direction:
        assert spanish.pgettext("direction", direction.value) != direction.value
    for key, label in LABELS.items():
        assert spanish.pgettext("inspect", label) != label, key


def _worded_errors() -> set[str]:
    all_messages()  # imports every module, so that every kind of error is known
    kinds: list[type[WordedError]] = [WordedError]
    for kind in kinds:
        kinds.extend(kind.__subclasses__())
    return {kind.__name__ for kind in kinds}


def test_every_worded_error_has_its_spanish() -> None:
    """Errors the command line reports (a bad configuration...) carry a catalogue template; each has Spanish."""
    names = _worded_errors()
    spanish = words("es")
    templates = []
    for module in sorted(Path(manifest.__file__).parent.rglob("*.py")):
        tree = ast.parse(module.read_text(encoding="utf-8"))
        constants = {
            target.id: statement.value.value
            for statement in tree.body
            if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Constant)
            for target in statement.targets
            if isinstance(target, ast.Name) and isinstance(statement.value.value, str)
        }
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in names:
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Name) and first.id in constants:
                    first = ast.Constant(constants[first.id])
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), f"{module}:{node.lineno}"
                templates.append((f"{module.name}:{node.lineno}", first.value))
    assert len(templates) >= 8
    for where, template in templates:
        assert spanish.gettext(template) != template, f"{where}: {template!r} has no Spanish"


def test_a_bad_configuration_is_reported_in_spanish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path(".manifest.toml").write_text('profile = "dea"\n[severity]\n"CBP-RAIL-001" = "fatal"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", "--lang", "es", str(RAIL_JSON.resolve())])
    assert result.exit_code == 2
    assert "perfil desconocido 'dea'; se esperaba uno de estos:" in result.output


def test_a_worded_error_keeps_its_template_across_processes() -> None:
    error = pickle.loads(pickle.dumps(ConfigError("{path}: [tool.manifest] must be a table", path="x/{a}.toml")))
    assert isinstance(error, ConfigError)
    assert error.said("es") == "x/{a}.toml: [tool.manifest] debe ser una tabla"
    assert str(error) == "x/{a}.toml: [tool.manifest] must be a table"


# -- the command line -------------------------------------------------------------------------------------------


def _commands() -> Iterator[tuple[str, click.Command]]:
    yield "manifest", main
    for name, command in sorted(main.commands.items()):
        yield f"manifest {name}", command


def _english(text: str | None) -> str:
    return inspect.cleandoc(text or "")


@pytest.fixture
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the Click objects hold when no language is chosen: the English of the code."""
    for name, value in ENGLISH_LOCALE.items():
        monkeypatch.setenv(name, value)


@pytest.mark.usefixtures("english")
def test_every_command_option_and_argument_has_its_spanish() -> None:
    spanish = words("es")
    for where, command in _commands():
        assert command.help, where
        assert spanish.gettext(_english(command.help)) != _english(command.help), where
        for param in command.params:
            if isinstance(param, click.Option):
                assert param.help, f"{where} {param.opts}: no help"
                assert spanish.gettext(_english(param.help)) != _english(param.help), f"{where} {param.opts}"
            if isinstance(param, click.Argument):
                metavar = param.make_metavar(click.Context(command))
                assert spanish.pgettext("metavar", metavar) != metavar, f"{where} {metavar}"
    assert spanish.pgettext("metavar", "[OPTIONS]") != "[OPTIONS]"
    assert spanish.pgettext("metavar", "COMMAND [ARGS]...") != "COMMAND [ARGS]..."


def _squeezed(text: str) -> str:
    """Without whitespace: help is wrapped (and hyphenated words split) to the terminal's width."""
    return re.sub(r"\s+", "", text)


@pytest.mark.usefixtures("english")
@pytest.mark.parametrize(("where", "command"), list(_commands()), ids=lambda value: str(value))
def test_help_is_all_spanish_under_lang_es(where: str, command: click.Command) -> None:
    english_help = {_english(command.help)} | {_english(p.help) for p in command.params if isinstance(p, click.Option)}
    args = [*where.split()[1:], "--help"]
    result = CliRunner().invoke(main, ["--lang", "es", *args])
    assert result.exit_code == 0, result.output
    shown = _squeezed(result.output)
    assert result.output.startswith("Uso: ")
    assert "Opciones:" in result.output
    assert "Muestra este mensaje y termina." in result.output
    for text in english_help:
        assert _squeezed(words("es").gettext(text)) in shown, text
        assert _squeezed(text) not in shown, text
    for word in ("Usage:", "Options:", "Show this message", "[OPTIONS]", "PATH", "FILE", "SOURCE", "INTEGER"):
        assert word not in result.output, word
    # The option may stand after the command too, and the locale says the same.
    assert CliRunner().invoke(main, [*args, "--lang", "es"]).output == result.output
    assert CliRunner().invoke(main, args, env=SPANISH_LOCALE).output == result.output


def test_the_group_lists_its_commands_in_spanish() -> None:
    result = CliRunner().invoke(main, ["--help"], env=SPANISH_LOCALE)
    assert "Comandos:" in result.output and "[OPCIONES] COMANDO [ARGUMENTOS]..." in result.output
    assert "Revisa que los manifiestos" in result.output
    # The rule for choosing the language is stated in the help itself.
    assert "LC_MESSAGES" in result.output and "--lang es" in result.output


def test_version_line() -> None:
    assert CliRunner().invoke(main, ["--version", "--lang", "es"]).output.startswith("manifest, versión ")
    assert CliRunner().invoke(main, ["--version"], env=ENGLISH_LOCALE).output.startswith("manifest, version ")


@pytest.mark.parametrize(
    ("args", "spanish"),
    [
        (["validate"], "Error: Falta el argumento 'RUTAS...'."),
        (["validate", "--bogus", "x"], "Error: No existe la opción"),  # Click 8.4 quotes the name, 8.2 adds a colon
        (["validate", "--output", "yaml", "x"], "Error: Valor no válido para '--output': 'yaml' no es ninguno de"),
        (["validate", "--jobs", "0", "x"], "no está en el intervalo x>=1."),
        (["frobnicate"], "Error: No existe el comando 'frobnicate'."),
        (["convert", "x.json"], "Error: Falta la opción '--to'."),
        (["inspect", "/no/such/file.x12"], "manifest: no se puede leer /no/such/file.x12: No existe el archivo"),
    ],
)
def test_usage_errors_are_spanish(args: list[str], spanish: str) -> None:
    result = CliRunner().invoke(main, ["--lang", "es", *args])
    assert result.exit_code == 2
    assert spanish in result.output
    assert "Pruebe '" in result.output or "manifest:" in result.output


def test_locale_precedence(monkeypatch: pytest.MonkeyPatch) -> None:
    assert language_from_environment({"LANG": "es_MX.UTF-8"}) == "es"
    assert language_from_environment({"LC_MESSAGES": "es_ES", "LANG": "en_US.UTF-8"}) == "es"
    assert language_from_environment({"LC_ALL": "en_US.UTF-8", "LANG": "es_MX.UTF-8"}) == "en"
    assert language_from_environment({"LC_ALL": "", "LANG": "es"}) == "es"
    assert language_from_environment({}) == "en"
    runner = CliRunner()
    assert runner.invoke(main, ["formats", "--lang", "en"], env=SPANISH_LOCALE).output.startswith("NAME")
    assert runner.invoke(main, ["formats"], env={**ENGLISH_LOCALE, "LC_MESSAGES": "es_MX"}).output.startswith("NOMBRE")
    # LANGUAGE alone (read by gettext, not by POSIX locale rules) does not make the tool Spanish.
    assert runner.invoke(main, ["formats"], env={**ENGLISH_LOCALE, "LANGUAGE": "es"}).output.startswith("NAME")


def test_a_run_leaves_the_process_gettext_state_as_it_found_it() -> None:
    domain = gettext.textdomain()
    language = os.environ.get("LANGUAGE")
    CliRunner().invoke(main, ["--lang", "es", "validate", "--help"])
    assert gettext.textdomain() == domain
    assert os.environ.get("LANGUAGE") == language
    assert gettext.gettext("Usage:") == "Usage:" or language


# -- what the commands print ------------------------------------------------------------------------------------


def test_validate_text_report_in_spanish() -> None:
    result = CliRunner().invoke(main, ["validate", str(NEGATIVE)], env=SPANISH_LOCALE)
    assert result.exit_code == 1
    assert result.output.endswith("3 archivo(s) revisado(s): 3 error(es), 0 advertencia(s)\n")
    assert "no es válido" in result.output and "file(s)" not in result.output


def test_formats_table_in_spanish() -> None:
    output = CliRunner().invoke(main, ["--lang", "es", "formats"]).output
    heading = ["NOMBRE", "TÍTULO", "LEE", "ESCRIBE", "USO", "POR", "LAS", "AUTORIDADES"]
    assert output.splitlines()[0].split() == heading
    assert " sí " in output.splitlines()[1] and " yes " not in output
    assert "Manifiesto aduanero ANSI X12 309" in output and "ventanilla única" in output
    assert "Customs Manifest" not in output and "every mode" not in output
    # JSON keeps its keys for programs.
    rows = json.loads(CliRunner().invoke(main, ["--lang", "es", "formats", "--output", "json"]).output)
    assert {"name", "title", "read", "write", "agency use"} == set(rows[0])


def test_rules_table_in_spanish() -> None:
    output = CliRunner().invoke(main, ["rules", "--mode", "rail", "--lang", "es"], env={"COLUMNS": ""}).output
    heading, *lines = output.splitlines()
    assert heading.split() == ["CÓDIGO", "SEVERIDAD", "MODOS", "PERFILES", "MENSAJE", "FUENTE"]
    assert "ferroviario" in output and "rail" not in " ".join(line.split("  ")[2] for line in lines[:3])
    spanish_messages = {readable(rule.message_es, rule.fields, "es") for rule in rules(mode=Mode.RAIL)}
    assert all(any(message in line for message in spanish_messages) for line in lines)
    assert re.search(r"\b(warning|info)\b", output) is None


def test_inspect_in_spanish() -> None:
    output = CliRunner().invoke(main, ["inspect", "--lang", "es", str(RAIL_JSON)]).output.partition("\n")[2]
    for label in ("manifiesto 1", "modo:", "ferroviario", "transportista:", "embarques:", "equipo:", "peso bruto:"):
        assert label in output, label
    for label in ("carrier", "consignments", "gross weight", "manifest 1", "rail"):
        assert label not in output, label


def test_crosscheck_and_ack_in_spanish(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["crosscheck", "--lang", "es", str(RAIL_358), str(RAIL_309)])
    assert result.output.endswith("2 archivo(s) revisado(s): 0 error(es), 0 advertencia(s)\n")
    copy = tmp_path / "train.309"
    copy.write_bytes(RAIL_309.read_bytes())
    refused = CliRunner().invoke(main, ["ack", str(copy), "-o", str(copy)], env=SPANISH_LOCALE)
    assert refused.exit_code == 2
    assert "no se sobrescribe el archivo de origen" in refused.output


def test_convert_messages_in_spanish(tmp_path: Path) -> None:
    out = tmp_path / "train.cartaporte.xml"
    refused = CliRunner().invoke(
        main, ["convert", "--lang", "es", str(RAIL_309), "--to", "carta-porte", "-o", str(out), "--verbose"]
    )
    assert refused.exit_code == 1
    assert "no se escribió nada: carta-porte no puede llevar" in refused.stdout
    assert "CP404" in refused.output and "cannot carry" not in refused.output
    assert not out.exists()


# -- every report format ----------------------------------------------------------------------------------------


def _one_of_each_severity() -> FileReport:
    all_messages()
    diagnostics: list[Diagnostic] = []
    for severity in Severity:
        message = next(m for m in MESSAGES.values() if m.severity == severity and "$" not in m.en)
        diagnostics.append(message(line=3, column=7, field="trip_number"))
    return FileReport("train.x12", None, diagnostics=tuple(diagnostics))


def _human_texts(output: str, *, findings_only: bool = False) -> list[str]:
    """What a person reads in a report; names a machine matches on (``::warning``, ``"level": "warning"``, JSON
    keys) are part of each format's contract and stay as they are. ``findings_only`` leaves out the descriptions
    of the codes (SARIF's rules), which are the templates themselves."""
    if output.lstrip().startswith("{"):
        found: list[str] = []

        def collect(node: object, key: str = "", within: tuple[str, ...] = ()) -> None:
            if isinstance(node, dict):
                for name, value in node.items():
                    collect(value, name, (*within, name))
            elif isinstance(node, list):
                for value in node:
                    collect(value, key, within)
            elif isinstance(node, str) and key in ("message", "text", "markdown"):
                found.extend(() if findings_only and "rules" in within else (node,))

        collect(json.loads(output))
        return found
    if output.startswith("<!DOCTYPE html>"):
        return _html_texts(output)
    if output.startswith("<?xml"):
        return re.findall(r'message="([^"]*)"', output) + re.findall(r">([^<]+)</failure>", output)
    return [line.split("::", 2)[2] if line.startswith("::") else line for line in output.splitlines()]


def _html_texts(page: str) -> list[str]:
    """The text a person reads on an HTML page: the text of its elements, not its style, script or markup."""
    from html.parser import HTMLParser

    texts: list[str] = []

    class Reader(HTMLParser):
        within = ""

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.within = tag if tag in ("style", "script") else self.within

        def handle_endtag(self, tag: str) -> None:
            self.within = "" if tag == self.within else self.within

        def handle_data(self, data: str) -> None:
            if not self.within and data.strip():
                texts.append(data.strip())

    Reader().feed(page)
    return texts


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_no_english_heading_in_a_spanish_report(name: str) -> None:
    report = _one_of_each_severity()
    clean = FileReport(str(RAIL_JSON), "manifest-json")
    shown = "\n".join(_human_texts(REPORTERS[name]([report, clean], "es")))
    english_words = {
        entry.msgid
        for entry in read_po(CATALOGUE)
        if entry.context in ("severity", "format") and entry.msgid != "error"
    }
    for diagnostic in report.diagnostics:
        assert diagnostic.message("es") in shown, (name, diagnostic.code)
        assert diagnostic.message("en") not in shown, (name, diagnostic.code)
    for word in (*english_words, "file(s) checked", "warning(s)"):
        assert re.search(rf"\b{re.escape(word)}\b", shown) is None, (name, word)
    if not name.endswith("json") and name != "sarif":  # JSON keeps the summary as numbers
        assert "archivo(s) revisado(s)" in shown or "aviso" in shown, name


@pytest.mark.parametrize("name", sorted(REPORTERS))
def test_every_finding_of_the_negative_samples_renders_in_spanish(name: str) -> None:
    result = CliRunner().invoke(main, ["validate", "--lang", "es", "--output", name, str(NEGATIVE)])
    assert result.exit_code == 1
    for text in _human_texts(result.output, findings_only=True):
        assert re.search(r"\$\{?[a-z]", text) is None, text  # no template left unfilled
    assert "expected decimal" not in result.output and "is not valid" not in result.output


def _broken_copies(data: bytes, rng: random.Random) -> Iterator[bytes]:
    yield data
    for _ in range(6):
        yield data[: rng.randrange(len(data))]
    for _ in range(6):
        copy = bytearray(data)
        for _ in range(3):
            copy[rng.randrange(len(copy))] = rng.choice(b"~*'+:<>/\"&\n0A ")
        yield bytes(copy)


def test_findings_on_broken_files_fill_every_placeholder_of_both_wordings() -> None:
    """A finding made without the Spanish of a value (``$reason_es``) would print the placeholder itself."""
    all_messages()
    rng = random.Random(9)
    files = [p for p in sorted(SAMPLES.rglob("*")) if p.is_file() and p.suffix != ".md"]
    codes = set()
    for path in [*files, *sorted(NEGATIVE.iterdir())]:
        for data in _broken_copies(path.read_bytes(), rng):
            for diagnostic in validate(data, path=path.name).diagnostics:
                codes.add(diagnostic.code)
                message = MESSAGES[diagnostic.code]
                for template in (message.en, message.es):
                    named = {m[1] or m[2] for m in string.Template.pattern.findall(template) if m[1] or m[2]}
                    assert named <= set(diagnostic.args), (path.name, diagnostic.code, named - set(diagnostic.args))
    assert len(codes) > 40


def test_the_spanish_summary_line_fills_every_placeholder() -> None:
    line = words("es").gettext("{files} file(s) checked: {errors} error(s), {warnings} warning(s)")
    fields = {name for _, name, _, _ in string.Formatter().parse(line) if name}
    assert fields == {"files", "errors", "warnings"}


def _english_titles() -> set[str]:
    """Every title the project keeps in English: the formats' and the X12 transaction sets'."""
    from manifest.formats.x12.ts309 import TITLES

    return {*TITLES.values(), *(info.title for info in FORMATS.values())}


@pytest.mark.parametrize("set_id", ["309", "310", "315", "350", "353", "355", "358", "997", "999"])
def test_no_english_title_inside_a_spanish_finding(set_id: str) -> None:
    """A finding that names a transaction set, read as a 309 or a 358, names it in Spanish: no title in English,
    and no English word, in a Spanish message."""
    from manifest.formats.x12.ack import acknowledge

    data = RAIL_309.read_bytes().replace(b"ST*309*", f"ST*{set_id}*".encode())
    found = [*validate(data, path="set.x12").diagnostics, *validate(data, format="x12-358").diagnostics]
    assert set_id in ("309", "358") or any(d.code == "X12205" for d in found)
    for diagnostic in found:
        spanish = diagnostic.message("es")
        for title in _english_titles():
            assert title not in spanish, (diagnostic.code, spanish)
        prose = re.sub(r"'[^']*'|\S*[/@=_.]\S*", " ", spanish)
        assert not ENGLISH_TERMS.search(prose), (diagnostic.code, spanish)
    acknowledge(data)  # the 997 is made from the same finding, its Spanish filled too


def test_every_spanish_finding_of_the_samples_is_free_of_english_titles() -> None:
    rng = random.Random(20)
    files = [p for p in sorted(SAMPLES.rglob("*")) if p.is_file() and p.suffix != ".md"]
    for path in files:
        for data in _broken_copies(path.read_bytes(), rng):
            for diagnostic in validate(data, path=path.name).diagnostics:
                spanish = diagnostic.message("es")
                assert not any(title in spanish for title in _english_titles()), (path.name, spanish)
