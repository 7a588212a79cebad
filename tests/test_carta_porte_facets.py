"""The Carta Porte writer holds every text attribute to the pattern and length SAT's XSDs give it (read from the
shipped schemas): a value that does not fit is a loss of its model field, not a schema error of the file written."""

from __future__ import annotations

from datetime import datetime

import pytest
from lxml import etree

from manifest.formats import get
from manifest.formats.carta_porte import facets, writing
from manifest.formats.carta_porte.namespaces import CFDI, CP31, q
from manifest.model import Address, Consignment, Manifest, Mode, Party, PartyRole, Place, Stop
from tests import closure

CARTA_PORTE = get("carta-porte")


def test_the_facets_are_those_of_the_schemas() -> None:
    receiver = facets.declared_facets(CFDI)[(CFDI, "Comprobante", "Receptor", "DomicilioFiscalReceptor")]
    assert (receiver.least, receiver.most) == (5, 5) and receiver.admit("64000") and not receiver.admit("6400A")
    street = facets.declared_facets(CP31)[(CP31, "Ubicacion", "Domicilio", "Calle")]  # tdCFDI t_Descrip100
    assert street.admit("A" * 100) and not street.admit("A" * 101) and not street.admit("A|B")
    assert street.admit("  " + "A" * 100 + "  ")  # t_Descrip100 collapses white space before its facets apply
    pedimento = facets.declared_facets(CP31)[(CP31, "Mercancia", "DocumentacionAduanera", "NumPedimento")]
    assert pedimento.admit("23  47  3807  8000010") and not pedimento.admit("23 47 3807 8000010")  # kept as it is


_RECEIVER_POSTAL_CODE = Manifest(
    mode=Mode.ROAD,
    parties=(Party(role=PartyRole.RECEIVER, name="RECEPTOR", address=Address(postal_code="ôLĄ$")),),
    consignments=(Consignment(document_number="B1"),),
)
_A_LONG_STREET = Manifest(
    mode=Mode.ROAD,
    departure=Stop(
        place=Place(name="ORIGEN", address=Address(street="S" * 101, postal_code="64000", country="MEX")),
        moment=datetime(2026, 1, 1, 10),
    ),
    consignments=(Consignment(document_number="B1"),),
)


@pytest.mark.parametrize(
    ("manifest", "field", "attribute"),
    [
        (_RECEIVER_POSTAL_CODE, "parties[0].address.postal_code", "DomicilioFiscalReceptor"),
        (_A_LONG_STREET, "departure.place.address.street", "Calle"),
    ],
)
def test_a_value_outside_its_facets_is_a_loss_and_no_schema_error_of_the_file(
    manifest: Manifest, field: str, attribute: str
) -> None:
    written = CARTA_PORTE.write([manifest])
    assert field in {loss.field for loss in written.losses}
    schema_errors = [d.message() for d in CARTA_PORTE.read(written.data).diagnostics if d.code == "CP101"]
    assert not [text for text in schema_errors if attribute in text and "missing" not in text], schema_errors
    source = get("manifest-json").write([manifest]).data
    assert closure.unexplained(source, "source.manifest-json", "carta-porte") == []


@pytest.mark.parametrize(
    ("element", "attribute", "value", "fits"),
    [
        # PlacaVM [^(?!.*\s)-]{5,7} from CartaPorte31.xsd: the schema's class, not a pattern kept by hand.
        ("IdentificacionVehicular", "PlacaVM", "ABC1234", True),
        ("IdentificacionVehicular", "PlacaVM", "ABC-123", False),
        ("IdentificacionVehicular", "PlacaVM", "AB|123", False),  # free text never holds the cadena's separator
        ("Seguros", "PolizaRespCivil", "PO", False),  # [^|]{3,30}
        ("TiposFigura", "NumLicencia", "LIC12345", True),
        ("IdentificacionVehicular", "AnioModeloVM", "2019", True),  # an xs:int pattern, beyond the string facets
        ("IdentificacionVehicular", "AnioModeloVM", "1899", False),
    ],
)
def test_a_text_attribute_is_held_to_its_schema_facets_and_the_free_text_rule(
    element: str, attribute: str, value: str, fits: bool
) -> None:
    assert writing.fits(etree.Element(q(CP31, element)), attribute, value) is fits
