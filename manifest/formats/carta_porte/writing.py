"""What the parts of the Carta Porte writer share: the manifest being written and the losses found on the way."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Any

from lxml import etree

from manifest import identifiers
from manifest.diagnostics import Diagnostic
from manifest.formats.carta_porte import catalogues, messages, road, schema, values
from manifest.formats.carta_porte.facets import facets_of
from manifest.formats.carta_porte.namespaces import CFDI, CP31, q
from manifest.formats.carta_porte.sat import GENERIC_RFCS_TAKEN
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


def fits(element: Any, attribute: str, value: str) -> bool:
    """Whether ``value`` fits ``attribute`` of ``element``: the range and digits of a number, and the pattern and
    length the schema gives a text (cfdv40.xsd DomicilioFiscalReceptor [0-9]{5}; tdCFDI t_Descrip100 for a
    street)."""
    if not road.fits(attribute, value, etree.QName(element).localname):
        return False
    namespace = CFDI if etree.QName(element).namespace == CFDI else CP31
    found = facets_of(element, attribute, namespace)
    return found is None or found.admit(value)


def declared_type(element: Any, attribute: str) -> str:
    """The type (its local name) that the schema of ``element`` (CFDI 4.0 or Carta Porte 3.1) declares ``attribute``
    of it with, or "" when undeclared."""
    namespace = CFDI if etree.QName(element).namespace == CFDI else CP31
    if element.getparent() is None:
        # An element filled before it is placed (a transport node, a Carro) has no parent to tell its type by.
        return _type_anywhere(namespace, etree.QName(element).localname, attribute)
    return schema.type_of(schema.declared_types(namespace), element, attribute)


@cache
def _type_anywhere(namespace: str, local: str, attribute: str) -> str:
    """The type the schema declares ``attribute`` of element ``local`` with under every parent it has, or "" when
    it has none or parents give it different types (a Contenedor's TipoContenedor)."""
    types = schema.declared_types(namespace)
    found = {declared for (_, _, owner, name), declared in types.items() if owner == local and name == attribute}
    return found.pop() if len(found) == 1 else ""


def sat_catalogue(element: Any, attribute: str) -> str | None:
    """The SAT catalogue (c_ClaveUnidad, c_Moneda ...) that the schema of ``element`` types ``attribute`` of it with,
    or None when the attribute takes no catalogue."""
    declared = declared_type(element, attribute)
    return declared if declared.startswith("c_") else None


def rfc_taken(element: Any, attribute: str, value: str) -> bool:
    """Whether ``attribute`` of ``element``, of type tdCFDI t_RFC, takes ``value`` as it is: a taxpayer's RFC with a
    valid date and check digit (CFF art. 27), or a generic RFC that SAT takes in that attribute."""
    if value in identifiers.GENERIC_RFCS:
        return value in GENERIC_RFCS_TAKEN.get((etree.QName(element).localname, attribute), frozenset())
    return identifiers.rfc(value)


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
        # The model fields whose values the document holds (an Address's when its Domicilio is written), so that
        # what the writer chose not to write among the values it could (a second address for one Ubicacion) is
        # told from what it wrote (:mod:`.losses`).
        self.written: set[str] = set()
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
        if value is not None and value != "" and not fits(element, attribute, value):
            self.losses.append(messages.not_carried(where, f"'{value}' does not fit the pattern of {attribute}"))
            value = None
        if value and declared_type(element, attribute) == "t_RFC" and not rfc_taken(element, attribute, value):
            # An RFC is an identifier: one that is not valid is not written as it came, nor changed (ID-004).
            self.losses.append(messages.not_carried(where, f"'{value}' is not an RFC that {attribute} takes"))
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
            if field is not None:
                self.written.add(field)
        elif required and element.get(attribute) is None:
            self._missing(element, f"@{attribute}", field)

    def _from_carta_porte(self) -> bool:
        """Whether the manifest was read from a Carta Porte, whose own attributes are restored from extensions."""
        return any(key.startswith("cartaporte.") for key in self.ext)

    def _party_path(self, role: PartyRole, name: str = "") -> str | None:
        """The model path of the first party in ``role`` (``parties[2]``), or of its field ``name``."""
        index = next((i for i, p in enumerate(self.m.parties) if p.role == role), None)
        if index is None:
            return None
        return f"parties[{index}].{name}" if name else f"parties[{index}]"

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


def rfc_of(holder: Party | CrewMember | None, path: str | None) -> tuple[str | None, str | None]:
    """The first RFC of ``holder`` and its model field under ``path`` (``parties[0].tax_ids[1].value``); the field
    is ``path.tax_ids`` when ``holder`` has none."""
    where = f"{path}.tax_ids" if path is not None else None
    if holder is None:
        return None, where
    index = next((i for i, t in enumerate(holder.tax_ids) if t.scheme == TaxIdScheme.RFC), None)
    if index is None:
        return None, where
    return holder.tax_ids[index].value, f"{where}[{index}].value"


def foreign_id(party: Party | CrewMember | None) -> TaxId | None:
    """The tax id a foreign resident is registered under, when ``party`` has one."""
    if party is None:
        return None
    return next((t for t in party.tax_ids if t.scheme == TaxIdScheme.FOREIGN), None)
