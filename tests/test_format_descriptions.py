"""A format describes itself once, in its registry entry, and every table about formats is derived from that.

The first tests hold each registered format to a complete description; the last adds a toy format (one module-like
object and one registry entry, for the length of the test) and reads, validates, reports and converts it with
nothing else touched.
"""

from __future__ import annotations

import dataclasses
import json
import re
import sys
import typing
from collections.abc import Sequence
from types import SimpleNamespace

import pytest

from manifest import api, formats, reporters
from manifest.core import registry
from manifest.core.description import CONTROL, DOCUMENT_KINDS, AutoProfile, EnvelopeValue, FormatDescription
from manifest.core.document import Document, Written
from manifest.formats import manifest_json
from manifest.model import Manifest, Mode
from manifest.requirements.documents import document_kind
from manifest.requirements.profiles import PROFILES, choose_profile
from tests.conftest import REPO, SAMPLES

NAMES = list(formats.FORMATS)
# RFC 2045 type/subtype.
_MIME = re.compile(r"[a-z]+/[A-Za-z0-9.+-]+")


@pytest.mark.parametrize("name", NAMES)
def test_every_format_describes_every_part_of_itself(name: str) -> None:
    described = formats.FORMATS[name].description
    assert described.name == name
    assert described.title.strip() and described.agency_use.strip()
    assert described.document in DOCUMENT_KINDS
    assert described.auto.profile in PROFILES
    assert described.auto.reason.strip()
    assert described.auto.agencies and described.auto.agencies <= {"cbp", "sat"}
    assert _MIME.fullmatch(described.mime_type)
    assert described.modes and len(set(described.modes)) == len(described.modes)
    assert described.extensions and all(ext.startswith(".") and ext == ext.lower() for ext in described.extensions)
    assert callable(described.sniff)
    # A format of several messages says where its reader keeps the message, and what each message is.
    assert (described.message_key is None) == (not described.documents_by_message)
    assert set(described.documents_by_message.values()) <= set(DOCUMENT_KINDS)
    prefix = f"{name.split('-')[0]}." if name.startswith("x12") else f"{name}."
    assert all(key.startswith(prefix) for key in described.transmission)


@pytest.mark.parametrize("name", NAMES)
def test_the_module_takes_its_names_from_its_description(name: str) -> None:
    module = formats.get(name)
    described = formats.FORMATS[name].description
    assert module.DESCRIPTION is described
    assert (
        described.name,
        described.title,
        described.extensions,
        described.modes,
    ) == (module.NAME, module.TITLE, module.EXTENSIONS, module.MODES)
    assert module.sniff is described.sniff


def test_a_description_without_a_part_is_refused() -> None:
    complete = formats.FORMATS["cuscar"].description
    parts = {f.name: getattr(complete, f.name) for f in dataclasses.fields(FormatDescription)}
    required = [
        f.name
        for f in dataclasses.fields(FormatDescription)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    ]
    assert {"document", "auto", "mime_type", "title", "modes", "extensions", "sniff"} <= set(required)
    for left_out in required:
        with pytest.raises(TypeError, match=left_out):
            FormatDescription(**{k: v for k, v in parts.items() if k != left_out})


@pytest.mark.parametrize("name", NAMES)
def test_every_format_has_a_benchmark_and_a_fuzz_harness(name: str) -> None:
    from benchmarks.workloads import WORKLOADS

    assert name in {workload.format for workload in WORKLOADS}
    assert (REPO / "fuzz" / f"fuzz_{name.replace('-', '_')}.py").is_file()
    cases = (REPO / "fuzz" / "run.sh").read_text(encoding="utf-8")
    assert re.search(rf"^\s*[^)\n]*\b{re.escape(name)}\b[^)\n]*\)", cases, re.MULTILINE), name


# -- a toy format ---------------------------------------------------------------------------------------------------

_TOY_HEADER = re.compile(rb"TOY1 serial=([0-9]+)\n")
_TOY_MODULE = "tests_toy_format_module"


def _toy_read(data: bytes) -> Document:
    """The toy format: a header line with a serial number (an envelope value), then the model as manifest-json."""
    header = _TOY_HEADER.match(data)
    assert header is not None
    inner = manifest_json.read(data[header.end() :])
    serial = header.group(1).decode()
    manifests = tuple(
        dataclasses.replace(m, extensions={**m.extensions, "toy.serial": serial}) for m in inner.manifests
    )
    return dataclasses.replace(inner, format="toy", manifests=manifests)


def _toy_write(manifests: Sequence[Manifest]) -> Written:
    serial = next((m.extensions["toy.serial"] for m in manifests if "toy.serial" in m.extensions), "1")
    kept = [
        dataclasses.replace(m, extensions={k: v for k, v in m.extensions.items() if k != "toy.serial"})
        for m in manifests
    ]
    return Written(f"TOY1 serial={serial}\n".encode() + manifest_json.write(kept).data)


TOY = FormatDescription(
    name="toy",
    title="A format of the tests",
    agency_use="none",
    document="consist",
    auto=AutoProfile("sat", "the tests say so", frozenset({"sat"})),
    mime_type="text/x-toy",
    modes=(Mode.RAIL,),
    extensions=(".toy",),
    sniff=lambda head: head.startswith(b"TOY1 "),
    transmission={"toy.serial": EnvelopeValue(CONTROL)},
)


@pytest.fixture
def toy(monkeypatch: pytest.MonkeyPatch) -> None:
    module = SimpleNamespace(
        DESCRIPTION=TOY,
        NAME=TOY.name,
        TITLE=TOY.title,
        EXTENSIONS=TOY.extensions,
        MODES=TOY.modes,
        sniff=TOY.sniff,
        read=_toy_read,
        write=_toy_write,
    )
    monkeypatch.setitem(sys.modules, _TOY_MODULE, module)
    monkeypatch.setitem(
        typing.cast(dict[str, registry.FormatInfo], registry.FORMATS), "toy", registry.FormatInfo(TOY, _TOY_MODULE)
    )


RAIL_JSON = SAMPLES / "rail" / "northbound-train-kcsm-qmtyla27.manifest.json"


@pytest.mark.usefixtures("toy")
def test_a_toy_format_is_read_validated_reported_and_converted_from_its_description_alone() -> None:
    data = b"TOY1 serial=42\n" + RAIL_JSON.read_bytes()
    # Read: told by its sniffer, and by its name ending.
    document = api.read(data)
    assert document.format == "toy"
    assert formats.by_extension("trip.toy") == "toy"
    (manifest,) = document.manifests
    # Validated as the kind of document and with the fallback profile its description gives.
    assert document_kind("toy", manifest) == "consist"
    nowhere = dataclasses.replace(manifest, departure=None, arrival=None, stops=(), office_of_entry=None)
    assert choose_profile("auto", "toy", nowhere).profile == "sat"
    report = api.validate(data, path="trip.toy", profile="auto")
    assert report.format == "toy"
    # Reported with its MIME type.
    (artifact,) = json.loads(reporters.sarif([report]))["runs"][0]["artifacts"]
    assert artifact["mimeType"] == "text/x-toy"
    # Converted both ways, and its envelope value noted, not lost, when the target has no place for it.
    back = api.convert(api.convert(data, "manifest-json").written.data, "toy")  # type: ignore[union-attr]
    assert back.written is not None and back.written.data.startswith(b"TOY1 serial=42\n")
    assert api.read(back.written.data).manifests == document.manifests
    to_x12 = api.convert(data, "x12-309", allow_errors=True)
    assert "toy.serial" in {d.args.get("key") for d in to_x12.notes}
    assert not any("toy.serial" in (d.field or "") for d in to_x12.losses)
