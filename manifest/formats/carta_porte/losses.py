"""What a model holds that Carta Porte 3.1 cannot carry: one WARNING per model field path, for ``Written.losses``.

The fields the writer carries are listed per model class in :mod:`.carried`; any other field that holds a value is
reported, so a field added to the model later is reported until the writer learns it. Values the writer carries only
in part (a second consignment's shipper, a non-SAT place code, a second tariff code) are checked one by one. Where
whether a value is carried depends on the rest of the model, it is checked against what the writer wrote (the model
fields it wrote a value of, or reported lost itself): an address, which an Ubicacion's Domicilio holds when it is its
place's or, for want of one, its sender's or recipient's, and the Receptor and the Emisor hold as a postal code
alone; a party's tax id (the Emisor has one RFC, the carrier's when the carrier issues the CFDI); a place's country
(its Domicilio's Pais); a transport document's number (NumConocEmbarc, NumeroGuia, GuiaCarro, IdCCP); a package count
beside a quantity (NumPiezas); and the direction and countries, which the crossing written is read back as.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from decimal import Decimal
from typing import Any

from manifest.diagnostics import Diagnostic
from manifest.formats.carta_porte import extensions as ext
from manifest.formats.carta_porte import messages, rail, road, values
from manifest.formats.carta_porte.carried import (
    CARRIED,
    CARRIER,
    CONVEYANCE,
    DRIVER,
    EQUIPMENT,
    MANIFEST,
    RAIL_CONTAINER,
    TYPE_CATALOGUES,
)
from manifest.formats.carta_porte.road import DRIVING, INSURANCE, LICENCE, MOST_TRAILERS
from manifest.formats.carta_porte.sat import (
    BILL_TYPES,
    FIGURE_ROLES,
    REFERENCE_IDCCP,
    REFERENCE_UUID,
    issuer_is_carrier,
)
from manifest.formats.carta_porte.write_goods import item_kilograms
from manifest.formats.readback import entry_path
from manifest.model import (
    Address,
    Consignment,
    Conveyance,
    CrewRole,
    DocumentType,
    Equipment,
    EquipmentKind,
    GoodsItem,
    InsuranceCover,
    Manifest,
    Mode,
    Party,
    PartyRole,
    Place,
    PlaceScheme,
    Quantity,
    TaxIdScheme,
)

_NO_FIELD = "Carta Porte has no attribute for it"
_TRAILERS_30 = "cartaporte30.RemolqueCCP["
_CFDI_PARTY = {PartyRole.ISSUER: "Emisor", PartyRole.RECEIVER: "Receptor"}
_NO_DOMICILIO = "no Domicilio of the CFDI written holds this address (an Ubicacion's is its place's address)"
_SAT_PLACES = (PlaceScheme.SAT_STATION, PlaceScheme.SAT_LOCATION_ID)
_OUR_REFERENCES = (REFERENCE_UUID, REFERENCE_IDCCP)


def of(manifest: Manifest, accounted: AbstractSet[str]) -> list[Diagnostic]:
    """The losses of writing ``manifest``, beside ``accounted``: the model fields the writer wrote (``Address`` paths
    for each Domicilio) or already reported as lost."""
    return list(_Losses(manifest, accounted).run())


def _first_of(parties: tuple[Party, ...], role: PartyRole) -> int:
    """The index of the first of ``parties`` in ``role``, the one the CFDI's Emisor or Receptor is written from."""
    return next(index for index, party in enumerate(parties) if party.role == role)


def _empty(value: Any) -> bool:
    return value is None or value == "" or (isinstance(value, (tuple, list, dict)) and not value)


class _Losses:
    def __init__(self, manifest: Manifest, accounted: AbstractSet[str]) -> None:
        self.m = manifest
        self.accounted = accounted

    def run(self) -> Iterator[Diagnostic]:
        m = self.m
        carried = set(MANIFEST)
        if m.mode == Mode.MARITIME:
            carried.add("trip_number")
        if m.mode == Mode.ROAD:
            carried.add("equipment")
        yield from self._fields(m, "", carried)
        for name in ("direction", "country_from", "country_to"):
            if getattr(m, name) and not self._accounted(name):
                # TranspInternac, EntradaSalidaMerc and PaisOrigenDestino state a crossing of Mexico's border.
                yield messages.not_carried(name, "the crossing written, of Mexico's border, is read otherwise")
        if m.carrier is not None:
            # A carrier that issues the CFDI gives the Emisor its RFC, and its name unless an issuer party names it.
            named = any(p.role == PartyRole.ISSUER and p.name for p in m.parties)
            issuer = frozenset({"tax_id"} if named else {"tax_id", "name"}) if issuer_is_carrier(m) else frozenset()
            yield from self._fields(m.carrier, "carrier", CARRIER[m.mode] | issuer)
        if m.conveyance is not None:
            yield from self._fields(m.conveyance, "conveyance", CONVEYANCE[m.mode])
            yield from self._trailers_30(m.conveyance.extensions)
            if m.mode == Mode.ROAD:
                yield from self._vehicle(m.conveyance)
        yield from self._crew()
        for name in ("departure", "arrival"):
            stop = getattr(m, name)
            if stop is not None:
                yield from self._object(stop, name)
        for index, stop in enumerate(m.stops):
            yield from self._object(stop, f"stops[{index}]")
        for index, party in enumerate(m.parties):
            path = f"parties[{index}]"
            if party.role in (PartyRole.ISSUER, PartyRole.RECEIVER) and index != _first_of(m.parties, party.role):
                yield messages.not_carried(path, f"a CFDI names one {_CFDI_PARTY[party.role]}")
            elif (
                party.role in (PartyRole.ISSUER, PartyRole.RECEIVER)
                or party.role in FIGURE_ROLES.values()
                or "cartaporte.TiposFigura.TipoFigura" in party.extensions
            ):
                yield from self._object(party, path)
            else:
                yield messages.not_carried(path, f"no Carta Porte figure for role {party.role.value}")
        for index, reference in enumerate(m.references):
            if reference.kind not in _OUR_REFERENCES:
                yield messages.not_carried(f"references[{index}]", f"no place for a {reference.kind}")
        trailers = 0
        for index, equipment in enumerate(m.equipment):
            where = f"equipment[{index}]"
            if m.mode == Mode.ROAD and equipment.kind != EquipmentKind.TRAILER:
                yield messages.not_carried(where, f"Autotransporte has no place for {equipment.kind.value} equipment")
            if m.mode == Mode.ROAD and equipment.kind == EquipmentKind.TRAILER:
                trailers += 1
                if trailers > MOST_TRAILERS:
                    yield messages.not_carried(where, f"Remolques holds at most {MOST_TRAILERS} Remolque")
                    continue
                yield from self._fields(equipment, where, EQUIPMENT[EquipmentKind.TRAILER])
                yield from self._type_codes(equipment, where, "c_SubTipoRem")
                if equipment.number:
                    yield messages.not_carried(f"{where}.number", "a Remolque is known by its Placa only")
        for index, consignment in enumerate(m.consignments):
            yield from self._consignment(consignment, f"consignments[{index}]", index)
        if m.mode == Mode.RAIL and not rail.goods_follow_waybills(m.consignments):
            for index in range(1, len(m.consignments)):
                if m.consignments[index].goods:
                    yield messages.not_carried(
                        f"consignments[{index}].goods",
                        "goods are tied to a GuiaCarro waybill only through its cars' ToneladasNetasCarro, "
                        "which the model does not give for every car",
                    )

    def _vehicle(self, conveyance: Conveyance) -> Iterator[Diagnostic]:
        """Autotransporte has one PermSCT and NumPermisoSCT, and Seguros one insurer and policy per cover."""
        for index, permit in enumerate(conveyance.permits):
            where = f"conveyance.permits[{index}]"
            if index > 0:
                yield messages.not_carried(where, "Autotransporte has one PermSCT and NumPermisoSCT")
            else:
                yield from self._object(permit, where)
        covered: set[InsuranceCover] = set()
        for index, insurance in enumerate(conveyance.insurances):
            where = f"conveyance.insurances[{index}]"
            if insurance.cover not in INSURANCE or insurance.cover in covered:
                yield messages.not_carried(where, "Seguros holds one civil liability, environment and cargo cover")
                continue
            covered.add(insurance.cover)
            yield from self._object(insurance, where)

    def _crew(self) -> Iterator[Diagnostic]:
        """A road Carta Porte names its drivers as Operador figures; anyone else aboard has no figure."""
        for index, member in enumerate(self.m.crew):
            where = f"crew[{index}]"
            if self.m.mode != Mode.ROAD or member.role not in DRIVING:
                yield messages.not_carried(where, f"no Carta Porte figure for a {member.role.value} aboard")
                continue
            yield from self._fields(member, where, DRIVER)
            if member.role != CrewRole.DRIVER:
                # c_FiguraTransporte 01 Operador: whoever of the crew the figure names drives the truck.
                yield messages.not_carried(f"{where}.role", "an Operador figure is the truck's driver")
            if member.address is not None:
                yield from self._object(member.address, f"{where}.address")
            # Written whole in NombreFigura, the parts of a name are not told apart again.
            why = "NombreFigura holds the whole name" if member.name is None else _NO_FIELD
            for part in ("given_name", "middle_name", "family_name"):
                if getattr(member, part):
                    yield messages.not_carried(f"{where}.{part}", why)
            licence = next((d for d in member.documents if d.kind == LICENCE), None)
            for number, document in enumerate(member.documents):
                if document is licence:
                    yield from self._object(document, f"{where}.documents[{number}]")
                else:
                    yield messages.not_carried(f"{where}.documents[{number}]", "one NumLicencia, the federal licence")
            for number, tax_id in enumerate(member.tax_ids):
                same = [t for t in member.tax_ids[:number] if t.scheme == tax_id.scheme]
                if tax_id.scheme not in (TaxIdScheme.RFC, TaxIdScheme.FOREIGN) or same:
                    yield messages.not_carried(f"{where}.tax_ids[{number}]", "one RFC and one NumRegIdTrib")

    def _trailers_30(self, extensions: Mapping[str, str]) -> Iterator[Diagnostic]:
        """Carta Porte 3.0 RemolquesCCP of a vessel travel in 3.1 only inside a Contenedor."""
        containers = [e for c in self.m.consignments for e in c.equipment if e.kind == EquipmentKind.CONTAINER]
        for key in extensions:
            if key.startswith(_TRAILERS_30) and (self.m.mode != Mode.MARITIME or not containers):
                yield messages.not_carried(f"conveyance.extensions[{key}]", "3.1 holds RemolquesCCP in a Contenedor")

    def _fields(self, obj: Any, path: str, carried: frozenset[str] | set[str]) -> Iterator[Diagnostic]:
        prefix = f"{path}." if path else ""
        for spec in dataclasses.fields(obj):
            value = getattr(obj, spec.name)
            if _empty(value):
                continue
            if spec.name == "extensions":
                yield from self._extensions(value, f"{prefix}extensions")
                continue
            if spec.name not in carried:
                yield messages.not_carried(f"{prefix}{spec.name}", _NO_FIELD)

    def _extensions(self, extensions: Mapping[str, str], path: str, *, written: bool = True) -> Iterator[Diagnostic]:
        """Another format's extension entries, and this one's when the element they belong to was not written."""
        for key in extensions:
            field = entry_path(path, key)
            if not ext.is_own(key) and not key.startswith(_TRAILERS_30):
                yield messages.EXTENSION_NOT_CARRIED(field=field, key=key, value=key)
            elif not written:
                yield messages.not_carried(field, _NO_DOMICILIO)

    def _object(self, obj: Any, path: str) -> Iterator[Diagnostic]:
        """Report the uncarried fields of ``obj`` and, recursively, of the objects it holds."""
        if isinstance(obj, Address):
            yield from self._address(obj, path)
            return
        yield from self._fields(obj, path, CARRIED.get(type(obj), frozenset()))
        carried = CARRIED.get(type(obj), frozenset())
        for spec in dataclasses.fields(obj):
            value = getattr(obj, spec.name)
            if spec.name not in carried or _empty(value) or spec.name == "extensions":
                continue
            if dataclasses.is_dataclass(value):
                yield from self._object(value, f"{path}.{spec.name}")
            elif isinstance(value, tuple):
                for index, item in enumerate(value):
                    if dataclasses.is_dataclass(item):
                        yield from self._object(item, f"{path}.{spec.name}[{index}]")
        if isinstance(obj, Place) and obj.code and obj.scheme not in _SAT_PLACES:
            yield messages.not_carried(f"{path}.code", "only SAT station and IDUbicacion codes are carried")
        if isinstance(obj, Place) and obj.scheme and not obj.code:
            yield messages.not_carried(f"{path}.scheme", "the place has no code for it to qualify")
        if isinstance(obj, Place) and obj.country and not self._accounted(f"{path}.country"):
            yield messages.not_carried(f"{path}.country", "a country travels in a Domicilio, as its Pais")
        if isinstance(obj, Party):
            for index, tax_id in enumerate(obj.tax_ids):
                where = f"{path}.tax_ids[{index}]"
                same = [t for t in obj.tax_ids[:index] if t.scheme == tax_id.scheme]
                if tax_id.scheme not in (TaxIdScheme.RFC, TaxIdScheme.FOREIGN) or same:
                    yield messages.not_carried(where, "one RFC and one NumRegIdTrib")
                elif tax_id.value and not self._accounted(f"{where}.value"):
                    # The Emisor has an RFC alone, the carrier's when it issues the CFDI.
                    yield messages.not_carried(where, "the CFDI written names this party by another tax id, or none")

    def _address(self, address: Address, path: str) -> Iterator[Diagnostic]:
        """Each value of ``address`` the writer did not write: all of them when no Domicilio was written for it."""
        for spec in dataclasses.fields(address):
            value = getattr(address, spec.name)
            if _empty(value):
                continue
            if spec.name == "extensions":
                # The attributes kept from a Carta Porte's Domicilio go back into the Domicilio written for it.
                yield from self._extensions(value, f"{path}.extensions", written=self._accounted(f"{path}.extensions"))
            elif spec.name not in CARRIED[Address]:
                yield messages.not_carried(f"{path}.{spec.name}", _NO_FIELD)
            elif not self._accounted(f"{path}.{spec.name}"):
                yield messages.not_carried(f"{path}.{spec.name}", _NO_DOMICILIO)

    def _accounted(self, field: str) -> bool:
        """Whether the writer wrote the model value at ``field``, or reported it (or what holds it) as lost: the
        field or one of the paths that hold it (``a.b[0]`` and ``a`` for ``a.b[0].c``) is among those accounted, a
        look-up per step of the path whatever the number of values written."""
        holders = (field[:end] for end, mark in enumerate(field) if mark in ".[")
        return field in self.accounted or any(holder in self.accounted for holder in holders)

    def _consignment(self, consignment: Consignment, path: str, index: int) -> Iterator[Diagnostic]:
        m = self.m
        yield from self._fields(consignment, path, CARRIED[Consignment])
        if m.mode in (Mode.MARITIME, Mode.AIR, Mode.ROAD) and index > 0:
            yield messages.not_carried(
                f"{path}.document_number", "a Carta Porte of this mode names one transport document"
            )
        elif (
            consignment.document_number
            and not self._accounted(f"{path}.document_number")
            and not self._id_ccp(consignment.document_number)
        ):
            # NumConocEmbarc holds a bill of lading's number, NumeroGuia an air waybill's, GuiaCarro the waybill of
            # each Carro, IdCCP the Carta Porte's own: another document, or a waybill without cars, has none.
            yield messages.not_carried(f"{path}.document_number", "no attribute holds this document's number")
        yield from self._gross_weight(consignment, path)
        expected = {
            Mode.RAIL: (DocumentType.RAIL_WAYBILL,),
            Mode.MARITIME: (*BILL_TYPES, DocumentType.OTHER),
            Mode.AIR: (DocumentType.AIR_WAYBILL, DocumentType.OTHER),
            Mode.ROAD: (DocumentType.ROAD_CONSIGNMENT_NOTE, DocumentType.OTHER),
        }[m.mode]
        if consignment.document_type not in expected:
            yield messages.not_carried(f"{path}.document_type", "not a document of this mode")
        elif m.mode == Mode.MARITIME and consignment.document_type in BILL_TYPES[1:]:
            # NumConocEmbarc names a bill of lading: a sea waybill's or a house bill's number is read back as one.
            yield messages.not_carried(f"{path}.document_type", "NumConocEmbarc is read as a bill of lading's")
        first = m.consignments[0]
        for number, party in enumerate(consignment.parties):
            where = f"{path}.parties[{number}]"
            if party.role not in (PartyRole.SHIPPER, PartyRole.CONSIGNEE):
                yield messages.not_carried(where, f"no Ubicacion party for role {party.role.value}")
            elif first.party(party.role) != party:
                yield messages.not_carried(where, "Origen and Destino name one sender and one recipient")
            elif index == 0:
                yield from self._object(party, where)
        for number, item in enumerate(consignment.goods):
            yield from self._goods(item, f"{path}.goods[{number}]", number, consignment)
        for number, equipment in enumerate(consignment.equipment):
            where = f"{path}.equipment[{number}]"
            carried = EQUIPMENT.get(equipment.kind)
            if m.mode == Mode.RAIL and equipment.kind == EquipmentKind.CONTAINER:
                if not rail.container_written(equipment, consignment):
                    yield messages.not_carried(
                        where,
                        "a rail Contenedor goes in the Carro before it and states its type or weights: "
                        "this one has no Carro before it, or none of them",
                    )
                    continue
                carried = RAIL_CONTAINER
            elif m.mode == Mode.RAIL:
                # A Carro is a rail car or a locomotive (c_TipoCarro): other equipment has no place on a train.
                carried = EQUIPMENT[EquipmentKind.RAILCAR] if equipment.kind in rail.CAR_KINDS else None
            if carried is None or (
                m.mode != Mode.RAIL and not (m.mode == Mode.MARITIME and equipment.kind == EquipmentKind.CONTAINER)
            ):
                # TransporteMaritimo and TransporteFerroviario hold a Contenedor; TransporteAereo and
                # Autotransporte none.
                yield messages.not_carried(where, f"no place for {equipment.kind.value} equipment")
                continue
            yield from self._fields(equipment, where, carried)
            yield from self._type_codes(equipment, where, TYPE_CATALOGUES[m.mode == Mode.RAIL, equipment.kind])
            if m.mode == Mode.RAIL and equipment.kind in rail.CAR_KINDS and equipment.net_weight is not None:
                yield from self._weight(equipment.net_weight, f"{where}.net_weight", values.in_tonnes)
            elif m.mode == Mode.RAIL:
                for name in ("tare_weight", "net_weight"):
                    weight = getattr(equipment, name)
                    if weight is not None:
                        yield from self._weight(weight, f"{where}.{name}", values.in_kilograms)
            for seal in range(1, len(equipment.seals)):
                yield messages.not_carried(f"{where}.seals[{seal}]", "a Contenedor has one NumPrecinto")

    def _id_ccp(self, number: str) -> bool:
        """Whether ``number`` is the IdCCP written, which a reader gives the document of a Carta Porte that names
        none of its own (a road Carta Porte's, say)."""
        return any(
            r.kind == REFERENCE_IDCCP and r.value == number and self._accounted(f"references[{i}].value")
            for i, r in enumerate(self.m.references)
        )

    def _gross_weight(self, consignment: Consignment, path: str) -> Iterator[Diagnostic]:
        """A document's gross weight is read back as the sum of its goods' PesoEnKg: carried when that sum is it."""
        if consignment.gross_weight is None:
            return
        kilograms = values.in_kilograms(consignment.gross_weight)
        weights = [item_kilograms(item, consignment) for item in consignment.goods]
        written = [w for w in weights if w is not None and road.fits("PesoEnKg", values.text(w))]
        if kilograms is None or not weights or len(written) < len(weights) or sum(written) != kilograms:
            yield messages.not_carried(f"{path}.gross_weight", "it is read back as the sum of its goods' PesoEnKg")

    def _weight(
        self, weight: Quantity, path: str, convert: Callable[[Quantity], Decimal | None]
    ) -> Iterator[Diagnostic]:
        """A weight that Carta Porte states in kilograms or tonnes, and whose unit converts to neither."""
        if convert(weight) is None and not self._accounted(path):
            yield messages.not_carried(path, f"'{weight.unit}' is no unit of weight converted to the one it takes")

    def _type_codes(self, equipment: Equipment, path: str, catalogue: str) -> Iterator[Diagnostic]:
        """The type codes of ``equipment`` beside the first of ``catalogue``, the SAT catalogue it is written in."""
        first = next((r for r in equipment.type_codes if r.kind == catalogue), None)
        for index, code in enumerate(equipment.type_codes):
            where = f"{path}.type_codes[{index}]"
            # The writer names a c_TipoCarro code it leaves out (one of another kind than the car's) itself.
            if code is not first and where not in self.accounted:
                yield messages.not_carried(where, f"the type is written as a code of {catalogue} alone")

    def _goods(self, item: GoodsItem, path: str, number: int, consignment: Consignment) -> Iterator[Diagnostic]:
        yield from self._object(item, path)
        if item.sequence is not None and item.sequence != number + 1:
            yield messages.not_carried(f"{path}.sequence", "Mercancia are numbered by their order")
        fracciones = [t for t in item.tariff_codes if t.scheme == "mx-fraccion"]
        for index, code in enumerate(item.tariff_codes):
            if code.scheme != "mx-fraccion" or code is not fracciones[0]:
                yield messages.not_carried(f"{path}.tariff_codes[{index}]", "one FraccionArancelaria")
        if item.hs_code and not (fracciones and fracciones[0].code.startswith(item.hs_code)):
            yield messages.not_carried(f"{path}.hs_code", "the HS subheading travels in the fracción")
        for index in range(1, len(item.hazardous)):
            yield messages.not_carried(f"{path}.hazardous[{index}]", "one CveMaterialPeligroso")
        for index, document in enumerate(item.customs_documents):
            if document.regime:
                yield messages.not_carried(
                    f"{path}.customs_documents[{index}].regime", "regimes are listed per Carta Porte"
                )
        derived = tuple(e.identifier for e in consignment.equipment if e.identifier)
        if item.equipment_ids and item.equipment_ids != derived:
            yield messages.not_carried(f"{path}.equipment_ids", "Mercancia does not name its equipment")
        if item.quantity is not None and item.packages is not None:
            if item.packages.kind:
                yield messages.not_carried(f"{path}.packages.kind", "ClaveUnidad holds the quantity's unit")
            if not self._accounted(f"{path}.packages.count"):
                # Cantidad holds the quantity; the count goes in DetalleMercancia@NumPiezas, beside a net weight.
                yield messages.not_carried(f"{path}.packages.count", "NumPiezas goes in a DetalleMercancia")
        if item.gross_weight is not None:
            yield from self._weight(item.gross_weight, f"{path}.gross_weight", values.in_kilograms)
        if (
            item.packages is not None
            and item.quantity is None
            and "cartaporte.DetalleMercancia.PesoBruto" in item.extensions
        ):
            return
