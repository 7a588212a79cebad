"""The format registry: every format by its public name, loaded on first use, and content sniffing.

Modules are imported lazily so that ``manifest --version`` and a hook run over JSON files never pay for lxml or the
SAT schemas, and a file's format is told without importing any of them (:mod:`manifest.formats.sniffing`). Adding
a format is one entry here, its recognition in ``sniffing`` and one module that fulfils
:class:`manifest.formats.base.Format`.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    # Only for annotations: the registry is read by ``--version`` and ``--help``, which need neither the model nor
    # any reader.
    from manifest.formats.base import Format


@dataclass(frozen=True, slots=True)
class FormatInfo:
    name: str
    title: str
    agency_use: str
    module: str

    def load(self) -> Format:
        return _load(self.module)


@cache
def _load(module: str) -> Format:
    return cast("Format", importlib.import_module(module))


_ENTRIES = (
    FormatInfo(
        "cargo-imp",
        "IATA Cargo-IMP FWB, FHL and FFM text messages",
        "air; CBP ACE Air AMS",
        "manifest.formats.cargo_imp",
    ),
    FormatInfo(
        "manifest-json",
        "The harmonized model as JSON",
        "embedding, debugging",
        "manifest.formats.manifest_json",
    ),
    FormatInfo(
        "manifest-xml",
        "The harmonized model as XML (schemas/manifest.xsd)",
        "single window",
        "manifest.formats.manifest_xml",
    ),
    FormatInfo(
        "x12-309",
        "ANSI X12 309 Customs Manifest (4010 ocean, 4040 rail, 4060 truck)",
        "CBP ACE rail, ocean and truck; SAT VUCEM rail",
        "manifest.formats.x12_309",
    ),
    FormatInfo(
        "x12-358",
        "ANSI X12 358 Customs Consist (rail) and ACE truck trip (4060)",
        "CBP ACE rail and truck",
        "manifest.formats.x12_358",
    ),
    FormatInfo(
        "cuscar",
        "UN/EDIFACT CUSCAR customs cargo report (D95B and later)",
        "maritime; SAT legacy, most customs worldwide",
        "manifest.formats.cuscar",
    ),
    FormatInfo(
        "cargo-xml",
        "IATA Cargo-XML XFWB, XFZB, XFHL, XFFM",
        "air; VUCEM air, CBP ACAS",
        "manifest.formats.cargo_xml",
    ),
    FormatInfo(
        "carta-porte",
        "SAT CFDI 4.0 with the Complemento Carta Porte 3.1 (3.0 read too)",
        "SAT, every mode",
        "manifest.formats.carta_porte",
    ),
)

FORMATS: Mapping[str, FormatInfo] = {entry.name: entry for entry in _ENTRIES}

SNIFF_BYTES = 4096


def get(name: str) -> Format:
    try:
        return FORMATS[name].load()
    except KeyError:
        raise KeyError(f"unknown format {name!r}; known formats: {', '.join(FORMATS)}") from None


def sniff(head: bytes) -> str | None:
    """The name of the first format that recognises ``head`` (the first bytes of a file), or None."""
    from manifest.formats.charsets import sniffable
    from manifest.formats.sniffing import SNIFFERS

    head = sniffable(head)  # XML in UTF-16 or UTF-32 is recognised by the same markers as in UTF-8
    for name in FORMATS:
        if SNIFFERS[name](head):
            return name
    return None


def by_extension(filename: str) -> str | None:
    from manifest.formats.sniffing import EXTENSIONS

    lowered = filename.lower()
    for name in FORMATS:
        if any(lowered.endswith(ext) for ext in EXTENSIONS[name]):
            return name
    return None
