"""Reading ``Mercancias`` into goods items, and giving each rail waybill its goods."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from manifest.formats.carta_porte import extensions as ext
from manifest.formats.carta_porte import messages, values
from manifest.formats.carta_porte.reading import HeldGoods, ReadingContext, TransportUnit
from manifest.formats.carta_porte.sat import PEDIMENTO_TYPE
from manifest.formats.readers import ascii_digits
from manifest.model import (
    CustomsDocument,
    EquipmentKind,
    GoodsItem,
    HazardousMaterial,
    Money,
    Packages,
    Quantity,
    TariffCode,
    TaxId,
    TaxIdScheme,
)

# c_CveTransporte (catCartaPorte.xsd): the transport node of each mode.


class GoodsReader(ReadingContext):
    def _goods(self, element: Any, kept: dict[str, str]) -> list[HeldGoods]:
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

    def _item(self, element: Any) -> HeldGoods:
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
            "": (element, None),
            "sat_product_key": (element, "BienesTransp"),
            "description": (element, "Descripcion"),
            "quantity": (element, "Cantidad"),
            "gross_weight": (element, "PesoEnKg"),
            "stcc": (element, "ClaveSTCC"),
            "value": (element, "ValorMercancia"),
            "tariff_codes[0]": (element, "FraccionArancelaria"),
            "hs_code": (element, "FraccionArancelaria"),
            "hazardous[0]": (element, "CveMaterialPeligroso"),
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
            positions[f"customs_documents[{number}]"] = (document, None)
            positions[f"customs_documents[{number}].number"] = (
                document,
                "NumPedimento" if document.get("NumPedimento") else "IdentDocAduanero",
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
            positions["net_weight"] = (detail, "PesoNeto")
            positions["packages"] = (detail, "NumPiezas")
        item = GoodsItem(
            description=element.get("Descripcion"),
            quantity=Quantity(value=count, unit=element.get("ClaveUnidad", "")) if count is not None else None,
            packages=packages,
            gross_weight=Quantity(value=weight, unit="KGM") if weight is not None else None,
            net_weight=net,
            hs_code=fraccion[:6] if fraccion and len(fraccion) >= 6 and ascii_digits(fraccion) else None,
            tariff_codes=(TariffCode(scheme="mx-fraccion", code=fraccion),) if fraccion else (),
            stcc=element.get("ClaveSTCC"),
            hazardous=hazardous,
            value=Money(amount=price, currency=element.get("Moneda", "")) if price is not None else None,
            sat_product_key=element.get("BienesTransp"),
            customs_documents=tuple(documents),
            extensions=kept,
        )
        return HeldGoods(element, item, positions)

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

    def _allocate(self, goods: list[HeldGoods], units: list[TransportUnit]) -> None:
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


def _integer(text: str) -> int | None:
    return int(text) if ascii_digits(text.strip()) else None


def _derived_totals(goods: Iterable[GoodsItem]) -> dict[str, str]:
    """The Mercancias totals a writer computes from the goods: the sum of PesoEnKg in KGM and the count."""
    items = list(goods)
    weights = [g.gross_weight.value for g in items if g.gross_weight is not None]
    return {
        "PesoBrutoTotal": values.text(sum(weights, Decimal(0))),
        "UnidadPeso": "KGM",
        "NumTotalMercancias": str(len(items)),
    }


def _split_by_weight(goods: list[GoodsItem], units: list[TransportUnit]) -> list[int] | None:
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
