"""The line structure of each message, as tables: which line identifiers, in which order, which are mandatory.

Sources: FWB order from the FWB/14 ABNF (parse2.com cargo-imp/FWB14.abnf), which the FWB/17 structure keeps line
for line (with the prepaid and collect summaries optional); FWB/16 is read with the same table, and the
element-level differences between 16 and 17 were not verified against the IATA manual, which is not public.
FHL/5: MBI, then per house HBS with optional TXT, HTS and OCI, then SHP, CNE and CVD; FHL/4, which forwarding
software (CargoWise) and airlines still send, has the same lines in the same order in every real message seen
(tyroneous9/CargoIMP-Compiler ``cpp/data/input_tests/fhl4_test.txt`` and ``fhl_test.txt``; CargoWise's own FHL/4
test), its parties in the untagged layout of :mod:`manifest.formats.cargo_imp.parties`. FFM/8 line types are
classified in :mod:`manifest.formats.cargo_imp.ffm` because most of its lines have no identifier. The message
length (3500 characters) is from the Cargo-IMP Manual, 32nd edition, preface; the 69-character line is the Type B
line length (weakly sourced: a secondary document quoting the manual).
"""

from __future__ import annotations

from manifest.slotted import record


@record
class LineRule:
    tag: str
    title: str
    mandatory: bool = False
    repeats: bool = False  # may follow itself, or (opening a group) start the group again
    opens_group: bool = False


# The first line after the standard message identifier has no identifier in FWB and FFM; it is named here.
AWB = "AWB"

FWB_LINES: tuple[LineRule, ...] = (
    LineRule(AWB, "AWB consignment detail", mandatory=True),
    LineRule("FLT", "flight bookings"),
    LineRule("RTG", "routing", mandatory=True),
    LineRule("SHP", "shipper", mandatory=True),
    LineRule("CNE", "consignee", mandatory=True),
    LineRule("AGT", "agent"),
    LineRule("SSR", "special service request"),
    LineRule("NFY", "also notify"),
    LineRule("ACC", "accounting information"),
    LineRule("CVD", "charge declarations", mandatory=True),
    LineRule("RTD", "rate description", mandatory=True),
    LineRule("OTH", "other charges"),
    LineRule("PPD", "prepaid charge summary"),
    LineRule("COL", "collect charge summary"),
    LineRule("CER", "shipper's certification"),
    LineRule("ISU", "carrier's execution", mandatory=True),
    LineRule("OSI", "other service information"),
    LineRule("CDC", "CC charges in destination currency"),
    LineRule("REF", "sender reference", mandatory=True),
    LineRule("COR", "customs origin"),
    LineRule("COI", "commission information"),
    LineRule("SII", "sales incentive information"),
    LineRule("ARD", "agent reference data"),
    LineRule("SPH", "special handling details"),
    LineRule("NOM", "nominated handling party"),
    LineRule("SRI", "shipment reference information"),
    LineRule("OPI", "other participant information", repeats=True),
    LineRule("OCI", "other customs, security and regulatory control information"),
)

FHL_LINES: tuple[LineRule, ...] = (
    LineRule("MBI", "master AWB consignment detail", mandatory=True),
    LineRule("HBS", "house waybill summary details", mandatory=True, repeats=True, opens_group=True),
    LineRule("TXT", "free text description of goods"),
    LineRule("HTS", "harmonised tariff schedule information"),
    LineRule("OCI", "other customs, security and regulatory control information"),
    LineRule("SHP", "shipper name and address"),
    LineRule("CNE", "consignee name and address"),
    LineRule("CVD", "charge declarations"),
)

# Sub-line identifiers of a name-and-address block (SHP, CNE, NFY): they never open a line of their own.
PARTY_SUBLINES = frozenset({"NAM", "ADR", "LOC"})
PARTY_LINES = frozenset({"SHP", "CNE", "NFY"})

# Message versions known to each reader; the first is written by default.
VERSIONS: dict[str, tuple[str, ...]] = {"FWB": ("16", "17"), "FHL": ("5", "4"), "FFM": ("8",)}

# Every Cargo-IMP message identifier, so that a standard message identification line of an unsupported message is
# recognised as the start of a message and not read as a line of the previous one.
MESSAGE_TYPES = frozenset(
    {
        "FWB", "FHL", "FFM", "FZB", "FSU", "FSA", "FSR", "FSB", "FMA", "FNA", "FFR", "FFA", "FBL", "FBR", "FWR",
        "FDA", "FOH", "FRI", "FRC", "FRX", "FXI", "FXX", "FSN", "FER", "FSQ", "FSC", "FSI", "FDM", "CSN",
    }
)  # fmt: skip
