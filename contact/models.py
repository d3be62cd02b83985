from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Kind(models.TextChoices):
    GENERAL = "general", _("General enquiry")
    PRESS = "press", _("Press and media")
    LOUNGE = "lounge", _("The lounge in New York")


class Enquiry(models.Model):
    """A message sent through the contact form, kept whether or not the mails went out."""

    kind = models.CharField(
        _("subject"), max_length=10, choices=Kind.choices, default=Kind.GENERAL, db_index=True
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=100)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail address"))
    phone = models.CharField(_("telephone"), max_length=30, blank=True)
    message = models.TextField(_("message"), max_length=5000)
    language = models.CharField(
        _("language"), max_length=5, choices=settings.LANGUAGES, default="ja", db_index=True
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    handled = models.BooleanField(_("handled"), default=False, db_index=True)
    note = models.TextField(_("office note"), blank=True)

    class Meta:
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_kind_display()})"
