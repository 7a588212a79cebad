"""Single window: the documents of one movement reconciled. The sample sets agree; a variant of each with one
disagreement gives exactly that finding, at its place in both files; the catalogue's reconcile rules fire on their
failing examples and on nothing else; order, duplicates, read faults and configuration behave as a user expects."""

from __future__ import annotations

import dataclasses
import json
import pickle
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

import manifest
from manifest import formats
from manifest.api import FileReport
from manifest.cli import main
from manifest.diagnostics import Diagnostic, Related, Severity
from manifest.formats.base import Document
from manifest.model import Equipment, EquipmentKind, Mode, Quantity
from manifest.reporters import as_json, sarif_log, text
from manifest.requirements import Config, Rule
from manifest.requirements.definitions import load_catalogue
from manifest.requirements.examples import apply_example
from manifest.singlewindow import reconcile, reconcile_documents
from manifest.singlewindow.goods import same_package_kind
from manifest.singlewindow.identity import bill_key, description_key, equipment_key, flight_key, party_name_key
from tests.models.requirements import VALID

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
VARIANTS = Path(__file__).resolve().parent / "data" / "reconcile"
RAIL = SAMPLES / "rail"
TRAIN_309 = RAIL / "northbound-train-kcsm-qmtyla27.synthetic.309"
TRAIN_358 = RAIL / "northbound-train-kcsm-qmtyla27.synthetic.358"
TRAIN_CP = RAIL / "northbound-nuevo-laredo.cartaporte.xml"
VESSEL_309 = SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.synthetic.309"
VESSEL_CUSCAR = SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.cuscar"
AIR = SAMPLES / "air"
XFWB_CONSOLIDATION = AIR / "northbound-flight-am0642-awb-139-12345675.xfwb.xml"
XFWB_ROSES = AIR / "northbound-flight-am0642-awb-139-24681016.xfwb.xml"
XFFM = AIR / "northbound-flight-am0642-mex-lax.xffm.xml"
FLIGHT_CP = AIR / "northbound-flight-am0642-awb-139-24681016.cartaporte.xml"
ROAD = SAMPLES / "road"
TRUCK_309 = ROAD / "northbound-truck-lrdy0731.synthetic.309"
TRUCK_358 = ROAD / "northbound-truck-lrdy0731.synthetic.358"
TRUCK_CP = ROAD / "northbound-truck-lrdy0731.cartaporte.xml"

SETS = {
    "train: 309 + 358 + Carta Porte": [TRAIN_309, TRAIN_358, TRAIN_CP],
    "vessel: ACE 309 + CUSCAR": [VESSEL_309, VESSEL_CUSCAR],
    "truck: ACE truck 309 + 358 + Carta Porte autotransporte": [TRUCK_309, TRUCK_358, TRUCK_CP],
    "truck: the model + Carta Porte autotransporte": [ROAD / "northbound-truck-lrdy0731.manifest.json", TRUCK_CP],
    "flight: XFWB + XFFM + Carta Porte": [XFWB_CONSOLIDATION, XFWB_ROSES, XFFM, FLIGHT_CP],
    "flight: FWB + FFM + Carta Porte": [
        AIR / "northbound-flight-am0642-awb-139-12345675.fwb",
        AIR / "northbound-flight-am0642-awb-139-24681016.fwb",
        AIR / "northbound-flight-am0642-mex-lax.ffm",
        FLIGHT_CP,
    ],
    "flight: Cargo-IMP, Cargo-XML and the model together": [
        AIR / "northbound-flight-am0642-awb-139-24681016.fwb",
        XFFM,
        AIR / "northbound-flight-am0642-hawb-mex26110001.xfzb.xml",
        AIR / "northbound-flight-am0642-consolidation-139-12345675.xfhl.xml",
        AIR / "northbound-flight-am0642-mex-lax.manifest.json",
    ],
}

RECONCILE_RULES = tuple(rule for rule in load_catalogue() if rule.kind == "reconcile")


def _reports(paths: list[Path], config: Config | None = None) -> tuple[FileReport, ...]:
    return reconcile([p.read_bytes() for p in paths], names=[str(p) for p in paths], config=config)


def _findings(reports: tuple[FileReport, ...]) -> list[tuple[str, Diagnostic]]:
    return [(report.path, d) for report in reports for d in report.diagnostics]


@pytest.mark.parametrize("paths", list(SETS.values()), ids=list(SETS))
def test_each_sample_set_reconciles_clean_in_any_order(paths: list[Path]) -> None:
    assert _findings(_reports(paths)) == []
    assert _findings(_reports(list(reversed(paths)))) == []


def _one(reports: tuple[FileReport, ...]) -> list[tuple[str, str, int | None, int | None, tuple[Related, ...]]]:
    return [(path, d.code, d.line, d.column, d.related) for path, d in _findings(reports)]


def test_a_train_whose_carta_porte_weighs_a_bill_differently() -> None:
    variant = VARIANTS / "train-weight-differs.cartaporte.xml"
    reports = _reports([TRAIN_309, TRAIN_358, variant])
    assert _one(reports) == [
        (
            str(TRAIN_309),
            "HM-REC-011",
            7,
            31,
            (
                Related(
                    str(variant),
                    22,
                    160,
                    "/cfdi:Comprobante/cfdi:Complemento/cartaporte31:CartaPorte/cartaporte31:Mercancias/"
                    "cartaporte31:Mercancia[1]/@PesoEnKg",
                    "consignments[0].goods[0].gross_weight",
                ),
            ),
        )
    ]
    (finding,) = reports[0].diagnostics
    assert finding.message() == f"bill KCSM26110451 weighs 92400 KGM here but 93400 KGM in {variant}"
    assert (finding.location, finding.field) == ("M11-05", "consignments[0].gross_weight")


_FIGURE = "/cfdi:Comprobante/cfdi:Complemento/cartaporte31:CartaPorte/cartaporte31:FiguraTransporte/"


def test_a_truck_whose_carta_porte_names_another_driver() -> None:
    """The driver of the ACE e-manifest's NM1 (family and given names apart) against the Carta Porte's Operador
    (NombreFigura whole): each finding stands in an e-manifest at its NM1 and names the figure in the Carta Porte."""
    variant = VARIANTS / "truck-driver-differs.cartaporte.xml"
    figure = Related(str(variant), 35, 9, f"{_FIGURE}cartaporte31:TiposFigura", "crew[0]")
    reports = _reports([variant, TRUCK_358, TRUCK_309])
    assert _one(reports) == [
        (str(TRUCK_358), "HM-REC-021", 6, 5, (figure,)),
        (str(TRUCK_309), "HM-REC-021", 6, 5, (figure,)),
    ]
    finding = reports[1].diagnostics[0]
    assert finding.message() == f"the driver is JUAN GARZA here but PEDRO GARZA in {variant}"
    assert (finding.location, finding.field) == ("NM1-01", "crew[0]")


def test_a_truck_whose_carta_porte_weighs_the_shipment_differently(tmp_path: Path) -> None:
    """A road Carta Porte has no shipment number of its own (its note is known by IdCCP): facing one shipment, the
    two are compared as one bill, and a weight that differs is found at both places; facing two, it is matched
    with neither and reported missing from neither."""
    heavier = tmp_path / "heavier.cartaporte.xml"
    text = TRUCK_CP.read_text(encoding="utf-8")
    heavier.write_text(text.replace('="8400"', '="8900"'), encoding="utf-8")  # PesoEnKg and PesoBrutoTotal
    reports = _reports([TRUCK_309, heavier])
    ((path, finding),) = _findings(reports)
    assert (path, finding.code, finding.location, finding.value) == (str(TRUCK_309), "HM-REC-011", "M11-05", "8400 KGM")
    (related,) = finding.related
    assert (related.path, related.line, related.field) == (
        str(heavier),
        22,
        "consignments[0].goods[0].gross_weight",
    )
    two = manifest.read(TRUCK_309.read_bytes()).manifests[0]
    second = dataclasses.replace(two.consignments[0], document_number="LRDY2612050002")
    two = dataclasses.replace(two, consignments=(two.consignments[0], second))
    document = manifest.read(TRUCK_CP.read_bytes())
    found = reconcile_documents([("two", Document("manifest-json", (two,)), ()), ("cp", document, ())])
    assert _findings(found) == []


def test_a_vessel_call_whose_cuscar_declares_another_hs_code() -> None:
    variant = VARIANTS / "vessel-hs-code-differs.cuscar"
    reports = _reports([variant, VESSEL_309])
    ((path, finding),) = _findings(reports)
    assert (path, finding.code, finding.line, finding.column, finding.location) == (
        str(variant),
        "HM-REC-013",
        52,
        6,
        "CST(51)-02-1",
    )
    assert finding.value == "731816" and finding.args["other"] == "731815"
    # The related place is the HS code of the line the CUSCAR's line is matched with (by description).
    assert finding.related == (Related(str(VESSEL_309), 30, 44, "N10-05", "consignments[1].goods[0].hs_code"),)


def test_a_flight_whose_air_waybill_weighs_more_than_its_manifest_and_carta_porte() -> None:
    """A disagreement of values stands in the document ranked first (the flight manifest before the waybill, the
    waybill before the Carta Porte), whatever the order of the arguments."""
    variant = VARIANTS / "flight-weight-differs.xfwb.xml"
    for paths in ([XFWB_CONSOLIDATION, variant, XFFM, FLIGHT_CP], [FLIGHT_CP, XFFM, variant, XFWB_CONSOLIDATION]):
        found = {
            (path, d.code, d.line, d.value, d.related[0].path, d.related[0].line)
            for path, d in _findings(_reports(paths))
        }
        assert found == {
            (str(XFFM), "HM-REC-011", 100, "930 KGM", str(variant), 25),
            (str(variant), "HM-REC-011", 25, "980 KGM", str(FLIGHT_CP), 22),
        }


def test_a_consist_and_its_manifest_disagreeing_on_a_bill_and_a_car() -> None:
    """The 358 names a bill the 309 does not and carries a car the 309 does not put the bill in: every finding
    stands in the file that has the part and names the file that lacks it."""
    consist = TRAIN_358.read_bytes().replace(b"MBL*KCSM*KCSM26110452", b"MBL*KCSM*KCSM26110999")
    consist = consist.replace(b"VID*RR*TFM*654321", b"VID*RR*TFM*654322")
    reports = reconcile([consist, TRAIN_309.read_bytes()], names=["train.358", "train.309"])
    assert [(p, d.code, d.line, d.value, d.related[0].path, d.related[0].line) for p, d in _findings(reports)] == [
        ("train.358", "HM-REC-009", 7, "TFM654322", "train.309", 17),
        ("train.358", "HM-REC-008", 11, "KCSM26110999", "train.309", 6),
        ("train.309", "HM-REC-009", 19, "TFM654321", "train.358", 7),
        ("train.309", "HM-REC-010", 19, "TFM654321", "train.358", 6),
        ("train.309", "HM-REC-008", 22, "KCSM26110452", "train.358", 7),
    ]


def test_a_carta_porte_departing_after_the_flight_arrived() -> None:
    """The Carta Porte of the flight's waybill says it left Mexico City the day after the flight manifest's arrival."""
    late = FLIGHT_CP.read_bytes()
    for moment in (b"2026-11-27T01:10:00", b"2026-11-27T03:55:00"):
        late = late.replace(
            b'FechaHoraSalidaLlegada="' + moment, b'FechaHoraSalidaLlegada="' + moment.replace(b"27T", b"28T")
        )
    reports = reconcile([late, XFFM.read_bytes()], names=["flight.cartaporte.xml", "flight.xffm.xml"])
    found = [(p, d.code, d.line, d.value, d.args["other"], d.related[0].line) for p, d in _findings(reports)]
    assert found == [
        ("flight.cartaporte.xml", "HM-REC-006", 14, "2026-11-28", "2026-11-27", 41),
        ("flight.xffm.xml", "HM-REC-005", 41, "2026-11-27", "2026-11-28", 17),
    ]


def test_arguments_in_any_order_give_the_same_findings() -> None:
    variant = VARIANTS / "train-weight-differs.cartaporte.xml"
    forward = _findings(_reports([TRAIN_309, TRAIN_358, variant]))
    backward = _findings(_reports([variant, TRAIN_358, TRAIN_309]))
    assert {(p, d.code, d.line, d.related) for p, d in forward} == {(p, d.code, d.line, d.related) for p, d in backward}
    assert forward


def test_the_read_faults_of_an_input_are_reported_and_fail_the_run() -> None:
    """A 358 whose SE count is wrong does not reconcile silently: its own finding is in its report."""
    broken = TRAIN_358.read_bytes().replace(b"SE*10*", b"SE*11*")
    assert broken != TRAIN_358.read_bytes()
    reports = reconcile([broken, TRAIN_309.read_bytes()], names=["train.358", "train.309"])
    assert [(d.code, d.line) for d in reports[0].diagnostics] == [("X12005", 12)]
    assert not reports[0].passes()
    assert reports[1].diagnostics == ()


def test_content_in_no_known_format_is_reported_and_the_others_still_reconciled() -> None:
    reports = reconcile([b"not a manifest", TRAIN_309.read_bytes(), TRAIN_358.read_bytes()])
    assert [d.code for d in reports[0].diagnostics] == ["MF004"]
    assert reports[0].format is None
    assert reports[1].diagnostics == reports[2].diagnostics == ()


def test_a_rule_is_turned_off_or_regraded_by_the_configuration() -> None:
    variant = VARIANTS / "vessel-hs-code-differs.cuscar"
    assert _findings(_reports([VESSEL_309, variant], Config(disabled=frozenset({"HM-REC-013"})))) == []
    regraded = _reports([VESSEL_309, variant], Config(severities={"HM-REC-013": Severity.WARNING}))
    ((_, finding),) = _findings(regraded)
    assert finding.severity is Severity.WARNING and all(report.passes() for report in regraded)


def test_the_library_entry_point_is_manifest_reconcile() -> None:
    reports = manifest.reconcile([TRAIN_358.read_bytes(), TRAIN_309.read_bytes()])
    assert [(r.path, r.format) for r in reports] == [("1", "x12-358"), ("2", "x12-309")]
    with pytest.raises(ValueError, match="names"):
        manifest.reconcile([TRAIN_358.read_bytes()], names=["a", "b"])


def test_related_places_survive_a_pickle_and_show_in_every_report() -> None:
    variant = VARIANTS / "vessel-hs-code-differs.cuscar"
    reports = _reports([VESSEL_309, variant])
    ((_, finding),) = _findings(reports)
    assert pickle.loads(pickle.dumps(finding)).related == finding.related
    shown = text(reports)
    assert f"{variant}:52:6: error HM-REC-013" in shown
    assert f"; and {VESSEL_309}:30:44 [N10-05 | consignments[1].goods[0].hs_code]" in shown
    assert f"; y {VESSEL_309}:30:44" in text(reports, "es")
    files = json.loads(as_json(reports))["files"]
    assert files[0]["diagnostics"] == []
    assert files[1]["diagnostics"][0]["related"] == [
        {
            "path": str(VESSEL_309),
            "line": 30,
            "column": 44,
            "location": "N10-05",
            "field": "consignments[1].goods[0].hs_code",
        }
    ]
    log = sarif_log(reports, "en", project={})
    (result,) = log["runs"][0]["results"]  # type: ignore[index]
    (related,) = result["relatedLocations"]
    assert related["physicalLocation"]["artifactLocation"]["index"] == 0
    assert related["physicalLocation"]["region"] == {"startLine": 30, "startColumn": 44}
    assert result["locations"][0]["physicalLocation"]["artifactLocation"]["index"] == 1


def test_a_validation_finding_has_an_empty_related_list_in_json() -> None:
    report = manifest.validate(TRAIN_309.read_bytes().replace(b"M10*KCSM", b"M10*KC5M"), path="x.309")
    entries = json.loads(as_json([report]))["files"][0]["diagnostics"]
    assert entries and all(entry["related"] == [] for entry in entries)


# --- the command ------------------------------------------------------------------------------------------------


def test_the_command_reports_both_places_and_exits_1() -> None:
    variant = VARIANTS / "train-weight-differs.cartaporte.xml"
    result = CliRunner().invoke(main, ["reconcile", str(variant), str(TRAIN_358), str(TRAIN_309)])
    assert result.exit_code == 1
    assert f"{TRAIN_309}:7:31: error HM-REC-011" in result.output
    assert f"; and {variant}:22:160 [" in result.output
    assert result.output.endswith("3 file(s) checked: 1 error(s), 0 warning(s)\n")


@pytest.mark.parametrize("command", ["reconcile", "crosscheck"])
def test_a_file_given_twice_or_alone_is_a_usage_error(command: str) -> None:
    twice = CliRunner().invoke(main, [command, str(TRAIN_358), str(TRAIN_358)])
    assert twice.exit_code == 2 and "given twice" in twice.output
    alone = CliRunner().invoke(main, [command, str(TRAIN_358)])
    assert alone.exit_code == 2 and "two or more" in alone.output


def test_the_same_file_under_two_names_is_given_twice(tmp_path: Path) -> None:
    link = tmp_path / "train.358"
    link.symlink_to(TRAIN_358.resolve())
    result = CliRunner().invoke(main, ["reconcile", str(TRAIN_358), str(link)])
    assert result.exit_code == 2


def test_the_command_reads_its_configuration(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".manifest.toml").write_text('disable = ["HM-REC-011"]\n')
    monkeypatch.chdir(tmp_path)
    variant = VARIANTS / "flight-weight-differs.xfwb.xml"
    result = CliRunner().invoke(main, ["reconcile", str(variant), str(XFFM)])
    assert result.exit_code == 0, result.output


# --- the catalogue's rules ----------------------------------------------------------------------------------------


def _pair(one: manifest.Manifest, other: manifest.Manifest) -> tuple[FileReport, ...]:
    return reconcile_documents(
        [("one", Document("manifest-json", (one,)), ()), ("two", Document("manifest-json", (other,)), ())]
    )


@pytest.mark.parametrize("rule", RECONCILE_RULES, ids=lambda rule: rule.code)
def test_a_reconcile_rule_fires_on_its_failing_examples_only(rule: Rule) -> None:
    for example in rule.fails:
        mode = example.mode or rule.modes[0]
        found = _findings(_pair(VALID[mode](), apply_example(VALID[mode](), example)))
        assert found, f"{rule.code} is silent on {example}"
        assert {d.code for _, d in found} == {rule.code}, example
        for path, finding in found:
            (related,) = finding.related
            assert related.path == ({"one", "two"} - {path}).pop()
            assert finding.source == rule.source
    for example in rule.passes:
        mode = example.mode or rule.modes[0]
        assert _findings(_pair(VALID[mode](), apply_example(VALID[mode](), example))) == [], example


@pytest.mark.parametrize("mode", list(VALID))
def test_a_valid_model_reconciles_with_itself(mode: Mode) -> None:
    assert _findings(_pair(VALID[mode](), VALID[mode]())) == []


def test_every_comparison_has_its_rule() -> None:
    from manifest.requirements.checks import COMPARISONS

    assert sorted(str(rule.params["compare"]) for rule in RECONCILE_RULES) == sorted(COMPARISONS)
    assert all(rule.documents == ("movement",) for rule in RECONCILE_RULES)


# --- identifiers as each document spells them ------------------------------------------------------------------


def test_names_compare_without_case_accents_punctuation_or_legal_form() -> None:
    assert party_name_key("Aceros del Centro, S.A. de C.V.") == party_name_key("ACEROS DEL CENTRO SA DE CV")
    assert party_name_key("Flores Frescas de Morelos SPR de RL") == "FLORES FRESCAS DE MORELOS"
    assert party_name_key("Gulf Coast Steel Distributors, L.L.C.") == "GULF COAST STEEL DISTRIBUTORS"
    assert party_name_key("Exportadora del Bajío") == "EXPORTADORA DEL BAJIO"
    assert party_name_key("CO") == "CO"  # a name is never reduced to nothing


def test_numbers_compare_without_punctuation_carrier_prefix_or_padding() -> None:
    assert bill_key("KCSM26110451", frozenset({"KCSM"})) == bill_key("26110451", frozenset({"KCSM"}))
    assert bill_key("139-12345675", frozenset()) == "13912345675"
    assert bill_key("KCSM", frozenset({"KCSM"})) == "KCSM"
    assert flight_key("AM0642") == flight_key("AM 642") == "AM642"
    car = Equipment(kind=EquipmentKind.RAILCAR, initial="TFM", number="055012")
    assert equipment_key(car) == "TFM55012"
    box = Equipment(kind=EquipmentKind.CONTAINER, initial="MSKU", number="123456-5")
    assert equipment_key(box) == "MSKU1234565"


def test_the_work_grows_with_the_bills_not_with_their_square(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bills, equipment and parts are matched through keys, each computed a bounded number of times per bill:
    doubling the bills of both documents doubles the keys worked out."""
    from dataclasses import replace

    from manifest.singlewindow import parts, sources

    def train(bills: int) -> manifest.Manifest:
        base = VALID[Mode.RAIL]()
        first = base.consignments[0]
        many = tuple(
            replace(
                first,
                document_number=f"KCSM{n:06d}",
                equipment=(Equipment(kind=EquipmentKind.RAILCAR, initial="KCSM", number=str(100000 + n)),),
            )
            for n in range(bills)
        )
        return replace(base, consignments=many)

    counts = {"keys": 0, "kinds": 0}
    real_key, real_kinds = equipment_key, sources.Source.equipment_kinds

    def counting_key(equipment: Equipment) -> str:
        counts["keys"] += 1
        return real_key(equipment)

    def counting_kinds(source: sources.Source) -> frozenset[EquipmentKind]:
        counts["kinds"] += 1  # each walks all the document's equipment
        return real_kinds(source)

    monkeypatch.setattr(parts, "equipment_key", counting_key)
    monkeypatch.setattr(sources.Source, "equipment_kinds", counting_kinds)
    work = []
    for bills in (200, 400):
        counts.update(keys=0, kinds=0)
        assert _findings(_pair(train(bills), train(bills))) == []
        work.append(dict(counts))
    assert work[0]["keys"] > 0 and work[1]["keys"] <= 2 * work[0]["keys"]
    assert work[0]["kinds"] == work[1]["kinds"] == 2


def test_the_readme_train_example_is_what_the_command_says(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Single window") : readme.index("## Requirements and profiles")]
    example = section[section.index("$ manifest reconcile train.309") :].split("```")[0]
    # The findings, then the table of the files (its rows start with their names too) and the count.
    shown = [line for line in example.splitlines() if line.startswith(("train.", "FILE ", "3 file(s)"))]
    assert len(shown) == 10
    (tmp_path / "train.309").write_bytes(TRAIN_309.read_bytes())
    (tmp_path / "train.358").write_bytes(TRAIN_358.read_bytes())
    cp = TRAIN_CP.read_bytes().replace(b'MatriculaCarro="TFM654321"', b'MatriculaCarro="TFM654312"')
    (tmp_path / "train.cartaporte.xml").write_bytes(cp)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["reconcile", "train.309", "train.358", "train.cartaporte.xml"])
    lines = [line for line in result.output.splitlines() if line]
    assert len(lines) == len(shown)
    for printed, documented in zip(lines, shown, strict=True):
        # The README shortens the addresses in brackets; the rest of each line is as printed.
        assert printed.split(" [")[0] == documented.split(" [")[0]
        if "; and " in documented:
            other_place = documented.split("; and ")[1].split(" [")[0]
            assert printed.split("; and ")[1].split(" [")[0] == other_place


def _road_with(change: str) -> manifest.Manifest:
    """The valid road model, with one value changed."""
    model = VALID[Mode.ROAD]()
    if change == "driver":
        return dataclasses.replace(model, crew=(dataclasses.replace(model.crew[0], given_name="PEDRO"),))
    shipment = model.consignments[0]
    item = shipment.goods[0]
    if change == "weight":
        heavier = Quantity(value=Decimal("8900"), unit="KGM")
        shipment = dataclasses.replace(
            shipment, gross_weight=heavier, goods=(dataclasses.replace(item, gross_weight=heavier),)
        )
    else:
        shipper = dataclasses.replace(shipment.parties[0], name="FRENOS DEL BAJIO SA DE CV")
        shipment = dataclasses.replace(shipment, parties=(shipper, *shipment.parties[1:]))
    return dataclasses.replace(model, consignments=(shipment,))


@pytest.mark.parametrize(
    ("change", "code"), [(None, None), ("driver", "HM-REC-021"), ("weight", "HM-REC-011"), ("shipper", "HM-REC-015")]
)
def test_a_truck_written_as_ace_and_as_carta_porte_disagrees_only_where_changed(
    change: str | None, code: str | None
) -> None:
    """The valid road model written as an ACE truck 309 and 358, and as a Carta Porte with one value changed: the
    documents disagree on that value alone (the read findings of values the formats require and the model lacks
    aside)."""
    model = VALID[Mode.ROAD]()
    carta_porte = _road_with(change) if change else model
    files = [
        formats.get("x12-309").write([model]).data,
        formats.get("x12-358").write([model]).data,
        formats.get("carta-porte").write([carta_porte]).data,
    ]
    reports = reconcile(files, names=["309", "358", "cp"])
    found = {(report.path, d.code) for report in reports for d in report.diagnostics if d.code.startswith("HM-")}
    expected = {("309", code), ("358", code)} if change == "driver" else {("309", code)}
    assert found == (expected if code else set())


# --- goods matched line by line ---------------------------------------------------------------------------------


def test_a_carta_porte_splitting_a_bill_between_its_goods_otherwise(tmp_path: Path) -> None:
    """The Carta Porte describes the goods in Spanish, the 309 in English: the lines are matched by their HS
    subheading, and each pair's weight is compared although the bill's weight agrees."""
    variant = tmp_path / "train.cartaporte.xml"
    text = TRAIN_CP.read_text(encoding="utf-8")
    variant.write_text(
        text.replace('PesoEnKg="14880"', 'PesoEnKg="14380"').replace('PesoEnKg="620"', 'PesoEnKg="1120"')
    )
    reports = _reports([TRAIN_309, TRAIN_358, variant])
    found = [
        (p, d.code, d.line, d.value, d.args["goods"], d.related[0].path, d.related[0].line)
        for p, d in _findings(reports)
    ]
    assert found == [
        (str(TRAIN_309), "HM-REC-018", 34, "14880 KGM", "HS 870840", str(variant), 26),
        (str(TRAIN_309), "HM-REC-018", 36, "620 KGM", "HS 850760", str(variant), 30),
    ]
    (first, _) = reports[0].diagnostics
    assert (
        first.message() == f"the goods HS 870840 of bill KCSM26110452 weigh 14880 KGM here but 14380 KGM in {variant}"
    )
    assert first.location == "N10-08" and str(first.related[0].location).endswith("cartaporte31:Mercancia[2]/@PesoEnKg")


def test_a_goods_line_the_carta_porte_lacks_is_found_in_the_309() -> None:
    """The 309 declares brake parts in bill KCSM26110452 that the Carta Porte does not list: the line is missing
    from it, found at the 309's N10 with the Carta Porte's goods of that bill as its related place. Its other two
    lines, described in English there and in Spanish here, are matched by HS subheading."""
    battery = b"H1*3481*9**LITHIUM ION BATTERIES*****II~\n"
    consist = TRAIN_309.read_bytes()
    assert battery in consist
    more = consist.replace(battery, battery + b"N10*2*AUTOMOTIVE BRAKE PARTS**J*8708998180*4000*K*80**BOX~\n")
    reports = reconcile([more.replace(b"SE*36*", b"SE*37*"), TRAIN_CP.read_bytes()], names=["train.309", "cp.xml"])
    ((path, finding),) = _findings(reports)
    assert (path, finding.code, finding.line, finding.location, finding.value) == (
        "train.309",
        "HM-REC-023",
        38,
        "N10",
        "AUTOMOTIVE BRAKE PARTS",
    )
    (related,) = finding.related
    assert (related.path, related.line, related.field) == ("cp.xml", 26, "consignments[1].goods[0]")
    assert finding.message() == (
        "the goods AUTOMOTIVE BRAKE PARTS of bill KCSM26110452 are here but not in that bill in cp.xml"
    )


def test_a_vessel_call_whose_cuscar_packs_the_goods_otherwise(tmp_path: Path) -> None:
    """The CUSCAR says drums (Rec 21 DR) where the 309 says cartons (X12 CTN): a warning at the CUSCAR's GID with
    the 309's N10 as related place. Its 2400 cartons, split over two N10 lines of the 309, are matched by their
    description and taken together."""
    variant = tmp_path / "vessel.cuscar"
    variant.write_bytes(VESSEL_CUSCAR.read_bytes().replace(b"GID+1+2400:CT'", b"GID+1+2400:DR'"))
    reports = _reports([VESSEL_309, variant])
    ((path, finding),) = _findings(reports)
    assert (path, finding.code, finding.severity, finding.line, finding.value) == (
        str(variant),
        "HM-REC-024",
        Severity.WARNING,
        30,
        "DR",
    )
    assert finding.args["other"] == "CTN" and finding.args["goods"] == "TEQUILA 100 PCT AGAVE IN BOTTLES"
    (related,) = finding.related
    assert (related.path, related.field) == (str(VESSEL_309), "consignments[0].goods[0].packages.kind")
    assert reports[0].passes() and reports[1].passes()


def test_goods_are_matched_by_description_before_their_hs_codes() -> None:
    """Two lines of one bill, described in another case, order and abbreviation in the other document, whose HS
    codes are swapped there: each line is matched by its description, and each HS code is then found wrong,
    rather than both lines being matched by code and compared on weights that do not belong to them."""
    base = VALID[Mode.RAIL]()
    bill = base.consignments[1]
    pellets, distillates = bill.goods
    swapped = (
        dataclasses.replace(
            pellets,
            sequence=None,
            description="Pellets, resin - polyethylene",
            hs_code=distillates.hs_code,
            tariff_codes=distillates.tariff_codes,
        ),
        dataclasses.replace(
            distillates,
            sequence=None,
            description="petroleum distillate",
            hs_code=pellets.hs_code,
            tariff_codes=pellets.tariff_codes,
        ),
    )
    other = dataclasses.replace(base, consignments=(base.consignments[0], dataclasses.replace(bill, goods=swapped)))
    found = _findings(_pair(base, other))
    assert sorted((p, d.code, d.field, d.value) for p, d in found) == [
        ("one", "HM-REC-013", "consignments[1].goods[0].hs_code", "390110"),
        ("one", "HM-REC-013", "consignments[1].goods[1].hs_code", "271019"),
        ("two", "HM-REC-013", "consignments[1].goods[0].hs_code", "271019"),
        ("two", "HM-REC-013", "consignments[1].goods[1].hs_code", "390110"),
    ]


def test_descriptions_compare_without_case_accents_punctuation_order_or_abbreviation() -> None:
    assert description_key("TEQUILA 100 PCT AGAVE IN BOTTLES") == description_key(
        "Bottles: tequila, 100 percent agave in"
    )
    assert description_key("Baterías de iones de litio") == description_key("BATERIAS DE IONES DE LITIO")
    assert description_key("Brake parts, auto") == description_key("AUTOMOTIVE BRAKE PARTS")
    assert description_key("STEEL HEX BOLTS") != description_key("STEEL HEX NUTS")


def test_package_kinds_agree_through_the_crosswalk() -> None:
    assert same_package_kind("CTN", "CT") is True  # X12 and Rec 21 carton
    assert same_package_kind("QA", "DRM") is True  # a steel drum is a drum
    assert same_package_kind("1A1", "DRM") is True  # SAT's UN code, through Rec 21 QA
    assert same_package_kind("DRM", "1A1") is True
    assert same_package_kind("CT", "DR") is False
    assert same_package_kind("PLT", "ZZZ") is None  # a kind the crosswalk does not know is not judged


# --- the carrier ------------------------------------------------------------------------------------------------


def test_the_carrier_is_compared_code_with_code_and_name_with_name(tmp_path: Path) -> None:
    """SAT's air carrier code of the model against the Carta Porte's CodigoTransportista; the carrier's name of
    the model against the CUSCAR's NAD+CA, after normalising. A SCAC is never compared with a name."""
    air = (AIR / "northbound-flight-am0642-mex-lax.manifest.json").read_bytes()
    assert _findings(reconcile([air, FLIGHT_CP.read_bytes()], names=["flight.json", "cp.xml"])) == []
    other_code = air.replace(b'"sat_air_code": "CA014"', b'"sat_air_code": "CA021"')
    ((path, finding),) = _findings(reconcile([other_code, FLIGHT_CP.read_bytes()], names=["flight.json", "cp.xml"]))
    assert (path, finding.code, finding.field, finding.value, finding.args["other"]) == (
        "flight.json",
        "HM-REC-003",
        "carrier.sat_air_code",
        "CA021",
        "CA014",
    )
    assert finding.related[0].location == (
        "/cfdi:Comprobante/cfdi:Complemento/cartaporte31:CartaPorte/cartaporte31:Mercancias/"
        "cartaporte31:TransporteAereo/@CodigoTransportista"
    )
    vessel = (SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.manifest.json").read_bytes()
    cuscar = VESSEL_CUSCAR.read_bytes()
    same = vessel.replace(b'"name": "MAERSK A/S"', b'"name": "Maersk A.S."')
    assert same != vessel
    assert _findings(reconcile([same, cuscar], names=["vessel.json", "vessel.cuscar"])) == []
    renamed = vessel.replace(b'"name": "MAERSK A/S"', b'"name": "MEDITERRANEAN SHIPPING COMPANY"')
    ((path, finding),) = _findings(reconcile([renamed, cuscar], names=["vessel.json", "vessel.cuscar"]))
    assert (path, finding.code, finding.severity, finding.args["other"]) == (
        "vessel.cuscar",
        "HM-REC-025",
        Severity.WARNING,
        "MEDITERRANEAN SHIPPING COMPANY",
    )
    assert finding.related[0].path == "vessel.json" and finding.location is not None


def test_the_carrier_that_invoices_its_freight_is_the_emisor_of_its_cfdi() -> None:
    """A CFDI de ingreso is the carrier's invoice: its Emisor's RFC and name are the carrier's, compared with the
    model's carrier. A CFDI de traslado may be issued by the goods' owner or an intermediary: not compared."""
    model = (RAIL / "northbound-train-kcsm-qmtyla27.manifest.json").read_bytes()
    invoice = TRAIN_CP.read_bytes().replace(b'TipoDeComprobante="T"', b'TipoDeComprobante="I"')
    assert _findings(reconcile([model, invoice], names=["train.json", "cp.xml"])) == []
    emisor = b'Rfc="KCS970101J14" Nombre="KANSAS CITY SOUTHERN DE MEXICO SA DE CV" RegimenFiscal'
    other = b'Rfc="FME970101AB1" Nombre="FERROCARRIL MEXICANO SA DE CV" RegimenFiscal'
    assert emisor in invoice
    found = _findings(reconcile([model, invoice.replace(emisor, other)], names=["train.json", "cp.xml"]))
    assert [(p, d.code, d.value, d.args["other"], d.related[0].path, d.related[0].line) for p, d in found] == [
        (
            "train.json",
            "HM-REC-025",
            "KANSAS CITY SOUTHERN DE MEXICO SA DE CV",
            "FERROCARRIL MEXICANO SA DE CV",
            "cp.xml",
            3,
        ),
        ("train.json", "HM-REC-026", "KCS970101J14", "FME970101AB1", "cp.xml", 3),
    ]
    transfer = TRAIN_CP.read_bytes().replace(emisor, other)
    assert _findings(reconcile([model, transfer], names=["train.json", "cp.xml"])) == []


def test_goods_matching_grows_with_the_lines_not_with_their_square(monkeypatch: pytest.MonkeyPatch) -> None:
    """Goods lines are matched through keys, each worked out once per line and pass: doubling the lines of a bill
    in both documents doubles the descriptions normalised."""
    from manifest.singlewindow import goods

    def train(lines: int) -> manifest.Manifest:
        base = VALID[Mode.RAIL]()
        bill = base.consignments[1]
        item = bill.goods[0]
        many = tuple(
            dataclasses.replace(item, sequence=None, description=f"RESIN LOT {n}", hs_code=None, tariff_codes=())
            for n in range(lines)
        )
        return dataclasses.replace(base, consignments=(dataclasses.replace(bill, goods=many),))

    calls = {"keys": 0}
    real = description_key

    def counting(description: str) -> str:
        calls["keys"] += 1
        return real(description)

    monkeypatch.setattr(goods, "description_key", counting)
    work = []
    for lines in (300, 600):
        calls["keys"] = 0
        assert _findings(_pair(train(lines), train(lines))) == []
        work.append(calls["keys"])
    assert work[0] >= 600 and work[1] <= 2 * work[0]
