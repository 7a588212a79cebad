"""CUSCAR: the sample, the real files, hostile bytes, streaming and write losses."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from manifest.diagnostics import ParseError, Severity
from manifest.formats import cuscar, get
from manifest.formats.base import ConsignmentChunk
from manifest.formats.edifact.cuscar_write import write_interchange
from manifest.formats.edifact.syntax import Delimiters
from manifest.model import Direction, Place, Stop

SAMPLE = (
    Path(__file__).resolve().parent.parent / "samples" / "maritime" / "northbound-vessel-maersk-kensington-647n.cuscar"
)


def test_registered_and_sniffed() -> None:
    assert get("cuscar").NAME == cuscar.NAME
    assert cuscar.sniff(SAMPLE.read_bytes()[:4096])


def test_sample_reads_clean_and_writes_back_identically() -> None:
    data = SAMPLE.read_bytes()
    document = cuscar.read(data)
    assert document.diagnostics == ()
    (manifest,) = document.manifests
    assert manifest.trip_number == "647N"
    assert manifest.conveyance is not None and manifest.conveyance.imo_number == "9321483"
    assert manifest.departure is not None and manifest.departure.place.code == "MXZLO"
    assert len(manifest.consignments) == 3
    assert manifest.consignments[0].equipment[0].identifier == "MSKU1234565"
    assert manifest.consignments[2].goods[0].hazardous[0].un_number == "1263"
    written = cuscar.write(document.manifests)
    assert written.losses == ()
    assert written.data == data


def test_positions_point_at_the_values() -> None:
    document = cuscar.read(SAMPLE.read_bytes())
    where = document.source_map(0).locate("consignments[1].gross_weight")
    assert where is not None and where.location is not None and where.location.startswith("CNT(")
    lines = SAMPLE.read_text("latin-1").splitlines()
    assert where.line is not None and where.column is not None
    assert lines[where.line - 1][where.column - 1 :].startswith("19650")


def test_losses_name_each_field_left_behind() -> None:
    (manifest,) = cuscar.read(SAMPLE.read_bytes()).manifests
    # The direction follows from the ports (MXZLO -> Long Beach), so a contrary one cannot be carried, nor stops.
    richer = replace(manifest, direction=Direction.SOUTHBOUND, stops=(Stop(place=Place(code="PAPTY")),))
    losses = cuscar.write([richer]).losses
    assert {d.field for d in losses} == {"direction", "stops[0]"}
    assert all(d.severity is Severity.WARNING and d.code == "CUS010" for d in losses)


def test_goods_in_undeclared_equipment_are_a_warning_from_the_reader_and_an_error_under_harmonized() -> None:
    """A sender that reports no equipment (no EQD) still names the container of the goods in SGP: the reader warns,
    and only a profile that needs the equipment declared makes it an error (HM-GEN-001)."""
    from manifest.api import validate

    data = SAMPLE.read_bytes().replace(b"SGP+MSKU1234565", b"SGP+MSKU7654321")
    (found,) = [d for d in cuscar.read(data).diagnostics if d.code == "CUS009"]
    assert found.severity is Severity.WARNING and found.value == "MSKU7654321"
    # Under harmonized both layers find the one fault: it is reported once, under the rule, naming the reader's code.
    for profile, codes in (("sat", [("CUS009", ())]), ("harmonized", [("HM-GEN-001", ("CUS009",))])):
        report = validate(data, format="cuscar", profile=profile)
        flagged = [(d.code, d.also) for d in report.diagnostics if d.value == "MSKU7654321"]
        assert flagged == codes, profile
        assert report.passes() is (profile == "sat"), profile


def test_stream_gives_the_consignments_of_read() -> None:
    data = SAMPLE.read_bytes()
    chunks = [c for c in cuscar.stream(io.BytesIO(data), chunk_size=7) if isinstance(c, ConsignmentChunk)]
    assert [c.consignment for c in chunks] == list(cuscar.read(data).manifests[0].consignments)
    assert chunks[1].source_map.locate("consignments[1].document_number") is not None


def test_stream_reports_what_read_reports(external_samples: Path) -> None:
    for path in sorted((external_samples / "edifact").iterdir()):
        data = path.read_bytes()
        streamed = {
            (d.code, d.line, d.column)
            for d in cuscar.stream(io.BytesIO(data), chunk_size=64)
            if not isinstance(d, ConsignmentChunk)
        }
        whole = {(d.code, d.line, d.column) for d in cuscar.read(data).diagnostics}
        assert whole <= streamed, path.name


def test_real_cuscar_is_read(external_samples: Path) -> None:
    document = cuscar.read((external_samples / "edifact" / "d95b_cuscar_lot10_sample.edi").read_bytes())
    (manifest,) = document.manifests
    assert manifest.trip_number == "TRANS1234"
    consignment = manifest.consignments[0]
    assert consignment.document_number == "DOCV373MOB909999"
    assert consignment.goods[0].equipment_ids == ("EQ123456",)
    assert consignment.equipment[0].number == "EQ123456"
    # The sample declares D.95B, where TDT C222/8213 is an..9 and NAD C058/3124 an..35: its vessel id and three name
    # and address lines are longer. Its UNT counts 313 segments for a message of 30.
    assert [(d.code, d.location) for d in document.diagnostics] == [
        ("CUS015", "TDT(7)-08-1"),
        ("CUS015", "NAD(23)-03-1"),
        ("CUS015", "NAD(24)-03-1"),
        ("CUS015", "NAD(25)-03-1"),
        ("EDI015", "UNT(31)-01-1"),
    ]
    assert document.diagnostics[-1].line == 31
    # Written back under the D.95B it declares, the values D.95B does not hold are left out, each with its loss.
    written = cuscar.write(document.manifests)
    assert [(d.field, d.value) for d in written.losses] == [
        ("conveyance.call_sign", "MEANSTRANS1234"),
        ("consignments[0].parties[0].extensions[cuscar.NAD.03]", "A PERSON, TEST ADDRESS, TOWN, POSTCODE"),
        ("consignments[0].parties[1].extensions[cuscar.NAD.03]", "ANOTHER PERSON, A COMPANY, SOMEWHERE"),
        (
            "consignments[0].parties[2].extensions[cuscar.NAD.03]",
            "ANOTHER DIFFERENT PERSON, ANOTHER COMPANY, SOMEWHERE ELSE",
        ),
    ]
    assert cuscar.read(written.data).diagnostics == ()


def test_other_messages_are_rejected_by_type(external_samples: Path) -> None:
    for path in sorted((external_samples / "edifact").iterdir()):
        if "cuscar" in path.name:
            continue
        document = cuscar.read(path.read_bytes())
        assert document.manifests == ()
        codes = [d.code for d in document.diagnostics]
        assert "CUS001" in codes and "CUS002" in codes, path.name
        rejected = next(d for d in document.diagnostics if d.code == "CUS001")
        assert rejected.args["type"] in rejected.message()


def test_real_world_faults_are_diagnosed(external_samples: Path) -> None:
    folder = external_samples / "edifact"
    coala = {d.code for d in cuscar.read((folder / "pydifact_sage_coala.ped").read_bytes()).diagnostics}
    assert "EDI002" in coala  # junk before UNA
    coprar = {d.code for d in cuscar.read((folder / "d95b_coprar.edi").read_bytes()).diagnostics}
    assert "EDI011" in coprar  # no UNB
    iftmin = cuscar.read((folder / "d00b_iftmin_bring_ig.edi").read_bytes()).diagnostics
    assert "EDI008" in {d.code for d in iftmin}  # decimal comma UNA read, the empty segment found


@given(st.binary(max_size=300))
@example(b"UNA:+.? 'UNB+UNOA:3+A+B+200101:1200+1'UNH+1+CUSCAR:D:95B:UN'GID+x'SGP+?")
@example(b"UNH+1+CUSCAR:D:95B:UN'CNI+1+B'GID+1+x:y'DGS+IMD'CTA'COM+1:TE'UNT+9+2'")
@example(b"UNA")
def test_any_bytes_read_or_raise_parse_error(data: bytes) -> None:
    try:
        document = cuscar.read(data)
    except ParseError:
        return
    assert document.format == "cuscar"


KEPT = (
    "UNA:+.? '\n"
    "UNB+UNOC:3+SENDER:14+RECIPIENT:14+261120:2200+77'\n"
    "UNH+1+CUSCAR:D:96B:UN'\n"
    "BGM+85+M-1+9'\n"
    "QTY+34:21'\n"
    "TDT+20+647N+1'\n"
    "EQD+CN+MSKU1234565+45G1+2++5'\n"
    "DIM+1+CMT:1219:244:259'\n"
    "SEL+ML4471203+CA'\n"
    "CNI+1+BL-1'\n"
    "TSR+30'\n"
    "NAD+CZ+7501234567893::9++EXPORTADORA?+SA'\n"
    "GID+1+10:CT'\n"
    "HAN+HWC'\n"
    "SGP+MSKU1234565+10'\n"
    "UNT+14+1'\n"
    "UNZ+1+77'\n"
)


def test_segments_without_a_model_field_are_kept_in_place() -> None:
    document = cuscar.read(KEPT.encode())
    assert document.diagnostics == ()
    (manifest,) = document.manifests
    consignment = manifest.consignments[0]
    assert manifest.extensions["cuscar.segment.00"] == "QTY+34:21"
    assert consignment.equipment[0].extensions["cuscar.segment.00"] == "DIM+1+CMT:1219:244:259"
    assert consignment.extensions["cuscar.segment.00"] == "TSR+30"
    assert consignment.goods[0].extensions["cuscar.segment.00"] == "HAN+HWC"
    shipper = consignment.parties[0]
    assert shipper.code == "7501234567893" and shipper.tax_ids[0].scheme.value == "gln"
    assert shipper.name == "EXPORTADORA+SA"
    again = cuscar.write(document.manifests)
    assert again.losses == ()
    assert cuscar.read(again.data).manifests == document.manifests


def test_custom_separators_and_decimal_comma_both_ways() -> None:
    (manifest,) = cuscar.read(SAMPLE.read_bytes()).manifests
    custom = Delimiters(component="^", element="|", decimal=",", release="\\", repetition=" ", terminator="~")
    text = write_interchange([manifest], "UNOC:3", custom)
    assert text.startswith("UNA^|,\\ ~") and "MTQ^134,6" in text
    document = cuscar.read(text.encode("latin-1"))
    assert document.diagnostics == ()
    assert document.manifests == (manifest,)


def test_a_country_is_read_from_a_un_locode_only_when_the_code_begins_with_one() -> None:
    """A UN/LOCODE begins with its ISO 3166-1 country (UN/ECE Recommendation 16): LOC C517 in list 139 of agency 6
    gives the place that country, and a code that begins with none (QQ, or not five letters and digits) none."""
    text = SAMPLE.read_bytes().decode("latin-1")
    for code, country in (("MXZLO", "MX"), ("QQ123", None), ("MX-ZLO", None)):
        data = text.replace("LOC+5+MXZLO:139:6", f"LOC+5+{code}:139:6", 1).encode("latin-1")
        assert f"LOC+5+{code}:139:6".encode() in data
        departure = cuscar.read(data).manifests[0].departure
        assert departure is not None and (departure.place.code, departure.place.country) == (code, country)
