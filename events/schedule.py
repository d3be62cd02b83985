"""When the event pages change by themselves: an event published at a set time, starting
("happening now"), ending (upcoming becomes past), or leaving the calendar feeds' window."""

from __future__ import annotations

import datetime

from django.db.models import Min, Q

from linkj.cache import register_schedule
from linkj.publishing import Status

from .models import Event
from .views import FEED_PAST_DAYS


@register_schedule
def event_changes(now: datetime.datetime) -> list[datetime.datetime | None]:
    window = datetime.timedelta(days=FEED_PAST_DAYS)
    feed_start = now - window
    found = (
        Event.objects.filter(
            Q(publish_at__gt=now) | Q(starts_at__gt=now) | Q(ends_at__gte=feed_start),
            publication=Status.PUBLISHED,
        )
        .order_by()
        .aggregate(
            goes_live=Min("publish_at", filter=Q(publish_at__gt=now)),
            starts=Min("starts_at", filter=Q(starts_at__gt=now)),
            ends=Min("ends_at", filter=Q(ends_at__gt=now)),
            leaves_feeds=Min("ends_at", filter=Q(ends_at__gte=feed_start)),
        )
    )
    # The feeds keep events that ended at most FEED_PAST_DAYS ago, that last instant included.
    leaves_feeds = found.pop("leaves_feeds")
    if leaves_feeds is not None:
        leaves_feeds += window + datetime.timedelta(microseconds=1)
    return [*found.values(), leaves_feeds]
