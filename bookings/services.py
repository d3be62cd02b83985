"""Booking and cancelling a lounge slot.

Two members racing for one slot: both pass the Python check, both insert, and PostgreSQL's
exclusion constraint lets exactly one commit; the other gets an IntegrityError, reported as
"just taken". A member's bookings are serialised by locking its organisation row, so the
per-member limit holds under concurrency too.
"""

from __future__ import annotations

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Organisation, organisation_of

from .models import Booking, BookingStatus, Lounge


class BookingRefused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


TAKEN = _("Sorry, this slot has just been booked by someone else. Please choose another.")


def may_book(lounge: Lounge, user) -> Organisation:
    organisation = organisation_of(user)
    if organisation is None:
        raise BookingRefused(
            _("Your account is not linked to a member organisation yet. Please contact the office.")
        )
    if lounge.special_members_only and not organisation.is_special:
        raise BookingRefused(_("This lounge can be booked by LINK-J’s special members only."))
    return organisation


def book(
    *, lounge: Lounge, user, starts_at: datetime.datetime, note: str = "", now=None
) -> Booking:
    now = now or timezone.now()
    if not lounge.accepts_bookings:
        raise BookingRefused(_("This lounge takes no bookings at the moment."))
    organisation = may_book(lounge, user)
    local_day = starts_at.astimezone(lounge.venue.tzinfo).date()
    slot = next((s for s in lounge.slots(local_day) if s.starts_at == starts_at), None)
    if slot is None:
        raise BookingRefused(_("That is not one of the lounge’s slots."))
    if slot.starts_at <= now:
        raise BookingRefused(_("That slot has already begun."))
    if local_day > lounge.today() + datetime.timedelta(days=lounge.days_ahead):
        raise BookingRefused(
            _("Slots can be booked up to %(days)d days ahead.") % {"days": lounge.days_ahead}
        )
    with transaction.atomic():
        Organisation.objects.select_for_update().filter(pk=organisation.pk).first()
        held = Booking.objects.booked().filter(
            lounge=lounge, organisation=organisation, ends_at__gt=now
        )
        if held.count() >= lounge.bookings_per_member:
            raise BookingRefused(
                _(
                    "Your organisation already holds %(count)d upcoming bookings, the most "
                    "allowed. Cancel one to book another."
                )
                % {"count": lounge.bookings_per_member}
            )
        if (
            Booking.objects.booked()
            .filter(lounge=lounge)
            .overlapping(slot.starts_at, slot.ends_at)
            .exists()
        ):
            raise BookingRefused(TAKEN)
        try:
            with transaction.atomic():
                return Booking.objects.create(
                    lounge=lounge,
                    user=user,
                    organisation=organisation,
                    starts_at=slot.starts_at,
                    ends_at=slot.ends_at,
                    note=note,
                )
        except IntegrityError as error:
            raise BookingRefused(TAKEN) from error


def cancel(booking: Booking, *, now=None) -> None:
    now = now or timezone.now()
    if booking.starts_at <= now:
        raise BookingRefused(_("A booking that has begun can no longer be cancelled."))
    Booking.objects.filter(pk=booking.pk, status=BookingStatus.BOOKED).update(
        status=BookingStatus.CANCELLED, cancelled_at=now
    )
    booking.status = BookingStatus.CANCELLED
