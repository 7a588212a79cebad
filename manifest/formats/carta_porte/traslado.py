"""The one concept of a CFDI de traslado that carries a Carta Porte written from another format.

A traslado states no amounts (SubTotal and Total 0, Moneda XXX, Anexo 20 guide); its concept names the freight
service by mode (c_ClaveProdServ, UNSPSC family 7810 "transporte de carga") as one service unit (c_ClaveUnidad E48)
that is not subject to tax (c_ObjetoImp 01).
"""

from __future__ import annotations

from manifest.model import Mode

_SERVICE = {
    Mode.AIR: ("78101500", "Transporte de carga aérea"),
    Mode.RAIL: ("78101600", "Transporte de carga por ferrocarril"),
    Mode.MARITIME: ("78101700", "Transporte de carga por mar"),
    Mode.ROAD: ("78101800", "Transporte de carga por carretera"),
}


def service_concept(mode: Mode) -> dict[str, str]:
    key, description = _SERVICE[mode]
    return {
        "ClaveProdServ": key,
        "Cantidad": "1",
        "ClaveUnidad": "E48",
        "Descripcion": description,
        "ValorUnitario": "0",
        "Importe": "0",
        "ObjetoImp": "01",
    }
