"""The loop maps of the 309 Customs Manifest (X12 004010 and 004040; the 4040 table keeps the 4010 loops; 004060
for the ACE truck 309, with the truck heading below).

Table (X12 309, heading and detail): ST, M10, then the P4 loop (U.S. port, up to 20) holding the LX loop (one per
bill of lading, up to 9999): M13 amendment, M11 bill details, N9 references, the N1 loop (N1, N3, N4, DTM, PER),
the M12 in-bond loop (M12, P5), and the VID loop (equipment: VID, M7 seals, VC vehicles, then the N10 loop of
quantity and description lines with their H1 hazardous material loops and H2 additional descriptions); SE.
"""

from __future__ import annotations

from manifest.formats.x12.loops import Loop, Seg

H1_LOOP = Loop("H1", (Seg("H1", True), Seg("H2", max=99)), max=10)
N10_LOOP = Loop("N10", (Seg("N10", True), H1_LOOP), max=999)
VID_LOOP = Loop("VID", (Seg("VID", True), Seg("M7", max=2), Seg("VC", max=21), N10_LOOP), max=999)
M12_LOOP = Loop("M12", (Seg("M12", True), Seg("P5", max=1)), max=1)
N1_LOOP = Loop("N1", (Seg("N1", True), Seg("N3", max=2), Seg("N4"), Seg("DTM"), Seg("PER")), max=5)
LX_LOOP = Loop(
    "LX",
    (Seg("LX", True), Seg("M13"), Seg("M11"), Seg("N9", max=999), N1_LOOP, M12_LOOP, VID_LOOP),
    max=9999,
)
P4_LOOP = Loop("P4", (Seg("P4", True), LX_LOOP), required=True, max=20)
TS309 = Loop("ST", (Seg("ST", True), Seg("M10", True), P4_LOOP, Seg("SE", True)))

# The truck heading of the ACE truck 309 and 358 (004060): after M10, the tractor (VEH), the seals on it (M7) and one
# NM1 loop per person aboard (NM1 name, DMG birth date, gender and citizenship, REF travel documents, N3/N4 address).
# The loops are those the X12 309 and 358 tables standardize from 005010 on (VEH, M7, NM1 loop of NM1, DMG, REF, N3,
# N4), which CBP's 004060 truck guides introduced ahead of the standard.
NM1_LOOP = Loop("NM1", (Seg("NM1", True), Seg("DMG"), Seg("REF", max=10), Seg("N3", max=2), Seg("N4")), max=999)
TRUCK_HEADING = (Seg("VEH", max=10), Seg("M7"), NM1_LOOP)
TRUCK_VERSION = "004060"
TS309_TRUCK = Loop("ST", (Seg("ST", True), Seg("M10", True), *TRUCK_HEADING, P4_LOOP, Seg("SE", True)))


def map_for(version: str) -> Loop:
    return TS309_TRUCK if version[:6] == TRUCK_VERSION else TS309


TITLES = {
    "309": "Customs Manifest",
    "310": "Freight Receipt and Invoice (Ocean)",
    "315": "Status Details (Ocean)",
    "350": "Customs Status Information",
    "353": "Customs Events Advisory Details",
    "355": "U.S. Customs Acceptance/Rejection",
    "358": "Customs Consist Information",
    "997": "Functional Acknowledgment",
}
# The same titles in Spanish, for the Spanish wording of a finding that names a set (X12205).
TITLES_ES = {
    "309": "Manifiesto aduanero",
    "310": "Recibo de flete y factura (marítimo)",
    "315": "Detalles de estado (marítimo)",
    "350": "Información de estado aduanero",
    "353": "Detalles de avisos de eventos aduaneros",
    "355": "Aceptación o rechazo de la aduana de EE. UU.",
    "358": "Lista de carros para la aduana",
    "997": "Acuse de recibo funcional",
}
