"""Every diagnostic the Carta Porte format reports, defined once with its wording in English and Spanish.

Codes: CP0xx structure and version, CP1xx the official SAT schemas, CP2xx SAT business rules that the schemas cannot
express (Carta Porte 3.1 standard, "Estándar del Complemento Carta Porte", and its Matriz de errores), CP4xx what a
model holds that Carta Porte cannot carry when writing.
"""

from __future__ import annotations

from manifest.diagnostics import Diagnostic, Severity, define

_STANDARD = "SAT Complemento Carta Porte 3.1, estándar"
_MATRIX = "SAT Matriz de errores Carta Porte 3.1"
_CFDI = "SAT Anexo 20 CFDI 4.0, estándar"

NOT_CFDI = define(
    "CP001",
    Severity.ERROR,
    "the root element is $found, not cfdi:Comprobante (namespace http://www.sat.gob.mx/cfd/4)",
    "el elemento raíz es $found, no cfdi:Comprobante (espacio de nombres http://www.sat.gob.mx/cfd/4)",
    _CFDI,
)
NO_CARTA_PORTE = define(
    "CP002",
    Severity.ERROR,
    "the CFDI carries no Carta Porte complement in cfdi:Complemento",
    "el CFDI no contiene el complemento Carta Porte en cfdi:Complemento",
    _STANDARD,
)
SUPERSEDED = define(
    "CP003",
    Severity.ERROR,
    "Carta Porte $version is superseded and not read: SAT accepts only version 3.1 since 17 July 2024; this tool "
    "reads Carta Porte 3.1 and 3.0",
    "Carta Porte $version ya no está vigente y no se lee: el SAT sólo acepta la versión 3.1 desde el 17 de julio de "
    "2024; esta herramienta lee Carta Porte 3.1 y 3.0",
    "SAT: Complemento Carta Porte 3.1 obligatorio desde el 17 de julio de 2024",
)
OLDER_VERSION = define(
    "CP004",
    Severity.WARNING,
    "Carta Porte $version was read; SAT accepts only version 3.1 since 17 July 2024, and writing produces 3.1",
    "se leyó Carta Porte $version; el SAT sólo acepta la versión 3.1 desde el 17 de julio de 2024 y la escritura "
    "produce 3.1",
    "SAT: Complemento Carta Porte 3.1 obligatorio desde el 17 de julio de 2024",
)
CFDI_VERSION = define(
    "CP005",
    Severity.ERROR,
    "CFDI $version is not read: this tool reads CFDI 4.0 with the Complemento Carta Porte 3.1 or 3.0 (CFDI 3.3 has "
    "not been accepted by SAT since 1 April 2023)",
    "el CFDI $version no se lee: esta herramienta lee CFDI 4.0 con el Complemento Carta Porte 3.1 o 3.0 (el SAT no "
    "acepta CFDI 3.3 desde el 1 de abril de 2023)",
    _CFDI,
)
BAD_VALUE = define(
    "CP006",
    Severity.ERROR,
    "$attribute '$value' cannot be read: $reason",
    "$attribute '$value' no se puede leer: $reason",
    _STANDARD,
)
SEVERAL_CARTA_PORTE = define(
    "CP007",
    Severity.ERROR,
    "a CFDI carries one Carta Porte complement; this one has $count and only the first is read",
    "un CFDI lleva un solo complemento Carta Porte; éste tiene $count y sólo se lee el primero",
    _STANDARD,
)
GOODS_NOT_ALLOCATED = define(
    "CP008",
    Severity.INFO,
    "the goods' PesoEnKg do not add up car by car to the ToneladasNetasCarro of each GuiaCarro waybill, so every "
    "Mercancia is kept with the first waybill",
    "los PesoEnKg de las mercancías no suman, carro por carro, las ToneladasNetasCarro de cada GuiaCarro, así que "
    "todas las Mercancia se asignan a la primera guía",
    _STANDARD + ", TransporteFerroviario/Carro",
)

SCHEMA = define(
    "CP101",
    Severity.ERROR,
    "schema: $reason",
    "esquema: $reason",
    "SAT XSD cfdv40.xsd / CartaPorte31.xsd",
)
NOT_IN_CATALOGUE = define(
    "CP102",
    Severity.ERROR,
    "$attribute '$value' is not in catalogue $catalogue",
    "$attribute '$value' no está en el catálogo $catalogue",
    "SAT XSD catálogos (catCFDI.xsd, catCartaPorte.xsd, catComExt.xsd)",
)

GROSS_WEIGHT_SUM = define(
    "CP201",
    Severity.ERROR,
    "Mercancias/@PesoBrutoTotal is $declared $unit but the Mercancia/@PesoEnKg add up to $computed kg",
    "Mercancias/@PesoBrutoTotal es $declared $unit pero la suma de Mercancia/@PesoEnKg es $computed kg",
    _MATRIX + ", Mercancias@PesoBrutoTotal",
)
GOODS_COUNT = define(
    "CP202",
    Severity.ERROR,
    "Mercancias/@NumTotalMercancias is $declared but there are $counted Mercancia elements",
    "Mercancias/@NumTotalMercancias es $declared pero hay $counted elementos Mercancia",
    _MATRIX + ", Mercancias@NumTotalMercancias",
)
UNKNOWN_LOCATION_ID = define(
    "CP203",
    Severity.ERROR,
    "CantidadTransporta/@$attribute '$value' names no Ubicacion/@IDUbicacion of type $kind",
    "CantidadTransporta/@$attribute '$value' no corresponde a ningún Ubicacion/@IDUbicacion de tipo $kind",
    _MATRIX + ", CantidadTransporta@IDOrigen/@IDDestino",
)
INTERNATIONAL_MISSING = define(
    "CP204",
    Severity.ERROR,
    "TranspInternac is 'Sí' so CartaPorte must state $attribute",
    "TranspInternac es 'Sí', por lo que CartaPorte debe registrar $attribute",
    _STANDARD + ", CartaPorte@TranspInternac",
)
INTERNATIONAL_FRACCION = define(
    "CP205",
    Severity.ERROR,
    "TranspInternac is 'Sí' so every Mercancia must state FraccionArancelaria",
    "TranspInternac es 'Sí', por lo que cada Mercancia debe registrar FraccionArancelaria",
    _STANDARD + ", Mercancia@FraccionArancelaria",
)
INTERNATIONAL_DOCUMENTS = define(
    "CP206",
    Severity.ERROR,
    "TranspInternac is 'Sí' so every Mercancia must carry DocumentacionAduanera",
    "TranspInternac es 'Sí', por lo que cada Mercancia debe incluir DocumentacionAduanera",
    _STANDARD + ", Mercancia/DocumentacionAduanera",
)
MODE_WITHOUT_NODE = define(
    "CP207",
    Severity.ERROR,
    "transport mode $mode ($name) is used by $attribute but Mercancias has no $node",
    "la clave de transporte $mode ($name) se usa en $attribute pero Mercancias no tiene $node",
    _MATRIX + ", Mercancias (nodo de transporte)",
)
NODE_NOT_USED = define(
    "CP208",
    Severity.WARNING,
    "Mercancias has $node but no CantidadTransporta/@CvesTransporte or ViaEntradaSalida uses mode $mode",
    "Mercancias tiene $node pero ningún CantidadTransporta/@CvesTransporte ni ViaEntradaSalida usa la clave $mode",
    _MATRIX + ", Mercancias (nodo de transporte)",
)
NO_TRANSPORT_NODE = define(
    "CP209",
    Severity.ERROR,
    "Mercancias has no transport node (Autotransporte, TransporteMaritimo, TransporteAereo or TransporteFerroviario)",
    "Mercancias no tiene nodo de transporte (Autotransporte, TransporteMaritimo, TransporteAereo o "
    "TransporteFerroviario)",
    _STANDARD + ", Mercancias",
)
PEDIMENTO_FORM = define(
    "CP210",
    Severity.ERROR,
    "$attribute '$value' is not a pedimento number of the form 'YY  AA  PPPP  NNNNNNN' (two spaces between groups)",
    "$attribute '$value' no es un número de pedimento con la forma 'AA  AD  PPPP  NNNNNNN' (dos espacios entre grupos)",
    "SAT Anexo 22, pedimento; " + _STANDARD + ", DocumentacionAduanera@NumPedimento",
)
PEDIMENTO_ADUANA = define(
    "CP211",
    Severity.ERROR,
    "$attribute '$value': aduana '$aduana' is not in catalogue c_Aduana",
    "$attribute '$value': la aduana '$aduana' no está en el catálogo c_Aduana",
    "SAT catCFDI.xsd c_Aduana; Anexo 22 apéndice 1",
)
PEDIMENTO_REQUIRED = define(
    "CP212",
    Severity.ERROR,
    "DocumentacionAduanera with TipoDocumento '01' (pedimento) must state NumPedimento",
    "DocumentacionAduanera con TipoDocumento '01' (pedimento) debe registrar NumPedimento",
    _STANDARD + ", DocumentacionAduanera@NumPedimento",
)
BAD_RFC = define(
    "CP213",
    Severity.ERROR,
    "$attribute '$value' is not a valid RFC (form, date or check digit)",
    "$attribute '$value' no es un RFC válido (estructura, fecha o dígito verificador)",
    "CFF art. 27; SAT algoritmo de la homoclave y dígito verificador",
)
GENERIC_RFC_NOT_ALLOWED = define(
    "CP214",
    Severity.ERROR,
    "$attribute cannot be the generic RFC '$value'",
    "$attribute no puede ser el RFC genérico '$value'",
    _CFDI + ", Emisor@Rfc; " + _STANDARD,
)
FOREIGN_WITHOUT_TAX_ID = define(
    "CP215",
    Severity.ERROR,
    "$attribute is the generic foreign RFC XEXX010101000, so $needed must be stated",
    "$attribute es el RFC genérico de extranjero XEXX010101000, por lo que debe registrarse $needed",
    _STANDARD + ", Ubicacion@NumRegIdTrib / @ResidenciaFiscal",
)
ARRIVAL_BEFORE_DEPARTURE = define(
    "CP216",
    Severity.ERROR,
    "Destino FechaHoraSalidaLlegada $arrival is not after the departure from Origen at $departure",
    "FechaHoraSalidaLlegada del Destino $arrival no es posterior a la salida del Origen $departure",
    _MATRIX + ", Ubicacion@FechaHoraSalidaLlegada",
)
MISSING_LOCATION_KIND = define(
    "CP217",
    Severity.ERROR,
    "Ubicaciones must hold at least one Ubicacion of TipoUbicacion '$kind'",
    "Ubicaciones debe contener al menos una Ubicacion con TipoUbicacion '$kind'",
    _STANDARD + ", Ubicaciones",
)
DOMESTIC_ABROAD = define(
    "CP219",
    Severity.ERROR,
    "TranspInternac is 'No' but the Ubicacion of type $kind is in $country: goods that enter or leave Mexico travel "
    "with TranspInternac 'Sí'",
    "TranspInternac es 'No' pero la Ubicacion de tipo $kind está en $country: las mercancías que entran o salen de "
    "México se trasladan con TranspInternac 'Sí'",
    _STANDARD + ", CartaPorte@TranspInternac (Sí when the goods enter or leave national territory) and Domicilio@Pais",
)
NOT_TRASLADO_OR_INGRESO = define(
    "CP218",
    Severity.ERROR,
    "a Carta Porte travels on a CFDI of TipoDeComprobante 'T' or 'I', not '$value'",
    "el complemento Carta Porte se integra en un CFDI de TipoDeComprobante 'T' o 'I', no '$value'",
    _STANDARD + ", uso del complemento",
)

NOT_CARRIED = define(
    "CP401",
    Severity.WARNING,
    "$what is not carried by Carta Porte 3.1 ($reason)",
    "$what no tiene lugar en Carta Porte 3.1 ($reason)",
    _STANDARD,
)
EXTENSION_NOT_CARRIED = define(
    "CP402",
    Severity.WARNING,
    "extension $key belongs to another format and is not carried by Carta Porte 3.1",
    "la extensión $key pertenece a otro formato y no tiene lugar en Carta Porte 3.1",
    _STANDARD,
)
UNSIGNED = define(
    "CP403",
    Severity.WARNING,
    "the CFDI is written unsigned (Sello and Certificado empty, NoCertificado zero, no TimbreFiscalDigital): the "
    "issuer must seal it with its CSD and a PAC must stamp it before it has fiscal effect",
    "el CFDI se escribe sin sellar (Sello y Certificado vacíos, NoCertificado en ceros, sin TimbreFiscalDigital): el "
    "emisor debe sellarlo con su CSD y un PAC debe timbrarlo antes de que tenga efectos fiscales",
    _CFDI + ", Sello, NoCertificado, Certificado; complemento TimbreFiscalDigital",
)
MISSING_REQUIRED = define(
    "CP404",
    Severity.WARNING,
    "the model holds no value for $what, which Carta Porte requires: the file will not pass SAT's validation until "
    "it is supplied",
    "el modelo no tiene valor para $what, que Carta Porte exige: el archivo no pasará la validación del SAT hasta "
    "que se registre",
    _STANDARD,
)


def not_carried(path: str, reason: str) -> Diagnostic:
    """The loss of the model field at ``path``, for ``Written.losses``."""
    return NOT_CARRIED(field=path, what=path, reason=reason)
