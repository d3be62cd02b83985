"""What an event's registration box says, computed once for the page and the form view."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.utils import timezone

from members.models import organisation_of

from .models import Registration, RegistrationSettings, RegistrationStatus


@dataclass
class Availability:
    settings: RegistrationSettings
    state: str  # "open", "not_yet", "closed", "sign_in", "not_member"
    seats_left: dict[str, int | None] = field(default_factory=dict)
    existing: Registration | None = None

    @property
    def is_full(self) -> bool:
        return bool(self.seats_left) and all(left == 0 for left in self.seats_left.values())

    @property
    def takes_registrations(self) -> bool:
        return self.state == "open" and (not self.is_full or self.settings.waiting_list)

    def rows(self) -> list[tuple[str, int | None]]:
        labels = dict(self.settings.attendance_choices())
        return [(labels[key], left) for key, left in self.seats_left.items()]


def availability(settings: RegistrationSettings, user) -> Availability:
    now = timezone.now()
    if not settings.is_open(now):
        state = "not_yet" if settings.opens_at and now < settings.opens_at else "closed"
        return Availability(settings, state)
    if settings.members_only:
        if not getattr(user, "is_authenticated", False):
            return Availability(settings, "sign_in")
        if organisation_of(user) is None:
            return Availability(settings, "not_member")
    choices = [key for key, _label in settings.attendance_choices()]
    confirmed = Registration.objects.filter(
        event_id=settings.event_id, status=RegistrationStatus.CONFIRMED
    ).aggregate(**{key: Count("pk", filter=Q(attendance=key)) for key in choices})
    seats_left = {}
    for key in choices:
        seats = settings.seats_for(key)
        seats_left[key] = None if seats is None else max(seats - confirmed[key], 0)
    existing = None
    if getattr(user, "is_authenticated", False):
        existing = (
            Registration.objects.active().of_user(user).filter(event_id=settings.event_id).first()
        )
    return Availability(settings, "open", seats_left, existing)
