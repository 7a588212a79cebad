"""Writing the FiguraTransporte of a Carta Porte 3.1: the truck's drivers and the parties of a figure's role."""

from __future__ import annotations

from typing import Any

from lxml import etree

from manifest.formats.carta_porte import extensions as ext
from manifest.formats.carta_porte import road
from manifest.formats.carta_porte.namespaces import CP31, q
from manifest.formats.carta_porte.sat import FIGURE_ROLES
from manifest.formats.carta_porte.write_places import PlacesWriter
from manifest.formats.carta_porte.writing import foreign_id, rfc_of
from manifest.model import CrewMember, Mode, Party


class FiguresWriter(PlacesWriter):
    def _figures(self, cp: Any) -> None:
        """FiguraTransporte: the truck's drivers as Operador figures, then the parties that hold a figure's role."""
        m = self.m
        figures = [
            (i, p)
            for i, p in enumerate(m.parties)
            if p.role in FIGURE_ROLES.values() or "cartaporte.TiposFigura.TipoFigura" in p.extensions
        ]
        drivers = [(i, c) for i, c in enumerate(m.crew) if c.role in road.DRIVING] if m.mode == Mode.ROAD else []
        if figures or drivers:
            holder = etree.SubElement(cp, q(CP31, "FiguraTransporte"))
            for index, member in drivers:
                self._driver(etree.SubElement(holder, q(CP31, "TiposFigura")), member, f"crew[{index}]")
            for index, party in figures:
                # By its own place: two equal parties are two figures, each at its own model path.
                self._figure(etree.SubElement(holder, q(CP31, "TiposFigura")), party, f"parties[{index}]")

    def _figure(self, element: Any, party: Party, path: str) -> None:
        code = next((code for code, role in FIGURE_ROLES.items() if role == party.role), None)
        self._set(element, "TipoFigura", code)
        rfc, field = rfc_of(party, path)
        self._set(element, "RFCFigura", rfc, field=field)
        self._set(element, "NombreFigura", party.name, required=True, field=f"{path}.name")
        self._foreign_tax_id(element, party, path)
        ext.restore(element, party.extensions, "cartaporte.TiposFigura")
        self._set(element, "TipoFigura", None, required=True)
        if self.m.mode == Mode.ROAD and element.get("TipoFigura") == road.OPERATOR:
            # An Operador of a truck: a party of the model has no licence, which is noted as a driver's is.
            self._operator_needs(element, None, f"{path}.tax_ids")
        for attributes in ext.restore_numbered(party.extensions, "cartaporte.PartesTransporte"):
            etree.SubElement(element, q(CP31, "PartesTransporte"), attributes)
        if party.address is not None:
            self._address(etree.SubElement(element, q(CP31, "Domicilio")), party.address, f"{path}.address")

    def _foreign_tax_id(self, element: Any, holder: Party | CrewMember, path: str) -> None:
        """NumRegIdTribFigura and ResidenciaFiscalFigura from the foreign tax id of a figure (a party or a driver at
        model path ``path``), if it has one."""
        foreign = foreign_id(holder)
        if foreign is not None:
            where = f"{path}.tax_ids[{holder.tax_ids.index(foreign)}]"
            self._set(element, "NumRegIdTribFigura", foreign.value, field=f"{where}.value")
            residence = self._pais(foreign.country, f"{where}.country")
            self._set(element, "ResidenciaFiscalFigura", residence, field=f"{where}.country")

    def _operator_needs(self, element: Any, licence: str | None, tax_ids: str) -> None:
        """Carta Porte 3.1 standard, TiposFigura of an Operador: the federal licence (NumLicencia), and the RFC of one
        resident in Mexico (a foreign one gives NumRegIdTribFigura instead); each one missing is noted, with the model
        field that would hold it."""
        self._set(element, "NumLicencia", None, required=True, field=licence)
        if element.get("NumRegIdTribFigura") is None:
            self._set(element, "RFCFigura", None, required=True, field=tax_ids)

    def _driver(self, element: Any, member: CrewMember, path: str) -> None:
        """A driver of the truck as the Operador figure (c_FiguraTransporte 01): NombreFigura holds the whole name,
        NumLicencia the federal licence, RFCFigura or NumRegIdTribFigura the tax id."""
        element.set("TipoFigura", road.OPERATOR)
        rfc, field = rfc_of(member, path)
        self._set(element, "RFCFigura", rfc, field=field)
        licence = next((d for d in member.documents if d.kind == road.LICENCE), None)
        if licence is not None:
            where = f"{path}.documents[{member.documents.index(licence)}].number"
            self._set(element, "NumLicencia", licence.number, field=where)
        self._set(element, "NombreFigura", road.whole_name(member), required=True, field=f"{path}.name")
        self._foreign_tax_id(element, member, path)
        ext.restore(element, member.extensions, "cartaporte.TiposFigura")
        self._operator_needs(element, f"{path}.documents", f"{path}.tax_ids")
        for attributes in ext.restore_numbered(member.extensions, "cartaporte.PartesTransporte"):
            etree.SubElement(element, q(CP31, "PartesTransporte"), attributes)
        if member.address is not None:
            self._address(etree.SubElement(element, q(CP31, "Domicilio")), member.address, f"{path}.address")
