"""Hypothesis strategies for models that Carta Porte 3.1 can carry whole, mode by mode.

Every value is one the SAT schemas accept (catalogue codes drawn from short lists of real codes, texts whose
whitespace the schema's ``collapse`` leaves unchanged, RFCs with valid check digits), and every derived value is
set the way the reader derives it (sequences, consignment weights, the equipment an item is in), so that writing
then reading gives back the very same model.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from decimal import Decimal

from hypothesis import strategies as st

from manifest.formats.carta_porte.road import LICENCE
from manifest.model import (
    Address,
    Carrier,
    Consignment,
    Conveyance,
    CrewMember,
    CustomsDocument,
    Direction,
    DocumentType,
    Equipment,
    EquipmentKind,
    GoodsItem,
    HazardousMaterial,
    Insurance,
    InsuranceCover,
    Manifest,
    Mode,
    Money,
    Party,
    PartyRole,
    Permit,
    Place,
    PlaceScheme,
    Quantity,
    Reference,
    Seal,
    Stop,
    TariffCode,
    TaxId,
    TaxIdScheme,
    TravelDocument,
)

# RFCs with valid dates and check digits (CFF art. 27), computed with python-stdnum.
RFCS = ("CKM970612AB6", "ANO051020K35", "AME880912IW3", "NMS990315P26", "TAM010101BX8", "EXP120704QA7")
PERSON_RFC = "GORJ800101HM5"
PRODUCT_KEYS = ("30102200", "25101500", "50202203", "43211507", "24101500")  # c_ClaveProdServCP
UNITS = ("H87", "KGM", "XBX", "XCY")  # c_ClaveUnidad
FRACCIONES = ("7208390101", "8703230100", "8471300101")  # catComExt c_FraccionArancelaria
UN_NUMBERS = ("0004", "0005", "0006")  # c_MaterialPeligroso
ADUANAS = ("24", "16", "47")  # c_Aduana: Nuevo Laredo, Manzanillo, AICM

_WORD = st.text(
    alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzáéíóúñÑ0123456789.,", min_size=1, max_size=8
)
TEXT = st.lists(_WORD, min_size=1, max_size=4).map(" ".join)


def _kilograms(integral: bool) -> st.SearchStrategy[Decimal]:
    if integral:
        return st.integers(min_value=1, max_value=90_000).map(Decimal)
    return st.integers(min_value=1, max_value=90_000_000).map(lambda n: Decimal(n).scaleb(-3))


@st.composite
def addresses(draw: st.DrawFn, country: str) -> Address:
    if country == "MX":
        subdivision, postal = draw(st.sampled_from((("NLE", "64000"), ("COL", "28200"), ("CMX", "15620"))))
    else:
        subdivision, postal = draw(st.sampled_from((("TX", "78040"), ("CA", "90045"))))
    return Address(
        street=draw(st.none() | TEXT),
        number=draw(st.none() | st.integers(1, 9999).map(str)),
        city=draw(st.none() | TEXT),
        subdivision=subdivision,
        postal_code=postal,
        country=country,
    )


@st.composite
def goods_items(draw: st.DrawFn, international: bool, integral: bool, sequence: int) -> GoodsItem:
    fraccion = draw(st.sampled_from(FRACCIONES)) if international else draw(st.none() | st.sampled_from(FRACCIONES))
    aduana = draw(st.sampled_from(ADUANAS))
    documents: tuple[CustomsDocument, ...] = ()
    if international or draw(st.booleans()):
        documents = (
            CustomsDocument(
                kind="pedimento",
                number=f"26  {aduana}  {draw(st.integers(1000, 9999))}  6{draw(st.integers(0, 999999)):06d}",
            ),
        )
    price = draw(st.none() | st.integers(1, 10**9).map(lambda n: Decimal(n).scaleb(-2)))
    return GoodsItem(
        sequence=sequence,
        description=draw(TEXT),
        quantity=Quantity(value=Decimal(draw(st.integers(1, 10**6))), unit=draw(st.sampled_from(UNITS))),
        gross_weight=Quantity(value=draw(_kilograms(integral)), unit="KGM"),
        hs_code=fraccion[:6] if fraccion else None,
        tariff_codes=(TariffCode(scheme="mx-fraccion", code=fraccion),) if fraccion else (),
        stcc=draw(st.none() | st.integers(1_000_000, 9_999_999).map(str)),
        hazardous=draw(st.just(()) | st.sampled_from(UN_NUMBERS).map(lambda u: (HazardousMaterial(un_number=u),))),
        value=Money(amount=price, currency="MXN") if price is not None else None,
        sat_product_key=draw(st.sampled_from(PRODUCT_KEYS)),
        customs_documents=documents,
    )


def _with_derived(items: list[GoodsItem], equipment: tuple[Equipment, ...]) -> tuple[GoodsItem, ...]:
    held = tuple(e.identifier for e in equipment if e.identifier)
    from dataclasses import replace

    return tuple(replace(item, equipment_ids=held) for item in items)


def _total(items: tuple[GoodsItem, ...]) -> Quantity:
    return Quantity(value=sum((i.gross_weight.value for i in items if i.gross_weight), Decimal(0)), unit="KGM")


@st.composite
def rail_consignments(draw: st.DrawFn, international: bool, parties: tuple[Party, ...]) -> list[Consignment]:
    consignments = []
    waybills = draw(st.lists(st.integers(100000, 999999), min_size=1, max_size=3, unique=True))
    for waybill in waybills:
        items = [draw(goods_items(international, True, n + 1)) for n in range(draw(st.integers(1, 3)))]
        kilograms = sum((i.gross_weight.value for i in items if i.gross_weight), Decimal(0))
        tonnes = (kilograms / 1000).quantize(Decimal("0.001"))
        marks = draw(st.lists(st.sampled_from(("KCSM", "TFM", "TTGX", "UP")), min_size=1, max_size=2))
        shares = (
            [tonnes] if len(marks) == 1 or tonnes < Decimal("0.002") else [Decimal("0.001"), tonnes - Decimal("0.001")]
        )
        equipment = []
        for mark, share in zip(marks, shares, strict=False):
            equipment.append(
                Equipment(
                    kind=EquipmentKind.RAILCAR,
                    initial=mark,
                    number=str(draw(st.integers(1000, 999999))),
                    net_weight=Quantity(value=share, unit="TNE"),
                    type_codes=(Reference(kind="c_TipoCarro", value=draw(st.sampled_from(("TC01", "TC02", "TC07")))),),
                )
            )
            if draw(st.booleans()):
                equipment.append(
                    Equipment(
                        kind=EquipmentKind.CONTAINER,
                        number="",
                        tare_weight=Quantity(value=Decimal(draw(st.integers(1000, 4000))), unit="KGM"),
                        net_weight=Quantity(value=Decimal(draw(st.integers(1, 30000))), unit="KGM"),
                        type_codes=(Reference(kind="c_Contenedor", value="TC02"),),
                    )
                )
        goods = _with_derived(items, tuple(equipment))
        consignments.append(
            Consignment(
                document_number=f"W{waybill}",
                document_type=DocumentType.RAIL_WAYBILL,
                parties=parties,
                goods=goods,
                equipment=tuple(equipment),
                gross_weight=_total(goods),
            )
        )
    return consignments


@st.composite
def single_consignment(
    draw: st.DrawFn, mode: Mode, international: bool, parties: tuple[Party, ...], id_ccp: str
) -> Consignment:
    items = [draw(goods_items(international, False, n + 1)) for n in range(draw(st.integers(1, 3)))]
    equipment: tuple[Equipment, ...] = ()
    if mode == Mode.MARITIME:
        number, kind = draw(st.integers(100000, 999999)).__str__(), DocumentType.BILL_OF_LADING
        equipment = tuple(
            Equipment(
                kind=EquipmentKind.CONTAINER,
                initial=draw(st.sampled_from(("MSCU", "MEDU", "TGHU"))),
                number=str(draw(st.integers(1_000_000, 9_999_999))),
                seals=(Seal(number=f"ML{seal}"),) if seal else (),
                type_codes=(Reference(kind="c_ContenedorMaritimo", value=draw(st.sampled_from(("CM005", "CM006")))),),
            )
            for seal in draw(st.lists(st.none() | st.integers(100000, 999999), max_size=3))
        )
        number = f"MEDU{number}"
    elif mode == Mode.AIR:
        number, kind = f"139-{draw(st.integers(10_000_000, 99_999_999))}", DocumentType.AIR_WAYBILL
    else:
        number, kind = id_ccp, DocumentType.ROAD_CONSIGNMENT_NOTE
    goods = _with_derived(items, equipment)
    return Consignment(
        document_number=number,
        document_type=kind,
        parties=parties,
        goods=goods,
        equipment=equipment,
        gross_weight=_total(goods),
    )


_CONVEYANCE_EXTENSIONS = {
    Mode.RAIL: {
        "cartaporte.TransporteFerroviario.TipoDeServicio": "TS01",
        "cartaporte.TransporteFerroviario.TipoDeTrafico": "TT01",
    },
    Mode.MARITIME: {
        "cartaporte.TransporteMaritimo.Matricula": "PAN45871-A",
        "cartaporte.TransporteMaritimo.UnidadesDeArqBruto": "94511.000",
        "cartaporte.TransporteMaritimo.TipoCarga": "CGC",
        "cartaporte.TransporteMaritimo.NombreAgenteNaviero": "Agencia Maritima del Pacifico",
        "cartaporte.TransporteMaritimo.NumAutorizacionNaviero": "ANC001/2022",
    },
    Mode.AIR: {"cartaporte.TransporteAereo.PermSCT": "TPTA01", "cartaporte.TransporteAereo.NumPermisoSCT": "AFAC-0139"},
    Mode.ROAD: {},
}
# Autotransporte/Seguros: the civil liability cover always, the environment and cargo covers at times.
_COVERS = (InsuranceCover.ENVIRONMENT, InsuranceCover.CARGO)
_VIA = {Mode.ROAD: "01", Mode.MARITIME: "02", Mode.AIR: "03", Mode.RAIL: "04"}


@st.composite
def carta_porte_manifests(draw: st.DrawFn, mode: Mode | None = None) -> Manifest:
    """A manifest whose every field Carta Porte 3.1 carries, as the reader builds it."""
    mode = mode if mode is not None else draw(st.sampled_from(tuple(Mode)))
    international = draw(st.booleans())
    issuer_rfc = draw(st.sampled_from(RFCS))
    id_ccp = "CCC" + draw(st.text(alphabet="0123456789ABCDEF", min_size=5, max_size=5)) + "-1A2B-4C3D-8E9F-0A1B2C3D4E5F"
    moment = draw(st.datetimes(min_value=datetime(2024, 7, 17), max_value=datetime(2030, 1, 1))).replace(microsecond=0)
    origin = draw(addresses("MX"))
    destination = draw(addresses("US" if international else "MX"))
    shipper = Party(
        role=PartyRole.SHIPPER,
        name=draw(TEXT),
        tax_ids=(TaxId(scheme=TaxIdScheme.RFC, value=draw(st.sampled_from(RFCS))),),
        address=origin,
    )
    if international:
        consignee_ids = (
            TaxId(scheme=TaxIdScheme.FOREIGN, value=str(draw(st.integers(100000, 999999999))), country="US"),
        )
    else:
        consignee_ids = (TaxId(scheme=TaxIdScheme.RFC, value=draw(st.sampled_from(RFCS))),)
    consignee = Party(role=PartyRole.CONSIGNEE, name=draw(st.none() | TEXT), tax_ids=consignee_ids, address=destination)
    parties = (shipper, consignee)
    if mode == Mode.RAIL:
        consignments = draw(rail_consignments(international, parties))
    else:
        consignments = [draw(single_consignment(mode, international, parties, id_ccp))]
    extensions = {
        "cfdi.Fecha": moment.isoformat(),
        "cfdi.LugarExpedicion": "88000",
        "cfdi.SubTotal": "0",
        "cfdi.Moneda": "XXX",
        "cfdi.Total": "0",
        "cfdi.TipoDeComprobante": "T",
        "cfdi.Exportacion": "01",
        "cfdi.Sello": "",
        "cfdi.NoCertificado": "0" * 20,
        "cfdi.Certificado": "",
        "cfdi.schemaLocation": "http://www.sat.gob.mx/cfd/4 http://www.sat.gob.mx/sitio_internet/cfd/4/cfdv40.xsd",
    }
    if international:
        extensions["cartaporte.ViaEntradaSalida"] = _VIA[mode]
        extensions["cartaporte.RegimenAduaneroCCP[1].RegimenAduanero"] = "EXD"
    conveyance = Conveyance(extensions=_CONVEYANCE_EXTENSIONS[mode])
    carrier = None
    trip = None
    equipment: tuple[Equipment, ...] = ()
    crew: tuple[CrewMember, ...] = ()
    if mode == Mode.MARITIME:
        conveyance = Conveyance(
            name=draw(st.none() | TEXT.map(lambda t: t[:50])),
            imo_number=str(draw(st.integers(1_000_000, 9_999_999))),
            flag=draw(st.sampled_from(("PA", "MX", "LR"))),
            type_code=draw(st.sampled_from(("B04", "B10"))),
            extensions=_CONVEYANCE_EXTENSIONS[mode],
        )
        carrier = draw(st.none() | st.just(Carrier(name="Mediterranean Shipping Company")))
        trip = draw(st.none() | st.integers(1, 99999).map(lambda n: f"V{n}"))
    elif mode == Mode.AIR:
        conveyance = Conveyance(
            aircraft_registration=draw(st.none() | st.just("XA-AMX")), extensions=_CONVEYANCE_EXTENSIONS[mode]
        )
        carrier = Carrier(sat_air_code=draw(st.sampled_from(("CA001", "CA014", "CA100"))))
    elif mode == Mode.ROAD:
        chosen = draw(st.sets(st.sampled_from(_COVERS)))
        covers = [InsuranceCover.CIVIL_LIABILITY, *(cover for cover in _COVERS if cover in chosen)]
        conveyance = Conveyance(
            vehicle_plate=draw(st.sampled_from(("AB1234C", "12AB3C", "R12345"))),
            model_year=draw(st.integers(1990, 2030)),
            gross_vehicle_weight=Quantity(value=Decimal(draw(st.integers(100, 9000))) / 100, unit="TNE"),
            type_code=draw(st.sampled_from(("C2", "T3S2"))),
            permits=(Permit(kind="TPAF01", number=draw(st.sampled_from(("0123456", "SCT/0928-LRD")))),),
            insurances=tuple(
                Insurance(
                    cover=cover,
                    insurer=f"Seguros {draw(TEXT)}"[:50],
                    policy=f"POL{draw(st.integers(100, 99999))}",
                )
                for cover in covers
            ),
        )
        equipment = tuple(
            Equipment(
                kind=EquipmentKind.TRAILER,
                number="",
                vehicle_plate=f"TR{plate}",
                type_codes=(Reference(kind="c_SubTipoRem", value="CTR004"),),
            )
            for plate in draw(st.lists(st.integers(100, 99999), max_size=2))
        )
        crew = tuple(
            CrewMember(
                name=draw(TEXT),
                tax_ids=(TaxId(scheme=TaxIdScheme.RFC, value=PERSON_RFC),),
                documents=(TravelDocument(kind=LICENCE, number=f"LF{number}"),) if number else (),
            )
            for number in draw(st.lists(st.none() | st.integers(10000, 99999999), max_size=2))
        )
    # On a road Carta Porte an Operador (01) is a driver, one of the crew; of other modes it is a party.
    roles = (PartyRole.OWNER, PartyRole.LESSOR) if mode == Mode.ROAD else (PartyRole.OPERATOR, PartyRole.OWNER)
    figures = tuple(
        Party(role=role, name=draw(TEXT), tax_ids=(TaxId(scheme=TaxIdScheme.RFC, value=PERSON_RFC),))
        for role in draw(st.lists(st.sampled_from(roles), max_size=2))
    )
    head = (
        Party(
            role=PartyRole.ISSUER,
            name=draw(TEXT),
            tax_ids=(TaxId(scheme=TaxIdScheme.RFC, value=issuer_rfc),),
            extensions={"cfdi.Emisor.RegimenFiscal": "601"},
        ),
        Party(
            role=PartyRole.RECEIVER,
            name=draw(TEXT),
            tax_ids=(TaxId(scheme=TaxIdScheme.RFC, value=issuer_rfc),),
            address=Address(postal_code="88000"),
            extensions={"cfdi.Receptor.RegimenFiscalReceptor": "601", "cfdi.Receptor.UsoCFDI": "S01"},
        ),
    )
    hours = draw(st.integers(1, 200))
    return Manifest(
        mode=mode,
        carrier=carrier,
        conveyance=conveyance,
        trip_number=trip,
        departure=Stop(
            place=Place(code="OR000001", scheme=PlaceScheme.SAT_LOCATION_ID, country="MX", address=origin),
            moment=moment,
        ),
        arrival=Stop(
            place=Place(
                code="DE000002", scheme=PlaceScheme.SAT_LOCATION_ID, country=destination.country, address=destination
            ),
            moment=moment + timedelta(hours=hours),
            distance_km=Decimal(draw(st.integers(1, 5000))),
        ),
        direction=Direction.NORTHBOUND if international else None,
        country_from="MX" if international else None,
        country_to="US" if international else None,
        parties=head + figures,
        references=(Reference(kind="cartaporte-idccp", value=id_ccp),),
        equipment=equipment,
        crew=crew,
        consignments=tuple(consignments),
        extensions=extensions,
    )
