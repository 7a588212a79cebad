"""Broken and hostile files: each gets a diagnostic with its position, in bounded memory, with nothing read from disk
or network that the file asks for, and never an exception.

Memory is bounded with tracemalloc (the peak of what Python allocates while reading); the XML parser's own memory
is bounded by libxml2's limits, which the diagnostics name. No test times anything: a hang or a quadratic blow-up
shows as a test run that does not finish.

Every prefix of every EDI and Cargo-IMP sample is read; every sample, through format detection, with a stride,
unless ``MANIFEST_DEEP_SWEEP`` is set (or the ``deep`` hypothesis profile is chosen): then at every byte (all
samples, about 150,000 reads, a few minutes).
"""

from __future__ import annotations

import os
import random
import re
import threading
import tracemalloc
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from typing import ClassVar

import pytest

from manifest import api
from manifest.api import FileReport
from manifest.diagnostics import Severity
from tests.conftest import SAMPLES

XML_SAMPLES = {
    "carta-porte": SAMPLES / "rail" / "northbound-nuevo-laredo.cartaporte.xml",
    "cargo-xml": SAMPLES / "air" / "northbound-flight-am0642-awb-139-12345675.xfwb.xml",
    "manifest-xml": SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.xml",
}
EDI_SAMPLES = {
    "x12-309": SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309",
    "x12-358": SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.358",
    "cuscar": SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.cuscar",
    "cargo-imp": SAMPLES / "air" / "northbound-flight-am0642-awb-139-12345675.fwb",
}
X12 = ("x12-309", "x12-358")
DEEP = bool(os.environ.get("MANIFEST_DEEP_SWEEP")) or os.environ.get("HYPOTHESIS_PROFILE") == "deep"
MB = 1 << 20


@contextmanager
def peak_below(limit: int) -> Iterator[None]:
    """Fails when what Python allocates inside the block peaks above ``limit`` bytes."""
    tracemalloc.start()
    try:
        yield
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < limit, f"peak {peak / MB:.0f} MB, limit {limit / MB:.0f} MB"


def check(data: bytes, format: str | None = None, path: str = "-") -> FileReport:
    """The report on ``data`` (validate never raises); every finding has a line."""
    report = api.validate(data, format=format, path=path)
    assert all(d.line is not None and d.line >= 1 for d in report.diagnostics), report.diagnostics
    return report


def finding(report: FileReport, code: str) -> tuple[int | None, int | None]:
    found = [d for d in report.diagnostics if d.code == code]
    assert found, f"{code} not in {[(d.code, d.message()) for d in report.diagnostics]}"
    assert found[0].message("es") != found[0].message("en")
    return found[0].line, found[0].column


def errors(report: FileReport) -> list[str]:
    return [d.code for d in report.diagnostics if d.severity == Severity.ERROR]


def after_root_tag(data: bytes, insert: bytes) -> bytes:
    """``data`` with ``insert`` placed right after the root element's start tag."""
    root = re.compile(rb"<[A-Za-z][^>]*>").search(data, data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0)
    assert root is not None
    return data[: root.end()] + insert + data[root.end() :]


def in_root_tag(data: bytes, insert: bytes) -> bytes:
    """``data`` with ``insert`` placed among the root element's attributes."""
    root = re.compile(rb"<[A-Za-z][^\s>]*").search(data, data.index(b"?>") + 2 if data.startswith(b"<?xml") else 0)
    assert root is not None
    return data[: root.end()] + insert + data[root.end() :]


# -- XML: entities, DTDs, XInclude ------------------------------------------------------------------------------

BILLION_LAUGHS = (
    b'<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    + b"".join(
        b' <!ENTITY lol%d "%s">\n' % (n, (b"&lol%d;" % (n - 1) if n > 1 else b"&lol;") * 10) for n in range(1, 10)
    )
    + b"]>\n<lolz>&lol9;</lolz>\n"
)
QUADRATIC = (
    b'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY a "' + b"x" * 50_000 + b'">]>\n<r>' + b"&a;" * 50_000 + b"</r>\n"
)


@pytest.mark.parametrize("name", XML_SAMPLES)
@pytest.mark.parametrize("bomb", [BILLION_LAUGHS, QUADRATIC], ids=["billion-laughs", "quadratic"])
def test_entity_expansion_is_refused_before_it_starts(name: str, bomb: bytes) -> None:
    with peak_below(8 * MB):
        report = check(bomb, name)
    assert finding(report, "XML002") == (2, 1)


@pytest.mark.parametrize("name", XML_SAMPLES)
@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_entity_expansion_in_a_wide_encoding_is_refused_too(name: str, encoding: str) -> None:
    """A byte search for ``<!DOCTYPE`` misses it in UTF-16; the document is searched in its own encoding."""
    bomb = BILLION_LAUGHS.decode().encode(encoding)
    if encoding == "utf-16-be":
        bomb = b"\xfe\xff" + bomb
    assert finding(check(bomb, name), "XML002") == (2, 1)


SECRET = "SECRET-7c1d5e-NOT-FOR-MANIFESTS"


@pytest.fixture
def secret_file(tmp_path: Path) -> Path:
    path = tmp_path / "secret.txt"
    path.write_text(SECRET)
    return path


class _Recorder(BaseHTTPRequestHandler):
    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.requests.append(self.path)
        body = SECRET.encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        return


@pytest.fixture
def http_url() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records every request it gets."""
    requests: list[str] = []
    handler = type("Recorder", (_Recorder,), {"requests": requests})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/secret", requests
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def _everything_said(report: FileReport) -> str:
    return "\n".join(f"{d.message('en')} {d.message('es')} {d.value} {d.location}" for d in report.diagnostics) + repr(
        report.manifests
    )


def _external_entity_documents(data: bytes, url: str) -> dict[str, bytes]:
    root = re.compile(rb"<([A-Za-z][\w:.-]*)").search(data, data.index(b"?>") + 2)
    assert root is not None
    name = root.group(1)
    prolog_end = data.index(b"?>") + 2
    entity = b'<!DOCTYPE %s [<!ENTITY xxe SYSTEM "%s">]>' % (name, url.encode())
    return {
        "entity": data[:prolog_end] + b"\n" + entity + after_root_tag(data[prolog_end:], b"&xxe;"),
        "external-dtd": data[:prolog_end] + b'\n<!DOCTYPE %s SYSTEM "%s">' % (name, url.encode()) + data[prolog_end:],
        "parameter-entity": data[:prolog_end]
        + b'\n<!DOCTYPE %s [<!ENTITY %% p SYSTEM "%s"> %%p;]>' % (name, url.encode())
        + data[prolog_end:],
    }


@pytest.mark.parametrize("name", XML_SAMPLES)
def test_external_entities_and_dtds_on_disk_are_never_read(name: str, secret_file: Path) -> None:
    data = XML_SAMPLES[name].read_bytes()
    for kind, hostile in _external_entity_documents(data, secret_file.as_uri()).items():
        report = check(hostile, name)
        assert finding(report, "XML002")[0] == 2, kind
        assert SECRET not in _everything_said(report), kind


@pytest.mark.parametrize("name", XML_SAMPLES)
def test_external_entities_and_dtds_on_the_network_are_never_fetched(
    name: str, http_url: tuple[str, list[str]]
) -> None:
    url, requests = http_url
    data = XML_SAMPLES[name].read_bytes()
    for kind, hostile in _external_entity_documents(data, url).items():
        report = check(hostile, name)
        assert finding(report, "XML002")[0] == 2, kind
        assert SECRET not in _everything_said(report), kind
    assert requests == []


@pytest.mark.parametrize("name", XML_SAMPLES)
def test_xinclude_is_refused_and_nothing_is_included(name: str, secret_file: Path) -> None:
    include = b'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="%s" parse="text"/>' % (
        secret_file.as_uri().encode()
    )
    report = check(after_root_tag(XML_SAMPLES[name].read_bytes(), include), name)
    line, _ = finding(report, "XML003")
    assert line == 2
    assert errors(report) == ["XML003"]
    assert SECRET not in _everything_said(report)


# -- XML: size and depth ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", XML_SAMPLES)
def test_very_deep_nesting_stops_at_the_parser_limit(name: str) -> None:
    deep = b'<?xml version="1.0"?>\n' + b"<a>" * 100_000 + b"</a>" * 100_000
    with peak_below(8 * MB):
        report = check(deep, name)
    line, column = finding(report, "XML004")
    assert line == 2 and column is not None and column > 256 * 3


@pytest.mark.parametrize("name", XML_SAMPLES)
def test_a_50_mb_text_node_is_refused_with_its_position(name: str) -> None:
    data = after_root_tag(XML_SAMPLES[name].read_bytes(), b"x" * (50 * 1000 * 1000))
    with peak_below(2 * len(data)):  # the file and one copy at most: the text is never built whole
        report = check(data, name)
    line, column = finding(report, "XML005")
    assert line == 2 and column is not None and column > 10_000_000
    assert errors(report) == ["XML005"]


@pytest.mark.parametrize("name", XML_SAMPLES)
def test_a_50_mb_attribute_is_refused_with_its_position(name: str) -> None:
    data = in_root_tag(XML_SAMPLES[name].read_bytes(), b' huge="' + b"y" * (50 * 1000 * 1000) + b'"')
    with peak_below(2 * len(data)):
        report = check(data, name)
    line, column = finding(report, "XML005")
    assert line == 2 and column is not None and column > 10_000_000


@pytest.mark.parametrize("name", XML_SAMPLES)
def test_a_text_node_under_the_limit_is_read_and_judged_by_the_format(name: str) -> None:
    """Below libxml2's 10,000,000 characters a large text is parsed; the format's own checks decide."""
    data = after_root_tag(XML_SAMPLES[name].read_bytes(), b"<!-- " + b"z" * 5_000_000 + b" -->")
    report = check(data, name)
    assert report.format == name
    assert not errors(report)


# -- EDI and Cargo-IMP ------------------------------------------------------------------------------------------


def test_x12_without_any_segment_terminator_after_the_isa() -> None:
    data = EDI_SAMPLES["x12-309"].read_bytes()
    body = data[106:].replace(b"~", b"")
    report = check(data[:106] + body, "x12-309")
    assert finding(report, "X12011")[0] == 2  # the last segment (all after the ISA) has no terminator
    assert "X12006" in errors(report)


@pytest.mark.parametrize("name", X12)
def test_x12_whose_segments_end_other_than_the_isa_declares(name: str) -> None:
    """ISA16 is followed by '~' but the rest of the file ends its segments with line breaks only."""
    data = EDI_SAMPLES[name].read_bytes()
    wrong = data[:106] + data[106:].replace(b"~\n", b"\n")
    report = check(wrong, name)
    line, _ = finding(report, "X12011")
    assert line == 2
    assert report.manifests == ()


def test_x12_missing_the_last_terminator() -> None:
    data = EDI_SAMPLES["x12-309"].read_bytes().rstrip(b"\r\n")
    assert data.endswith(b"~")
    report = check(data[:-1], "x12-309")
    assert finding(report, "X12011") == (data.count(b"\n") + 1, 1)


def test_cuscar_without_segment_terminators() -> None:
    data = EDI_SAMPLES["cuscar"].read_bytes()
    una, rest = data[:9], data[9:]
    report = check(una + rest.replace(b"'", b""), "cuscar")
    assert finding(report, "EDI007")[0] is not None
    assert report.manifests == ()


def test_cuscar_whose_segments_end_other_than_the_una_declares() -> None:
    data = EDI_SAMPLES["cuscar"].read_bytes()
    assert data.startswith(b"UNA:+.? '")
    report = check(data[:9] + data[9:].replace(b"'\n", b"|\n"), "cuscar")
    assert finding(report, "EDI007")[0] is not None
    assert report.manifests == ()


def test_cargo_imp_with_its_lines_run_together() -> None:
    """Cargo-IMP ends each line with CR LF; without them the message is one overlong line."""
    data = EDI_SAMPLES["cargo-imp"].read_bytes()
    report = check(re.sub(rb"\r?\n", b"", data), "cargo-imp")
    assert errors(report)
    assert all(d.line == 1 for d in report.diagnostics if d.severity == Severity.ERROR)


SEPARATORS = {"x12-309": b"*", "x12-358": b"*", "cuscar": b"+"}
COMPONENTS = {"x12-309": b">", "x12-358": b">", "cuscar": b":"}


def _middle_segment(data: bytes, name: str) -> int:
    """The offset of a segment start in the middle of a sample."""
    terminator = {"cuscar": b"'", "cargo-imp": b"\n"}.get(name, b"~")
    at = data.index(terminator, len(data) // 2) + len(terminator)
    while data[at : at + 1] in (b"\r", b"\n"):
        at += 1
    return at


@pytest.mark.parametrize("name", EDI_SAMPLES)
def test_a_20_mb_value_is_reported_where_it_stands(name: str) -> None:
    data = EDI_SAMPLES[name].read_bytes()
    at = _middle_segment(data, name)
    # Inside the first value of the segment: after its tag and the first separator.
    at = data.index(SEPARATORS.get(name, b"/"), at) + 1
    huge = data[:at] + b"A" * (20 * 1000 * 1000) + data[at:]
    with peak_below(8 * len(huge)):
        report = check(huge, name)
    line = data.count(b"\n", 0, at) + 1
    assert any(d.line == line and d.severity >= Severity.WARNING for d in report.diagnostics), report.diagnostics


@pytest.mark.parametrize("name", list(SEPARATORS))
@pytest.mark.parametrize("kind", ["elements", "components", "both"])
def test_a_long_run_of_separators_is_cut_at_99(name: str, kind: str) -> None:
    """900,000 separators would be as many values; a segment holds 99 at most (X12.6, ISO 9735). A longer segment
    is not read at all (tests/test_long_segments.py)."""
    data = EDI_SAMPLES[name].read_bytes()
    at = _middle_segment(data, name) + 3
    run = {
        "elements": SEPARATORS[name] * 900_000,
        "components": COMPONENTS[name] * 900_000,
        "both": (SEPARATORS[name] + COMPONENTS[name]) * 450_000,
    }[kind]
    huge = data[:at] + run + data[at:]
    with peak_below(8 * len(huge)):
        report = check(huge, name)
    line, column = finding(report, "MF006")
    assert line == data.count(b"\n", 0, at) + 1
    assert column is not None and column > 3


@pytest.mark.parametrize("name", EDI_SAMPLES)
def test_binary_garbage_after_the_header(name: str) -> None:
    data = EDI_SAMPLES[name].read_bytes()
    garbage = random.Random(9).randbytes(200_000)
    report = check(data[:120] + garbage, name)
    assert errors(report)


@pytest.mark.parametrize("name", [*EDI_SAMPLES, *XML_SAMPLES])
def test_binary_garbage_alone(name: str) -> None:
    garbage = random.Random(10).randbytes(200_000)
    assert errors(check(garbage, name))
    assert errors(check(garbage)) == ["MF004"]


@pytest.mark.parametrize("name", EDI_SAMPLES)
def test_nul_bytes_between_segments_and_inside_values(name: str) -> None:
    data = EDI_SAMPLES[name].read_bytes()
    at = _middle_segment(data, name)
    report = check(data[:at] + b"\x00\x00\x00" + data[at:], name)
    assert any(d.line == data.count(b"\n", 0, at) + 1 for d in report.diagnostics), report.diagnostics
    inside = data.index(SEPARATORS.get(name, b"/"), at) + 1
    report = check(data[:inside] + b"\x00" + data[inside:], name)
    assert report.diagnostics


def test_isa_with_repeated_separators() -> None:
    data = bytearray(EDI_SAMPLES["x12-309"].read_bytes())
    assert data[104:105] == b">"
    data[104:105] = b"*"  # the component separator the same as the element separator
    report = check(bytes(data), "x12-309")
    assert finding(report, "X12012") == (1, 106)


def test_isa_whose_terminator_is_the_element_separator() -> None:
    data = EDI_SAMPLES["x12-309"].read_bytes()
    report = check(data[:105] + b"*" + data[106:], "x12-309")
    assert finding(report, "X12012")[0] == 1


@pytest.mark.parametrize(
    ("una", "position"),
    [
        (b"UNA:+.? +", 6),  # terminator repeats the element separator
        (b"UNA::.? '", 2),  # element separator repeats the component separator
        (b"UNAA+.? '", 1),  # a letter as a separator
        (b"UNA:+;? '", 3),  # a decimal mark that is neither comma nor full stop
        (b"UNA:+.' '", 6),  # release character and terminator the same
    ],
)
def test_una_declaring_odd_characters(una: bytes, position: int) -> None:
    data = EDI_SAMPLES["cuscar"].read_bytes()
    report = check(una + data[9:], "cuscar")
    found = [d for d in report.diagnostics if d.code == "EDI003"]
    assert found and found[0].line == 1
    assert found[0].location is not None and found[0].location.startswith("UNA")


# -- truncation --------------------------------------------------------------------------------------------------


def _prefixes(data: bytes, stride: int) -> Iterator[bytes]:
    for end in range(0, len(data) + 1, stride):
        yield data[:end]
    yield data


@pytest.mark.parametrize("name", EDI_SAMPLES)
def test_every_prefix_of_an_edi_sample_reads_without_an_exception(name: str) -> None:
    data = EDI_SAMPLES[name].read_bytes()
    for prefix in _prefixes(data, 1):
        report = api.validate(prefix, format=name)
        # X12 and EDIFACT close an interchange with a trailer, so a cut is always seen; a Cargo-IMP message cut
        # at the end of a line may be complete.
        if name != "cargo-imp" and 0 < len(prefix.strip()) < len(data.strip()):
            assert report.diagnostics, len(prefix)


def _all_samples() -> list[Path]:
    return sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.name != "README.md")


@pytest.mark.parametrize("path", _all_samples(), ids=lambda p: p.name)
def test_every_prefix_of_every_sample_reads_without_an_exception(path: Path) -> None:
    """Through format detection, as a user meets a truncated file: by a stride (the EDI samples are cut at every
    byte above), at every byte when the deep sweep is asked for."""
    data = path.read_bytes()
    stride = 1 if DEEP else 31
    for prefix in _prefixes(data, stride):
        api.validate(prefix, path=path.name)


# -- empty files and files of another format --------------------------------------------------------------------

EMPTY = {
    "empty": b"",
    "spaces": b"   ",
    "line-breaks": b"\r\n\n\r\n",
    "tabs": b"\t \t\n",
    "utf8-bom": b"\xef\xbb\xbf",
    "utf8-bom-and-space": b"\xef\xbb\xbf \n",
    "utf16-bom-and-space": " \n".encode("utf-16"),
}


@pytest.mark.parametrize("name", [None, *EDI_SAMPLES, *XML_SAMPLES, "manifest-json"])
@pytest.mark.parametrize("content", EMPTY.values(), ids=EMPTY)
def test_empty_and_whitespace_only_files(name: str | None, content: bytes) -> None:
    report = check(content, name)
    assert [(d.code, d.line, d.column) for d in report.diagnostics] == [("MF005", 1, 1)]


OTHER_FORMATS = {
    "png": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89",
    "pdf": b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
    "zip": b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(20) + b"manifest.xml",
    "gzip": b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + bytes(30),
    "json": b'{"name": "not a manifest", "items": [1, 2, 3]}\n',
    "json-array": b'[{"format": "x12-309"}]\n',
    "html": b"<!DOCTYPE html>\n<html><head><title>Manifest</title></head><body><p>UNB ISA</p></body></html>\n",
    "plain-xml": b'<?xml version="1.0"?>\n<order xmlns="urn:example:orders"><line/></order>\n',
    "csv": b"bill,container,weight\n123,MSKU1234565,1000\n",
    "nul": bytes(64),
}


@pytest.mark.parametrize("content", OTHER_FORMATS.values(), ids=OTHER_FORMATS)
def test_a_file_of_another_format_is_not_read_as_a_manifest(content: bytes) -> None:
    report = check(content)
    assert [(d.code, d.line, d.column) for d in report.diagnostics] == [("MF004", 1, 1)]
    assert report.format is None


@pytest.mark.parametrize("content", OTHER_FORMATS.values(), ids=OTHER_FORMATS)
@pytest.mark.parametrize("name", [*EDI_SAMPLES, *XML_SAMPLES, "manifest-json"])
def test_a_file_of_another_format_read_as_a_manifest_format_is_an_error_with_a_position(
    content: bytes, name: str
) -> None:
    """Forced with ``--format``, or named like a manifest: the reader says what is wrong, never a traceback."""
    report = check(content, name)
    assert errors(report), report.diagnostics
