"""Writing a CFDI 4.0 with the Complemento Carta Porte 3.1 from the harmonized model.

The inverse of :mod:`.reader`: attributes kept in ``extensions`` are put back, the rest is derived from the model
fields, so reading a Carta Porte and writing it again keeps every attribute (its seal and stamp included). A CFDI
made from another format is written unsigned: sealing (Sello, NoCertificado, Certificado, with the issuer's CSD) and
stamping (the TimbreFiscalDigital, by a PAC) cannot be done by a converter. That warning (CP403) goes in
``Written.notes``: no model value is left behind, but an unsigned CFDI has no fiscal effect until it is sealed. So
does CP404, one per value SAT requires that the model lacks (an issuer's RFC from a 309, say), located by the XPath
a validator of the written file reports it at and naming the model field that would hold it: the file says what
must be supplied before filing, as X12403 does for a 309.

What SAT requires is derived from the facts the model holds, never invented: the border crossing from the countries
of the Ubicaciones (:mod:`.crossing`), c_Estado and c_Pais codes through the code lists' crosswalks (a state they
cannot spell is a loss), IDUbicacion from each Ubicacion's place in Ubicaciones.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from lxml import etree

from manifest import codelists
from manifest.formats.base import Written
from manifest.formats.carta_porte import crossing, losses, messages, road, values
from manifest.formats.carta_porte import extensions as ext
from manifest.formats.carta_porte.namespaces import CFDI, CP31, SCHEMA_LOCATION, TFD, XSI, q
from manifest.formats.carta_porte.sat import (
    FIGURE_ROLES,
    FOREIGN_RFC,
    LOCATION_ID_PREFIX,
    NODE_OF_MODE,
    NODES,
    PEDIMENTO_TYPE,
    REFERENCE_IDCCP,
    REFERENCE_UUID,
    issuer_is_carrier,
)
from manifest.formats.carta_porte.traslado import service_concept
from manifest.formats.carta_porte.write_transport import TransportWriter
from manifest.formats.xmlchars import xml_ready
from manifest.model import (
    Address,
    Consignment,
    CrewMember,
    CustomsDocument,
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


@dataclass(frozen=True, slots=True)
class PlannedLocation:
    """An Ubicacion to write: the stop, its TipoUbicacion (None for a stop between), the model path of the stop,
    and the sender or recipient whose address stands in for a place without one."""

    stop: Stop
    kind: str | None
    path: str
    party: Party | None
    party_path: str | None

    @property
    def country(self) -> str | None:
        """The country of the Domicilio written for this Ubicacion, else of its place."""
        place = self.stop.place
        address = place.address or (self.party.address if self.party is not None else None)
        return (address.country if address is not None else None) or place.country


def write(manifests: Sequence[Manifest]) -> Written:
    if not manifests:
        return Written(b"", (messages.not_carried("manifests", "there is no manifest to write"),))
    carried, found = xml_ready(manifests[:1])
    writer = _Writer(carried[0])
    data = writer.document()
    found.extend(writer.losses)
    for index in range(1, len(manifests)):
        found.append(messages.not_carried(f"manifests[{index}]", "one CFDI carries one Carta Porte"))
    found.extend(losses.of(manifests[0]))
    return Written(data, tuple(found), tuple(writer.notes))


class _Writer(TransportWriter):
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
        self.notes.extend(self.gap_notes(root))
        return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True))

    # -- CFDI ----------------------------------------------------------------------------------------------------

    def _voucher(self, root: Any) -> None:
        # A Carta Porte issued on its own is a CFDI de traslado: no amounts, currency XXX (Anexo 20 guide).
        defaults = {"SubTotal": "0", "Moneda": "XXX", "Total": "0", "TipoDeComprobante": "T", "Exportacion": "01"}
        for attribute, value in defaults.items():
            if root.get(attribute) is None:
                root.set(attribute, value)
        moment = self.m.departure.moment if self.m.departure is not None else None
        if root.get("Fecha") is None and moment is not None:
            # CFDI 4.0 t_FechaH: the pattern takes the years 2010 to 2099 only; another year is a loss, and the
            # Fecha left out is noted below.
            if 2010 <= moment.year <= 2099:
                root.set("Fecha", values.moment_text(moment))
            else:
                self.losses.append(messages.not_carried("departure.moment", "CFDI Fecha takes the years 2010 to 2099"))
        if root.get("LugarExpedicion") is None:
            issuer = _party(self.m.parties, PartyRole.ISSUER)
            postal = issuer.address.postal_code if issuer and issuer.address else None
            self._set(
                root, "LugarExpedicion", postal, required=True, field=self._party_path(PartyRole.ISSUER, "address")
            )
        self._set(root, "Fecha", None, required=True, field="departure.moment")
        if "cfdi.Sello" not in self.ext:
            # A CFDI read and rewritten keeps its own seal state; one made from another format cannot be sealed here.
            self.notes.append(messages.UNSIGNED(location="/cfdi:Comprobante/@Sello"))
            for attribute, value in (("Sello", ""), ("NoCertificado", UNSIGNED_CERTIFICATE), ("Certificado", "")):
                if root.get(attribute) is None:
                    root.set(attribute, value)

    def _issuer(self, element: Any) -> None:
        party = _party(self.m.parties, PartyRole.ISSUER)
        rfc, name = _tax_id(party, TaxIdScheme.RFC), party.name if party else None
        carrier = self.m.carrier
        if carrier is not None and carrier.tax_id is not None and issuer_is_carrier(self.m):
            # The carrier issues the CFDI (Carta Porte 3.1 standard): the model may hold the issuer's RFC as the
            # carrier's tax id rather than as an issuer party's (SAT-CP-001).
            rfc, name = carrier.tax_id.value, name or carrier.name
        self._set(element, "Rfc", rfc, required=True, field="carrier.tax_id")
        self._set(element, "Nombre", name, required=True)
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
        if party is not None and foreign is not None:
            where = f"{self._party_path(PartyRole.RECEIVER, 'tax_ids')}[{party.tax_ids.index(foreign)}].country"
            self._set(element, "ResidenciaFiscal", self._pais(foreign.country, where))
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
        planned = self._planned_locations()
        self._crossing(cp, planned)
        ext.restore(cp, self.ext, "cartaporte")
        self._set(cp, "TranspInternac", None, required=True, field="country_to")
        self.international = cp.get("TranspInternac") == "Sí"
        regimes = ext.restore_numbered(self.ext, "cartaporte.RegimenAduaneroCCP")
        if regimes:
            holder = etree.SubElement(cp, q(CP31, "RegimenesAduaneros"))
            for attributes in regimes:
                etree.SubElement(holder, q(CP31, "RegimenAduaneroCCP"), attributes)
        if self.international:
            # Carta Porte 3.1 standard, CartaPorte@TranspInternac "Sí": RegimenesAduaneros names the customs regime
            # (c_RegimenAduanero) of the crossing, which none of the manifests the model is read from states.
            self._missing(cp, "RegimenesAduaneros")
        self._locations(etree.SubElement(cp, q(CP31, "Ubicaciones")), planned)
        if m.mode == Mode.ROAD:
            # Carta Porte 3.1 standard, CartaPorte@TotalDistRec: required with Autotransporte. The trip's total is a
            # datum the model does not hold (a Carta Porte read keeps its own).
            self._set(cp, "TotalDistRec", None, required=True)
        self._goods(etree.SubElement(cp, q(CP31, "Mercancias")))
        figures = [
            p
            for p in m.parties
            if p.role in FIGURE_ROLES.values() or "cartaporte.TiposFigura.TipoFigura" in p.extensions
        ]
        drivers = [(i, c) for i, c in enumerate(m.crew) if c.role in road.DRIVING] if m.mode == Mode.ROAD else []
        if figures or drivers:
            holder = etree.SubElement(cp, q(CP31, "FiguraTransporte"))
            for index, member in drivers:
                self._driver(etree.SubElement(holder, q(CP31, "TiposFigura")), member, f"crew[{index}]")
            for party in figures:
                index = m.parties.index(party)
                self._figure(etree.SubElement(holder, q(CP31, "TiposFigura")), party, f"parties[{index}]")

    def _from_carta_porte(self) -> bool:
        """Whether the manifest was read from a Carta Porte, whose own attributes are restored from extensions."""
        return any(key.startswith("cartaporte.") for key in self.ext)

    def _crossing(self, cp: Any, planned: Sequence[PlannedLocation]) -> None:
        """TranspInternac and, for an international movement, EntradaSalidaMerc, PaisOrigenDestino and
        ViaEntradaSalida, from the countries the goods leave and reach (see :func:`.crossing.derive`)."""
        m = self.m
        origin = next((p for p in planned if p.kind == "Origen"), None)
        destination = next((p for p in planned if p.kind == "Destino"), None)
        found = crossing.derive(
            m.country_from or (origin.country if origin else None),
            m.country_to or (destination.country if destination else None),
        )
        if found.international is None:
            if self._from_carta_porte():
                # The reader keeps TranspInternac only when it is not the plain "No" with nothing beside it.
                cp.set("TranspInternac", "No")
            return
        cp.set("TranspInternac", "Sí" if found.international else "No")
        if not found.international:
            return
        field = "country_to" if found.flow == "Salida" else "country_from"
        self._set(cp, "EntradaSalidaMerc", found.flow, required=True, field="direction")
        self._set(cp, "PaisOrigenDestino", found.country, required=True, field=field)
        if not self._from_carta_porte():
            # c_CveTransporte of the manifest's own mode (01 autotransporte, 02 marítimo, 03 aéreo, 04 ferroviario):
            # the conveyance it describes is the one that crosses. A Carta Porte read keeps its own.
            cp.set("ViaEntradaSalida", NODE_OF_MODE[m.mode][0])

    def _planned_locations(self) -> list[PlannedLocation]:
        m = self.m
        first = m.consignments[0] if m.consignments else None
        # An Ubicacion is the sender's or the recipient's place: without a departure (or arrival) in the model, the
        # shipper's (or consignee's) own address is that place.
        planned: list[PlannedLocation] = []
        shipper = first.party(PartyRole.SHIPPER) if first else None
        consignee = first.party(PartyRole.CONSIGNEE) if first else None
        departure = m.departure or (Stop(place=Place()) if shipper else None)
        arrival = m.arrival or (Stop(place=Place()) if consignee else None)
        if departure is not None:
            planned.append(PlannedLocation(departure, "Origen", "departure", shipper, self._consignor_path(shipper)))
        for index, stop in enumerate(m.stops):
            planned.append(PlannedLocation(stop, None, f"stops[{index}]", None, None))
        if arrival is not None:
            planned.append(PlannedLocation(arrival, "Destino", "arrival", consignee, self._consignor_path(consignee)))
        return planned

    def _consignor_path(self, party: Party | None) -> str | None:
        first = self.m.consignments[0] if self.m.consignments else None
        if party is None or first is None:
            return None
        return f"consignments[0].parties[{first.parties.index(party)}]"

    def _party_path(self, role: PartyRole, name: str) -> str | None:
        index = next((i for i, p in enumerate(self.m.parties) if p.role == role), None)
        return None if index is None else f"parties[{index}].{name}"

    def _locations(self, holder: Any, planned: Sequence[PlannedLocation]) -> None:
        for position, location in enumerate(planned, start=1):
            self._location(etree.SubElement(holder, q(CP31, "Ubicacion")), location, position)
        # CartaPorte31.xsd Ubicaciones: at least two Ubicacion, an Origen and a Destino (CP217).
        if not any(p.kind == "Origen" for p in planned):
            self._missing(holder, "Ubicacion", "departure", checked=False)
        if not any(p.kind == "Destino" for p in planned):
            self._missing(holder, "Ubicacion", "arrival", checked=False)

    def _location(self, element: Any, planned: PlannedLocation, position: int) -> None:
        stop, party, path = planned.stop, planned.party, planned.path
        if planned.kind is not None:
            element.set("TipoUbicacion", planned.kind)
        place = stop.place
        if place.code and place.scheme == PlaceScheme.SAT_STATION:
            element.set("NumEstacion", place.code)
        elif place.code and place.scheme == PlaceScheme.SAT_LOCATION_ID:
            element.set("IDUbicacion", place.code)
        self._set(element, "NombreEstacion", place.name, field=f"{path}.place.name")
        if party is not None:
            foreign = _foreign(party)
            rfc = _tax_id(party, TaxIdScheme.RFC) or (FOREIGN_RFC if foreign else None)
            self._set(element, "RFCRemitenteDestinatario", rfc, required=True, field=f"{planned.party_path}.tax_ids")
            self._set(element, "NombreRemitenteDestinatario", party.name, field=f"{planned.party_path}.name")
            if foreign is not None:
                element.set("NumRegIdTrib", foreign.value)
                where = f"{planned.party_path}.tax_ids[{party.tax_ids.index(foreign)}].country"
                self._set(element, "ResidenciaFiscal", self._pais(foreign.country, where))
        if stop.moment is not None:
            element.set("FechaHoraSalidaLlegada", values.moment_text(stop.moment))
        if stop.distance_km is not None:
            self._set(element, "DistanciaRecorrida", values.text(stop.distance_km), field=f"{path}.distance_km")
        ext.restore(element, stop.extensions, "cartaporte.Ubicacion")
        kind = element.get("TipoUbicacion")
        if element.get("IDUbicacion") is None and kind in LOCATION_ID_PREFIX and not self._from_carta_porte():
            # CartaPorte31.xsd Ubicacion@IDUbicacion (OR|DE)[0-9]{6}: OR for an Origen, DE for a Destino; numbered by
            # the Ubicacion's place in Ubicaciones, so every one is distinct and the same manifest gives the same ids.
            element.set("IDUbicacion", f"{LOCATION_ID_PREFIX[kind]}{position:06d}")
        self._set(element, "TipoUbicacion", None, required=True, field=path)
        self._set(element, "RFCRemitenteDestinatario", None, required=True, field=path)
        self._set(element, "FechaHoraSalidaLlegada", None, required=True, field=f"{path}.moment")
        if self.m.mode == Mode.ROAD and element.get("TipoUbicacion") == "Destino":
            # Carta Porte 3.1 standard, Ubicacion@DistanciaRecorrida: required of a Destino reached by Autotransporte,
            # the kilometres from the previous Ubicacion. Written only where the model knows it.
            self._set(element, "DistanciaRecorrida", None, required=True, field=f"{path}.distance_km")
        if place.address is not None:
            self._address(etree.SubElement(element, q(CP31, "Domicilio")), place.address, f"{path}.place.address")
        elif party is not None and party.address is not None:
            self._address(
                etree.SubElement(element, q(CP31, "Domicilio")), party.address, f"{planned.party_path}.address"
            )

    def _address(self, element: Any, address: Address, path: str) -> None:
        country = self._pais(address.country, f"{path}.country")
        for attribute, value, name in (
            ("Calle", address.street, "street"),
            ("NumeroExterior", address.number, "number"),
            ("Colonia", address.district, "district"),
            ("Localidad", address.city, "city"),
            ("Municipio", address.municipality, "municipality"),
            ("Estado", self._state(address, path), "subdivision"),
            ("Pais", country, "country"),
            ("CodigoPostal", address.postal_code, "postal_code"),
        ):
            self._set(element, attribute, value, field=f"{path}.{name}")
        ext.restore(element, address.extensions, "cartaporte.Domicilio")
        for attribute, name in (("Estado", "subdivision"), ("Pais", "country"), ("CodigoPostal", "postal_code")):
            self._set(element, attribute, None, required=True, field=f"{path}.{name}")

    def _state(self, address: Address, path: str) -> str | None:
        """Domicilio@Estado: the c_Estado code (catCFDI) of a state of Mexico, the US or Canada, through the
        subdivision crosswalk (NL -> NLE); elsewhere Estado is free text (CartaPorte31.xsd: 1 to 30 characters
        without '|'). A state the crosswalk cannot name in c_Estado is a loss, never copied as it came."""
        spelled = address.subdivision
        if not spelled:
            return None
        country = codelists.country_alpha2(address.country) if address.country else None
        if country is not None and country not in codelists.SAT_STATE_COUNTRIES:
            return spelled
        code = codelists.sat_state(country, spelled) if country is not None else None
        if code is None:
            reason = f"c_Estado has no code for '{spelled}'" + (f" in {country}" if country else " without a country")
            self.losses.append(messages.not_carried(f"{path}.subdivision", reason))
        return code

    def _figure(self, element: Any, party: Party, path: str) -> None:
        code = next((code for code, role in FIGURE_ROLES.items() if role == party.role), None)
        self._set(element, "TipoFigura", code)
        self._set(element, "RFCFigura", _tax_id(party, TaxIdScheme.RFC))
        self._set(element, "NombreFigura", party.name, required=True)
        foreign = _foreign(party)
        if foreign is not None:
            element.set("NumRegIdTribFigura", foreign.value)
            where = f"{path}.tax_ids[{party.tax_ids.index(foreign)}].country"
            self._set(element, "ResidenciaFiscalFigura", self._pais(foreign.country, where))
        ext.restore(element, party.extensions, "cartaporte.TiposFigura")
        self._set(element, "TipoFigura", None, required=True)
        for attributes in ext.restore_numbered(party.extensions, "cartaporte.PartesTransporte"):
            etree.SubElement(element, q(CP31, "PartesTransporte"), attributes)
        if party.address is not None:
            self._address(etree.SubElement(element, q(CP31, "Domicilio")), party.address, f"{path}.address")

    def _driver(self, element: Any, member: CrewMember, path: str) -> None:
        """A driver of the truck as the Operador figure (c_FiguraTransporte 01): NombreFigura holds the whole name,
        NumLicencia the federal licence, RFCFigura or NumRegIdTribFigura the tax id."""
        element.set("TipoFigura", road.OPERATOR)
        self._set(element, "RFCFigura", _tax_id(member, TaxIdScheme.RFC), field=f"{path}.tax_ids")
        licence = next((d for d in member.documents if d.kind == road.LICENCE), None)
        if licence is not None:
            where = f"{path}.documents[{member.documents.index(licence)}].number"
            self._set(element, "NumLicencia", licence.number, field=where)
        self._set(element, "NombreFigura", road.whole_name(member), required=True, field=f"{path}.name")
        foreign = _foreign(member)
        if foreign is not None:
            where = f"{path}.tax_ids[{member.tax_ids.index(foreign)}]"
            self._set(element, "NumRegIdTribFigura", foreign.value, field=f"{where}.value")
            self._set(element, "ResidenciaFiscalFigura", self._pais(foreign.country, f"{where}.country"))
        ext.restore(element, member.extensions, "cartaporte.TiposFigura")
        # Carta Porte 3.1 standard, TiposFigura of an Operador: the federal licence, and the RFC of one resident in
        # Mexico (a foreign one gives NumRegIdTribFigura instead).
        self._set(element, "NumLicencia", None, required=True, field=f"{path}.documents")
        if element.get("NumRegIdTribFigura") is None:
            self._set(element, "RFCFigura", None, required=True, field=f"{path}.tax_ids")
        for attributes in ext.restore_numbered(member.extensions, "cartaporte.PartesTransporte"):
            etree.SubElement(element, q(CP31, "PartesTransporte"), attributes)
        if member.address is not None:
            self._address(etree.SubElement(element, q(CP31, "Domicilio")), member.address, f"{path}.address")

    # -- Mercancias ------------------------------------------------------------------------------------------------

    def _goods(self, holder: Any) -> None:
        items = [item for c in self.m.consignments for item in c.goods]
        # Mercancias@PesoBrutoTotal is the sum of the Mercancia's PesoEnKg (Carta Porte 3.1 standard): written when
        # every one is known, never a partial sum nor a zero for goods the model does not list.
        weights = [_kilograms(item, c) for c in self.m.consignments for item in c.goods]
        if items and all(w is not None and road.fits("PesoEnKg", values.text(w)) for w in weights):
            holder.set("PesoBrutoTotal", values.text(sum((w for w in weights if w is not None), Decimal(0))))
        holder.set("UnidadPeso", "KGM")
        if items:
            holder.set("NumTotalMercancias", str(len(items)))
        ext.restore(holder, self.ext, "cartaporte.Mercancias")
        for c_index, consignment in enumerate(self.m.consignments):
            for g_index, item in enumerate(consignment.goods):
                path = f"consignments[{c_index}].goods[{g_index}]"
                self._item(etree.SubElement(holder, q(CP31, "Mercancia")), item, consignment, path)
        if not items:
            self._missing(holder, "Mercancia")
        self._set(holder, "PesoBrutoTotal", None, required=True)
        self._set(holder, "NumTotalMercancias", None, required=True)
        nodes: dict[str, Any] = {}
        for code, (node, mode) in NODES.items():
            kept = ext.raw_elements(self.ext, f"cartaporte.xml.{node}")
            if kept:
                nodes[code] = kept[0]
            elif mode == self.m.mode:
                nodes[code] = self._transport(mode)
        for code in sorted(nodes):
            holder.append(nodes[code])

    def _item(self, element: Any, item: GoodsItem, consignment: Consignment, path: str) -> None:
        self._set(element, "BienesTransp", item.sat_product_key, required=True, field=f"{path}.sat_product_key")
        self._set(element, "ClaveSTCC", item.stcc)
        self._set(element, "Descripcion", item.description, required=True, field=f"{path}.description")
        if item.quantity is not None:
            self._set(element, "Cantidad", values.text(item.quantity.value), field=f"{path}.quantity.value")
            self._set(element, "ClaveUnidad", item.quantity.unit)
        elif item.packages is not None and "cartaporte.DetalleMercancia.PesoBruto" not in item.extensions:
            self._set(element, "Cantidad", str(item.packages.count), field=f"{path}.packages.count")
            # UN/ECE Recommendation 21 package codes appear in c_ClaveUnidad with an "X" prefix (XBX box).
            kind = item.packages.kind
            element.set("ClaveUnidad", f"X{kind}" if kind and len(kind) == 2 else "H87")
        hazardous = item.hazardous[0] if item.hazardous else None
        if hazardous is not None:
            element.set("MaterialPeligroso", "Sí")
            self._set(element, "CveMaterialPeligroso", hazardous.un_number)
        weight = _kilograms(item, consignment)
        self._set(
            element, "PesoEnKg", values.text(weight) if weight is not None else None, field=f"{path}.gross_weight"
        )
        if item.value is not None:
            self._set(element, "ValorMercancia", values.text(item.value.amount), field=f"{path}.value.amount")
            if element.get("ValorMercancia") is not None:
                element.set("Moneda", item.value.currency)
        fraccion = next((t.code for t in item.tariff_codes if t.scheme == "mx-fraccion"), None)
        self._set(element, "FraccionArancelaria", fraccion)
        ext.restore(element, item.extensions, "cartaporte.Mercancia")
        for attribute, name in (
            ("Cantidad", "quantity"),
            ("ClaveUnidad", "quantity.unit"),
            ("PesoEnKg", "gross_weight"),
        ):
            self._set(element, attribute, None, required=True, field=f"{path}.{name}")
        documents = self._writable_documents(item, path)
        if self.international:
            # Carta Porte 3.1 standard, TranspInternac "Sí": every Mercancia states its FraccionArancelaria and the
            # customs documents that cover it (DocumentacionAduanera).
            self._set(element, "FraccionArancelaria", None, required=True, field=f"{path}.tariff_codes")
            if not documents:
                self._missing(element, "DocumentacionAduanera", f"{path}.customs_documents")
        for document in documents:
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
                self._set(node, "PesoNeto", values.text(item.net_weight.value), field=f"{path}.net_weight")
            if item.packages is not None:
                self._set(node, "NumPiezas", str(item.packages.count), field=f"{path}.packages.count")
            self._set(node, "PesoBruto", None, required=True, field=f"{path}.gross_weight")
            self._set(node, "PesoTara", None, required=True)

    def _writable_documents(self, item: GoodsItem, path: str) -> list[CustomsDocument]:
        """The customs documents of ``item`` a Carta Porte can hold; each other one is listed as not carried.

        TipoDocumento takes a code of c_DocumentoAduanero (catCartaPorte.xsd): a document of another kind (a US
        entry, an in-bond) has no place in a Carta Porte and is not written under a code SAT does not know."""
        kept = []
        for index, document in enumerate(item.customs_documents):
            if document.kind == "pedimento" or codelists.contains("sat-customs-document", document.kind):
                kept.append(document)
            else:
                reason = f"TipoDocumento takes a code of SAT c_DocumentoAduanero, and '{document.kind}' is none"
                self.losses.append(messages.not_carried(f"{path}.customs_documents[{index}]", reason))
        return kept

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


def _kilograms(item: GoodsItem, consignment: Consignment) -> Decimal | None:
    """Mercancia@PesoEnKg: the item's gross weight, or its consignment's when it is the only item."""
    weight = values.in_kilograms(item.gross_weight) if item.gross_weight else None
    if weight is None and consignment.gross_weight is not None and len(consignment.goods) == 1:
        weight = values.in_kilograms(consignment.gross_weight)
    return weight


def _party(parties: Iterable[Party], role: PartyRole) -> Party | None:
    return next((p for p in parties if p.role == role), None)


def _tax_id(party: Party | CrewMember | None, scheme: TaxIdScheme) -> str | None:
    if party is None:
        return None
    return next((t.value for t in party.tax_ids if t.scheme == scheme), None)


def _foreign(party: Party | CrewMember | None) -> Any:
    if party is None:
        return None
    return next((t for t in party.tax_ids if t.scheme == TaxIdScheme.FOREIGN), None)
