"""Profiles: whose requirements a manifest is checked against, and how ``auto`` picks one.

- ``cbp``: what CBP ACE requires per mode (X12 309 rail and ocean data sets, ACAS and Air AMS for air).
- ``sat``: what SAT requires per mode (CFDI Carta Porte 3.1, VUCEM manifests under RGCE rules 1.9.10, 1.9.11, 1.9.22).
- ``harmonized``: both, plus the checks that the two sides agree (the single-window manifests of the CBP-SAT High
  Level Economic Dialogue: northbound rail from 2014, air and maritime announced in 2015-2016).
- ``none``: no agency's requirements: syntax, schema and the integrity of identifiers only (check digits, standard
  code lists), which every profile checks. What ``auto`` picks for traffic that is neither US nor Mexican.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from manifest.model import Manifest


@dataclass(frozen=True, slots=True)
class Profile:
    name: str
    title: str
    source: str


PROFILES: Mapping[str, Profile] = MappingProxyType(
    {
        "cbp": Profile(
            "cbp",
            "US Customs and Border Protection (ACE)",
            "CBP ACE 309 Rail Import IG (309RAIL 004040, Jan 2015); ACE Ocean AMS X12 309 IG (004010) and CAMIR; "
            "ACAS IG v2.1 (Jul 2019) and ACE Air CAMIR; 19 CFR 4.7a, 122.48a, 123.91",
        ),
        "sat": Profile(
            "sat",
            "Mexican SAT/ANAM (Carta Porte and VUCEM)",
            "SAT Complemento Carta Porte 3.1 (CartaPorte31.xsd, standard and catalogues); RGCE 1.9.10 (air), 1.9.11 "
            "(rail), 1.9.22/1.9.23 (maritime); Anexo 22",
        ),
        "harmonized": Profile(
            "harmonized",
            "Single window: CBP and SAT, and their agreement",
            "CBP-SAT High Level Economic Dialogue joint statements (6 Jan 2015, 25 Feb 2016): harmonized data "
            "requirements for northbound rail and single cargo manifests in the rail, air and maritime modes",
        ),
        "none": Profile(
            "none",
            "No agency: syntax, schema and identifiers",
            "ISO 6346, ISO 3166-1 and 3166-2, IMO Resolution A.1117(30), IATA Resolution 600a, WCO HS 2022, UNECE "
            "Recommendation 16 (UN/LOCODE), Código Fiscal de la Federación art. 27 (RFC)",
        ),
    }
)

PROFILE_CHOICES = (*PROFILES, "auto")

# X12 interchange receiver IDs (ISA08, GS03) are set by each agency's trading-partner profile: CBP's ACE ids start
# with CBP (e.g. "CBPRAIL") or with the US Customs Service's legacy "USCS"; SAT's rail channel is VUCEM (SAT rail
# lineamientos v1.6), and its ids start with VUCEM, SAT or ANAM (the Agencia Nacional de Aduanas de México).
_CBP_RECEIVER = re.compile(r"(?:CBP|USCS)", re.IGNORECASE)
_SAT_RECEIVER = re.compile(r"(?:VUCEM|SAT|ANAM)", re.IGNORECASE)
_X12_RECEIVER_KEYS = ("x12.ISA.08", "x12.GS.03")
# Cargo-XML MessageHeaderDocument/RecipientParty/PrimaryID is a Type B style address (city, department, airline),
# so the agency appears inside it: MEXVUCEM for VUCEM air, or CBP / ACAS for CBP.
_CARGO_XML_RECIPIENT = "cargo-xml.MessageHeaderDocument/RecipientParty/PrimaryID"
_CBP_ADDRESS = re.compile(r"CBP|ACAS", re.IGNORECASE)
_SAT_ADDRESS = re.compile(r"VUCEM", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class AutoChoice:
    """The profile ``auto`` picks for a format when the file names no receiver, and why."""

    format: str
    profile: str
    reason: str


AUTO_BY_FORMAT: Mapping[str, AutoChoice] = MappingProxyType(
    {
        choice.format: choice
        for choice in (
            AutoChoice("carta-porte", "sat", "a CFDI with the Carta Porte complement is filed with SAT only"),
            AutoChoice(
                "x12-309",
                "cbp",
                "the 309 is CBP's ACE manifest transaction; SAT takes the same data set only when the envelope names "
                "VUCEM (ISA08/GS03), which is checked first",
            ),
            AutoChoice("x12-358", "cbp", "the 358 consist is a CBP ACE rail transaction only"),
            AutoChoice(
                "cuscar",
                "sat",
                "CBP takes ocean manifests as CAMIR records or an X12 309, not CUSCAR; CUSCAR is SAT's maritime format",
            ),
            AutoChoice(
                "cargo-imp",
                "cbp",
                "ACE Air AMS (CAMIR-Air) is built on Cargo-IMP lines; VUCEM air takes Cargo-XML only",
            ),
            AutoChoice(
                "cargo-xml",
                "harmonized",
                "VUCEM air (since 2015) and CBP ACAS both take Cargo-XML; the recipient address of the message header "
                "is read first (VUCEM: sat; CBP or ACAS: cbp), and a message addressed to neither may go to either",
            ),
            AutoChoice("manifest-json", "harmonized", "the single-window model itself, meant for both agencies"),
            AutoChoice("manifest-xml", "harmonized", "the single-window model itself, meant for both agencies"),
        )
    }
)
DEFAULT_AUTO = "harmonized"


class ProfileError(ValueError):
    """An unknown profile name."""


def resolve_profile(profile: str, format_name: str, manifest: Manifest) -> str:
    """``profile`` itself when it is cbp, sat or harmonized; for ``auto``, the profile the file is meant for."""
    if profile in PROFILES:
        return profile
    if profile != "auto":
        raise ProfileError(f"unknown profile {profile!r}; expected one of {', '.join(PROFILE_CHOICES)}")
    if format_name.startswith("x12"):
        for key in _X12_RECEIVER_KEYS:
            receiver = manifest.extensions.get(key, "").strip()
            if _CBP_RECEIVER.match(receiver):
                return "cbp"
            if _SAT_RECEIVER.match(receiver):
                return "sat"
    if format_name == "cargo-xml":
        address = manifest.extensions.get(_CARGO_XML_RECIPIENT, "")
        if _SAT_ADDRESS.search(address):
            return "sat"
        if _CBP_ADDRESS.search(address):
            return "cbp"
    choice = AUTO_BY_FORMAT.get(format_name)
    return choice.profile if choice is not None else DEFAULT_AUTO
