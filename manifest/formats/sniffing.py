"""How each format's files are recognised, as the format modules have always found it: the tests of first bytes are
:mod:`manifest.core.sniffing`, and the tests and name endings by format are read from the registry."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType

from manifest.core.registry import FORMATS
from manifest.core.sniffing import (
    CARGO_XML_NAMESPACES,
    EDIFACT_PREAMBLE,
    cargo_imp,
    cargo_xml,
    carta_porte,
    cuscar,
    edifact_behind_preamble,
    manifest_json,
    manifest_xml,
    x12,
    x12_309,
    x12_358,
)

__all__ = [
    "CARGO_XML_NAMESPACES",
    "EDIFACT_PREAMBLE",
    "EXTENSIONS",
    "SNIFFERS",
    "cargo_imp",
    "cargo_xml",
    "carta_porte",
    "cuscar",
    "edifact_behind_preamble",
    "manifest_json",
    "manifest_xml",
    "x12",
    "x12_309",
    "x12_358",
]

SNIFFERS: Mapping[str, Callable[[bytes], bool]] = MappingProxyType(
    {name: info.description.sniff for name, info in FORMATS.items()}
)
EXTENSIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {name: info.description.extensions for name, info in FORMATS.items()}
)
