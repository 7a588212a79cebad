"""What a file holds, at a glance: the data behind ``manifest inspect``."""

from __future__ import annotations

import typing
from collections import defaultdict
from decimal import Decimal

from manifest.diagnostics import Lang
from manifest.formats.base import Document
from manifest.i18n import words
from manifest.model import Consignment, DocumentType, Manifest, Place, Stop

_HOUSES = (DocumentType.HOUSE_AIR_WAYBILL, DocumentType.HOUSE_BILL_OF_LADING)


def _place(place: Place | None) -> str | None:
    if place is None:
        return None
    label = " ".join(part for part in (place.code, f"({place.name})" if place.name else None) if part)
    return label or None


def _stop(stop: Stop | None) -> str | None:
    if stop is None:
        return None
    moment = stop.moment.isoformat() if stop.moment is not None else None
    return " ".join(part for part in (_place(stop.place), moment) if part) or None


def _totals(consignments: tuple[Consignment, ...]) -> dict[str, str]:
    weights: dict[str, Decimal] = defaultdict(Decimal)
    for consignment in consignments:
        if consignment.gross_weight is not None:
            weights[consignment.gross_weight.unit] += consignment.gross_weight.value
    return {unit: format(total, "f") for unit, total in sorted(weights.items())}


def summarize_manifest(manifest: Manifest) -> dict[str, object]:
    carrier = manifest.carrier
    conveyance = manifest.conveyance
    equipment = {e.identifier for c in manifest.consignments for e in c.equipment}
    equipment.update(e.identifier for e in manifest.equipment)
    return {
        "mode": manifest.mode.value,
        "carrier": (carrier.scac or carrier.iata_code or carrier.name or carrier.sat_caat) if carrier else None,
        "conveyance": (
            conveyance.name or conveyance.train_id or conveyance.flight_number or conveyance.vehicle_plate
            if conveyance
            else None
        ),
        "imo_number": conveyance.imo_number if conveyance else None,
        "trip": manifest.trip_number,
        "departure": _stop(manifest.departure),
        "arrival": _stop(manifest.arrival),
        "office_of_entry": _place(manifest.office_of_entry),
        "direction": manifest.direction.value if manifest.direction else None,
        "consignments": len(manifest.consignments),
        "house_consignments": sum(1 for c in manifest.consignments if c.document_type in _HOUSES),
        "goods_items": sum(len(c.goods) for c in manifest.consignments),
        "equipment": len(equipment),
        "packages": sum(c.total_packages.count for c in manifest.consignments if c.total_packages),
        "gross_weight": _totals(manifest.consignments),
        "hazardous_items": sum(1 for c in manifest.consignments for g in c.goods if g.hazardous),
    }


def summarize(document: Document) -> dict[str, object]:
    return {
        "format": document.format,
        "manifests": [summarize_manifest(m) for m in document.manifests],
    }


LABELS = {
    "format": "format",
    "mode": "mode",
    "carrier": "carrier",
    "conveyance": "conveyance",
    "imo_number": "IMO number",
    "trip": "trip",
    "departure": "departure",
    "arrival": "arrival",
    "office_of_entry": "office of entry",
    "direction": "direction",
    "consignments": "consignments",
    "house_consignments": "of which houses",
    "goods_items": "goods items",
    "equipment": "equipment",
    "packages": "packages",
    "gross_weight": "gross weight",
    "hazardous_items": "hazardous items",
}


# Values that are names from a closed list, shown in the reader's language; the JSON keeps the names themselves.
_NAMED_VALUES = {"mode": "mode", "direction": "direction"}


def render_text(path: str, summary: dict[str, object], lang: Lang = "en") -> str:
    catalogue = words(lang)
    labels = {key: catalogue.pgettext("inspect", label) + ":" for key, label in LABELS.items()}
    width = max(18, *(len(label) for label in labels.values()))
    lines = [f"{path} ({summary['format']})"]
    manifests = typing.cast(list[dict[str, object]], summary["manifests"])
    for index, manifest in enumerate(manifests, 1):
        lines.append("  " + catalogue.gettext("manifest {index}").format(index=index))
        for key, value in manifest.items():
            if value in (None, {}, 0) and key not in ("consignments",):
                continue
            if isinstance(value, dict):
                shown: object = ", ".join(f"{v} {k}" for k, v in value.items())
            elif key in _NAMED_VALUES and isinstance(value, str):
                shown = catalogue.pgettext(_NAMED_VALUES[key], value)
            else:
                shown = value
            lines.append(f"    {labels[key]:<{width}} {shown}")
    return "\n".join(lines) + "\n"
