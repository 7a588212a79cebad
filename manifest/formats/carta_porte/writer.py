"""Writing a CFDI 4.0 with the Complemento Carta Porte 3.1 from the harmonized model.

The inverse of :mod:`.reader`: attributes kept in ``extensions`` are put back, the rest is derived from the model
fields, so reading a Carta Porte and writing it again keeps every attribute (its seal and stamp included). A CFDI
made from another format is written unsigned: sealing (Sello, NoCertificado, Certificado, with the issuer's CSD) and
stamping (the TimbreFiscalDigital, by a PAC) cannot be done by a converter. That warning (CP403) goes in
``Written.losses`` with everything the model holds that Carta Porte cannot carry, because the losses are what a
caller (``manifest convert``) must accept before it keeps the output: an unsigned CFDI has no fiscal effect yet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from lxml import etree

from manifest.diagnostics import Diagnostic
from manifest.formats.base import Written
from manifest.formats.carta_porte import extensions as ext
from manifest.formats.carta_porte import losses, messages, rail, values
from manifest.formats.carta_porte.namespaces import CFDI, CP31, SCHEMA_LOCATION, TFD, XSI, q
from manifest.formats.carta_porte.reader import (
    BILL_TYPES,
    FIGURE_ROLES,
    FOREIGN_RFC,
    NODE_OF_MODE,
    NODES,
    PEDIMENTO_TYPE,
    REFERENCE_IDCCP,
    REFERENCE_UUID,
)
from manifest.formats.carta_porte.traslado import service_concept
from manifest.model import (
    Address,
    Consignment,
    CustomsDocument,
    DocumentType,
    Equipment,
    EquipmentKind,
    GoodsItem,
    Manifest,
    Mode,
    Party,
    PartyRole,
    Place,
    PlaceScheme,
    Stop,
    TaxIdScheme,
)

_NSMAP = {"cfdi": CFDI, "cartaporte31": CP31, "xsi": XSI}
_CFDI_ORDER = ("InformacionGlobal", "CfdiRelacionados", "Emisor", "Receptor", "Conceptos", "Impuestos")
UNSIGNED_CERTIFICATE = "0" * 20  # cfdv40.xsd NoCertificado [0-9]{20}, filled by the issuer when it seals


def write(manifests: Sequence[Manifest]) -> Written:
    if not manifests:
        return Written(b"", (messages.not_carried("manifests", "there is no manifest to write"),))
    writer = _Writer(manifests[0])
    data = writer.document()
    found = list(writer.losses)
    for index in range(1, len(manifests)):
        found.append(messages.not_carried(f"manifests[{index}]", "one CFDI carries one Carta Porte"))
    found.extend(losses.of(manifests[0]))
    return Written(data, tuple(found))


class _Writer:
    def __init__(self, manifest: Manifest) -> None:
        self.m = manifest
        self.ext = dict(manifest.extensions)
        self.losses: list[Diagnostic] = []

    def _missing(self, location: str) -> None:
        self.losses.append(messages.MISSING_REQUIRED(what=location, location=location))

    def _set(self, element: Any, attribute: str, value: str | None, *, required: bool = False) -> None:
        if value is not None and value != "":
            element.set(attribute, value)
        elif required and element.get(attribute) is None:
            self._missing(f"{etree.QName(element).localname}/@{attribute}")

    def document(self) -> bytes:
        root = etree.Element(q(CFDI, "Comprobante"), nsmap=_NSMAP)
        root.set(q(XSI, "schemaLocation"), SCHEMA_LOCATION)
        root.set("Version", "4.0")
        ext.restore(root, self.ext, "cfdi")
        self._voucher(root)
        for local in _CFDI_ORDER:
            if local == "Emisor":
                self._issuer(etree.SubElement(root, q(CFDI, "Emisor")))
            elif local == "Receptor":
                self._receiver(etree.SubElement(root, q(CFDI, "Receptor")))
            else:
                for element in ext.raw_elements(self.ext, f"cfdi.xml.{local}"):
                    root.append(element)
                if local == "Conceptos" and root.find(q(CFDI, "Conceptos")) is None:
                    self._concept(etree.SubElement(root, q(CFDI, "Conceptos")))
        complemento = etree.SubElement(root, q(CFDI, "Complemento"))
        self._carta_porte(etree.SubElement(complemento, q(CP31, "CartaPorte")))
        for element in ext.raw_elements(self.ext, "cfdi.xml.Complemento"):
            complemento.append(element)
        self._stamp(complemento)
        for element in ext.raw_elements(self.ext, "cfdi.xml.Addenda"):
            root.append(element)
        etree.cleanup_namespaces(root, top_nsmap=_NSMAP, keep_ns_prefixes=["cfdi", "cartaporte31"])
        return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))

    # -- CFDI ----------------------------------------------------------------------------------------------------

    def _voucher(self, root: Any) -> None:
        # A Carta Porte issued on its own is a CFDI de traslado: no amounts, currency XXX (Anexo 20 guide).
        defaults = {"SubTotal": "0", "Moneda": "XXX", "Total": "0", "TipoDeComprobante": "T", "Exportacion": "01"}
        for attribute, value in defaults.items():
            if root.get(attribute) is None:
                root.set(attribute, value)
        if root.get("Fecha") is None and self.m.departure is not None and self.m.departure.moment is not None:
            root.set("Fecha", values.moment_text(self.m.departure.moment))
        if root.get("LugarExpedicion") is None:
            issuer = _party(self.m.parties, PartyRole.ISSUER)
            postal = issuer.address.postal_code if issuer and issuer.address else None
            self._set(root, "LugarExpedicion", postal, required=True)
        self._set(root, "Fecha", None, required=True)
        if "cfdi.Sello" not in self.ext:
            # A CFDI read and rewritten keeps its own seal state; one made from another format cannot be sealed here.
            self.losses.append(messages.UNSIGNED(location="/cfdi:Comprobante/@Sello"))
            for attribute, value in (("Sello", ""), ("NoCertificado", UNSIGNED_CERTIFICATE), ("Certificado", "")):
                if root.get(attribute) is None:
                    root.set(attribute, value)

    def _issuer(self, element: Any) -> None:
        party = _party(self.m.parties, PartyRole.ISSUER)
        self._set(element, "Rfc", _tax_id(party, TaxIdScheme.RFC), required=True)
        self._set(element, "Nombre", party.name if party else None, required=True)
        if party is not None:
            ext.restore(element, party.extensions, "cfdi.Emisor")
        self._set(element, "RegimenFiscal", None, required=True)

    def _receiver(self, element: Any) -> None:
        party = _party(self.m.parties, PartyRole.RECEIVER)
        foreign = _foreign(party)
        rfc = _tax_id(party, TaxIdScheme.RFC) or (FOREIGN_RFC if foreign else None)
        self._set(element, "Rfc", rfc, required=True)
        self._set(element, "Nombre", party.name if party else None, required=True)
        postal = party.address.postal_code if party and party.address else None
        self._set(element, "DomicilioFiscalReceptor", postal, required=True)
        if foreign is not None:
            element.set("ResidenciaFiscal", values.alpha3(foreign.country) or "")
            element.set("NumRegIdTrib", foreign.value)
        if party is not None:
            ext.restore(element, party.extensions, "cfdi.Receptor")
        self._set(element, "RegimenFiscalReceptor", None, required=True)
        self._set(element, "UsoCFDI", None, required=True)

    def _concept(self, conceptos: Any) -> None:
        etree.SubElement(conceptos, q(CFDI, "Concepto"), service_concept(self.m.mode))

    def _stamp(self, complemento: Any) -> None:
        uuid = next((r.value for r in self.m.references if r.kind == REFERENCE_UUID), None)
        if uuid is None and not any(key.startswith("tfd.") for key in self.ext):
            return
        stamp = etree.SubElement(complemento, q(TFD, "TimbreFiscalDigital"), nsmap={"tfd": TFD})
        ext.restore(stamp, self.ext, "tfd")
        if uuid is not None:
            stamp.set("UUID", uuid)

    # -- Carta Porte ---------------------------------------------------------------------------------------------

    def _carta_porte(self, cp: Any) -> None:
        m = self.m
        cp.set("Version", "3.1")
        self._set(cp, "IdCCP", next((r.value for r in m.references if r.kind == REFERENCE_IDCCP), None), required=True)
        flow, other = None, None
        if m.country_from == "MX" and m.country_to and m.country_to != "MX":
            flow, other = "Salida", m.country_to
        elif m.country_to == "MX" and m.country_from and m.country_from != "MX":
            flow, other = "Entrada", m.country_from
        if flow is not None:
            cp.set("TranspInternac", "Sí")
            cp.set("EntradaSalidaMerc", flow)
            self._set(cp, "PaisOrigenDestino", values.alpha3(other))
            if not any(key.startswith("cartaporte.") for key in self.ext):
                # From another format: the crossing is made by the manifest's mode. A Carta Porte read keeps its own.
                cp.set("ViaEntradaSalida", NODE_OF_MODE[m.mode][0])
        else:
            cp.set("TranspInternac", "No")
        ext.restore(cp, self.ext, "cartaporte")
        regimes = ext.restore_numbered(self.ext, "cartaporte.RegimenAduaneroCCP")
        if regimes:
            holder = etree.SubElement(cp, q(CP31, "RegimenesAduaneros"))
            for attributes in regimes:
                etree.SubElement(holder, q(CP31, "RegimenAduaneroCCP"), attributes)
        self._locations(etree.SubElement(cp, q(CP31, "Ubicaciones")))
        self._goods(etree.SubElement(cp, q(CP31, "Mercancias")))
        figures = [
            p
            for p in m.parties
            if p.role in FIGURE_ROLES.values() or "cartaporte.TiposFigura.TipoFigura" in p.extensions
        ]
        if figures:
            holder = etree.SubElement(cp, q(CP31, "FiguraTransporte"))
            for party in figures:
                self._figure(etree.SubElement(holder, q(CP31, "TiposFigura")), party)

    def _locations(self, holder: Any) -> None:
        m = self.m
        first = m.consignments[0] if m.consignments else None
        # An Ubicacion is the sender's or the recipient's place: without a departure (or arrival) in the model, the
        # shipper's (or consignee's) own address is that place.
        shipper = first.party(PartyRole.SHIPPER) if first else None
        consignee = first.party(PartyRole.CONSIGNEE) if first else None
        departure = m.departure or (Stop(place=Place()) if shipper else None)
        arrival = m.arrival or (Stop(place=Place()) if consignee else None)
        if departure is not None:
            self._location(holder, departure, "Origen", shipper)
        for stop in m.stops:
            self._location(holder, stop, None, None)
        if arrival is not None:
            self._location(holder, arrival, "Destino", consignee)
        if len(holder) < 2:
            self._missing("Ubicaciones/Ubicacion (an Origen and a Destino)")

    def _location(self, holder: Any, stop: Stop, kind: str | None, party: Party | None) -> None:
        element = etree.SubElement(holder, q(CP31, "Ubicacion"))
        if kind is not None:
            element.set("TipoUbicacion", kind)
        place = stop.place
        if place.code and place.scheme == PlaceScheme.SAT_STATION:
            element.set("NumEstacion", place.code)
        elif place.code and place.scheme == PlaceScheme.SAT_LOCATION_ID:
            element.set("IDUbicacion", place.code)
        self._set(element, "NombreEstacion", place.name)
        if party is not None:
            foreign = _foreign(party)
            rfc = _tax_id(party, TaxIdScheme.RFC) or (FOREIGN_RFC if foreign else None)
            self._set(element, "RFCRemitenteDestinatario", rfc)
            self._set(element, "NombreRemitenteDestinatario", party.name)
            if foreign is not None:
                element.set("NumRegIdTrib", foreign.value)
                self._set(element, "ResidenciaFiscal", values.alpha3(foreign.country))
        if stop.moment is not None:
            element.set("FechaHoraSalidaLlegada", values.moment_text(stop.moment))
        if stop.distance_km is not None:
            element.set("DistanciaRecorrida", values.text(stop.distance_km))
        ext.restore(element, stop.extensions, "cartaporte.Ubicacion")
        for attribute in ("TipoUbicacion", "RFCRemitenteDestinatario", "FechaHoraSalidaLlegada"):
            self._set(element, attribute, None, required=True)
        address = place.address or (party.address if party is not None else None)
        if address is not None:
            self._address(etree.SubElement(element, q(CP31, "Domicilio")), address)

    def _address(self, element: Any, address: Address) -> None:
        for attribute, value in (
            ("Calle", address.street),
            ("NumeroExterior", address.number),
            ("Colonia", address.district),
            ("Localidad", address.city),
            ("Municipio", address.municipality),
            ("Estado", address.subdivision),
            ("Pais", values.alpha3(address.country)),
            ("CodigoPostal", address.postal_code),
        ):
            self._set(element, attribute, value)
        ext.restore(element, address.extensions, "cartaporte.Domicilio")
        for attribute in ("Estado", "Pais", "CodigoPostal"):
            self._set(element, attribute, None, required=True)

    def _figure(self, element: Any, party: Party) -> None:
        code = next((code for code, role in FIGURE_ROLES.items() if role == party.role), None)
        self._set(element, "TipoFigura", code)
        self._set(element, "RFCFigura", _tax_id(party, TaxIdScheme.RFC))
        self._set(element, "NombreFigura", party.name, required=True)
        foreign = _foreign(party)
        if foreign is not None:
            element.set("NumRegIdTribFigura", foreign.value)
            self._set(element, "ResidenciaFiscalFigura", values.alpha3(foreign.country))
        ext.restore(element, party.extensions, "cartaporte.TiposFigura")
        self._set(element, "TipoFigura", None, required=True)
        for attributes in ext.restore_numbered(party.extensions, "cartaporte.PartesTransporte"):
            etree.SubElement(element, q(CP31, "PartesTransporte"), attributes)
        if party.address is not None:
            self._address(etree.SubElement(element, q(CP31, "Domicilio")), party.address)

    # -- Mercancias ------------------------------------------------------------------------------------------------

    def _goods(self, holder: Any) -> None:
        items = [item for c in self.m.consignments for item in c.goods]
        weights = [values.in_kilograms(i.gross_weight) for i in items if i.gross_weight is not None]
        holder.set("PesoBrutoTotal", values.text(sum((w for w in weights if w is not None), Decimal(0))))
        holder.set("UnidadPeso", "KGM")
        holder.set("NumTotalMercancias", str(len(items)))
        ext.restore(holder, self.ext, "cartaporte.Mercancias")
        for consignment in self.m.consignments:
            for item in consignment.goods:
                self._item(etree.SubElement(holder, q(CP31, "Mercancia")), item, consignment)
        if not items:
            self._missing("Mercancias/Mercancia")
        nodes: dict[str, Any] = {}
        for code, (node, mode) in NODES.items():
            kept = ext.raw_elements(self.ext, f"cartaporte.xml.{node}")
            if kept:
                nodes[code] = kept[0]
            elif mode == self.m.mode:
                nodes[code] = self._transport(mode)
        for code in sorted(nodes):
            holder.append(nodes[code])

    def _item(self, element: Any, item: GoodsItem, consignment: Consignment) -> None:
        self._set(element, "BienesTransp", item.sat_product_key, required=True)
        self._set(element, "ClaveSTCC", item.stcc)
        self._set(element, "Descripcion", item.description, required=True)
        if item.quantity is not None:
            element.set("Cantidad", values.text(item.quantity.value))
            self._set(element, "ClaveUnidad", item.quantity.unit)
        elif item.packages is not None and "cartaporte.DetalleMercancia.PesoBruto" not in item.extensions:
            element.set("Cantidad", str(item.packages.count))
            # UN/ECE Recommendation 21 package codes appear in c_ClaveUnidad with an "X" prefix (XBX box).
            kind = item.packages.kind
            element.set("ClaveUnidad", f"X{kind}" if kind and len(kind) == 2 else "H87")
        hazardous = item.hazardous[0] if item.hazardous else None
        if hazardous is not None:
            element.set("MaterialPeligroso", "Sí")
            self._set(element, "CveMaterialPeligroso", hazardous.un_number)
        weight = values.in_kilograms(item.gross_weight) if item.gross_weight else None
        if weight is None and consignment.gross_weight is not None and len(consignment.goods) == 1:
            weight = values.in_kilograms(consignment.gross_weight)
        self._set(element, "PesoEnKg", values.text(weight) if weight is not None else None)
        if item.value is not None:
            element.set("ValorMercancia", values.text(item.value.amount))
            element.set("Moneda", item.value.currency)
        fraccion = next((t.code for t in item.tariff_codes if t.scheme == "mx-fraccion"), None)
        self._set(element, "FraccionArancelaria", fraccion)
        ext.restore(element, item.extensions, "cartaporte.Mercancia")
        for attribute in ("Cantidad", "ClaveUnidad", "PesoEnKg"):
            self._set(element, attribute, None, required=True)
        for document in item.customs_documents:
            self._customs_document(etree.SubElement(element, q(CP31, "DocumentacionAduanera")), document)
        for name in ("GuiasIdentificacion", "CantidadTransporta"):
            for attributes in ext.restore_numbered(item.extensions, f"cartaporte.{name}"):
                etree.SubElement(element, q(CP31, name), attributes)
        detail = {k: v for k, v in item.extensions.items() if k.startswith("cartaporte.DetalleMercancia.")}
        if detail or item.net_weight is not None:
            node = etree.SubElement(element, q(CP31, "DetalleMercancia"))
            if item.net_weight is not None:
                node.set("UnidadPesoMerc", item.net_weight.unit)
            ext.restore(node, item.extensions, "cartaporte.DetalleMercancia")
            if item.net_weight is not None:
                node.set("PesoNeto", values.text(item.net_weight.value))
            if item.packages is not None:
                node.set("NumPiezas", str(item.packages.count))
            for attribute in ("PesoBruto", "PesoTara"):
                self._set(node, attribute, None, required=True)

    def _customs_document(self, element: Any, document: CustomsDocument) -> None:
        if document.kind == "pedimento":
            element.set("TipoDocumento", PEDIMENTO_TYPE)
            number = values.pedimento(document.number) if document.number else None
            self._set(element, "NumPedimento", number or document.number)
        else:
            element.set("TipoDocumento", document.kind)
            self._set(element, "IdentDocAduanero", document.number)
        if document.importer_tax_id is not None and document.importer_tax_id.scheme == TaxIdScheme.RFC:
            element.set("RFCImpo", document.importer_tax_id.value)
        ext.restore(element, document.extensions, "cartaporte.DocumentacionAduanera")

    # -- transport nodes -------------------------------------------------------------------------------------------

    def _transport(self, mode: Mode) -> Any:
        if mode == Mode.RAIL:
            return self._rail()
        if mode == Mode.MARITIME:
            return self._maritime()
        if mode == Mode.AIR:
            return self._air()
        return self._road()

    def _conveyance_extensions(self) -> dict[str, str]:
        return dict(self.m.conveyance.extensions) if self.m.conveyance else {}

    def _rail(self) -> Any:
        kept = self._conveyance_extensions()
        node = etree.Element(q(CP31, "TransporteFerroviario"))
        ext.restore(node, kept, "cartaporte.TransporteFerroviario")
        for attribute in ("TipoDeServicio", "TipoDeTrafico"):
            self._set(node, attribute, None, required=True)
        for attributes in ext.restore_numbered(kept, "cartaporte.DerechosDePaso"):
            etree.SubElement(node, q(CP31, "DerechosDePaso"), attributes)
        cars: list[tuple[int, int, Any]] = []
        for consignment in self.m.consignments:
            car: Any = None
            for equipment in consignment.equipment:
                if equipment.kind == EquipmentKind.CONTAINER and car is not None:
                    self._rail_container(etree.SubElement(car, q(CP31, "Contenedor")), equipment)
                elif equipment.kind != EquipmentKind.CONTAINER:
                    car = etree.Element(q(CP31, "Carro"))
                    self._car(car, equipment, consignment)
                    order = equipment.extensions.get("cartaporte.Carro.orden", "")
                    cars.append((int(order) if order.isdigit() else len(cars) + 1, len(cars), car))
        for _, _, car in sorted(cars, key=lambda entry: (entry[0], entry[1])):
            node.append(car)
        if not cars:
            self._missing("TransporteFerroviario/Carro")
        return node

    def _car(self, element: Any, equipment: Equipment, consignment: Consignment) -> None:
        self._set(element, "TipoCarro", _type_code(equipment, "c_TipoCarro"), required=True)
        written = (
            equipment.extensions.get("cartaporte.Carro.MatriculaCarro")
            or f"{equipment.initial or ''}{equipment.number}"
        )
        element.set("MatriculaCarro", written)
        element.set("GuiaCarro", consignment.document_number)
        tonnes = rail.car_tonnes(equipment, consignment)
        self._set(element, "ToneladasNetasCarro", values.text(tonnes) if tonnes is not None else None, required=True)
        ext.restore(
            element,
            {k: v for k, v in equipment.extensions.items() if k != "cartaporte.Carro.orden"},
            "cartaporte.Carro",
        )

    def _rail_container(self, element: Any, equipment: Equipment) -> None:
        self._set(element, "TipoContenedor", _type_code(equipment, "c_Contenedor"), required=True)
        for attribute, weight in (
            ("PesoContenedorVacio", equipment.tare_weight),
            ("PesoNetoMercancia", equipment.net_weight),
        ):
            kilograms = values.in_kilograms(weight) if weight is not None else None
            self._set(element, attribute, values.text(kilograms) if kilograms is not None else None, required=True)
        ext.restore(element, equipment.extensions, "cartaporte.Contenedor")

    def _maritime(self) -> Any:
        m = self.m
        conveyance = m.conveyance
        node = etree.Element(q(CP31, "TransporteMaritimo"))
        if conveyance is not None:
            self._set(node, "TipoEmbarcacion", conveyance.type_code)
            self._set(node, "NumeroOMI", f"IMO{conveyance.imo_number}" if conveyance.imo_number else None)
            self._set(node, "NombreEmbarc", conveyance.name)
            self._set(node, "NacionalidadEmbarc", values.alpha3(conveyance.flag))
        self._set(node, "LineaNaviera", m.carrier.name if m.carrier else None)
        self._set(node, "NumViaje", m.trip_number)
        bill = next((c for c in m.consignments if c.document_type in BILL_TYPES), None)
        if bill is not None:
            node.set("NumConocEmbarc", bill.document_number)
        ext.restore(node, self._conveyance_extensions(), "cartaporte.TransporteMaritimo")
        for attribute in (
            "TipoEmbarcacion",
            "Matricula",
            "NumeroOMI",
            "NacionalidadEmbarc",
            "UnidadesDeArqBruto",
            "TipoCarga",
            "NombreAgenteNaviero",
            "NumAutorizacionNaviero",
        ):
            self._set(node, attribute, None, required=True)
        # Carta Porte 3.0 held RemolquesCCP beside the containers; 3.1 holds them in a Contenedor, the first one here.
        trailers = ext.restore_numbered(self._conveyance_extensions(), "cartaporte30.RemolqueCCP")
        for consignment in m.consignments:
            for equipment in consignment.equipment:
                if equipment.kind == EquipmentKind.CONTAINER:
                    container = etree.SubElement(node, q(CP31, "Contenedor"))
                    self._sea_container(container, equipment)
                    if trailers and container.find(q(CP31, "RemolquesCCP")) is None:
                        holder = etree.SubElement(container, q(CP31, "RemolquesCCP"))
                        for attributes in trailers:
                            etree.SubElement(holder, q(CP31, "RemolqueCCP"), attributes)
                        trailers = []
        return node

    def _sea_container(self, element: Any, equipment: Equipment) -> None:
        self._set(element, "TipoContenedor", _type_code(equipment, "c_ContenedorMaritimo"), required=True)
        self._set(element, "MatriculaContenedor", f"{equipment.initial or ''}{equipment.number}")
        if equipment.seals:
            element.set("NumPrecinto", equipment.seals[0].number)
        ext.restore(element, equipment.extensions, "cartaporte.Contenedor")
        trailers = ext.restore_numbered(equipment.extensions, "cartaporte.RemolqueCCP")
        if trailers:
            holder = etree.SubElement(element, q(CP31, "RemolquesCCP"))
            for attributes in trailers:
                etree.SubElement(holder, q(CP31, "RemolqueCCP"), attributes)

    def _air(self) -> Any:
        m = self.m
        node = etree.Element(q(CP31, "TransporteAereo"))
        if m.conveyance is not None:
            self._set(node, "MatriculaAeronave", m.conveyance.aircraft_registration)
        waybill = next((c for c in m.consignments if c.document_type == DocumentType.AIR_WAYBILL), None)
        if waybill is not None:
            node.set("NumeroGuia", waybill.document_number)
        self._set(node, "CodigoTransportista", m.carrier.sat_air_code if m.carrier else None)
        ext.restore(node, self._conveyance_extensions(), "cartaporte.TransporteAereo")
        for attribute in ("PermSCT", "NumPermisoSCT", "NumeroGuia", "CodigoTransportista"):
            self._set(node, attribute, None, required=True)
        return node

    def _road(self) -> Any:
        m = self.m
        kept = self._conveyance_extensions()
        node = etree.Element(q(CP31, "Autotransporte"))
        ext.restore(node, kept, "cartaporte.Autotransporte")
        vehicle = etree.SubElement(node, q(CP31, "IdentificacionVehicular"))
        if m.conveyance is not None:
            self._set(vehicle, "ConfigVehicular", m.conveyance.type_code)
            self._set(vehicle, "PlacaVM", m.conveyance.vehicle_plate)
        ext.restore(vehicle, kept, "cartaporte.IdentificacionVehicular")
        insurance = etree.SubElement(node, q(CP31, "Seguros"))
        ext.restore(insurance, kept, "cartaporte.Seguros")
        for element, attributes in (
            (node, ("PermSCT", "NumPermisoSCT")),
            (vehicle, ("ConfigVehicular", "PesoBrutoVehicular", "PlacaVM", "AnioModeloVM")),
            (insurance, ("AseguraRespCivil", "PolizaRespCivil")),
        ):
            for attribute in attributes:
                self._set(element, attribute, None, required=True)
        trailers = [e for e in m.equipment if e.kind == EquipmentKind.TRAILER]
        if trailers:
            holder = etree.SubElement(node, q(CP31, "Remolques"))
            for equipment in trailers:
                trailer = etree.SubElement(holder, q(CP31, "Remolque"))
                self._set(trailer, "SubTipoRem", _type_code(equipment, "c_SubTipoRem"), required=True)
                trailer.set("Placa", equipment.number)
                ext.restore(trailer, equipment.extensions, "cartaporte.Remolque")
        return node


def _party(parties: Iterable[Party], role: PartyRole) -> Party | None:
    return next((p for p in parties if p.role == role), None)


def _tax_id(party: Party | None, scheme: TaxIdScheme) -> str | None:
    if party is None:
        return None
    return next((t.value for t in party.tax_ids if t.scheme == scheme), None)


def _foreign(party: Party | None) -> Any:
    if party is None:
        return None
    return next((t for t in party.tax_ids if t.scheme == TaxIdScheme.FOREIGN), None)


def _type_code(equipment: Equipment, catalogue: str) -> str | None:
    return next((r.value for r in equipment.type_codes if r.kind == catalogue), None)
