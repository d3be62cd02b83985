"""How an event's time reads: at the venue and in Japan, side by side, in the page's language.

The visitor's language picks the date format (2022年12月16日 or 16 December 2022); it never
picks the time zone. Values are formatted here, not with the template `date` filter, because
that filter first converts to the site's time zone and would lose the venue's clock.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import formats
from django.utils.translation import gettext as _

from .timezones import JAPAN


@dataclass(frozen=True)
class Clock:
    label: str
    zone: str
    abbreviation: str
    start_iso: str
    end_iso: str
    start_date: str
    start_time: str
    end_date: str
    end_time: str
    same_day: bool
    text: str


def _clock(label: str, zone_name: str, tz, starts_at, ends_at) -> Clock:
    start = starts_at.astimezone(tz)
    end = ends_at.astimezone(tz)
    start_date = formats.date_format(start, "DATE_FORMAT")
    end_date = formats.date_format(end, "DATE_FORMAT")
    start_time = formats.time_format(start, "TIME_FORMAT")
    end_time = formats.time_format(end, "TIME_FORMAT")
    same_day = start.date() == end.date()
    if same_day:
        text = f"{start_date} {start_time}–{end_time}"
    else:
        text = f"{start_date} {start_time} – {end_date} {end_time}"
    return Clock(
        label=label,
        zone=zone_name,
        abbreviation=start.tzname() or "",
        start_iso=start.isoformat(),
        end_iso=end.isoformat(),
        start_date=start_date,
        start_time=start_time,
        end_date=end_date,
        end_time=end_time,
        same_day=same_day,
        text=text,
    )


@dataclass(frozen=True)
class EventTimes:
    venue: Clock
    japan: Clock | None  # None when the venue already keeps Japan time
    day_shift: int  # Japan's start date minus the venue's start date, in days
    day_shift_text: str


def event_times(event) -> EventTimes:
    venue = event.venue
    if venue.is_in_japan:
        clock = _clock(_("Japan time"), "Asia/Tokyo", JAPAN, event.starts_at, event.ends_at)
        return EventTimes(venue=clock, japan=None, day_shift=0, day_shift_text="")
    city = venue.city or venue.time_zone.rsplit("/", 1)[-1].replace("_", " ")
    local = _clock(
        _("%(city)s time") % {"city": city},
        venue.time_zone,
        venue.tzinfo,
        event.starts_at,
        event.ends_at,
    )
    japan = _clock(_("Japan time"), "Asia/Tokyo", JAPAN, event.starts_at, event.ends_at)
    shift = (
        event.starts_at.astimezone(JAPAN).date() - event.starts_at.astimezone(venue.tzinfo).date()
    ).days
    if shift > 0:
        text = _("The next day in Japan")
    elif shift < 0:
        text = _("The previous day in Japan")
    else:
        text = ""
    return EventTimes(venue=local, japan=japan, day_shift=shift, day_shift_text=text)


def google_calendar_dates(starts_at: datetime.datetime, ends_at: datetime.datetime) -> str:
    fmt = "%Y%m%dT%H%M%SZ"
    return (
        f"{starts_at.astimezone(datetime.UTC).strftime(fmt)}/"
        f"{ends_at.astimezone(datetime.UTC).strftime(fmt)}"
    )
