import django_filters
from django.db.models import CharField, Exists, OuterRef, Value
from django.db.models.functions import Coalesce, ExtractYear, NullIf
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django_countries import countries as country_names

from linkj.cache import remember

from .models import Agreement, Kind, Partner, Region, ScopeItem

SEARCH_MAX_LENGTH = 100
# `sort_name` and `first_signed` are annotated by the list view.
SORT_ORDERS = {
    "name": ("sort_name", "pk"),
    "signed": ("first_signed", "pk"),
    "-signed": ("-first_signed", "pk"),
    "country": ("country", "sort_name", "pk"),
}


def country_and_year_choices() -> tuple[list, list]:
    """Countries that have a public partner (named in the visitor's language) and the years
    those partners signed an agreement (newest first), from a single query."""
    pairs = remember(
        "partners:country-year-pairs",
        lambda: list(
            Partner.objects.live()
            .order_by()
            .values_list("country", ExtractYear("agreements__signed_on"))
            .distinct()
        ),
    )
    codes, years = set(), set()
    for code, year in pairs:
        codes.add(code)
        if year is not None:
            years.add(year)
    countries = sorted(
        ((code, country_names.name(code)) for code in codes), key=lambda c: str(c[1])
    )
    return countries, [(str(year), str(year)) for year in sorted(years, reverse=True)]


class PartnerFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_q",
        max_length=SEARCH_MAX_LENGTH,
        help_text=_("Name, short name or former name, in Japanese or English."),
    )
    # Choices are filled in __init__, each list from one query per request.
    country = django_filters.ChoiceFilter(
        label=_("Country"), choices=[], empty_label=_("All countries")
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
        choices=[],
        method="filter_year",
        empty_label=_("Any year"),
    )
    scope = django_filters.ChoiceFilter(
        label=_("Scope"), choices=[], method="filter_scope", empty_label=_("Any scope")
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

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Evaluated once here: a callable would run again for validation and for rendering.
        countries, years = country_and_year_choices()
        self.filters["country"].extra["choices"] = countries
        self.filters["year"].extra["choices"] = years
        self.filters["scope"].extra["choices"] = [
            (item.slug, item.name) for item in ScopeItem.objects.all()
        ]

    def filter_q(self, queryset, name, value):
        return queryset.search(value)

    def filter_region(self, queryset, name, value):
        return queryset.domestic() if value == Region.DOMESTIC else queryset.overseas()

    def filter_year(self, queryset, name, value):
        signed = Agreement.objects.filter(partner=OuterRef("pk"), signed_on__year=int(value))
        return queryset.filter(Exists(signed))

    def filter_scope(self, queryset, name, value):
        covered = Agreement.objects.filter(partner=OuterRef("pk"), scope_items__slug=value)
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


def sort_name_expression():
    """What a list sorts by: in Japanese the reading (五十音 order; a name without one sorts by
    the name itself), in English the English name, falling back to the Japanese one."""
    language = (get_language() or "ja").split("-")[0]
    if language == "ja":
        return Coalesce(NullIf("name_reading", Value("")), "name_ja", output_field=CharField())
    return display_name_expression()
