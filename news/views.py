from __future__ import annotations

from django.db import transaction
from django.db.models import Prefetch
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language
from django.views.generic import DetailView

from linkj.views import FilteredListView
from partners.models import Agreement, Partner

from .filters import ReleaseFilter
from .models import Release, ReleaseDraft

PREVIEW_PERMISSION = "news.view_release"


def can_preview(user) -> bool:
    return bool(user.is_active and user.is_staff and user.has_perm(PREVIEW_PERMISSION))


class ReleaseListView(FilteredListView):
    filterset_class = ReleaseFilter
    template_name = "news/release_list.html"
    context_object_name = "releases"
    paginate_by = 10

    def get_queryset(self):
        return (
            Release.objects.listed()
            .prefetch_related(Prefetch("partners", queryset=Partner.objects.public()))
            .newest_first()
        )


class ReleaseDetailView(DetailView):
    template_name = "news/release_detail.html"
    context_object_name = "release"

    def get_object(self, queryset=None):
        language = get_language()
        agreements = Agreement.objects.select_related("partner")
        queryset = Release.objects.prefetch_related(
            "photos",
            "quotes",
            Prefetch("partners", queryset=Partner.objects.public()),
            Prefetch("agreements", queryset=agreements),
        )
        slug = self.kwargs["slug"]
        release = queryset.live(language).filter(slug=slug).first()
        self.is_preview = False
        if release is None and can_preview(self.request.user):
            release = queryset.filter(slug=slug).first()
            self.is_preview = release is not None
        if release is None:
            raise Http404("No live release with this address in this language.")
        return release

    def get(self, request, *args, **kwargs):
        if "draft" in request.GET and can_preview(request.user):
            return self._draft_preview(request, *args, **kwargs)
        response = super().get(request, *args, **kwargs)
        if self.is_preview or can_preview(request.user):
            # Staff see drafts and embargoed versions here: never let a cache keep them.
            add_never_cache_headers(response)
        return response

    def _draft_preview(self, request, *args, **kwargs):
        """The page as it will look once the pending draft is approved: the draft is applied
        inside a transaction, the page rendered, and everything rolled back."""
        from . import services

        with transaction.atomic():
            release = Release.objects.filter(slug=kwargs["slug"]).first()
            if release is None or not ReleaseDraft.objects.filter(release=release).exists():
                raise Http404("No pending draft.")
            services.show_draft(release)
            self.is_draft_preview = True
            response = super().get(request, *args, **kwargs)
            response.render()
            transaction.set_rollback(True)
        add_never_cache_headers(response)
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release = self.object
        language = get_language()
        now = timezone.now()
        live = Release.objects.live(language, now=now).exclude(pk=release.pk)
        older = live.filter(date__lt=release.date) | live.filter(
            date=release.date, pk__lt=release.pk
        )
        newer = live.filter(date__gt=release.date) | live.filter(
            date=release.date, pk__gt=release.pk
        )
        context["previous_release"] = (
            older.order_by("-date", "-pk").only("slug", "title", *_title_columns()).first()
        )
        context["next_release"] = (
            newer.order_by("date", "pk").only("slug", "title", *_title_columns()).first()
        )
        context["is_preview"] = self.is_preview
        context["is_draft_preview"] = getattr(self, "is_draft_preview", False)
        if can_preview(self.request.user):
            # "Edit this page" for staff; their pages are never cached (linkj/cache.py).
            context["admin_url"] = reverse("admin:news_release_change", args=[release.pk])
        context["live_languages"] = release.live_languages(now=now)
        context["photos"] = list(release.photos.all())
        context["quotes"] = list(release.quotes.all())
        context["release_partners"] = list(release.partners.all())
        context["attachments"] = release.attachments(
            None if self.is_preview else context["live_languages"]
        )
        return context


def _title_columns() -> list[str]:
    from .models import language_codes

    return [f"title_{code}" for code in language_codes()]
