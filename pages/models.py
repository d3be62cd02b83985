from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from linkj.models import Audited
from linkj.publishing import PublishedPerLanguage
from linkj.richtext import RichTextField


class Navigation(models.TextChoices):
    HEADER = "header", _("Header")
    FOOTER = "footer", _("Footer")
    NONE = "none", _("Not in the navigation")


class Page(PublishedPerLanguage, Audited):
    """A standing page editors manage: about, access, membership, privacy, terms."""

    title = models.CharField(_("title"), max_length=200)
    nav_title = models.CharField(
        _("navigation label"),
        max_length=60,
        blank=True,
        help_text=_("Short label for the header or footer; empty uses the title."),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two plain sentences: shown under the title and in search results."),
    )
    body = RichTextField(_("body"), blank=True)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("ASCII only; one address shared by both languages, e.g. access."),
    )
    navigation = models.CharField(
        pgettext_lazy("page placement", "navigation"),
        max_length=10,
        choices=Navigation.choices,
        default=Navigation.FOOTER,
        db_index=True,
    )
    position = models.PositiveSmallIntegerField(
        _("position"), default=0, help_text=_("Smaller numbers come first in the navigation.")
    )

    url_name = "pages:page_detail"

    class Meta(PublishedPerLanguage.Meta):
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["position", "pk"]
        permissions = [("publish_page", _("Can publish, schedule and withdraw pages"))]

    def __str__(self) -> str:
        return self.title_ja or self.title or self.slug

    def label_in(self, language: str) -> str:
        # Not `self.nav_title`: its fallback is the Japanese label, while this language's own
        # title is the better label on this language's pages.
        return getattr(self, f"nav_title_{language}") or getattr(self, f"title_{language}")
