import django_filters
from django import forms
from django.db.models import Exists, Max, Min, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from partners.models import Partner

from .models import Category, Release

PARTNER_NAME_MAX_LENGTH = 100


def year_choices() -> list[tuple[str, str]]:
    """Every year from the newest listed release back to the oldest, from one aggregate
    (the date index answers both ends) instead of a DISTINCT over every release."""
    span = Release.objects.on_list_page().aggregate(first=Min("date"), last=Max("date"))
    if span["first"] is None:
        return []
    return [(str(year), str(year)) for year in range(span["last"].year, span["first"].year - 1, -1)]


def about_partners(partners) -> Exists:
    """Releases about any of `partners` (a queryset of partners)."""
    links = Release.partners.through.objects.filter(release=OuterRef("pk"), partner__in=partners)
    return Exists(links)


def partner_by_slug_or_id(value: str) -> Q:
    # Links from partner pages carry the slug; older links carried the numeric id.
    condition = Q(slug=value)
    if value.isdigit():
        condition |= Q(pk=int(value))
    return condition


class ReleaseFilter(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(
        label=_("Year"), choices=[], method="filter_year", empty_label=_("All years")
    )
    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=Category.choices, empty_label=_("All categories")
    )
    # A text box rather than a list of every partner: it works without JavaScript and its
    # page does not grow with the number of partners.
    partner_name = django_filters.CharFilter(
        label=_("Partner"),
        method="filter_partner_name",
        max_length=PARTNER_NAME_MAX_LENGTH,
        help_text=_("Part of a partner's name, in Japanese or English."),
    )
    # One exact partner (its slug), for links from partner pages; kept as the form is resent.
    partner = django_filters.CharFilter(
        method="filter_partner", max_length=80, widget=forms.HiddenInput
    )

    class Meta:
        model = Release
        fields = ["year", "category", "partner_name", "partner"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Evaluated once here: a callable would run again for validation and for rendering.
        self.filters["year"].extra["choices"] = year_choices()

    def filter_year(self, queryset, name, value):
        return queryset.filter(date__year=int(value))

    def filter_partner_name(self, queryset, name, value):
        return queryset.filter(about_partners(Partner.objects.live().search(value)))

    def filter_partner(self, queryset, name, value):
        partners = Partner.objects.live().filter(partner_by_slug_or_id(value))
        return queryset.filter(about_partners(partners))

    @property
    def form(self):
        form = super().form
        for field in form.fields.values():
            if isinstance(field.widget, forms.Select):
                field.widget.attrs.setdefault("class", "select")
        return form
