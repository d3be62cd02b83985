from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models, router, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from linkj import media
from linkj.images import ValidatedImageField
from linkj.models import Audited, library_image_field
from linkj.publishing import (
    PublishedQuerySet,
    Status,
    current_language,
    language_codes,
    live_condition,
    unpublish_after_publish,
)
from linkj.richtext import RichTextField
from partners.models import Agreement, Partner

from .validators import validate_pdf


class Category(models.TextChoices):
    PRESS_RELEASE = "press_release", _("Press release")
    NEWS = "news", pgettext_lazy("release category", "News")
    EVENT_REPORT = "event_report", _("Event report")


class ReleaseQuerySet(PublishedQuerySet):
    """The releases' rule is linkj.publishing's (`live()`), written once: a release is live in
    a language when it is published, that language has a title and a publication time that
    has passed, and the release has not expired. Time is read at query time, so an embargo
    lifts without any scheduler.
    """

    def on_list_page(
        self, language: str | None = None, *, now: datetime.datetime | None = None
    ) -> ReleaseQuerySet:
        """What a list page in `language` shows: releases live in that language, plus (on
        another language's page) releases live only in Japanese, which the page marks."""
        language = current_language(language)
        now = now or timezone.now()
        condition = live_condition(language, now)
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        if language != default:
            condition |= live_condition(default, now)
        return self.filter(condition).annotate(
            is_live_here=models.ExpressionWrapper(
                live_condition(language, now), output_field=models.BooleanField()
            )
        )

    def live_anywhere(self, *, now: datetime.datetime | None = None) -> ReleaseQuerySet:
        """Releases live in at least one language."""
        now = now or timezone.now()
        condition = Q(pk__in=[])
        for code in language_codes():
            condition |= live_condition(code, now)
        return self.filter(condition)

    def with_live_flags(self, *, now: datetime.datetime | None = None) -> ReleaseQuerySet:
        """Annotate `live_<code>` for every language, computed by the database (the sitemap
        lists each release in its live languages without loading its texts)."""
        now = now or timezone.now()
        return self.annotate(
            **{
                f"live_{code}": models.ExpressionWrapper(
                    live_condition(code, now), output_field=models.BooleanField()
                )
                for code in language_codes()
            }
        )

    def newest_first(self) -> ReleaseQuerySet:
        return self.order_by("-date", "-pk")

    def search(self, text: str) -> ReleaseQuerySet:
        text = text.strip()
        if not text:
            return self
        condition = Q()
        for code in language_codes():
            condition |= Q(**{f"title_{code}__icontains": text})
        return self.filter(condition)


ATTACHMENT_DIRECTORY = "news/attachments/"
PHOTO_DIRECTORY = "news/photos/"


def _attachment_path(instance, filename: str) -> str:
    return f"{ATTACHMENT_DIRECTORY}{instance.slug or 'release'}/{filename}"


class Release(Audited):
    title = models.CharField(_("title"), max_length=250)
    subtitle = models.CharField(_("subtitle"), max_length=300, blank=True)
    lead = models.TextField(_("lead"), blank=True, help_text=_("One short paragraph, plain text."))
    body = RichTextField(_("body"), blank=True)
    attachment = models.FileField(
        _("PDF attachment"),
        upload_to=_attachment_path,
        blank=True,
        max_length=255,
        db_index=True,  # the media view finds a file's owner by its name
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("A PDF file, in this language."),
    )

    slug = models.SlugField(
        _("slug"),
        max_length=100,
        unique=True,
        help_text=_("ASCII only; one address shared by both languages, e.g. yokohama-mou."),
    )
    date = models.DateField(_("release date"))
    category = models.CharField(
        _("category"),
        max_length=20,
        choices=Category.choices,
        default=Category.PRESS_RELEASE,
        db_index=True,
    )
    partners = models.ManyToManyField(
        Partner, verbose_name=_("partners"), blank=True, related_name="releases"
    )
    agreements = models.ManyToManyField(
        Agreement, verbose_name=_("agreements"), blank=True, related_name="releases"
    )
    documents = models.ManyToManyField(
        "library.Document",
        verbose_name=_("documents from the media library"),
        blank=True,
        related_name="releases",
        help_text=_("PDFs listed under Download beside the release's own PDF, by number."),
    )
    show_history_table = models.BooleanField(
        _("append the partnership history table"),
        default=False,
        help_text=_("Generated from the partner data, as it stood on the release date."),
    )

    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    publish_at_ja = models.DateTimeField(
        _("Japanese goes live at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Empty: the Japanese version is not published. A future time embargoes it."),
    )
    publish_at_en = models.DateTimeField(
        _("English goes live at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Empty: the English version is not published. A future time embargoes it."),
    )
    unpublish_at = models.DateTimeField(
        _("taken down at"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Optional: both languages stop being public at this time."),
    )

    version = models.PositiveIntegerField(_("version"), default=1, editable=False)

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        verbose_name = _("release")
        verbose_name_plural = _("releases")
        ordering = ["-date", "-pk"]
        permissions = [("publish_release", _("Can publish, schedule and withdraw releases"))]
        indexes = [
            # Every list is newest first; the admin also sorts by title in either language.
            models.Index(fields=["date", "id"], name="release_date_id"),
            models.Index(fields=["title_ja"], name="release_title_ja"),
            models.Index(fields=["title_en"], name="release_title_en"),
        ]
        constraints = unpublish_after_publish("release")

    def __str__(self) -> str:
        return self.title_ja or self.title or self.slug

    def save(self, *args, **kwargs):
        # Every save of an existing row moves its version on; the admin compares versions
        # to refuse a save based on an outdated copy. The increment happens in the database
        # (which also locks the row until commit), so two saves of copies loaded at the same
        # version end as N+1 and N+2, each with its own revision, never N+1 twice.
        if self.pk is None or kwargs.get("force_insert"):
            return super().save(*args, **kwargs)
        using = kwargs.get("using") or router.db_for_write(type(self), instance=self)
        rows = type(self)._base_manager.using(using).filter(pk=self.pk)
        with transaction.atomic(using=using):
            if rows.update(version=F("version") + 1):
                # Read back before the row is written: the post_save signal records the
                # revision under this number.
                self.version = rows.values_list("version", flat=True).get()
            update_fields = kwargs.get("update_fields")
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "version"}
            super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("news:release_detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        if self.unpublish_at:
            for code in language_codes():
                publish_at = self.publish_at_for(code)
                if publish_at and self.unpublish_at <= publish_at:
                    raise ValidationError(
                        {
                            "unpublish_at": _(
                                "The take-down time must come after every publication time."
                            )
                        }
                    )

    def url_in(self, language: str) -> str:
        with translation.override(language):
            return self.get_absolute_url()

    @property
    def url_in_default(self) -> str:
        return self.url_in(settings.MODELTRANSLATION_DEFAULT_LANGUAGE)

    def publish_at_for(self, language: str) -> datetime.datetime | None:
        return getattr(self, f"publish_at_{language}", None)

    def is_live(self, language: str | None = None, *, now=None) -> bool:
        """Mirrors ReleaseQuerySet.live() for one object (admin columns, preview banner)."""
        language = current_language(language)
        now = now or timezone.now()
        publish_at = self.publish_at_for(language)
        return bool(
            self.status == Status.PUBLISHED
            and getattr(self, f"title_{language}", "")
            and publish_at is not None
            and publish_at <= now
            and (self.unpublish_at is None or self.unpublish_at > now)
        )

    def language_state(self, language: str, *, now=None) -> str:
        """'live', 'scheduled', 'expired' or 'off' for the admin's per-language column."""
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
        if publish_at > now:
            return "scheduled"
        return "live"

    def live_languages(self, *, now=None) -> list[str]:
        return [code for code in language_codes() if self.is_live(code, now=now)]

    def attachments(self, languages: list[str] | None = None) -> list[dict]:
        """The PDFs of `languages` (default: all) with their sizes, for the detail page. A
        visitor's page lists only the languages live now: the others' PDFs answer 404."""
        items = []
        for code, name in settings.LANGUAGES:
            if languages is not None and code not in languages:
                continue
            file = getattr(self, f"attachment_{code}", None)
            if file:
                try:
                    size = media.stat(file.name, file.storage).size
                except OSError:
                    continue
                items.append({"language": code, "language_name": name, "file": file, "size": size})
        return items


class ReleasePhoto(models.Model):
    release = models.ForeignKey(
        Release, verbose_name=_("release"), on_delete=models.CASCADE, related_name="photos"
    )
    image = ValidatedImageField(
        _("image"),
        upload_to=PHOTO_DIRECTORY,
        blank=True,  # or a library image (library_image)
        db_index=True,  # the media view finds a file's owner by its name
        width_field="width",
        height_field="height",
        help_text=_("PNG, JPEG or WebP. It is re-encoded and its metadata removed."),
    )
    width = models.PositiveIntegerField(editable=False, null=True)
    height = models.PositiveIntegerField(editable=False, null=True)
    library_image = library_image_field(
        _("or an image from the media library"),
        related_name="release_photos",
        help_text=_(
            "Instead of uploading: the library image's alternative text and credit are used "
            "unless you write them here."
        ),
    )
    alt = models.CharField(
        _("alternative text"),
        max_length=250,
        blank=True,  # required for an upload (clean()); a library image brings its own
        help_text=_("What the photo shows, for people who cannot see it."),
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(_("credit"), max_length=150, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ["position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(image="") | Q(library_image__isnull=False),
                name="releasephoto_has_an_image",
            ),
        ]

    def __str__(self) -> str:
        return self.alt or self.image.name or str(self.library_image or "")

    def clean(self) -> None:
        super().clean()
        if not self.image and not self.library_image_id:
            raise ValidationError(
                {"image": _("Upload an image or choose one from the media library.")}
            )
        if self.image and self.library_image_id:
            raise ValidationError(
                {"library_image": _("Upload an image or choose one from the library, not both.")}
            )
        if not self.library_image_id and not self.alt_ja:
            raise ValidationError({"alt_ja": _("Describe the photo for people who cannot see it.")})

    @property
    def picture(self):
        """The file shown on the page: the library image when one is chosen."""
        return self.library_image.file if self.library_image_id else self.image

    @property
    def picture_alt(self) -> str:
        """This photo's own alternative text, else the library image's (page's language)."""
        if self.alt or not self.library_image_id:
            return self.alt
        return self.library_image.alt

    @property
    def picture_credit(self) -> str:
        if self.credit or not self.library_image_id:
            return self.credit
        return self.library_image.credit


class QuoteKind(models.TextChoices):
    QUOTATION = "quotation", _("Quotation (the speaker’s own words)")
    SUMMARY = "summary", _("Summary of remarks (not the speaker’s own words)")


class Quote(models.Model):
    release = models.ForeignKey(
        Release, verbose_name=_("release"), on_delete=models.CASCADE, related_name="quotes"
    )
    speaker = models.CharField(pgettext_lazy("quote", "speaker"), max_length=150)
    speaker_title = models.CharField(
        pgettext_lazy("job title", "title"), max_length=200, blank=True
    )
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    text = models.TextField(pgettext_lazy("quote", "text"))
    kind = models.CharField(
        pgettext_lazy("quote", "kind"),
        max_length=10,
        choices=QuoteKind.choices,
        default=QuoteKind.QUOTATION,
        help_text=_(
            "A quotation is shown in quotation marks as the speaker’s words. Choose summary "
            "when the text retells what was said: it is shown as a summary, without marks."
        ),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.speaker


class Revision(models.Model):
    """A snapshot of a release as saved, kept so that editors can compare and restore."""

    release = models.ForeignKey(
        Release, verbose_name=_("release"), on_delete=models.CASCADE, related_name="revisions"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("saved at"), default=timezone.now, db_index=True)
    version = models.PositiveIntegerField(_("version"))
    comment = models.CharField(_("comment"), max_length=200, blank=True)
    data = models.JSONField(_("content"))

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["release", "version"], name="one_revision_per_version")
        ]

    def __str__(self) -> str:
        return f"{self.release} v{self.version}"


class DraftState(models.TextChoices):
    DRAFT = "draft", pgettext_lazy("pending draft", "Draft")
    REVIEW = "review", _("Waiting for a publisher")
    SENT_BACK = "sent_back", _("Sent back")


class ReleaseDraft(models.Model):
    """Changes to a live release, kept beside it until a publisher approves them.

    Visitors keep reading the release's own row (the live version); the draft holds the
    release as the editor left it (a snapshot, the same shape as a Revision's) and is applied
    to the row, as one new revision, when a publisher approves it.
    """

    release = models.OneToOneField(
        Release, verbose_name=_("release"), on_delete=models.CASCADE, related_name="draft"
    )
    data = models.JSONField(_("content"))
    # Uploaded file names the draft refers to, one a line: the media view lets staff who may
    # preview see them before they belong to the release itself.
    file_names = models.TextField(blank=True, editable=False)
    base_version = models.PositiveIntegerField(_("live version it started from"))
    state = models.CharField(
        _("state"), max_length=10, choices=DraftState.choices, default=DraftState.DRAFT
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    review_comment = models.TextField(_("publisher's comment"), blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("pending draft")
        verbose_name_plural = _("pending drafts")

    def __str__(self) -> str:
        return str(self.release)
