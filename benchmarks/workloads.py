"""The files the benchmark measures: which sample each grows from, to what size, and how it is checked and converted.

Each file is one of the situations the tool is used in: a carrier's 20,000-bill vessel call (ocean 309), a day of
trains (rail 309 and 358), the shipments of a day's trucks at one crossing (ACE truck 309), a CUSCAR interchange of
many vessel calls, a Carta Porte of a large shipment, a busy flight's XFFM and a consolidator's XFHL, Cargo-IMP FFM
and FWB traffic, and the canonical formats of a large vessel call. Sizes are at ``--scale 1``.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from benchmarks import replicate
from manifest.model import DocumentType, EquipmentKind, Manifest

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SCHEMAS = Path(__file__).resolve().parent.parent / "schemas"


class Family(Enum):
    """What the baselines of a file are: its syntax decides the bare tokenization and the peers that apply."""

    X12 = "x12"
    EDIFACT = "edifact"
    CARGO_IMP = "cargo-imp"
    XML = "xml"
    JSON = "json"


class Schema(Enum):
    """The XSD the XML baselines validate against, where the repository has an official one."""

    NONE = "none"  # IATA publishes the Cargo-XML schemas to its members only; none is shipped here
    SAT = "sat"  # SAT's CFDI 4.0 and Carta Porte 3.1 XSDs (schemas/sat)
    MANIFEST = "manifest"  # schemas/manifest.xsd


@dataclass(frozen=True, slots=True)
class Workload:
    name: str
    format: str
    template: str  # a sample, relative to samples/
    size: int  # how many ``unit`` at scale 1
    unit: str
    grow: Callable[[Manifest, int], list[Manifest]]  # the template grown to (at least) a number of units
    family: Family
    convert_to: str
    schema: Schema = Schema.NONE

    def count(self, scale: float) -> int:
        return max(1, round(self.size * scale))

    @property
    def extension(self) -> str:
        return (
            "".join(Path(self.template).suffixes[-2:]) if self.template.endswith(".xml") else Path(self.template).suffix
        )


def _copies(template: Manifest, units: int, per_copy: int) -> int:
    return max(1, math.ceil(units / max(1, per_copy)))


def _bills(template: Manifest, bills: int) -> list[Manifest]:
    return [replicate.grow(template, _copies(template, bills, len(template.consignments)))]


# X12 element 554 (LX01, the assigned number of each bill's loop) holds at most 4 digits: a transaction set carries
# at most 9,999 bills. A carrier filing a large vessel call sends it as several 309 sets in one interchange, each
# for the same voyage; a thousand bills a set keeps every set well within the limit.
BILLS_PER_SET = 1_000


def _sets_of_bills(template: Manifest, bills: int) -> list[Manifest]:
    """The vessel call's bills as several transaction sets of the same voyage, ``BILLS_PER_SET`` bills each."""
    per_copy = max(1, len(template.consignments))
    return replicate.split(template, _copies(template, bills, per_copy), max(1, BILLS_PER_SET // per_copy))


def _railcars(manifest: Manifest) -> int:
    cars = {e.identifier for c in manifest.consignments for e in c.equipment if e.kind is EquipmentKind.RAILCAR}
    return len(cars | {e.identifier for e in manifest.equipment if e.kind is EquipmentKind.RAILCAR})


TRAIN_CARS = 100  # a long North American freight train; the day's trains go in one interchange, one set each


def _trains(template: Manifest, cars: int) -> list[Manifest]:
    per_copy = _railcars(template)
    copies = _copies(template, cars, per_copy)
    return replicate.split(template, copies, max(1, TRAIN_CARS // per_copy))


def _vessel_calls(template: Manifest, messages: int) -> list[Manifest]:
    """One CUSCAR message per vessel call, each with the sample's bills."""
    return replicate.split(template, messages, 1)


def _goods(template: Manifest, items: int) -> list[Manifest]:
    return [replicate.more_goods(template, items)]


def _houses(template: Manifest, houses: int) -> list[Manifest]:
    """One master with ``houses`` house waybills: copies of the template's houses, under the template's master."""
    masters = [c for c in template.consignments if c.document_type is not DocumentType.HOUSE_AIR_WAYBILL]
    only_houses = replace(template, consignments=tuple(c for c in template.consignments if c not in masters))
    (grown,) = _bills(only_houses, houses)
    return [replace(grown, consignments=(*masters, *grown.consignments))]


MARITIME = "maritime/northbound-vessel-maersk-kensington-647n"
RAIL = "rail/northbound-train-kcsm-qmtyla27"
AIR = "air/northbound-flight-am0642"
ROAD = "road/northbound-truck-lrdy0731"

WORKLOADS = (
    Workload(
        "x12-309-ocean", "x12-309", f"{MARITIME}.synthetic.309", 20_000, "bills", _sets_of_bills, Family.X12, "cuscar"
    ),
    Workload("x12-309-rail", "x12-309", f"{RAIL}.synthetic.309", 5_000, "cars", _trains, Family.X12, "x12-358"),
    Workload("x12-358", "x12-358", f"{RAIL}.synthetic.358", 5_000, "cars", _trains, Family.X12, "x12-309"),
    Workload("x12-309-road", "x12-309", f"{ROAD}.synthetic.309", 2_000, "shipments", _bills, Family.X12, "x12-358"),
    Workload("cuscar", "cuscar", f"{MARITIME}.cuscar", 2_000, "messages", _vessel_calls, Family.EDIFACT, "x12-309"),
    Workload(
        "carta-porte",
        "carta-porte",
        "maritime/northbound-manzanillo-long-beach.cartaporte.xml",
        5_000,
        "goods",
        _goods,
        Family.XML,
        "manifest-json",
        Schema.SAT,
    ),
    Workload(
        "cargo-xml-xffm", "cargo-xml", f"{AIR}-mex-lax.xffm.xml", 10_000, "waybills", _bills, Family.XML, "cargo-imp"
    ),
    Workload(
        "cargo-xml-xfhl",
        "cargo-xml",
        f"{AIR}-consolidation-139-12345675.xfhl.xml",
        10_000,
        "houses",
        _houses,
        Family.XML,
        "cargo-imp",
    ),
    Workload(
        "cargo-imp-ffm", "cargo-imp", f"{AIR}-mex-lax.ffm", 5_000, "waybills", _bills, Family.CARGO_IMP, "cargo-xml"
    ),
    Workload(
        "cargo-imp-fwb",
        "cargo-imp",
        f"{AIR}-awb-139-12345675.fwb",
        5_000,
        "waybills",
        _bills,
        Family.CARGO_IMP,
        "cargo-xml",
    ),
    Workload(
        "manifest-xml",
        "manifest-xml",
        f"{MARITIME}.manifest.xml",
        2_000,
        "bills",
        _bills,
        Family.XML,
        "manifest-json",
        Schema.MANIFEST,
    ),
    Workload(
        "manifest-json",
        "manifest-json",
        f"{MARITIME}.manifest.json",
        2_000,
        "bills",
        _bills,
        Family.JSON,
        "manifest-xml",
    ),
)

BY_NAME = {w.name: w for w in WORKLOADS}
