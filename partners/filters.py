import django_filters
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import Agreement, Kind, Partner, Region, ScopeItem

SEARCH_MAX_LENGTH = 100
# `display_name` and `first_signed` are annotated by the list view.
SORT_ORDERS = {
    "name": ("display_name", "pk"),
    "signed": ("first_signed", "pk"),
    "-signed": ("-first_signed", "pk"),
    "country": ("country", "display_name", "pk"),
}


def _country_choices():
    # Only countries that have a partner, named in the visitor's language.
    codes = set(Partner.objects.public().values_list("country", flat=True).distinct())
    return sorted(((code, countries.name(code)) for code in codes), key=lambda c: str(c[1]))


def _year_choices():
    years = Agreement.objects.filter(partner__is_disclosed=True).dates("signed_on", "year")
    return [(str(d.year), str(d.year)) for d in reversed(years)]


class PartnerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_q",
        max_length=SEARCH_MAX_LENGTH,
        help_text=_("Name, short name or former name, in Japanese or English."),
    )
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=_country_choices, empty_label=_("All countries")
    )
    region = django_filters.ChoiceFilter(
        label=_("Region"),
        choices=Region.choices,
        method="filter_region",
        empty_label=_("Japan and overseas"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Kind.choices, empty_label=_("All kinds")
    )
    year = django_filters.ChoiceFilter(
        label=_("Year signed"),
        choices=_year_choices,
        method="filter_year",
        empty_label=_("Any year"),
    )
    scope = django_filters.ModelChoiceFilter(
        label=_("Scope"),
        queryset=ScopeItem.objects.all(),
        to_field_name="slug",
        method="filter_scope",
        empty_label=_("Any scope"),
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[
            ("name", _("Name")),
            ("signed", _("Oldest partnership first")),
            ("-signed", _("Newest partnership first")),
            ("country", _("Country")),
        ],
        method=lambda queryset, name, value: queryset,  # applied in filter_queryset()
        empty_label=_("Name"),
    )

    class Meta:
        model = Partner
        fields = ["q", "country", "region", "kind", "year", "scope", "sort"]

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_region(self, queryset, name, value):
        return queryset.domestic() if value == Region.DOMESTIC else queryset.overseas()

    def filter_year(self, queryset, name, value):
        signed = Agreement.objects.filter(partner=OuterRef("pk"), signed_on__year=int(value))
        return queryset.filter(Exists(signed))

    def filter_scope(self, queryset, name, value):
        covered = Agreement.objects.filter(partner=OuterRef("pk"), scope_items=value)
        return queryset.filter(Exists(covered))

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        return queryset.order_by(*SORT_ORDERS[self.form.cleaned_data.get("sort") or "name"])


def display_name_expression():
    """The name as shown in the visitor's language, falling back to Japanese when empty."""
    language = (get_language() or "ja").split("-")[0]
    if language == "ja":
        return Coalesce("name_ja", Value(""), output_field=CharField())
    return Coalesce(NullIf(f"name_{language}", Value("")), "name_ja", output_field=CharField())
