"""Safe conversion: the source is never overwritten (whatever name reaches it), the output is written atomically,
a lossy conversion is refused without --allow-loss and lists every value left behind at its place in the source,
and a source with errors is not converted."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from manifest import api
from manifest.cli import main
from manifest.conversion import TRANSMISSION_VALUE
from manifest.formats import FORMATS
from tests.conftest import SAMPLES

NEGATIVE = sorted((Path(__file__).parent / "data" / "negative").iterdir())
RAIL_JSON = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.json"
RAIL_309 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
OCEAN_309 = SAMPLES / "maritime" / "northbound-vessel-maersk-kensington-647n.synthetic.309"
RAIL_358 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.358"
OTHER_FORMATS = ("cuscar", "cargo-xml", "cargo-imp", "carta-porte")
# Envelope values that name someone or something of the business: always losses when the target cannot carry them.
ADDRESSES = ("x12.ISA.05", "x12.ISA.06", "x12.ISA.07", "x12.ISA.08", "x12.GS.02", "x12.GS.03")


def _convert(*arguments: str) -> Result:
    return CliRunner().invoke(main, ["convert", *arguments])


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


@pytest.fixture
def source(tmp_path: Path) -> Path:
    copy = tmp_path / "train.manifest.json"
    copy.write_bytes(RAIL_JSON.read_bytes())
    return copy


def _other_names(source: Path) -> dict[str, Path]:
    folder = source.parent
    (folder / "sub").mkdir()
    symbolic = folder / "link.manifest.json"
    symbolic.symlink_to(source)
    hard = folder / "hard.manifest.json"
    os.link(source, hard)
    return {
        "same path": source,
        "dot-dot spelling": folder / "sub" / ".." / source.name,
        "relative spelling": Path(os.path.relpath(source)),
        "symbolic link": symbolic,
        "hard link": hard,
    }


def test_the_source_is_never_overwritten_whatever_name_reaches_it(source: Path) -> None:
    before = source.read_bytes()
    for how, out in _other_names(source).items():
        result = _convert(str(source), "--to", "manifest-xml", "-o", str(out))
        assert result.exit_code == 2, how
        assert "refusing to overwrite the source" in result.stderr, how
        assert source.read_bytes() == before, how
    assert _leftovers(source.parent) == []


def test_a_link_to_the_source_given_as_source_is_refused_too(source: Path) -> None:
    link = source.parent / "link.manifest.json"
    link.symlink_to(source)
    assert _convert(str(link), "--to", "manifest-xml", "-o", str(source)).exit_code == 2
    assert source.read_bytes() == RAIL_JSON.read_bytes()


def test_ack_never_overwrites_its_source_through_a_hard_link(tmp_path: Path) -> None:
    copy = tmp_path / "train.309"
    copy.write_bytes(RAIL_309.read_bytes())
    hard = tmp_path / "same.309"
    os.link(copy, hard)
    assert CliRunner().invoke(main, ["ack", str(copy), "-o", str(hard)]).exit_code == 2
    assert copy.read_bytes() == RAIL_309.read_bytes()


def test_output_replaces_an_existing_file_whole_and_keeps_its_permissions(source: Path) -> None:
    out = source.parent / "out.manifest.xml"
    out.write_text("an older file, longer than nothing\n" * 1000)
    out.chmod(0o640)
    assert _convert(str(source), "--to", "manifest-xml", "-o", str(out)).exit_code == 0
    assert out.read_bytes() == api.convert(source.read_bytes(), "manifest-xml").written.data  # type: ignore[union-attr]
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert _leftovers(source.parent) == []


def test_a_new_output_gets_the_permissions_of_a_new_file(source: Path) -> None:
    out = source.parent / "new.manifest.xml"
    previous = os.umask(0o027)
    try:
        assert _convert(str(source), "--to", "manifest-xml", "-o", str(out)).exit_code == 0
    finally:
        os.umask(previous)
    assert stat.S_IMODE(out.stat().st_mode) == 0o640  # 0o666 under umask 027, not the 0o600 of a temporary file


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_write_leaves_neither_a_partial_file_nor_a_changed_target(
    source: Path, failing: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = source.parent / "out.manifest.xml"
    out.write_text("kept\n")

    def fail(*_arguments: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    result = _convert(str(source), "--to", "manifest-xml", "-o", str(out))
    monkeypatch.undo()
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"cannot write {out}: No space left on device" in result.stderr
    assert out.read_text() == "kept\n"
    assert _leftovers(source.parent) == []


def test_an_output_folder_that_does_not_exist_is_reported_not_raised(source: Path) -> None:
    result = _convert(str(source), "--to", "manifest-xml", "-o", str(source.parent / "missing" / "out.xml"))
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert "cannot write" in result.stderr


@pytest.mark.parametrize("broken", NEGATIVE, ids=lambda p: p.name)
def test_a_source_with_errors_is_not_converted(broken: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _convert(str(broken), "--to", "manifest-json", "-o", str(out))
    assert result.exit_code == 1
    assert "MF301" in result.stdout
    assert not out.exists()
    assert _leftovers(tmp_path) == []


@pytest.mark.parametrize("content", [b"", b"   \n", b"just some notes\n", b"ISA*00*truncated"])
def test_a_source_that_cannot_be_read_says_it_is_not_converted(content: bytes, tmp_path: Path) -> None:
    unreadable = tmp_path / "in.x12"
    unreadable.write_bytes(content)
    conversion = api.convert(content, "manifest-json", name=unreadable.name)
    assert conversion.written is None
    assert conversion.diagnostics[0].code == "MF301"
    assert len(conversion.diagnostics) == 2
    result = _convert(str(unreadable), "--to", "manifest-json", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "MF301" in result.stdout
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("target", OTHER_FORMATS)
def test_a_lossy_conversion_is_refused_and_lists_every_value_left_behind(target: str, tmp_path: Path) -> None:
    conversion = api.convert(RAIL_309.read_bytes(), target)
    assert conversion.losses
    out = tmp_path / "out"
    refused = _convert(str(RAIL_309), "--to", target, "-o", str(out), "--verbose")
    assert refused.exit_code == 1
    assert not out.exists()
    assert conversion.written is not None
    why = "can hold nothing of the source:" if not conversion.written.data else "cannot carry"
    assert f"nothing written: {target} {why} {len(conversion.losses)} value(s)" in refused.stdout
    listed = refused.stdout.splitlines()
    for loss in conversion.losses:
        named = loss.field  # a value left behind is named by its model path
        assert named, loss
        where = ":".join(str(n) for n in (RAIL_309, loss.line, loss.column) if n is not None)
        assert any(line.startswith(f"{where}: ") and named in line for line in listed), loss
    accepted = _convert(str(RAIL_309), "--to", target, "-o", str(out), "--allow-loss")
    if conversion.written.data:
        assert accepted.exit_code == 0
        assert api.read(out.read_bytes()).format == target
    else:  # a target with no place for any bill of the source (Cargo-IMP names waybills by air waybill number)
        assert accepted.exit_code == 1
        assert not out.exists()
        assert {f"consignments[{n}]" for n in range(2)} <= {loss.field for loss in conversion.losses}


def test_losses_point_at_the_value_in_the_source() -> None:
    text = RAIL_309.read_text().splitlines()
    losses = {d.field: d for d in api.convert(RAIL_309.read_bytes(), "cuscar").losses}
    for field, value, address in (
        ("conveyance.train_id", "QMTYLA27", "M10-06"),
        ("consignments[0].equipment[0].initial", "KCSM", "VID-02"),
        ("consignments[0].equipment[0].number", "720145", "VID-03"),
    ):
        loss = losses[field]
        assert loss.location == address
        assert loss.line is not None and loss.column is not None
        assert text[loss.line - 1][loss.column - 1 :].startswith(value), field


SAMPLE_FILES = sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.suffix != ".md")


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_every_value_left_behind_is_found_at_its_line(sample: Path) -> None:
    """Whatever the source and the target, each loss names its field and a line of the source: the value's own, or
    else that of the nearest object that holds it (an envelope value at its ISA, GS or UNH; the manifest at its ST,
    UNH or root element)."""
    data = sample.read_bytes()
    source_format = api.read(data).format
    for target in FORMATS:
        if target == source_format:
            continue
        conversion = api.convert(data, target)
        unplaced = [loss.field for loss in conversion.losses if loss.line is None or not loss.field]
        assert not unplaced, (target, unplaced)
        lines = len(data.splitlines())
        assert all(1 <= (loss.line or 0) <= lines for loss in conversion.losses), target


@pytest.mark.parametrize("sample", [RAIL_309, OCEAN_309, RAIL_358], ids=lambda p: p.name)
@pytest.mark.parametrize("target", OTHER_FORMATS)
def test_x12_envelope_values_of_the_transmission_are_notes_and_addresses_stay_losses(sample: Path, target: str) -> None:
    conversion = api.convert(sample.read_bytes(), target)
    assert conversion.source is not None and conversion.written is not None
    extensions = conversion.source.manifests[0].extensions
    notes = {d.args["key"]: d for d in conversion.written.notes if d.code == TRANSMISSION_VALUE.code}
    lost = " ".join(f"{d.field} {dict(d.args)}" for d in conversion.losses)
    for key in ("x12.ISA.09", "x12.ISA.12", "x12.ISA.13", "x12.GS.06", "x12.ST.02", "x12.separators"):
        assert notes[key].value == extensions[key]
        assert notes[key].field == f"extensions[{key}]"
        assert key not in lost
    for key in ADDRESSES:
        assert key not in notes
        assert key in lost, (key, target)


def test_an_envelope_value_that_means_something_stays_a_loss() -> None:
    test_interchange = RAIL_309.read_bytes().replace(b"*0*P*>~", b"*1*T*>~", 1)
    conversion = api.convert(test_interchange, "cuscar")
    assert conversion.written is not None
    noted = {d.args["key"] for d in conversion.written.notes if d.code == TRANSMISSION_VALUE.code}
    lost = " ".join(d.field or "" for d in conversion.losses)
    assert "x12.ISA.14" in lost and "x12.ISA.15" in lost  # acknowledgment requested; a test interchange
    assert not {"x12.ISA.14", "x12.ISA.15"} & noted


def test_conversions_into_x12_or_the_model_keep_the_envelope() -> None:
    for target in ("x12-309", "manifest-json", "manifest-xml"):
        conversion = api.convert(RAIL_309.read_bytes(), target)
        assert conversion.written is not None
        assert not [d for d in conversion.written.notes if d.code == TRANSMISSION_VALUE.code], target
    assert set(FORMATS) >= {*OTHER_FORMATS, "x12-309"}
