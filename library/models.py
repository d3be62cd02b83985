"""The media library: images and PDF documents uploaded once and used by many pages.

A library file goes through the same checks as a file uploaded into a release or a partner
(linkj.images.clean_image, linkj.pdfs.validate_pdf), on every save path. Other apps point
to library items with ForeignKeys ("library.Image"), named as strings so that this app never
imports them; who uses an item is read from those relations (`uses()`, `unused()`), and
which of those uses are live comes from linkj.extensions.library_uses (see media.py).
"""

from __future__ import annotations

from pathlib import PurePosixPath

from django.conf import settings
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.fields.files import FieldFile
from django.utils.translation import gettext_lazy as _

from linkj.images import ValidatedImageField
from linkj.pdfs import validate_pdf

IMAGE_DIRECTORY = "library/images/"
DOCUMENT_DIRECTORY = "library/documents/"
# How many rows of each kind of use the change page lists.
USES_SHOWN = 50


def relations(model) -> list:
    """The ForeignKeys and many-to-many fields of other models that point to `model` (a
    release photo's image, a partner's logo, an event's image, a release's documents), found
    from the model registry."""
    return [
        rel
        for rel in model._meta.related_objects
        if (rel.one_to_many or rel.many_to_many)
        and rel.related_model._meta.app_label != model._meta.app_label
    ]


class LibraryQuerySet(models.QuerySet):
    def _used_condition(self) -> Q:
        # One EXISTS per relation: no join that multiplies rows, no GROUP BY.
        condition = Q(pk__in=[])
        for rel in relations(self.model):
            rows = rel.related_model._base_manager.filter(**{rel.field.name: OuterRef("pk")})
            condition |= Q(Exists(rows))
        return condition

    def used(self) -> LibraryQuerySet:
        return self.filter(self._used_condition())

    def unused(self) -> LibraryQuerySet:
        """Items nothing points to: safe to delete (a used item is protected)."""
        return self.exclude(self._used_condition())

    def search(self, text: str) -> LibraryQuerySet:
        text = text.strip()
        if not text:
            return self
        # Every language's column at once (modeltranslation alone would query one).
        translated = [
            "credit",
            *(name for name in ("title", "alt") if hasattr(self.model, f"{name}_ja")),
        ]
        condition = Q() if "title" in translated else Q(title__icontains=text)
        for code, _name in settings.LANGUAGES:
            for name in translated:
                condition |= Q(**{f"{name}_{code}__icontains": text})
        return self.filter(condition)


class ValidatedPdfFieldFile(FieldFile):
    def save(self, name, content, save=True):
        # Every way of storing a document ends here (a form, the ORM, a loader): check it.
        validate_pdf(content)
        super().save(name, content, save)


class ValidatedPdfField(models.FileField):
    attr_class = ValidatedPdfFieldFile


class LibraryItem(models.Model):
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("How editors find this file. Left empty, the file's name is used."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=150,
        blank=True,
        help_text=_("Who made it, e.g. a photographer or an organisation."),
    )
    is_public = models.BooleanField(
        _("always public"),
        default=False,
        help_text=_(
            "Otherwise the file is public only while a live release, partner or event uses it."
        ),
    )
    size = models.PositiveIntegerField(_("size in bytes"), default=0, editable=False)
    uploaded_at = models.DateTimeField(_("uploaded"), auto_now_add=True, db_index=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    objects = LibraryQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.title or PurePosixPath(self.file.name or "").name

    def save(self, *args, **kwargs):
        # The Japanese column when the title is translated (documents), else the only one.
        title = f"title_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"
        title = title if hasattr(self, title) else "title"
        if not getattr(self, title) and self.file:
            setattr(self, title, PurePosixPath(self.file.name).stem[:200])
        super().save(*args, **kwargs)
        # Known only once the file is stored (an image is re-encoded on the way).
        size = self.file.size if self.file else 0
        if size != self.size:
            self.size = size
            type(self).objects.filter(pk=self.pk).update(size=size)

    def uses(self) -> list[tuple[str, list]]:
        """(kind of use, rows) for every relation that has rows pointing here: one query per
        relation, at most USES_SHOWN rows each."""
        found = []
        for rel in relations(type(self)):
            rows = list(
                rel.related_model._default_manager.filter(**{rel.field.name: self}).order_by("pk")[
                    :USES_SHOWN
                ]
            )
            if rows:
                found.append((rel, rows))
        return found


class Image(LibraryItem):
    file = ValidatedImageField(
        _("image file"),
        upload_to=IMAGE_DIRECTORY,
        db_index=True,  # the media view finds a file's owner by its name
        width_field="width",
        height_field="height",
        help_text=_("PNG, JPEG or WebP. It is re-encoded and its metadata removed."),
    )
    width = models.PositiveIntegerField(_("width"), editable=False, null=True)
    height = models.PositiveIntegerField(_("height"), editable=False, null=True)
    alt = models.CharField(
        _("alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )

    # The admin's pickers show a thumbnail of the chosen image (linkj.admin).
    admin_thumbnail_field = "file"

    class Meta(LibraryItem.Meta):
        verbose_name = _("library image")
        verbose_name_plural = _("library images")
        permissions = [("publish_image", _("Can make library images always public"))]


class Document(LibraryItem):
    title = models.CharField(
        _("title"),
        max_length=200,
        blank=True,
        help_text=_("The link text on public pages. Left empty, the file's name is used."),
    )
    file = ValidatedPdfField(
        _("PDF file"),
        upload_to=DOCUMENT_DIRECTORY,
        db_index=True,
        validators=[FileExtensionValidator(["pdf"]), validate_pdf],
        help_text=_("A PDF without scripts, passwords or embedded files."),
    )

    class Meta(LibraryItem.Meta):
        verbose_name = _("library document")
        verbose_name_plural = _("library documents")
        permissions = [("publish_document", _("Can make library documents always public"))]
