"""The bill of lading number of the ocean 309: the issuer's SCAC written apart from the rest of the number.

CBP ACE Ocean 309 implementation guide, M11: the bill of lading number is the SCAC of the bill's issuer followed by
the issuer's number; M1101 (element 122, at most 12 characters in 004010) holds the number and M1112 (element 140,
Standard Carrier Alpha Code) the issuer's SCAC. CBP's own ocean 309 (../shared/external-samples/x12) writes
``M11*99XXZ999999X*...**XXXX`` for the bill its goods text calls ``XXXX99XXZ999999X``.

The model keeps the whole identifier, SCAC and number, as CUSCAR (CNI, RFF+BM) and the other formats write it, so
that bills are matched by identifier across formats. A reader joins M1112 and M1101; a writer splits by this rule:

1. a bill read from a 309 is split as it was read: the issuer kept under ``x12.M11.12`` (empty when M1112 was);
2. otherwise the carrier's SCAC (M1001), when the number begins with it and goes on;
3. otherwise four letters followed by a digit, the form of a SCAC that prefixes a number (``MAEU264781203``).

A rail 309 has no M1112 split (the CBP rail 309 writes the waybill as it is), and a number with no issuer prefix
is written whole.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

ISSUER = "x12.M11.12"
_SCAC = re.compile(r"[A-Z]{2,4}")
_SCAC_THEN_NUMBER = re.compile(r"[A-Z]{4}(?=[0-9])")


def split(number: str, ext: Mapping[str, str], carrier_scac: str | None) -> tuple[str, str]:
    """(M1101, M1112) for the model's bill ``number``."""
    if ISSUER in ext:
        issuer = ext[ISSUER]
        if issuer and number.startswith(issuer):
            return number[len(issuer) :], issuer
        return number, ""
    return _derived(number, carrier_scac)


def _derived(number: str, carrier_scac: str | None) -> tuple[str, str]:
    if carrier_scac and _SCAC.fullmatch(carrier_scac) and number.startswith(carrier_scac):
        rest = number[len(carrier_scac) :]
        if rest:
            return rest, carrier_scac
    prefix = _SCAC_THEN_NUMBER.match(number)
    if prefix is not None:
        return number[prefix.end() :], prefix.group()
    return number, ""


def join(m1101: str, m1112: str, carrier_scac: str | None, ext: dict[str, str]) -> str:
    """The model's bill number from M1101 and M1112. Where rules 2 and 3 would not split it so (M1112 empty while
    M1101 starts like a SCAC, or an issuer of another form), the issuer is kept as read under ``x12.M11.12`` so
    that the bill is written back as it was read."""
    number = m1112 + m1101
    if _derived(number, carrier_scac) != (m1101, m1112):
        ext[ISSUER] = m1112
    return number
