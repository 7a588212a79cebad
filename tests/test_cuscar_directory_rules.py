"""CUSCAR read as the UN directory and its code lists define it: the transport mode from TDT C220, the voyage's ports
from the LOC qualifiers subsets use, a consignment numbered by its RFF when CNI leaves C503/1004 empty (both
conditional), and BGM 1225 held to UNCL 1225. What an agency requires on top is its profile's to report."""

from __future__ import annotations

from dataclasses import replace

import pytest

from manifest import api
from manifest.codelists import codes
from manifest.formats import cuscar
from manifest.model import DocumentType, Mode


def interchange(*body: str, recipient: str = "RECEIVER", function: str = "9") -> bytes:
    """One CUSCAR message around ``body`` (segments without terminators), a segment a line, counts right."""
    segments = ["UNH+1+CUSCAR:D:95B:UN", f"BGM+85+REPORT1+{function}", *body]
    segments.append(f"UNT+{len(segments) + 1}+1")
    lines = [f"UNB+UNOA:3+SENDER+{recipient}+261120:2200+1", *segments, "UNZ+1+1"]
    return "".join(line + "'\n" for line in lines).encode("ascii")


TRUCK = "TDT+20+TRIP1+{mode}++LOCK:172:182:LOCKHEED TRUCKING"
BILL = ("CNI+1+BILL1", "GID+1+10:CT", "FTX+AAA+++IRON COIL")


def _codes(data: bytes, profile: str = "auto") -> list[str]:
    return [d.code for d in api.validate(data, format="cuscar", profile=profile).diagnostics]


# -- transport mode (UN/ECE Recommendation 19 in TDT C220/8067) ----------------------------------------------------


@pytest.mark.parametrize(
    ("code", "mode"),
    [
        ("1", Mode.MARITIME),
        ("2", Mode.RAIL),
        ("3", Mode.ROAD),
        ("03", Mode.ROAD),
        ("4", Mode.AIR),
        ("8", Mode.MARITIME),
    ],
)
def test_the_mode_is_that_of_the_tdt(code: str, mode: Mode) -> None:
    (manifest,) = cuscar.read(interchange(TRUCK.format(mode=code), *BILL)).manifests
    assert manifest.mode is mode


def test_a_report_without_tdt_is_maritime() -> None:
    (manifest,) = cuscar.read(interchange(*BILL)).manifests
    assert manifest.mode is Mode.MARITIME


def test_a_road_report_to_cbp_is_not_held_to_the_ocean_rules() -> None:
    to_cbp = {"recipient": "CBP-ACE-TEST:ZZ"}
    vessel = _codes(interchange(TRUCK.format(mode="1"), *BILL, **to_cbp))
    truck = _codes(interchange(TRUCK.format(mode="3"), *BILL, **to_cbp))
    assert any(code.startswith("CBP-OCEAN-") for code in vessel)
    # A truck's report to CBP is held to CBP's road rules (19 CFR 123.92), never to the ocean ones.
    assert not any(code.startswith("CBP-OCEAN-") for code in truck)
    assert any(code.startswith("CBP-ROAD-") for code in truck)


@pytest.mark.parametrize("code", ["2", "3", "03", "4"])
def test_the_mode_is_written_back_as_read(code: str) -> None:
    document = cuscar.read(interchange(TRUCK.format(mode=code), *BILL))
    written = cuscar.write(document.manifests).data
    assert f"+TRIP1+{code}+".encode() in written
    assert cuscar.read(written).manifests[0].mode is document.manifests[0].mode


def test_a_manifest_of_another_mode_is_written_with_its_code() -> None:
    (vessel,) = cuscar.read(interchange(TRUCK.format(mode="1"), *BILL)).manifests
    assert b"+TRIP1+2+" in cuscar.write([replace(vessel, mode=Mode.RAIL)]).data


# -- CNI C503/1004 is conditional ------------------------------------------------------------------------------------


def test_a_cni_without_a_number_is_no_fault_of_the_message() -> None:
    data = interchange("CNI+1+:23", "GID+1+10:CT")
    assert "CUS007" not in _codes(data)
    assert cuscar.read(data).manifests[0].consignments[0].document_number == ""


def test_an_agency_that_needs_the_number_still_asks_for_it() -> None:
    data = interchange("TDT+20+V1+1++MAEU:172:182+++9321483:146::SHIP:PA", "CNI+1+:23", "GID+1+10:CT")
    assert "SAT-MAR-007" in _codes(data, profile="sat")
    assert "CUS007" not in _codes(data, profile="sat")


@pytest.mark.parametrize(
    ("qualifier", "kind", "kept"),
    [
        ("BM", DocumentType.BILL_OF_LADING, 0),
        ("BH", DocumentType.HOUSE_BILL_OF_LADING, 0),
        ("AAM", DocumentType.BILL_OF_LADING, 1),
    ],
)
def test_a_cni_without_a_number_takes_that_of_its_transport_document_rff(
    qualifier: str, kind: DocumentType, kept: int
) -> None:
    """The waybill number (AAM) numbers the bill and stays a reference; the document keeps the model's type."""
    data = interchange("CNI+1+:23", "RFF+ABO:OTHER", f"RFF+{qualifier}:LOCKKH041122106", "GID+1+10:CT")
    document = cuscar.read(data)
    (bill,) = document.manifests[0].consignments
    assert bill.document_number == "LOCKKH041122106"
    assert bill.document_type is kind
    assert len(bill.references) == 1 + kept
    where = document.source_map(0).locate("consignments[0].document_number")
    assert where is not None and where.location is not None and where.location.startswith("RFF(")
    # Written back, CNI stays as it was read (no number) and the number comes back from the RFF.
    written = cuscar.write(document.manifests).data
    assert b"CNI+1+:23'" in written
    assert cuscar.read(written).manifests[0].consignments[0].document_number == "LOCKKH041122106"


def test_a_cni_number_is_not_replaced_by_a_later_rff() -> None:
    data = interchange("CNI+1+BILL1", "RFF+AAM:OTHER", "GID+1+10:CT")
    (bill,) = cuscar.read(data).manifests[0].consignments
    assert bill.document_number == "BILL1"


# -- the voyage's ports from the LOC qualifiers of the message header ------------------------------------------------


def test_header_places_of_loading_and_discharge_are_the_voyage_ports() -> None:
    data = interchange("LOC+9+LKCMB", "LOC+11+DEHAM", "TDT+20+V1+1", *BILL)
    document = cuscar.read(data)
    (manifest,) = document.manifests
    assert manifest.departure is not None and manifest.departure.place.code == "LKCMB"
    assert manifest.arrival is not None and manifest.arrival.place.code == "DEHAM"
    assert (manifest.country_from, manifest.country_to) == ("LK", "DE")
    report = api.validate(data, format="cuscar")
    assert report.profile == "none"
    assert [d.code for d in report.diagnostics if d.code.startswith(("SAT-", "CBP-"))] == []
    written = cuscar.write(document.manifests).data
    assert b"LOC+9+LKCMB" in written and b"LOC+11+DEHAM" in written
    assert cuscar.read(written).manifests == document.manifests


def test_a_place_of_departure_comes_before_a_place_of_loading() -> None:
    data = interchange("LOC+5+MXZLO", "LOC+9+LKCMB", *BILL)
    (manifest,) = cuscar.read(data).manifests
    assert manifest.departure is not None and manifest.departure.place.code == "MXZLO"


# -- BGM 1225 against UNCL 1225 --------------------------------------------------------------------------------------


def test_uncl_1225_holds_the_numeric_codes_1_to_73() -> None:
    assert codes("uncl-1225") == frozenset(str(n) for n in range(1, 74))


@pytest.mark.parametrize(
    ("function", "fault"), [("9", False), ("53", False), ("73", False), ("VSA", True), ("74", True)]
)
def test_the_message_function_is_a_uncl_1225_code(function: str, fault: bool) -> None:
    data = interchange(*BILL, function=function)
    found = [d for d in cuscar.read(data).diagnostics if d.code == "CUS011"]
    if not fault:
        assert found == []
        return
    (finding,) = found
    assert (finding.line, finding.column, finding.location) == (3, len("BGM+85+REPORT1+") + 1, "BGM(3)-03-1")
    assert finding.args["value"] == function


def test_a_message_without_a_function_is_not_told_of_one() -> None:
    data = interchange(*BILL).replace(b"BGM+85+REPORT1+9'", b"BGM+85+REPORT1'")
    assert "CUS011" not in [d.code for d in cuscar.read(data).diagnostics]
