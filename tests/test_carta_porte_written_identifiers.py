"""A Carta Porte writer never writes an identifier changed: an RFC that is not valid where it goes, a rail car number
that MatriculaCarro cannot hold, or equipment that is no Carro, is a loss of its model field and is not written (a
CP404 note says so where SAT requires the attribute); and a Carro is read back as the equipment it was written from.
"""

from __future__ import annotations

import pytest

from manifest.formats import get
from manifest.model import (
    Address,
    Carrier,
    Consignment,
    Conveyance,
    CrewMember,
    CrewRole,
    CustomsDocument,
    Equipment,
    EquipmentKind,
    GoodsItem,
    Manifest,
    Mode,
    Party,
    PartyRole,
    Place,
    Reference,
    Stop,
    TaxId,
    TaxIdScheme,
)
from tests import closure

CARTA_PORTE = get("carta-porte")
_VALID = "TME960709LR2"
_NOT_VALID = "AAA010101AAA"  # the form of t_RFC, but no valid check digit (ID-004)


def _rfc(value: str) -> TaxId:
    return TaxId(scheme=TaxIdScheme.RFC, value=value)


def _closed(manifest: Manifest) -> None:
    """The conversion of ``manifest`` from the canonical JSON has no error that nothing explains."""
    source = get("manifest-json").write([manifest]).data
    assert closure.unexplained(source, "source.manifest-json", "carta-porte") == []


_ISSUER_RFC = "/cfdi:Comprobante/cfdi:Emisor/@Rfc"
_PEDIMENTO = "26  47  3120  6078902"


@pytest.mark.parametrize(
    ("manifest", "field", "note"),
    [
        # The carrier issues the CFDI: its RFC is the Emisor's.
        (Manifest(mode=Mode.RAIL, carrier=Carrier(tax_id=_rfc(_NOT_VALID))), "carrier.tax_id.value", _ISSUER_RFC),
        # An issuer whose RFC is its second tax id.
        (
            Manifest(
                mode=Mode.RAIL,
                parties=(
                    Party(
                        role=PartyRole.ISSUER,
                        tax_ids=(TaxId(scheme=TaxIdScheme.FOREIGN, value="123456789"), _rfc(_NOT_VALID)),
                    ),
                ),
            ),
            "parties[0].tax_ids[1].value",
            _ISSUER_RFC,
        ),
        # The generic RFC of the general public: SAT takes it from a Receptor, never from the issuer (Anexo 20).
        (
            Manifest(mode=Mode.RAIL, parties=(Party(role=PartyRole.ISSUER, tax_ids=(_rfc("XAXX010101000"),)),)),
            "parties[0].tax_ids[0].value",
            _ISSUER_RFC,
        ),
        (
            Manifest(mode=Mode.RAIL, parties=(Party(role=PartyRole.RECEIVER, tax_ids=(_rfc(_NOT_VALID),)),)),
            "parties[0].tax_ids[0].value",
            "/cfdi:Comprobante/cfdi:Receptor/@Rfc",
        ),
        # A truck operator's RFCFigura, optional: no note.
        (
            Manifest(
                mode=Mode.ROAD,
                crew=(CrewMember(role=CrewRole.DRIVER, name="JUAN PEREZ", tax_ids=(_rfc(_NOT_VALID),)),),
            ),
            "crew[0].tax_ids[0].value",
            None,
        ),
        # An importer's RFCImpo, optional.
        (
            Manifest(
                mode=Mode.RAIL,
                consignments=(
                    Consignment(
                        document_number="BILL1",
                        goods=(
                            GoodsItem(
                                description="STEEL",
                                customs_documents=(
                                    CustomsDocument(
                                        kind="pedimento", number=_PEDIMENTO, importer_tax_id=_rfc(_NOT_VALID)
                                    ),
                                ),
                            ),
                        ),
                    ),
                ),
            ),
            "consignments[0].goods[0].customs_documents[0].importer_tax_id.value",
            None,
        ),
    ],
    ids=["carrier", "issuer", "generic-issuer", "receiver", "operator", "importer"],
)
def test_an_rfc_not_valid_where_it_goes_is_a_loss_not_written(manifest: Manifest, field: str, note: str | None) -> None:
    written = CARTA_PORTE.write([manifest])
    assert field in {d.field for d in written.losses}
    assert _NOT_VALID.encode() not in written.data
    assert b"XAXX010101000" not in written.data
    if note is not None:
        assert note in {d.location for d in written.notes if d.code == "CP404"}
    _closed(manifest)


def test_a_valid_rfc_and_a_generic_one_where_sat_takes_it_are_written() -> None:
    manifest = Manifest(
        mode=Mode.RAIL,
        parties=(
            Party(role=PartyRole.ISSUER, tax_ids=(_rfc(_VALID),)),
            Party(role=PartyRole.RECEIVER, tax_ids=(_rfc("XAXX010101000"),)),
        ),
    )
    written = CARTA_PORTE.write([manifest])
    assert f'Rfc="{_VALID}"'.encode() in written.data
    assert b'Rfc="XAXX010101000"' in written.data
    assert not [d for d in written.losses if "tax_ids" in (d.field or "")]


def _on_a_waybill(*equipment: Equipment) -> Manifest:
    return Manifest(mode=Mode.RAIL, consignments=(Consignment(document_number="BILL1", equipment=equipment),))


def test_a_locomotive_is_a_carro_of_type_tc08_and_is_read_back_as_one() -> None:
    """c_TipoCarro TC08 is Locomotora: a locomotive on a waybill is a Carro of that type, not a rail car (whose
    number CBP checks as a car's, CBP-RAIL-022)."""
    manifest = _on_a_waybill(Equipment(kind=EquipmentKind.LOCOMOTIVE, initial="KCSM", number="4567890"))
    written = CARTA_PORTE.write([manifest])
    assert b'TipoCarro="TC08"' in written.data
    assert b'MatriculaCarro="KCSM4567890"' in written.data
    [locomotive] = CARTA_PORTE.read(written.data).manifests[0].consignments[0].equipment
    assert (locomotive.kind, locomotive.initial, locomotive.number) == (EquipmentKind.LOCOMOTIVE, "KCSM", "4567890")
    _closed(manifest)


def test_a_car_type_that_names_another_kind_is_a_loss_not_written() -> None:
    tc08 = Reference(kind="c_TipoCarro", value="TC08")
    manifest = _on_a_waybill(Equipment(kind=EquipmentKind.RAILCAR, number="123456", type_codes=(tc08,)))
    written = CARTA_PORTE.write([manifest])
    assert "consignments[0].equipment[0].type_codes[0]" in {d.field for d in written.losses}
    assert b"TipoCarro=" not in written.data
    assert [d.field for d in written.notes if (d.location or "").endswith("/@TipoCarro")] == [
        "consignments[0].equipment[0].type_codes"
    ]
    _closed(manifest)


@pytest.mark.parametrize("kind", [EquipmentKind.TRAILER, EquipmentKind.CHASSIS, EquipmentKind.OTHER])
def test_equipment_that_is_no_rail_car_is_a_loss_not_a_carro(kind: EquipmentKind) -> None:
    manifest = _on_a_waybill(Equipment(kind=kind, number="1234567"))
    written = CARTA_PORTE.write([manifest])
    assert b"<cartaporte31:Carro" not in written.data
    assert "consignments[0].equipment[0]" in {d.field for d in written.losses}
    _closed(manifest)


@pytest.mark.parametrize(("initial", "number"), [(None, "12"), (None, "1234567890123456"), ("AB|", "123456")])
def test_a_car_number_matriculacarro_cannot_hold_is_a_loss_and_noted(initial: str | None, number: str) -> None:
    """MatriculaCarro is [^|]{6,15} (CartaPorte31.xsd): a car known by a number it cannot hold is not written under
    another, and the MatriculaCarro SAT requires is noted."""
    manifest = _on_a_waybill(Equipment(kind=EquipmentKind.RAILCAR, initial=initial, number=number))
    written = CARTA_PORTE.write([manifest])
    assert "consignments[0].equipment[0].number" in {d.field for d in written.losses}
    assert b"MatriculaCarro=" not in written.data
    assert [d.field for d in written.notes if (d.location or "").endswith("/@MatriculaCarro")] == [
        "consignments[0].equipment[0].number"
    ]
    _closed(manifest)


def test_a_pedimento_without_its_number_is_noted() -> None:
    """A DocumentacionAduanera of TipoDocumento 01 states its NumPedimento (Carta Porte 3.1 standard, CP212): the
    model's pedimento that has no number gives a CP404 note of it, naming the document's number."""
    item = GoodsItem(description="STEEL", customs_documents=(CustomsDocument(kind="pedimento"),))
    manifest = Manifest(mode=Mode.RAIL, consignments=(Consignment(document_number="BILL1", goods=(item,)),))
    written = CARTA_PORTE.write([manifest])
    assert [d.field for d in written.notes if (d.location or "").endswith("/@NumPedimento")] == [
        "consignments[0].goods[0].customs_documents[0].number"
    ]
    _closed(manifest)


def test_a_foreign_tax_id_numregidtribfigura_cannot_hold_is_a_loss_not_written() -> None:
    """TiposFigura@NumRegIdTribFigura is [^|]{6,40} (CartaPorte31.xsd)."""
    owner = Party(role=PartyRole.OWNER, name="ARRENDADORA", tax_ids=(TaxId(scheme=TaxIdScheme.FOREIGN, value="AB"),))
    manifest = Manifest(mode=Mode.RAIL, parties=(owner,))
    written = CARTA_PORTE.write([manifest])
    assert "parties[0].tax_ids[0].value" in {d.field for d in written.losses}
    assert b"NumRegIdTribFigura" not in written.data
    _closed(manifest)


def test_an_operator_of_a_truck_among_the_parties_is_noted_as_needing_a_licence() -> None:
    """A party in the role of operator is a TiposFigura 01 Operador, which on a truck states its federal licence and
    its RFC (Carta Porte 3.1 standard): the model's party has neither, and the notes say so."""
    manifest = Manifest(mode=Mode.ROAD, parties=(Party(role=PartyRole.OPERATOR, name="JUAN PEREZ"),))
    written = CARTA_PORTE.write([manifest])
    noted = {(d.location or "").rpartition("/")[2] for d in written.notes if "TiposFigura" in (d.location or "")}
    assert noted == {"@NumLicencia", "@RFCFigura"}
    _closed(manifest)


@pytest.mark.parametrize(("value", "written"), [("A" * 41, 0), ("AB", 1), ("ABCDEFG", 2)])
def test_a_foreign_tax_id_is_written_only_where_its_numregidtrib_holds_it(value: str, written: int) -> None:
    """NumRegIdTrib takes 1 to 40 characters on the CFDI Receptor (cfdv40.xsd) and [^|]{6,40} on an Ubicacion
    (CartaPorte31.xsd): where it does not fit, the foreign tax id is a loss of its party's, not written."""
    foreign = (TaxId(scheme=TaxIdScheme.FOREIGN, value=value, country="US"),)
    shipper = Party(role=PartyRole.SHIPPER, name="S", tax_ids=foreign, address=Address(postal_code="78045"))
    manifest = Manifest(
        mode=Mode.RAIL,
        parties=(Party(role=PartyRole.RECEIVER, name="R", tax_ids=foreign),),
        consignments=(Consignment(document_number="BILL1", parties=(shipper,)),),
        departure=Stop(place=Place(name="LAREDO")),
    )
    result = CARTA_PORTE.write([manifest])
    assert result.data.count(b"NumRegIdTrib=") == written
    fields = {"parties[0].tax_ids[0].value", "consignments[0].parties[0].tax_ids[0].value"}
    assert len({d.field for d in result.losses} & fields) == 2 - written
    _closed(manifest)


@pytest.mark.parametrize(
    ("manifest", "field"),
    [
        (Manifest(mode=Mode.MARITIME, conveyance=Conveyance(type_code="ZZZ")), "conveyance.type_code"),
        (
            _on_a_waybill(
                Equipment(
                    kind=EquipmentKind.RAILCAR, number="123456", type_codes=(Reference(kind="c_TipoCarro", value="ZZ"),)
                )
            ),
            "consignments[0].equipment[0].type_codes",
        ),
    ],
    ids=["TipoEmbarcacion", "TipoCarro"],
)
def test_a_code_of_a_transport_node_s_catalogue_is_checked_before_the_node_is_placed(
    manifest: Manifest, field: str
) -> None:
    """TransporteMaritimo@TipoEmbarcacion takes c_ConfigMaritima and Carro@TipoCarro c_TipoCarro: the writer fills
    those elements before it places them in Mercancias, and a code outside the catalogue is still a loss."""
    written = CARTA_PORTE.write([manifest])
    assert field in {d.field for d in written.losses}
    assert b'"ZZ' not in written.data
    _closed(manifest)
