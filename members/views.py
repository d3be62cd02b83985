from django.contrib.auth.mixins import LoginRequiredMixin
from django.utils.translation import get_language
from django.views.generic import TemplateView

from linkj.views import FilteredListView

from .filters import OrganisationFilter
from .models import Organisation, Person


class OrganisationListView(FilteredListView):
    """The public member directory: organisations that agreed to be listed."""

    filterset_class = OrganisationFilter
    template_name = "members/organisation_list.html"
    context_object_name = "organisations"
    paginate_by = 50

    def get_queryset(self):
        return Organisation.objects.live().in_directory_order(get_language())


class MyPageView(LoginRequiredMixin, TemplateView):
    """The signed-in person's registrations and lounge bookings (listed by the template tags
    of the registrations and bookings apps)."""

    template_name = "members/my_page.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        person = Person.objects.select_related("organisation").filter(user=self.request.user)
        context["person"] = person.first()
        return context
