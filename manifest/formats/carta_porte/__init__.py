"""``carta-porte``: SAT's CFDI 4.0 with the Complemento Carta Porte 3.1 (3.0 read too), every mode.

Reading validates the file against SAT's official XSDs (shipped verbatim in ``schemas/sat``), maps it onto the
harmonized model and checks SAT's business rules the XSDs cannot express. Writing produces an unsigned CFDI 4.0 with
Carta Porte 3.1. The modules: :mod:`.document` (reading a file), :mod:`.reader` (XML to model), :mod:`.schema`
(XSD validation), :mod:`.rules` (business rules), :mod:`.writer` and :mod:`.losses` (model to XML), and
:mod:`.messages` (every diagnostic code).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from manifest.formats.base import Document, Written
from manifest.formats.carta_porte.document import NAME, read_document
from manifest.formats.carta_porte.writer import write as write_cfdi
from manifest.model import Manifest, Mode

TITLE = "SAT CFDI 4.0 with the Complemento Carta Porte 3.1"
EXTENSIONS = (".cartaporte.xml",)
MODES = (Mode.RAIL, Mode.MARITIME, Mode.AIR, Mode.ROAD)

_SNIFF = re.compile(rb"http://www\.sat\.gob\.mx/(?:cfd/4|CartaPorte)")

__all__ = ["EXTENSIONS", "MODES", "NAME", "TITLE", "read", "sniff", "write"]


def sniff(head: bytes) -> bool:
    return b"<" in head and _SNIFF.search(head) is not None and b"Comprobante" in head


def read(data: bytes) -> Document:
    return read_document(data)


def write(manifests: Sequence[Manifest]) -> Written:
    return write_cfdi(manifests)
