from __future__ import annotations

import datetime

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from events.models import Event, Format

TOKEN_SALT = "registrations.registration"


class Attendance(models.TextChoices):
    IN_PERSON = "in_person", pgettext_lazy("attendance", "In person")
    ONLINE = "online", pgettext_lazy("attendance", "Online")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", pgettext_lazy("registration", "Cancelled")


class RegistrationSettings(models.Model):
    """How one event takes registrations. Its row is also the lock that serialises seat
    counting: every registration and cancellation locks it first (select_for_update)."""

    event = models.OneToOneField(
        Event,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="registration_settings",
    )
    enabled = models.BooleanField(_("registration on this site"), default=False)
    opens_at = models.DateTimeField(
        _("registration opens"), null=True, blank=True, help_text=_("Empty: open now.")
    )
    closes_at = models.DateTimeField(
        _("registration closes"),
        null=True,
        blank=True,
        help_text=_("Empty: registration closes when the event starts."),
    )
    in_person_seats = models.PositiveIntegerField(
        _("seats in the room"),
        null=True,
        blank=True,
        help_text=_("Empty: no limit. Used when the event takes place in person."),
    )
    online_seats = models.PositiveIntegerField(
        _("online places"),
        null=True,
        blank=True,
        help_text=_("Empty: no limit. Used when the event is streamed online."),
    )
    waiting_list = models.BooleanField(
        _("waiting list"),
        default=True,
        help_text=_(
            "When full, later registrants join a waiting list and move up, in order, when "
            "someone cancels."
        ),
    )
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Only people signed in and linked to a member organisation may register."),
    )
    cancellation_deadline = models.DateTimeField(
        _("cancellation deadline"),
        null=True,
        blank=True,
        help_text=_("Empty: registrants may cancel until the event starts."),
    )
    viewing_url = models.URLField(
        _("online viewing link"),
        blank=True,
        help_text=_(
            "Never shown on the public page: sent to confirmed online registrants only, and "
            "shown on their registration page."
        ),
    )
    viewing_note = models.TextField(
        _("online viewing instructions"),
        blank=True,
        help_text=_("e.g. the meeting ID and passcode. Sent with the link."),
    )

    class Meta:
        verbose_name = _("registration settings")
        verbose_name_plural = _("registration settings")

    def __str__(self) -> str:
        return str(self.event)

    def clean(self) -> None:
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = _("Registration must close after it opens.")
        if errors:
            raise ValidationError(errors)

    @property
    def closes(self) -> datetime.datetime:
        return self.closes_at or self.event.starts_at

    @property
    def cancel_until(self) -> datetime.datetime:
        return self.cancellation_deadline or self.event.starts_at

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        if not self.enabled or self.event.is_cancelled:
            return False
        if self.opens_at and now < self.opens_at:
            return False
        return now < self.closes

    def attendance_choices(self) -> list[tuple[str, str]]:
        event_format = self.event.format
        if event_format == Format.IN_PERSON:
            return [(Attendance.IN_PERSON, Attendance.IN_PERSON.label)]
        if event_format == Format.ONLINE:
            return [(Attendance.ONLINE, Attendance.ONLINE.label)]
        return list(Attendance.choices)

    def seats_for(self, attendance: str) -> int | None:
        return self.online_seats if attendance == Attendance.ONLINE else self.in_person_seats


class Question(models.Model):
    """A question editors add to an event's registration form (job title, dietary needs)."""

    settings = models.ForeignKey(
        RegistrationSettings,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    label = models.CharField(_("question"), max_length=200)
    help_text = models.CharField(_("hint"), max_length=250, blank=True)
    required = models.BooleanField(_("answer required"), default=False)
    long_answer = models.BooleanField(_("long answer"), default=False)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("question")
        verbose_name_plural = _("questions")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.label


class RegistrationQuerySet(models.QuerySet):
    def active(self) -> RegistrationQuerySet:
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def of_user(self, user) -> RegistrationQuerySet:
        """Made while signed in, or with the address of the account (confirmed by allauth)."""
        return (
            self.filter(Q(user=user) | Q(email__iexact=user.email))
            if user.email
            else self.filter(user=user)
        )


class Registration(models.Model):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="registrations"
    )
    attendance = models.CharField(
        _("attendance"), max_length=10, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RegistrationStatus.choices, db_index=True
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=120)
    email = models.EmailField(_("email"))
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_registrations",
    )
    language = models.CharField(
        _("language"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="ja",
        help_text=_("The page's language at registration: mails to this person use it."),
    )
    attended = models.BooleanField(_("attended"), default=False)
    created_at = models.DateTimeField(_("registered at"), default=timezone.now, db_index=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled at"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["event_id", "created_at", "pk"]
        constraints = [
            # One active registration per address and event, whatever the letter case.
            models.UniqueConstraint(
                Lower("email"),
                "event",
                condition=~Q(status="cancelled"),
                name="registration_one_active_per_email",
                violation_error_message=_("This email address is already registered."),
            ),
        ]
        indexes = [models.Index(fields=["event", "status", "attendance"])]

    def __str__(self) -> str:
        return f"{self.name} ({self.event})"

    def get_absolute_url(self) -> str:
        """The registrant's own page: details, viewing link once confirmed, cancel button.
        Reached through a signed link, so it needs no account."""
        return reverse("registrations:registration_detail", kwargs={"token": self.token})

    @property
    def token(self) -> str:
        return signing.dumps(self.pk, salt=TOKEN_SALT)

    @classmethod
    def from_token(cls, token: str) -> Registration | None:
        try:
            pk = signing.loads(token, salt=TOKEN_SALT)
        except signing.BadSignature:
            return None
        return cls.objects.select_related("event__venue").filter(pk=pk).first()

    @property
    def is_active(self) -> bool:
        return self.status != RegistrationStatus.CANCELLED

    @property
    def gets_viewing_link(self) -> bool:
        return self.status == RegistrationStatus.CONFIRMED and self.attendance == Attendance.ONLINE


class Answer(models.Model):
    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="answers",
    )
    question = models.ForeignKey(
        Question, verbose_name=_("question"), on_delete=models.CASCADE, related_name="answers"
    )
    text = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("answer")
        verbose_name_plural = _("answers")
        constraints = [
            models.UniqueConstraint(fields=["registration", "question"], name="answer_once")
        ]

    def __str__(self) -> str:
        return self.text[:50]
