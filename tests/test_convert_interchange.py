"""A converted file is a new transmission: its interchange names the partners the caller gives (X12 ISA06/ISA08 and
GS02/GS03, EDIFACT UNB S002/S003), a placeholder written for one nobody named is told (MF305), and a source that
holds no manifest is not converted at all (MF306)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from manifest import api
from manifest.cli import main
from manifest.formats import cuscar, x12_309
from manifest.interchange import AddressError
from tests.conftest import REPO, SAMPLES

OCEAN_309 = SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.synthetic.309"
OCEAN_CUSCAR = SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.cuscar"
STATUS_350 = REPO / "tests" / "realworld" / "x12" / "apimeister_005010_350.edi"


def _placeholders(conversion: api.Conversion) -> list[tuple[str, str]]:
    return [(note.args["role"], note.args["value"]) for note in conversion.notes if note.code == "MF305"]


def test_the_partners_given_are_written_in_the_cuscar_interchange_and_read_back() -> None:
    conversion = api.convert(OCEAN_309, "cuscar", sender="MAEU", recipient="MX+SAT")
    assert conversion.written is not None
    assert "UNB+UNOC:3+MAEU+MX?+SAT+" in conversion.written.data.decode()
    assert _placeholders(conversion) == []
    back = cuscar.read(conversion.written.data).manifests[0].extensions
    assert back["cuscar.UNB.03"] == "MX?+SAT"  # kept as written, the '+' released (ISO 9735-1 section 8)


def test_the_partners_given_are_written_in_the_isa_and_gs_at_their_widths() -> None:
    conversion = api.convert(OCEAN_CUSCAR, "x12-309", sender="MAEU", recipient="CBPOCEAN")
    assert conversion.written is not None
    isa, gs = conversion.written.data.decode().splitlines()[:2]
    assert isa.split("*")[6] == "MAEU".ljust(15) and isa.split("*")[8] == "CBPOCEAN".ljust(15)
    assert gs.split("*")[2:4] == ["MAEU", "CBPOCEAN"]
    assert _placeholders(conversion) == []
    envelope = ("ISA-06", "ISA-08", "GS-02", "GS-03")
    assert [d for d in x12_309.read(conversion.written.data).diagnostics if d.location in envelope] == []


def test_a_placeholder_written_for_a_partner_nobody_named_is_noted() -> None:
    x12 = api.convert(OCEAN_CUSCAR, "x12-309")
    assert _placeholders(x12) == [("sender", "SENDER"), ("recipient", "RECEIVER")]
    assert all(note.field is None and note.line is None for note in x12.notes if note.code == "MF305")
    # The CUSCAR writer names the carrier's SCAC as sender, a fact of the model: only the recipient is a placeholder.
    edifact = api.convert(OCEAN_309, "cuscar")
    assert _placeholders(edifact) == [("recipient", "UNKNOWN")]
    # A 309 converted to a 309 keeps the partners its interchange named.
    assert _placeholders(api.convert(OCEAN_309, "x12-309")) == []


def test_a_partner_for_a_target_without_an_envelope_or_that_its_envelope_cannot_hold_is_refused_before_reading() -> (
    None
):
    with pytest.raises(AddressError):
        api.convert(b"not read at all", "carta-porte", sender="MAEU")
    with pytest.raises(AddressError):
        api.convert(b"not read at all", "x12-309", recipient="A*B")  # the X12 element separator the writer uses
    with pytest.raises(AddressError):
        api.convert(b"not read at all", "x12-309", sender="TOO-LONG-FOR-ISA06")
    runner = CliRunner()
    result = runner.invoke(main, ["convert", str(OCEAN_309), "--to", "carta-porte", "--sender", "MAEU"])
    assert result.exit_code == 2 and "--sender: carta-porte has no interchange envelope" in result.stderr
    result = runner.invoke(main, ["convert", str(OCEAN_309), "--to", "cuscar", "--recipient", "ñ" * 3])
    assert result.exit_code == 2 and "cannot hold it in UNB S003/0010" in result.stderr


def test_a_source_that_holds_no_manifest_is_not_converted() -> None:
    conversion = api.convert(STATUS_350, "cuscar")
    assert conversion.written is None
    assert [d.code for d in conversion.diagnostics] == ["MF306"]
    result = CliRunner().invoke(main, ["convert", str(STATUS_350), "--to", "cuscar"])
    assert result.exit_code == 1 and result.stdout == ""
    assert "nothing written: the source holds no manifest" in result.stderr
