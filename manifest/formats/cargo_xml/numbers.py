"""Which waybills a Cargo-XML message can name, and what it says of the others.

A Cargo-XML master consignment is named by its air waybill number: BusinessHeaderDocument/ID of an XFWB (the
message is the waybill) and TransportContractDocument/ID of each IncludedMasterConsignment of an XFFM (IATA
Cargo-XML Toolkit, XFWB 3.00 and XFFM 2.00: both elements mandatory). An air waybill number is an airline prefix and
a serial with its check digit (IATA Resolution 600a); a bill of lading, a truck's shipment number or a rail waybill
number is not one, and writing it there would file a waybill that does not exist. What tells them apart is the form
(:func:`manifest.identifiers.air_waybill_form`); a number of that form with a wrong check digit is carried as the
model has it, for validation to report (ID-003). So:

- an XFWB whose consignment's number is not an air waybill number is written without it, and the number is listed
  as not written (CXML013); one whose consignment has no number, or that has no consignment, is written without it
  and a note says the element is required and the model has no value for it (CXML015), as a required value the
  model lacks always is;
- an XFFM lists the parts of each waybill under its number, and a reader tells the waybills apart by it, so a
  consignment without an air waybill number is not listed at all, and is listed as not written (CXML014); a note
  says so when none is left to list (CXML016);
- an XFZB or XFHL lists its houses under the master's number (MasterConsignment/TransportContractDocument/ID,
  mandatory): the master consignment's, else the one its houses name it by. A number of another form is not written
  (CXML013), none is noted (CXML015), and a master the model holds only as its houses' master number is written
  from the number alone, with a note of what it lacks (CXML019). Its reader reads that master back before the
  houses, so each house is read back one index on (``Written.moves``).
"""

from __future__ import annotations

from dataclasses import replace

from manifest.diagnostics import Diagnostic, Severity, define
from manifest.formats.cargo_xml.codes import TOOLKIT
from manifest.formats.cargo_xml.schema import XFFM, XFWB, XFZB, Message
from manifest.identifiers import air_waybill_form
from manifest.model import Consignment, DocumentType, Manifest, PartyRole
from manifest.slotted import record

NOT_AN_AIR_WAYBILL = define(
    "CXML013",
    Severity.WARNING,
    "$field ('$value') is not an air waybill number (3-digit airline prefix, hyphen, 8-digit serial); it is not "
    "written as $element",
    "$field ('$value') no es un número de guía aérea (prefijo de aerolínea de 3 dígitos, guion, serie de 8 dígitos); "
    "no se escribe como $element",
    "IATA Resolution 600a (air waybill number and its check digit); " + TOOLKIT,
)
NOT_LISTED = define(
    "CXML014",
    Severity.WARNING,
    "consignment '$value' ($field) has no air waybill number, by which an XFFM names each waybill "
    "(TransportContractDocument/ID); it is not listed",
    "el embarque '$value' ($field) no tiene número de guía aérea, con el que un XFFM nombra cada guía "
    "(TransportContractDocument/ID); no se lista",
    "IATA Resolution 600a; " + TOOLKIT + ": IncludedMasterConsignment/TransportContractDocument/ID",
)
NO_WAYBILL = define(
    "CXML016",
    Severity.INFO,
    "none of the manifest's $count consignments has an air waybill number; the XFFM lists no waybill",
    "ninguno de los $count embarques del manifiesto tiene número de guía aérea; el XFFM no lista ninguna guía",
    "IATA Resolution 600a; " + TOOLKIT + ": IncludedMasterConsignment/TransportContractDocument/ID",
)
NOT_AIR = define(
    "CXML017",
    Severity.WARNING,
    "$field ('$value') is not $what; it is not written",
    "$field ('$value') no es $what_es; no se escribe",
    "IATA Resolution 763 (location identifiers); IATA SSIM (flight designator); " + TOOLKIT,
)
NO_NUMBER = define(
    "CXML015",
    Severity.INFO,
    "$element (the air waybill number) is required in $message but the model has no value for it; it is left out",
    "$element (el número de guía aérea) es obligatorio en $message pero el modelo no tiene valor para él; se omite",
    TOOLKIT,
)

NO_PARTY = define(
    "CXML018",
    Severity.INFO,
    "$element (the $what) is required in $message but the model has no value for it ($field); it is left out",
    "$element ($what_es) es obligatorio en $message pero el modelo no tiene valor para él ($field); se omite",
    "IATA Cargo-XML Toolkit XFWB 3.00: MasterConsignment/ConsignorParty and ConsigneeParty; Cargo-IMP FWB SHP and "
    "CNE lines (mandatory)",
)
NO_MASTER = define(
    "CXML019",
    Severity.INFO,
    "the model holds no master air waybill, only the master number of its house waybills ($field): $message's "
    "$element is written without the master's totals, airports and parties, which must be supplied before filing",
    "el modelo no tiene la guía aérea master, solo el número master de sus guías house ($field): el $element de "
    "$message se escribe sin los totales, aeropuertos y partes de la master, que deben proporcionarse antes de "
    "presentarlo",
    TOOLKIT + ": MasterConsignment of XFZB 3.00 and XFHL 2.00 (the master's totals, airports and number)",
)

_HEADER_ID = "BusinessHeaderDocument/ID"
# The parties every air waybill names (an XFWB's MasterConsignment, an FWB's SHP and CNE lines), in English and
# Spanish.
_WAYBILL_PARTIES = (
    ("ConsignorParty", PartyRole.SHIPPER, "shipper", "el expedidor"),
    ("ConsigneeParty", PartyRole.CONSIGNEE, "consignee", "el consignatario"),
)


@record
class Named:
    """What of a manifest a message names (``manifest``), where each consignment of it was in the manifest given
    (``origins``), and the losses and notes of what it leaves out."""

    manifest: Manifest
    origins: tuple[int, ...]
    losses: tuple[Diagnostic, ...] = ()
    notes: tuple[Diagnostic, ...] = ()


def named(manifest: Manifest, message: Message) -> Named:
    """The waybills ``message`` can name by their air waybill number, and what it says of the others."""
    every = tuple(range(len(manifest.consignments)))
    if message is XFFM:
        kept = tuple(i for i, c in enumerate(manifest.consignments) if air_waybill_form(c.document_number))
        lost = tuple(
            NOT_LISTED(field=f"consignments[{i}]", value=c.document_number, location=None)
            for i, c in enumerate(manifest.consignments)
            if i not in kept
        )
        listed = replace(manifest, consignments=tuple(manifest.consignments[i] for i in kept))
        none = () if kept or not lost else (NO_WAYBILL(count=str(len(lost)), field="consignments", location=None),)
        return Named(listed, kept, lost, none)
    if message is not XFWB:
        return _master_named(manifest, message)
    index = waybill_index(manifest)
    parties = _parties_missing(manifest, index)
    number = manifest.consignments[index].document_number if index is not None else ""
    if air_waybill_form(number):
        return Named(manifest, every, notes=parties)
    location = f"/{XFWB.root}/{_HEADER_ID}"
    blank = (
        manifest if index is None else replace(manifest, consignments=_with_number(manifest.consignments, index, ""))
    )
    if not number:
        note = NO_NUMBER(element=_HEADER_ID, message=XFWB.code, location=location)
        return Named(blank, every, notes=(note, *parties))
    field = f"consignments[{index}].document_number"
    loss = NOT_AN_AIR_WAYBILL(field=field, value=number, element=_HEADER_ID, location=location)
    return Named(blank, every, losses=(loss,), notes=parties)


def listed(manifest: Manifest, message: Message) -> tuple[int | None, tuple[int, ...]]:
    """The consignments an XFZB or XFHL lists, in the order its reader reads them back: the master consignment (the
    first air waybill; None when the model has none, and the reader reads back a master of the number alone), then
    each house (an XFZB holds one)."""
    master = next((i for i, c in enumerate(manifest.consignments) if c.document_type == DocumentType.AIR_WAYBILL), None)
    houses = tuple(i for i, c in enumerate(manifest.consignments) if c.document_type == DocumentType.HOUSE_AIR_WAYBILL)
    return master, houses[:1] if message is XFZB else houses


def master_number(manifest: Manifest, message: Message) -> tuple[str, str]:
    """The model path and the value of the number an XFZB or XFHL names its master by: the master consignment's, else
    the first master number of the houses it lists (empty when there is none)."""
    master, houses = listed(manifest, message)
    if master is not None:
        return f"consignments[{master}].document_number", manifest.consignments[master].document_number
    house = next((i for i in houses if manifest.consignments[i].master_number), houses[0] if houses else 0)
    return f"consignments[{house}].master_number", (
        manifest.consignments[house].master_number or "" if house < len(manifest.consignments) else ""
    )


def _master_named(manifest: Manifest, message: Message) -> Named:
    """An XFZB or XFHL names its master by MasterConsignment/TransportContractDocument/ID (mandatory): the number
    :func:`master_number` gives. One of another form is not written there (CXML013), and a master the model names by
    no number is written without one, with a note that the element is required (CXML015) at the model path of the
    missing value; a master the model holds only as its houses' number is noted too (CXML019)."""
    every = tuple(range(len(manifest.consignments)))
    field, number = master_number(manifest, message)
    element = "MasterConsignment/TransportContractDocument/ID"
    location = f"/{message.root}/{element}"
    notes: tuple[Diagnostic, ...] = ()
    if listed(manifest, message)[0] is None:
        # A master the model does not hold is read back from its number alone: none of its own values is written.
        where = f"/{message.root}/MasterConsignment"
        notes = (NO_MASTER(field=field, message=message.code, element="MasterConsignment", location=where),)
    if air_waybill_form(number):
        return Named(manifest, every, notes=notes)
    if not number:
        note = NO_NUMBER(element=element, message=message.code, field=field, location=location)
        return Named(manifest, every, notes=(note, *notes))
    loss = NOT_AN_AIR_WAYBILL(field=field, value=number, element=element, location=location)
    return Named(manifest, every, losses=(loss,), notes=notes)


def _parties_missing(manifest: Manifest, index: int | None) -> tuple[Diagnostic, ...]:
    """A note for each party every air waybill names that the consignment an XFWB is written from lacks: the file
    is written without it, since a party is never invented, and the sender must supply it."""
    if index is None:
        return ()
    consignment = manifest.consignments[index]
    return tuple(
        NO_PARTY(
            element=element,
            what=what,
            what_es=what_es,
            message=XFWB.code,
            field=f"consignments[{index}].parties[role={role.value}]",
            location=f"/{XFWB.root}/MasterConsignment/{element}",
        )
        for element, role, what, what_es in _WAYBILL_PARTIES
        if consignment.party(role) is None
    )


def waybill_index(manifest: Manifest) -> int | None:
    """The consignment an XFWB is the waybill of: the first air waybill, else the first consignment."""
    found = next((i for i, c in enumerate(manifest.consignments) if c.document_type == DocumentType.AIR_WAYBILL), None)
    return found if found is not None else (0 if manifest.consignments else None)


def _with_number(consignments: tuple[Consignment, ...], index: int, number: str) -> tuple[Consignment, ...]:
    return tuple(replace(c, document_number=number) if i == index else c for i, c in enumerate(consignments))
