"""Registering and cancelling: one transaction each, serialised per event by a row lock.

Every change that affects the seats of an event first locks that event's RegistrationSettings
row (SELECT … FOR UPDATE on PostgreSQL), then counts confirmed registrations. Two requests
for the last seat therefore run one after the other: the first is confirmed, the second
finds the seat taken and joins the waiting list. Mails go out after commit, and a mail
server that fails is logged (robust=True) rather than turning a saved registration into an
error page.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from events.models import Event
from members.models import organisation_of

from . import emails
from .models import Answer, Registration, RegistrationSettings, RegistrationStatus


class RegistrationRefused(Exception):
    def __init__(self, message, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field


DUPLICATE = _(
    "This email address is already registered for this event. Please look for our "
    "confirmation mail; it has a link to your registration."
)


def _locked_settings(event_id: int) -> RegistrationSettings:
    return (
        RegistrationSettings.objects.select_for_update(of=("self",))
        .select_related("event")
        .get(event_id=event_id)
    )


def _confirmed_count(event_id: int, attendance: str) -> int:
    return Registration.objects.filter(
        event_id=event_id, attendance=attendance, status=RegistrationStatus.CONFIRMED
    ).count()


def register(
    *,
    event: Event,
    name: str,
    email: str,
    organisation: str = "",
    attendance: str,
    answers: dict[int, str] | None = None,
    user=None,
    language: str = "ja",
    now: datetime.datetime | None = None,
) -> Registration:
    now = now or timezone.now()
    try:
        with transaction.atomic():
            settings = _locked_settings(event.pk)
            if not settings.is_open(now):
                raise RegistrationRefused(_("Registration for this event is not open."))
            if settings.members_only and organisation_of(user) is None:
                raise RegistrationRefused(
                    _("This event is for members: sign in with an account linked to a member.")
                )
            if attendance not in dict(settings.attendance_choices()):
                raise RegistrationRefused(_("Choose how you will attend."), field="attendance")
            if Registration.objects.active().filter(event=event, email__iexact=email).exists():
                raise RegistrationRefused(DUPLICATE, field="email")
            seats = settings.seats_for(attendance)
            if seats is None or _confirmed_count(event.pk, attendance) < seats:
                status = RegistrationStatus.CONFIRMED
            elif settings.waiting_list:
                status = RegistrationStatus.WAITING
            else:
                raise RegistrationRefused(_("Sorry, this event is full."))
            registration = Registration.objects.create(
                event=event,
                attendance=attendance,
                status=status,
                name=name,
                email=email,
                organisation=organisation,
                user=user if getattr(user, "is_authenticated", False) else None,
                language=language,
                created_at=now,
                confirmed_at=now if status == RegistrationStatus.CONFIRMED else None,
            )
            Answer.objects.bulk_create(
                Answer(registration=registration, question_id=pk, text=text)
                for pk, text in (answers or {}).items()
            )
            transaction.on_commit(lambda: emails.send_registered(registration.pk), robust=True)
    except IntegrityError as error:
        # The unique constraint caught what the check above could not see (no lock held on
        # a backend without row locks): the same address registered at the same moment.
        raise RegistrationRefused(DUPLICATE, field="email") from error
    return registration


def fill_free_seats(settings: RegistrationSettings, attendance: str) -> list[Registration]:
    """Move people up from the waiting list, first come first served, while seats are free.
    Call with the settings row locked."""
    seats = settings.seats_for(attendance)
    waiting = Registration.objects.filter(
        event_id=settings.event_id, attendance=attendance, status=RegistrationStatus.WAITING
    ).order_by("created_at", "pk")
    if seats is not None:
        free = seats - _confirmed_count(settings.event_id, attendance)
        waiting = waiting[: max(free, 0)]
    promoted = list(waiting)
    now = timezone.now()
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
        transaction.on_commit(lambda pk=registration.pk: emails.send_moved_up(pk), robust=True)
    return promoted


def refill(event_id: int) -> list[Registration]:
    """After editors added seats: move as many people up as now fit."""
    with transaction.atomic():
        settings = _locked_settings(event_id)
        promoted = []
        for attendance, _label in settings.attendance_choices():
            promoted += fill_free_seats(settings, attendance)
    return promoted


def cancel(
    registration: Registration, *, now: datetime.datetime | None = None, by_staff: bool = False
) -> list[Registration]:
    """Cancel a registration; a seat it held goes to the first person waiting. Returns the
    registrations moved up."""
    now = now or timezone.now()
    with transaction.atomic():
        settings = _locked_settings(registration.event_id)
        current = Registration.objects.select_for_update().get(pk=registration.pk)
        if not current.is_active:
            return []
        if not by_staff and now >= settings.cancel_until:
            raise RegistrationRefused(
                _("The cancellation deadline has passed. Please contact the LINK-J office.")
            )
        was_confirmed = current.status == RegistrationStatus.CONFIRMED
        current.status = RegistrationStatus.CANCELLED
        current.cancelled_at = now
        current.save(update_fields=["status", "cancelled_at"])
        transaction.on_commit(lambda: emails.send_cancelled(current.pk), robust=True)
        promoted = fill_free_seats(settings, current.attendance) if was_confirmed else []
    registration.status, registration.cancelled_at = current.status, current.cancelled_at
    return promoted
