"""The small values of the model that other objects hold: quantities, money, packages, addresses, places and the
stops of a journey, tax ids and contacts."""

from __future__ import annotations

from decimal import Decimal

from manifest.model.basics import NO_EXTENSIONS, Extensions, Moment
from manifest.model.codes import PlaceScheme, TaxIdScheme
from manifest.slotted import record


@record(kw_only=True)
class Quantity:
    """An amount with its unit, as a UN/ECE Recommendation 20 code (KGM, LBR, TNE, MTQ, FTQ, H87 pieces ...)."""

    value: Decimal
    unit: str


@record(kw_only=True)
class Money:
    amount: Decimal
    currency: str  # ISO 4217


@record(kw_only=True)
class Packages:
    count: int
    kind: str | None = None  # UN/ECE Recommendation 21 package type, or the format's own manifest unit code


@record(kw_only=True)
class Address:
    street: str | None = None
    number: str | None = None
    district: str | None = None  # colonia
    city: str | None = None
    municipality: str | None = None
    subdivision: str | None = None  # state or province code (ISO 3166-2 suffix, SAT c_Estado)
    postal_code: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2 or alpha-3, as the source has it
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class Place:
    code: str | None = None
    scheme: PlaceScheme | None = None
    name: str | None = None
    country: str | None = None
    address: Address | None = None
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class Stop:
    """A place with the moment a conveyance or consignment leaves or reaches it."""

    place: Place
    moment: Moment | None = None
    distance_km: Decimal | None = None
    extensions: Extensions = NO_EXTENSIONS


@record(kw_only=True)
class TaxId:
    scheme: TaxIdScheme
    value: str
    country: str | None = None  # issuing country, e.g. Carta Porte ResidenciaFiscal


@record(kw_only=True)
class Contact:
    name: str | None = None
    phone: str | None = None
    email: str | None = None
