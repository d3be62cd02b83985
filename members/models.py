from __future__ import annotations

import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

# Hiragana, the long-vowel mark, the middle dot and spaces: what a reading may hold once
# katakana has been folded to hiragana.
READING = re.compile(r"^[\u3041-\u3096\u30fc\u30fb\u3000 ]+$")
KATAKANA_TO_HIRAGANA = {code: code - 0x60 for code in range(0x30A1, 0x30F7)}


def normalise_reading(value: str) -> str:
    """Fold a reading typed in katakana (full or half width) or hiragana to hiragana, so
    that one sort key orders them all in 五十音 order."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    return " ".join(text.translate(KATAKANA_TO_HIRAGANA).split())


class OrganisationKind(models.TextChoices):
    SPECIAL_A = "special_a", _("Special member A")
    SPECIAL_B = "special_b", _("Special member B")
    SPECIAL_C = "special_c", _("Special member C")
    REGULAR = "regular", _("Regular member")
    OTHER = "other", _("Other member")


SPECIAL_KINDS = {OrganisationKind.SPECIAL_A, OrganisationKind.SPECIAL_B, OrganisationKind.SPECIAL_C}


class OrganisationQuerySet(models.QuerySet):
    def live(self) -> OrganisationQuerySet:
        """Organisations visitors see in the member directory: those that agreed to be listed."""
        return self.filter(listed=True)

    def in_directory_order(self, language: str) -> OrganisationQuerySet:
        """五十音 order by reading in Japanese; A–Z by English name in English (an
        organisation without an English name sorts by its Japanese one, after the Latin)."""
        if language == "ja":
            return self.order_by("reading", "pk")
        english = Coalesce(NullIf("name_en", models.Value("")), "name_ja")
        return self.order_by(Lower(english), "pk")


class Organisation(models.Model):
    name = models.CharField(_("name"), max_length=200)
    reading = models.CharField(
        _("reading (yomigana)"),
        max_length=200,
        db_index=True,
        help_text=_(
            "How the Japanese name is read, in hiragana or katakana, e.g. りんくじぇい. "
            "Japanese lists are sorted by it."
        ),
    )
    kind = models.CharField(_("kind of member"), max_length=12, choices=OrganisationKind.choices)
    listed = models.BooleanField(
        _("listed in the member directory"),
        default=False,
        help_text=_(
            "Tick only when the organisation has agreed to appear in the public directory."
        ),
    )
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("member organisation")
        verbose_name_plural = _("member organisations")
        ordering = ["reading", "pk"]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.reading = normalise_reading(self.reading)
        super().save(*args, **kwargs)

    def clean(self) -> None:
        self.reading = normalise_reading(self.reading)
        if self.reading and not READING.match(self.reading):
            raise ValidationError(
                {"reading": _("Write the reading in hiragana or katakana only, e.g. りんくじぇい.")}
            )

    def is_live(self) -> bool:
        """Mirrors OrganisationQuerySet.live()."""
        return self.listed

    @property
    def is_special(self) -> bool:
        return self.kind in SPECIAL_KINDS


class Person(models.Model):
    """A person with an account on the public site. Staff link them to their organisation;
    members-only features check that link."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.CASCADE,
        related_name="person",
    )
    name = models.CharField(pgettext_lazy("person", "name"), max_length=120)
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("member organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="people",
        help_text=_("Set by staff once they have checked that the person works there."),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("person")
        verbose_name_plural = _("people")
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


def organisation_of(user) -> Organisation | None:
    """The member organisation a signed-in user belongs to, or None."""
    if not getattr(user, "is_authenticated", False):
        return None
    person = Person.objects.select_related("organisation").filter(user=user).first()
    return person.organisation if person else None
