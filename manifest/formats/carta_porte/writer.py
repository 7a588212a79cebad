"""Writing a CFDI 4.0 with the Complemento Carta Porte 3.1 from the harmonized model.

This module writes the CFDI around the complement and the CartaPorte node; the Ubicaciones are written by
:mod:`.write_places`, the Mercancias by :mod:`.write_goods` (their transport node by :mod:`.write_transport`) and
the FiguraTransporte by :mod:`.write_figures`.

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

from collections.abc import Sequence
from typing import Any

from lxml import etree

from manifest.formats.base import Written
from manifest.formats.carta_porte import extensions as ext
from manifest.formats.carta_porte import losses, messages, values
from manifest.formats.carta_porte.namespaces import CFDI, CP31, SCHEMA_LOCATION, TFD, XSI, q
from manifest.formats.carta_porte.sat import (
    FOREIGN_RFC,
    REFERENCE_IDCCP,
    REFERENCE_UUID,
    issuer_is_carrier,
)
from manifest.formats.carta_porte.traslado import service_concept
from manifest.formats.carta_porte.write_figures import FiguresWriter
from manifest.formats.carta_porte.write_goods import GoodsWriter
from manifest.formats.carta_porte.writing import foreign_id, party_of, rfc_of
from manifest.formats.xmlchars import xml_ready
from manifest.model import (
    Manifest,
    Mode,
    PartyRole,
)

_NSMAP = {"cfdi": CFDI, "cartaporte31": CP31, "xsi": XSI}
_CFDI_ORDER = ("InformacionGlobal", "CfdiRelacionados", "Emisor", "Receptor", "Conceptos", "Impuestos")
UNSIGNED_CERTIFICATE = "0" * 20  # cfdv40.xsd NoCertificado [0-9]{20}, filled by the issuer when it seals


def write(manifests: Sequence[Manifest]) -> Written:
    if not manifests:
        return Written(b"", (messages.not_carried("manifests", "there is no manifest to write"),))
    carried, found = xml_ready(manifests[:1])
    writer = _Writer(carried[0])
    data = writer.document()
    found.extend(writer.losses)
    for index in range(1, len(manifests)):
        found.append(messages.not_carried(f"manifests[{index}]", "one CFDI carries one Carta Porte"))
    found.extend(losses.of(manifests[0], writer.written | {d.field for d in found if d.field}))
    return Written(data, tuple(found), tuple(writer.notes))


class _Writer(GoodsWriter, FiguresWriter):
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
            issuer = party_of(self.m.parties, PartyRole.ISSUER)
            postal = issuer.address.postal_code if issuer and issuer.address else None
            self._set(
                root,
                "LugarExpedicion",
                postal,
                required=True,
                field=self._party_path(PartyRole.ISSUER, "address.postal_code"),
            )
        self._set(root, "Fecha", None, required=True, field="departure.moment")
        if "cfdi.Sello" not in self.ext:
            # A CFDI read and rewritten keeps its own seal state; one made from another format cannot be sealed here.
            self.notes.append(messages.UNSIGNED(location="/cfdi:Comprobante/@Sello"))
            for attribute, value in (("Sello", ""), ("NoCertificado", UNSIGNED_CERTIFICATE), ("Certificado", "")):
                if root.get(attribute) is None:
                    root.set(attribute, value)

    def _issuer(self, element: Any) -> None:
        party = party_of(self.m.parties, PartyRole.ISSUER)
        rfc, field = rfc_of(party, self._party_path(PartyRole.ISSUER))
        name = party.name if party else None
        named = self._party_path(PartyRole.ISSUER, "name")
        carrier = self.m.carrier
        if carrier is not None and carrier.tax_id is not None and issuer_is_carrier(self.m):
            # The carrier issues the CFDI (Carta Porte 3.1 standard): the model may hold the issuer's RFC as the
            # carrier's tax id rather than as an issuer party's (SAT-CP-001).
            rfc, field = carrier.tax_id.value, "carrier.tax_id.value"
            if not name:
                name, named = carrier.name, "carrier.name"
        self._set(element, "Rfc", rfc, required=True, field=field if rfc is not None else "carrier.tax_id")
        self._set(element, "Nombre", name, required=True, field=named)
        if party is not None:
            ext.restore(element, party.extensions, "cfdi.Emisor")
        self._set(element, "RegimenFiscal", None, required=True)

    def _receiver(self, element: Any) -> None:
        party = party_of(self.m.parties, PartyRole.RECEIVER)
        foreign = foreign_id(party)
        rfc, field = rfc_of(party, self._party_path(PartyRole.RECEIVER))
        self._set(element, "Rfc", rfc or (FOREIGN_RFC if foreign else None), required=True, field=field)
        self._set(
            element,
            "Nombre",
            party.name if party else None,
            required=True,
            field=self._party_path(PartyRole.RECEIVER, "name"),
        )
        postal = party.address.postal_code if party and party.address else None
        where = self._party_path(PartyRole.RECEIVER, "address.postal_code")
        self._set(element, "DomicilioFiscalReceptor", postal, required=True, field=where)
        if party is not None and foreign is not None:
            where = f"{self._party_path(PartyRole.RECEIVER, 'tax_ids')}[{party.tax_ids.index(foreign)}]"
            residence = self._pais(foreign.country, f"{where}.country")
            self._set(element, "ResidenciaFiscal", residence, field=f"{where}.country")
            self._set(element, "NumRegIdTrib", foreign.value, field=f"{where}.value")
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

    def _carta_porte(self, cp: Any) -> None:
        m = self.m
        cp.set("Version", "3.1")
        id_ccp = next((i for i, r in enumerate(m.references) if r.kind == REFERENCE_IDCCP), None)
        if id_ccp is not None:
            self._set(cp, "IdCCP", m.references[id_ccp].value, field=f"references[{id_ccp}].value")
        self._set(cp, "IdCCP", None, required=True)
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
        self._figures(cp)
