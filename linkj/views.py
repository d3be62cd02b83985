from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django_filters.views import FilterView

from linkj.links import absolute_url


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


# Crawlers skip the back office, per-visitor pages (forms' answers, newsletter links) and
# filtered or sorted lists, which are endless combinations of the same content; the plain
# lists and their numbered pages stay open. Drafts need no line: their previews answer
# visitors with 404, and staff responses carry noindex.
ROBOTS_DISALLOW = [
    "/admin/",
    "/*/search/",
    "/*/contact/thanks/",
    "/*/newsletter/check-your-inbox/",
    "/*/newsletter/confirm/",
    "/*/newsletter/unsubscribe/",
    "/*?",
]
ROBOTS_ALLOW = ["/*?page="]


def robots_txt(request):
    lines = ["User-agent: *"]
    lines += [f"Allow: {path}" for path in ROBOTS_ALLOW]
    lines += [f"Disallow: {path}" for path in ROBOTS_DISALLOW]
    lines += ["", f"Sitemap: {absolute_url(reverse('sitemap'))}", ""]
    response = HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
    patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response
