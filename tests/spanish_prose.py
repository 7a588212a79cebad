"""What Spanish prose of the catalogue and the rules must not contain: unaccented words and English."""

from __future__ import annotations

import re

# Words a careless translation leaves unaccented (lower case: SAT element names such as Mercancia keep theirs).
UNACCENTED = re.compile(
    r"\b(mercancia|mercancias|guia|guias|aerea|aereo|maritimo|codigo|numero|valido|invalido|transito|vehiculo|"
    r"informacion|descripcion|direccion|pais|linea|posicion|unico|maximo|minimo|catalogo|version|segun|peso "
    r"bruto total|telefono|ultimo|razon|periodo|dia|mas|tambien|despues|opcion|transaccion|electronico)\b"
)
# English that has no place in a Spanish sentence; customs terms have their Mexican names.
ENGLISH_TERMS = re.compile(
    r"\b(the|is|are|must|should|not|and|of|with|without|missing|required|invalid|"
    r"bill of lading|waybill|consignee|shipper|carrier|consignment|goods|customs|file\(s\)|warning)\b"
)
