from __future__ import annotations

from django.http import Http404
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.generic import DetailView, ListView

from linkj.preview import mark_preview, wants_preview

from .models import Page

PREVIEW_PERMISSION = "pages.view_page"


def can_preview(user) -> bool:
    return bool(user.is_active and user.is_staff and user.has_perm(PREVIEW_PERMISSION))


class PageListView(ListView):
    """/<lang>/about/: every standing page live in this language."""

    template_name = "pages/page_list.html"
    context_object_name = "pages"

    def get_queryset(self):
        return Page.objects.live().order_by("position", "pk")


class PageDetailView(DetailView):
    """A live page; staff who may view pages also see drafts and embargoed versions here,
    marked as a preview, never cached and never indexed."""

    template_name = "pages/page_detail.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        slug = self.kwargs["slug"]
        page = Page.objects.live(get_language()).filter(slug=slug).first()
        self.is_preview = False
        if page is None and can_preview(self.request.user):
            page = Page.objects.filter(slug=slug).first()
            self.is_preview = page is not None
        if page is None:
            raise Http404("No live page with this address in this language.")
        return page

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.is_preview or can_preview(request.user):
            add_never_cache_headers(response)
            if wants_preview(request):
                mark_preview(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_preview"] = self.is_preview
        context["live_languages"] = self.object.live_languages(now=timezone.now())
        return context
