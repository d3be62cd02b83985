"""The NYC lounge takes bookings: weekdays 10:00-17:00 New York time, one-hour slots.
Idempotent."""

from __future__ import annotations

import datetime

from events.models import Venue
from linkj.demo import sync

from .models import Lounge, OpeningHours

VENUE_SLUG = "nyc-lounge"


def load(stdout) -> int:
    venue = Venue.objects.filter(slug=VENUE_SLUG).first()
    if venue is None:
        stdout.write(f"bookings.demo: venue {VENUE_SLUG} not found, skipped")
        return 0
    lounge, changes = sync(
        Lounge,
        {"venue": venue},
        {
            "accepts_bookings": True,
            "slot_minutes": 60,
            "bookings_per_member": 4,
            "days_ahead": 60,
            "special_members_only": True,
        },
    )
    for weekday in range(5):
        _hours, changed = sync(
            OpeningHours,
            {"lounge": lounge, "weekday": weekday},
            {"opens": datetime.time(10, 0), "closes": datetime.time(17, 0)},
        )
        changes += changed
    return changes
