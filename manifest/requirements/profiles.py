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
from types import MappingProxyType

from manifest import codelists
from manifest.core.registry import FORMATS
from manifest.diagnostics import Lang
from manifest.model import Manifest, Place, PlaceScheme
from manifest.slotted import record


@record
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


@record
class AutoChoice:
    """The profile ``auto`` picks for a format when the file names no receiver, and why."""

    format: str
    profile: str
    reason: str


# As each format describes itself (manifest.core.registry).
AUTO_BY_FORMAT: Mapping[str, AutoChoice] = MappingProxyType(
    {
        name: AutoChoice(name, info.description.auto.profile, info.description.auto.reason)
        for name, info in FORMATS.items()
    }
)
DEFAULT_AUTO = "harmonized"


class ProfileError(ValueError):
    """An unknown profile name."""


# Which agencies take each format (see AUTO_BY_FORMAT for why): when the traffic concerns both, a format only one of
# them takes is checked against that one.
AGENCIES_BY_FORMAT: Mapping[str, frozenset[str]] = MappingProxyType(
    {name: info.description.auto.agencies for name, info in FORMATS.items()}
)
_AGENCY_OF_COUNTRY = {"US": "cbp", "MX": "sat"}
_AGENCY_NAMES = {"cbp": "CBP", "sat": "SAT"}
_CUSCAR_RECIPIENT = "cuscar.UNB.03"

# The wording of a choice; the CLI says it in Spanish through the gettext catalogue.
ASKED = "profile {profile} as asked"
RECEIVER = "the receiver {receiver} ({where}) is {agency}"
TRAFFIC_BOTH = "the manifest's ports and countries are in the US and in Mexico ({countries})"
TRAFFIC_US = "the manifest's ports and countries are in the US, not in Mexico ({countries})"
TRAFFIC_MX = "the manifest's ports and countries are in Mexico, not in the US ({countries})"
TRAFFIC_NEITHER = (
    "the manifest's ports and countries are neither in the US nor in Mexico ({countries}): syntax, schema and "
    "identifiers only"
)
ONLY_ONE_AGENCY = "{format} is filed with {agency}"
NO_COUNTRY = "the manifest names no port or country; {format} files are checked as {profile}"
REASON_TEMPLATES = (ASKED, RECEIVER, TRAFFIC_BOTH, TRAFFIC_US, TRAFFIC_MX, TRAFFIC_NEITHER, ONLY_ONE_AGENCY, NO_COUNTRY)


@record
class Reason:
    """Why a profile was chosen: parts, each an English template of REASON_TEMPLATES with its values, said in
    either language (the templates are entries of the gettext catalogue)."""

    parts: tuple[tuple[str, tuple[tuple[str, str], ...]], ...]

    @classmethod
    def of(cls, template: str, **values: str) -> Reason:
        return cls(((template, tuple(values.items())),))

    def __add__(self, other: Reason) -> Reason:
        return Reason(self.parts + other.parts)

    def said(self, lang: Lang = "en") -> str:
        from manifest.i18n import words

        return "; ".join(words(lang).gettext(template).format(**dict(values)) for template, values in self.parts)

    def __str__(self) -> str:
        return self.said("en")


@record
class ProfileChoice:
    profile: str
    reason: Reason


def resolve_profile(profile: str, format_name: str, manifest: Manifest) -> str:
    """``profile`` itself when it is cbp, sat, harmonized or none; for ``auto``, the profile the file is meant for."""
    return choose_profile(profile, format_name, manifest).profile


def choose_profile(profile: str, format_name: str, manifest: Manifest) -> ProfileChoice:
    """The profile to check ``manifest`` against, and why.

    ``auto`` reads the receiver the file names first (X12 ISA08/GS03, the CUSCAR UNB recipient, the Cargo-XML
    recipient): a file addressed to CBP or to SAT is checked as that agency asks. Otherwise the manifest's ports and
    countries (departure, arrival, stops, port of entry, each bill's places, the countries of departure and
    arrival, the countries the bills' customs notes are for) tell whose traffic it is: the US's (cbp), Mexico's
    (sat), both (harmonized, or the one agency that takes the format), or neither (none: syntax, schema and
    identifiers only). A manifest that names no place at all is checked as its format usually is (AUTO_BY_FORMAT).
    """
    if profile in PROFILES:
        return ProfileChoice(profile, Reason.of(ASKED, profile=profile))
    if profile != "auto":
        raise ProfileError(f"unknown profile {profile!r}; expected one of {', '.join(PROFILE_CHOICES)}")
    addressed = _addressed_to(format_name, manifest)
    if addressed is not None:
        return addressed
    countries = traffic_countries(manifest)
    listed = ", ".join(sorted(countries))
    if not countries:
        registered = FORMATS.get(format_name)
        chosen = registered.description.auto.profile if registered is not None else DEFAULT_AUTO
        return ProfileChoice(chosen, Reason.of(NO_COUNTRY, format=format_name, profile=chosen))
    agencies = {_AGENCY_OF_COUNTRY[c] for c in countries if c in _AGENCY_OF_COUNTRY}
    if not agencies:
        return ProfileChoice("none", Reason.of(TRAFFIC_NEITHER, countries=listed))
    template = TRAFFIC_BOTH if len(agencies) == 2 else TRAFFIC_US if agencies == {"cbp"} else TRAFFIC_MX
    reason = Reason.of(template, countries=listed)
    registered = FORMATS.get(format_name)
    taking = registered.description.auto.agencies if registered is not None else frozenset({"cbp", "sat"})
    if len(agencies & taking) == 1 and len(agencies) == 2:
        (agency,) = agencies & taking
        reason += Reason.of(ONLY_ONE_AGENCY, format=format_name, agency=_AGENCY_NAMES[agency])
        agencies = {agency}
    return ProfileChoice("harmonized" if len(agencies) == 2 else agencies.pop(), reason)


def _addressed_to(format_name: str, manifest: Manifest) -> ProfileChoice | None:
    """The agency the file names as its receiver, if it names one."""
    keys: tuple[str, ...] = ()
    if format_name.startswith("x12"):
        keys = _X12_RECEIVER_KEYS
    elif format_name == "cuscar":
        keys = (_CUSCAR_RECIPIENT,)
    for key in keys:
        # An EDIFACT recipient is id:qualifier; the id comes first.
        receiver = manifest.extensions.get(key, "").split(":")[0].strip()
        for agency, pattern in (("cbp", _CBP_RECEIVER), ("sat", _SAT_RECEIVER)):
            if pattern.match(receiver):
                where = key.split(".", 1)[1]
                return ProfileChoice(
                    agency, Reason.of(RECEIVER, receiver=receiver, where=where, agency=_AGENCY_NAMES[agency])
                )
    if format_name == "cargo-xml":
        address = manifest.extensions.get(_CARGO_XML_RECIPIENT, "").strip()
        for agency, pattern in (("sat", _SAT_ADDRESS), ("cbp", _CBP_ADDRESS)):
            if pattern.search(address):
                reason = Reason.of(RECEIVER, receiver=address, where="RecipientParty", agency=_AGENCY_NAMES[agency])
                return ProfileChoice(agency, reason)
    return None


def traffic_countries(manifest: Manifest) -> frozenset[str]:
    """The ISO 3166-1 alpha-2 countries of the manifest's ports and places, from their country, else from their code
    (a Schedule D port is in the US, an aduana in Mexico, a UN/LOCODE begins with its country, an IATA airport is
    looked up); the countries of departure and arrival; and the countries the bills' customs notes are for."""
    places: list[Place | None] = [
        manifest.departure.place if manifest.departure is not None else None,
        manifest.arrival.place if manifest.arrival is not None else None,
        *(stop.place for stop in manifest.stops),
        manifest.office_of_entry,
    ]
    for consignment in manifest.consignments:
        places += [
            consignment.place_of_receipt,
            consignment.place_of_loading,
            consignment.place_of_discharge,
            consignment.place_of_delivery,
        ]
    found = {_place_country(place) for place in places if place is not None}
    named = [manifest.country_from, manifest.country_to]
    # A customs note on a bill (Cargo-IMP OCI, Cargo-XML IncludedCustomsNote) is information for that country's
    # customs: an ACAS filing carries notes for the US whatever the airports.
    named += [note.country for consignment in manifest.consignments for note in consignment.customs_notes]
    found |= {codelists.country_alpha2(c) for c in named if c}
    return frozenset(country for country in found if country is not None)


_COUNTRY_OF_SCHEME = {
    PlaceScheme.SCHEDULE_D: "US",
    PlaceScheme.SAT_ADUANA: "MX",
}


def _place_country(place: Place) -> str | None:
    if place.country:
        return codelists.country_alpha2(place.country)
    if place.scheme in _COUNTRY_OF_SCHEME:
        return _COUNTRY_OF_SCHEME[place.scheme]
    code = (place.code or "").strip().upper()
    if place.scheme is PlaceScheme.UNLOCODE and len(code) == 5:
        return codelists.country_alpha2(code[:2])
    if place.scheme is PlaceScheme.IATA_AIRPORT:
        return codelists.airport_countries().get(code)
    return None
