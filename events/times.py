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
    exact: bool = True
    # For an event without hours (or without a day): the dates as known, and what is missing.
    date_text: str = ""
    date_iso: str = ""
    unknown_text: str = ""


def _span(first: datetime.date, last: datetime.date, fmt: str) -> str:
    start = formats.date_format(first, fmt)
    end = formats.date_format(last, fmt)
    return start if start == end else f"{start} – {end}"


def _inexact_times(event) -> EventTimes:
    """Only the venue's calendar dates are known: no hours, so no Japan clock either (the
    Japan date could differ). The page says plainly what the sources do not give."""
    first, last = event.local_start_date, event.local_end_date
    ended = event.has_ended()
    if event.has_exact_day:
        text, iso = _span(first, last, "DATE_FORMAT"), first.isoformat()
        unknown = _("Time not recorded") if ended else _("Time to be announced")
    else:
        text, iso = _span(first, last, "YEAR_MONTH_FORMAT"), first.strftime("%Y-%m")
        unknown = _("Exact date not recorded") if ended else _("Date to be announced")
    venue = event.venue
    clock = Clock(
        label=clock_label(venue),
        zone=venue.time_zone,
        abbreviation="",
        start_iso=iso,
        end_iso=last.isoformat(),
        start_date=text,
        start_time="",
        end_date=text,
        end_time="",
        same_day=first == last,
        text=f"{text} ({unknown})",
    )
    return EventTimes(
        venue=clock,
        japan=None,
        day_shift=0,
        day_shift_text="",
        exact=False,
        date_text=text,
        date_iso=iso,
        unknown_text=unknown,
    )


def _city(venue) -> str:
    return venue.city or venue.time_zone.rsplit("/", 1)[-1].replace("_", " ")


def clock_label(venue) -> str:
    """「日本時間」 or 「ニューヨーク時間」: the clock a venue's times are read on."""
    return _("Japan time") if venue.is_in_japan else _("%(city)s time") % {"city": _city(venue)}


def event_times(event) -> EventTimes:
    if not event.has_exact_time:
        return _inexact_times(event)
    venue = event.venue
    if venue.is_in_japan:
        clock = _clock(_("Japan time"), "Asia/Tokyo", JAPAN, event.starts_at, event.ends_at)
        return EventTimes(venue=clock, japan=None, day_shift=0, day_shift_text="")
    local = _clock(
        clock_label(venue),
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


def google_calendar_dates(event) -> str:
    """Google's `dates` parameter: UTC instants, or whole days (end exclusive) for an event
    whose hours are not given."""
    if not event.has_exact_time:
        after = event.local_end_date + datetime.timedelta(days=1)
        return f"{event.local_start_date:%Y%m%d}/{after:%Y%m%d}"
    starts_at, ends_at = event.starts_at, event.ends_at
    fmt = "%Y%m%dT%H%M%SZ"
    return (
        f"{starts_at.astimezone(datetime.UTC).strftime(fmt)}/"
        f"{ends_at.astimezone(datetime.UTC).strftime(fmt)}"
    )
