"""The loop maps of the 358 Customs Consist: the cars of a train in order, each with the bills it carries.

004040 and later (X12 358 table): ST, M10, the P4 loop (up to 20) holding the VID loop (one per car or container,
up to 9999) holding the MBL loop (bill: MBL, M13, X1), SE. 004010 instead nests an LX loop (up to 500: LX, VID,
then the MBL loop of MBL, M13 and VID) under P4.
"""

from __future__ import annotations

from manifest.formats.x12.loops import Loop, Seg
from manifest.formats.x12.ts309 import TRUCK_HEADING, TRUCK_VERSION

_MBL_4040 = Loop("MBL", (Seg("MBL", True), Seg("M13"), Seg("X1")), max=9999)
TS358_4040 = Loop(
    "ST",
    (
        Seg("ST", True),
        Seg("M10", True),
        Loop("P4", (Seg("P4", True), Loop("VID", (Seg("VID", True), _MBL_4040), max=9999)), required=True, max=20),
        Seg("SE", True),
    ),
)
_MBL_4010 = Loop("MBL", (Seg("MBL", True), Seg("M13"), Seg("VID")), max=9999)
TS358_4010 = Loop(
    "ST",
    (
        Seg("ST", True),
        Seg("M10", True),
        Loop(
            "P4",
            (Seg("P4", True), Loop("LX", (Seg("LX", True), Seg("VID"), _MBL_4010), max=500)),
            required=True,
            max=20,
        ),
        Seg("SE", True),
    ),
)


# The ACE truck 358 (trip): the truck heading, then per port the trailers and other equipment (VID, with their
# seals in M7) and under each the shipments it carries (MBL).
TS358_TRUCK = Loop(
    "ST",
    (
        Seg("ST", True),
        Seg("M10", True),
        *TRUCK_HEADING,
        Loop(
            "P4",
            (Seg("P4", True), Loop("VID", (Seg("VID", True), Seg("M7"), _MBL_4040), max=9999)),
            required=True,
            max=20,
        ),
        Seg("SE", True),
    ),
)


def map_for(version: str) -> Loop:
    if version[:6] == TRUCK_VERSION:
        return TS358_TRUCK
    return TS358_4010 if version[:6] < "004020" else TS358_4040
