from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django_filters.views import FilterView


class FilteredListView(FilterView):
    """A public list with django-filter: the behaviour every list page shares.

    - A query string of only empty values (or only a page number) leaves the list unfiltered.
    - Invalid filter values show the form's message and an empty list, never a 500
      (django-filter's strict mode, the default).
    - A page number out of range or not a number shows the nearest page.
    - Templates get `query_without_page` to build pagination links that keep the filters.
    """

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        data = kwargs["data"]
        if data is not None and not any(value for key, value in data.items() if key != "page"):
            kwargs["data"] = None
        return kwargs

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        context["query_without_page"] = query.urlencode()
        return context


class HomeView(TemplateView):
    template_name = "home.html"


@never_cache
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def bad_request(request, exception=None):
    return render(request, "400.html", status=400)
