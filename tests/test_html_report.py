"""The HTML report (``validate --output html``): one page that works offline, each file's text with its lines
numbered and every line with a finding highlighted beside its findings, filtered by severity and code, in English or
Spanish, and only the lines around the findings of a file too large to show whole.

The page is checked twice: as markup, and as a real browser renders it (Debian's headless Chromium: the DOM after
the page's script ran, and a screenshot that is not blank). The browser tests skip where no Chromium is installed;
CI installs it (.ci/run)."""

from __future__ import annotations

import html
import re
import shutil
import struct
import subprocess
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from manifest import report_html
from manifest.api import FileReport, validate
from manifest.checkfile import Skipped
from manifest.cli import main
from manifest.report_html import decoded_lines, html_report, shown_line_numbers
from tests.conftest import SAMPLES

RAIL_309 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
CLEAN_JSON = SAMPLES / "air" / "northbound-flight-am0642-mex-lax.manifest.json"
# Two faults put into the rail sample: a letter in the weight of the first bill (M11-05, line 7) and a country
# code that ISO 3166 does not have in the consignee's address (N4-04, line 13).
FAULTS = ((b"*92400*K", b"*9240O*K"), (b"N4*HOUSTON*TX*77015*US", b"N4*HOUSTON*TX*77015*ZZ"))
BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture
def faulty(tmp_path: Path) -> Path:
    data = RAIL_309.read_bytes()
    for before, after in FAULTS:
        assert before in data
        data = data.replace(before, after)
    path = tmp_path / "train.309"
    path.write_bytes(data)
    return path


@pytest.fixture
def page(tmp_path: Path, faulty: Path) -> Path:
    shutil.copy(CLEAN_JSON, tmp_path / "flight.manifest.json")
    (tmp_path / "notes.txt").write_text("loaded at the yard\n")
    result = CliRunner().invoke(main, ["validate", "--output", "html", str(tmp_path)])
    assert result.exit_code == 1, result.output
    path = tmp_path / "report.html"
    path.write_text(result.output, encoding="utf-8")
    return path


class _Rows(HTMLParser):
    """The rows of the files' text as a page holds them: line number, classes, and the codes of its findings."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: dict[str, dict[str, object]] = {}
        self.hidden_codes: list[str] = []
        self.current: dict[str, object] | None = None
        self.external: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        for name in ("src", "href"):
            value = attributes.get(name) or ""
            if value and not value.startswith("#"):
                self.external.append(value)
        if tag == "link":
            self.external.append(str(attributes))
        row_id = attributes.get("id") or ""
        if tag == "tr" and "-line-" in row_id:
            self.current = {"classes": set((attributes.get("class") or "").split()), "codes": []}
            self.rows[row_id] = self.current
        classes = set((attributes.get("class") or "").split())
        if tag == "div" and "finding" in classes and self.current is not None:
            code = attributes.get("data-code") or ""
            self.current["codes"].append(code)  # type: ignore[attr-defined]
            if "hidden" in classes:
                self.hidden_codes.append(code)


def _rows(page: str) -> _Rows:
    reader = _Rows()
    reader.feed(page)
    return reader


def _flagged(rows: _Rows, file_index: int) -> dict[int, set[str]]:
    found = {}
    for row_id, row in rows.rows.items():
        index, _, number = row_id.removeprefix("file-").partition("-line-")
        if int(index) == file_index and "flagged" in row["classes"]:  # type: ignore[operator]
            found[int(number)] = row["classes"] - {"flagged", "has-findings"}  # type: ignore[operator]
    return found


def test_every_line_with_a_finding_is_highlighted_beside_its_findings(page: Path, faulty: Path) -> None:
    text = page.read_text(encoding="utf-8")
    report = validate(faulty)
    lines = {d.line for d in report.diagnostics}
    assert {7, 13} <= lines
    rows = _rows(text)
    # The files are in the order of the walk: flight.manifest.json, then train.309 (index 1).
    assert set(_flagged(rows, 1)) == lines
    assert all(classes == {"error"} for classes in _flagged(rows, 1).values())
    assert _flagged(rows, 0) == {}
    # Every line of the file, numbered, in its text.
    assert len([r for r in rows.rows if r.startswith("file-1-")]) == len(faulty.read_bytes().splitlines())
    for diagnostic in report.diagnostics:
        codes = rows.rows[f"file-1-line-{diagnostic.line}"]["codes"]
        assert diagnostic.code in codes  # type: ignore[operator]
    country = next(d for d in report.diagnostics if d.code == "ID-007")
    for shown in (country.message("en"), country.field, country.value, country.source, country.location):
        assert shown is not None and html.escape(shown) in text
    assert "N4*HOUSTON*TX*77015*ZZ~" in text


def test_the_page_loads_nothing_from_outside(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    rows = _rows(text)
    assert rows.external == []  # the summary's links point inside the page only
    assert '<a href="#file-1">' in text
    assert re.search(r"https?://|@import|url\(", text) is None
    assert "<style>" in text and "<script>" in text


def test_the_summary_comes_first_with_the_files_passed_over(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    summary = text[: text.index('<section class="file"')]
    assert "2 file(s) checked: 3 error(s), 0 warning(s)" in summary
    assert re.search(r'<span class="result-failed">failed</span>', summary)
    assert "notes.txt" in summary and "in no known format" in summary
    assert "the receiver CBPRAIL (ISA.08) is CBP" in summary
    assert '<option value="ID-007">ID-007</option>' in summary and '<option value="X12104">' in summary


def test_the_page_in_spanish(faulty: Path) -> None:
    report = validate(faulty)
    text = html_report([report], "es", sources={report.path: faulty.read_bytes()})
    assert '<html lang="es">' in text
    for spanish in ("Informe de validación", "rechazado", "campo del modelo", "valor", "todos los códigos"):
        assert spanish in text
    assert html.escape(report.diagnostics[0].message("es")) in text
    for english in ("Validation report", ">failed<", ">value<", "every code"):
        assert english not in text


def test_a_file_too_large_to_show_whole_shows_the_lines_around_each_finding(
    faulty: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = validate(faulty)
    data = faulty.read_bytes()
    monkeypatch.setattr(report_html, "SHOWN_WHOLE_LINES", 10)
    rows = _rows(html_report([report], sources={report.path: data}))
    shown = sorted(int(r.rpartition("-")[2]) for r in rows.rows)
    assert shown == shown_line_numbers(len(data.splitlines()), sorted({7, 13, 6}), whole=False)
    assert shown == [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16]
    text = html_report([report], sources={report.path: data})
    assert "lines 1–2 not shown" in text and f"lines 17–{len(data.splitlines())} not shown" in text


def test_the_windows_around_findings_do_not_grow_with_the_file() -> None:
    """The lines shown of a large file depend on its findings, not on its length."""
    small = shown_line_numbers(10_000, [5000], whole=False)
    large = shown_line_numbers(1_000_000, [5000], whole=False)
    assert small == large == list(range(5000 - 3, 5000 + 4))


def test_a_file_without_its_text_is_shown_by_its_findings(faulty: Path) -> None:
    report = validate(faulty)
    text = html_report([report], skipped=[Skipped("notes.txt")])
    assert "The text of this file is not shown" in text
    assert text.count('class="finding ') == len(report.diagnostics)


def test_lines_are_numbered_as_the_readers_number_them() -> None:
    assert decoded_lines(b"\xef\xbb\xbfA\r\nB\n", "cargo-imp") == ["A", "B"]
    assert decoded_lines("Ñ\n".encode("cp1252"), "x12-309") == ["Ñ"]
    assert decoded_lines('<?xml version="1.0" encoding="UTF-16"?>\n<a/>'.encode("utf-16"), "manifest-xml")[1] == "<a/>"
    report = FileReport("a", "x12-309", diagnostics=())
    assert "<script>" in html_report([report], sources={"a": b""})


# -- in a real browser ---------------------------------------------------------------------------------------------


def _chromium(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    if BROWSER is None:
        pytest.skip("no Chromium installed (CI installs Debian's chromium)")
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    # No network on the machines that run this: every service that would call out is off.
    command = [
        BROWSER,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={profile}",
        *arguments,
    ]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def test_a_browser_shows_the_highlights_and_the_findings(tmp_path: Path, page: Path, faulty: Path) -> None:
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri()).stdout
    rows = _rows(dom)
    lines = {d.line for d in validate(faulty).diagnostics}
    assert set(_flagged(rows, 1)) == lines  # after the page's own script ran
    assert rows.hidden_codes == []
    for diagnostic in validate(faulty).diagnostics:
        assert diagnostic.code in rows.rows[f"file-1-line-{diagnostic.line}"]["codes"]  # type: ignore[operator]
        assert html.escape(diagnostic.message("en"), quote=False) in dom


def test_a_browser_filters_by_code_and_severity(tmp_path: Path, page: Path) -> None:
    dom = _chromium(tmp_path, "--dump-dom", page.as_uri() + "#code=ID-007").stdout
    rows = _rows(dom)
    assert set(_flagged(rows, 1)) == {13}  # only the line of the country code stays highlighted
    assert "ID-007" not in rows.hidden_codes and "X12104" in rows.hidden_codes
    hidden_errors = _rows(_chromium(tmp_path, "--dump-dom", page.as_uri() + "#hide=error").stdout)
    assert _flagged(hidden_errors, 1) == {}
    assert "ID-007" in hidden_errors.hidden_codes


def test_a_browser_draws_the_page(tmp_path: Path, page: Path) -> None:
    shot = tmp_path / "shot.png"
    _chromium(tmp_path, "--window-size=1280,1000", f"--screenshot={shot}", page.as_uri())
    width, height, pixels = _png_pixels(shot.read_bytes())
    assert (width, height) == (1280, 1000)
    colours = {pixels[i : i + 3] for i in range(0, len(pixels), 3 * 7)}
    assert len(colours) > 50  # text, the highlights in red, the table's lines: not a blank page
    highlight = bytes((0xFF, 0xE3, 0xE6))  # the background of a line with an error (see report_html._STYLE)
    assert highlight in colours


def _png_pixels(data: bytes) -> tuple[int, int, bytes]:
    """The RGB pixels of an 8-bit RGB or RGBA PNG (PNG specification, sections 11.2 and 9: filters 0 to 4)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    position, chunks, header = 8, b"", b""
    while position < len(data):
        (length,) = struct.unpack(">I", data[position : position + 4])
        kind = data[position + 4 : position + 8]
        body = data[position + 8 : position + 8 + length]
        header = body if kind == b"IHDR" else header
        chunks += body if kind == b"IDAT" else b""
        position += 12 + length
    width, height, depth, colour_type = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour_type in (2, 6)
    channels = 3 if colour_type == 2 else 4
    raw = zlib.decompress(chunks)
    stride = width * channels
    previous = bytearray(stride)
    out = bytearray()
    for row in range(height):
        start = row * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1 : start + 1 + stride])
        for i in range(stride):
            left = line[i - channels] if i >= channels else 0
            up = previous[i]
            corner = previous[i - channels] if i >= channels else 0
            if kind == 1:
                line[i] = (line[i] + left) & 0xFF
            elif kind == 2:
                line[i] = (line[i] + up) & 0xFF
            elif kind == 3:
                line[i] = (line[i] + (left + up) // 2) & 0xFF
            elif kind == 4:
                estimate = left + up - corner
                near = min(
                    (abs(estimate - left), 0, left), (abs(estimate - up), 1, up), (abs(estimate - corner), 2, corner)
                )
                line[i] = (line[i] + near[2]) & 0xFF
        previous = line
        for i in range(0, stride, channels):
            out += line[i : i + 3]
    return width, height, bytes(out)
