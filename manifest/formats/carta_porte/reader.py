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

from decimal import Decimal
from typing import Any

from manifest.formats.carta_porte import crossing, road, values
from manifest.formats.carta_porte import extensions as ext
from manifest.formats.carta_porte.namespaces import CFDI, TFD, q
from manifest.formats.carta_porte.positions import Locator, Spot
from manifest.formats.carta_porte.read_goods import GoodsReader
from manifest.formats.carta_porte.read_transport import TransportReader
from manifest.formats.carta_porte.reading import TransportUnit
from manifest.formats.carta_porte.sat import FIGURE_ROLES, FOREIGN_RFC, NODES, REFERENCE_IDCCP, REFERENCE_UUID
from manifest.formats.carta_porte.traslado import service_concept
from manifest.model import (
    Address,
    Consignment,
    CrewMember,
    CrewRole,
    Direction,
    GoodsItem,
    Manifest,
    Mode,
    Party,
    PartyRole,
    Place,
    PlaceScheme,
    Quantity,
    Reference,
    Stop,
    TaxId,
    TaxIdScheme,
    TravelDocument,
)

# c_CveTransporte (catCartaPorte.xsd): the transport node of each mode.


class Reader(TransportReader, GoodsReader):
    def __init__(self, root: Any, carta_porte: Any, locator: Locator, version: str) -> None:
        super().__init__(root, carta_porte, locator, version)
        self._party_positions: dict[PartyRole, dict[str, Spot]] = {}

    # -- the whole document --------------------------------------------------------------------------------

    def manifest(self) -> Manifest:
        root = self.root
        self._record("", root)  # what is not placed more closely is placed at the CFDI
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
        figures, crew = self._figures(len(parties), mode)
        parties.extend(figures)
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
            crew=tuple(crew),
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
        return crossing.read_as(flow, other)

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
            "": (element, None),
            ".name": (element, "NombreRemitenteDestinatario"),
            ".tax_ids[0]": (element, tax_id),
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

    def _consignments(
        self, units: list[TransportUnit], shipper: Party | None, consignee: Party | None
    ) -> list[Consignment]:
        parties = tuple(p for p in (shipper, consignee) if p is not None)
        result: list[Consignment] = []
        for index, unit in enumerate(units):
            path = f"consignments[{index}]"
            for relative, spot in unit.positions.items():
                self.positions[f"{path}.{relative}"] = spot
            for number, party in enumerate(parties):
                for relative, spot in self._party_positions.get(party.role, {}).items():
                    self.positions[f"{path}.parties[{number}]{relative}"] = spot
            containers = [e.identifier for e in unit.equipment if e.identifier]
            goods: list[GoodsItem] = []
            for number, held in enumerate(unit.goods):
                for relative, spot in held.positions.items():
                    self.positions[f"{path}.goods[{number}]" + (f".{relative}" if relative else "")] = spot
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

    def _figures(self, first: int, mode: Mode) -> tuple[list[Party], list[CrewMember]]:
        """The TiposFigura: on a road Carta Porte an Operador (01) is a driver of the truck, one of its crew; every
        other figure, and an operator of another mode, is a party."""
        found: list[Party] = []
        crew: list[CrewMember] = []
        for element in self.cp.iterfind(f"{self._q('FiguraTransporte')}/{self._q('TiposFigura')}"):
            kind = element.get("TipoFigura", "")
            driving = mode == Mode.ROAD and kind == road.OPERATOR
            role = FIGURE_ROLES.get(kind, PartyRole.OTHER)
            mapped = ["NombreFigura", "RFCFigura", "NumRegIdTribFigura"]
            residence = element.get("ResidenciaFiscalFigura")
            if values.alpha2(residence) is not None and element.get("NumRegIdTribFigura"):
                mapped.append("ResidenciaFiscalFigura")
            if kind in FIGURE_ROLES:
                mapped.append("TipoFigura")
            if driving:
                mapped.append("NumLicencia")
            kept = ext.attributes(element, "cartaporte.TiposFigura", mapped)
            kept.update(ext.numbered(element.iterfind(self._q("PartesTransporte")), "cartaporte.PartesTransporte"))
            path = f"crew[{len(crew)}]" if driving else f"parties[{first + len(found)}]"
            self._record(path, element)
            self._record(f"{path}.name", element, "NombreFigura")
            self._record(
                f"{path}.tax_ids[0]", element, "RFCFigura" if element.get("RFCFigura") else "NumRegIdTribFigura"
            )
            domicilio = element.find(self._q("Domicilio"))
            address = self._address(domicilio, f"{path}.address") if domicilio is not None else None
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
            if driving:
                licence = element.get("NumLicencia")
                documents = (TravelDocument(kind=road.LICENCE, number=licence),) if licence is not None else ()
                if documents:
                    self._record(f"{path}.documents[0].number", element, "NumLicencia")
                crew.append(
                    CrewMember(
                        role=CrewRole.DRIVER,
                        name=element.get("NombreFigura"),
                        tax_ids=tuple(ids),
                        documents=documents,
                        address=address,
                        extensions=kept,
                    )
                )
                continue
            found.append(
                Party(role=role, name=element.get("NombreFigura"), tax_ids=tuple(ids), address=address, extensions=kept)
            )
        return found, crew


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


def _replace_goods(item: GoodsItem, **changes: Any) -> GoodsItem:
    from dataclasses import replace

    return replace(item, **changes)
