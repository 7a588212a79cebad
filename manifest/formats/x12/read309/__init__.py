"""Reading a 309 set into the harmonized model, one bill (LX loop) at a time.

Mapping (X12 309; CBP ACE rail 309 and ocean 309 usage): M1001 carrier SCAC, M1002 transport method (R rail, else
an ocean code), M1003 vessel flag, M1004 IMO/Lloyd's number (with M1010), M1005 vessel name, M1006 voyage or train
number; P401 US port of arrival (Schedule D) with P402 the arrival date; per LX: M1101 bill number, M1102 port of
lading, M1103/M1104 pieces and unit, M1105/M1106 weight, M1107/M1108 volume, M1110 place of receipt; N9
references; N1 loop parties; M12 in-bond; VID equipment (initial, number, seals, ISO size-type, load status) with
its M7 seals; N10 goods (description and marks continued over N10 segments without a quantity, HTS, value, weight)
and H1/H2 hazardous material. Every element the model has no field for is kept in the ``extensions`` of the object
it belongs to under ``x12.<segment>.<element>``, so that writing the model back gives the same segments.

Modules: :mod:`.reader` (the set handler), :mod:`.loops` (the segments of a bill gathered by loop), :mod:`.header`
(envelope, M10 and P4), :mod:`.bill` (the LX loop), :mod:`.parties` (N1 loop), :mod:`.equipment` (VID loop),
:mod:`.goods` (N10 and H1 loops), :mod:`.mapper` and :mod:`.positions` (where values were read), :mod:`.elements`
(elements kept in the extensions).
"""

from manifest.formats.x12.read309.bill import BillMapper
from manifest.formats.x12.read309.equipment import VID_TYPE
from manifest.formats.x12.read309.goods import DESCRIPTION_WIDTH, MARKS_WIDTH, hazard_name_pieces
from manifest.formats.x12.read309.header import default_method, document_type
from manifest.formats.x12.read309.loops import EquipmentLoop
from manifest.formats.x12.read309.reader import Reader309, SetEnd

__all__ = [
    "DESCRIPTION_WIDTH",
    "MARKS_WIDTH",
    "VID_TYPE",
    "BillMapper",
    "EquipmentLoop",
    "Reader309",
    "SetEnd",
    "default_method",
    "document_type",
    "hazard_name_pieces",
]
