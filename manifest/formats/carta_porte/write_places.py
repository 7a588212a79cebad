"""Writing the Ubicaciones of a Carta Porte 3.1 and the crossing they make (CartaPorte@TranspInternac and the
attributes beside it) from the model's stops, their places and the parties whose addresses stand in for them."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from typing import Any

from lxml import etree

from manifest import codelists
from manifest.formats.carta_porte import crossing, messages, values
from manifest.formats.carta_porte import extensions as ext
from manifest.formats.carta_porte.namespaces import CP31, q
from manifest.formats.carta_porte.sat import FOREIGN_RFC, LOCATION_ID_PREFIX, NODE_OF_MODE
from manifest.formats.carta_porte.writing import WritingContext, foreign_id, rfc_of
from manifest.model import Address, Mode, Party, PartyRole, Place, PlaceScheme, Stop
from manifest.slotted import record


@record
class PlannedLocation:
    """An Ubicacion to write: the stop, its TipoUbicacion (None for a stop between), the model path of the stop,
    and the sender or recipient whose address stands in for a place without one."""

    stop: Stop
    kind: str | None
    path: str
    party: Party | None
    party_path: str | None

    @property
    def country(self) -> str | None:
        """The country of the Domicilio written for this Ubicacion, else of its place."""
        place = self.stop.place
        address = place.address or (self.party.address if self.party is not None else None)
        return (address.country if address is not None else None) or place.country


class PlacesWriter(WritingContext):
    def _crossing(self, cp: Any, planned: Sequence[PlannedLocation]) -> None:
        """TranspInternac and, for an international movement, EntradaSalidaMerc, PaisOrigenDestino and
        ViaEntradaSalida, from the countries the goods leave and reach (see :func:`.crossing.derive`)."""
        m = self.m
        origin = next((p for p in planned if p.kind == "Origen"), None)
        destination = next((p for p in planned if p.kind == "Destino"), None)
        found = crossing.derive(
            m.country_from or (origin.country if origin else None),
            m.country_to or (destination.country if destination else None),
        )
        if found.international is None:
            if self._from_carta_porte():
                # The reader keeps TranspInternac only when it is not the plain "No" with nothing beside it.
                cp.set("TranspInternac", "No")
            return
        cp.set("TranspInternac", "Sí" if found.international else "No")
        if not found.international:
            # "No": the goods start and end in Mexico, which is what the model's countries say.
            self.written.update(name for name in ("country_from", "country_to") if getattr(m, name))
            return
        field = "country_to" if found.flow == "Salida" else "country_from"
        self._set(cp, "EntradaSalidaMerc", found.flow)
        self._set(cp, "EntradaSalidaMerc", None, required=True, field="direction")
        self._set(cp, "PaisOrigenDestino", found.country)
        self._set(cp, "PaisOrigenDestino", None, required=True, field=field)
        if found.flow is not None and cp.get("PaisOrigenDestino") is not None:
            # The direction and countries the crossing written is read back as: the model's are carried when the
            # same (a northbound truck whose goods go from Mexico to the United States), else lost.
            back = crossing.read_as(found.flow, values.alpha2(found.country))
            given = (m.direction, *(codelists.country_alpha2(c) if c else None for c in (m.country_from, m.country_to)))
            names = ("direction", "country_from", "country_to")
            self.written.update(name for name, read, own in zip(names, back, given, strict=True) if own and own == read)
        if not self._from_carta_porte():
            # c_CveTransporte of the manifest's own mode (01 autotransporte, 02 marítimo, 03 aéreo, 04 ferroviario):
            # the conveyance it describes is the one that crosses. A Carta Porte read keeps its own.
            cp.set("ViaEntradaSalida", NODE_OF_MODE[m.mode][0])

    def _planned_locations(self) -> list[PlannedLocation]:
        m = self.m
        first = m.consignments[0] if m.consignments else None
        # An Ubicacion is the sender's or the recipient's place: without a departure (or arrival) in the model, the
        # shipper's (or consignee's) own address is that place.
        planned: list[PlannedLocation] = []
        shipper = first.party(PartyRole.SHIPPER) if first else None
        consignee = first.party(PartyRole.CONSIGNEE) if first else None
        departure = m.departure or (Stop(place=Place()) if shipper else None)
        arrival = m.arrival or (Stop(place=Place()) if consignee else None)
        if departure is not None:
            planned.append(PlannedLocation(departure, "Origen", "departure", shipper, self._consignor_path(shipper)))
        for index, stop in enumerate(m.stops):
            planned.append(PlannedLocation(stop, None, f"stops[{index}]", None, None))
        if arrival is not None:
            planned.append(PlannedLocation(arrival, "Destino", "arrival", consignee, self._consignor_path(consignee)))
        return planned

    def _consignor_path(self, party: Party | None) -> str | None:
        first = self.m.consignments[0] if self.m.consignments else None
        if party is None or first is None:
            return None
        return f"consignments[0].parties[{first.parties.index(party)}]"

    def _locations(self, holder: Any, planned: Sequence[PlannedLocation]) -> None:
        for position, location in enumerate(planned, start=1):
            self._location(etree.SubElement(holder, q(CP31, "Ubicacion")), location, position)
        # CartaPorte31.xsd Ubicaciones: at least two Ubicacion, an Origen and a Destino (CP217).
        if not any(p.kind == "Origen" for p in planned):
            self._missing(holder, "Ubicacion", "departure", checked=False)
        if not any(p.kind == "Destino" for p in planned):
            self._missing(holder, "Ubicacion", "arrival", checked=False)

    def _location(self, element: Any, planned: PlannedLocation, position: int) -> None:
        stop, party, path = planned.stop, planned.party, planned.path
        if planned.kind is not None:
            element.set("TipoUbicacion", planned.kind)
        place = stop.place
        if place.code and place.scheme == PlaceScheme.SAT_STATION:
            self._set(element, "NumEstacion", place.code, field=f"{path}.place.code")
        elif place.code and place.scheme == PlaceScheme.SAT_LOCATION_ID:
            element.set("IDUbicacion", place.code)
        self._set(element, "NombreEstacion", place.name, field=f"{path}.place.name")
        if party is not None:
            foreign = foreign_id(party)
            rfc, field = rfc_of(party, planned.party_path)
            rfc = rfc or (FOREIGN_RFC if foreign else None)
            self._set(element, "RFCRemitenteDestinatario", rfc, required=True, field=field)
            self._set(element, "NombreRemitenteDestinatario", party.name, field=f"{planned.party_path}.name")
            if foreign is not None:
                where = f"{planned.party_path}.tax_ids[{party.tax_ids.index(foreign)}]"
                self._set(element, "NumRegIdTrib", foreign.value, field=f"{where}.value")
                residence = self._pais(foreign.country, f"{where}.country")
                self._set(element, "ResidenciaFiscal", residence, field=f"{where}.country")
        if stop.moment is not None:
            element.set("FechaHoraSalidaLlegada", values.moment_text(stop.moment))
            left_out = values.moment_left_out(stop.moment)
            if left_out is not None:
                # The clock time is written as it reads where the moment was taken, without what t_FechaH lacks.
                self.losses.append(
                    messages.not_carried(f"{path}.moment", f"FechaHoraSalidaLlegada holds no {left_out}")
                )
        if stop.distance_km is not None:
            self._set(element, "DistanciaRecorrida", values.text(stop.distance_km), field=f"{path}.distance_km")
        ext.restore(element, stop.extensions, "cartaporte.Ubicacion")
        kind = element.get("TipoUbicacion")
        if element.get("IDUbicacion") is None and kind in LOCATION_ID_PREFIX and not self._from_carta_porte():
            # CartaPorte31.xsd Ubicacion@IDUbicacion (OR|DE)[0-9]{6}: OR for an Origen, DE for a Destino; numbered by
            # the Ubicacion's place in Ubicaciones, so every one is distinct and the same manifest gives the same ids.
            element.set("IDUbicacion", f"{LOCATION_ID_PREFIX[kind]}{position:06d}")
        self._set(element, "TipoUbicacion", None, required=True, field=path)
        self._set(element, "RFCRemitenteDestinatario", None, required=True, field=path)
        self._set(element, "FechaHoraSalidaLlegada", None, required=True, field=f"{path}.moment")
        if self.m.mode == Mode.ROAD and element.get("TipoUbicacion") == "Destino":
            # Carta Porte 3.1 standard, Ubicacion@DistanciaRecorrida: required of a Destino reached by Autotransporte,
            # the kilometres from the previous Ubicacion. Written only where the model knows it.
            self._set(element, "DistanciaRecorrida", None, required=True, field=f"{path}.distance_km")
        domicilio = None
        if place.address is not None:
            domicilio = etree.SubElement(element, q(CP31, "Domicilio"))
            self._address(domicilio, place.address, f"{path}.place.address")
            if party is not None and party.address is not None:
                self._written_as(party.address, f"{planned.party_path}.address", place.address, f"{path}.place.address")
        elif party is not None and party.address is not None:
            domicilio = etree.SubElement(element, q(CP31, "Domicilio"))
            self._address(domicilio, party.address, f"{planned.party_path}.address")
        written_country = domicilio.get("Pais") if domicilio is not None else None
        if written_country is not None and written_country == values.alpha3(place.country):
            # The place's own country, when it is the Domicilio's, is read back as the place's.
            self.written.add(f"{path}.place.country")

    def _written_as(self, address: Address, path: str, written: Address, written_path: str) -> None:
        """Record as written the values of ``address`` (at model path ``path``) that equal the values written of
        ``written``: the sender's or recipient's address that is its Ubicacion's place's, read back as both."""
        for spec in dataclasses.fields(address):
            same = getattr(address, spec.name) == getattr(written, spec.name)
            if same and f"{written_path}.{spec.name}" in self.written:
                self.written.add(f"{path}.{spec.name}")

    def _address(self, element: Any, address: Address, path: str) -> None:
        # Its extensions go back into the Domicilio with it (the attributes a Carta Porte read had).
        self.written.add(f"{path}.extensions")
        country = self._pais(address.country, f"{path}.country")
        for attribute, value, name in (
            ("Calle", address.street, "street"),
            ("NumeroExterior", address.number, "number"),
            ("Colonia", address.district, "district"),
            ("Localidad", address.city, "city"),
            ("Municipio", address.municipality, "municipality"),
            ("Estado", self._state(address, path), "subdivision"),
            ("Pais", country, "country"),
            ("CodigoPostal", address.postal_code, "postal_code"),
        ):
            self._set(element, attribute, value, field=f"{path}.{name}")
        ext.restore(element, address.extensions, "cartaporte.Domicilio")
        for attribute, name in (("Estado", "subdivision"), ("Pais", "country"), ("CodigoPostal", "postal_code")):
            self._set(element, attribute, None, required=True, field=f"{path}.{name}")

    def _state(self, address: Address, path: str) -> str | None:
        """Domicilio@Estado: the c_Estado code (catCFDI) of a state of Mexico, the US or Canada, through the
        subdivision crosswalk (NL -> NLE); elsewhere Estado is free text (CartaPorte31.xsd: 1 to 30 characters
        without '|'). A state the crosswalk cannot name in c_Estado is a loss, never copied as it came."""
        spelled = address.subdivision
        if not spelled:
            return None
        country = codelists.country_alpha2(address.country) if address.country else None
        if country is not None and country not in codelists.SAT_STATE_COUNTRIES:
            return spelled
        code = codelists.sat_state(country, spelled) if country is not None else None
        if code is None:
            reason = f"c_Estado has no code for '{spelled}'" + (f" in {country}" if country else " without a country")
            self.losses.append(messages.not_carried(f"{path}.subdivision", reason))
        return code
