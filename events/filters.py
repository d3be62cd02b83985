import datetime

import django_filters
from django import forms
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from .models import Category, Event, Format, Venue


class MonthInput(forms.TextInput):
    """A native month picker where the browser has one; elsewhere a text box taking YYYY-MM.

    HTML allows neither `placeholder` nor `maxlength` on `type="month"`: the help text shows
    the format instead, and the field still refuses more than 7 characters."""

    input_type = "month"


class MonthField(forms.CharField):
    """YYYY-MM, e.g. 2027-03. Anything else is a form error, never a server error."""

    widget = MonthInput

    default_validators = [
        RegexValidator(r"^\d{4}-\d{2}$", _("Enter a month as YYYY-MM, e.g. 2027-03."))
    ]

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 7)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if getattr(widget, "input_type", None) == "month":
            attrs.pop("maxlength", None)
        return attrs

    def clean(self, value):
        value = super().clean(value)
        if not value:
            return None
        year, month = (int(part) for part in value.split("-"))
        if not (1 <= month <= 12 and 1900 <= year <= 2999):
            raise forms.ValidationError(
                _("Enter a month as YYYY-MM, e.g. 2027-03."), code="invalid_month"
            )
        return datetime.date(year, month, 1)


class MonthFilter(django_filters.Filter):
    field_class = MonthField

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.in_local_month(value.year, value.month)


class EventFilter(django_filters.FilterSet):
    venue = django_filters.ModelChoiceFilter(
        label=_("Venue"),
        queryset=Venue.objects.all(),
        to_field_name="slug",
        empty_label=_("All venues"),
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Category"),
        queryset=Category.objects.all(),
        to_field_name="slug",
        empty_label=_("All categories"),
    )
    format = django_filters.ChoiceFilter(
        label=_("Format"), choices=Format.choices, empty_label=_("All formats")
    )
    month = MonthFilter(
        label=_("Month"),
        help_text=_("YYYY-MM, e.g. 2027-03"),
    )

    class Meta:
        model = Event
        fields = ["venue", "category", "format", "month"]
