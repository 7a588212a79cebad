"""``carta-porte``: SAT's CFDI 4.0 with the Complemento Carta Porte 3.1 (3.0 read too), every mode.

Reading validates the file against SAT's official XSDs (shipped verbatim in ``schemas/sat``), maps it onto the
harmonized model and checks SAT's business rules the XSDs cannot express. Writing produces a CFDI 4.0 with Carta
Porte 3.1 and lists what the model holds that it cannot carry. The modules:

- :mod:`.document` reads a file: safe parsing, version, schema, model, rules;
- :mod:`.schema` and :mod:`.catalogues` validate against the SAT XSDs;
- :mod:`.reader` (with :mod:`.read_transport`, :mod:`.read_goods`, :mod:`.reading`) maps XML onto the model;
- :mod:`.rules` checks SAT's business rules on the XML;
- :mod:`.writer` (with :mod:`.write_transport`, :mod:`.writing`, :mod:`.traslado`) writes the XML, and
  :mod:`.losses` lists what is not carried;
- :mod:`.extensions`, :mod:`.values`, :mod:`.rail`, :mod:`.positions`, :mod:`.sat`, :mod:`.namespaces` are shared
  helpers; :mod:`.messages` defines every diagnostic code.
"""

from __future__ import annotations

from collections.abc import Sequence

from manifest.core.registry import described
from manifest.formats.base import Document, Written
from manifest.formats.carta_porte.document import NAME, read_document
from manifest.formats.carta_porte.writer import write as write_cfdi
from manifest.model import Manifest

DESCRIPTION = described(NAME)
TITLE = DESCRIPTION.title
EXTENSIONS = DESCRIPTION.extensions
MODES = DESCRIPTION.modes

__all__ = ["DESCRIPTION", "EXTENSIONS", "MODES", "NAME", "TITLE", "read", "sniff", "write"]


sniff = DESCRIPTION.sniff


def read(data: bytes) -> Document:
    return read_document(data)


def write(manifests: Sequence[Manifest]) -> Written:
    return write_cfdi(manifests)
