"""The XML namespaces of CFDI 4.0 and of each Carta Porte version, and how a file is told apart."""

from __future__ import annotations

CFDI = "http://www.sat.gob.mx/cfd/4"
CFDI33 = "http://www.sat.gob.mx/cfd/3"
TFD = "http://www.sat.gob.mx/TimbreFiscalDigital"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

CP31 = "http://www.sat.gob.mx/CartaPorte31"
CP30 = "http://www.sat.gob.mx/CartaPorte30"
# Superseded versions: recognised so that they are reported, never read as 3.x (formats-mx-sat.md section 1.2).
CP20 = "http://www.sat.gob.mx/CartaPorte20"
CP10 = "http://www.sat.gob.mx/CartaPorte"

READABLE = {CP31: "3.1", CP30: "3.0"}
SUPERSEDED = {CP20: "2.0", CP10: "1.0"}

SCHEMA_LOCATION = (
    f"{CFDI} http://www.sat.gob.mx/sitio_internet/cfd/4/cfdv40.xsd "
    f"{CP31} http://www.sat.gob.mx/sitio_internet/cfd/CartaPorte/CartaPorte31.xsd"
)


def q(namespace: str, local: str) -> str:
    """Clark notation ``{namespace}local`` as lxml spells a qualified name."""
    return "{" + namespace + "}" + local
