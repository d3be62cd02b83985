"""Wall-clock times entered in a venue's time zone, checked against daylight-saving changes.

zoneinfo silently accepts a time that never happens (02:30 when New York springs forward) and
picks one of two instants for a time that happens twice (01:30 when it falls back). An
event's start must be unambiguous, so both cases are refused with a message an editor can act
on.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext_lazy as _

UTC = datetime.UTC
JAPAN = ZoneInfo("Asia/Tokyo")


def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return JAPAN


def validate_time_zone(name: str) -> None:
    if name not in available_timezones():
        raise ValidationError(
            _("“%(value)s” is not a time zone name such as Asia/Tokyo or America/New_York."),
            code="invalid_time_zone",
            params={"value": name},
        )


def time_zone_choices() -> list[tuple[str, str]]:
    return [(name, name) for name in sorted(available_timezones()) if "/" in name]


def is_nonexistent(naive: datetime.datetime, tz: ZoneInfo) -> bool:
    aware = naive.replace(tzinfo=tz)
    round_trip = aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    return round_trip != naive


def is_ambiguous(naive: datetime.datetime, tz: ZoneInfo) -> bool:
    first = naive.replace(tzinfo=tz, fold=0).utcoffset()
    second = naive.replace(tzinfo=tz, fold=1).utcoffset()
    return first != second


def make_aware_strict(naive: datetime.datetime, tz_name: str) -> datetime.datetime:
    """Interpret a wall-clock time in `tz_name`; refuse times the clocks skip or repeat."""
    tz = zone(tz_name)
    params = {
        "time": formats.time_format(naive.time(), "TIME_FORMAT"),
        "date": formats.date_format(naive.date(), "DATE_FORMAT"),
        "zone": tz_name,
    }
    if is_nonexistent(naive, tz):
        raise ValidationError(
            _(
                "%(time)s does not exist on %(date)s in %(zone)s: the clocks skip that hour "
                "when daylight saving time starts. Please enter a time before or after the gap."
            ),
            code="nonexistent_time",
            params=params,
        )
    if is_ambiguous(naive, tz):
        raise ValidationError(
            _(
                "%(time)s happens twice on %(date)s in %(zone)s, because the clocks go back "
                "when daylight saving time ends. Please enter a time outside that hour."
            ),
            code="ambiguous_time",
            params=params,
        )
    return naive.replace(tzinfo=tz)


def whole_days(
    first: datetime.date, last: datetime.date, tz_name: str
) -> tuple[datetime.datetime, datetime.datetime]:
    """From midnight starting `first` to midnight ending `last`, at the venue."""
    midnight = datetime.time(0, 0)
    return (
        make_aware_strict(datetime.datetime.combine(first, midnight), tz_name),
        make_aware_strict(
            datetime.datetime.combine(last + datetime.timedelta(days=1), midnight), tz_name
        ),
    )


def whole_months(
    first: datetime.date, last: datetime.date, tz_name: str
) -> tuple[datetime.datetime, datetime.datetime]:
    """From the first day of `first`'s month to the last day of `last`'s month."""
    start = first.replace(day=1)
    after = (last.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return whole_days(start, after - datetime.timedelta(days=1), tz_name)
