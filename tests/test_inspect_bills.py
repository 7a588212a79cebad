"""inspect at a glance: the bills and waybills of a manifest (--bills), ports with their names, a file that is
not the format it was taken for; and ack: a 997 with a fixed-width ISA, exit 1 when it rejects."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from manifest.cli import main
from manifest.codelists import place_name
from manifest.formats.x12.delimiters import ISA_WIDTHS
from tests.conftest import SAMPLES

RAIL_309 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
RAIL_JSON = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.json"
FFM = SAMPLES / "air" / "northbound-flight-am0642-mex-lax.ffm"


def test_bills_one_row_each_with_parties_pieces_weight_equipment_and_goods() -> None:
    result = CliRunner().invoke(main, ["inspect", "--bills", str(RAIL_309)])
    assert result.exit_code == 0, result.output
    table = result.output.split("\n\n")[1].splitlines()
    assert table[0].split() == [
        *("NUMBER", "SHIPPER", "CONSIGNEE", "PIECES", "WEIGHT", "EQUIPMENT", "GOODS", "ITEMS", "PORTS")
    ]
    first = table[1]
    for shown in ("KCSM26110451", "ACEROS DEL CENTRO DE MONTERREY SA DE CV", "GULF COAST STEEL DISTRIBUTORS LLC"):
        assert shown in first
    assert " 12 " in first and "92400 KGM" in first and "KCSM720145, TFM654321" in first
    assert "MXMTY (Monterrey, NLE) → 2304 (Laredo, TX)" in first
    assert len(table) == 3  # two waybills


def test_bills_in_json_and_in_spanish() -> None:
    result = CliRunner().invoke(main, ["inspect", "--bills", "--output", "json", str(FFM)])
    bills = json.loads(result.output)["manifests"][0]["bills"]
    assert [b["number"] for b in bills] == ["139-12345675", "139-24681016"]
    assert bills[0] == {
        "number": "139-12345675",
        "type": "air-waybill",
        "shipper": None,  # an FFM names no parties
        "consignee": None,
        "pieces": 34,
        "weight": "1276.5 KGM",
        "equipment": ["PMC73850AM"],
        "goods_items": 1,
        "loading": "MEX (Mexico City)",
        "discharge": "LAX (Los Angeles)",
    }
    spanish = CliRunner().invoke(main, ["--lang", "es", "inspect", "--bills", str(RAIL_309)]).output
    assert "NÚMERO" in spanish and "REMITENTE" in spanish and "BULTOS" in spanish
    assert "bills" not in CliRunner().invoke(main, ["inspect", "--output", "json", str(RAIL_309)]).output


def test_ports_are_named_from_their_code_lists_as_the_canonical_files_name_them() -> None:
    from_309 = CliRunner().invoke(main, ["inspect", str(RAIL_309)]).output
    from_json = CliRunner().invoke(main, ["inspect", str(RAIL_JSON)]).output
    assert "office of entry:   2304 (Laredo, TX)" in from_309
    assert "office of entry:   2304 (Laredo, TX)" in from_json
    assert place_name("schedule-d", "2704") == "Los Angeles, CA"  # Schedule D writes LOS ANGELES, CALIF.
    assert place_name("schedule-d", "0000") == "Vancouver, BC"
    assert place_name("sat-aduana", "24") == "Nuevo Laredo"
    assert place_name("unlocode", "MXSLP") == "San Luis Potosí, SLP"
    assert place_name("schedule-d", "9999") is None and place_name(None, "2304") is None


def test_inspect_of_a_file_that_is_not_the_format_it_was_taken_for(tmp_path: Path) -> None:
    status = tmp_path / "status.x12"
    status.write_bytes(RAIL_309.read_bytes().replace(b"ST*309*", b"ST*315*"))
    result = CliRunner().invoke(main, ["inspect", str(status)])
    assert result.exit_code == 1
    assert "(x12-309)" not in result.output
    assert f"{status}:3:4: error X12205 transaction set 315 (Status Details (Ocean)) is not 309" in result.output


def _isa(data: bytes) -> list[str]:
    return data.decode().split("~", 1)[0].split("*")[1:]


def test_ack_pads_the_isa_it_answers_to_fixed_width(tmp_path: Path) -> None:
    lines = RAIL_309.read_bytes().split(b"\n")
    lines[0] = b"ISA*00**00**02*KCSM*ZZ*CBPRAIL*261126*2210*^*00404*4512*0*P*>~"
    unpadded = tmp_path / "unpadded.309"
    unpadded.write_bytes(b"\n".join(lines))
    result = CliRunner().invoke(main, ["ack", str(unpadded)])
    assert result.exit_code == 0, result.output
    isa = _isa(result.stdout_bytes)
    assert [len(element) for element in isa] == list(ISA_WIDTHS)
    assert isa[5] == "CBPRAIL".ljust(15) and isa[7] == "KCSM".ljust(15) and isa[12] == "000004512"
    assert result.stdout_bytes.decode().rstrip().endswith("IEA*1*000004512~")


def test_ack_exits_1_when_its_997_rejects(tmp_path: Path) -> None:
    status = tmp_path / "status.x12"
    status.write_bytes(RAIL_309.read_bytes().replace(b"ST*309*", b"ST*315*"))
    out = tmp_path / "997.x12"
    rejected = CliRunner().invoke(main, ["ack", str(status), "-o", str(out)])
    assert rejected.exit_code == 1
    assert "AK5*R" in out.read_text() and "AK9*R*1*1*0" in out.read_text()  # written all the same
    accepted = CliRunner().invoke(main, ["ack", str(RAIL_309)])
    assert accepted.exit_code == 0 and "AK5*A" in accepted.output
