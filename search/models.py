from django.contrib.postgres.indexes import GinIndex
from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    PARTNER = "partner", _("partner")
    RELEASE = "release", _("release")
    EVENT = "event", _("event")


class Document(models.Model):
    """The searchable text of one partner, release or event, in both languages, in normal
    form (search/normalise.py). Written by search/documents.py on every save path; which
    objects a visitor may see is still decided by each app's own queryset at query time."""

    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    object_id = models.PositiveBigIntegerField(_("object"))
    text = models.TextField(_("text"))

    class Meta:
        verbose_name = _("search document")
        verbose_name_plural = _("search documents")
        constraints = [
            models.UniqueConstraint(fields=["kind", "object_id"], name="search_document_once")
        ]
        indexes = [
            # LIKE '%term%' through pg_trgm on PostgreSQL (added by the migration there only).
            GinIndex(fields=["text"], opclasses=["gin_trgm_ops"], name="search_document_trgm"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_id}"
