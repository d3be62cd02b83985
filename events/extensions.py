"""What events add to the pages of the apps below them (see linkj/extensions.py)."""

from __future__ import annotations

from linkj import extensions

from .models import Event
from .sitemaps import EventSitemap, VenueSitemap


def partner_events(partner) -> dict | None:
    events = list(
        Event.objects.live().for_listing().filter(partners=partner).order_by("-starts_at")
    )
    return {"partner": partner, "events": events} if events else None


def register() -> None:
    extensions.partner_page.register(
        "events", extensions.Section("events/includes/partner_events.html", partner_events)
    )
    extensions.sitemaps.register("events", ("events", EventSitemap))
    extensions.sitemaps.register("venues", ("venues", VenueSitemap))
