"""Reading a CFDI 4.0 with its Carta Porte 3.1 (or 3.0) complement into the harmonized model.

The mapping follows the model conventions (docs: DESIGN.md, common model mapping):
- ``Ubicaciones``: the first Ubicacion when it is an Origen is the departure, the last when it is a Destino the
  arrival, the others are stops in order; the sender and recipient of the departure and arrival become the SHIPPER
  and CONSIGNEE of every consignment.
- One consignment per transport document: per ``Carro/@GuiaCarro`` waybill (rail), the ``NumConocEmbarc`` bill
  (maritime), the ``NumeroGuia`` air waybill (air), the Carta Porte itself (road, or a maritime CFDI without a bill).
- ``Mercancia`` -> goods; ``FraccionArancelaria`` -> tariff code "mx-fraccion" and its 6-digit HS subheading;
  ``DocumentacionAduanera`` -> customs documents (TipoDocumento 01 is a pedimento).
Every attribute without a model field is kept in ``extensions`` (see :mod:`.extensions`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from manifest.diagnostics import Diagnostic, Position
from manifest.formats.carta_porte import extensions as ext
from manifest.formats.carta_porte import messages, values
from manifest.formats.carta_porte.namespaces import CFDI, TFD, q
from manifest.formats.carta_porte.positions import Locator
from manifest.formats.carta_porte.traslado import service_concept
from manifest.model import (
    Address,
    Carrier,
    Consignment,
    Conveyance,
    CustomsDocument,
    Direction,
    DocumentType,
    Equipment,
    EquipmentKind,
    GoodsItem,
    HazardousMaterial,
    Manifest,
    Mode,
    Money,
    Packages,
    Party,
    PartyRole,
    Place,
    PlaceScheme,
    Quantity,
    Reference,
    Seal,
    Stop,
    TariffCode,
    TaxId,
    TaxIdScheme,
)

# c_CveTransporte (catCartaPorte.xsd): the transport node of each mode.
NODES = {
    "01": ("Autotransporte", Mode.ROAD),
    "02": ("TransporteMaritimo", Mode.MARITIME),
    "03": ("TransporteAereo", Mode.AIR),
    "04": ("TransporteFerroviario", Mode.RAIL),
}
NODE_OF_MODE = {mode: (code, node) for code, (node, mode) in NODES.items()}
FOREIGN_RFC = "XEXX010101000"  # SAT generic RFC of a foreign resident (CFDI 4.0 Anexo 20 guide)
PEDIMENTO_TYPE = "01"  # c_DocumentoAduanero 01 Pedimento
# c_FiguraTransporte: 01 Operador, 02 Propietario, 03 Arrendador, 04 Notificado.
FIGURE_ROLES = {"01": PartyRole.OPERATOR, "02": PartyRole.OWNER, "03": PartyRole.LESSOR, "04": PartyRole.NOTIFY}
REFERENCE_UUID = "cfdi-uuid"
REFERENCE_IDCCP = "cartaporte-idccp"
BILL_TYPES = (DocumentType.BILL_OF_LADING, DocumentType.SEA_WAYBILL, DocumentType.HOUSE_BILL_OF_LADING)


@dataclass
class _Goods:
    element: Any
    item: GoodsItem
    positions: dict[str, Position]  # relative to the goods item


@dataclass
class _Unit:
    """A consignment being assembled: its document and equipment, with positions relative to it."""

    number: str
    kind: DocumentType
    equipment: list[Equipment] = field(default_factory=list)
    positions: dict[str, Position] = field(default_factory=dict)
    goods: list[_Goods] = field(default_factory=list)


class Reader:
    def __init__(self, root: Any, carta_porte: Any, locator: Locator, version: str) -> None:
        self.root = root
        self.cp = carta_porte
        self.ns = str(carta_porte.tag)[1:].partition("}")[0]
        self.at = locator.at
        self.version = version
        self.positions: dict[str, Position] = {}
        self.diagnostics: list[Diagnostic] = []
        self._party_positions: dict[PartyRole, dict[str, Position]] = {}

    def _q(self, local: str) -> str:
        return q(self.ns, local)

    def _record(self, path: str, element: Any, attribute: str | None = None) -> None:
        self.positions[path] = self.at(element, attribute)

    def _number(
        self, element: Any, attribute: str, kept: dict[str, str], key: str, parse: Callable[[str], Any] = values.decimal
    ) -> Any:
        """The parsed value of an attribute; a value that does not parse is reported and kept as text."""
        text = element.get(attribute)
        if text is None:
            return None
        parsed = parse(text)
        if parsed is None:
            kept[f"{key}.{attribute}"] = text
            self.diagnostics.append(
                messages.BAD_VALUE(attribute=attribute, value=text, reason="not a valid value").at(
                    self.at(element, attribute)
                )
            )
        return parsed

    # -- the whole document --------------------------------------------------------------------------------

    def manifest(self) -> Manifest:
        root = self.root
        kept: dict[str, str] = ext.attributes(root, "cfdi", ("Version",))
        references: list[Reference] = []
        parties: list[Party] = []
        counts: dict[str, int] = {}
        for child in root.iterchildren(tag="{*}*"):
            local = str(child.tag).rpartition("}")[2]
            if child.tag == q(CFDI, "Emisor"):
                parties.append(self._issuer(child, len(parties)))
            elif child.tag == q(CFDI, "Receptor"):
                parties.append(self._receiver(child, len(parties)))
            elif child.tag == q(CFDI, "Complemento"):
                for complement in child.iterchildren(tag="{*}*"):
                    if complement is self.cp:
                        continue
                    if complement.tag == q(TFD, "TimbreFiscalDigital") and not any(
                        r.kind == REFERENCE_UUID for r in references
                    ):
                        kept.update(ext.attributes(complement, "tfd", ("UUID",)))
                        if complement.get("UUID"):
                            self._record(f"references[{len(references)}]", complement, "UUID")
                            references.append(Reference(kind=REFERENCE_UUID, value=complement.get("UUID")))
                    else:
                        counts["Complemento"] = counts.get("Complemento", 0) + 1
                        kept[f"cfdi.xml.Complemento[{counts['Complemento']}]"] = ext.raw(complement)
            elif not (local == "Conceptos" and _is_service_concept(child, self.cp)):
                counts[local] = counts.get(local, 0) + 1
                kept[f"cfdi.xml.{local}[{counts[local]}]"] = ext.raw(child)
        return self._carta_porte(kept, references, parties)

    def _tax_ids(self, rfc: str | None, foreign: str | None, residence: str | None) -> tuple[TaxId, ...]:
        ids: list[TaxId] = []
        if rfc and not (rfc == FOREIGN_RFC and foreign):
            ids.append(TaxId(scheme=TaxIdScheme.RFC, value=rfc))
        if foreign:
            ids.append(TaxId(scheme=TaxIdScheme.FOREIGN, value=foreign, country=values.alpha2(residence)))
        return tuple(ids)

    def _issuer(self, element: Any, index: int) -> Party:
        self._record(f"parties[{index}]", element)
        self._record(f"parties[{index}].tax_ids[0]", element, "Rfc")
        return Party(
            role=PartyRole.ISSUER,
            name=element.get("Nombre"),
            tax_ids=self._tax_ids(element.get("Rfc"), None, None),
            extensions=ext.attributes(element, "cfdi.Emisor", ("Rfc", "Nombre")),
        )

    def _receiver(self, element: Any, index: int) -> Party:
        self._record(f"parties[{index}]", element)
        self._record(f"parties[{index}].tax_ids[0]", element, "Rfc")
        residence = element.get("ResidenciaFiscal")
        kept = ext.attributes(
            element, "cfdi.Receptor", ("Rfc", "Nombre", "NumRegIdTrib", "DomicilioFiscalReceptor", "ResidenciaFiscal")
        )
        if residence and (values.alpha2(residence) is None or not element.get("NumRegIdTrib")):
            kept["cfdi.Receptor.ResidenciaFiscal"] = residence
        postal = element.get("DomicilioFiscalReceptor")
        return Party(
            role=PartyRole.RECEIVER,
            name=element.get("Nombre"),
            tax_ids=self._tax_ids(element.get("Rfc"), element.get("NumRegIdTrib"), residence),
            address=Address(postal_code=postal) if postal else None,
            extensions=kept,
        )

    # -- the complement -----------------------------------------------------------------------------------------

    def _carta_porte(self, kept: dict[str, str], references: list[Reference], parties: list[Party]) -> Manifest:
        cp = self.cp
        mapped = ["Version", "IdCCP", "EntradaSalidaMerc", "PaisOrigenDestino", "TranspInternac"]
        if self.version == "3.0":
            mapped.append("RegimenAduanero")
        kept.update(ext.attributes(cp, "cartaporte", mapped))
        if cp.get("IdCCP"):
            self._record(f"references[{len(references)}]", cp, "IdCCP")
            references.append(Reference(kind=REFERENCE_IDCCP, value=cp.get("IdCCP")))
        direction, country_from, country_to = self._crossing(kept)
        # 3.0 has one RegimenAduanero attribute; 3.1 a RegimenesAduaneros list (formats-mx-sat.md 1.2).
        regimes = [e.get("RegimenAduanero", "") for e in cp.iterfind(f"{self._q('RegimenesAduaneros')}/*")]
        if self.version == "3.0" and cp.get("RegimenAduanero"):
            regimes = [cp.get("RegimenAduanero")]
        for number, regime in enumerate(regimes, start=1):
            kept[f"cartaporte.RegimenAduaneroCCP[{number}].RegimenAduanero"] = regime

        stops = self._locations()
        goods_element = cp.find(self._q("Mercancias"))
        mode, node = self._mode(goods_element, kept)
        conveyance, carrier, trip, units, manifest_equipment = self._transport(node, mode, kept)
        goods = self._goods(goods_element, kept)
        self._allocate(goods, units)
        departure, arrival, middle, shipper, consignee = stops
        consignments = self._consignments(units, shipper, consignee)
        parties.extend(self._figures(len(parties)))
        return Manifest(
            mode=mode,
            carrier=carrier,
            conveyance=conveyance,
            trip_number=trip,
            departure=departure,
            arrival=arrival,
            stops=tuple(middle),
            direction=direction,
            country_from=country_from,
            country_to=country_to,
            parties=tuple(parties),
            references=tuple(references),
            equipment=tuple(manifest_equipment),
            consignments=tuple(consignments),
            extensions=kept,
        )

    def _crossing(self, kept: dict[str, str]) -> tuple[Direction | None, str | None, str | None]:
        """EntradaSalidaMerc is relative to Mexico: Salida leaves Mexico for PaisOrigenDestino, Entrada arrives."""
        cp = self.cp
        flow, other_code, international = (
            cp.get("EntradaSalidaMerc"),
            cp.get("PaisOrigenDestino"),
            cp.get("TranspInternac"),
        )
        other = values.alpha2(other_code)
        if other_code and other is None:
            kept["cartaporte.PaisOrigenDestino"] = other_code
        if flow not in ("Entrada", "Salida") or international != "Sí":
            if flow is not None:
                kept["cartaporte.EntradaSalidaMerc"] = flow
            if other_code is not None:
                kept["cartaporte.PaisOrigenDestino"] = other_code
            if international is not None and (international != "No" or flow is not None or other_code is not None):
                kept["cartaporte.TranspInternac"] = international
            return None, None, None
        self._record("country_from" if flow == "Entrada" else "country_to", cp, "PaisOrigenDestino")
        self._record("direction", cp, "EntradaSalidaMerc")
        if flow == "Salida":
            return (Direction.NORTHBOUND if other == "US" else None), "MX", other
        return (Direction.SOUTHBOUND if other == "US" else None), other, "MX"

    # -- Ubicaciones ----------------------------------------------------------------------------------------------

    def _locations(self) -> tuple[Stop | None, Stop | None, list[Stop], Party | None, Party | None]:
        elements = list(self.cp.iterfind(f"{self._q('Ubicaciones')}/{self._q('Ubicacion')}"))
        departure = arrival = shipper = consignee = None
        middle: list[Stop] = []
        for index, element in enumerate(elements):
            kind = element.get("TipoUbicacion")
            if index == 0 and kind == "Origen":
                departure = self._stop(element, "departure", party=True)
                shipper = self._party(element, PartyRole.SHIPPER, departure.place.address)
            elif index == len(elements) - 1 and index > 0 and kind == "Destino":
                arrival = self._stop(element, "arrival", party=True)
                consignee = self._party(element, PartyRole.CONSIGNEE, arrival.place.address)
            else:
                middle.append(self._stop(element, f"stops[{len(middle)}]", party=False))
        return departure, arrival, middle, shipper, consignee

    def _stop(self, element: Any, path: str, *, party: bool) -> Stop:
        mapped = {"FechaHoraSalidaLlegada", "DistanciaRecorrida", "NombreEstacion"}
        if party:
            mapped |= {"TipoUbicacion", "RFCRemitenteDestinatario", "NombreRemitenteDestinatario", "NumRegIdTrib"}
            if values.alpha2(element.get("ResidenciaFiscal")) and element.get("NumRegIdTrib"):
                mapped.add("ResidenciaFiscal")
        code, scheme = element.get("IDUbicacion"), PlaceScheme.SAT_LOCATION_ID
        if element.get("NumEstacion"):
            code, scheme = element.get("NumEstacion"), PlaceScheme.SAT_STATION
            mapped.add("NumEstacion")
        else:
            mapped.add("IDUbicacion")
        kept = ext.attributes(element, "cartaporte.Ubicacion", mapped)
        self._record(path, element)
        if code:
            self._record(
                f"{path}.place.code", element, "NumEstacion" if scheme == PlaceScheme.SAT_STATION else "IDUbicacion"
            )
        self._record(f"{path}.moment", element, "FechaHoraSalidaLlegada")
        self._record(f"{path}.distance_km", element, "DistanciaRecorrida")
        address = None
        domicilio = element.find(self._q("Domicilio"))
        if domicilio is not None:
            address = self._address(domicilio, f"{path}.place.address")
        return Stop(
            place=Place(
                code=code,
                scheme=scheme if code else None,
                name=element.get("NombreEstacion"),
                country=address.country if address else None,
                address=address,
            ),
            moment=self._number(element, "FechaHoraSalidaLlegada", kept, "cartaporte.Ubicacion", values.moment),
            distance_km=self._number(element, "DistanciaRecorrida", kept, "cartaporte.Ubicacion"),
            extensions=kept,
        )

    def _address(self, element: Any, path: str) -> Address:
        self._record(path, element)
        for name, attribute in (("postal_code", "CodigoPostal"), ("subdivision", "Estado"), ("country", "Pais")):
            self._record(f"{path}.{name}", element, attribute)
        country_code = element.get("Pais")
        country = values.alpha2(country_code)
        mapped = ["Calle", "NumeroExterior", "Colonia", "Localidad", "Municipio", "Estado", "CodigoPostal"]
        if country is not None:
            mapped.append("Pais")
        return Address(
            street=element.get("Calle"),
            number=element.get("NumeroExterior"),
            district=element.get("Colonia"),
            city=element.get("Localidad"),
            municipality=element.get("Municipio"),
            subdivision=element.get("Estado"),
            postal_code=element.get("CodigoPostal"),
            country=country,
            extensions=ext.attributes(element, "cartaporte.Domicilio", mapped),
        )

    def _party(self, element: Any, role: PartyRole, address: Address | None) -> Party:
        tax_id = (
            "NumRegIdTrib" if element.get("RFCRemitenteDestinatario") == FOREIGN_RFC else "RFCRemitenteDestinatario"
        )
        self._party_positions[role] = {
            "": self.at(element),
            ".name": self.at(element, "NombreRemitenteDestinatario"),
            ".tax_ids[0]": self.at(element, tax_id),
        }
        return Party(
            role=role,
            name=element.get("NombreRemitenteDestinatario"),
            tax_ids=self._tax_ids(
                element.get("RFCRemitenteDestinatario"), element.get("NumRegIdTrib"), element.get("ResidenciaFiscal")
            ),
            address=address,
        )

    # -- mode and transport node ----------------------------------------------------------------------------------

    def _mode(self, goods: Any, kept: dict[str, str]) -> tuple[Mode, Any]:
        present = [
            (code, goods.find(self._q(node)))
            for code, (node, _) in NODES.items()
            if goods is not None and goods.find(self._q(node)) is not None
        ]
        via = self.cp.get("ViaEntradaSalida")
        chosen = next((pair for pair in present if pair[0] == via), present[0] if present else None)
        for code, element in present:
            if chosen is not None and element is not chosen[1]:
                kept[f"cartaporte.xml.{NODES[code][0]}[1]"] = ext.raw(element)
        if chosen is None:
            # No transport node (an error reported by the rules): the crossing mode, else road, the commonest.
            return (NODES[via][1] if via in NODES else Mode.ROAD), None
        return NODES[chosen[0]][1], chosen[1]

    def _transport(
        self, node: Any, mode: Mode, kept: dict[str, str]
    ) -> tuple[Conveyance | None, Carrier | None, str | None, list[_Unit], list[Equipment]]:
        id_ccp = self.cp.get("IdCCP") or ""
        if node is None:
            return None, None, None, [_Unit(id_ccp, DocumentType.OTHER)], []
        if mode == Mode.RAIL:
            conveyance, carrier, units = self._rail(node)
            return conveyance, carrier, None, units, []
        if mode == Mode.MARITIME:
            return self._maritime(node, id_ccp)
        if mode == Mode.AIR:
            return self._air(node, id_ccp)
        return self._road(node, id_ccp)

    def _rail(self, node: Any) -> tuple[Conveyance, Carrier | None, list[_Unit]]:
        kept = ext.attributes(node, "cartaporte.TransporteFerroviario")
        kept.update(ext.numbered(node.iterfind(self._q("DerechosDePaso")), "cartaporte.DerechosDePaso"))
        units: dict[str, _Unit] = {}
        cars = list(node.iterfind(self._q("Carro")))
        waybills = [car.get("GuiaCarro", "") for car in cars]
        # Cars of one waybill that are not contiguous keep their place in the file, so a rewrite keeps the order.
        grouped = all(waybills.index(w) == i or waybills[i - 1] == w for i, w in enumerate(waybills))
        for order, car in enumerate(cars, start=1):
            waybill = car.get("GuiaCarro", "")
            unit = units.setdefault(waybill, _Unit(waybill, DocumentType.RAIL_WAYBILL))
            unit.positions["document_number"] = self.at(car, "GuiaCarro")
            index = len(unit.equipment)
            unit.positions[f"equipment[{index}]"] = self.at(car)
            unit.positions[f"equipment[{index}].number"] = self.at(car, "MatriculaCarro")
            unit.positions[f"equipment[{index}].net_weight"] = self.at(car, "ToneladasNetasCarro")
            car_kept = ext.attributes(
                car, "cartaporte.Carro", ("TipoCarro", "MatriculaCarro", "GuiaCarro", "ToneladasNetasCarro")
            )
            if not grouped:
                car_kept["cartaporte.Carro.orden"] = str(order)
            written = car.get("MatriculaCarro", "")
            mark, number = values.split_mark(written, "[A-Z]{2,4}")
            if (mark or "") + number != written:
                car_kept["cartaporte.Carro.MatriculaCarro"] = written
            tonnes = self._number(car, "ToneladasNetasCarro", car_kept, "cartaporte.Carro")
            unit.equipment.append(
                Equipment(
                    kind=EquipmentKind.RAILCAR,
                    initial=mark,
                    number=number,
                    net_weight=Quantity(value=tonnes, unit="TNE") if tonnes is not None else None,
                    type_codes=(Reference(kind="c_TipoCarro", value=car.get("TipoCarro", "")),),
                    extensions=car_kept,
                )
            )
            for container in car.iterfind(self._q("Contenedor")):
                unit.positions[f"equipment[{len(unit.equipment)}]"] = self.at(container)
                unit.equipment.append(self._rail_container(container))
        self._record("conveyance", node)
        return (
            Conveyance(extensions=kept),
            None,
            list(units.values()) or [_Unit(self.cp.get("IdCCP") or "", DocumentType.RAIL_WAYBILL)],
        )

    def _rail_container(self, element: Any) -> Equipment:
        kept = ext.attributes(
            element, "cartaporte.Contenedor", ("TipoContenedor", "PesoContenedorVacio", "PesoNetoMercancia")
        )
        tare = self._number(element, "PesoContenedorVacio", kept, "cartaporte.Contenedor")
        net = self._number(element, "PesoNetoMercancia", kept, "cartaporte.Contenedor")
        # The rail Contenedor has no number in Carta Porte: the equipment is known by its type and weights only.
        return Equipment(
            kind=EquipmentKind.CONTAINER,
            number="",
            tare_weight=Quantity(value=tare, unit="KGM") if tare is not None else None,
            net_weight=Quantity(value=net, unit="KGM") if net is not None else None,
            type_codes=(Reference(kind="c_Contenedor", value=element.get("TipoContenedor", "")),),
            extensions=kept,
        )

    def _maritime(
        self, node: Any, id_ccp: str
    ) -> tuple[Conveyance, Carrier | None, str | None, list[_Unit], list[Equipment]]:
        mapped = ("TipoEmbarcacion", "NumeroOMI", "NombreEmbarc", "NumViaje", "NumConocEmbarc", "LineaNaviera")
        kept = ext.attributes(node, "cartaporte.TransporteMaritimo", mapped)
        flag = values.alpha2(node.get("NacionalidadEmbarc"))
        if flag is None and node.get("NacionalidadEmbarc") is not None:
            kept["cartaporte.TransporteMaritimo.NacionalidadEmbarc"] = node.get("NacionalidadEmbarc")
        elif flag is not None:
            kept.pop("cartaporte.TransporteMaritimo.NacionalidadEmbarc", None)
        imo = node.get("NumeroOMI")
        imo_digits = imo[3:] if imo and imo.startswith("IMO") else None
        if imo and imo_digits is None:
            kept["cartaporte.TransporteMaritimo.NumeroOMI"] = imo
        for name, attribute in (("name", "NombreEmbarc"), ("imo_number", "NumeroOMI"), ("flag", "NacionalidadEmbarc")):
            self._record(f"conveyance.{name}", node, attribute)
        self._record("trip_number", node, "NumViaje")
        bill = node.get("NumConocEmbarc")
        unit = _Unit(bill, DocumentType.BILL_OF_LADING) if bill else _Unit(id_ccp, DocumentType.OTHER)
        if bill:
            unit.positions["document_number"] = self.at(node, "NumConocEmbarc")
        # 3.0 puts RemolquesCCP under TransporteMaritimo; 3.1 moved it inside each Contenedor.
        kept.update(
            ext.numbered(
                node.iterfind(f"{self._q('RemolquesCCP')}/{self._q('RemolqueCCP')}"), "cartaporte30.RemolqueCCP"
            )
        )
        for container in node.iterfind(self._q("Contenedor")):
            unit.positions[f"equipment[{len(unit.equipment)}]"] = self.at(container)
            unit.positions[f"equipment[{len(unit.equipment)}].number"] = self.at(container, "MatriculaContenedor")
            unit.positions[f"equipment[{len(unit.equipment)}].seals[0]"] = self.at(container, "NumPrecinto")
            unit.equipment.append(self._sea_container(container))
        carrier = Carrier(name=node.get("LineaNaviera")) if node.get("LineaNaviera") else None
        conveyance = Conveyance(
            name=node.get("NombreEmbarc"),
            imo_number=imo_digits,
            flag=flag,
            type_code=node.get("TipoEmbarcacion"),
            extensions=kept,
        )
        return conveyance, carrier, node.get("NumViaje"), [unit], []

    def _sea_container(self, element: Any) -> Equipment:
        kept = ext.attributes(
            element, "cartaporte.Contenedor", ("TipoContenedor", "MatriculaContenedor", "NumPrecinto")
        )
        kept.update(
            ext.numbered(
                element.iterfind(f"{self._q('RemolquesCCP')}/{self._q('RemolqueCCP')}"), "cartaporte.RemolqueCCP"
            )
        )
        text = element.get("MatriculaContenedor") or ""
        initial, number = values.split_mark(text, "[A-Z]{4}")
        if (initial or "") + number != text:
            kept["cartaporte.Contenedor.MatriculaContenedor"] = text
        seal = element.get("NumPrecinto")
        return Equipment(
            kind=EquipmentKind.CONTAINER,
            initial=initial,
            number=number,
            seals=(Seal(number=seal),) if seal else (),
            type_codes=(Reference(kind="c_ContenedorMaritimo", value=element.get("TipoContenedor", "")),),
            extensions=kept,
        )

    def _air(
        self, node: Any, id_ccp: str
    ) -> tuple[Conveyance, Carrier | None, str | None, list[_Unit], list[Equipment]]:
        kept = ext.attributes(
            node, "cartaporte.TransporteAereo", ("MatriculaAeronave", "NumeroGuia", "CodigoTransportista")
        )
        guide = node.get("NumeroGuia") or ""
        number = values.awb_number(guide) or guide
        if number != guide:
            kept["cartaporte.TransporteAereo.NumeroGuia"] = guide
        unit = _Unit(number or id_ccp, DocumentType.AIR_WAYBILL if number else DocumentType.OTHER)
        unit.positions["document_number"] = self.at(node, "NumeroGuia")
        self._record("carrier.sat_air_code", node, "CodigoTransportista")
        self._record("conveyance.aircraft_registration", node, "MatriculaAeronave")
        carrier = Carrier(sat_air_code=node.get("CodigoTransportista")) if node.get("CodigoTransportista") else None
        conveyance = Conveyance(aircraft_registration=node.get("MatriculaAeronave"), extensions=kept)
        return conveyance, carrier, None, [unit], []

    def _road(
        self, node: Any, id_ccp: str
    ) -> tuple[Conveyance, Carrier | None, str | None, list[_Unit], list[Equipment]]:
        kept = ext.attributes(node, "cartaporte.Autotransporte")
        vehicle = node.find(self._q("IdentificacionVehicular"))
        plate = config = None
        if vehicle is not None:
            kept.update(ext.attributes(vehicle, "cartaporte.IdentificacionVehicular", ("PlacaVM", "ConfigVehicular")))
            plate, config = vehicle.get("PlacaVM"), vehicle.get("ConfigVehicular")
            self._record("conveyance.vehicle_plate", vehicle, "PlacaVM")
        insurance = node.find(self._q("Seguros"))
        if insurance is not None:
            kept.update(ext.attributes(insurance, "cartaporte.Seguros"))
        trailers: list[Equipment] = []
        for trailer in node.iterfind(f"{self._q('Remolques')}/{self._q('Remolque')}"):
            self._record(f"equipment[{len(trailers)}].number", trailer, "Placa")
            trailers.append(
                Equipment(
                    kind=EquipmentKind.TRAILER,
                    number=trailer.get("Placa", ""),
                    type_codes=(Reference(kind="c_SubTipoRem", value=trailer.get("SubTipoRem", "")),),
                    extensions=ext.attributes(trailer, "cartaporte.Remolque", ("Placa", "SubTipoRem")),
                )
            )
        conveyance = Conveyance(vehicle_plate=plate, type_code=config, extensions=kept)
        return conveyance, None, None, [_Unit(id_ccp, DocumentType.ROAD_CONSIGNMENT_NOTE)], trailers

    # -- Mercancias ---------------------------------------------------------------------------------------------

    def _goods(self, element: Any, kept: dict[str, str]) -> list[_Goods]:
        if element is None:
            return []
        kept.update(
            ext.attributes(element, "cartaporte.Mercancias", ("PesoBrutoTotal", "UnidadPeso", "NumTotalMercancias"))
        )
        items = [self._item(e) for e in element.iterfind(self._q("Mercancia"))]
        derived = _derived_totals([g.item for g in items])
        for attribute in ("PesoBrutoTotal", "UnidadPeso", "NumTotalMercancias"):
            if element.get(attribute) is not None and element.get(attribute) != derived.get(attribute):
                kept[f"cartaporte.Mercancias.{attribute}"] = element.get(attribute)
        return items

    def _item(self, element: Any) -> _Goods:
        mapped = {
            "BienesTransp",
            "Descripcion",
            "Cantidad",
            "ClaveUnidad",
            "PesoEnKg",
            "ClaveSTCC",
            "ValorMercancia",
            "Moneda",
            "FraccionArancelaria",
            "CveMaterialPeligroso",
        }
        if element.get("MaterialPeligroso") == "Sí":
            mapped.add("MaterialPeligroso")
        kept = ext.attributes(element, "cartaporte.Mercancia", mapped)
        positions = {
            "": self.at(element),
            "sat_product_key": self.at(element, "BienesTransp"),
            "description": self.at(element, "Descripcion"),
            "quantity": self.at(element, "Cantidad"),
            "gross_weight": self.at(element, "PesoEnKg"),
            "stcc": self.at(element, "ClaveSTCC"),
            "value": self.at(element, "ValorMercancia"),
            "tariff_codes[0]": self.at(element, "FraccionArancelaria"),
            "hs_code": self.at(element, "FraccionArancelaria"),
            "hazardous[0]": self.at(element, "CveMaterialPeligroso"),
        }
        count = self._number(element, "Cantidad", kept, "cartaporte.Mercancia")
        weight = self._number(element, "PesoEnKg", kept, "cartaporte.Mercancia")
        price = self._number(element, "ValorMercancia", kept, "cartaporte.Mercancia")
        if price is None and element.get("Moneda") is not None:
            kept["cartaporte.Mercancia.Moneda"] = element.get("Moneda", "")
        fraccion = element.get("FraccionArancelaria")
        hazardous: tuple[HazardousMaterial, ...] = ()
        if element.get("MaterialPeligroso") == "Sí" or element.get("CveMaterialPeligroso"):
            hazardous = (HazardousMaterial(un_number=element.get("CveMaterialPeligroso")),)
            if element.get("MaterialPeligroso") != "Sí":
                kept["cartaporte.Mercancia.MaterialPeligroso"] = element.get("MaterialPeligroso", "")
        documents = []
        for number, document in enumerate(element.iterfind(self._q("DocumentacionAduanera"))):
            positions[f"customs_documents[{number}]"] = self.at(document)
            positions[f"customs_documents[{number}].number"] = self.at(
                document, "NumPedimento" if document.get("NumPedimento") else "IdentDocAduanero"
            )
            documents.append(self._customs_document(document))
        kept.update(ext.numbered(element.iterfind(self._q("GuiasIdentificacion")), "cartaporte.GuiasIdentificacion"))
        kept.update(ext.numbered(element.iterfind(self._q("CantidadTransporta")), "cartaporte.CantidadTransporta"))
        detail = element.find(self._q("DetalleMercancia"))
        net = packages = None
        if detail is not None:
            kept.update(
                ext.attributes(detail, "cartaporte.DetalleMercancia", ("PesoNeto", "UnidadPesoMerc", "NumPiezas"))
            )
            net_value = self._number(detail, "PesoNeto", kept, "cartaporte.DetalleMercancia")
            if net_value is not None:
                net = Quantity(value=net_value, unit=detail.get("UnidadPesoMerc", "KGM"))
            pieces = self._number(detail, "NumPiezas", kept, "cartaporte.DetalleMercancia", _integer)
            packages = Packages(count=pieces) if pieces is not None else None
            positions["net_weight"] = self.at(detail, "PesoNeto")
            positions["packages"] = self.at(detail, "NumPiezas")
        item = GoodsItem(
            description=element.get("Descripcion"),
            quantity=Quantity(value=count, unit=element.get("ClaveUnidad", "")) if count is not None else None,
            packages=packages,
            gross_weight=Quantity(value=weight, unit="KGM") if weight is not None else None,
            net_weight=net,
            hs_code=fraccion[:6] if fraccion and len(fraccion) >= 6 and fraccion.isdigit() else None,
            tariff_codes=(TariffCode(scheme="mx-fraccion", code=fraccion),) if fraccion else (),
            stcc=element.get("ClaveSTCC"),
            hazardous=hazardous,
            value=Money(amount=price, currency=element.get("Moneda", "")) if price is not None else None,
            sat_product_key=element.get("BienesTransp"),
            customs_documents=tuple(documents),
            extensions=kept,
        )
        return _Goods(element, item, positions)

    def _customs_document(self, element: Any) -> CustomsDocument:
        kind = element.get("TipoDocumento", "")
        number = element.get("NumPedimento") if kind == PEDIMENTO_TYPE else element.get("IdentDocAduanero")
        mapped = ["TipoDocumento", "RFCImpo", "NumPedimento" if kind == PEDIMENTO_TYPE else "IdentDocAduanero"]
        rfc = element.get("RFCImpo")
        return CustomsDocument(
            kind="pedimento" if kind == PEDIMENTO_TYPE else kind,
            number=number,
            importer_tax_id=TaxId(scheme=TaxIdScheme.RFC, value=rfc) if rfc else None,
            extensions=ext.attributes(element, "cartaporte.DocumentacionAduanera", mapped),
        )

    def _allocate(self, goods: list[_Goods], units: list[_Unit]) -> None:
        """Rail: give each GuiaCarro waybill the goods whose PesoEnKg add up to its cars' ToneladasNetasCarro.

        Carta Porte does not say which Mercancia rides in which Carro; in file order, goods are matched to the
        waybills whose net tonnage they fill exactly. When they do not, every good stays with the first waybill.
        """
        if len(units) > 1:
            split = _split_by_weight([g.item for g in goods], units)
            if split is not None:
                start = 0
                for unit, size in zip(units, split, strict=True):
                    unit.goods = goods[start : start + size]
                    start += size
                return
            self.diagnostics.append(messages.GOODS_NOT_ALLOCATED().at(self.at(self.cp)))
        units[0].goods = goods

    def _consignments(self, units: list[_Unit], shipper: Party | None, consignee: Party | None) -> list[Consignment]:
        parties = tuple(p for p in (shipper, consignee) if p is not None)
        result: list[Consignment] = []
        for index, unit in enumerate(units):
            path = f"consignments[{index}]"
            for relative, position in unit.positions.items():
                self.positions[f"{path}.{relative}"] = position
            for number, party in enumerate(parties):
                for relative, position in self._party_positions.get(party.role, {}).items():
                    self.positions[f"{path}.parties[{number}]{relative}"] = position
            containers = [e.identifier for e in unit.equipment if e.identifier]
            goods: list[GoodsItem] = []
            for number, held in enumerate(unit.goods):
                for relative, position in held.positions.items():
                    self.positions[f"{path}.goods[{number}]" + (f".{relative}" if relative else "")] = position
                item = held.item
                # Carta Porte does not say which Mercancia rides in which Carro or Contenedor: the goods of a
                # transport document are in the identified equipment of that document.
                goods.append(_replace_goods(item, sequence=number + 1, equipment_ids=tuple(containers)))
            weights = [g.gross_weight.value for g in goods if g.gross_weight is not None]
            result.append(
                Consignment(
                    document_number=unit.number,
                    document_type=unit.kind,
                    parties=parties,
                    goods=tuple(goods),
                    equipment=tuple(unit.equipment),
                    gross_weight=Quantity(value=sum(weights, Decimal(0)), unit="KGM") if weights else None,
                )
            )
        return result

    def _figures(self, first: int) -> list[Party]:
        found: list[Party] = []
        for element in self.cp.iterfind(f"{self._q('FiguraTransporte')}/{self._q('TiposFigura')}"):
            kind = element.get("TipoFigura", "")
            role = FIGURE_ROLES.get(kind, PartyRole.OTHER)
            mapped = ["NombreFigura", "RFCFigura", "NumRegIdTribFigura"]
            residence = element.get("ResidenciaFiscalFigura")
            if values.alpha2(residence) is not None and element.get("NumRegIdTribFigura"):
                mapped.append("ResidenciaFiscalFigura")
            if kind in FIGURE_ROLES:
                mapped.append("TipoFigura")
            kept = ext.attributes(element, "cartaporte.TiposFigura", mapped)
            kept.update(ext.numbered(element.iterfind(self._q("PartesTransporte")), "cartaporte.PartesTransporte"))
            path = f"parties[{first + len(found)}]"
            self._record(path, element)
            self._record(
                f"{path}.tax_ids[0]", element, "RFCFigura" if element.get("RFCFigura") else "NumRegIdTribFigura"
            )
            domicilio = element.find(self._q("Domicilio"))
            ids: list[TaxId] = []
            if element.get("RFCFigura"):
                ids.append(TaxId(scheme=TaxIdScheme.RFC, value=element.get("RFCFigura")))
            if element.get("NumRegIdTribFigura"):
                ids.append(
                    TaxId(
                        scheme=TaxIdScheme.FOREIGN,
                        value=element.get("NumRegIdTribFigura"),
                        country=values.alpha2(residence),
                    )
                )
            found.append(
                Party(
                    role=role,
                    name=element.get("NombreFigura"),
                    tax_ids=tuple(ids),
                    address=self._address(domicilio, f"{path}.address") if domicilio is not None else None,
                    extensions=kept,
                )
            )
        return found


def _is_service_concept(conceptos: Any, carta_porte: Any) -> bool:
    """Whether ``cfdi:Conceptos`` is the single freight-service concept a writer derives from the mode."""
    concepts = list(conceptos)
    if len(concepts) != 1 or len(concepts[0]):
        return False
    namespace = str(carta_porte.tag)[1:].partition("}")[0]
    goods = carta_porte.find(q(namespace, "Mercancias"))
    if goods is None:
        return False
    modes = [mode for node, mode in NODES.values() if goods.find(q(namespace, node)) is not None]
    return any(dict(concepts[0].attrib) == service_concept(mode) for mode in modes)


def _integer(text: str) -> int | None:
    return int(text) if text.strip().isdigit() else None


def _replace_goods(item: GoodsItem, **changes: Any) -> GoodsItem:
    from dataclasses import replace

    return replace(item, **changes)


def _derived_totals(goods: Iterable[GoodsItem]) -> dict[str, str]:
    """The Mercancias totals a writer computes from the goods: the sum of PesoEnKg in KGM and the count."""
    items = list(goods)
    weights = [g.gross_weight.value for g in items if g.gross_weight is not None]
    return {
        "PesoBrutoTotal": values.text(sum(weights, Decimal(0))),
        "UnidadPeso": "KGM",
        "NumTotalMercancias": str(len(items)),
    }


def _split_by_weight(goods: list[GoodsItem], units: list[_Unit]) -> list[int] | None:
    sizes: list[int] = []
    start = 0
    for unit in units:
        target = sum(
            (e.net_weight.value * 1000 for e in unit.equipment if e.kind == EquipmentKind.RAILCAR and e.net_weight),
            Decimal(0),
        )
        total = Decimal(0)
        taken = 0
        while start + taken < len(goods) and total < target:
            weight = goods[start + taken].gross_weight
            if weight is None:
                return None
            total += weight.value
            taken += 1
        if total != target or taken == 0:
            return None
        sizes.append(taken)
        start += taken
    return sizes if start == len(goods) else None
