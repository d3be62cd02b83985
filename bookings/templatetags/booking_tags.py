from __future__ import annotations

from django import template

from bookings.models import Booking, Lounge
from events.times import event_times

register = template.Library()


@register.simple_tag
def bookings_of(user) -> list[dict]:
    """A signed-in person's lounge bookings, latest first, with their times."""
    bookings = (
        Booking.objects.filter(user=user).select_related("lounge__venue").order_by("-starts_at")
    )[:50]
    return [{"booking": booking, "times": event_times(booking)} for booking in bookings]


@register.simple_tag
def lounge_of(venue) -> Lounge | None:
    """The booking side of a venue, if it takes bookings (for the venue page's link)."""
    return Lounge.objects.filter(venue=venue, accepts_bookings=True).first()
