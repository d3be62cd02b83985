from __future__ import annotations

import re

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from linkj.cache import remember
from linkj.views import RememberedCountPaginator, SharedPageMixin, elided_page_range

from .normalise import MAX_QUERY_LENGTH, is_too_short, terms
from .query import COUNT_LIMIT, GROUPS, capped_counts

PREVIEW_SIZE = 5  # results per group on the overview
PAGE_SIZE = 20  # results per page when one group is shown
CONTROL_CHARACTERS = re.compile(r"[\x00-\x1f\x7f]")


class SearchView(SharedPageMixin, TemplateView):
    """/<lang>/search/?q=…: partners, releases and events, a few of each, or one group in
    pages (?type=releases&page=2). Only what is live in the page's language is shown; the
    words may be typed in either language. The same for every visitor (SharedPageMixin)."""

    template_name = "search/search.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        raw = self.request.GET.get("q")
        # The middleware refuses control characters in addresses; a view called otherwise
        # (or a future exemption) must still never hand NUL to the database.
        query = CONTROL_CHARACTERS.sub(" ", raw or "")
        chosen = self.request.GET.get("type", "")
        groups = {group.key: group for group in GROUPS}
        context.update(
            query=query[:MAX_QUERY_LENGTH],
            searched=False,
            groups=[],
            group_choices=GROUPS,
            chosen=chosen if chosen in groups else "",
            max_length=MAX_QUERY_LENGTH,
        )
        if raw is None:
            return context
        words = [word for word in terms(query) if not is_too_short(word)]
        if len(query) > MAX_QUERY_LENGTH:
            context["problem"] = _("Your search is too long. Use at most %(count)d characters.") % {
                "count": MAX_QUERY_LENGTH
            }
            return context
        if not terms(query):
            context["problem"] = _("Type a word or a name to search for.")
            return context
        if not words:
            context["problem"] = _("Type at least two letters, or one kanji or kana character.")
            return context
        context.update(searched=True, terms=words)
        language = (get_language() or "ja").split("-")[0]
        if context["chosen"]:
            context["groups"] = [self._paged(groups[context["chosen"]], words, language)]
        else:
            context["groups"] = self._previews(words, language)
        context["total"] = sum(group["count"] for group in context["groups"])
        context["count_limit"] = COUNT_LIMIT
        context["capped"] = any(group["count"] >= COUNT_LIMIT for group in context["groups"])
        return context

    def _previews(self, words, language) -> list[dict]:
        """The first few of each group, and every group's count in one more query."""
        found = [group.find(words, language) for group in GROUPS]
        counts = remember(f"search:counts:{language}:{words}", lambda: capped_counts(found))
        return [
            {"group": group, "items": list(rows[:PREVIEW_SIZE]), "count": count, "page_obj": None}
            for group, rows, count in zip(GROUPS, found, counts, strict=True)
        ]

    def _paged(self, group, words, language) -> dict:
        # Paging covers the first COUNT_LIMIT results, counted by one bounded query.
        paginator = RememberedCountPaginator(
            group.find(words, language)[:COUNT_LIMIT],
            PAGE_SIZE,
            count_name=f"search:count:{group.key}:{language}:{words}",
        )
        page = paginator.get_page(self.request.GET.get("page"))
        query = self.request.GET.copy()
        query.pop("page", None)
        return {
            "group": group,
            "items": list(page.object_list),
            "count": paginator.count,
            "page_obj": page,
            "page_range": elided_page_range(page),
            "query_without_page": query.urlencode(),
        }
