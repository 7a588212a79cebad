"""The parts of the model a truck needs beyond the other modes: its permits and insurances, and its crew with their
travel documents (ACE truck manifest, Carta Porte Autotransporte and FiguraTransporte)."""

from __future__ import annotations

from manifest.model.basics import NO_EXTENSIONS, Extensions, Moment
from manifest.model.codes import CrewRole, InsuranceCover
from manifest.model.values import Address, Money, TaxId
from manifest.slotted import record


@record(kw_only=True)
class Permit:
    """A permit to operate a conveyance: the SCT's federal motor transport permit of a Carta Porte."""

    kind: str | None = None  # SAT c_TipoPermiso (TPAF01 ...)
    number: str | None = None  # NumPermisoSCT
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class Insurance:
    cover: InsuranceCover
    insurer: str | None = None
    policy: str | None = None
    premium: Money | None = None  # Carta Porte PrimaSeguro
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class TravelDocument:
    """A document that identifies a crew member: a passport, a driver's licence, a border crossing card."""

    kind: str  # the format's own document type code (ACE truck REF01, Carta Porte licence)
    number: str
    country: str | None = None  # issuing country
    subdivision: str | None = None  # issuing state or province, for a driver's licence
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class CrewMember:
    """A person aboard a conveyance: the driver and co-driver of a truck, its passengers (ACE truck NM1 loop,
    Carta Porte FiguraTransporte of TipoFigura 01)."""

    role: CrewRole = CrewRole.DRIVER
    name: str | None = None  # the whole name, where the format does not split it
    family_name: str | None = None
    given_name: str | None = None
    middle_name: str | None = None
    date_of_birth: Moment | None = None  # a date
    gender: str | None = None  # M, F or X, as ACE codes it
    citizenship: str | None = None  # country of citizenship
    documents: tuple[TravelDocument, ...] = ()
    fast_card: str | None = None  # CBP Free and Secure Trade commercial driver card number
    tax_ids: tuple[TaxId, ...] = ()  # Carta Porte RFCFigura, NumRegIdTribFigura
    address: Address | None = None
    extensions: Extensions = NO_EXTENSIONS
