from __future__ import annotations

from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.translation import get_language, get_language_info
from django.views.generic import DetailView

from linkj.preview import mark_preview, wants_preview
from linkj.publishing import can_preview
from linkj.views import FilteredListView, SharedDetailPageMixin
from partners.models import Partner

from .filters import ReleaseFilter, partner_by_slug_or_id
from .models import Release, ReleaseDraft, ReleasePhoto, language_codes


class ReleaseListView(FilteredListView):
    filterset_class = ReleaseFilter
    template_name = "news/release_list.html"
    context_object_name = "releases"
    paginate_by = 10

    def get_queryset(self):
        return (
            Release.objects.on_list_page()
            .prefetch_related(Prefetch("partners", queryset=Partner.objects.live()))
            .newest_first()
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        slug = self.filterset.form.cleaned_data.get("partner") if self.filterset.is_bound else ""
        if slug and not self.filterset.form.errors:
            context["about_partner"] = (
                Partner.objects.live().filter(partner_by_slug_or_id(slug)).first()
            )
            query = self.request.GET.copy()
            for key in ("partner", self.page_kwarg):
                query.pop(key, None)
            context["query_without_partner"] = query.urlencode()
        return context


class ReleaseDetailView(SharedDetailPageMixin, DetailView):
    template_name = "news/release_detail.html"
    context_object_name = "release"
    is_preview = False

    def get_object(self, queryset=None):
        language = get_language()
        self.now = timezone.now()
        queryset = with_neighbours(
            Release.objects.prefetch_related(
                Prefetch("photos", queryset=ReleasePhoto.objects.select_related("library_image")),
                "quotes",
                Prefetch("partners", queryset=Partner.objects.live()),
            )
            # Most releases pick no library document: ask in the release's own query, and
            # load them (one more query) only when there are some.
            .annotate(
                has_documents=Exists(
                    Release.documents.through.objects.filter(release=OuterRef("pk"))
                )
            ),
            language,
            self.now,
        )
        slug = self.kwargs["slug"]
        release = queryset.live(language, now=self.now).filter(slug=slug).first()
        self.is_preview = False
        if release is None and can_preview(self.request.user, Release):
            release = queryset.filter(slug=slug).first()
            self.is_preview = release is not None
        if release is None:
            raise Http404("No live release with this address in this language.")
        return release

    def get(self, request, *args, **kwargs):
        if "draft" in request.GET and can_preview(request.user, Release):
            return self._draft_preview(request, *args, **kwargs)
        try:
            response = super().get(request, *args, **kwargs)
        except Http404:
            return self._not_in_this_language(request, kwargs["slug"])
        if self.is_preview or can_preview(request.user, Release):
            # Staff see drafts and embargoed versions here: never let a cache keep them.
            add_never_cache_headers(response)
            if wants_preview(request):
                mark_preview(response)
        return response

    def _not_in_this_language(self, request, slug):
        """A release live in another language only (a link shared from the Japanese page):
        a 404 that says so and links the languages it is live in, instead of a bare 404."""
        now = timezone.now()
        release = Release.objects.live_anywhere(now=now).filter(slug=slug).first()
        if release is None:
            raise Http404("No live release with this address.")
        languages = release.live_languages(now=now)
        context = {
            "release": release,
            "versions": [
                {
                    "code": code,
                    "name": get_language_info(code)["name_local"],
                    "url": release.url_in(code),
                }
                for code in languages
            ],
            # The language switch and hreflang name only the languages the release is live in.
            "page_languages": languages,
            "hide_canonical": True,
        }
        return render(request, "news/release_not_in_language.html", context, status=404)

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
        return mark_preview(response)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        release = self.object
        context["previous_release"] = neighbour(release, "previous")
        context["next_release"] = neighbour(release, "next")
        context["is_preview"] = self.is_preview
        context["is_draft_preview"] = getattr(self, "is_draft_preview", False)
        context["live_languages"] = release.live_languages(now=self.now)
        if not self.is_preview:
            # Switch and hreflang only to languages the release is live in (no link to a 404).
            context["page_languages"] = context["live_languages"]
        context["photos"] = list(release.photos.all())
        context["quotes"] = list(release.quotes.all())
        context["documents"] = list(release.documents.all()) if release.has_documents else []
        context["release_partners"] = list(release.partners.all())
        context["attachments"] = release.attachments(
            None if self.is_preview else context["live_languages"]
        )
        return context


def _neighbour_fields() -> list[str]:
    return ["slug", *(f"title_{code}" for code in language_codes())]


def with_neighbours(queryset, language: str, now):
    """Annotate the slug and titles of the live releases just before and after each one
    (by date, then entry order), so that a detail page needs no query of its own for them."""
    live = Release.objects.live(language, now=now)
    # The plain bound on the date lets the (date, id) index start at the release itself;
    # with only the OR, the database walks the index from the newest release down.
    older = live.filter(
        Q(date__lte=OuterRef("date")) & (Q(date__lt=OuterRef("date")) | Q(pk__lt=OuterRef("pk")))
    ).order_by("-date", "-pk")
    newer = live.filter(
        Q(date__gte=OuterRef("date")) & (Q(date__gt=OuterRef("date")) | Q(pk__gt=OuterRef("pk")))
    ).order_by("date", "pk")
    annotations = {}
    for side, candidates in (("previous", older), ("next", newer)):
        for field in _neighbour_fields():
            annotations[f"{side}_{field}"] = Subquery(candidates.values(field)[:1])
    return queryset.annotate(**annotations)


def neighbour(release: Release, side: str) -> Release | None:
    """The previous or next release annotated by `with_neighbours()`, enough to link it."""
    values = {field: getattr(release, f"{side}_{field}") for field in _neighbour_fields()}
    return Release(**values) if values["slug"] else None
