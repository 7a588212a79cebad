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
