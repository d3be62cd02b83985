from __future__ import annotations

from urllib.parse import urlencode

from django import template
from django.utils.html import strip_tags

from events.models import Event
from events.times import EventTimes, clock_label, event_times, google_calendar_dates
from linkj.cache import remember
from linkj.links import absolute_url

register = template.Library()


@register.inclusion_tag("events/includes/upcoming_events.html")
def upcoming_events(count: int = 3, venue=None) -> dict:
    """The next `count` published events (optionally at one venue), soonest first."""
    events = Event.objects.upcoming().for_listing()
    if venue is not None:
        events = events.filter(venue=venue)
    # Events that start or end are scheduled changes: the list is kept until the next one.
    name = f"events:upcoming:{int(count)}:{getattr(venue, 'pk', None)}"
    return {"events": remember(name, lambda: list(events[: int(count)]))}


@register.simple_tag
def times_of(event: Event) -> EventTimes:
    return event_times(event)


@register.filter
def zone_name(venue) -> str:
    """A venue's clock as people say it (「ニューヨーク時間」, "New York time"), never the tz
    database name (America/New_York)."""
    return clock_label(venue)


@register.simple_tag
def google_calendar_url(event: Event) -> str:
    url = absolute_url(event.get_absolute_url())
    details = "\n\n".join(part for part in [strip_tags(event.summary or ""), url] if part)
    query = urlencode(
        {
            "action": "TEMPLATE",
            "text": event.title,
            "dates": google_calendar_dates(event),
            "details": details,
            "location": event.venue.name,
        }
    )
    return f"https://calendar.google.com/calendar/render?{query}"
