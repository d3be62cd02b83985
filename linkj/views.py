import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.paginator import Page, Paginator
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView
from django_filters.views import FilterView

from linkj.cache import kept_fragment, remember
from linkj.links import absolute_url

logger = logging.getLogger(__name__)


# The {% shared %} fragments of base.html: everything above and below the messages.
PAGE_FRAGMENTS = ("page-top", "page-bottom")


class SharedPageMixin:
    """A public page that every visitor gets alike, apart from their messages.

    base.html then keeps everything but the messages in fragments shared by every visitor
    (PAGE_FRAGMENTS; linkj.cache.shared_fragment), rendered once per content change. When
    both are kept, the view does nothing else: no query, no filter form, no object; the
    template gets the kept HTML itself, so a fragment that expires meanwhile cannot leave a
    half page. Otherwise the view runs as usual and its rendering keeps the fragments.

    `shares_with(request)` says for whom: everyone by default (SharedDetailPageMixin: not
    staff).
    """

    share_fragments = False

    def shares_with(self, request) -> bool:
        return True

    def get(self, request, *args, **kwargs):
        self.share_fragments = settings.LINKJ_SHARED_FRAGMENTS and self.shares_with(request)
        if self.share_fragments:
            kept = {name: kept_fragment(request, name) for name in PAGE_FRAGMENTS}
            if None not in kept.values():
                context = {"view": self, "share_fragments": True, "kept_fragments": kept}
                return self.render_to_response(context)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["share_fragments"] = self.share_fragments
        return context


class SharedDetailPageMixin(SharedPageMixin):
    """A detail page: staff may get edit links and previews there, so they get it rendered in
    full; everyone else shares it."""

    def shares_with(self, request) -> bool:
        return not request.user.is_staff


class RememberedCountPaginator(Paginator):
    """A paginator whose COUNT is computed once per content change (linkj.cache.remember):
    counting 85,000 live releases costs more than rendering the page of ten."""

    def __init__(self, *args, count_name: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_name = count_name

    @cached_property
    def count(self) -> int:
        return remember(self.count_name, lambda: Paginator.count.func(self))


def elided_page_range(page: Page) -> list:
    """Page numbers around the current one and at both ends, with `…` between: a list of
    100,000 releases links a dozen pages, not ten thousand."""
    return list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))


class FilteredListView(SharedPageMixin, FilterView):
    """A public list with django-filter: the behaviour every list page shares.

    - A query string of only empty values (or only a page number) leaves the list unfiltered.
    - Invalid filter values show the form's message and an empty list, never a 500
      (django-filter's strict mode, the default).
    - A page number out of range or not a number shows the nearest page.
    - Templates get `query_without_page` to build pagination links that keep the filters,
      and `page_range`, the page numbers to link (elided).
    - The page is shared by every visitor (SharedPageMixin): filters, counts and results are
      worked out only when its fragments are not kept.
    """

    def get_template_names(self) -> list[str]:
        # Django's and django-filter's versions read the results, not worked out for a page
        # from kept fragments.
        return [self.template_name]

    def get_filterset_kwargs(self, filterset_class):
        kwargs = super().get_filterset_kwargs(filterset_class)
        data = kwargs["data"]
        if data is not None and not any(value for key, value in data.items() if key != "page"):
            kwargs["data"] = None
        return kwargs

    @cached_property
    def query_without_page(self):
        """The filters of the address: the query string without the page number."""
        query = self.request.GET.copy()
        query.pop(self.page_kwarg, None)
        return query

    def get_paginator(self, queryset, per_page, **kwargs):
        """Counts the list once per content change for each language and set of filters."""
        query = self.query_without_page
        filters = sorted((key, query.getlist(key)) for key in query)
        name = f"list-count:{self.request.path}:{get_language()}:{filters}"
        return RememberedCountPaginator(queryset, per_page, count_name=name, **kwargs)

    def paginate_queryset(self, queryset, page_size):
        paginator = self.get_paginator(queryset, page_size)
        page = paginator.get_page(self.request.GET.get(self.page_kwarg))
        return paginator, page, page.object_list, page.has_other_pages()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["query_without_page"] = self.query_without_page.urlencode()
        form = context["filter"].form
        # Shown on the collapsed filter button (phones): how many filters the list has on.
        context["active_filter_count"] = (
            sum(1 for name in form.fields if form.data.get(name)) if form.is_bound else 0
        )
        page = context.get("page_obj")
        context["page_range"] = elided_page_range(page) if page is not None else []
        return context


class HomeView(SharedPageMixin, TemplateView):
    template_name = "home.html"


def _check_database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        if cursor.fetchone() != (1,):
            raise RuntimeError("SELECT 1 did not answer 1")


def _check_cache() -> None:
    # A key and value of its own per probe: concurrent probes must not read each other's.
    key, value = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, value, timeout=10)
    try:
        if cache.get(key) != value:
            raise RuntimeError("the cache did not return what was just stored")
    finally:
        cache.delete(key)


def _check_storage() -> None:
    # A real write, read and delete: uploads need a writable storage, not only a reachable one.
    content = uuid.uuid4().hex.encode()
    name = default_storage.save(f"healthz/{uuid.uuid4().hex}.txt", ContentFile(content))
    try:
        with default_storage.open(name) as stored:
            if stored.read() != content:
                raise RuntimeError("the storage did not return what was just written")
    finally:
        default_storage.delete(name)


HEALTH_CHECKS = {"database": _check_database, "cache": _check_cache, "storage": _check_storage}


@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """For load balancers and monitors: 200 when every check passes, else 503.

    The body names each check and says "ok" or "fail", nothing more: the reason goes to the
    log with the request id, never to an anonymous caller.
    """
    checks = {}
    for name, check in HEALTH_CHECKS.items():
        try:
            check()
        except Exception:
            logger.exception("Health check %s failed", name)
            checks[name] = "fail"
        else:
            checks[name] = "ok"
    healthy = all(result == "ok" for result in checks.values())
    return JsonResponse(
        {"status": "ok" if healthy else "fail", "checks": checks}, status=200 if healthy else 503
    )


# Error pages: the site's layout in the address's language (LocaleMiddleware has run). They
# exist in no language, so the language switch leads to each language's home page and the
# page carries no canonical, hreflang or og:url copied from the address (base.html).
ERROR_CONTEXT = {"is_error_page": True}


def bad_request(request, exception=None):
    return render(request, "400.html", ERROR_CONTEXT, status=400)


def permission_denied(request, exception=None):
    return render(request, "403.html", ERROR_CONTEXT, status=403)


def csrf_failure(request, reason=""):
    """CSRF_FAILURE_VIEW: the form expired or cookies are off. Django logs the reason."""
    return render(request, "403_csrf.html", ERROR_CONTEXT, status=403)


def page_not_found(request, exception=None):
    return render(request, "404.html", ERROR_CONTEXT, status=404)


def uri_too_long(request):
    return render(request, "414.html", ERROR_CONTEXT, status=414)


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
