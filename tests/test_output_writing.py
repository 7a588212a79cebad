"""Writing the output never damages what is there (manifest.output, behind ``convert -o`` and ``ack -o``): a
device, a terminal or a FIFO is written, not replaced; a symbolic link is followed and stays; a file the user may
not write is refused; an interrupted, terminated or killed run leaves no temporary file for long.

No test here replaces or may replace a real device: devices are a pseudo-terminal's and FIFOs made in tmp_path;
/dev/null is written once, checked to be a character device before and after."""

from __future__ import annotations

import os
import select
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
import tty
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from manifest import api
from manifest.cli import main
from manifest.output import OutputError, write_output
from tests.conftest import REPO, SAMPLES

RAIL_JSON = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.json"
RAIL_309 = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.synthetic.309"
EXPECTED = api.convert(RAIL_JSON.read_bytes(), "manifest-xml").written.data  # type: ignore[union-attr]
ROOT = os.geteuid() == 0
NOBODY = 65534


def _convert(out: Path | str, source: Path = RAIL_JSON) -> Result:
    return CliRunner().invoke(main, ["convert", str(source), "--to", "manifest-xml", "-o", str(out)])


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def _read_until_closed(descriptor: int, deadline: float) -> bytes:
    """What a non-blocking reader gets until the writer closes, or until ``deadline`` when none ever writes."""
    got = b""
    while time.monotonic() < deadline:
        if not select.select([descriptor], [], [], 0.05)[0]:
            continue
        chunk = os.read(descriptor, 1 << 16)
        if not chunk and got:
            break
        got += chunk
    return got


def test_a_symbolic_link_is_followed_and_its_target_written_atomically(tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    real = elsewhere / "train.manifest.xml"
    real.write_text("an older file\n")
    real.chmod(0o640)
    link = tmp_path / "link.xml"
    link.symlink_to(real)
    result = _convert(link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and link.readlink() == real
    assert real.read_bytes() == EXPECTED
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert _temporaries(tmp_path) == [] and _temporaries(elsewhere) == []


def test_a_dangling_symbolic_link_is_refused_as_cp_refuses(tmp_path: Path) -> None:
    link = tmp_path / "link.xml"
    link.symlink_to(tmp_path / "nowhere.xml")
    result = _convert(link)
    assert result.exit_code == 2
    assert isinstance(result.exception, SystemExit)
    assert f"not writing through the dangling symbolic link {link}" in result.stderr
    assert link.is_symlink() and not (tmp_path / "nowhere.xml").exists()
    assert _temporaries(tmp_path) == []


def test_a_fifo_is_written_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # open first, so that the writer need not wait
    got: list[bytes] = []
    thread = threading.Thread(target=lambda: got.append(_read_until_closed(reader, time.monotonic() + 20)))
    thread.start()
    try:
        result = _convert(fifo)
    finally:
        thread.join()
        os.close(reader)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got == [EXPECTED]
    assert _temporaries(tmp_path) == []


def test_a_terminal_is_written_not_replaced() -> None:
    controller, terminal = os.openpty()
    try:
        tty.setraw(terminal)  # no translation of line ends on the way to the controller
        name = os.ttyname(terminal)
        got: list[bytes] = []
        thread = threading.Thread(target=lambda: got.append(_read_until_all(controller, len(EXPECTED))))
        thread.start()
        result = _convert(name)
        thread.join()
        assert result.exit_code == 0, result.output
        assert stat.S_ISCHR(os.stat(name).st_mode)
        assert got == [EXPECTED]
    finally:
        os.close(terminal)
        os.close(controller)


def _read_until_all(descriptor: int, size: int) -> bytes:
    got = b""
    deadline = time.monotonic() + 20
    while len(got) < size and time.monotonic() < deadline:
        if select.select([descriptor], [], [], 0.05)[0]:
            got += os.read(descriptor, 1 << 16)
    return got


def test_dev_null_stays_a_character_device() -> None:
    null = Path("/dev/null")
    if not stat.S_ISCHR(null.stat().st_mode):
        pytest.skip("/dev/null is not a character device here")
    assert _convert(null).exit_code == 0
    assert stat.S_ISCHR(null.stat().st_mode)
    assert null.read_bytes() == b""


@pytest.fixture
def pipe() -> Iterator[tuple[int, int]]:
    reading, writing = os.pipe()
    try:
        yield reading, writing
    finally:
        for descriptor in (reading, writing):
            os.close(descriptor)


def test_a_link_to_a_descriptor_of_this_process_writes_to_it(tmp_path: Path, pipe: tuple[int, int]) -> None:
    if not Path(f"/proc/self/fd/{pipe[1]}").exists():
        pytest.skip("no /proc/self/fd here")
    link = tmp_path / "out"
    link.symlink_to(f"/proc/self/fd/{pipe[1]}")
    got: list[bytes] = []
    thread = threading.Thread(target=lambda: got.append(_read_until_all(pipe[0], len(EXPECTED))))
    thread.start()
    result = _convert(link)
    thread.join()
    assert result.exit_code == 0, result.output
    assert got == [EXPECTED]
    assert link.is_symlink()
    assert _temporaries(tmp_path) == []


def test_dev_fd_keeps_the_offset_and_append_mode_of_its_descriptor(tmp_path: Path) -> None:
    if not Path("/dev/fd").is_dir():
        pytest.skip("no /dev/fd here")
    log = tmp_path / "log"
    log.write_bytes(b"kept\n")
    descriptor = os.open(log, os.O_WRONLY | os.O_APPEND)  # as the shell opens `>> log`
    try:
        result = _convert(f"/dev/fd/{descriptor}")
    finally:
        os.close(descriptor)
    assert result.exit_code == 0, result.output
    assert log.read_bytes() == b"kept\n" + EXPECTED


@pytest.fixture
def shared_folder() -> Iterator[Path]:
    """A folder anyone may write in, outside the pytest folders (which only their owner may enter)."""
    folder = Path(tempfile.mkdtemp(prefix="manifest-output-"))
    folder.chmod(0o777)
    try:
        yield folder
    finally:
        for path in folder.iterdir():
            path.unlink()
        folder.rmdir()


def test_a_file_the_user_may_not_write_is_refused(shared_folder: Path) -> None:
    """Renaming over a file needs only the folder's permission: the file's own is checked first, as cp's open
    would. As root, the run switches its effective user to nobody to be a user who may not write the file."""
    source = shared_folder / "train.manifest.json"
    source.write_bytes(RAIL_JSON.read_bytes())
    source.chmod(0o644)
    out = shared_folder / "out.xml"
    out.write_text("kept\n")
    out.chmod(0o444)
    _convert(shared_folder / "warm-up.xml", source)  # every module imported while the files can still be read
    (shared_folder / "warm-up.xml").unlink()
    if ROOT:
        os.seteuid(NOBODY)
    try:
        result = _convert(out, source)
    finally:
        if ROOT:
            os.seteuid(0)
    assert result.exit_code == 2, result.output
    assert f"cannot write {out}: Permission denied" in result.stderr
    assert out.read_text() == "kept\n"
    assert _temporaries(shared_folder) == []


@pytest.mark.skipif(not ROOT, reason="only root may write a file without write permission")
def test_root_overwrites_a_file_without_write_permission_as_cp_does(tmp_path: Path) -> None:
    out = tmp_path / "out.xml"
    out.write_text("old\n")
    out.chmod(0o444)
    assert _convert(out).exit_code == 0
    assert out.read_bytes() == EXPECTED
    assert stat.S_IMODE(out.stat().st_mode) == 0o444


@pytest.mark.skipif(not ROOT, reason="only root may give a file to another user")
def test_a_replaced_file_keeps_its_owner_and_group(tmp_path: Path) -> None:
    out = tmp_path / "out.xml"
    out.write_text("old\n")
    os.chown(out, NOBODY, NOBODY)
    assert _convert(out).exit_code == 0
    assert (out.stat().st_uid, out.stat().st_gid) == (NOBODY, NOBODY)
    assert out.read_bytes() == EXPECTED


# A run of the command line that receives a signal while its temporary file exists (sent by itself, from fsync).
_SIGNALLED_RUN = """
import os, signal, sys
flush = os.fsync
def fsync(descriptor):
    os.kill(os.getpid(), getattr(signal, sys.argv[1]))
    flush(descriptor)
os.fsync = fsync
from manifest.cli import main
main(sys.argv[2:], prog_name="manifest")
"""


def _signalled_run(signal_name: str, out: Path) -> subprocess.CompletedProcess[bytes]:
    arguments = ["convert", str(RAIL_JSON), "--to", "manifest-xml", "-o", str(out)]
    command = [sys.executable, "-c", _SIGNALLED_RUN, signal_name, *arguments]
    return subprocess.run(command, cwd=REPO, capture_output=True, timeout=120, check=False)


@pytest.mark.parametrize("signal_name", ["SIGTERM", "SIGINT"])
def test_an_interrupted_or_terminated_run_removes_its_temporary_file(signal_name: str, tmp_path: Path) -> None:
    out = tmp_path / "out.xml"
    out.write_text("kept\n")
    run = _signalled_run(signal_name, out)
    if signal_name == "SIGTERM":
        assert run.returncode == -signal.SIGTERM  # and the run still ends as a terminated process
    else:
        assert run.returncode != 0  # Python's handler raised KeyboardInterrupt, which the command line reports
    assert out.read_text() == "kept\n"
    assert _temporaries(tmp_path) == []


def test_a_killed_run_leaves_a_temporary_file_that_the_next_write_removes(tmp_path: Path) -> None:
    out = tmp_path / "out.xml"
    assert _signalled_run("SIGKILL", out).returncode == -signal.SIGKILL
    [left] = _temporaries(tmp_path)
    assert left.startswith(".out.xml.manifest-")
    assert _convert(out).exit_code == 0
    assert _temporaries(tmp_path) == []
    assert out.read_bytes() == EXPECTED


def test_only_temporary_files_of_processes_gone_from_this_host_are_removed(tmp_path: Path) -> None:
    from manifest.output import _temporary_prefix

    prefix = _temporary_prefix("out.xml")
    kept = [
        f"{prefix}1-0123abcd.tmp",  # process 1 runs
        f"{prefix.replace('manifest-', 'manifest-otherhost')}999999-0123abcd.tmp",  # another host's
        f"{prefix}999999-0123abcd.tmp.bak",
        ".out.xml.backup.tmp",
        f"{_temporary_prefix('other.xml')}999999-0123abcd.tmp",  # another target's
    ]
    gone = f"{prefix}{_finished_pid()}-0123abcd.tmp"
    for name in (*kept, gone):
        (tmp_path / name).write_text("partial")
    assert _convert(tmp_path / "out.xml").exit_code == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([*kept, "out.xml"])


def _finished_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", ""])
    child.wait()
    return child.pid


def test_ack_writes_through_the_same_rules(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    got: list[bytes] = []
    thread = threading.Thread(target=lambda: got.append(_read_until_closed(reader, time.monotonic() + 20)))
    thread.start()
    try:
        result = CliRunner().invoke(main, ["ack", str(RAIL_309), "-o", str(fifo)])
    finally:
        thread.join()
        os.close(reader)
    assert result.exit_code == 0, result.output
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert got and got[0].startswith(b"ISA")


def test_the_library_raises_one_typed_error_said_in_either_language(tmp_path: Path) -> None:
    with pytest.raises(OutputError) as raised:
        write_output(tmp_path / "missing" / "out.xml", b"data")
    assert raised.value.said("en") == f"cannot write {tmp_path / 'missing' / 'out.xml'}: No such file or directory"
    assert raised.value.said("es") == (
        f"no se puede escribir {tmp_path / 'missing' / 'out.xml'}: No existe el archivo o la carpeta"
    )
    with pytest.raises(OutputError, match="Is a directory"):
        write_output(tmp_path, b"data")
