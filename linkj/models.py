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
