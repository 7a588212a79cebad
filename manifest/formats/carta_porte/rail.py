"""Rail cars' net tonnage, which is how a Carta Porte ties its goods to the GuiaCarro waybills.

``Carro/@ToneladasNetasCarro`` is the net tonnage of one car; Carta Porte has no link from a Mercancia to its car,
so the reader gives each waybill the goods whose PesoEnKg fill its cars' tonnage. A writer therefore needs every
car's tonnage: the model's net weight of the car, or, for the only car of a waybill, the weight of its goods.
"""

from __future__ import annotations

from decimal import Decimal

from manifest.codelists import crosswalks
from manifest.formats.carta_porte import values
from manifest.model import Consignment, Equipment, EquipmentKind

_THOUSANDTH = Decimal("0.001")
# c_TipoCarro, the catalogue of Carro@TipoCarro: the kinds of rail car, the locomotive (TC08 Locomotora) among them.
CAR_TYPES = "c_TipoCarro"
# The equipment a Carro is: a rail car or a locomotive. A trailer, truck or chassis on a flatcar is none, and is not
# written as one (it would be read back as a rail car).
CAR_KINDS = (EquipmentKind.RAILCAR, EquipmentKind.LOCOMOTIVE)


def car_kind(car_type: str) -> EquipmentKind:
    """The kind of equipment a Carro of TipoCarro ``car_type`` is: a locomotive for TC08, else a rail car."""
    kind = crosswalks.translate("equipment-kinds", "sat-c-tipocarro", "model-equipment-kind", car_type)
    return EquipmentKind(kind) if kind is not None else EquipmentKind.RAILCAR


def car_type(equipment: Equipment) -> str | None:
    """Carro@TipoCarro for ``equipment``: its c_TipoCarro code when that code names its kind, else the code its kind
    has (TC08 for a locomotive), else None (a rail car of no stated type)."""
    stated = next((r.value for r in equipment.type_codes if r.kind == CAR_TYPES), None)
    if stated is not None and car_kind(stated) == equipment.kind:
        return stated
    return crosswalks.translate("equipment-kinds", "model-equipment-kind", "sat-c-tipocarro", equipment.kind.value)


def cars(consignment: Consignment) -> list[Equipment]:
    return [e for e in consignment.equipment if e.kind in CAR_KINDS]


def car_tonnes(equipment: Equipment, consignment: Consignment) -> Decimal | None:
    if equipment.net_weight is not None:
        return values.in_tonnes(equipment.net_weight)
    if len(cars(consignment)) != 1:
        return None
    kilograms = [values.in_kilograms(g.gross_weight) if g.gross_weight else None for g in consignment.goods]
    if not kilograms or any(k is None for k in kilograms):
        return None
    return (sum((k for k in kilograms if k is not None), Decimal(0)) / 1000).quantize(_THOUSANDTH)


def goods_follow_waybills(consignments: tuple[Consignment, ...]) -> bool:
    """Whether a reader will give each waybill back its own goods (always so with a single waybill)."""
    if len(consignments) < 2:
        return True
    for consignment in consignments:
        tonnes = [car_tonnes(car, consignment) for car in cars(consignment)]
        kilograms = [values.in_kilograms(g.gross_weight) if g.gross_weight else None for g in consignment.goods]
        if not tonnes or not kilograms or None in tonnes or None in kilograms:
            return False
        if sum((t * 1000 for t in tonnes if t is not None), Decimal(0)) != sum(
            (k for k in kilograms if k is not None), Decimal(0)
        ):
            return False
    return True


# c_Contenedor, the catalogue of a rail Contenedor's TipoContenedor.
CONTAINER_TYPES = "c_Contenedor"


def container_written(equipment: Equipment, consignment: Consignment) -> bool:
    """Whether a Carro of the waybill holds ``equipment`` as a Contenedor. A rail Contenedor states only its type
    and weights (CartaPorte31.xsd Carro/Contenedor: TipoContenedor, PesoContenedorVacio, PesoNetoMercancia): one of
    which the model has none is not written as an empty element, nor one that no car before it on the waybill
    carries."""
    if equipment.kind != EquipmentKind.CONTAINER:
        return False
    position = consignment.equipment.index(equipment)
    if not any(e.kind in CAR_KINDS for e in consignment.equipment[:position]):
        return False
    return (
        equipment.tare_weight is not None
        or equipment.net_weight is not None
        or any(r.kind == CONTAINER_TYPES for r in equipment.type_codes)
        or any(key.startswith("cartaporte.Contenedor.") for key in equipment.extensions)
    )
