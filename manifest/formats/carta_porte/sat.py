"""SAT codes and model conventions shared by the Carta Porte reader, writer, rules and loss report."""

from __future__ import annotations

from manifest.model import DocumentType, Manifest, Mode, PartyRole, TaxIdScheme

NODES = {
    "01": ("Autotransporte", Mode.ROAD),
    "02": ("TransporteMaritimo", Mode.MARITIME),
    "03": ("TransporteAereo", Mode.AIR),
    "04": ("TransporteFerroviario", Mode.RAIL),
}
NODE_OF_MODE = {mode: (code, node) for code, (node, mode) in NODES.items()}
FOREIGN_RFC = "XEXX010101000"  # SAT generic RFC of a foreign resident (CFDI 4.0 Anexo 20 guide)
GENERIC_PUBLIC_RFC = "XAXX010101000"  # SAT generic RFC for the general public (CFDI 4.0 Anexo 20 guide)
# The generic RFCs SAT takes in an RFC attribute, by element and attribute; every other RFC attribute takes a
# registered taxpayer's only. Anexo 20: the Receptor may be the general public or a foreign resident, the issuer never;
# Carta Porte 3.1, Ubicacion@RFCRemitenteDestinatario: XEXX010101000 for a foreign resident.
GENERIC_RFCS_TAKEN: dict[tuple[str, str], frozenset[str]] = {
    ("Receptor", "Rfc"): frozenset({GENERIC_PUBLIC_RFC, FOREIGN_RFC}),
    ("Ubicacion", "RFCRemitenteDestinatario"): frozenset({FOREIGN_RFC}),
}
PEDIMENTO_TYPE = "01"  # c_DocumentoAduanero 01 Pedimento
# c_FiguraTransporte: 01 Operador, 02 Propietario, 03 Arrendador, 04 Notificado.
FIGURE_ROLES = {"01": PartyRole.OPERATOR, "02": PartyRole.OWNER, "03": PartyRole.LESSOR, "04": PartyRole.NOTIFY}
REFERENCE_UUID = "cfdi-uuid"
REFERENCE_IDCCP = "cartaporte-idccp"
BILL_TYPES = (DocumentType.BILL_OF_LADING, DocumentType.SEA_WAYBILL, DocumentType.HOUSE_BILL_OF_LADING)
# CartaPorte31.xsd Ubicacion@IDUbicacion (OR|DE)[0-9]{6}: the prefix of an Origen's and of a Destino's id.
LOCATION_ID_PREFIX = {"Origen": "OR", "Destino": "DE"}


def issuer_is_carrier(manifest: Manifest) -> bool:
    """Whether the CFDI's Emisor is written from the carrier: the carrier issues the Carta Porte (Carta Porte 3.1
    standard) and the model has its RFC as the carrier's tax id, with no issuer party of its own."""
    issuer = next((p for p in manifest.parties if p.role == PartyRole.ISSUER), None)
    carrier = manifest.carrier
    return (
        not (issuer is not None and any(t.scheme == TaxIdScheme.RFC for t in issuer.tax_ids))
        and carrier is not None
        and carrier.tax_id is not None
        and carrier.tax_id.scheme == TaxIdScheme.RFC
    )
