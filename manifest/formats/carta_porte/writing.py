"""What the parts of the Carta Porte writer share: the manifest being written and the losses found on the way."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from lxml import etree

from manifest.diagnostics import Diagnostic
from manifest.formats.carta_porte import catalogues, messages, road, schema, values
from manifest.formats.carta_porte.namespaces import CFDI, CP31, q
from manifest.model import CrewMember, Manifest, Party, PartyRole, TaxId, TaxIdScheme
from manifest.slotted import record


@record
class Gap:
    """A value SAT requires that the model lacks: the attribute (``@Rfc``) or child element (``RegimenesAduaneros``)
    of ``element`` left unwritten, and the model field that would hold it when there is one."""

    element: Any
    name: str
    field: str | None = None
    checked: bool = True  # False: missing whatever the element holds (an Ubicacion of one TipoUbicacion)

    def present(self) -> bool:
        if not self.checked:
            return False
        if self.name.startswith("@"):
            return self.element.get(self.name[1:]) is not None
        return self.element.find(q(CP31, self.name)) is not None


def sat_catalogue(element: Any, attribute: str) -> str | None:
    """The SAT catalogue (c_ClaveUnidad, c_Moneda ...) that the schema of ``element`` (CFDI 4.0 or Carta Porte 3.1)
    types ``attribute`` of it with, or None when the attribute takes no catalogue."""
    namespace = CFDI if etree.QName(element).namespace == CFDI else CP31
    declared = schema.type_of(schema.declared_types(namespace), element, attribute)
    return declared if declared.startswith("c_") else None


@cache
def sat_codes(catalogue: str) -> frozenset[str]:
    """Every code of the SAT catalogue ``catalogue``, from the catalogue files the package ships."""
    return catalogues.codes(schema.cfd_directory(), catalogue)


class WritingContext:
    def __init__(self, manifest: Manifest) -> None:
        self.m = manifest
        self.ext = dict(manifest.extensions)
        self.losses: list[Diagnostic] = []
        self.notes: list[Diagnostic] = []
        self.gaps: list[Gap] = []
        self.international = False  # CartaPorte@TranspInternac is "Sí"

    def _missing(self, element: Any, name: str, field: str | None = None, *, checked: bool = True) -> None:
        self.gaps.append(Gap(element, name, field, checked))

    def _set(
        self, element: Any, attribute: str, value: str | None, *, required: bool = False, field: str | None = None
    ) -> None:
        """Write a model value; one the attribute's pattern rejects (a '|' in free text, a plate with a space), or
        that is no code of the SAT catalogue the attribute takes (a unit c_ClaveUnidad lacks), is a loss of
        ``field`` (else of the attribute) and left unwritten, so that a required one is noted as missing."""
        where = field or f"{etree.QName(element).localname}@{attribute}"
        if value is not None and value != "" and not road.fits(attribute, value):
            self.losses.append(messages.not_carried(where, f"'{value}' does not fit the pattern of {attribute}"))
            value = None
        catalogue = sat_catalogue(element, attribute) if value else None
        if value and catalogue is not None and " ".join(value.split()) not in sat_codes(catalogue):
            # cfdv40.xsd and CartaPorte31.xsd type the attribute with a catalogue of catCFDI.xsd or
            # catCartaPorte.xsd: a value outside it is a schema error of the file written.
            self.losses.append(
                messages.not_carried(where, f"{attribute} takes a code of SAT {catalogue}, and '{value}' is none")
            )
            value = None
        if value is not None and value != "":
            element.set(attribute, value)
        elif required and element.get(attribute) is None:
            self._missing(element, f"@{attribute}", field)

    def _from_carta_porte(self) -> bool:
        """Whether the manifest was read from a Carta Porte, whose own attributes are restored from extensions."""
        return any(key.startswith("cartaporte.") for key in self.ext)

    def _party_path(self, role: PartyRole, name: str) -> str | None:
        index = next((i for i, p in enumerate(self.m.parties) if p.role == role), None)
        return None if index is None else f"parties[{index}].{name}"

    def _pais(self, code: str | None, field: str) -> str | None:
        """The c_Pais code (ISO 3166-1 alpha-3) of a country of the model; one that c_Pais cannot name is a loss, never
        written as it came."""
        found = values.alpha3(code)
        if code and found is None:
            self.losses.append(messages.not_carried(field, f"c_Pais has no code for '{code}'"))
        return found

    def gap_notes(self, root: Any) -> list[Diagnostic]:
        """One CP404 per value still missing once the document is built, at the XPath a validator reports it at
        (``/cfdi:Comprobante/cfdi:Emisor/@Rfc``) and with the model field that would hold it."""
        tree = root.getroottree()
        found: list[Diagnostic] = []
        seen: set[tuple[Any, str, str | None]] = set()
        for gap in self.gaps:
            # One note per attribute; the first gap found names the model field. Unchecked gaps (an Origen and a
            # Destino both missing from Ubicaciones) are each their own.
            key = (gap.element, gap.name, None if gap.checked else gap.field)
            if gap.present() or key in seen:
                continue
            seen.add(key)
            step = gap.name if gap.name.startswith("@") else f"cartaporte31:{gap.name}"
            what = f"{etree.QName(gap.element).localname}/{gap.name}"
            found.append(
                messages.MISSING_REQUIRED(what=what, location=f"{tree.getpath(gap.element)}/{step}", field=gap.field)
            )
        return found


def party_of(parties: Iterable[Party], role: PartyRole) -> Party | None:
    """The first of ``parties`` in ``role``."""
    return next((p for p in parties if p.role == role), None)


def tax_id(party: Party | CrewMember | None, scheme: TaxIdScheme) -> str | None:
    """The value of the first tax id of ``party`` in ``scheme``."""
    if party is None:
        return None
    return next((t.value for t in party.tax_ids if t.scheme == scheme), None)


def foreign_id(party: Party | CrewMember | None) -> TaxId | None:
    """The tax id a foreign resident is registered under, when ``party`` has one."""
    if party is None:
        return None
    return next((t for t in party.tax_ids if t.scheme == TaxIdScheme.FOREIGN), None)
