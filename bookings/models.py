from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.postgres.constraints import ExclusionConstraint
from django.contrib.postgres.fields import DateTimeRangeField, RangeBoundary, RangeOperators
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events.models import Venue
from events.timezones import is_nonexistent
from members.models import Organisation


class TsTzRange(models.Func):
    function = "TSTZRANGE"
    output_field = DateTimeRangeField()


class Weekday(models.IntegerChoices):
    MONDAY = 0, _("Monday")
    TUESDAY = 1, _("Tuesday")
    WEDNESDAY = 2, _("Wednesday")
    THURSDAY = 3, _("Thursday")
    FRIDAY = 4, _("Friday")
    SATURDAY = 5, _("Saturday")
    SUNDAY = 6, _("Sunday")


@dataclass(frozen=True)
class Slot:
    """One bookable period; reads like an event to events.times.event_times()."""

    venue: Venue
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    has_exact_time: bool = True


class Lounge(models.Model):
    """A venue that takes bookings (the NYC lounge): its slots follow its opening hours,
    on the venue's own clock."""

    venue = models.OneToOneField(
        Venue,
        verbose_name=_("venue"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="lounge",
    )
    accepts_bookings = models.BooleanField(_("takes bookings"), default=True)
    slot_minutes = models.PositiveSmallIntegerField(
        _("length of a slot"),
        choices=[
            (30, _("30 minutes")),
            (60, _("1 hour")),
            (90, _("90 minutes")),
            (120, _("2 hours")),
        ],
        default=60,
    )
    bookings_per_member = models.PositiveSmallIntegerField(
        _("upcoming bookings per member"),
        default=4,
        help_text=_("How many future slots one member organisation may hold at a time."),
    )
    days_ahead = models.PositiveSmallIntegerField(
        _("bookable days ahead"), default=60, help_text=_("How far ahead members may book.")
    )
    special_members_only = models.BooleanField(
        _("special members only"),
        default=True,
        help_text=_("Only people from special members (A, B, C) may book."),
    )

    class Meta:
        verbose_name = _("lounge")
        verbose_name_plural = _("lounges")
        ordering = ["venue__position", "pk"]

    def __str__(self) -> str:
        return str(self.venue)

    def get_absolute_url(self) -> str:
        return reverse("bookings:lounge", kwargs={"slug": self.venue.slug})

    def today(self) -> datetime.date:
        return timezone.now().astimezone(self.venue.tzinfo).date()

    def slots(self, day: datetime.date, hours=None) -> list[Slot]:
        """The day's slots, from its opening hours read on the venue's clock. A wall-clock
        time skipped by a daylight-saving change is no slot."""
        tz = self.venue.tzinfo
        if hours is None:
            hours = self.opening_hours.filter(weekday=day.weekday())
        step = datetime.timedelta(minutes=self.slot_minutes)
        slots = []
        for period in hours:
            if period.weekday != day.weekday():
                continue
            start = datetime.datetime.combine(day, period.opens)
            close = datetime.datetime.combine(day, period.closes)
            while start + step <= close:
                if not is_nonexistent(start, tz):
                    slots.append(
                        Slot(
                            self.venue, start.replace(tzinfo=tz), (start + step).replace(tzinfo=tz)
                        )
                    )
                start += step
        return slots


class OpeningHours(models.Model):
    lounge = models.ForeignKey(
        Lounge, verbose_name=_("lounge"), on_delete=models.CASCADE, related_name="opening_hours"
    )
    weekday = models.PositiveSmallIntegerField(_("day of the week"), choices=Weekday.choices)
    opens = models.TimeField(_("opens"), help_text=_("On the venue’s clock."))
    closes = models.TimeField(_("closes"), help_text=_("On the venue’s clock."))

    class Meta:
        verbose_name = _("opening hours")
        verbose_name_plural = _("opening hours")
        ordering = ["lounge", "weekday", "opens"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes__gt=F("opens")),
                name="opening_hours_close_after_opening",
                violation_error_message=_("The lounge must close after it opens."),
            ),
            models.UniqueConstraint(fields=["lounge", "weekday"], name="opening_hours_once_a_day"),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekday_display()} {self.opens:%H:%M}–{self.closes:%H:%M}"


class BookingStatus(models.TextChoices):
    BOOKED = "booked", _("Booked")
    CANCELLED = "cancelled", pgettext_lazy("booking", "Cancelled")


class BookingQuerySet(models.QuerySet):
    def booked(self) -> BookingQuerySet:
        return self.filter(status=BookingStatus.BOOKED)

    def overlapping(self, starts_at, ends_at) -> BookingQuerySet:
        return self.filter(starts_at__lt=ends_at, ends_at__gt=starts_at)


class Booking(models.Model):
    lounge = models.ForeignKey(
        Lounge, verbose_name=_("lounge"), on_delete=models.PROTECT, related_name="bookings"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("booked by"),
        on_delete=models.PROTECT,
        related_name="lounge_bookings",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("member organisation"),
        on_delete=models.PROTECT,
        related_name="lounge_bookings",
    )
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    status = models.CharField(
        _("status"), max_length=10, choices=BookingStatus.choices, default=BookingStatus.BOOKED
    )
    note = models.CharField(
        _("purpose"),
        max_length=200,
        blank=True,
        help_text=_("e.g. a meeting with two guests. Seen by LINK-J staff only."),
    )
    created_at = models.DateTimeField(_("booked at"), auto_now_add=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    objects = BookingQuerySet.as_manager()

    class Meta:
        verbose_name = _("booking")
        verbose_name_plural = _("bookings")
        ordering = ["starts_at", "pk"]
        indexes = [models.Index(fields=["lounge", "starts_at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="booking_ends_after_start"
            ),
            # No double booking, enforced by PostgreSQL itself (btree_gist): two live bookings
            # of one lounge never share a moment. The migration adds it on PostgreSQL only;
            # clean() states the same rule, readably, on every backend.
            ExclusionConstraint(
                name="booking_no_overlap",
                expressions=[
                    ("lounge", RangeOperators.EQUAL),
                    (TsTzRange("starts_at", "ends_at", RangeBoundary()), RangeOperators.OVERLAPS),
                ],
                condition=Q(status="booked"),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.lounge} {self.starts_at:%Y-%m-%d %H:%M}"

    @property
    def venue(self) -> Venue:
        return self.lounge.venue

    has_exact_time = True

    @property
    def is_booked(self) -> bool:
        return self.status == BookingStatus.BOOKED

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The booking must end after it starts.")})
        if self.lounge_id and self.starts_at and self.ends_at and self.is_booked:
            taken = (
                Booking.objects.booked()
                .filter(lounge_id=self.lounge_id)
                .overlapping(self.starts_at, self.ends_at)
                .exclude(pk=self.pk)
            )
            if taken.exists():
                raise ValidationError(_("The lounge is already booked at that time."))

    def get_constraints(self):
        # The exclusion constraint cannot be evaluated by Django outside PostgreSQL, and
        # clean() already reports the same rule in words.
        return [
            (model, [c for c in constraints if not isinstance(c, ExclusionConstraint)])
            for model, constraints in super().get_constraints()
        ]
