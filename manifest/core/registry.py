"""The format registry: every format by its public name, its description, and the module that reads and writes it.

A format is one entry here (its :class:`~manifest.core.description.FormatDescription` and the name of its module)
and one module that fulfils :class:`manifest.formats.base.Format`. Every table about formats is derived from these
entries, so that a format added here is read, checked, reported and converted with nothing else to update
(``tests/test_format_descriptions.py`` keeps it so).

The registry sits in the core, below the formats and the requirements engine, because both need what a format says
about itself and neither may import the other. Modules are imported by name and only when used, so that
``manifest --version``, ``--help`` and a hook run over JSON files never pay for lxml or the SAT schemas, and a
file's format is told without importing any reader (:mod:`manifest.core.sniffing`).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import cast

from manifest.core import sniffing
from manifest.core.description import (
    CONTROL,
    DEFAULT,
    NOTHING,
    PREPARED,
    SYNTAX,
    AutoProfile,
    DocumentKind,
    EnvelopeValue,
    Format,
    FormatDescription,
)
from manifest.model import Mode
from manifest.slotted import record

SNIFF_BYTES = 4096


@record
class FormatInfo:
    description: FormatDescription
    module: str  # imported on first use

    @property
    def name(self) -> str:
        return self.description.name

    @property
    def title(self) -> str:
        return self.description.title

    @property
    def agency_use(self) -> str:
        return self.description.agency_use

    def load(self) -> Format:
        return _load(self.module)


@cache
def _load(module: str) -> Format:
    return cast("Format", importlib.import_module(module))


def _frozen(mapping: Mapping[str, EnvelopeValue]) -> Mapping[str, EnvelopeValue]:
    return MappingProxyType(dict(mapping))


_ALWAYS_SYNTAX = EnvelopeValue(SYNTAX)
_ALWAYS_CONTROL = EnvelopeValue(CONTROL)
_ALWAYS_PREPARED = EnvelopeValue(PREPARED)

# The X12 interchange, functional group and transaction set envelope (ASC X12.5 ISA/IEA, X12.6 GS/GE and ST/SE), the
# same for the 309 and the 358.
_X12_ENVELOPE = _frozen(
    {
        "x12.separators": _ALWAYS_SYNTAX,
        "x12.ISA.11": _ALWAYS_SYNTAX,  # repetition separator (00402 and later) or standards identifier 'U' (00401)
        "x12.ISA.12": _ALWAYS_SYNTAX,  # interchange control version number
        "x12.ISA.16": _ALWAYS_SYNTAX,  # component element separator
        "x12.GS.01": _ALWAYS_SYNTAX,  # functional identifier code, fixed by the set (SO for 309, BD for 358)
        "x12.GS.07": _ALWAYS_SYNTAX,  # responsible agency code 'X'
        "x12.GS.08": _ALWAYS_SYNTAX,  # version / release / industry identifier code
        "x12.ISA.13": _ALWAYS_CONTROL,
        "x12.GS.06": _ALWAYS_CONTROL,
        "x12.ST.02": _ALWAYS_CONTROL,
        "x12.ISA.09": _ALWAYS_PREPARED,
        "x12.ISA.10": _ALWAYS_PREPARED,
        "x12.GS.04": _ALWAYS_PREPARED,
        "x12.GS.05": _ALWAYS_PREPARED,
        # Values that carry nothing only when they hold the unmarked value (X12.5 code lists of ISA01, ISA03, ISA14
        # and ISA15: '00' no authorization / security information present, '0' no acknowledgment requested, 'P'
        # production); ISA02 and ISA04 are blank when the qualifier says none is present.
        "x12.ISA.01": EnvelopeValue(NOTHING, "00"),
        "x12.ISA.03": EnvelopeValue(NOTHING, "00"),
        "x12.ISA.14": EnvelopeValue(DEFAULT, "0"),
        "x12.ISA.15": EnvelopeValue(DEFAULT, "P"),
        "x12.ISA.02": EnvelopeValue(NOTHING, ""),
        "x12.ISA.04": EnvelopeValue(NOTHING, ""),
    }
)
_BOTH = frozenset({"cbp", "sat"})
_MODEL_ITSELF = AutoProfile("harmonized", "the single-window model itself, meant for both agencies", _BOTH)
_AIR_MESSAGES: Mapping[str, DocumentKind] = MappingProxyType(
    {
        "FFM": "manifest",  # Cargo-IMP flight manifest
        "XFFM": "manifest",
        "FWB": "waybill",  # Cargo-IMP air waybill
        "XFWB": "waybill",
        "FHL": "houses",  # Cargo-IMP house manifest (consolidation list)
        "XFHL": "houses",
        "XFZB": "houses",  # Cargo-XML house waybill
    }
)

_ENTRIES = (
    FormatInfo(
        FormatDescription(
            name="cargo-imp",
            title="IATA Cargo-IMP FWB, FHL and FFM text messages",
            agency_use="air; CBP ACE Air AMS",
            document="manifest",
            auto=AutoProfile(
                "cbp",
                "ACE Air AMS (CAMIR-Air) is built on Cargo-IMP lines; VUCEM air takes Cargo-XML only",
                frozenset({"cbp"}),
            ),
            mime_type="text/plain",
            modes=(Mode.AIR,),
            extensions=(".fwb", ".fhl", ".ffm", ".imp", ".fwb.txt", ".fhl.txt", ".ffm.txt"),
            sniff=sniffing.cargo_imp,  # the first line past any Type B envelope is an FWB, FHL or FFM identifier
            message_key="cargo-imp.message",
            documents_by_message=_AIR_MESSAGES,
            transmission=_frozen(
                {
                    "cargo-imp.message": _ALWAYS_SYNTAX,  # FWB, FHL, FFM
                    "cargo-imp.version": _ALWAYS_SYNTAX,  # message version number
                }
            ),
        ),
        "manifest.formats.cargo_imp",
    ),
    FormatInfo(
        FormatDescription(
            name="manifest-json",
            title="The harmonized model as JSON",
            agency_use="embedding, debugging",
            document="model",
            auto=_MODEL_ITSELF,
            mime_type="application/json",
            modes=tuple(Mode),
            extensions=(".manifest.json",),
            sniff=sniffing.manifest_json,
        ),
        "manifest.formats.manifest_json",
    ),
    FormatInfo(
        FormatDescription(
            name="manifest-xml",
            title="The harmonized model as XML (schemas/manifest.xsd)",
            agency_use="single window",
            document="model",
            auto=_MODEL_ITSELF,
            mime_type="application/xml",
            modes=tuple(Mode),
            extensions=(".manifest.xml",),
            sniff=sniffing.manifest_xml,
        ),
        "manifest.formats.manifest_xml",
    ),
    FormatInfo(
        FormatDescription(
            name="x12-309",
            title="ANSI X12 309 Customs Manifest (4010 ocean, 4040 rail, 4060 truck)",
            agency_use="CBP ACE rail, ocean and truck; SAT VUCEM rail",
            document="manifest",
            auto=AutoProfile(
                "cbp",
                "the 309 is CBP's ACE manifest transaction; SAT takes the same data set only when the envelope names "
                "VUCEM (ISA08/GS03), which is checked first",
                frozenset({"cbp"}),  # SAT's only when addressed to it, which the receiver tells first
            ),
            mime_type="application/EDI-X12",
            modes=(Mode.RAIL, Mode.MARITIME, Mode.ROAD),
            extensions=(".309", ".x12", ".edi"),
            sniff=sniffing.x12_309,
            transmission=_X12_ENVELOPE,
        ),
        "manifest.formats.x12_309",
    ),
    FormatInfo(
        FormatDescription(
            name="x12-358",
            title="ANSI X12 358 Customs Consist (rail) and ACE truck trip (4060)",
            agency_use="CBP ACE rail and truck",
            document="consist",
            auto=AutoProfile("cbp", "the 358 consist is a CBP ACE rail transaction only", frozenset({"cbp"})),
            mime_type="application/EDI-X12",
            modes=(Mode.RAIL, Mode.ROAD),
            extensions=(".358",),
            sniff=sniffing.x12_358,
            transmission=_X12_ENVELOPE,
        ),
        "manifest.formats.x12_358",
    ),
    FormatInfo(
        FormatDescription(
            name="cuscar",
            title="UN/EDIFACT CUSCAR customs cargo report (D95B and later)",
            agency_use="maritime; SAT legacy, most customs worldwide",
            document="manifest",
            auto=AutoProfile(
                "sat",
                "CBP takes ocean manifests as CAMIR records or an X12 309, not CUSCAR; CUSCAR is SAT's maritime format",
                frozenset({"sat"}),
            ),
            mime_type="application/EDIFACT",
            modes=(Mode.MARITIME, Mode.RAIL, Mode.ROAD, Mode.AIR),
            extensions=(".cuscar", ".edi", ".edifact"),
            sniff=sniffing.cuscar,
            transmission=_frozen(
                {
                    "cuscar.UNB.01": _ALWAYS_SYNTAX,  # S001 syntax identifier and version (ISO 9735)
                    "cuscar.UNB.04": _ALWAYS_PREPARED,  # S004 date and time of preparation
                    "cuscar.UNB.05": _ALWAYS_CONTROL,  # 0020 interchange control reference
                    "cuscar.UNH.01": _ALWAYS_CONTROL,  # 0062 message reference number
                }
            ),
        ),
        "manifest.formats.cuscar",
    ),
    FormatInfo(
        FormatDescription(
            name="cargo-xml",
            title="IATA Cargo-XML XFWB, XFZB, XFHL, XFFM",
            agency_use="air; VUCEM air, CBP ACAS",
            document="manifest",
            auto=AutoProfile(
                "harmonized",
                "VUCEM air (since 2015) and CBP ACAS both take Cargo-XML; the recipient address of the message header "
                "is read first (VUCEM: sat; CBP or ACAS: cbp), and a message addressed to neither may go to either",
                _BOTH,
            ),
            mime_type="application/xml",
            modes=(Mode.AIR,),
            extensions=(".xfwb.xml", ".xfzb.xml", ".xfhl.xml", ".xffm.xml"),
            sniff=sniffing.cargo_xml,
            message_key="cargo-xml.message",
            documents_by_message=_AIR_MESSAGES,
            transmission=_frozen(
                {
                    # XFWB, XFZB, XFHL, XFFM: the message, chosen by the writer from the model
                    "cargo-xml.message": _ALWAYS_SYNTAX,
                    "cargo-xml.MessageHeaderDocument/Name": _ALWAYS_SYNTAX,
                    "cargo-xml.MessageHeaderDocument/TypeCode": _ALWAYS_SYNTAX,
                    "cargo-xml.MessageHeaderDocument/ID": _ALWAYS_CONTROL,
                    "cargo-xml.MessageHeaderDocument/IssueDateTime": _ALWAYS_PREPARED,
                }
            ),
        ),
        "manifest.formats.cargo_xml",
    ),
    FormatInfo(
        FormatDescription(
            name="carta-porte",
            title="SAT CFDI 4.0 with the Complemento Carta Porte 3.1 (3.0 read too)",
            agency_use="SAT, every mode",
            document="cfdi",
            auto=AutoProfile(
                "sat", "a CFDI with the Carta Porte complement is filed with SAT only", frozenset({"sat"})
            ),
            mime_type="application/xml",
            modes=(Mode.RAIL, Mode.MARITIME, Mode.AIR, Mode.ROAD),
            extensions=(".cartaporte.xml",),
            sniff=sniffing.carta_porte,
        ),
        "manifest.formats.carta_porte",
    ),
)

# A dict behind a read-only face: the order is the order of sniffing (the first format that recognises a file
# wins), and a test may add an entry for the length of one test.
_REGISTERED: dict[str, FormatInfo] = {entry.name: entry for entry in _ENTRIES}
FORMATS: Mapping[str, FormatInfo] = _REGISTERED


def described(name: str) -> FormatDescription:
    """The description of format ``name``; KeyError naming the known formats when there is none."""
    try:
        return FORMATS[name].description
    except KeyError:
        raise KeyError(f"unknown format {name!r}; known formats: {', '.join(FORMATS)}") from None


def transmission_value(key: str, value: str) -> EnvelopeValue | None:
    """What envelope value ``key`` is to the transmission of any format, when ``value`` makes it one."""
    for info in FORMATS.values():
        found = info.description.transmission.get(key)
        if found is not None:
            return found if found.applies(value) else None
    return None
