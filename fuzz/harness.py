"""What every harness shares: the check one input goes through, the seed corpus, and the atheris driver.

The reader contract (``manifest/formats/base.py``) says ``read`` returns a Document or raises ParseError and never
anything else, and the house rule says a fault in a file is reported at its position. ``check`` turns both into
assertions, so any other exception, or a reader's diagnostic without a line, is a crash for the fuzzer.

Nothing from ``manifest`` is imported at module level: under ``__main__`` atheris must see those imports first, to
instrument them for coverage; the test suite imports the harnesses without atheris installed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
# Seeds are taken from the checkout's own files; the real files beside the checkout join them when present
# (read in place at run time, never copied into the project).
SEED_FOLDERS = (REPO / "samples", REPO / "tests" / "data", REPO.parent / "shared" / "external-samples")
DICTIONARIES = Path(__file__).resolve().parent / "dictionaries"


class HarnessFailure(AssertionError):
    """An input broke the reader contract in a way that is not an exception of its own."""


def check(format_name: str | None, data: bytes) -> None:
    """Read ``data`` as ``format_name`` (sniffed when None), then evaluate the requirements on what was read."""
    from manifest import api, formats
    from manifest.diagnostics import ParseError
    from manifest.requirements import evaluate, resolve_profile

    try:
        document = formats.get(format_name).read(data) if format_name else api.read(data)
    except ParseError as error:
        if error.diagnostic.line is None:
            raise HarnessFailure(f"{error.diagnostic.code} raised without a position") from error
        return
    unplaced = [diagnostic.code for diagnostic in document.diagnostics if diagnostic.line is None]
    if unplaced:
        raise HarnessFailure(f"{', '.join(unplaced)} reported without a position")
    for index, manifest in enumerate(document.manifests):
        profile = resolve_profile("auto", document.format, manifest)
        evaluate(manifest, document.source_map(index), profile=profile, format_name=document.format)


def seed_files(format_name: str | None) -> Iterator[Path]:
    """Every file under the seed folders whose content (or name) is in ``format_name``; any known format when None."""
    from manifest import api

    for folder in SEED_FOLDERS:
        if not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if not path.is_file() or path.suffix == ".md":
                continue
            found = api.detect(path.read_bytes(), path.name)
            if found is not None and (format_name is None or found == format_name):
                yield path


def run(format_name: str | None, one_input: Callable[[bytes], None]) -> None:
    """The atheris driver: instrument the package, warm it up on the seeds (so that the modules it loads lazily are
    instrumented too), then hand over to libFuzzer with the command line's options and corpus folders."""
    import atheris

    with atheris.instrument_imports(include=["manifest"]):
        import manifest.api  # noqa: F401  (imported here so that atheris instruments it)

        for path in seed_files(format_name):
            one_input(path.read_bytes())
    # libFuzzer starts itself again by its first argument for -minimize_crash, -fork and -jobs, through the shell; a
    # harness run as a module is started again the same way (from the checkout, as run.sh does).
    main = sys.modules["__main__"].__spec__
    command = f"{sys.executable} -m {main.name}" if main is not None else sys.argv[0]
    atheris.Setup([command, *sys.argv[1:]], one_input)
    atheris.Fuzz()
