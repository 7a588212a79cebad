"""Character encodings: a byte-order mark, UTF-16 XML, legacy 8-bit EDI with Spanish names, declarations that lie.

Each file is decoded correctly or diagnosed with its position; a name is never carried on as mojibake ('PEÃ‘A') into
the model, a converted file or a report.
"""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest

from manifest import api
from manifest.api import FileReport
from manifest.diagnostics import Diagnostic, Severity
from manifest.formats import cuscar
from manifest.formats.charsets import decode_legacy, legacy_decoder, xml_encoding
from manifest.model import Manifest
from tests.conftest import SAMPLES

ALL_SAMPLES = {
    "x12-309": SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309",
    "x12-358": SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.358",
    "cuscar": SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.cuscar",
    "cargo-imp": SAMPLES / "air" / "northbound-flight-am0642-awb-139-12345675.fwb",
    "carta-porte": SAMPLES / "rail" / "northbound-nuevo-laredo.cartaporte.xml",
    "cargo-xml": SAMPLES / "air" / "northbound-flight-am0642-awb-139-12345675.xfwb.xml",
    "manifest-xml": SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.xml",
    "manifest-json": SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.json",
}
XML = ("carta-porte", "cargo-xml", "manifest-xml")
SPANISH = "PEÑA CAMIÓN"
MOJIBAKE = re.compile("Ã|Â|\ufffd")


def positions(report: FileReport) -> list[tuple[str, int | None, int | None]]:
    return [(d.code, d.line, d.column) for d in report.diagnostics]


def everything(report: FileReport) -> str:
    return repr(report.manifests) + "".join(d.message() + d.message("es") for d in report.diagnostics)


# -- byte-order marks ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ALL_SAMPLES)
def test_a_utf8_byte_order_mark_changes_neither_format_nor_findings(name: str) -> None:
    data = ALL_SAMPLES[name].read_bytes()
    plain = api.validate(data)
    marked = api.validate(b"\xef\xbb\xbf" + data)
    assert marked.format == plain.format == name
    assert positions(marked) == positions(plain)
    assert marked.manifests == plain.manifests


@pytest.mark.parametrize("name", ALL_SAMPLES)
def test_a_byte_order_mark_keeps_positions_right(name: str) -> None:
    """A fault on line 3 is on line 3 whether or not the file starts with a mark."""
    data = ALL_SAMPLES[name].read_bytes()
    lines = data.split(b"\n")
    damaged = b"\n".join([*lines[:2], b"\x01" + lines[2], *lines[3:]])
    plain = api.validate(damaged, format=name)
    marked = api.validate(b"\xef\xbb\xbf" + damaged, format=name)
    assert plain.diagnostics and plain.diagnostics[0].line is not None
    assert positions(marked) == positions(plain)


# -- UTF-16 and UTF-32 XML ------------------------------------------------------------------------------------


def _recode(data: bytes, encoding: str, declare: str) -> bytes:
    text = data.decode("utf-8")
    text = re.sub(r"encoding=(['\"])UTF-8\1", f'encoding="{declare}"', text, count=1, flags=re.IGNORECASE)
    return text.encode(encoding)


@pytest.mark.parametrize("name", XML)
@pytest.mark.parametrize(
    ("encoding", "mark"),
    [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-32-le", b"\xff\xfe\x00\x00")],
)
def test_wide_xml_with_a_byte_order_mark_reads_as_utf8_does(name: str, encoding: str, mark: bytes) -> None:
    data = ALL_SAMPLES[name].read_bytes()
    declared = encoding.split("-")[0].upper() + "-" + encoding.split("-")[1]
    wide = mark + _recode(data, encoding, declared)
    plain, recoded = api.validate(data), api.validate(wide)
    assert recoded.format == name
    assert recoded.manifests == plain.manifests
    assert positions(recoded) == positions(plain)


def _with_a_bad_number(data: bytes) -> str:
    """The sample with a letter put into its first decimal number (a whole value) after the first kilobyte."""
    text = data.decode("utf-8")
    found = re.search(r"(?<=>)[0-9]+\.[0-9]+(?=<)|(?<=\")[0-9]+\.[0-9]+(?=\")|(?<=<amount>)[0-9]+(?=<)", text[1000:])
    assert found is not None
    at = 1000 + found.start()
    return text[:at] + "X" + text[at:]


@pytest.mark.parametrize("name", XML)
@pytest.mark.parametrize("encoding", ["utf-16", "utf-8-sig"])
def test_a_fault_in_wide_or_marked_xml_is_at_the_line_and_column_it_has_in_utf8(name: str, encoding: str) -> None:
    bad = _with_a_bad_number(ALL_SAMPLES[name].read_bytes())
    plain = api.validate(bad.encode("utf-8"))
    declared = "UTF-16" if encoding == "utf-16" else "UTF-8"
    recoded = re.sub(r"encoding=(['\"])UTF-8\1", f'encoding="{declared}"', bad, count=1, flags=re.IGNORECASE)
    report = api.validate(recoded.encode(encoding))
    assert plain.diagnostics
    assert positions(report) == positions(plain)


@pytest.mark.parametrize("name", XML)
def test_utf16_declared_without_a_byte_order_mark(name: str) -> None:
    """XML 1.0 appendix F: '<?' in UTF-16 says which byte order without a mark."""
    data = ALL_SAMPLES[name].read_bytes()
    wide = _recode(data, "utf-16-be", "UTF-16")
    assert xml_encoding(wide).codec == "utf-16-be"
    assert api.validate(wide).manifests == api.validate(data).manifests


def _with_spanish_name(data: bytes) -> str:
    """The sample with a Spanish name put before the first upper-case text of an attribute or element."""
    text = data.decode("utf-8")
    found = re.search(r"(?<=[\">])[A-Z][A-Z ]{3,}(?=[\"<])", text)
    assert found is not None
    return text[: found.start()] + SPANISH + " " + text[found.start() :]


@pytest.mark.parametrize("name", XML)
@pytest.mark.parametrize("encoding", ["UTF-16", "ISO-8859-1", "windows-1252"])
def test_a_declared_encoding_is_honoured(name: str, encoding: str) -> None:
    text = _with_spanish_name(ALL_SAMPLES[name].read_bytes())
    text = re.sub(r"encoding=(['\"])UTF-8\1", f'encoding="{encoding}"', text, count=1, flags=re.IGNORECASE)
    report = api.validate(text.encode(encoding))
    assert report.format == name
    assert SPANISH in repr(report.manifests)
    assert not MOJIBAKE.search(everything(report))


@pytest.mark.parametrize("name", XML)
def test_xml_declared_utf8_holding_latin1_bytes_is_diagnosed_at_the_byte(name: str) -> None:
    text = _with_spanish_name(ALL_SAMPLES[name].read_bytes())
    data = text.encode("latin-1")
    report = api.validate(data)
    offset = data.index("Ñ".encode("latin-1"))
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    assert positions(report) == [("XML006", line, column)]
    assert report.diagnostics[0].args["offset"] == str(offset + 1)


@pytest.mark.parametrize("name", XML)
def test_xml_declared_latin1_holding_utf8_bytes_is_diagnosed_not_misread(name: str) -> None:
    text = _with_spanish_name(ALL_SAMPLES[name].read_bytes())
    text = re.sub(r"encoding=(['\"])UTF-8\1", 'encoding="ISO-8859-1"', text, count=1, flags=re.IGNORECASE)
    data = text.encode("utf-8")
    report = api.validate(data)
    offset = data.index("Ñ".encode())
    line = data.count(b"\n", 0, offset) + 1
    assert [(d.code, d.line) for d in report.diagnostics] == [("XML007", line)]
    assert report.diagnostics[0].args["value"] == "Ñ"
    assert not MOJIBAKE.search(everything(report))


def test_an_unknown_declared_encoding() -> None:
    data = b'<?xml version="1.0" encoding="X-NO-SUCH"?>\n<m xmlns="urn:x"/>'
    report = api.validate(data, format="manifest-xml")
    assert positions(report)[0][:2] == ("XML008", 1)


# -- X12: no declaration, a documented policy ----------------------------------------------------------------


def _x12_with_spanish(name: str = "x12-309") -> str:
    text = ALL_SAMPLES[name].read_text("utf-8")
    at = text.index("N1*SH*") + len("N1*SH*") if name == "x12-309" else text.index("\nN1*") + 1
    return text[:at] + SPANISH + " " + text[at:]


def _names(report: FileReport) -> list[str]:
    return [p.name or "" for m in report.manifests for c in m.consignments for p in c.parties]


def test_x12_in_utf8_is_read_without_a_finding() -> None:
    report = api.validate(_x12_with_spanish().encode("utf-8"), format="x12-309")
    assert not [d for d in report.diagnostics if d.severity >= Severity.WARNING]
    assert any(name.startswith(SPANISH) for name in _names(report))


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_legacy_x12_is_read_as_windows_1252_with_a_warning_at_the_first_byte(encoding: str) -> None:
    text = _x12_with_spanish()
    data = text.encode(encoding)
    report = api.validate(data, format="x12-309")
    warnings = [d for d in report.diagnostics if d.code == "X12003"]
    offset = data.index("Ñ".encode(encoding))
    assert [(d.line, d.args["offset"]) for d in warnings] == [(data.count(b"\n", 0, offset) + 1, str(offset + 1))]
    assert any(name.startswith(SPANISH) for name in _names(report))
    assert not MOJIBAKE.search(everything(report))


def test_windows_1252_punctuation_is_not_read_as_control_characters() -> None:
    """0x92 is a right single quotation mark in Windows-1252, a C1 control character in ISO 8859-1."""
    text = _x12_with_spanish().replace(SPANISH, "O’NEILL PEÑA")
    report = api.validate(text.encode("cp1252"), format="x12-309")
    assert any(name.startswith("O’NEILL PEÑA") for name in _names(report))
    assert "MF007" not in [d.code for d in report.diagnostics]


def test_legacy_x12_converted_carries_the_names_correctly() -> None:
    data = _x12_with_spanish().encode("latin-1")
    for target in ("manifest-json", "manifest-xml", "cuscar"):
        written = api.convert(data, target).written
        assert written is not None
        out = written.data.decode("utf-8" if target != "cuscar" else "latin-1")
        assert SPANISH in out, target
        assert not MOJIBAKE.search(out), target
    # Written back as X12, the accents go (X12.6 character sets) and that is listed, never mojibake.
    back = api.convert(data, "x12-309")
    assert back.written is not None
    assert "PENA CAMION" in back.written.data.decode("ascii")
    assert [d.code for d in back.losses if d.field and d.field.endswith("parties[0].name")] == ["X12410"]


def test_the_legacy_decoder_gives_what_the_whole_decode_gives_at_any_cut() -> None:
    data = "UTF-8 PEÑA ".encode() + "CAMIÓN ‘x’ ".encode("cp1252") + bytes([0x81, 0x8D])
    whole = decode_legacy(data)
    assert whole == "UTF-8 PEÑA CAMIÓN ‘x’ \x81\x8d"
    for cut in range(len(data) + 1):
        decoder = legacy_decoder()
        assert decoder.decode(data[:cut]) + decoder.decode(data[cut:], final=True) == whole


def test_legacy_x12_streamed_gives_the_names_the_whole_read_gives() -> None:
    data = _x12_with_spanish().encode("latin-1")
    streamed = [
        item.consignment.parties[0].name
        for item in api.stream(io.BytesIO(data), "x12-309")
        if hasattr(item, "consignment") and item.consignment.parties
    ]
    assert any(name and name.startswith(SPANISH) for name in streamed)


# -- EDIFACT: the syntax identifier says the character set ---------------------------------------------------


def _cuscar_with_spanish(syntax: str = "UNOC") -> str:
    text = ALL_SAMPLES["cuscar"].read_bytes().decode("latin-1").replace("UNB+UNOC:3", f"UNB+{syntax}:3", 1)
    at = text.index("NAD+CZ+") + len("NAD+CZ+")
    return text[:at] + SPANISH + " " + text[at:]


@pytest.mark.parametrize(("syntax", "encoding"), [("UNOC", "latin-1"), ("UNOW", "utf-8")])
def test_cuscar_in_its_declared_character_set(syntax: str, encoding: str) -> None:
    text = _cuscar_with_spanish(syntax)
    report = api.validate(text.encode(encoding), format="cuscar")
    assert not [d for d in report.diagnostics if d.code.startswith("EDI")]
    assert SPANISH in repr(report.manifests)


def test_cuscar_declaring_unoc_but_written_in_utf8_is_read_as_utf8_and_reported() -> None:
    data = _cuscar_with_spanish("UNOC").encode("utf-8")
    report = api.validate(data, format="cuscar")
    offset = data.index("Ñ".encode())
    line = data.count(b"\n", 0, offset) + 1
    column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    assert [(d.code, d.line, d.column) for d in report.diagnostics if d.code.startswith("EDI")] == [
        ("EDI020", line, column)
    ]
    assert SPANISH in repr(report.manifests)
    assert not MOJIBAKE.search(everything(report))


@pytest.mark.parametrize("syntax", ["UNOA", "UNOB"])
def test_cuscar_declaring_ascii_levels_but_holding_latin1_is_diagnosed_at_the_byte(syntax: str) -> None:
    data = _cuscar_with_spanish(syntax).encode("latin-1")
    report = api.validate(data, format="cuscar")
    offset = data.index("Ñ".encode("latin-1"))
    found = [d for d in report.diagnostics if d.code == "EDI004"]
    assert found and found[0].args["offset"] == str(offset + 1)
    assert found[0].line == data.count(b"\n", 0, offset) + 1


def test_cuscar_unoa_with_lower_case_is_outside_its_repertoire() -> None:
    text = _cuscar_with_spanish("UNOA").replace(SPANISH, "Pena")
    at = text.index("Pena") + 1
    line = text.count("\n", 0, at) + 1
    column = at - (text.rfind("\n", 0, at) + 1) + 1
    report = api.validate(text.encode("ascii"), format="cuscar")
    assert ("EDI005", line, column) in positions(report)


def test_a_value_outside_the_repertoire_is_one_finding_with_its_count_and_first_character() -> None:
    """A lower-case name under UNOA is one fault (ISO 9735-1 annex A), not one per letter."""
    text = _cuscar_with_spanish("UNOA").replace(SPANISH, "Pena Camion")
    report = api.validate(text.encode("ascii"), format="cuscar")
    at = text.index("Pena") + 1
    found = [d for d in report.diagnostics if d.code == "EDI005" and d.line == text.count("\n", 0, at) + 1]
    # The name is one value; the qualifier 'rfc' later on its line is another.
    assert [(d.column, d.args["count"], d.value) for d in found][:1] == [(at - text.rfind("\n", 0, at), "8", "e")]
    assert [d.args["count"] for d in found][1:] == ["3"]
    assert "8 character(s)" in found[0].message() and "U+0065 'e'" in found[0].message()


def test_a_released_separator_does_not_end_the_value_outside_the_repertoire() -> None:
    data = b"UNB+UNOA:2+S+R+261120:2200+1'UNH+1+CUSCAR:D:95B:UN'FTX+AAA+++ab?+cd:EF'UNT+3+1'UNZ+1+1'"
    found = [d for d in cuscar.read(data).diagnostics if d.code == "EDI005"]
    assert [(d.column, d.args["count"]) for d in found] == [(data.index(b"ab") + 1, "4")]


_INDENTED = "\n".join("  " + line for line in ALL_SAMPLES["cuscar"].read_text("latin-1").splitlines())


@pytest.mark.parametrize("indent", ["  ", "\t"])
def test_indented_lines_are_told_once_with_their_count(indent: str) -> None:
    text = _INDENTED.replace("  ", indent)
    plain = api.validate(ALL_SAMPLES["cuscar"].read_bytes(), format="cuscar")
    report = api.validate(text.encode("latin-1"), format="cuscar")
    told = [(d.code, d.line, d.column, d.args["count"]) for d in report.diagnostics if d.code == "EDI022"]
    assert told == [("EDI022", 1, len(indent) + 1, str(len(text.splitlines())))]
    assert [d.code for d in report.diagnostics if d.code != "EDI022"] == [d.code for d in plain.diagnostics]
    assert report.manifests[0].consignments == plain.manifests[0].consignments


@pytest.mark.parametrize("profile", ["auto", "cbp", "sat", "harmonized"])
def test_an_indented_cuscar_outside_its_repertoire_is_reported_alike_streamed_and_whole(profile: str) -> None:
    data = _INDENTED.replace("UNOC", "UNOA").encode("latin-1")
    whole = api.validate(data, format="cuscar", profile=profile)
    streamed = api.validate_stream(io.BytesIO(data), format="cuscar", profile=profile)
    assert streamed.diagnostics == whole.diagnostics
    assert [d.code for d in whole.diagnostics].count("EDI022") == 1


_CHARACTER_CODES = ("EDI004", "EDI005", "EDI020", "EDI022")
_REPERTOIRE_CASES = {
    "UNOA with lower case": _cuscar_with_spanish("UNOA").replace(SPANISH, "Pena").encode("ascii"),
    "UNOA holding Latin-1": _cuscar_with_spanish("UNOA").encode("latin-1"),
    "UNOB holding Latin-1": _cuscar_with_spanish("UNOB").encode("latin-1"),
    "UNOW with a bad byte": _cuscar_with_spanish("UNOW").encode("utf-8").replace("Ó".encode(), b"\xff", 1),
    "UNOW cut in a sequence": _cuscar_with_spanish("UNOW").encode("utf-8"),
    "UNOA, lines indented by tabs": _INDENTED.replace("  ", "\t").replace("UNOC", "UNOA").encode("latin-1"),
    "UNOA, a released separator": _cuscar_with_spanish("UNOA").replace(SPANISH, "Pe?'na").encode("ascii"),
}


@pytest.mark.parametrize("case", list(_REPERTOIRE_CASES))
@pytest.mark.parametrize("block", [1, 2, 3, 7, 4096])
def test_a_streamed_cuscar_finds_each_character_fault_where_a_whole_read_does(case: str, block: int) -> None:
    """EDI004, EDI005 and EDI020 are found block by block at the byte, line and column a whole read gives, whatever
    the blocks cut (a UTF-8 sequence, a line)."""
    data = _REPERTOIRE_CASES[case]
    whole = [
        (d.code, d.line, d.column, dict(d.args)) for d in cuscar.read(data).diagnostics if d.code in _CHARACTER_CODES
    ]
    streamed = [
        (d.code, d.line, d.column, dict(d.args))
        for d in cuscar.stream(io.BytesIO(data), chunk_size=block)
        if isinstance(d, Diagnostic) and d.code in _CHARACTER_CODES
    ]
    assert sorted(streamed, key=repr) == sorted(whole, key=repr)
    assert whole or case == "UNOW cut in a sequence"


def test_a_streamed_cuscar_in_utf8_under_unoc_is_read_as_utf8_when_its_head_shows_it() -> None:
    """A stream chooses its decoder from its first block (64 KiB by default): a UNOC interchange written in UTF-8
    whose first multi-byte character is in that block is read as a whole read reads it."""
    data = _cuscar_with_spanish("UNOC").encode("utf-8")
    whole = [(d.code, d.line, d.column) for d in cuscar.read(data).diagnostics if d.code in _CHARACTER_CODES]
    streamed = [
        (d.code, d.line, d.column)
        for d in cuscar.stream(io.BytesIO(data))
        if isinstance(d, Diagnostic) and d.code in _CHARACTER_CODES
    ]
    assert streamed == whole == [("EDI020", *whole[0][1:])]


# -- character sets on write ---------------------------------------------------------------------------------


def _model_with_name(name: str, syntax: str | None = None) -> Manifest:
    manifest = cuscar.read(ALL_SAMPLES["cuscar"].read_bytes()).manifests[0]
    first = manifest.consignments[0]
    party = replace(first.parties[0], name=name)
    extensions = {**manifest.extensions, **({"cuscar.UNB.01": syntax} if syntax else {})}
    return replace(
        manifest,
        extensions=extensions,
        consignments=(replace(first, parties=(party, *first.parties[1:])), *manifest.consignments[1:]),
    )


def _read_back_name(data: bytes) -> str | None:
    return cuscar.read(data).manifests[0].consignments[0].parties[0].name


@pytest.mark.parametrize(
    ("syntax", "name", "written", "outside"),
    [
        ("UNOA:3", "Peña Camión", "PENA CAMION", "eñamión"),
        ("UNOB:3", "Peña Camión", "Pena Camion", "ñó"),
        ("UNOC:3", "ŁÓDŹ O’NEILL PEÑA", "LÓDZ O'NEILL PEÑA", "ŁŹ’"),
    ],
)
def test_cuscar_values_outside_the_kept_syntax_level_are_transliterated_and_listed(
    syntax: str, name: str, written: str, outside: str
) -> None:
    result = cuscar.write([_model_with_name(name, syntax)])
    assert result.data.startswith(b"UNA:+.? '\nUNB+" + syntax.encode())
    losses = [d for d in result.losses if d.field == "consignments[0].parties[0].name"]
    assert [(d.code, d.args["written"], d.args["chars"]) for d in losses] == [("EDI030", written, outside)]
    assert _read_back_name(result.data) == written
    # What is written is inside the level: reading it back finds no character outside the repertoire.
    assert not [d for d in cuscar.read(result.data).diagnostics if d.code in ("EDI004", "EDI005")]


def test_cuscar_unoa_lists_every_value_it_cannot_carry_and_writes_nothing_outside_level_a() -> None:
    result = cuscar.write([_model_with_name("PENA", "UNOA:3")])
    document = cuscar.read(result.data)
    assert not [d for d in document.diagnostics if d.severity >= Severity.WARNING]
    assert result.losses  # the sample's place names are in mixed case
    assert all(d.code in ("EDI030", "CUS010") and d.field for d in result.losses)


def test_cuscar_without_a_kept_level_writes_unoc_and_raises_to_unow_beyond_latin_1_with_a_note() -> None:
    plain = cuscar.write([_model_with_name("PEÑA CAMIÓN")])
    assert b"UNB+UNOC:3" in plain.data[:40]
    assert _read_back_name(plain.data) == "PEÑA CAMIÓN"
    assert not plain.notes
    wide = cuscar.write([_model_with_name("ŁÓDŹ PEÑA")])
    assert b"UNB+UNOW:4" in wide.data[:40]
    assert _read_back_name(wide.data) == "ŁÓDŹ PEÑA"
    assert [(d.code, d.field, d.args["chars"]) for d in wide.notes] == [
        ("EDI031", "consignments[0].parties[0].name", "ŁŹ")
    ]


@pytest.mark.parametrize("target", ["x12-309", "x12-358"])
def test_x12_values_outside_the_basic_and_extended_sets_are_transliterated_and_listed(target: str) -> None:
    name = "PEÑA CAMIÓN O’NEILL 東"
    model = _model_with_name(name)
    result = api.write([model], target)
    assert result.data.isascii()
    found = [d for d in result.losses if d.field == "consignments[0].parties[0].name"]
    if target == "x12-358":  # the consist carries no party names: not carried, whatever the characters
        assert [d.code for d in found] == ["X12401"]
        return
    assert [(d.code, d.args["written"], d.args["chars"]) for d in found] == [
        ("X12410", "PENA CAMION O'NEILL ?", "Ñ Ó’東".replace(" ", ""))
    ]
    assert "Ñ" not in result.data.decode("ascii", errors="replace")


def test_x12_ascii_text_in_lower_case_is_written_as_it_is() -> None:
    """Lower-case letters are in the X12 extended character set: nothing to list."""
    result = api.write([_model_with_name("Pena Camion")], "x12-309")
    assert b"Pena Camion" in result.data
    assert not [d for d in result.losses if d.code == "X12410"]


def test_cuscar_declaring_unoc_but_written_in_utf8_streams_as_it_reads_whole() -> None:
    data = _cuscar_with_spanish("UNOC").encode("utf-8")
    whole = api.validate(data, format="cuscar")
    items = list(api.stream(io.BytesIO(data), "cuscar"))
    found = [(d.code, d.line, d.column) for d in items if isinstance(d, Diagnostic) and d.code.startswith("EDI")]
    assert found == [(d.code, d.line, d.column) for d in whole.diagnostics if d.code.startswith("EDI")]
    assert SPANISH in repr(items)
    assert not MOJIBAKE.search(repr(items))
