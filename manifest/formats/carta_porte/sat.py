"""SAT codes and model conventions shared by the Carta Porte reader, writer, rules and loss report."""

from __future__ import annotations

from manifest.model import DocumentType, Mode, PartyRole

NODES = {
    "01": ("Autotransporte", Mode.ROAD),
    "02": ("TransporteMaritimo", Mode.MARITIME),
    "03": ("TransporteAereo", Mode.AIR),
    "04": ("TransporteFerroviario", Mode.RAIL),
}
NODE_OF_MODE = {mode: (code, node) for code, (node, mode) in NODES.items()}
FOREIGN_RFC = "XEXX010101000"  # SAT generic RFC of a foreign resident (CFDI 4.0 Anexo 20 guide)
PEDIMENTO_TYPE = "01"  # c_DocumentoAduanero 01 Pedimento
# c_FiguraTransporte: 01 Operador, 02 Propietario, 03 Arrendador, 04 Notificado.
FIGURE_ROLES = {"01": PartyRole.OPERATOR, "02": PartyRole.OWNER, "03": PartyRole.LESSOR, "04": PartyRole.NOTIFY}
REFERENCE_UUID = "cfdi-uuid"
REFERENCE_IDCCP = "cartaporte-idccp"
BILL_TYPES = (DocumentType.BILL_OF_LADING, DocumentType.SEA_WAYBILL, DocumentType.HOUSE_BILL_OF_LADING)
