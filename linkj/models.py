from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class OrderedTerm(models.Model):
    """A short translated label from a list editors maintain and order (scopes, categories)."""

    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        abstract = True
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name


class Audited(models.Model):
    """When a row was created and last changed, and by whom (set by AuditedAdminMixin)."""

    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("last changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        abstract = True


def library_image_field(verbose_name, *, related_name: str, help_text="") -> models.ForeignKey:
    """An optional pick from the media library (app `library`, named only as a string: linkj
    imports no app). PROTECT: an image something uses cannot be deleted from the library."""
    return models.ForeignKey(
        "library.Image",
        verbose_name=verbose_name,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name=related_name,
        help_text=help_text,
    )
