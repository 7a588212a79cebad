"""Writing the Mercancias of a Carta Porte 3.1 from the model's goods: each Mercancia with its customs documents
and detail, then the node of the transport mode (:mod:`.write_transport`)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from lxml import etree

from manifest import codelists
from manifest.codelists import crosswalks
from manifest.formats.carta_porte import extensions as ext
from manifest.formats.carta_porte import messages, road, values
from manifest.formats.carta_porte.namespaces import CP31, q
from manifest.formats.carta_porte.sat import NODES, PEDIMENTO_TYPE
from manifest.formats.carta_porte.write_transport import TransportWriter
from manifest.formats.carta_porte.writing import sat_codes
from manifest.model import Consignment, CustomsDocument, GoodsItem, TaxIdScheme


class GoodsWriter(TransportWriter):
    def _goods(self, holder: Any) -> None:
        items = [item for c in self.m.consignments for item in c.goods]
        # Mercancias@PesoBrutoTotal is the sum of the Mercancia's PesoEnKg (Carta Porte 3.1 standard): written when
        # every one is known, never a partial sum nor a zero for goods the model does not list.
        weights = [item_kilograms(item, c) for c in self.m.consignments for item in c.goods]
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
        self._set(element, "ClaveSTCC", item.stcc, field=f"{path}.stcc")
        self._set(element, "Descripcion", item.description, required=True, field=f"{path}.description")
        if item.quantity is not None:
            self._set(element, "Cantidad", values.text(item.quantity.value), field=f"{path}.quantity.value")
            unit = _sat_unit(item.quantity.unit, "c_ClaveUnidad")
            self._set(element, "ClaveUnidad", unit, field=f"{path}.quantity.unit")
        elif item.packages is not None and "cartaporte.DetalleMercancia.PesoBruto" not in item.extensions:
            self._set(element, "Cantidad", str(item.packages.count), field=f"{path}.packages.count")
            # UN/ECE Recommendation 21 package codes appear in c_ClaveUnidad with an "X" prefix (XBX box); pieces
            # of no stated kind are H87 (pieza).
            kind = item.packages.kind
            self._set(element, "ClaveUnidad", _package_unit(kind) if kind else "H87", field=f"{path}.packages.kind")
        hazardous = item.hazardous[0] if item.hazardous else None
        if hazardous is not None:
            element.set("MaterialPeligroso", "Sí")
            self._set(element, "CveMaterialPeligroso", hazardous.un_number, field=f"{path}.hazardous[0].un_number")
        weight = item_kilograms(item, consignment)
        self._set(
            element, "PesoEnKg", values.text(weight) if weight is not None else None, field=f"{path}.gross_weight"
        )
        if item.value is not None:
            self._set(element, "ValorMercancia", values.text(item.value.amount), field=f"{path}.value.amount")
            if element.get("ValorMercancia") is not None:
                self._set(element, "Moneda", item.value.currency, field=f"{path}.value.currency")
        fraccion = next((i for i, t in enumerate(item.tariff_codes) if t.scheme == "mx-fraccion"), None)
        if fraccion is not None:
            code = item.tariff_codes[fraccion].code
            self._set(element, "FraccionArancelaria", code, field=f"{path}.tariff_codes[{fraccion}].code")
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
            where = f"{path}.customs_documents[{item.customs_documents.index(document)}]"
            self._customs_document(etree.SubElement(element, q(CP31, "DocumentacionAduanera")), document, where)
        for name in ("GuiasIdentificacion", "CantidadTransporta"):
            for attributes in ext.restore_numbered(item.extensions, f"cartaporte.{name}"):
                etree.SubElement(element, q(CP31, name), attributes)
        detail = {k: v for k, v in item.extensions.items() if k.startswith("cartaporte.DetalleMercancia.")}
        if detail or item.net_weight is not None:
            node = etree.SubElement(element, q(CP31, "DetalleMercancia"))
            if item.net_weight is not None:
                unit = _sat_unit(item.net_weight.unit, "c_ClaveUnidadPeso")
                self._set(node, "UnidadPesoMerc", unit, field=f"{path}.net_weight.unit")
            ext.restore(node, item.extensions, "cartaporte.DetalleMercancia")
            if item.net_weight is not None:
                self._set(node, "PesoNeto", values.text(item.net_weight.value), field=f"{path}.net_weight")
            if item.packages is not None:
                self._set(node, "NumPiezas", str(item.packages.count), field=f"{path}.packages.count")
            self._set(node, "UnidadPesoMerc", None, required=True, field=f"{path}.net_weight.unit")
            self._set(node, "PesoNeto", None, required=True, field=f"{path}.net_weight")
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

    def _customs_document(self, element: Any, document: CustomsDocument, path: str) -> None:
        if document.kind == "pedimento":
            element.set("TipoDocumento", PEDIMENTO_TYPE)
            number = values.pedimento(document.number) if document.number else None
            # Carta Porte 3.1 standard, DocumentacionAduanera: a pedimento (TipoDocumento 01) states its NumPedimento.
            self._set(element, "NumPedimento", number or document.number, required=True, field=f"{path}.number")
        else:
            element.set("TipoDocumento", document.kind)
            self._set(element, "IdentDocAduanero", document.number, field=f"{path}.number")
        if document.importer_tax_id is not None and document.importer_tax_id.scheme == TaxIdScheme.RFC:
            self._set(element, "RFCImpo", document.importer_tax_id.value, field=f"{path}.importer_tax_id.value")
        ext.restore(element, document.extensions, "cartaporte.DocumentacionAduanera")


def item_kilograms(item: GoodsItem, consignment: Consignment) -> Decimal | None:
    """Mercancia@PesoEnKg: the item's gross weight, or its consignment's when it is the only item."""
    weight = values.in_kilograms(item.gross_weight) if item.gross_weight else None
    if weight is None and consignment.gross_weight is not None and len(consignment.goods) == 1:
        weight = values.in_kilograms(consignment.gross_weight)
    return weight


def _sat_unit(unit: str, catalogue: str) -> str:
    """The code of ``catalogue`` (c_ClaveUnidad, c_ClaveUnidadPeso: UN/ECE Recommendation 20 codes) for a model
    unit: the unit itself when the catalogue holds it, else its Rec 20 code through the units crosswalk (an X12 K is
    KGM); a unit neither gives is returned as it is, for the writer to find it missing from the catalogue."""
    if unit in sat_codes(catalogue):
        return unit
    for system in crosswalks.systems_of("units", unit):
        found = crosswalks.translate("units", system, "unece-rec20", unit)
        if found is not None and found in sat_codes(catalogue):
            return found
    return unit


def _package_unit(kind: str) -> str:
    """The c_ClaveUnidad code of a package kind: the UN/ECE Recommendation 21 code with an "X" before it (XBX box),
    the Rec 21 code found through the package-forms crosswalk for an X12 or SAT c_TipoEmbalaje kind (CTN -> XCT);
    a kind neither gives is returned as it is, for the writer to find it missing from the catalogue."""
    for system in ("unece-rec21", *crosswalks.systems_of("package-forms", kind)):
        found = crosswalks.translate("package-forms", system, "unece-rec21", kind)
        if found is not None and f"X{found}" in sat_codes("c_ClaveUnidad"):
            return f"X{found}"
    return kind
