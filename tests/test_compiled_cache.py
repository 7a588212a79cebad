"""Data parsed once and kept in the user's cache (manifest.compiled): read back instead of parsed again, parsed
again when its source changed or its kept form is damaged, and never a failure when it cannot be kept."""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from manifest import compiled
from manifest.requirements.definitions import load_catalogue, parse_catalogue


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(compiled.CACHE_VARIABLE, str(tmp_path / "cache"))
    return tmp_path / "cache"


def counting(value: Any) -> tuple[list[int], Callable[[], Any]]:
    calls: list[int] = []

    def parse() -> Any:
        calls.append(1)
        return value

    return calls, parse


def test_parsed_once_then_read_back(folder: Path) -> None:
    calls, parse = counting({"rule": [{"code": "X", "modes": ["rail"], "n": 1.5, "on": True}]})
    first = compiled.compiled("test", [b"a", b"b"], parse)
    again = compiled.compiled("test", [b"a", b"b"], parse)
    assert first == again and len(calls) == 1
    assert [p.name for p in folder.iterdir()] == [compiled.key_of("test", [b"a", b"b"])]


def test_changed_sources_are_parsed_again(folder: Path) -> None:
    calls, parse = counting([1, 2])
    compiled.compiled("test", [b"a", b"b"], parse)
    compiled.compiled("test", [b"ab"], parse)  # the same bytes cut elsewhere are other sources
    compiled.compiled("test", [b"a", b"c"], parse)
    assert len(calls) == 3


def test_another_release_parses_the_same_sources_again(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls, parse = counting([1])
    compiled.compiled("test", [b"a"], parse)
    monkeypatch.setattr(compiled, "__version__", "99.0")
    compiled.compiled("test", [b"a"], parse)
    assert len(calls) == 2


def test_a_new_form_replaces_the_stale_forms_of_its_kind_only(folder: Path) -> None:
    import os
    import time

    compiled.compiled("test", [b"old"], lambda: 1)
    compiled.compiled("test-texts", [b"old"], lambda: 2)  # another kind, whose name begins like this one's
    compiled.compiled("test", [b"recent"], lambda: 3)
    stale = time.time() - compiled.STALE_AFTER - 60
    for name in (compiled.key_of("test", [b"old"]), compiled.key_of("test-texts", [b"old"])):
        os.utime(folder / name, (stale, stale))
    compiled.compiled("test", [b"new"], lambda: 4)
    kept = sorted(p.name for p in folder.iterdir())
    expected = [compiled.key_of("test", [b"recent"]), compiled.key_of("test", [b"new"])]
    assert kept == sorted([*expected, compiled.key_of("test-texts", [b"old"])])


def test_two_installations_sharing_the_cache_each_write_their_form_once(folder: Path) -> None:
    calls: list[str] = []

    def parse(where: str) -> Callable[[], str]:
        def parsed() -> str:
            calls.append(where)
            return where

        return parsed

    for _ in range(3):
        for where in ("one", "other"):  # the same kind made from two sources, read in turn
            assert compiled.compiled("test", [where.encode()], parse(where)) == where
    assert calls == ["one", "other"]


def test_a_damaged_form_is_parsed_again(folder: Path) -> None:
    calls, parse = counting({"x": [1]})
    compiled.compiled("test", [b"a"], parse)
    (folder / compiled.key_of("test", [b"a"])).write_bytes(b"\xff not marshal")
    assert compiled.compiled("test", [b"a"], parse) == {"x": [1]}
    assert len(calls) == 2


def test_nothing_kept_where_it_cannot_be_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    monkeypatch.setenv(compiled.CACHE_VARIABLE, str(blocked / "cache"))
    calls, parse = counting([1])
    assert compiled.compiled("test", [b"a"], parse) == [1]
    assert compiled.compiled("test", [b"a"], parse) == [1]
    assert len(calls) == 2


def test_an_empty_folder_setting_keeps_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(compiled.CACHE_VARIABLE, "")
    monkeypatch.chdir(tmp_path)
    calls, parse = counting([1])
    compiled.compiled("test", [b"a"], parse)
    compiled.compiled("test", [b"a"], parse)
    assert len(calls) == 2 and not list(tmp_path.iterdir())


def test_what_marshal_cannot_keep_is_returned_and_not_kept(folder: Path) -> None:
    import datetime

    value = {"when": datetime.date(2026, 12, 6)}
    assert compiled.compiled("test", [b"a"], lambda: value) is value
    assert not folder.exists() or not list(folder.iterdir())


def test_the_catalogue_is_kept_checked_and_read_back_as_the_rules_parsed(folder: Path) -> None:
    import os
    import subprocess
    import sys

    catalogue = resources.files("manifest.requirements").joinpath("catalogue")
    files = sorted((e for e in catalogue.iterdir() if e.name.endswith(".toml")), key=lambda e: e.name)
    expected = tuple(rule for entry in files for rule in parse_catalogue(entry.read_text("utf-8"), entry.name))
    assert load_catalogue() == expected
    # Read back, no rule is checked again (its paths spelled, its parameters checked: either would fail the run),
    # and the rules are the same.
    script = (
        "import sys\nfrom manifest.requirements import definitions\n"
        "if sys.argv[1] == 'kept':\n    definitions.normal = definitions.validate_params = None\n"
        "print(repr(definitions.load_catalogue()))\n"
    )
    environment = {**os.environ, compiled.CACHE_VARIABLE: str(folder)}
    runs = [
        subprocess.run([sys.executable, "-c", script, how], env=environment, capture_output=True, text=True, check=True)
        for how in ("checked", "kept")
    ]
    assert runs[0].stdout == runs[1].stdout == repr(expected) + "\n"
    assert any(p.name.startswith("catalogue-") for p in folder.iterdir())


def test_sat_catalogues_read_back_are_the_catalogues_cut(folder: Path) -> None:
    from manifest.formats.carta_porte import catalogues, schema

    base = schema.cfd_directory()
    wanted = ["c_CodigoPostal", "c_ClaveProdServCP", "c_Colonia"]
    fresh = schema._cut(base, wanted)
    calls, parse = counting(fresh)
    kept = [compiled.compiled("sat-catalogue-texts", catalogues.signature(base, wanted), parse) for _ in range(2)]
    assert kept[0] == kept[1] == fresh and len(calls) == 1
    values, schemas, stand_ins = kept[1]
    assert set(values) == set(stand_ins) == {"c_CodigoPostal", "c_ClaveProdServCP", "c_Colonia"}
    assert all(stand_ins[name] in catalogues.Codes(values[name]) for name in values)
    assert {name: frozenset(text.split()) for name, text in values.items()} == catalogues.load(base, wanted).values
    assert len(schemas) == len(catalogues.FILES) and all(isinstance(text, bytes) for text in schemas.values())
    assert catalogues.signature(base, wanted) != catalogues.signature(base, wanted[:2])


def test_code_lists_are_kept_and_read_back_unchanged(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from manifest.codelists import lists, sources

    parsed = {name: frozenset(entry.load()) for name, entry in lists.CODELISTS.items()}
    kept = {p.name.partition("-")[2] for p in folder.iterdir() if p.name.startswith("codes-")}
    assert any(name.startswith("sat-c_ClaveProdServCP-") for name in kept)
    assert any(name.startswith("unlocode_2024-2_us_mx_partners.csv-locode-") for name in kept)
    assert any(name.startswith("airportsdata-iata-") for name in kept)

    def unread(*_: object) -> Any:
        raise AssertionError("a kept code list was parsed again")

    monkeypatch.setattr(sources, "rows", unread)
    monkeypatch.setattr(sources, "airports_table", unread)
    assert {name: frozenset(entry.load()) for name, entry in lists.CODELISTS.items()} == parsed


def test_a_file_changed_in_place_names_another_compiled_form(tmp_path: Path) -> None:
    import os

    data = tmp_path / "codes.csv"
    data.write_text("code\nA\n")
    before = compiled.file_state(data)
    data.write_text("code\nB\n")
    os.utime(data, ns=(1, 1))
    assert compiled.file_state(data) != before
    assert compiled.key_of("codes-x", [compiled.file_state(data)]) != compiled.key_of("codes-x", [before])


def test_a_start_with_the_catalogue_kept_does_not_import_the_toml_parser(folder: Path) -> None:
    import os
    import subprocess
    import sys

    script = "import sys\nfrom manifest.requirements.engine import rules\nrules()\nprint('tomllib' in sys.modules)\n"
    environment = {**os.environ, compiled.CACHE_VARIABLE: str(folder)}
    runs = [
        subprocess.run([sys.executable, "-c", script], env=environment, capture_output=True, text=True, check=True)
        for _ in range(2)
    ]
    assert [run.stdout.strip() for run in runs] == ["True", "False"]  # parsed once, then read back


def test_a_start_with_everything_kept_imports_neither_importlib_resources_nor_tempfile(folder: Path) -> None:
    import os
    import subprocess
    import sys

    from benchmarks.startup import CARTA_PORTE_SAMPLE, SMALL_SAMPLE

    script = (
        "import sys\nfrom manifest import api\n"
        "for name in sys.argv[1:]:\n    api.validate(open(name, 'rb').read())\n"
        "print(sorted({'importlib.resources', 'tempfile', 'shutil'} & set(sys.modules)))\n"
    )
    environment = {**os.environ, compiled.CACHE_VARIABLE: str(folder)}
    command = [sys.executable, "-c", script, str(SMALL_SAMPLE), str(CARTA_PORTE_SAMPLE)]
    runs = [subprocess.run(command, env=environment, capture_output=True, text=True, check=True) for _ in range(2)]
    assert runs[1].stdout.strip() == "[]"  # the first run writes what it parsed, which needs tempfile
