"""The fuzzing harnesses in ``fuzz/`` without atheris: each imports, accepts every seed and a set of hostile inputs
without raising, and really fails on a broken reader contract; their dictionaries are valid libFuzzer syntax."""

from __future__ import annotations

import importlib
import random
import re
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from fuzz import harness
from manifest import formats
from manifest.diagnostics import ParseError
from manifest.formats.base import Document

HARNESSES = {name: f"fuzz.fuzz_{name.replace('-', '_')}" for name in formats.FORMATS} | {"sniff": "fuzz.fuzz_sniff"}

_RANDOM = random.Random(9)
HOSTILE = (
    b"",
    b" \r\n\t",
    b"\x00",
    b"\x00" * 64,
    b"\xff\xfe<\x00?\x00x\x00",
    b"\xef\xbb\xbf",
    bytes(range(256)),
    bytes(_RANDOM.randrange(256) for _ in range(2048)),
    b"ISA*",
    b"ISA" + b"*" * 200,
    b"UNA:+.? '",
    b"UNA",
    b"UNB+UNOC:3+" + b"?" * 500,
    b"FWB/16\n" + b"/" * 300,
    b"<" * 2000,
    b"<?xml version='1.0'?><!DOCTYPE a [<!ENTITY a 'aaaa'><!ENTITY b '&a;&a;&a;&a;'>]><a>&b;</a>",
    b'<?xml version="1.0"?><!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>',
    b"<a>" * 3000,
    b"{" * 3000,
    b'{"format": "manifest-json", "manifests": [' + b"[" * 2000,
    b'{"schema_version": 1e999}',
    "Ñandú\u2028".encode(),
)


def _module(name: str) -> ModuleType:
    return importlib.import_module(HARNESSES[name])


def _seeds(name: str) -> list[bytes]:
    return [path.read_bytes() for path in harness.seed_files(None if name == "sniff" else name)]


def test_every_reader_has_a_harness() -> None:
    present = {path.stem for path in Path(harness.__file__).parent.glob("fuzz_*.py")}
    assert present == {module.removeprefix("fuzz.") for module in HARNESSES.values()}


@pytest.mark.parametrize("name", list(HARNESSES))
def test_harness_targets_its_format(name: str) -> None:
    module = _module(name)
    assert (None if name == "sniff" else name) == module.FORMAT
    assert _seeds(name), f"no seed files in {name}"


@pytest.mark.parametrize("name", list(HARNESSES))
def test_harness_accepts_every_seed_and_truncations_of_it(name: str) -> None:
    one_input: Callable[[bytes], None] = _module(name).fuzz_one_input
    for seed in _seeds(name):
        one_input(seed)
        for cut in (1, len(seed) // 3, len(seed) // 2, len(seed) - 1):
            one_input(seed[:cut])


@pytest.mark.parametrize("name", list(HARNESSES))
@pytest.mark.parametrize("data", HOSTILE, ids=lambda data: repr(data[:16]))
def test_harness_accepts_hostile_input(name: str, data: bytes) -> None:
    _module(name).fuzz_one_input(data)


def _reader_raising(error: Exception) -> Callable[[bytes], Document]:
    def read(data: bytes) -> Document:
        raise error

    return read


def test_check_fails_on_an_error_other_than_parse_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(formats.get("cuscar"), "read", _reader_raising(IndexError("segment 3")))
    with pytest.raises(IndexError):
        harness.check("cuscar", b"UNA:+.? '")


def test_check_fails_on_a_parse_error_without_position(monkeypatch: pytest.MonkeyPatch) -> None:
    from manifest.api import EMPTY_FILE

    monkeypatch.setattr(formats.get("cuscar"), "read", _reader_raising(ParseError(EMPTY_FILE())))
    with pytest.raises(harness.HarnessFailure, match="MF005"):
        harness.check("cuscar", b"UNA:+.? '")


def test_check_accepts_a_parse_error_with_position(monkeypatch: pytest.MonkeyPatch) -> None:
    from manifest.api import EMPTY_FILE

    monkeypatch.setattr(formats.get("cuscar"), "read", _reader_raising(ParseError(EMPTY_FILE(line=1, column=1))))
    harness.check("cuscar", b"UNA:+.? '")


def test_check_fails_on_a_reader_diagnostic_without_position(monkeypatch: pytest.MonkeyPatch) -> None:
    from manifest.api import EMPTY_FILE

    def read(data: bytes) -> Document:
        return Document("cuscar", diagnostics=(EMPTY_FILE(line=2, column=1), EMPTY_FILE()))

    monkeypatch.setattr(formats.get("cuscar"), "read", read)
    with pytest.raises(harness.HarnessFailure, match="MF005 reported without a position"):
        harness.check("cuscar", b"UNA:+.? '")


# libFuzzer's dictionary syntax: a comment, or an optional name= and a quoted string with \\, \" and \xNN escapes.
_DICT_ENTRY = re.compile(r'^(?:#.*|(?:\w+=)?"(?:[^"\\]|\\\\|\\"|\\x[0-9A-Fa-f]{2})+")$')


@pytest.mark.parametrize("path", sorted(harness.DICTIONARIES.glob("*.dict")), ids=lambda path: path.name)
def test_dictionary_is_valid_libfuzzer_syntax(path: Path) -> None:
    lines = [line for line in path.read_text(encoding="ascii").splitlines() if line.strip()]
    assert len(lines) > 5
    assert [line for line in lines if not _DICT_ENTRY.match(line)] == []
