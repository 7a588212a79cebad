"""Writing the transport node of a Carta Porte 3.1 (rail, maritime, air, road) from the model."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lxml import etree

from manifest.formats.carta_porte import extensions as ext
from manifest.formats.carta_porte import messages, rail, road, values
from manifest.formats.carta_porte.namespaces import CP31, q
from manifest.formats.carta_porte.sat import (
    BILL_TYPES,
)
from manifest.formats.carta_porte.writing import WritingContext
from manifest.formats.readers import ascii_digits
from manifest.model import (
    Consignment,
    Conveyance,
    DocumentType,
    Equipment,
    EquipmentKind,
    InsuranceCover,
    Mode,
)


class TransportWriter(WritingContext):
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
        for bill, consignment in enumerate(self.m.consignments):
            car: Any = None
            for number, equipment in enumerate(consignment.equipment):
                if rail.container_written(equipment, consignment):
                    self._rail_container(etree.SubElement(car, q(CP31, "Contenedor")), equipment)
                elif equipment.kind in rail.CAR_KINDS:
                    car = etree.Element(q(CP31, "Carro"))
                    self._car(car, equipment, consignment, f"consignments[{bill}].equipment[{number}]")
                    order = equipment.extensions.get("cartaporte.Carro.orden", "")
                    cars.append((int(order) if ascii_digits(order) else len(cars) + 1, len(cars), car))
        for _, _, car in sorted(cars, key=lambda entry: (entry[0], entry[1])):
            node.append(car)
        if not cars:
            self._missing(node, "Carro")
        return node

    def _car(self, element: Any, equipment: Equipment, consignment: Consignment, path: str) -> None:
        car_type = rail.car_type(equipment)
        for index, code in enumerate(equipment.type_codes):
            if code.kind == rail.CAR_TYPES and code.value != car_type:
                # The reader takes a Carro's kind from its TipoCarro (TC08 is a locomotive): a code that names
                # another kind than the model's is not written, so that the kind is read back as it is.
                reason = f"TipoCarro '{code.value}' is not the type of a {equipment.kind.value}"
                self.losses.append(messages.not_carried(f"{path}.type_codes[{index}]", reason))
        self._set(element, "TipoCarro", car_type, required=True, field=f"{path}.type_codes")
        written = (
            equipment.extensions.get("cartaporte.Carro.MatriculaCarro")
            or f"{equipment.initial or ''}{equipment.number}"
        )
        self._set(element, "MatriculaCarro", written, required=True, field=f"{path}.number")
        element.set("GuiaCarro", consignment.document_number)
        self.written.add(f"{path.rpartition('.equipment')[0]}.document_number")
        tonnes = rail.car_tonnes(equipment, consignment)
        self._set(element, "ToneladasNetasCarro", values.text(tonnes) if tonnes is not None else None, required=True)
        ext.restore(
            element,
            {k: v for k, v in equipment.extensions.items() if k != "cartaporte.Carro.orden"},
            "cartaporte.Carro",
        )

    def _rail_container(self, element: Any, equipment: Equipment) -> None:
        self._set(element, "TipoContenedor", _type_code(equipment, rail.CONTAINER_TYPES), required=True)
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
            self._set(node, "TipoEmbarcacion", conveyance.type_code, field="conveyance.type_code")
            imo = f"IMO{conveyance.imo_number}" if conveyance.imo_number else None
            self._set(node, "NumeroOMI", imo, field="conveyance.imo_number")
            self._set(node, "NombreEmbarc", conveyance.name, field="conveyance.name")
            self._set(
                node, "NacionalidadEmbarc", self._pais(conveyance.flag, "conveyance.flag"), field="conveyance.flag"
            )
        self._set(node, "LineaNaviera", m.carrier.name if m.carrier else None, field="carrier.name")
        self._set(node, "NumViaje", m.trip_number, field="trip_number")
        bill = next((i for i, c in enumerate(m.consignments) if c.document_type in BILL_TYPES), None)
        if bill is not None:
            number = m.consignments[bill].document_number
            self._set(node, "NumConocEmbarc", number, field=f"consignments[{bill}].document_number")
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
        for index, consignment in enumerate(m.consignments):
            for place, equipment in enumerate(consignment.equipment):
                if equipment.kind == EquipmentKind.CONTAINER:
                    container = etree.SubElement(node, q(CP31, "Contenedor"))
                    self._sea_container(container, equipment, f"consignments[{index}].equipment[{place}]")
                    if trailers and container.find(q(CP31, "RemolquesCCP")) is None:
                        holder = etree.SubElement(container, q(CP31, "RemolquesCCP"))
                        for attributes in trailers:
                            etree.SubElement(holder, q(CP31, "RemolqueCCP"), attributes)
                        trailers = []
        return node

    def _sea_container(self, element: Any, equipment: Equipment, path: str) -> None:
        self._set(element, "TipoContenedor", _type_code(equipment, "c_ContenedorMaritimo"), required=True)
        self._set(
            element, "MatriculaContenedor", f"{equipment.initial or ''}{equipment.number}", field=f"{path}.number"
        )
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
            self._set(
                node, "MatriculaAeronave", m.conveyance.aircraft_registration, field="conveyance.aircraft_registration"
            )
        waybill = next((i for i, c in enumerate(m.consignments) if c.document_type == DocumentType.AIR_WAYBILL), None)
        if waybill is not None:
            # Carta Porte 3.1 NumeroGuia is [^|]{12,15}: an empty number is noted, another one it cannot hold is a
            # loss (and the attribute noted), never written as it came.
            field = f"consignments[{waybill}].document_number"
            number: str | None = m.consignments[waybill].document_number
            if number and not (12 <= len(number) <= 15 and "|" not in number):
                self.losses.append(messages.not_carried(field, "NumeroGuia takes 12 to 15 characters, without '|'"))
                number = None
            self._set(node, "NumeroGuia", number, required=True, field=field)
        self._set(
            node, "CodigoTransportista", m.carrier.sat_air_code if m.carrier else None, field="carrier.sat_air_code"
        )
        ext.restore(node, self._conveyance_extensions(), "cartaporte.TransporteAereo")
        for attribute in ("PermSCT", "NumPermisoSCT", "NumeroGuia", "CodigoTransportista"):
            self._set(node, attribute, None, required=True)
        return node

    def _road(self) -> Any:
        m = self.m
        conveyance = m.conveyance
        kept = self._conveyance_extensions()
        node = etree.Element(q(CP31, "Autotransporte"))
        if conveyance is not None and conveyance.permits:
            permit = conveyance.permits[0]
            self._set(node, "PermSCT", permit.kind, field="conveyance.permits[0].kind")
            self._set(node, "NumPermisoSCT", permit.number, field="conveyance.permits[0].number")
        ext.restore(node, kept, "cartaporte.Autotransporte")
        vehicle = etree.SubElement(node, q(CP31, "IdentificacionVehicular"))
        if conveyance is not None:
            self._set(vehicle, "ConfigVehicular", conveyance.type_code, field="conveyance.type_code")
            self._set(vehicle, "PesoBrutoVehicular", self._tonnes(conveyance), field="conveyance.gross_vehicle_weight")
            self._set(vehicle, "PlacaVM", conveyance.vehicle_plate, field="conveyance.vehicle_plate")
            year = str(conveyance.model_year) if conveyance.model_year is not None else None
            self._set(vehicle, "AnioModeloVM", year, field="conveyance.model_year")
        ext.restore(vehicle, kept, "cartaporte.IdentificacionVehicular")
        insurance = etree.SubElement(node, q(CP31, "Seguros"))
        covered: set[InsuranceCover] = set()
        for index, cover in enumerate(conveyance.insurances if conveyance is not None else ()):
            if cover.cover not in road.INSURANCE or cover.cover in covered:
                continue  # listed by the loss report: Seguros has one insurer and policy per cover
            covered.add(cover.cover)
            insurer, policy = road.INSURANCE[cover.cover]
            self._set(insurance, insurer, cover.insurer, field=f"conveyance.insurances[{index}].insurer")
            self._set(insurance, policy, cover.policy, field=f"conveyance.insurances[{index}].policy")
        ext.restore(insurance, kept, "cartaporte.Seguros")
        # Carta Porte 3.1 standard, Autotransporte: the SCT permit, the vehicle and its civil liability insurance are
        # required; what the model lacks is noted (CP404) with the field that would hold it.
        for element, attribute, field in (
            (node, "PermSCT", "conveyance.permits"),
            (node, "NumPermisoSCT", "conveyance.permits"),
            (vehicle, "ConfigVehicular", "conveyance.type_code"),
            (vehicle, "PesoBrutoVehicular", "conveyance.gross_vehicle_weight"),
            (vehicle, "PlacaVM", "conveyance.vehicle_plate"),
            (vehicle, "AnioModeloVM", "conveyance.model_year"),
            (insurance, "AseguraRespCivil", "conveyance.insurances"),
            (insurance, "PolizaRespCivil", "conveyance.insurances"),
        ):
            self._set(element, attribute, None, required=True, field=field)
        trailers = [(i, e) for i, e in enumerate(m.equipment) if e.kind == EquipmentKind.TRAILER]
        if trailers:
            holder = etree.SubElement(node, q(CP31, "Remolques"))
            # CartaPorte31.xsd Remolques/Remolque [1..2]: a third trailer is a loss (see .losses).
            for index, equipment in trailers[: road.MOST_TRAILERS]:
                trailer = etree.SubElement(holder, q(CP31, "Remolque"))
                path = f"equipment[{index}]"
                self._set(trailer, "SubTipoRem", _type_code(equipment, "c_SubTipoRem"), field=f"{path}.type_codes")
                self._set(trailer, "Placa", equipment.vehicle_plate, field=f"{path}.vehicle_plate")
                ext.restore(trailer, equipment.extensions, "cartaporte.Remolque")
                self._set(trailer, "SubTipoRem", None, required=True, field=f"{path}.type_codes")
                self._set(trailer, "Placa", None, required=True, field=f"{path}.vehicle_plate")
        return node

    def _tonnes(self, conveyance: Conveyance) -> str | None:
        """PesoBrutoVehicular: the gross vehicle weight in tonnes with at most two decimals (CartaPorte31.xsd);
        a weight in another unit is converted, one that does not convert or needs more decimals is a loss."""
        weight = conveyance.gross_vehicle_weight
        if weight is None:
            return None
        kilograms = values.in_kilograms(weight)
        tonnes = kilograms / 1000 if kilograms is not None else None
        if tonnes is None or tonnes <= 0 or tonnes != tonnes.quantize(Decimal("0.01")):
            reason = "PesoBrutoVehicular takes tonnes, above zero, with at most two decimals"
            self.losses.append(messages.not_carried("conveyance.gross_vehicle_weight", reason))
            return None
        # A weight in tonnes is written as it came ("36.50" stays so); a converted one without trailing zeros.
        return values.text(weight.value if weight.unit == road.GROSS_WEIGHT_UNIT else tonnes.normalize())


def _type_code(equipment: Equipment, catalogue: str) -> str | None:
    return next((r.value for r in equipment.type_codes if r.kind == catalogue), None)
