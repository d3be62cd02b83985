from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from linkj.images import ValidatedImageField
from linkj.models import Audited, OrderedTerm, library_image_field
from linkj.publishing import Status
from linkj.richtext import RichTextField
from partners.models import Partner

from . import timezones

# Paths under /events/ that an event slug may not take.
RESERVED_SLUGS = {"past", "calendar", "venues", "calendar.ics"}
SPEAKER_PHOTO_DIRECTORY = "events/speakers/"


class VenueKind(models.TextChoices):
    LOUNGE = "lounge", _("Lounge")
    OFFICE = "office", _("Office")
    HALL = "hall", _("Hall")
    ONLINE = "online", _("Online")


class Venue(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("ASCII only; one address shared by both languages, e.g. nyc-lounge."),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=VenueKind.choices)
    city = models.CharField(
        _("city"),
        max_length=80,
        blank=True,
        help_text=_("Used to name the local time, e.g. “New York time”."),
    )
    address = models.TextField(_("address"), blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default="Asia/Tokyo",
        validators=[timezones.validate_time_zone],
        help_text=_("IANA name, e.g. Asia/Tokyo or America/New_York."),
    )
    description = RichTextField(_("what it is"), blank=True)
    usage = RichTextField(
        _("who may use it and how"),
        blank=True,
        help_text=_("Shown on the venue page, e.g. eligibility and how to book."),
    )
    map_url = models.URLField(_("map link"), blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("events:venue_detail", kwargs={"slug": self.slug})

    @property
    def tzinfo(self):
        return timezones.zone(self.time_zone)

    @property
    def is_in_japan(self) -> bool:
        """Japan has kept one offset since 1951, so a Tokyo venue needs no second clock."""
        return self.time_zone in {"Asia/Tokyo", "Japan"}


class Category(OrderedTerm):
    class Meta(OrderedTerm.Meta):
        verbose_name = _("category")
        verbose_name_plural = _("categories")


class EventStatus(models.TextChoices):
    """What is happening with the event itself; whether visitors see it is `publication`
    (linkj.publishing.Status)."""

    SCHEDULED = "scheduled", _("Scheduled")
    TBA = "tba", _("Details to be announced")
    REGISTRATION_OPEN = "open", _("Registration open")
    FULL = "full", pgettext_lazy("event", "Full")
    CLOSED = "closed", _("Registration closed")
    POSTPONED = "postponed", _("Postponed")
    CANCELLED = "cancelled", _("Cancelled")


class TimePrecision(models.TextChoices):
    """How much of an event's timing is known. The demo, like an editor, must not invent
    hours or days a source does not give: the page says what is not yet known instead."""

    TIME = "time", _("Date and time")
    DAY = "day", _("Date only (time not given)")
    MONTH = "month", _("Month only (day not given)")


class Format(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    HYBRID = "hybrid", _("In person and online")


class EventLanguage(models.TextChoices):
    JAPANESE = "ja", _("Japanese")
    ENGLISH = "en", _("English")
    BOTH = "ja_en", _("Japanese and English")


class OrganiserRole(models.TextChoices):
    HOSTED = "hosted", _("Hosted by LINK-J")
    CO_HOSTED = "co_hosted", _("Co-hosted by LINK-J")
    SUPPORTED = "supported", _("Sponsored or supported by LINK-J")
    MEMBER = "member", _("Hosted by a LINK-J member")


class EventQuerySet(models.QuerySet):
    """The publishing rule, written once: every view, feed and tag goes through these."""

    def live(self, *, now: datetime.datetime | None = None) -> EventQuerySet:
        """Events visitors may see: published, from their publication time on."""
        now = now or timezone.now()
        return self.filter(publication=Status.PUBLISHED, publish_at__lte=now)

    def upcoming(self, now: datetime.datetime | None = None) -> EventQuerySet:
        """Published events that have not ended yet (one in progress stays), soonest first."""
        now = now or timezone.now()
        return self.live(now=now).filter(ends_at__gt=now).order_by("starts_at", "pk")

    def past(self, now: datetime.datetime | None = None) -> EventQuerySet:
        now = now or timezone.now()
        return self.live(now=now).filter(ends_at__lte=now).order_by("-starts_at", "-pk")

    def for_listing(self) -> EventQuerySet:
        return self.select_related("venue", "category")

    def in_local_month(self, year: int, month: int) -> EventQuerySet:
        """Events that start in that month at their own venue (its calendar date)."""
        first = datetime.date(year, month, 1)
        after = datetime.date(year + month // 12, month % 12 + 1, 1)
        return self.filter(local_start_date__gte=first, local_start_date__lt=after)

    def overlapping_local_dates(self, first: datetime.date, last: datetime.date) -> EventQuerySet:
        return self.filter(local_start_date__lte=last, local_end_date__gte=first)

    def refresh_local_dates(self) -> int:
        """Recompute the stored venue dates, e.g. after a venue's time zone was changed."""
        changed = []
        for event in self.select_related("venue"):
            before = (event.local_start_date, event.local_end_date)
            event.fill_local_dates()
            if before != (event.local_start_date, event.local_end_date):
                changed.append(event)
        return Event.objects.bulk_update(changed, ["local_start_date", "local_end_date"])


class Event(Audited):
    title = models.CharField(_("title"), max_length=250)
    title_is_tentative = models.BooleanField(
        _("tentative title"),
        default=False,
        help_text=_("Shows a “tentative” mark next to the title until it is confirmed."),
    )
    title_is_descriptive = models.BooleanField(
        _("descriptive title"),
        default=False,
        help_text=_(
            "Tick when the title only describes the event because its official title is not "
            "known; the page says it is not the official title."
        ),
    )
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("ASCII only; one address shared by both languages."),
    )
    summary = models.TextField(_("summary"), blank=True, help_text=_("One or two sentences."))
    image = library_image_field(
        _("image"),
        related_name="events",
        help_text=_("Chosen from the media library; shown at the top of the event's page."),
    )
    body = RichTextField(_("body"), blank=True)
    venue = models.ForeignKey(
        Venue, verbose_name=_("venue"), on_delete=models.PROTECT, related_name="events"
    )
    time_precision = models.CharField(
        _("what is known of the timing"),
        max_length=5,
        choices=TimePrecision.choices,
        default=TimePrecision.TIME,
        help_text=_(
            "Date only: the page shows the day without hours. Month only: the page shows the "
            "month without a day."
        ),
    )
    starts_at = models.DateTimeField(_("starts"), db_index=True)
    ends_at = models.DateTimeField(_("ends"), db_index=True)
    # Calendar dates at the venue, derived in save(): the month filter and calendar use them.
    local_start_date = models.DateField(_("start date at the venue"), editable=False)
    local_end_date = models.DateField(_("end date at the venue"), editable=False)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=EventStatus.choices,
        default=EventStatus.SCHEDULED,
        db_index=True,
    )
    format = models.CharField(
        _("format"),
        max_length=10,
        choices=Format.choices,
        default=Format.IN_PERSON,
        db_index=True,
    )
    online_info = models.TextField(
        _("online viewing"),
        blank=True,
        help_text=_("How to watch online: platform, registration, time of the stream."),
    )
    language = models.CharField(
        _("language of the event"),
        max_length=5,
        choices=EventLanguage.choices,
        default=EventLanguage.JAPANESE,
    )
    organiser_role = models.CharField(
        _("LINK-J’s role"),
        max_length=10,
        choices=OrganiserRole.choices,
        default=OrganiserRole.HOSTED,
    )
    organiser_note = models.CharField(
        _("organisers"),
        max_length=250,
        blank=True,
        help_text=_("Who else organises it, in words, e.g. “Hosted by the City of Kobe”."),
    )
    partners = models.ManyToManyField(
        Partner, verbose_name=_("co-host partners"), blank=True, related_name="events"
    )
    category = models.ForeignKey(
        Category,
        verbose_name=_("category"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="events",
    )
    related_releases = models.ManyToManyField(
        "news.Release", verbose_name=_("related releases"), blank=True, related_name="events"
    )
    registration_url = models.URLField(_("registration link"), blank=True)
    archive_video_url = models.URLField(
        _("archive video"), blank=True, help_text=_("Shown once the event has ended.")
    )
    publication = models.CharField(
        _("publication"),
        max_length=10,
        choices=Status.choices,
        default=Status.DRAFT,
        db_index=True,
    )
    publish_at = models.DateTimeField(
        _("publish from"),
        default=timezone.now,
        db_index=True,
        help_text=_("A published event appears to visitors from this moment."),
    )

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")
        ordering = ["-starts_at", "pk"]
        permissions = [("publish_event", _("Can publish and unpublish events"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="event_ends_after_start"
            ),
        ]
        indexes = [
            models.Index(fields=["local_start_date", "local_end_date"]),
            models.Index(fields=["title_ja"], name="event_title_ja"),
            models.Index(fields=["title_en"], name="event_title_en"),
        ]

    def __str__(self) -> str:
        return self.title

    def save(self, *args, **kwargs):
        self.fill_local_dates()
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and {"starts_at", "ends_at", "venue"} & set(update_fields):
            kwargs["update_fields"] = {*update_fields, "local_start_date", "local_end_date"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("events:event_detail", kwargs={"slug": self.slug})

    def get_ics_url(self) -> str:
        return reverse("events:event_ics", kwargs={"slug": self.slug})

    def clean(self) -> None:
        errors = {}
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("This address is used by another page; choose another slug.")
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            errors["ends_at"] = _("The event must end after it starts.")
        if errors:
            raise ValidationError(errors)

    def fill_local_dates(self) -> None:
        tz = self.venue.tzinfo
        self.local_start_date = self.starts_at.astimezone(tz).date()
        # An event that ends at midnight (a whole day, a whole month) ends on the day before.
        last_moment = max(self.starts_at, self.ends_at - datetime.timedelta(microseconds=1))
        self.local_end_date = last_moment.astimezone(tz).date()

    @property
    def has_exact_time(self) -> bool:
        return self.time_precision == TimePrecision.TIME

    @property
    def has_exact_day(self) -> bool:
        return self.time_precision != TimePrecision.MONTH

    def is_live(self, *, now: datetime.datetime | None = None) -> bool:
        """Mirrors EventQuerySet.live() for one object (the admin's "live" column)."""
        now = now or timezone.now()
        return self.publication == Status.PUBLISHED and self.publish_at <= now

    def has_ended(self, now: datetime.datetime | None = None) -> bool:
        return self.ends_at <= (now or timezone.now())

    def is_in_progress(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.starts_at <= now < self.ends_at

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    @property
    def has_online_viewing(self) -> bool:
        return self.format in {Format.ONLINE, Format.HYBRID}


class Speaker(models.Model):
    event = models.ForeignKey(
        Event, verbose_name=_("event"), on_delete=models.CASCADE, related_name="speakers"
    )
    name = models.CharField(_("name"), max_length=120)
    affiliation = models.CharField(_("affiliation and title"), max_length=250, blank=True)
    photo = ValidatedImageField(
        _("photo"),
        upload_to=SPEAKER_PHOTO_DIRECTORY,
        blank=True,
        db_index=True,  # the media view finds a file's owner by its name
        width_field="photo_width",
        height_field="photo_height",
        help_text=_("PNG, JPEG or WebP. It is re-encoded and its metadata removed."),
    )
    photo_width = models.PositiveIntegerField(editable=False, null=True)
    photo_height = models.PositiveIntegerField(editable=False, null=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("speaker")
        verbose_name_plural = _("speakers")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name
