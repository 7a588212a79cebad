"""Building small X12 interchanges for the X12 tests."""

from __future__ import annotations

ISA_4010 = "ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *261127*1200*U*00401*000000007*0*P*>~"


def interchange(
    *body: str,
    isa: str = ISA_4010,
    version: str = "004010",
    gs01: str = "SO",
    set_id: str = "309",
    se_count: int | None = None,
    se_control: str = "0001",
    ge: str = "GE*1*7",
    iea: str = "IEA*1*000000007",
) -> bytes:
    """ISA, GS, ST, the body segments (without terminators), SE (with the true count unless given), GE, IEA."""
    count = len(body) + 2 if se_count is None else se_count
    lines = [
        isa,
        f"GS*{gs01}*SENDER*RECEIVER*20261127*1200*7*X*{version}~",
        f"ST*{set_id}*0001~",
        *(segment + "~" for segment in body),
        f"SE*{count}*{se_control}~",
        ge + "~",
        iea + "~",
    ]
    return ("\n".join(lines) + "\n").encode()


HEAD = ("M10*MAEU*O*SG*9321483*MAERSK KENSINGTON*647N*000001*1*W*L", "P4*2709*20261127")
BILL = (
    "LX*1",
    "M11*MAEU26478120*20195*2400*CTN*38400*K",
    "VID*CN*MSKU*1234565*ML4471203*****45G1*L",
    "N10*1200*TEQUILA*NO MARKS*J*220890*96000*K*19200**CTN",
)


def minimal_309(*bill: str) -> bytes:
    return interchange(*HEAD, *(bill or BILL))
