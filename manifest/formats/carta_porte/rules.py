"""SAT business rules of Carta Porte that the XSD cannot express, checked on the XML with positions.

Each rule cites the attribute of the Carta Porte 3.1 standard (Estándar del Complemento Carta Porte) or of SAT's
Matriz de errores that it enforces. They run on the file, not on the model: the agency-requirements catalogue
checks the model for every format, these check the CFDI as SAT's validator (and the PAC) does.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from stdnum.mx import rfc as stdnum_rfc

from manifest import codelists
from manifest.diagnostics import Diagnostic
from manifest.formats.carta_porte import messages, values
from manifest.formats.carta_porte.namespaces import CFDI, q
from manifest.formats.carta_porte.positions import Locator
from manifest.formats.carta_porte.sat import FOREIGN_RFC, GENERIC_PUBLIC_RFC, GENERIC_RFCS_TAKEN, NODES, PEDIMENTO_TYPE
from manifest.formats.readers import ascii_digits

# c_CveTransporte 05 (pipeline) has no transport node in Carta Porte 3.1.
_NODELESS_MODES = {"05"}


def check(root: Any, carta_porte: Any, locator: Locator) -> list[Diagnostic]:
    return list(_Rules(root, carta_porte, locator).run())


class _Rules:
    def __init__(self, root: Any, carta_porte: Any, locator: Locator) -> None:
        self.root = root
        self.cp = carta_porte
        self.ns = str(carta_porte.tag)[1:].partition("}")[0]
        self.at = locator.at

    def _q(self, local: str) -> str:
        return q(self.ns, local)

    def _all(self, path: str) -> list[Any]:
        return list(self.cp.iterfind("/".join(self._q(step) for step in path.split("/"))))

    def run(self) -> Iterator[Diagnostic]:
        yield from self._voucher_type()
        yield from self._totals()
        yield from self._locations()
        yield from self._international()
        yield from self._domestic()
        yield from self._transport_nodes()
        yield from self._customs_documents()
        yield from self._rfcs()
        yield from self._dates()

    def _voucher_type(self) -> Iterator[Diagnostic]:
        # Carta Porte 3.1 standard, "Uso del complemento": on a CFDI de traslado (T) or de ingreso (I).
        kind = self.root.get("TipoDeComprobante")
        if kind is not None and kind not in ("T", "I"):
            yield messages.NOT_TRASLADO_OR_INGRESO(value=kind).at(self.at(self.root, "TipoDeComprobante"))

    def _totals(self) -> Iterator[Diagnostic]:
        goods = self.cp.find(self._q("Mercancias"))
        if goods is None:
            return
        items = list(goods.iterfind(self._q("Mercancia")))
        # Matriz de errores, Mercancias@NumTotalMercancias: the number of Mercancia nodes.
        declared_count = goods.get("NumTotalMercancias", "")
        if ascii_digits(declared_count.strip()) and int(declared_count) != len(items):
            yield messages.GOODS_COUNT(declared=declared_count, counted=len(items), value=declared_count).at(
                self.at(goods, "NumTotalMercancias")
            )
        # Matriz de errores, Mercancias@PesoBrutoTotal: the sum of Mercancia@PesoEnKg, in UnidadPeso.
        weights = [values.decimal(item.get("PesoEnKg", "")) for item in items]
        declared = values.decimal(goods.get("PesoBrutoTotal", ""))
        factor = values.KILOGRAMS_PER.get(goods.get("UnidadPeso", ""))
        if declared is None or factor is None or any(w is None for w in weights):
            return
        computed = sum((w for w in weights if w is not None), Decimal(0))
        tolerance = Decimal("0.001") * max(factor, Decimal(1))
        if abs(declared * factor - computed) > tolerance:
            yield messages.GROSS_WEIGHT_SUM(
                declared=goods.get("PesoBrutoTotal"),
                unit=goods.get("UnidadPeso"),
                computed=values.text(computed),
                value=goods.get("PesoBrutoTotal"),
            ).at(self.at(goods, "PesoBrutoTotal"))

    def _locations(self) -> Iterator[Diagnostic]:
        locations = self._all("Ubicaciones/Ubicacion")
        for kind in ("Origen", "Destino"):
            if locations and not any(e.get("TipoUbicacion") == kind for e in locations):
                yield messages.MISSING_LOCATION_KIND(kind=kind).at(self.at(self.cp.find(self._q("Ubicaciones"))))
        ids = {
            "IDOrigen": {e.get("IDUbicacion") for e in locations if e.get("TipoUbicacion") == "Origen"},
            "IDDestino": {e.get("IDUbicacion") for e in locations if e.get("TipoUbicacion") == "Destino"},
        }
        # Matriz de errores, CantidadTransporta@IDOrigen / @IDDestino: an IDUbicacion of an Origen / a Destino.
        for moved in self._all("Mercancias/Mercancia/CantidadTransporta"):
            for attribute, kind in (("IDOrigen", "Origen"), ("IDDestino", "Destino")):
                value = moved.get(attribute)
                if value is not None and value not in ids[attribute]:
                    yield messages.UNKNOWN_LOCATION_ID(attribute=attribute, value=value, kind=kind).at(
                        self.at(moved, attribute)
                    )

    def _domestic(self) -> Iterator[Diagnostic]:
        # Carta Porte 3.1 standard, CartaPorte@TranspInternac: "Sí" when the goods enter or leave national territory,
        # so a movement declared domestic has its origins and destinations in Mexico.
        if self.cp.get("TranspInternac") != "No":
            return
        for location in self._all("Ubicaciones/Ubicacion"):
            address = location.find(self._q("Domicilio"))
            country = address.get("Pais") if address is not None else None
            if country and country != "MEX":
                kind = location.get("TipoUbicacion") or "?"
                yield messages.DOMESTIC_ABROAD(kind=kind, country=country).at(self.at(self.cp, "TranspInternac"))

    def _international(self) -> Iterator[Diagnostic]:
        # Carta Porte 3.1 standard, CartaPorte@TranspInternac "Sí": EntradaSalidaMerc, PaisOrigenDestino,
        # ViaEntradaSalida and RegimenesAduaneros are required; every Mercancia states its FraccionArancelaria and
        # the customs documents that cover it (DocumentacionAduanera).
        if self.cp.get("TranspInternac") != "Sí":
            return
        required = ["EntradaSalidaMerc", "PaisOrigenDestino", "ViaEntradaSalida"]
        for attribute in required:
            if not self.cp.get(attribute):
                yield messages.INTERNATIONAL_MISSING(attribute=attribute).at(self.at(self.cp, "TranspInternac"))
        has_regime = self.cp.find(self._q("RegimenesAduaneros")) is not None or bool(self.cp.get("RegimenAduanero"))
        if not has_regime:
            yield messages.INTERNATIONAL_MISSING(attribute="RegimenesAduaneros").at(self.at(self.cp, "TranspInternac"))
        for item in self._all("Mercancias/Mercancia"):
            if not item.get("FraccionArancelaria"):
                yield messages.INTERNATIONAL_FRACCION().at(self.at(item))
            if item.find(self._q("DocumentacionAduanera")) is None:
                yield messages.INTERNATIONAL_DOCUMENTS().at(self.at(item))

    def _transport_nodes(self) -> Iterator[Diagnostic]:
        goods = self.cp.find(self._q("Mercancias"))
        if goods is None:
            return
        present = {code for code, (node, _) in NODES.items() if goods.find(self._q(node)) is not None}
        used: dict[str, tuple[Any, str]] = {}
        via = self.cp.get("ViaEntradaSalida")
        if via:
            used[via] = (self.cp, "ViaEntradaSalida")
        for moved in self._all("Mercancias/Mercancia/CantidadTransporta"):
            code = moved.get("CvesTransporte")
            if code:
                used.setdefault(code, (moved, "CvesTransporte"))
        # Matriz de errores: a transport key used by CvesTransporte or ViaEntradaSalida needs its transport node.
        for code, (element, attribute) in used.items():
            if code in NODES and code not in present:
                node = NODES[code][0]
                yield messages.MODE_WITHOUT_NODE(
                    mode=code, name=NODES[code][1].value, attribute=attribute, node=node
                ).at(self.at(element, attribute))
        if not present and not (set(used) & _NODELESS_MODES):
            yield messages.NO_TRANSPORT_NODE().at(self.at(goods))
        if used:
            for code in sorted(present - set(used)):
                node = NODES[code][0]
                yield messages.NODE_NOT_USED(node=node, mode=code).at(self.at(goods.find(self._q(node))))

    def _customs_documents(self) -> Iterator[Diagnostic]:
        aduanas = codelists.codes("sat-aduana")
        found = [(d, "NumPedimento") for d in self._all("Mercancias/Mercancia/DocumentacionAduanera")]
        found += [(info, "NumeroPedimento") for info in self.root.iter(q(CFDI, "InformacionAduanera"))]
        for element, attribute in found:
            if (
                attribute == "NumPedimento"
                and element.get("TipoDocumento") == PEDIMENTO_TYPE
                and not element.get(attribute)
            ):
                yield messages.PEDIMENTO_REQUIRED().at(self.at(element, "TipoDocumento"))
            number = element.get(attribute)
            if number is None:
                continue
            # Anexo 22: YY (validation year) AA (aduana) PPPP (patente) NNNNNNN (progressive), two spaces apart.
            form = values.PEDIMENTO.fullmatch(number)
            where = self.at(element, attribute)
            if form is None:
                yield messages.PEDIMENTO_FORM(attribute=attribute, value=number).at(where)
            elif form.group(2) not in aduanas:
                yield messages.PEDIMENTO_ADUANA(attribute=attribute, value=number, aduana=form.group(2)).at(where)

    def _rfcs(self) -> Iterator[Diagnostic]:
        checks: list[tuple[Any, str]] = []
        issuer = self.root.find(q(CFDI, "Emisor"))
        if issuer is not None:
            checks.append((issuer, "Rfc"))
        receiver = self.root.find(q(CFDI, "Receptor"))
        if receiver is not None:
            checks.append((receiver, "Rfc"))
        for location in self._all("Ubicaciones/Ubicacion"):
            checks.append((location, "RFCRemitenteDestinatario"))
        for document in self._all("Mercancias/Mercancia/DocumentacionAduanera"):
            checks.append((document, "RFCImpo"))
        for figure in self._all("FiguraTransporte/TiposFigura"):
            checks.append((figure, "RFCFigura"))
        air = self.cp.find(f"{self._q('Mercancias')}/{self._q('TransporteAereo')}")
        if air is not None:
            checks.append((air, "RFCEmbarcador"))
        for element, attribute in checks:
            value = element.get(attribute)
            if value is None:
                continue
            local = str(element.tag).rpartition("}")[2]
            generic = GENERIC_RFCS_TAKEN.get((local, attribute), frozenset())
            label = f"{local}/@{attribute}"
            where = self.at(element, attribute)
            if value in (GENERIC_PUBLIC_RFC, FOREIGN_RFC):
                if value not in generic:
                    yield messages.GENERIC_RFC_NOT_ALLOWED(attribute=label, value=value).at(where)
                elif value == FOREIGN_RFC and attribute == "RFCRemitenteDestinatario":
                    missing = [a for a in ("NumRegIdTrib", "ResidenciaFiscal") if not element.get(a)]
                    if missing:
                        yield messages.FOREIGN_WITHOUT_TAX_ID(attribute=label, needed=" and ".join(missing)).at(where)
                continue
            if not _valid_rfc(value):
                yield messages.BAD_RFC(attribute=label, value=value).at(where)

    def _dates(self) -> Iterator[Diagnostic]:
        # Matriz de errores, Ubicacion@FechaHoraSalidaLlegada: a Destino is reached after leaving the Origen.
        locations = self._all("Ubicaciones/Ubicacion")
        origins = [
            (moment, e)
            for e in locations
            if e.get("TipoUbicacion") == "Origen" and (moment := values.moment(e.get("FechaHoraSalidaLlegada", "")))
        ]
        if not origins:
            return
        departure = min(moment for moment, _ in origins)
        for element in locations:
            if element.get("TipoUbicacion") != "Destino":
                continue
            arrival = values.moment(element.get("FechaHoraSalidaLlegada", ""))
            if arrival is not None and arrival <= departure:
                yield messages.ARRIVAL_BEFORE_DEPARTURE(
                    arrival=values.moment_text(arrival),
                    departure=values.moment_text(departure),
                    value=element.get("FechaHoraSalidaLlegada"),
                ).at(self.at(element, "FechaHoraSalidaLlegada"))


def _valid_rfc(value: str) -> bool:
    """An RFC with a valid date and check digit (CFF art. 27; SAT homoclave algorithm) via python-stdnum."""
    try:
        stdnum_rfc.validate(value, validate_check_digits=True)
    except ValueError:
        return False
    return True
