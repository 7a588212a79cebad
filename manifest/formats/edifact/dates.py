"""DTM date/time/period values (UN/EDIFACT C507: 2005 qualifier, 2380 value, 2379 format, UNCL 2379 codes)."""

from __future__ import annotations

from datetime import date, datetime

from manifest.formats.readers import ascii_digits
from manifest.model import Moment

# UNCL 2379: 101 YYMMDD, 102 CCYYMMDD, 201 YYMMDDHHMM, 203 CCYYMMDDHHMM, 204 CCYYMMDDHHMMSS.
_FORMATS: dict[str, tuple[str, int, bool]] = {
    "101": ("%y%m%d", 6, False),
    "102": ("%Y%m%d", 8, False),
    "201": ("%y%m%d%H%M", 10, True),
    "203": ("%Y%m%d%H%M", 12, True),
    "204": ("%Y%m%d%H%M%S", 14, True),
}
KNOWN_FORMATS = tuple(_FORMATS)
# Every code of UNCL 2379 (D.95B to D.99B directories): the formats a DTM may name, read or not. 2 to 5 are the
# day-first dates, 1xx dates, 2xx dates with times, 3xx with time zones, 4xx times, 5xx time spans, 6xx years,
# semesters, quarters, months and weeks, 7xx periods written without a hyphen, 8xx quantities of a unit of time.
_FORMAT_CODES = (
    "2 3 4 5 101 102 103 105 106 107 108 109 110 201 202 203 204 205 301 302 303 304 305 306 401 402 404 "
    "405 406 501 502 503 600 601 602 603 604 608 609 610 613 614 615 616 701 702 703 704 705 706 707 708 "
    "709 710 711 713 715 716 717 718 719 720 801 802 803 804 805 806 807 808 809 810 811 812 813 814"
)
FORMAT_CODES = frozenset(_FORMAT_CODES.split())
# UNCL 2379 401 HHMM and 402 HHMMSS: a time of day without its date (a sender may give the date and the time of one
# event in two DTMs of the same qualifier). The model holds dates and moments, so such a value is checked and kept as
# it came.
TIME_FORMATS = {"401": 4, "402": 6}


def is_time_of_day(value: str, fmt: str) -> bool:
    """Whether ``value`` is a time of day in UNCL 2379 format ``fmt`` (401 or 402): hours 00-23, minutes and seconds
    00-59."""
    width = TIME_FORMATS.get(fmt)
    if width is None or len(value) != width or not ascii_digits(value):
        return False
    hours, minutes, seconds = int(value[:2]), int(value[2:4]), int(value[4:6] or 0)
    return hours < 24 and minutes < 60 and seconds < 60


def parse_moment(value: str, fmt: str) -> Moment | None:
    """The moment written as ``value`` in UNCL 2379 format ``fmt`` (102 when absent), or None if it is not one."""
    spec = _FORMATS.get(fmt or "102")
    if spec is None or len(value) != spec[1] or not ascii_digits(value):
        return None
    if spec[1] in (8, 12) and value.isascii():
        # 102 and 203, fixed-width fields with a four-digit year: the constructors check the same ranges as
        # strptime does, far faster.
        try:
            day = date(int(value[:4]), int(value[4:6]), int(value[6:8]))
            if spec[1] == 8:
                return day
            return datetime(day.year, day.month, day.day, int(value[8:10]), int(value[10:12]))
        except ValueError:
            return None
    try:
        parsed = datetime.strptime(value, spec[0])
    except ValueError:
        return None
    return parsed if spec[2] else parsed.date()


def format_moment(moment: Moment) -> tuple[str, str]:
    """(value, format): a date as 102, a date and time as 203, or 204 when it has seconds. A time zone offset and
    fractions of a second have no place in these formats; the writer's read-back lists them as not carried."""
    if isinstance(moment, datetime):
        if moment.second:
            return moment.strftime("%Y%m%d%H%M%S"), "204"
        return moment.strftime("%Y%m%d%H%M"), "203"
    if isinstance(moment, date):
        return moment.strftime("%Y%m%d"), "102"
    raise TypeError(moment)
