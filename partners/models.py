from __future__ import annotations

import datetime
import re
import unicodedata

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django_countries.fields import CountryField

from linkj.images import ValidatedImageField
from linkj.kana import to_hiragana
from linkj.models import Audited, OrderedTerm, library_image_field

HOME_COUNTRY = "JP"
LOGO_DIRECTORY = "partners/logos/"


class Kind(models.TextChoices):
    UNIVERSITY = "university", _("University")
    RESEARCH = "research", _("Research institute or park")
    CLUSTER = "cluster", _("Life-science cluster or association")
    LOCAL_GOVERNMENT = "local_government", _("Local government")
    FOUNDATION = "foundation", _("Public foundation")
    COMPANY = "company", _("Company")
    OTHER = "other", _("Other")


class Region(models.TextChoices):
    # Context "region": a bare "Japan" would also translate django-countries' country name.
    DOMESTIC = "domestic", pgettext_lazy("region", "Japan")
    OVERSEAS = "overseas", pgettext_lazy("region", "Overseas")


# Kana and kanji (with the iteration mark 々): a Japanese name made of them needs a reading.
JAPANESE_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]")
KANJI = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff々]")


def reading_of(reading: str, name: str) -> str:
    """The stored reading: in hiragana (so katakana readings sort alike), or the name itself
    when it is written without kanji (ユーロバイオメッド reads ゆーろばいおめっど)."""
    reading = unicodedata.normalize("NFKC", reading or "").strip()
    if not reading and name and not KANJI.search(name):
        reading = unicodedata.normalize("NFKC", name).strip()
    return to_hiragana(reading)


class PartnerQuerySet(models.QuerySet):
    def live(self) -> PartnerQuerySet:
        """Partners visitors may see by name. Undisclosed ones still count in every number."""
        return self.filter(is_disclosed=True)

    def domestic(self) -> PartnerQuerySet:
        return self.filter(country=HOME_COUNTRY)

    def overseas(self) -> PartnerQuerySet:
        return self.exclude(country=HOME_COUNTRY)

    def search(self, text: str) -> PartnerQuerySet:
        """Match names, short names and former names in every language at once.

        modeltranslation only queries the active language's column, so a Japanese word typed
        on the English page would find nothing; the columns are ORed explicitly.
        """
        text = text.strip()
        if not text:
            return self
        condition = Q(name_reading__icontains=to_hiragana(text))
        for code, _name in settings.LANGUAGES:
            condition |= Q(**{f"name_{code}__icontains": text})
            condition |= Q(**{f"short_name_{code}__icontains": text})
        former = FormerName.objects.filter(partner=OuterRef("pk"))
        former_condition = Q()
        for code, _name in settings.LANGUAGES:
            former_condition |= Q(**{f"name_{code}__icontains": text})
        return self.filter(condition | Exists(former.filter(former_condition)))


class Partner(Audited):
    name = models.CharField(_("official name"), max_length=200)
    name_reading = models.CharField(
        _("reading (yomigana)"),
        max_length=200,
        blank=True,
        help_text=_(
            "The Japanese name in kana, e.g. よこはまし for 横浜市. Japanese lists sort by it; "
            "searches find it too."
        ),
    )
    short_name = models.CharField(
        _("short name"), max_length=60, blank=True, help_text=_("For example UCSD, OUI or MPR.")
    )
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        unique=True,
        help_text=_("ASCII only; one address shared by both languages, e.g. ucsd."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, db_index=True)
    country = CountryField(_("country"), db_index=True)
    city = models.CharField(_("city or region"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = ValidatedImageField(
        _("logo"),
        upload_to=LOGO_DIRECTORY,
        blank=True,
        db_index=True,  # the media view finds a file's owner by its name
        width_field="logo_width",
        height_field="logo_height",
        help_text=_("PNG, JPEG or WebP. It is re-encoded and its metadata removed."),
    )
    logo_width = models.PositiveIntegerField(editable=False, null=True)
    logo_height = models.PositiveIntegerField(editable=False, null=True)
    logo_image = library_image_field(
        _("logo from the media library"),
        related_name="partner_logos",
        help_text=_("Or choose a logo from the media library; it is shown instead of the upload."),
    )
    description = models.TextField(_("description"), blank=True)
    is_disclosed = models.BooleanField(
        _("name may be published"),
        default=True,
        db_index=True,
        help_text=_(
            "Untick for a confidential agreement: the partner still counts in every number, "
            "but visitors never see its name or page."
        ),
    )

    objects = PartnerQuerySet.as_manager()

    class Meta:
        verbose_name = _("partner")
        verbose_name_plural = _("partners")
        ordering = ["name"]
        # Sorting by name uses the active language's column (modeltranslation).
        indexes = [
            models.Index(fields=["name_ja"], name="partner_name_ja"),
            models.Index(fields=["name_en"], name="partner_name_en"),
        ]
        permissions = [("publish_partner", _("Can publish partners (show their names and pages)"))]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("partners:partner_detail", kwargs={"slug": self.slug})

    def clean(self) -> None:
        super().clean()
        name = self.name_ja or ""
        if not self.name_reading.strip() and JAPANESE_SCRIPT.search(name):
            raise ValidationError(
                {"name_reading": _("Enter the reading of the Japanese name in kana.")}
            )
        if KANJI.search(self.name_reading):
            raise ValidationError(
                {"name_reading": _("Write the reading in hiragana or katakana, without kanji.")}
            )

    def save(self, *args, **kwargs):
        self.name_reading = reading_of(self.name_reading, self.name_ja or "")
        super().save(*args, **kwargs)

    @property
    def region(self) -> str:
        return Region.DOMESTIC if self.country == HOME_COUNTRY else Region.OVERSEAS

    @property
    def is_overseas(self) -> bool:
        return self.region == Region.OVERSEAS

    def is_live(self) -> bool:
        """Mirrors PartnerQuerySet.live(): visitors see the partner by name, with its page."""
        return self.is_disclosed

    @property
    def logo_file(self):
        """The logo shown on pages: the library's when one is chosen, else the upload."""
        return self.logo_image.file if self.logo_image_id else self.logo

    @property
    def logo_alt(self) -> str:
        """The library image's alternative text in the page's language, else the name."""
        return self.logo_image.alt if self.logo_image_id else self.name

    def display_name(self) -> str:
        return self.name if self.is_disclosed else str(_("Undisclosed partner"))


class FormerName(models.Model):
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="former_names"
    )
    name = models.CharField(_("former name"), max_length=200)
    until = models.DateField(_("used until"), null=True, blank=True)

    class Meta:
        verbose_name = _("former name")
        verbose_name_plural = _("former names")
        ordering = ["-until", "pk"]

    def __str__(self) -> str:
        return self.name


class ScopeItem(OrderedTerm):
    """One thing a partnership covers, from a list editors maintain."""

    class Meta(OrderedTerm.Meta):
        verbose_name = _("scope item")
        verbose_name_plural = _("scope items")


class DatePrecision(models.TextChoices):
    DAY = "day", _("Day")
    MONTH = "month", _("Month")
    YEAR = "year", _("Year")


class AgreementType(models.TextChoices):
    MOU = "mou", _("Memorandum of understanding (MOU)")
    MUTUAL = "mutual", _("Mutual partnership memorandum")
    COLLABORATION = "collaboration", _("Collaboration")


def is_first_agreement() -> Exists:
    """True for an agreement with no earlier one for the same partner (by date, then entry)."""
    earlier = Agreement.objects.filter(partner=OuterRef("partner")).filter(
        Q(signed_on__lt=OuterRef("signed_on"))
        | Q(signed_on=OuterRef("signed_on"), pk__lt=OuterRef("pk"))
    )
    return ~Exists(earlier)


class AgreementQuerySet(models.QuerySet):
    def firsts(self) -> AgreementQuerySet:
        """Each partner's first agreement: the one that made it a partner.

        A renewal or a second memorandum does not make a new partnership, so ordinals and
        counts are taken over these rows only.
        """
        return self.filter(is_first_agreement())

    def as_of(self, date: datetime.date | None) -> AgreementQuerySet:
        return self if date is None else self.filter(signed_on__lte=date)


class Agreement(models.Model):
    partner = models.ForeignKey(
        Partner, verbose_name=_("partner"), on_delete=models.CASCADE, related_name="agreements"
    )
    signed_on = models.DateField(
        _("signed on"),
        help_text=_(
            "When only the month or year is known, enter its first day and set the precision."
        ),
    )
    date_precision = models.CharField(
        _("date precision"), max_length=5, choices=DatePrecision.choices, default=DatePrecision.DAY
    )
    date_is_estimate = models.BooleanField(
        _("date is an estimate"),
        default=False,
        help_text=_("Tick when no published source gives this date; pages mark it as estimated."),
    )
    agreement_type = models.CharField(
        pgettext_lazy("agreement", "type"),
        max_length=20,
        choices=AgreementType.choices,
        default=AgreementType.MOU,
    )
    term_years = models.PositiveSmallIntegerField(_("term in years"), null=True, blank=True)
    scope_items = models.ManyToManyField(
        ScopeItem, verbose_name=_("scope"), blank=True, related_name="agreements"
    )
    notes = models.TextField(_("notes"), blank=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["signed_on", "pk"]
        indexes = [
            # The ledger's order, and firsts(): "an earlier agreement of the same partner".
            models.Index(fields=["signed_on", "id"], name="agreement_signed_on_id"),
            models.Index(fields=["partner", "signed_on", "id"], name="agreement_partner_signed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(term_years__isnull=True) | Q(term_years__gte=1, term_years__lte=99),
                name="agreement_term_in_range",
            ),
            models.CheckConstraint(
                condition=Q(date_precision="day")
                | Q(date_precision="month", signed_on__day=1)
                | Q(date_precision="year", signed_on__day=1, signed_on__month=1),
                name="agreement_date_matches_precision",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner} ({self.signed_on_display()})"

    def clean(self) -> None:
        if (
            self.signed_on
            and self.date_precision == DatePrecision.MONTH
            and self.signed_on.day != 1
        ):
            raise ValidationError(
                {"signed_on": _("With month precision, enter the first day of the month.")}
            )
        if (
            self.signed_on
            and self.date_precision == DatePrecision.YEAR
            and (self.signed_on.day != 1 or self.signed_on.month != 1)
        ):
            raise ValidationError({"signed_on": _("With year precision, enter 1 January.")})

    def signed_on_display(self) -> str:
        if self.date_precision == DatePrecision.YEAR:
            return formats.date_format(self.signed_on, "Y")
        if self.date_precision == DatePrecision.MONTH:
            return formats.date_format(self.signed_on, "YEAR_MONTH_FORMAT")
        return formats.date_format(self.signed_on, "DATE_FORMAT")


class Side(models.TextChoices):
    LINKJ = "linkj", _("LINK-J")
    PARTNER = "partner", _("Partner")


class Signatory(models.Model):
    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="signatories"
    )
    name = models.CharField(_("name"), max_length=120)
    title = models.CharField(pgettext_lazy("job title", "title"), max_length=200, blank=True)
    side = models.CharField(_("side"), max_length=10, choices=Side.choices)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("signatory")
        verbose_name_plural = _("signatories")
        ordering = ["position", "pk"]

    def __str__(self) -> str:
        return self.name
