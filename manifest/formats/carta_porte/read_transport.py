"""Reading the transport node of a Carta Porte (rail, maritime, air, road) into conveyance, carrier and units."""

from __future__ import annotations

from typing import Any

from manifest.formats.carta_porte import extensions as ext
from manifest.formats.carta_porte import rail, road, values
from manifest.formats.carta_porte.reading import ReadingContext, TransportUnit
from manifest.formats.carta_porte.road import PATTERNS
from manifest.formats.carta_porte.sat import NODES
from manifest.model import (
    Carrier,
    Conveyance,
    DocumentType,
    Equipment,
    EquipmentKind,
    Insurance,
    Mode,
    Permit,
    Quantity,
    Reference,
    Seal,
)

# c_CveTransporte (catCartaPorte.xsd): the transport node of each mode.


class TransportReader(ReadingContext):
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
    ) -> tuple[Conveyance | None, Carrier | None, str | None, list[TransportUnit], list[Equipment]]:
        id_ccp = self.cp.get("IdCCP") or ""
        if node is None:
            return None, None, None, [TransportUnit(id_ccp, DocumentType.OTHER)], []
        # The transport node says how the goods travel and holds what the conveyance's extensions keep.
        self._record("mode", node)
        self._record("conveyance", node)
        if mode == Mode.RAIL:
            conveyance, carrier, units = self._rail(node)
            return conveyance, carrier, None, units, []
        if mode == Mode.MARITIME:
            return self._maritime(node, id_ccp)
        if mode == Mode.AIR:
            return self._air(node, id_ccp)
        return self._road(node, id_ccp)

    def _rail(self, node: Any) -> tuple[Conveyance, Carrier | None, list[TransportUnit]]:
        kept = ext.attributes(node, "cartaporte.TransporteFerroviario")
        kept.update(ext.numbered(node.iterfind(self._q("DerechosDePaso")), "cartaporte.DerechosDePaso"))
        units: dict[str, TransportUnit] = {}
        cars = list(node.iterfind(self._q("Carro")))
        waybills = [car.get("GuiaCarro", "") for car in cars]
        # Cars of one waybill that are not contiguous keep their place in the file, so a rewrite keeps the order.
        grouped = all(waybills.index(w) == i or waybills[i - 1] == w for i, w in enumerate(waybills))
        for order, car in enumerate(cars, start=1):
            waybill = car.get("GuiaCarro", "")
            unit = units.setdefault(waybill, TransportUnit(waybill, DocumentType.RAIL_WAYBILL))
            unit.positions["document_number"] = (car, "GuiaCarro")
            index = len(unit.equipment)
            unit.positions[f"equipment[{index}]"] = (car, None)
            unit.positions[f"equipment[{index}].number"] = (car, "MatriculaCarro")
            unit.positions[f"equipment[{index}].net_weight"] = (car, "ToneladasNetasCarro")
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
                    kind=rail.car_kind(car.get("TipoCarro", "")),
                    initial=mark,
                    number=number,
                    net_weight=Quantity(value=tonnes, unit="TNE") if tonnes is not None else None,
                    type_codes=(Reference(kind="c_TipoCarro", value=car.get("TipoCarro", "")),),
                    extensions=car_kept,
                )
            )
            for container in car.iterfind(self._q("Contenedor")):
                unit.positions[f"equipment[{len(unit.equipment)}]"] = (container, None)
                unit.equipment.append(self._rail_container(container))
        return (
            Conveyance(extensions=kept),
            None,
            list(units.values()) or [TransportUnit(self.cp.get("IdCCP") or "", DocumentType.RAIL_WAYBILL)],
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
    ) -> tuple[Conveyance, Carrier | None, str | None, list[TransportUnit], list[Equipment]]:
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
        unit = TransportUnit(bill, DocumentType.BILL_OF_LADING) if bill else TransportUnit(id_ccp, DocumentType.OTHER)
        if bill:
            unit.positions["document_number"] = (node, "NumConocEmbarc")
        # 3.0 puts RemolquesCCP under TransporteMaritimo; 3.1 moved it inside each Contenedor.
        kept.update(
            ext.numbered(
                node.iterfind(f"{self._q('RemolquesCCP')}/{self._q('RemolqueCCP')}"), "cartaporte30.RemolqueCCP"
            )
        )
        for container in node.iterfind(self._q("Contenedor")):
            unit.positions[f"equipment[{len(unit.equipment)}]"] = (container, None)
            unit.positions[f"equipment[{len(unit.equipment)}].number"] = (container, "MatriculaContenedor")
            unit.positions[f"equipment[{len(unit.equipment)}].seals[0]"] = (container, "NumPrecinto")
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
    ) -> tuple[Conveyance, Carrier | None, str | None, list[TransportUnit], list[Equipment]]:
        kept = ext.attributes(
            node, "cartaporte.TransporteAereo", ("MatriculaAeronave", "NumeroGuia", "CodigoTransportista")
        )
        guide = node.get("NumeroGuia") or ""
        number = values.awb_number(guide) or guide
        if number != guide:
            kept["cartaporte.TransporteAereo.NumeroGuia"] = guide
        unit = TransportUnit(number or id_ccp, DocumentType.AIR_WAYBILL if number else DocumentType.OTHER)
        unit.positions["document_number"] = (node, "NumeroGuia")
        self._record("carrier.sat_air_code", node, "CodigoTransportista")
        self._record("conveyance.aircraft_registration", node, "MatriculaAeronave")
        carrier = Carrier(sat_air_code=node.get("CodigoTransportista")) if node.get("CodigoTransportista") else None
        conveyance = Conveyance(aircraft_registration=node.get("MatriculaAeronave"), extensions=kept)
        return conveyance, carrier, None, [unit], []

    def _road(
        self, node: Any, id_ccp: str
    ) -> tuple[Conveyance, Carrier | None, str | None, list[TransportUnit], list[Equipment]]:
        kept = ext.attributes(node, "cartaporte.Autotransporte", ("PermSCT", "NumPermisoSCT"))
        permits: tuple[Permit, ...] = ()
        if node.get("PermSCT") is not None or node.get("NumPermisoSCT") is not None:
            self._record("conveyance.permits[0].kind", node, "PermSCT")
            self._record("conveyance.permits[0].number", node, "NumPermisoSCT")
            permits = (Permit(kind=node.get("PermSCT"), number=node.get("NumPermisoSCT")),)
        vehicle = node.find(self._q("IdentificacionVehicular"))
        plate = config = None
        weight: Quantity | None = None
        year: int | None = None
        if vehicle is not None:
            mapped = ("PlacaVM", "ConfigVehicular", "PesoBrutoVehicular", "AnioModeloVM")
            kept.update(ext.attributes(vehicle, "cartaporte.IdentificacionVehicular", mapped))
            plate, config = vehicle.get("PlacaVM"), vehicle.get("ConfigVehicular")
            tonnes = self._number(vehicle, "PesoBrutoVehicular", kept, "cartaporte.IdentificacionVehicular")
            weight = Quantity(value=tonnes, unit=road.GROSS_WEIGHT_UNIT) if tonnes is not None else None
            year = self._number(vehicle, "AnioModeloVM", kept, "cartaporte.IdentificacionVehicular", _year)
            for name, attribute in (
                ("vehicle_plate", "PlacaVM"),
                ("type_code", "ConfigVehicular"),
                ("gross_vehicle_weight", "PesoBrutoVehicular"),
                ("model_year", "AnioModeloVM"),
            ):
                self._record(f"conveyance.{name}", vehicle, attribute)
        insurances: list[Insurance] = []
        seguros = node.find(self._q("Seguros"))
        if seguros is not None:
            pairs = [attribute for pair in road.INSURANCE.values() for attribute in pair]
            kept.update(ext.attributes(seguros, "cartaporte.Seguros", pairs))
            for cover, (insurer, policy) in road.INSURANCE.items():
                if seguros.get(insurer) is None and seguros.get(policy) is None:
                    continue
                where = f"conveyance.insurances[{len(insurances)}]"
                self._record(f"{where}.insurer", seguros, insurer)
                self._record(f"{where}.policy", seguros, policy)
                insurances.append(Insurance(cover=cover, insurer=seguros.get(insurer), policy=seguros.get(policy)))
        trailers: list[Equipment] = []
        # The truck's trailers are the Autotransporte's Remolques: a missing one is reported where they would be.
        self._record("equipment", node)
        for trailer in node.iterfind(f"{self._q('Remolques')}/{self._q('Remolque')}"):
            self._record(f"equipment[{len(trailers)}]", trailer)
            self._record(f"equipment[{len(trailers)}].vehicle_plate", trailer, "Placa")
            # A Remolque is known by its plate only: Carta Porte has no trailer number.
            trailers.append(
                Equipment(
                    kind=EquipmentKind.TRAILER,
                    number="",
                    vehicle_plate=trailer.get("Placa"),
                    type_codes=(Reference(kind="c_SubTipoRem", value=trailer.get("SubTipoRem", "")),),
                    extensions=ext.attributes(trailer, "cartaporte.Remolque", ("Placa", "SubTipoRem")),
                )
            )
        conveyance = Conveyance(
            vehicle_plate=plate,
            type_code=config,
            gross_vehicle_weight=weight,
            model_year=year,
            permits=permits,
            insurances=tuple(insurances),
            extensions=kept,
        )
        return conveyance, None, None, [TransportUnit(id_ccp, DocumentType.ROAD_CONSIGNMENT_NOTE)], trailers


def _year(text: str) -> int | None:
    """AnioModeloVM, an xs:int of the form 19xx or 20xx (CartaPorte31.xsd)."""
    stripped = text.strip()
    return int(stripped) if PATTERNS["AnioModeloVM"].fullmatch(stripped) else None
