"""CBP's answers to a truck 309 or 358, read as findings of the response file: the 355 (acceptance or rejection)
and the 350 (status notification).

A response carries no manifest: what it says is reported as diagnostics of the response itself, at the segment that
says it, so that ``manifest validate`` tells whether CBP accepted the filing and why not.

* 355, Customs Acceptance/Rejection: M10 names the manifest answered (SCAC, trip); AK1 the group answered (its
  GS01 and GS06); AK9 the verdict (AK901: A accepted, E accepted with errors, P partially accepted, R rejected;
  then the counts of sets included, received and accepted); an AK2 loop per set answered with its AK3/AK4 errors
  and its AK5 verdict; K1 remarks, CBP's own words on what it rejected. X12.6's 997 defines the AK segments and
  their codes; the structure (M10, AK1, AK9, then the AK2 loops) is that of the real truck 355 at hand
  (JeffCarpenter/x12-types, src/v004060/test_355.rs); the 004010 table's K1 and P4 loops are read too.
* 350, Customs Status Information: M10 and P4 name the manifest and the port; each V9 is an event (V901 its code,
  V902 its name, V903 its date), K1 its remarks; NM1, VID, M7 and N9 name what it is about; an X4 loop per bill
  gives its disposition (X401 the bill, X404 the entry, X407 the disposition code, as the real 005010 350 at hand
  writes them: apimeister/x12-types, test-data/005010_350.edi), with its K1 remarks and its N9 and N7.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from manifest.diagnostics import Severity, define
from manifest.formats.x12.envelope import SetContext
from manifest.formats.x12.loops import Loop, Seg
from manifest.formats.x12.tokens import Segment

RESPONSE_SETS = ("355", "350")
_SOURCE = "ASC X12.6 997 acknowledgment codes (AK5 717, AK9 715); CBP ACE truck 355 and 350"

ACCEPTED = define(
    "X12501",
    Severity.INFO,
    "CBP accepted the manifest $manifest (355 AK9-01 $code: $accepted of $received set(s) accepted)",
    "CBP aceptó el manifiesto $manifest (355 AK9-01 $code: $accepted de $received conjunto(s) aceptado(s))",
    _SOURCE,
)
ACCEPTED_WITH_ERRORS = define(
    "X12502",
    Severity.WARNING,
    "CBP accepted the manifest $manifest with errors or in part (355 AK9-01 $code: $accepted of $received set(s) "
    "accepted)$reasons",
    "CBP aceptó el manifiesto $manifest con errores o en parte (355 AK9-01 $code: $accepted de $received "
    "conjunto(s) aceptado(s))$reasons",
    _SOURCE,
)
REJECTED = define(
    "X12503",
    Severity.ERROR,
    "CBP rejected the manifest $manifest (355 AK9-01 $code)$reasons",
    "CBP rechazó el manifiesto $manifest (355 AK9-01 $code)$reasons",
    _SOURCE,
)
NO_VERDICT = define(
    "X12504",
    Severity.ERROR,
    "the 355 gives no verdict: it has no AK9 (nor an AK5) saying whether CBP accepted the manifest",
    "el 355 no da un dictamen: no tiene AK9 (ni AK5) que diga si CBP aceptó el manifiesto",
    _SOURCE,
)
STATUS = define(
    "X12505",
    Severity.INFO,
    "CBP status notification (350) for the manifest $manifest: $events",
    "aviso de estado de CBP (350) del manifiesto $manifest: $events",
    "CBP ACE truck 350 (Customs Status Information): V9 events, K1 remarks",
)

_VERDICTS = {"A": ACCEPTED, "E": ACCEPTED_WITH_ERRORS, "P": ACCEPTED_WITH_ERRORS, "R": REJECTED, "X": REJECTED}
# X12.6 element 717 (AK501): A accepted, E accepted but errors were noted, M rejected (message authentication),
# P partially accepted, R rejected, W rejected (assurance failed), X rejected (content could not be analyzed).
_SET_REJECTED = frozenset("MRWX")

_AK3_LOOP = Loop("AK3", (Seg("AK3", True), Seg("AK4", max=99)), max=999999)
_AK2_LOOP = Loop("AK2", (Seg("AK2", True), _AK3_LOOP, Seg("AK5", True)), max=999999)
_LX_LOOP = Loop("LX", (Seg("LX", True), Seg("M13"), Seg("MBL"), Seg("K1", max=999)), max=9999)
TS355 = Loop(
    "ST",
    (
        Seg("ST", True),
        Seg("M10"),
        Seg("K1", max=999),
        Seg("AK1"),
        Seg("AK9"),
        _AK2_LOOP,
        Loop("P4", (Seg("P4", True), Seg("K1", max=999), _LX_LOOP), max=20),
        Seg("SE", True),
    ),
)
TS350 = Loop(
    "ST",
    (
        Seg("ST", True),
        Seg("M10"),
        Seg("P4", max=20),
        Seg("V9", max=999),
        Seg("NM1", max=999),
        Seg("VID", max=9999),
        Seg("M7", max=9999),
        Seg("K1", max=999),
        Seg("N9", max=999),
        Loop("X4", (Seg("X4", True), Seg("K1", max=999), Seg("N9", max=999), Seg("N7", max=999)), max=9999),
        Seg("SE", True),
    ),
)


def map_for(set_id: str) -> Loop:
    return TS355 if set_id == "355" else TS350


@dataclass
class ResponseReader:
    """The set handler of a 355 or 350: its findings at SE, as Diagnostic outputs."""

    context: SetContext
    m10: Segment | None = None
    ak9: Segment | None = None
    ak5s: list[Segment] = field(default_factory=list)
    remarks: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)

    def segment(self, segment: Segment, path: tuple[str, ...]) -> list[object]:
        tag = segment.tag
        if tag == "M10":
            self.m10 = segment
        elif tag == "AK9":
            self.ak9 = segment
        elif tag == "AK5":
            self.ak5s.append(segment)
        elif tag == "K1":
            self.remarks.append(" ".join(part for part in (segment.get(1), segment.get(2)) if part))
        elif tag == "AK3":
            self.errors.append(f"segment {segment.get(1)} at position {segment.get(2)}: error {segment.get(4)}")
        elif tag == "AK4":
            self.errors.append(f"element {segment.get(1)}: error {segment.get(3)}")
        elif tag == "X4":
            self.events.append(
                f"{segment.get(1)}: {segment.get(7)}" + (f" ({segment.get(4)})" if segment.get(4) else "")
            )
        elif tag == "V9":
            name = segment.get(2) or segment.get(1)
            self.events.append(f"{name} ({segment.get(3)})" if segment.get(3) else name)
        return []

    def end(self, trailer: Segment | None) -> list[object]:
        at = trailer or self.context.st
        manifest = self._manifest()
        if self.context.st.get(1) == "350":
            events = "; ".join(self.events + self.remarks) or "no event"
            return [STATUS(manifest=manifest, events=events).at(at.position(0))]
        reasons = "; ".join(self.remarks + self.errors)
        shown = f": {reasons}" if reasons else ""
        ak9 = self.ak9
        if ak9 is not None:
            code = ak9.get(1)
            made = _VERDICTS.get(code, REJECTED)
            return [
                made(manifest=manifest, code=code, received=ak9.get(3), accepted=ak9.get(4), reasons=shown).at(
                    ak9.position(1)
                )
            ]
        if self.ak5s:
            last = self.ak5s[-1]
            code = last.get(1)
            rejected = sum(ak5.get(1) in _SET_REJECTED for ak5 in self.ak5s)
            accepted = str(len(self.ak5s) - rejected)
            made = REJECTED if rejected == len(self.ak5s) else _VERDICTS.get(code, ACCEPTED_WITH_ERRORS)
            received = str(len(self.ak5s))
            found = made(manifest=manifest, code=code, received=received, accepted=accepted, reasons=shown)
            return [found.at(last.position(1))]
        return [NO_VERDICT().at(at.position(0))]

    def _manifest(self) -> str:
        m10 = self.m10
        if m10 is None:
            return "(not named)"
        return " ".join(part for part in (m10.get(1), m10.get(6)) if part) or "(not named)"
