import django_filters
from django.utils.translation import gettext_lazy as _

from .models import Organisation, OrganisationKind


class OrganisationFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Kind of member"), choices=OrganisationKind.choices, empty_label=_("All kinds")
    )

    class Meta:
        model = Organisation
        fields = ["kind"]
