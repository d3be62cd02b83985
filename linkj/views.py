from django.core.paginator import Page
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django_filters.views import FilterView


def elided_page_range(page: Page) -> list:
    """Page numbers around the current one and at both ends, with `…` between: a list of
    100,000 releases links a dozen pages, not ten thousand."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))


class FilteredListView(FilterView):
    """A public list with django-filter: the behaviour every list page shares.

    - A query string of only empty values (or only a page number) leaves the list unfiltered.
    - Invalid filter values show the form's message and an empty list, never a 500.
    - A page number out of range or not a number shows the nearest page.
    - Templates get `query_without_page` to build pagination links that keep the filters,
      and `page_range`, the page numbers to link (elided).
    """

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        data = kwargs["data"]
        if data is not None and not any(value for key, value in data.items() if key != "page"):
            kwargs["data"] = None
        return kwargs

    def get(self, request, *args, **kwargs):
        self.filterset = self.get_filterset(self.get_filterset_class())
        if not self.filterset.is_bound or self.filterset.is_valid():
            self.object_list = self.filterset.qs
        else:
            self.object_list = self.filterset.queryset.none()
        context = self.get_context_data(filter=self.filterset, object_list=self.object_list)
        return self.render_to_response(context)

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        context["query_without_page"] = query.urlencode()
        page = context.get("page_obj")
        context["page_range"] = elided_page_range(page) if page is not None else []
        return context


class HomeView(TemplateView):
    template_name = "home.html"


@never_cache
def healthz(request):
    return HttpResponse("ok", content_type="text/plain")


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # A 500 renders without a request context (it may be the context that failed).
    return render(request, "500.html", status=500)
