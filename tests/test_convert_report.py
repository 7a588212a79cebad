"""What `convert` tells a person and a program: the outcome in one line, the values not carried counted by what
holds them, every finding at its place with --verbose or in JSON, and a faulty source converted only when allowed,
and then said so."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from manifest import api, reporters
from manifest.cli import main
from manifest.conversion import LOSS_KINDS, count_by_kind, loss_kind
from manifest.i18n import words
from manifest.reporters import as_json, conversion_text, diagnostic_line
from tests.conftest import SAMPLES

RAIL_309 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
RAIL_JSON = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.json"
FAULTY = Path(__file__).parent / "data" / "negative" / "rail-weight-with-comma.manifest.json"
NOT_WELL_FORMED = Path(__file__).parent / "data" / "negative" / "air-not-well-formed.manifest.xml"
REPORT_KEYS = [
    "source",
    "format",
    "target",
    "written",
    "output",
    "from_faulty_source",
    "errors",
    "losses",
    "notes",
    "summary",
]


def _convert(*arguments: str) -> Result:
    return CliRunner().invoke(main, ["convert", *arguments])


def _outcome(source: Path, target: str, *, allow_errors: bool = False) -> api.Conversion:
    return api.convert(source.read_bytes(), target, name=source.name, allow_errors=allow_errors)


def _finding_keys() -> set[str]:
    """The keys of a finding in validate's JSON report."""
    report = api.validate(FAULTY.read_bytes(), path=str(FAULTY))
    return set(json.loads(as_json([report]))["files"][0]["diagnostics"][0])


# -- the line and the counts ------------------------------------------------------------------------------------


def test_the_report_is_one_line_then_the_losses_counted_by_kind(tmp_path: Path) -> None:
    conversion = _outcome(RAIL_309, "carta-porte")
    out = tmp_path / "out.xml"
    result = _convert(str(RAIL_309), "--to", "carta-porte", "-o", str(out), "--allow-loss")
    assert result.exit_code == 0
    assert result.stderr == ""  # written to a file: the report is the standard output
    first, *groups = result.stdout.splitlines()
    losses, notes = len(conversion.losses), len(conversion.notes)
    assert first == f"written to {out} as carta-porte: {losses} value(s) not carried, {notes} note(s)"
    counts = count_by_kind(conversion.losses)
    assert len(counts) > 4  # parties, goods, equipment, envelope... each on its own line
    assert [re.split(r"\s{2,}", line.strip()) for line in groups] == [
        [LOSS_KINDS[kind], str(count)] for kind, count in counts.items()
    ]
    assert sum(counts.values()) == losses
    assert out.is_file()


def test_without_o_the_result_goes_to_stdout_and_the_report_to_stderr() -> None:
    result = _convert(str(RAIL_309), "--to", "manifest-json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["format"] == "manifest-json"
    assert result.stderr == "written to standard output as manifest-json: 0 value(s) not carried, 0 note(s)\n"


def test_a_refused_conversion_says_why_and_what_would_write_it(tmp_path: Path) -> None:
    conversion = _outcome(RAIL_309, "cuscar")
    out = tmp_path / "out.edi"
    result = _convert(str(RAIL_309), "--to", "cuscar", "-o", str(out))
    assert result.exit_code == 1
    assert not out.exists()
    first = result.stdout.splitlines()[0]
    assert first == (
        f"nothing written: cuscar cannot carry {len(conversion.losses)} value(s) (use --allow-loss to write "
        f"anyway), {len(conversion.notes)} note(s)"
    )


def test_a_target_that_can_hold_nothing_of_the_source_writes_no_file(tmp_path: Path) -> None:
    """No bill of a train has an air waybill number, so Cargo-IMP can hold none of them: even with
    --allow-loss no file is written (an empty one is no message), the line says why and the command exits 1."""
    target = "cargo-imp"
    conversion = _outcome(RAIL_309, target)
    assert conversion.written is not None and conversion.written.data == b""
    out = tmp_path / "out"
    result = _convert(str(RAIL_309), "--to", target, "-o", str(out), "--allow-loss")
    assert result.exit_code == 1
    assert not out.exists()
    assert result.stdout.splitlines()[0] == (
        f"nothing written: {target} can hold nothing of the source: {len(conversion.losses)} value(s) not carried "
        f"(--verbose lists them), {len(conversion.notes)} note(s)"
    )
    to_stdout = _convert(str(RAIL_309), "--to", target, "--allow-loss", "--output", "json")
    assert to_stdout.exit_code == 1
    assert to_stdout.stdout == ""
    assert json.loads(to_stdout.stderr)["written"] is False


@pytest.mark.parametrize(
    ("field", "kind"),
    [
        ("consignments[0].parties[2]", "parties"),
        ("parties[1].address.city", "parties"),
        ("manifests[1].consignments[3].parties[0].tax_ids[0]", "parties"),
        ("consignments[1].goods[0].hazardous[0].packing_group", "goods"),
        ("consignments[1].goods[0].extensions[x12.N10.layout]", "goods"),
        ("consignments[1].goods", "goods"),
        ("consignments[0].equipment[1].seals", "equipment"),
        ("equipment[4].type_codes[0]", "equipment"),
        ("carrier.scac", "conveyance"),
        ("conveyance.train_id", "conveyance"),
        ("trip_number", "conveyance"),
        ("office_of_entry", "route"),
        ("arrival.place.code", "route"),
        ("consignments[0].place_of_loading", "route"),
        ("consignments[0].total_packages", "consignment"),
        ("consignments[0].extensions[x12.M11.06]", "consignment"),
        ("consignments", "consignment"),
        ("references[0]", "manifest"),
        ("extensions[x12.ISA.06]", "envelope"),
        ("manifests[2].extensions[x12.GS.03]", "envelope"),
        ("extensions[x12.separators]", "envelope"),
        ("extensions[cuscar.UNB.02]", "envelope"),
        ("extensions[cargo-xml.MessageHeaderDocument/SenderParty/PrimaryID]", "envelope"),
        ("extensions[cargo-imp.version]", "envelope"),
        ("extensions[cfdi.Sello]", "envelope"),
        ("extensions[x12.M10.07]", "format"),
        ("extensions[cartaporte.TotalDistRec]", "format"),
        ("extensions[cargo-imp.FLT]", "format"),
        ("Comprobante/@Fecha", "other"),
        (None, "other"),
    ],
)
def test_each_loss_is_counted_with_what_holds_it(field: str | None, kind: str) -> None:
    assert loss_kind(field) == kind


def test_every_kind_has_its_spanish() -> None:
    spanish = words("es")
    for label in LOSS_KINDS.values():
        assert spanish.pgettext("loss kind", label) != label, label


# -- the full list ----------------------------------------------------------------------------------------------


def test_verbose_lists_every_value_not_carried_and_every_note_at_its_place(tmp_path: Path) -> None:
    conversion = _outcome(RAIL_309, "carta-porte")
    arguments = [str(RAIL_309), "--to", "carta-porte", "-o", str(tmp_path / "out.xml"), "--allow-loss"]
    short = _convert(*arguments).stdout.splitlines()
    full = _convert(*arguments, "--verbose").stdout.splitlines()
    listed = [diagnostic_line(str(RAIL_309), d, "en") for d in (*conversion.losses, *conversion.notes)]
    assert full == listed + short
    assert not any(line.startswith(str(RAIL_309)) for line in short)


# -- JSON -------------------------------------------------------------------------------------------------------


def test_json_is_one_object_with_every_finding_in_validates_shape(tmp_path: Path) -> None:
    conversion = _outcome(RAIL_309, "carta-porte")
    out = tmp_path / "out.xml"
    result = _convert(str(RAIL_309), "--to", "carta-porte", "-o", str(out), "--allow-loss", "--output", "json")
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert list(report) == REPORT_KEYS
    assert (report["source"], report["format"], report["target"]) == (str(RAIL_309), "x12-309", "carta-porte")
    assert (report["written"], report["output"], report["from_faulty_source"]) == (True, str(out), False)
    assert report["errors"] == []
    findings = report["losses"] + report["notes"]
    assert {frozenset(finding) for finding in findings} == {frozenset(_finding_keys())}
    assert [(f["code"], f["field"], f["line"]) for f in report["losses"]] == [
        (d.code, d.field, d.line) for d in conversion.losses
    ]
    assert all(f["line"] is not None for f in report["losses"])  # each loss at its place in the source
    assert report["summary"] == {
        "errors": 0,
        "losses": len(conversion.losses),
        "notes": len(conversion.notes),
        "losses_by_kind": count_by_kind(conversion.losses),
    }


def test_json_without_o_goes_to_stderr_and_says_where_nothing_was_written() -> None:
    result = _convert(str(RAIL_309), "--to", "cuscar", "--output", "json")
    assert result.exit_code == 1
    assert result.stdout == ""
    report = json.loads(result.stderr)
    assert (report["written"], report["output"]) == (False, None)
    assert report["summary"]["losses"] == len(report["losses"]) > 0


# -- a source with errors ---------------------------------------------------------------------------------------


def test_a_faulty_source_is_not_converted_without_allow_errors(tmp_path: Path) -> None:
    conversion = _outcome(FAULTY, "manifest-xml")
    assert conversion.written is None and not conversion.from_faulty_source
    assert [d.code for d in conversion.diagnostics] == ["MF301", "MF101"]
    out = tmp_path / "out.xml"
    result = _convert(str(FAULTY), "--to", "manifest-xml", "-o", str(out))
    assert result.exit_code == 1
    assert not out.exists()
    *errors, last = result.stdout.splitlines()
    assert [line.split()[2] for line in errors] == ["MF301", "MF101"]
    assert last == "nothing written: the source has 1 error(s) (use --allow-errors to convert anyway)"
    report = json.loads(_convert(str(FAULTY), "--to", "manifest-xml", "-o", str(out), "--output", "json").stdout)
    assert (report["written"], report["from_faulty_source"]) == (False, False)
    assert [e["code"] for e in report["errors"]] == ["MF301", "MF101"]


def test_allow_errors_writes_and_marks_the_result_as_from_a_faulty_source(tmp_path: Path) -> None:
    conversion = _outcome(FAULTY, "manifest-xml", allow_errors=True)
    assert conversion.written is not None and conversion.from_faulty_source
    assert [d.code for d in conversion.errors] == ["MF101"] and conversion.diagnostics == ()
    out = tmp_path / "out.xml"
    result = _convert(str(FAULTY), "--to", "manifest-xml", "-o", str(out), "--allow-errors")
    assert result.exit_code == 0
    assert api.read(out.read_bytes()).format == "manifest-xml"
    error, last = result.stdout.splitlines()
    assert error == diagnostic_line(str(FAULTY), conversion.errors[0], "en")  # listed even without --verbose
    assert last == (
        f"written to {out} as manifest-xml: converted from a faulty source with 1 error(s), "
        "0 value(s) not carried, 0 note(s)"
    )
    report = json.loads(
        _convert(str(FAULTY), "--to", "manifest-xml", "-o", str(out), "--allow-errors", "--output", "json").stdout
    )
    assert (report["written"], report["from_faulty_source"]) == (True, True)
    assert [e["code"] for e in report["errors"]] == ["MF101"]
    assert report["errors"][0]["line"] == conversion.errors[0].line is not None
    assert report["summary"]["errors"] == 1


def test_allow_errors_lists_the_errors_with_the_losses_and_still_needs_allow_loss(tmp_path: Path) -> None:
    out = tmp_path / "out.xml"
    arguments = [str(FAULTY), "--to", "carta-porte", "-o", str(out), "--allow-errors", "--output", "json"]
    refused = json.loads(_convert(*arguments).stdout)
    assert (refused["written"], refused["from_faulty_source"]) == (False, True)
    assert refused["errors"] and refused["losses"]
    assert not out.exists()
    accepted = _convert(*arguments, "--allow-loss")
    assert accepted.exit_code == 0 and out.is_file()


def test_a_source_that_cannot_be_read_is_not_converted_even_with_allow_errors(tmp_path: Path) -> None:
    conversion = _outcome(NOT_WELL_FORMED, "manifest-json", allow_errors=True)
    assert conversion.written is None and conversion.source is None
    assert conversion.diagnostics[0].code == "MF301"
    result = _convert(str(NOT_WELL_FORMED), "--to", "manifest-json", "--allow-errors", "-o", str(tmp_path / "x"))
    assert result.exit_code == 1
    assert not (tmp_path / "x").exists()
    assert result.stdout.splitlines()[-1].startswith("nothing written: the source has 1 error(s)")


# -- Spanish ----------------------------------------------------------------------------------------------------


def test_the_report_is_spanish_in_a_spanish_run(tmp_path: Path) -> None:
    out = tmp_path / "out.xml"
    conversion = _outcome(RAIL_309, "carta-porte")
    result = _convert("--lang", "es", str(RAIL_309), "--to", "carta-porte", "-o", str(out), "--allow-loss")
    first, *groups = result.stdout.splitlines()
    assert first == (
        f"se escribió en {out} como carta-porte: {len(conversion.losses)} valor(es) que no se llevan, "
        f"{len(conversion.notes)} nota(s)"
    )
    assert [re.split(r"\s{2,}", line.strip())[0] for line in groups] == [
        words("es").pgettext("loss kind", LOSS_KINDS[kind]) for kind in count_by_kind(conversion.losses)
    ]
    assert "datos de las mercancías" in result.stdout and "goods" not in result.stdout
    faulty = _convert("--lang", "es", str(FAULTY), "--to", "manifest-xml", "-o", str(out), "--allow-errors")
    assert "convertido desde un origen defectuoso con 1 error(es)" in faulty.stdout
    refused = _convert("--lang", "es", str(FAULTY), "--to", "manifest-xml", "-o", str(tmp_path / "no.xml"))
    assert "no se escribió nada: el origen tiene 1 error(es) (use --allow-errors" in refused.stdout
    report = json.loads(
        _convert("--lang", "es", str(RAIL_309), "--to", "carta-porte", "--output", "json", "-o", str(out)).stdout
    )
    assert report["losses"][0]["message"] == conversion.losses[0].message("es") != conversion.losses[0].message("en")


def test_the_text_reporter_is_a_pure_function_of_the_conversion() -> None:
    conversion = _outcome(RAIL_JSON, "manifest-xml")
    first = conversion_text(conversion, "train.json", output=None, allow_loss=False, lang="es")
    assert first == conversion_text(conversion, "train.json", output=None, allow_loss=False, lang="es")
    assert first == "se escribió en la salida estándar como manifest-xml: 0 valor(es) que no se llevan, 0 nota(s)\n"


def test_every_wording_of_the_report_has_its_spanish() -> None:
    spanish = words("es")
    templates = [
        reporters.WRITTEN_TO,
        reporters.STANDARD_OUTPUT,
        reporters.NOTHING_WRITTEN,
        reporters.FAULTY_SOURCE,
        reporters.REFUSED_ERRORS,
        reporters.REFUSED_LOSSES,
        reporters.HOLDS_NOTHING,
        reporters.LEFT_BEHIND,
        reporters.NOTES,
    ]
    for template in templates:
        assert spanish.gettext(template) != template, template
