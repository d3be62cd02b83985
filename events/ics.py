"""iCalendar (RFC 5545) files: one per event, and subscription feeds.

Times are written in the venue's zone with a VTIMEZONE, so a calendar program shows the
right local time even across daylight-saving changes. UIDs depend only on the primary key
and the site's host, so a subscriber's calendar updates an event instead of duplicating it.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.html import strip_tags
from icalendar import Calendar
from icalendar import Event as IEvent

from .models import Event, EventStatus


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "link-j.example"


def uid(event: Event) -> str:
    return f"event-{event.pk}@{_host()}"


def _location(event: Event) -> str:
    venue = event.venue
    parts = [venue.name]
    if venue.address:
        parts.append(" ".join(venue.address.split()))
    return ", ".join(parts)


def _description(event: Event, url: str) -> str:
    parts = [event.summary.strip()] if event.summary else []
    if event.has_online_viewing and event.online_info:
        parts.append(event.online_info.strip())
    if event.registration_url:
        parts.append(event.registration_url)
    parts.append(url)
    return "\n\n".join(strip_tags(part) for part in parts if part)


def _status(event: Event) -> str:
    if event.status == EventStatus.CANCELLED:
        return "CANCELLED"
    if event.status in {EventStatus.POSTPONED, EventStatus.TBA}:
        return "TENTATIVE"
    return "CONFIRMED"


def build_calendar(events: Iterable[Event], *, build_url, name: str) -> bytes:
    """`build_url(path)` makes an absolute URL; `name` is the calendar's display name."""
    cal = Calendar()
    cal.add("prodid", "-//LINK-J//Events//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    for event in events:
        if not event.has_exact_day:
            # Known only to the month: a calendar entry would have to invent a day.
            continue
        tz = event.venue.tzinfo
        url = build_url(event.get_absolute_url())
        item = IEvent()
        item.add("uid", uid(event))
        # RFC 5545 wants both in UTC; without METHOD, DTSTAMP is the last revision time.
        revised = event.updated_at.astimezone(datetime.UTC)
        item.add("dtstamp", revised)
        item.add("last-modified", revised)
        if event.has_exact_time:
            item.add("dtstart", event.starts_at.astimezone(tz))
            item.add("dtend", event.ends_at.astimezone(tz))
        else:
            # Hours not given: an all-day entry on the venue's dates (DTEND is exclusive).
            item.add("dtstart", event.local_start_date)
            item.add("dtend", event.local_end_date + datetime.timedelta(days=1))
        item.add("summary", event.title)
        item.add("description", _description(event, url))
        item.add("location", _location(event))
        item.add("url", url)
        item.add("status", _status(event))
        if event.category_id:
            item.add("categories", [event.category.name])
        cal.add_component(item)
    cal.add_missing_timezones()
    # icalendar adds the zones in set order, which changes from one process to the next: the
    # same calendar must give the same bytes in every worker (ETags, backups compared).
    zones = sorted(cal.timezones, key=lambda zone: str(zone["TZID"]))
    cal.subcomponents = zones + [part for part in cal.subcomponents if part.name != "VTIMEZONE"]
    return cal.to_ical()
