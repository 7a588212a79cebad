"""A model written as Carta Porte 3.1 and read back: every value of a party's or a place's address, and every tax
id of a party, comes back or is named by a loss of the writing, whichever Ubicacion, Emisor, Receptor or figure it
was written in, or was not.

The addresses and tax ids are the values the writer chooses among: an Ubicacion has one Domicilio (its place's
address, else its sender's or recipient's), the Receptor holds its postal code alone (DomicilioFiscalReceptor), the
Emisor its postal code as LugarExpedicion and one RFC (the carrier's when the carrier issues the CFDI).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import fields, replace
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from manifest import api
from manifest.formats import get
from manifest.formats.base import Written
from manifest.formats.carta_porte import values
from manifest.formats.carta_porte.sat import REFERENCE_IDCCP
from manifest.formats.readback import within_any
from manifest.model import (
    Address,
    Carrier,
    Consignment,
    Conveyance,
    CrewMember,
    CrewRole,
    CustomsDocument,
    Direction,
    DocumentType,
    Equipment,
    EquipmentKind,
    GoodsItem,
    Manifest,
    Mode,
    Packages,
    Party,
    PartyRole,
    Place,
    PlaceScheme,
    Quantity,
    Reference,
    Seal,
    Stop,
    TaxId,
    TaxIdScheme,
)
from tests.strategies.model import manifests, moments, objects

CARTA_PORTE = get("carta-porte")

_WAREHOUSE = Address(
    street="AV. LAS TORRES",
    number="1500",
    district="PARQUE INDUSTRIAL",
    city="NUEVO LAREDO",
    municipality="NUEVO LAREDO",
    subdivision="TAM",
    postal_code="88275",
    country="MX",
)
_BORDER_YARD = Address(
    street="MINES RD", number="9801", city="LAREDO", subdivision="TX", postal_code="78045", country="US"
)
_CONSIGNEE_OFFICE = Address(
    street="SAN BERNARDO AVE",
    number="4820",
    district="NORTH",
    city="LAREDO",
    municipality="WEBB",
    subdivision="TX",
    postal_code="78041",
    country="US",
)
_ISSUER_OFFICE = replace(_WAREHOUSE, street="BLVD. COLOSIO", number="210", postal_code="88280")
_RFC = TaxId(scheme=TaxIdScheme.RFC, value="EKU9003173C9")
_CONSIGNEE = Party(
    role=PartyRole.CONSIGNEE,
    name="LAREDO DISTRIBUTION LLC",
    address=_CONSIGNEE_OFFICE,
    tax_ids=(TaxId(scheme=TaxIdScheme.FOREIGN, value="123456789", country="US"),),
)
_TRUCK = Manifest(
    mode=Mode.ROAD,
    departure=Stop(place=Place(address=_WAREHOUSE), moment=datetime(2026, 7, 31, 8, 0)),
    arrival=Stop(place=Place(address=_BORDER_YARD), moment=datetime(2026, 7, 31, 14, 0)),
    parties=(Party(role=PartyRole.ISSUER, name="AUTOTRANSPORTES DEL NORTE", tax_ids=(_RFC,), address=_ISSUER_OFFICE),),
    consignments=(
        Consignment(
            document_number="LRDY0731",
            parties=(Party(role=PartyRole.SHIPPER, name="ACEROS DEL NORTE", tax_ids=(_RFC,)), _CONSIGNEE),
        ),
    ),
)


def _values(address: Address | None, path: str) -> Iterator[tuple[str, object]]:
    """(path, value) of each field of ``address`` that holds a value, its extensions aside."""
    if address is None:
        return
    for spec in fields(address):
        value = getattr(address, spec.name)
        if value and spec.name != "extensions":
            yield f"{path}.{spec.name}", value


def _read_back(back: Manifest, path: str, original: Manifest) -> list[object]:
    """The values that ``back``, read from the Carta Porte written from ``original``, holds where ``original`` holds
    the address or tax id value at ``path``: by party role for the parties; for a place, those of every place read
    back, for a place or its sender's or recipient's address (the reader takes a lone Destino for a stop between)."""
    head, _, name = path.rpartition(".")
    owner_path, _, kind = head.rpartition(".")
    places = (back.departure, *back.stops, back.arrival)
    if kind == "place":
        return [stop.place.country for stop in places if stop is not None]
    if name == "moment":
        return [stop.moment for stop in places if stop is not None]
    if kind == "address":
        party = _party_at(original, owner_path)
        if party is None or party.role in (PartyRole.SHIPPER, PartyRole.CONSIGNEE):
            # The Domicilio of an Ubicacion, its place's or its sender's or recipient's address.
            addresses = [stop.place.address for stop in places if stop is not None]
        elif party.role == PartyRole.ISSUER:
            # LugarExpedicion, the place of issue, is the issuer's postal code; the reader keeps it as the CFDI's.
            return [back.extensions.get("cfdi.LugarExpedicion")] if name == "postal_code" else []
        else:
            addresses = [kept.address for kept in _counterparts(back, party)]
        return [getattr(address, name) for address in addresses if address is not None]
    party = _party_at(original, head.rpartition(".tax_ids")[0])
    assert party is not None
    tax_id = party.tax_ids[int(head.rpartition("[")[2].rstrip("]"))]
    return [t.value for kept in _counterparts(back, party) for t in kept.tax_ids if t.scheme == tax_id.scheme]


def _party_at(manifest: Manifest, path: str) -> Party | None:
    if path.startswith("parties["):
        return manifest.parties[int(path[len("parties[") : -1])]
    if path.startswith("consignments[0].parties["):
        return manifest.consignments[0].parties[int(path[len("consignments[0].parties[") : -1])]
    return None


def _counterparts(back: Manifest, party: Party) -> list[Party | CrewMember]:
    """The parties read back in the role of ``party``: the shipper and consignee of the first consignment, the
    issuer, receiver and figures among the manifest's parties, and a truck's Operador among its crew."""
    if party.role in (PartyRole.SHIPPER, PartyRole.CONSIGNEE):
        kept = back.consignments[0].party(party.role) if back.consignments else None
        return [kept] if kept is not None else []
    crew = list(back.crew) if party.role == PartyRole.OPERATOR else []
    return [*(p for p in back.parties if p.role == party.role), *crew]


def _checked(manifest: Manifest) -> Iterator[tuple[str, object]]:
    """The address values of the parties and places, the places' countries and moments and the parties' tax id values
    that Carta Porte is asked to carry: of the first party of each role (a second one is lost whole, and named so)."""
    firsts: set[PartyRole] = set()
    for index, party in enumerate(manifest.parties):
        if party.role not in firsts:
            firsts.add(party.role)
            yield from _party_values(party, f"parties[{index}]")
    first = manifest.consignments[0] if manifest.consignments else None
    for index, party in enumerate(first.parties if first else ()):
        if (
            first is not None
            and party.role in (PartyRole.SHIPPER, PartyRole.CONSIGNEE)
            and first.party(party.role) is party
        ):
            yield from _party_values(party, f"consignments[0].parties[{index}]")
    stops = [(name, getattr(manifest, name)) for name in ("departure", "arrival")]
    stops.extend((f"stops[{index}]", stop) for index, stop in enumerate(manifest.stops))
    for path, stop in stops:
        if stop is not None:
            yield from _values(stop.place.address, f"{path}.place.address")
            if stop.place.country:
                yield f"{path}.place.country", stop.place.country
            if stop.moment is not None:
                yield f"{path}.moment", stop.moment


def _party_values(party: Party, path: str) -> Iterator[tuple[str, object]]:
    yield from _values(party.address, f"{path}.address")
    for index, tax_id in enumerate(party.tax_ids):
        if tax_id.value:
            yield f"{path}.tax_ids[{index}].value", tax_id.value


def silent_drops(manifest: Manifest, written: Written) -> list[str]:
    """The checked values of ``manifest`` that the Carta Porte ``written`` from it does not give back and that no
    loss names."""
    back = CARTA_PORTE.read(written.data).manifests[0]
    told = [d.field or "" for d in written.losses]
    return [
        path
        for path, value in _checked(manifest)
        if _code(path, value) not in [_code(path, kept) for kept in _read_back(back, path, manifest)]
        and not within_any(path, told)
    ]


def _code(path: str, value: object) -> object:
    """A country as c_Pais spells it (MX and MEX are one), a date as the midnight it begins with (t_FechaH is a
    date and time), any other value as it is."""
    if path.endswith(".country") and isinstance(value, str):
        return values.alpha3(value) or value
    if isinstance(value, date) and not isinstance(value, datetime):
        return datetime.combine(value, time())
    return value


def test_a_consignee_s_address_no_ubicacion_holds_is_a_loss() -> None:
    """The arrival has its own address, so the Destino's Domicilio is the border yard's: what the consignee's office
    address does not share with it is written nowhere, and each of those values is named."""
    written = api.write([_TRUCK], "carta-porte")
    assert b"SAN BERNARDO" not in written.data
    assert silent_drops(_TRUCK, written) == []
    # The city, state and country are the border yard's too: the Destino's Domicilio holds them, and the consignee
    # read back has them.
    lost = {d.field for d in written.losses if (d.field or "").startswith("consignments[0].parties[1].address")}
    different = ("street", "number", "district", "municipality", "postal_code")
    assert lost == {f"consignments[0].parties[1].address.{name}" for name in different}


def test_a_consignee_s_address_an_ubicacion_holds_is_no_loss() -> None:
    """Without an address of its own, the arrival's Domicilio is the consignee's: nothing of it is lost."""
    truck = replace(_TRUCK, arrival=Stop(place=Place(), moment=datetime(2026, 7, 31, 14, 0)))
    written = api.write([truck], "carta-porte")
    assert b'Calle="SAN BERNARDO AVE"' in written.data
    assert silent_drops(truck, written) == []
    assert not [d for d in written.losses if (d.field or "").startswith("consignments[0].parties[1].address")]


def test_a_receiver_s_address_beyond_its_postal_code_is_a_loss() -> None:
    """cfdi:Receptor holds the receiver's postal code alone, as DomicilioFiscalReceptor."""
    receiver = replace(_CONSIGNEE, role=PartyRole.RECEIVER, tax_ids=(_RFC,))
    truck = replace(_TRUCK, parties=(*_TRUCK.parties, receiver))
    written = api.write([truck], "carta-porte")
    assert b'DomicilioFiscalReceptor="78041"' in written.data
    assert silent_drops(truck, written) == []
    lost = {d.field for d in written.losses if (d.field or "").startswith("parties[1].address")}
    kept = ("street", "number", "district", "city", "municipality", "subdivision", "country")
    assert lost == {f"parties[1].address.{name}" for name in kept}


def test_an_issuer_s_address_beyond_its_postal_code_is_a_loss() -> None:
    """The issuer's postal code is the CFDI's LugarExpedicion; nothing else of its address has a place."""
    written = api.write([_TRUCK], "carta-porte")
    assert b'LugarExpedicion="88280"' in written.data
    lost = {d.field for d in written.losses if (d.field or "").startswith("parties[0].address")}
    assert "parties[0].address.street" in lost
    assert "parties[0].address.postal_code" not in lost


def test_a_shipper_s_address_no_ubicacion_holds_is_a_loss() -> None:
    shipper = replace(_TRUCK.consignments[0].parties[0], address=_ISSUER_OFFICE)
    truck = replace(_TRUCK, consignments=(replace(_TRUCK.consignments[0], parties=(shipper, _CONSIGNEE)),))
    written = api.write([truck], "carta-porte")
    assert silent_drops(truck, written) == []
    assert "consignments[0].parties[0].address.street" in {d.field for d in written.losses}


def test_an_issuer_s_foreign_tax_id_is_a_loss() -> None:
    """cfdi:Emisor holds one RFC and no foreign tax id."""
    foreign = TaxId(scheme=TaxIdScheme.FOREIGN, value="98-7654321", country="US")
    issuer = replace(_TRUCK.parties[0], tax_ids=(_RFC, foreign))
    truck = replace(_TRUCK, parties=(issuer,))
    written = api.write([truck], "carta-porte")
    assert silent_drops(truck, written) == []
    assert "parties[0].tax_ids[1]" in {d.field for d in written.losses}


def test_an_issuer_known_by_a_foreign_tax_id_alone_loses_it_to_the_carrier_s_rfc() -> None:
    """An issuer party without an RFC, of a carrier that has one: the carrier issues the CFDI and the Emisor's Rfc
    is the carrier's, so the party's foreign tax id is written nowhere."""
    foreign = TaxId(scheme=TaxIdScheme.FOREIGN, value="98-7654321", country="US")
    carrier = Carrier(name="AUTOTRANSPORTES DEL NORTE", tax_id=TaxId(scheme=TaxIdScheme.RFC, value="XIA190128J61"))
    truck = replace(_TRUCK, carrier=carrier, parties=(replace(_TRUCK.parties[0], tax_ids=(foreign,)),))
    written = api.write([truck], "carta-porte")
    assert b'Rfc="XIA190128J61"' in written.data
    assert silent_drops(truck, written) == []
    assert "parties[0].tax_ids[0]" in {d.field for d in written.losses}


def test_a_second_receiver_is_a_loss() -> None:
    """A CFDI has one Receptor: a second receiver party is written nowhere, even one equal to the first."""
    receivers = tuple(
        Party(role=PartyRole.RECEIVER, name=name, tax_ids=(_RFC,), address=_CONSIGNEE_OFFICE) for name in ("A", "B")
    )
    truck = replace(_TRUCK, parties=(*_TRUCK.parties, *receivers))
    written = api.write([truck], "carta-porte")
    assert b'Nombre="B"' not in written.data
    assert "parties[2]" in {d.field for d in written.losses}
    twice = replace(_TRUCK, parties=(*_TRUCK.parties, receivers[0], receivers[0]))
    assert "parties[2]" in {d.field for d in api.write([twice], "carta-porte").losses}


_ADDRESSES = st.none() | objects(Address)
_TAX_IDS = st.lists(objects(TaxId), max_size=2).map(tuple)


def _parties(*roles: PartyRole) -> st.SearchStrategy[tuple[Party, ...]]:
    party = st.builds(
        Party, role=st.sampled_from(roles), name=st.none() | st.just("X"), address=_ADDRESSES, tax_ids=_TAX_IDS
    )
    return st.lists(party, max_size=3).map(tuple)


_STOPS = st.builds(
    Stop,
    place=st.builds(Place, country=st.none() | st.sampled_from(["MX", "USA", "0"]), address=_ADDRESSES),
    moment=st.none() | moments(),
)
# Models whose parties and places all may hold an address: any model seldom has several at once.
_ADDRESSED = st.builds(
    Manifest,
    mode=st.sampled_from(Mode),
    carrier=st.none() | objects(Carrier),
    departure=st.none() | _STOPS,
    arrival=st.none() | _STOPS,
    stops=st.lists(_STOPS, max_size=1).map(tuple),
    parties=_parties(PartyRole.ISSUER, PartyRole.RECEIVER, PartyRole.OPERATOR, PartyRole.NOTIFY),
    consignments=st.lists(
        st.builds(Consignment, document_number=st.just("B1"), parties=_parties(PartyRole.SHIPPER, PartyRole.CONSIGNEE)),
        max_size=1,
    ).map(tuple),
)


@settings(
    max_examples=max(20, settings().max_examples // 2),
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
@given(manifest=_ADDRESSED | manifests())
def test_no_address_country_moment_or_tax_id_is_dropped_silently(manifest: Manifest) -> None:
    written = CARTA_PORTE.write([manifest])
    assert silent_drops(manifest, written) == []


def test_a_place_s_country_its_domicilio_does_not_hold_is_a_loss() -> None:
    """A Domicilio's Pais is its address's country: a place's own country that differs from it, or that an address
    without a country leaves unwritten, is named; one that is the address's is carried."""
    places = (
        Place(country="US", address=_WAREHOUSE),
        Place(country="US", address=replace(_BORDER_YARD, country=None)),
        Place(country="MEX", address=_WAREHOUSE),
    )
    found = []
    for place in places:
        truck = replace(_TRUCK, arrival=Stop(place=place, moment=datetime(2026, 7, 31, 14, 0)))
        found.append("arrival.place.country" in {d.field for d in api.write([truck], "carta-porte").losses})
    assert found == [True, True, False]


def test_a_place_scheme_without_a_code_is_a_loss() -> None:
    truck = replace(_TRUCK, arrival=Stop(place=Place(scheme=PlaceScheme.UNLOCODE, address=_BORDER_YARD)))
    assert "arrival.place.scheme" in {d.field for d in api.write([truck], "carta-porte").losses}


def test_two_equal_figures_are_each_written_at_their_own_path() -> None:
    """Two equal owner parties are two TiposFigura: each one's RFC is written, so neither is a loss."""
    owner = Party(role=PartyRole.OWNER, name="ARRENDADORA", tax_ids=(_RFC,), address=_ISSUER_OFFICE)
    truck = replace(_TRUCK, parties=(*_TRUCK.parties, owner, owner))
    written = CARTA_PORTE.write([truck])
    assert [d.field for d in written.losses if (d.field or "").startswith(("parties[1]", "parties[2]"))] == []
    assert written.data.count(b'RFCFigura="EKU9003173C9"') == 2


def test_a_moment_s_offset_and_fraction_of_a_second_are_a_loss() -> None:
    """FechaHoraSalidaLlegada is a t_FechaH, a local date and time in whole seconds: the clock time is written, and
    a UTC offset or a fraction of a second is named; a moment without either, or a date, loses nothing."""
    moments = {
        "offset": datetime(2026, 7, 31, 8, 0, tzinfo=timezone(timedelta(hours=-6))),
        "fraction": datetime(2026, 7, 31, 8, 0, 0, 500000),
        "whole": datetime(2026, 7, 31, 8, 0),
        "date": date(2026, 7, 31),
    }
    lost = {}
    for name, moment in moments.items():
        truck = replace(_TRUCK, departure=Stop(place=Place(address=_WAREHOUSE), moment=moment))
        written = api.write([truck], "carta-porte")
        assert b'FechaHoraSalidaLlegada="2026-07-31T' in written.data
        lost[name] = [d.message() for d in written.losses if d.field == "departure.moment"]
    assert lost == {
        "offset": ["departure.moment is not carried by Carta Porte 3.1 (FechaHoraSalidaLlegada holds no UTC offset)"],
        "fraction": [
            "departure.moment is not carried by Carta Porte 3.1 (FechaHoraSalidaLlegada holds no fraction of a second)"
        ],
        "whole": [],
        "date": [],
    }


_BAR = "A|B"  # tdCFDI text patterns take no '|'


@pytest.mark.parametrize(
    ("field", "manifest"),
    [
        ("conveyance.name", Manifest(mode=Mode.MARITIME, conveyance=Conveyance(name=_BAR))),
        ("conveyance.imo_number", Manifest(mode=Mode.MARITIME, conveyance=Conveyance(imo_number=_BAR))),
        ("carrier.name", Manifest(mode=Mode.MARITIME, carrier=Carrier(name=_BAR))),
        ("trip_number", Manifest(mode=Mode.MARITIME, trip_number=_BAR)),
        (
            "conveyance.aircraft_registration",
            Manifest(mode=Mode.AIR, conveyance=Conveyance(aircraft_registration=_BAR)),
        ),
        ("carrier.sat_air_code", Manifest(mode=Mode.AIR, carrier=Carrier(sat_air_code=_BAR))),
        ("parties[0].name", Manifest(mode=Mode.RAIL, parties=(Party(role=PartyRole.OWNER, name=_BAR),))),
        ("parties[0].name", Manifest(mode=Mode.RAIL, parties=(Party(role=PartyRole.RECEIVER, name=_BAR),))),
        ("parties[0].name", Manifest(mode=Mode.RAIL, parties=(Party(role=PartyRole.ISSUER, name=_BAR),))),
        (
            "consignments[0].goods[0].stcc",
            Manifest(mode=Mode.RAIL, consignments=(Consignment(document_number="B", goods=(GoodsItem(stcc=_BAR),)),)),
        ),
        (
            "consignments[0].goods[0].customs_documents[0].number",
            Manifest(
                mode=Mode.RAIL,
                consignments=(
                    Consignment(
                        document_number="B",
                        goods=(GoodsItem(customs_documents=(CustomsDocument(kind="02", number=_BAR),)),),
                    ),
                ),
            ),
        ),
    ],
    ids=[
        "vessel",
        "imo",
        "shipping-line",
        "voyage",
        "aircraft",
        "air-carrier",
        "figure",
        "receiver",
        "issuer",
        "stcc",
        "customs-document",
    ],
)
def test_a_value_an_attribute_s_pattern_rejects_is_a_loss_of_its_model_field(field: str, manifest: Manifest) -> None:
    """A value left unwritten because its attribute's pattern rejects it is named by the model field it is held in,
    not by the attribute, so that a conversion finds it at its place in the source."""
    written = CARTA_PORTE.write([manifest])
    assert [d.field for d in written.losses if _BAR in d.message()] == [field]
    assert _BAR.encode() not in written.data


def test_a_truck_s_crew_member_written_as_its_operador_loses_the_role() -> None:
    """A crew member of a truck is written as an Operador figure, which is read back as a driver."""
    crew = (CrewMember(role=CrewRole.DRIVER, name="JUAN PEREZ"), CrewMember(role=CrewRole.CREW, name="LUIS GARCIA"))
    written = CARTA_PORTE.write([replace(_TRUCK, crew=crew)])
    assert [c.role for c in CARTA_PORTE.read(written.data).manifests[0].crew] == [CrewRole.DRIVER, CrewRole.DRIVER]
    assert [d.field for d in written.losses if (d.field or "").startswith("crew")] == ["crew[1].role"]


def _losses_of(manifest: Manifest, prefix: str) -> list[str]:
    return [d.field or "" for d in CARTA_PORTE.write([manifest]).losses if (d.field or "").startswith(prefix)]


_SCN = "LRDY07310001"
_ID_CCP = Reference(kind=REFERENCE_IDCCP, value="CCC1A2B3-D4E5-4F60-8A1B-2C3D4E5F6A7B")


@pytest.mark.parametrize(
    ("manifest", "lost"),
    [
        # A road consignment note's own number has no attribute; the IdCCP a reader gives back is carried.
        (replace(_TRUCK, consignments=(replace(_TRUCK.consignments[0], document_number=_SCN),)), True),
        (
            replace(
                _TRUCK,
                references=(_ID_CCP,),
                consignments=(replace(_TRUCK.consignments[0], document_number=_ID_CCP.value),),
            ),
            False,
        ),
        # A rail waybill is named in the GuiaCarro of its cars: one without cars is named nowhere.
        (Manifest(mode=Mode.RAIL, consignments=(Consignment(document_number="KCSM26110451"),)), True),
        (
            Manifest(
                mode=Mode.RAIL,
                consignments=(
                    Consignment(
                        document_number="KCSM26110451",
                        equipment=(Equipment(kind=EquipmentKind.RAILCAR, initial="KCSM", number="720145"),),
                    ),
                ),
            ),
            False,
        ),
        # A vessel's document that is no bill of lading has no NumConocEmbarc.
        (
            Manifest(
                mode=Mode.MARITIME, consignments=(Consignment(document_number="X1", document_type=DocumentType.OTHER),)
            ),
            True,
        ),
    ],
    ids=["road-note", "road-idccp", "rail-without-cars", "rail-with-a-car", "maritime-other"],
)
def test_a_transport_document_s_number_no_attribute_holds_is_a_loss(manifest: Manifest, lost: bool) -> None:
    assert ("consignments[0].document_number" in _losses_of(manifest, "consignments[0]")) is lost


def test_equipment_a_mode_has_no_place_for_is_a_loss() -> None:
    """Autotransporte holds trailers alone, and neither it nor TransporteAereo holds a Contenedor."""
    container = Equipment(kind=EquipmentKind.CONTAINER, initial="MSKU", number="1234565")
    truck = replace(_TRUCK, equipment=(container,))
    assert _losses_of(truck, "equipment") == ["equipment[0]"]
    bill = Consignment(document_number="139-12345675", document_type=DocumentType.AIR_WAYBILL, equipment=(container,))
    assert _losses_of(Manifest(mode=Mode.AIR, consignments=(bill,)), "consignments[0].equipment") == [
        "consignments[0].equipment[0]"
    ]


def test_a_type_code_of_another_catalogue_is_a_loss() -> None:
    """A Carro's type is written as a c_TipoCarro code: an X12 equipment description code is not written."""
    codes = (Reference(kind="x12.VID.01", value="RR"), Reference(kind="c_TipoCarro", value="TC01"))
    car = Equipment(kind=EquipmentKind.RAILCAR, initial="KCSM", number="720145", type_codes=codes)
    train = Manifest(mode=Mode.RAIL, consignments=(Consignment(document_number="KCSM26110451", equipment=(car,)),))
    assert _losses_of(train, "consignments[0].equipment") == ["consignments[0].equipment[0].type_codes[0]"]


def test_a_weight_in_no_unit_carta_porte_converts_is_a_loss() -> None:
    """PesoEnKg is in kilograms and ToneladasNetasCarro in tonnes: a weight whose unit converts to neither is not
    written, and named."""
    strange = Quantity(value=Decimal(3), unit="CDB")
    car = Equipment(kind=EquipmentKind.RAILCAR, initial="KCSM", number="720145", net_weight=strange)
    item = GoodsItem(description="STEEL", gross_weight=strange)
    bill = Consignment(document_number="KCSM26110451", goods=(item,), equipment=(car,))
    lost = _losses_of(Manifest(mode=Mode.RAIL, consignments=(bill,)), "consignments[0]")
    assert {"consignments[0].equipment[0].net_weight", "consignments[0].goods[0].gross_weight"} <= set(lost)


@pytest.mark.parametrize(("weight", "lost"), [(Decimal(7), False), (Decimal(5), True)])
def test_a_document_s_gross_weight_is_carried_as_its_goods_sum(weight: Decimal, lost: bool) -> None:
    """The reader gives a document the sum of its goods' PesoEnKg: a gross weight that is not that sum is named."""
    item = GoodsItem(description="STEEL", gross_weight=Quantity(value=Decimal(7), unit="KGM"))
    bill = Consignment(document_number="B1", goods=(item,), gross_weight=Quantity(value=weight, unit="KGM"))
    written = CARTA_PORTE.write([Manifest(mode=Mode.RAIL, consignments=(bill,))])
    assert ("consignments[0].gross_weight" in {d.field for d in written.losses}) is lost


@pytest.mark.parametrize(("net_weight", "lost"), [(None, True), (Quantity(value=Decimal(6), unit="KGM"), False)])
def test_a_package_count_beside_a_quantity_goes_in_num_piezas(net_weight: Quantity | None, lost: bool) -> None:
    """Cantidad holds the quantity; the number of packages goes in DetalleMercancia@NumPiezas, which is written
    with a net weight."""
    item = GoodsItem(
        description="STEEL",
        quantity=Quantity(value=Decimal(5), unit="H87"),
        packages=Packages(count=3),
        net_weight=net_weight,
    )
    bill = Consignment(document_number="B1", goods=(item,))
    assert (
        "consignments[0].goods[0].packages.count"
        in _losses_of(Manifest(mode=Mode.RAIL, consignments=(bill,)), "consignments")
    ) is lost


def test_a_container_s_seals_beyond_the_first_and_a_house_bill_s_type_are_losses() -> None:
    """A Contenedor has one NumPrecinto; NumConocEmbarc is read back as a bill of lading's number."""
    seals = tuple(Seal(number=number) for number in ("S1", "S2", "S3"))
    container = Equipment(kind=EquipmentKind.CONTAINER, initial="MSKU", number="1234565", seals=seals)
    bill = Consignment(
        document_number="MAEU264781377", document_type=DocumentType.HOUSE_BILL_OF_LADING, equipment=(container,)
    )
    lost = _losses_of(Manifest(mode=Mode.MARITIME, consignments=(bill,)), "consignments[0]")
    assert {
        "consignments[0].equipment[0].seals[1]",
        "consignments[0].equipment[0].seals[2]",
        "consignments[0].document_type",
    } <= set(lost)


def test_a_container_number_its_pattern_rejects_is_a_loss_of_its_model_field() -> None:
    container = Equipment(kind=EquipmentKind.CONTAINER, number="A|B")
    bill = Consignment(document_number="MAEU264781377", equipment=(container,))
    assert "consignments[0].equipment[0].number" in _losses_of(Manifest(mode=Mode.MARITIME, consignments=(bill,)), "")


@pytest.mark.parametrize(
    ("direction", "origin", "destination", "lost"),
    [
        (None, "MX", "US", []),
        (Direction.NORTHBOUND, "MEX", "USA", []),
        (None, "MX", "MX", []),  # TranspInternac "No": a movement within Mexico
        (Direction.NORTHBOUND, "US", "MX", ["direction"]),
        (None, "US", "CA", ["country_from", "country_to"]),
        (Direction.SOUTHBOUND, "GT", "MX", ["direction"]),
        (None, "MX", None, ["country_from"]),
    ],
)
def test_a_direction_or_country_the_crossing_written_does_not_give_back_is_a_loss(
    direction: Direction | None, origin: str | None, destination: str | None, lost: list[str]
) -> None:
    """TranspInternac, EntradaSalidaMerc and PaisOrigenDestino state whether and which way goods cross Mexico's
    border; they are read back as a direction (northbound or southbound with the United States) and the two
    countries: a model's that differ, or that they cannot state, are named."""
    model = Manifest(mode=Mode.ROAD, direction=direction, country_from=origin, country_to=destination)
    assert [
        d.field for d in CARTA_PORTE.write([model]).losses if d.field in ("direction", "country_from", "country_to")
    ] == lost
