"""What a file holds, at a glance: the data behind ``manifest inspect``."""

from __future__ import annotations

import typing
from collections import defaultdict
from decimal import Decimal

from manifest.codelists import place_name
from manifest.core.document import Document
from manifest.diagnostics import Lang
from manifest.i18n import words
from manifest.model import Consignment, DocumentType, Manifest, PartyRole, Place, Stop
from manifest.tables import aligned

_HOUSES = (DocumentType.HOUSE_AIR_WAYBILL, DocumentType.HOUSE_BILL_OF_LADING)


def _place(place: Place | None) -> str | None:
    """A place's code and name (``2304 (Laredo, TX)``): the name the file gives, else the one its code list has."""
    if place is None:
        return None
    name = place.name or place_name(place.scheme, place.code)
    label = " ".join(part for part in (place.code, f"({name})" if name else None) if part)
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


def _weight(consignment: Consignment) -> str | None:
    weight = consignment.gross_weight
    if weight is None:
        weights = [g.gross_weight for g in consignment.goods if g.gross_weight is not None]
        units = {w.unit for w in weights}
        if not weights or len(units) != 1:
            return None
        return f"{format(sum(w.value for w in weights), 'f')} {units.pop()}"
    return f"{format(weight.value, 'f')} {weight.unit}"


def _pieces(consignment: Consignment) -> int | None:
    if consignment.total_packages is not None:
        return consignment.total_packages.count
    counts = [g.packages.count for g in consignment.goods if g.packages is not None]
    return sum(counts) if counts else None


def bill(consignment: Consignment) -> dict[str, object]:
    """One bill or waybill at a glance: its number, shipper and consignee, pieces and weight (the document's totals,
    else the sum of its goods items), its equipment, how many goods items it has, and its ports with their names."""
    shipper = consignment.party(PartyRole.SHIPPER)
    consignee = consignment.party(PartyRole.CONSIGNEE)
    return {
        "number": consignment.document_number,
        "type": consignment.document_type.value,
        "shipper": shipper.name if shipper is not None else None,
        "consignee": consignee.name if consignee is not None else None,
        "pieces": _pieces(consignment),
        "weight": _weight(consignment),
        "equipment": [e.identifier for e in consignment.equipment],
        "goods_items": len(consignment.goods),
        "loading": _place(consignment.place_of_loading),
        "discharge": _place(consignment.place_of_discharge),
    }


def summarize(document: Document, *, bills: bool = False) -> dict[str, object]:
    """What the document holds; with ``bills``, each manifest lists its bills and waybills (see :func:`bill`)."""
    manifests = []
    for manifest in document.manifests:
        summary = summarize_manifest(manifest)
        if bills:
            summary["bills"] = [bill(c) for c in manifest.consignments]
        manifests.append(summary)
    return {"format": document.format, "manifests": manifests}


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
            if key == "bills":
                continue
            if value in (None, {}, 0) and key not in ("consignments",):
                continue
            if isinstance(value, dict):
                shown: object = ", ".join(f"{v} {k}" for k, v in value.items())
            elif key in _NAMED_VALUES and isinstance(value, str):
                shown = catalogue.pgettext(_NAMED_VALUES[key], value)
            else:
                shown = value
            lines.append(f"    {labels[key]:<{width}} {shown}")
        if "bills" in manifest:
            listed = bills_table(typing.cast(list[dict[str, object]], manifest["bills"]), lang)
            lines += ["", *("    " + line for line in listed)]
    return "\n".join(lines) + "\n"


# The columns of ``inspect --bills``, by their names in the catalogue (context "column").
BILL_COLUMNS = ("number", "shipper", "consignee", "pieces", "weight", "equipment", "goods items", "ports")


def bills_table(bills: list[dict[str, object]], lang: Lang = "en") -> list[str]:
    """The lines of a table of bills: one row per bill, its ports as ``loading → discharge``."""
    catalogue = words(lang)
    rows = []
    for entry in bills:
        ports = " → ".join(str(entry[k]) for k in ("loading", "discharge") if entry[k] is not None)
        equipment = typing.cast(list[str], entry["equipment"])
        values = {
            "number": entry["number"],
            "shipper": entry["shipper"],
            "consignee": entry["consignee"],
            "pieces": entry["pieces"],
            "weight": entry["weight"],
            "equipment": ", ".join(equipment),
            "goods items": entry["goods_items"],
            "ports": ports,
        }
        rows.append({key: "" if value is None else str(value) for key, value in values.items()})
    headings = {c: catalogue.pgettext("column", c).upper() for c in BILL_COLUMNS}
    return aligned(rows, headings) if rows else []
