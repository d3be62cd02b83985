import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from partners.models import Partner

from .models import Category, Release


def _year_choices():
    years = Release.objects.listed().dates("date", "year", order="DESC")
    return [(str(d.year), str(d.year)) for d in years]


def _partners(request=None):
    # Only partners that a listed release is about: any other choice could only find nothing.
    return (
        Partner.objects.public()
        .filter(releases__in=Release.objects.listed().values("pk"))
        .distinct()
    )


class ReleaseFilter(django_filters.FilterSet):
    year = django_filters.ChoiceFilter(
        label=_("Year"), choices=_year_choices, method="filter_year", empty_label=_("All years")
    )
    category = django_filters.ChoiceFilter(
        label=_("Category"), choices=Category.choices, empty_label=_("All categories")
    )
    partner = django_filters.ModelChoiceFilter(
        label=_("Partner"),
        queryset=_partners,
        to_field_name="slug",
        field_name="partners",
        empty_label=_("All partners"),
    )

    class Meta:
        model = Release
        fields = ["year", "category", "partner"]

    def filter_year(self, queryset, name, value):
        return queryset.filter(date__year=int(value))

    @property
    def form(self):
        form = super().form
        for field in form.fields.values():
            if isinstance(field.widget, forms.Select):
                field.widget.attrs.setdefault("class", "select")
        return form
