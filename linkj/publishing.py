"""The publishing vocabulary every app shares, and per-language publishing for content that
follows the releases' rule (standing pages).

- `Status`: the one publication state (draft, in review, published, withdrawn) of releases,
  events and standing pages.
- `live()`: the queryset method every app names "visible to visitors"; `is_live()` mirrors
  it on one object.
- `can_preview(user, model)`: the one preview rule (drafts at their real address, and the
  files of things visitors cannot see yet).

A language is live once the row is *published*, that language has a title, its go-live
time has passed, and the optional take-down time has not. An empty go-live time means that
language is not published. Time is compared at query time, so an embargo lifts by itself.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_permission_codename
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _


def language_codes() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def current_language(language: str | None = None) -> str:
    language = (language or translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in language_codes() else settings.LANGUAGE_CODE


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


def preview_permission(model) -> str:
    """The model's view permission, e.g. "news.view_release"."""
    opts = model._meta
    return f"{opts.app_label}.{get_permission_codename('view', opts)}"


def can_preview(user, model) -> bool:
    """Who sees what visitors cannot (a draft, a scheduled or undisclosed item, their files) at
    its real address: active staff with the model's view permission. One rule for every app."""
    return bool(
        getattr(user, "is_active", False)
        and getattr(user, "is_staff", False)
        and user.has_perm(preview_permission(model))
    )


def live_condition(language: str, now: datetime.datetime) -> Q:
    return (
        Q(status=Status.PUBLISHED)
        & Q(**{f"publish_at_{language}__lte": now})
        & ~Q(**{f"title_{language}": ""})
        & Q(**{f"title_{language}__isnull": False})
        & (Q(unpublish_at__isnull=True) | Q(unpublish_at__gt=now))
    )


class PublishedQuerySet(models.QuerySet):
    def live(self, language: str | None = None, *, now: datetime.datetime | None = None):
        """Rows visitors may read in `language` (the active language by default)."""
        return self.filter(live_condition(current_language(language), now or timezone.now()))


def _go_live_field(code: str, name: str) -> models.DateTimeField:
    # The labels name each language, as the releases' do.
    labels = {
        "ja": (_("Japanese goes live at"), _("Empty: the Japanese version is not published.")),
        "en": (_("English goes live at"), _("Empty: the English version is not published.")),
    }
    label, help_text = labels.get(code, (name, ""))
    return models.DateTimeField(label, null=True, blank=True, help_text=help_text)


def unpublish_after_publish(prefix: str) -> list[models.CheckConstraint]:
    """A take-down, when set, comes after the go-live of each language that has one."""
    return [
        models.CheckConstraint(
            condition=Q(unpublish_at__isnull=True)
            | Q(**{f"publish_at_{code}__isnull": True})
            | Q(unpublish_at__gt=models.F(f"publish_at_{code}")),
            name=f"{prefix}_unpublish_after_{name}",
        )
        for code, name in (("ja", "japanese"), ("en", "english"))
    ]


class PublishedPerLanguage(models.Model):
    """Status, one go-live time per language and a take-down time; the rule above as methods.

    Subclasses have a translated `title` and a URL named by `url_name` taking `slug`."""

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    publish_at_ja = _go_live_field("ja", "publish_at_ja")
    publish_at_en = _go_live_field("en", "publish_at_en")
    unpublish_at = models.DateTimeField(
        _("taken down at"),
        null=True,
        blank=True,
        help_text=_("Optional: both languages stop being public at this time."),
    )

    url_name = ""

    objects = PublishedQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = unpublish_after_publish("%(app_label)s_%(class)s")

    def get_absolute_url(self) -> str:
        return reverse(self.url_name, kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        if self.unpublish_at and any(
            (publish_at := self.publish_at_for(code)) and self.unpublish_at <= publish_at
            for code in language_codes()
        ):
            raise ValidationError(
                {"unpublish_at": _("The take-down time must come after every publication time.")}
            )

    def url_in(self, language: str) -> str:
        with translation.override(language):
            return self.get_absolute_url()

    def publish_at_for(self, language: str) -> datetime.datetime | None:
        return getattr(self, f"publish_at_{language}", None)

    def language_state(self, language: str, *, now: datetime.datetime | None = None) -> str:
        """'live', 'scheduled', 'expired' or 'off'."""
        now = now or timezone.now()
        publish_at = self.publish_at_for(language)
        if (
            self.status != Status.PUBLISHED
            or not getattr(self, f"title_{language}", "")
            or publish_at is None
        ):
            return "off"
        if self.unpublish_at is not None and self.unpublish_at <= now:
            return "expired"
        return "scheduled" if publish_at > now else "live"

    def is_live(self, language: str | None = None, *, now=None) -> bool:
        """Mirrors PublishedQuerySet.live() for one object (admin columns, preview banner)."""
        return self.language_state(current_language(language), now=now) == "live"

    def live_languages(self, *, now=None) -> list[str]:
        return [code for code in language_codes() if self.is_live(code, now=now)]
