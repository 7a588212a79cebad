"""The ACE truck 309 and 358 (X12 004060): the tractor, the crew and the trailers are read into the model and
written back; the real truck files are read as road manifests with no finding but their true ones."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from manifest.diagnostics import Severity
from manifest.formats import x12_309, x12_358
from manifest.model import (
    Carrier,
    Consignment,
    DocumentType,
    Equipment,
    EquipmentKind,
    Manifest,
    Mode,
    Place,
    PlaceScheme,
    Reference,
    Seal,
    Stop,
)
from tests.strategies.common import DIGITS, UPPER
from tests.strategies.x12 import crew_members, text, tractors

TRUCK_ENVELOPE = {
    "x12.ISA.01": "00",
    "x12.ISA.02": " " * 10,
    "x12.ISA.03": "00",
    "x12.ISA.04": " " * 10,
    "x12.ISA.05": "ZZ",
    "x12.ISA.06": "CARRIER".ljust(15),
    "x12.ISA.07": "ZZ",
    "x12.ISA.08": "CBPACE".ljust(15),
    "x12.ISA.09": "261205",
    "x12.ISA.10": "0900",
    "x12.ISA.11": "^",
    "x12.ISA.12": "00406",
    "x12.ISA.13": "000000001",
    "x12.ISA.14": "0",
    "x12.ISA.15": "P",
    "x12.ISA.16": ">",
    "x12.GS.01": "AQ",
    "x12.GS.02": "CARRIER",
    "x12.GS.03": "CBPACE",
    "x12.GS.04": "20261205",
    "x12.GS.05": "0900",
    "x12.GS.06": "1",
    "x12.GS.07": "X",
    "x12.GS.08": "004060",
    "x12.ST.02": "0001",
    "x12.separators": "*~\n",
}

TRIP = b"""ISA*00*          *00*          *ZZ*CARRIER        *ZZ*CBPACE         *261205*0900*^*00406*000000001*0*P*>~
GS*AQ*CARRIER*CBPACE*20261205*0900*1*X*004060~
ST*358*0001~
M10*ABCD*J*****ABCD2605**W~
VEH**1M8GDM9AXKP042788*2019******ABC1234*TX~
NM1*DR*1*GARZA*JUAN*CARLOS~
DMG*D8*19810417*M****MX~
REF*5K*G12345678~
P4*2304*20261205~
VID*TL**TR5531*SL778812~
MBL*ABCD*SCN0001~
SE*10*0001~
GE*1*1~
IEA*1*000000001~
"""


def test_a_truck_trip_is_read_into_the_tractor_the_crew_and_the_trailers() -> None:
    document = x12_358.read(TRIP)
    assert document.diagnostics == ()
    (trip,) = document.manifests
    assert trip.mode is Mode.ROAD
    assert trip.conveyance is not None
    assert (trip.conveyance.vin, trip.conveyance.model_year) == ("1M8GDM9AXKP042788", 2019)
    assert (trip.conveyance.vehicle_plate, trip.conveyance.plate_subdivision) == ("ABC1234", "TX")
    (driver,) = trip.crew
    assert (driver.family_name, driver.given_name, driver.middle_name) == ("GARZA", "JUAN", "CARLOS")
    assert (driver.date_of_birth, driver.gender, driver.citizenship) == (date(1981, 4, 17), "M", "MX")
    assert [(d.kind, d.number) for d in driver.documents] == [("5K", "G12345678")]
    assert trip.equipment[0].kind is EquipmentKind.TRAILER
    assert trip.consignments[0].document_type is DocumentType.ROAD_CONSIGNMENT_NOTE
    located = document.source_map(0).locate("crew[0].date_of_birth")
    assert located is not None and (located.line, located.location) == (7, "DMG-02")
    assert (
        x12_358.write(document.manifests).data.replace(b"\n", b"").split(b"~")[2:-3]
        == (TRIP.replace(b"\n", b"").split(b"~")[2:-3])
    )


def test_a_fault_in_the_truck_heading_is_reported_at_its_line() -> None:
    damaged = TRIP.replace(b"NM1*DR*1*GARZA", b"NM1**1*GARZA").replace(b"TX~", b"TEXAS~")
    document = x12_358.read(damaged)
    errors = [(d.code, d.line, d.location) for d in document.diagnostics if d.severity is Severity.ERROR]
    assert errors == [("X12103", 5, "VEH-10"), ("X12101", 6, "NM1-01")]


@st.composite
def trips(draw: st.DrawFn) -> Manifest:
    """A truck trip a 358 carries whole: tractor, crew, trailers in order, each shipment in one trailer."""
    port = Place(code=draw(text(4, 4, DIGITS)), scheme=PlaceScheme.SCHEDULE_D)
    trailers = draw(
        st.lists(
            st.builds(
                Equipment,
                kind=st.just(EquipmentKind.TRAILER),
                initial=st.none(),
                number=text(1, 10, UPPER + DIGITS),
                seals=st.lists(text(2, 15, UPPER + DIGITS).map(lambda n: Seal(number=n)), max_size=2).map(tuple),
                type_codes=st.just((Reference(kind="x12.VID.01", value="TL"),)),
            ),
            min_size=1,
            max_size=3,
            unique_by=lambda e: e.identifier,
        )
    )
    numbers = draw(st.lists(text(1, 25, UPPER + DIGITS), min_size=1, max_size=4, unique=True))
    shipments = tuple(
        Consignment(
            document_number=number,
            document_type=DocumentType.ROAD_CONSIGNMENT_NOTE,
            equipment=(trailers[min(index, len(trailers) - 1)],),
        )
        for index, number in enumerate(numbers)
    )
    return Manifest(
        mode=Mode.ROAD,
        carrier=Carrier(scac=draw(text(2, 4, UPPER))),
        conveyance=draw(tractors()),
        trip_number=draw(text(2, 10, UPPER + DIGITS)),
        arrival=Stop(place=port, moment=draw(st.dates(date(2000, 1, 1), date(2099, 12, 31)))),
        office_of_entry=port,
        equipment=tuple(trailers),
        crew=tuple(draw(st.lists(crew_members(), max_size=3))),
        consignments=shipments,
        extensions=TRUCK_ENVELOPE,
    )


@settings(max_examples=25)
@given(trips())
def test_any_truck_trip_survives_a_round_trip(trip: Manifest) -> None:
    written = x12_358.write([trip])
    assert written.losses == ()
    document = x12_358.read(written.data)
    assert document.diagnostics == ()
    assert document.manifests == (trip,)


def test_what_the_truck_heading_cannot_carry_is_listed() -> None:
    from tests.models.road import northbound_truck

    written = x12_309.write([northbound_truck()])
    lost = {d.field for d in written.losses}
    assert {"conveyance.usdot_number", "conveyance.transponder", "crew[0].fast_card"} <= lost
    assert "conveyance.vin" not in lost and "crew[0].date_of_birth" not in lost


def test_the_real_truck_358_is_a_road_trip_with_its_isa_fault_only(external_samples: Path) -> None:
    document = x12_358.read((external_samples / "x12" / "358_cbp_truck_minimal_004060.x12").read_bytes())
    assert [(d.code, d.line) for d in document.diagnostics] == [("X12002", 1)]
    (trip,) = document.manifests
    assert trip.mode is Mode.ROAD
    assert trip.carrier is not None and trip.carrier.scac == "AAA"
    assert trip.office_of_entry is not None and trip.office_of_entry.code == "1234"
    assert trip.extensions["x12.M10.02"] == "O"


def test_a_trip_and_its_shipments_must_name_the_same_truck() -> None:
    from manifest.singlewindow import reconcile
    from tests.conftest import SAMPLES

    shipments = (SAMPLES / "road" / "northbound-truck-lrdy0731.synthetic.309").read_bytes()
    trip = (SAMPLES / "road" / "northbound-truck-lrdy0731.synthetic.358").read_bytes()
    names = ["trip.358", "shipments.309"]
    assert [r.diagnostics for r in reconcile([trip, shipments], names=names)] == [(), ()]
    other = trip.replace(b"3AKJHHDR8NSMA1234", b"1M8GDM9AXKP042788").replace(b"*R123456*", b"*R654321*")
    found = [
        (report.path, d.code, d.location, d.field)
        for report in reconcile([other, shipments], names=names)
        for d in report.diagnostics
    ]
    assert sorted(found) == [
        ("shipments.309", "HM-REC-001", "VEH-02", "conveyance.vin"),
        ("shipments.309", "HM-REC-001", "VEH-09", "conveyance.vehicle_plate"),
    ]
