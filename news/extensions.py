"""What news adds to the pages of the apps below it (see linkj/extensions.py)."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from linkj import extensions

from .models import Release
from .sitemaps import ReleaseSitemap

# A partner's page shows its newest releases and links to the news list for the rest.
PARTNER_PAGE_RELEASES = 10


def partner_releases(partner) -> dict | None:
    # One more than shown, to know whether to link to the rest (one query).
    releases = list(
        Release.objects.live().filter(partners=partner).newest_first()[: PARTNER_PAGE_RELEASES + 1]
    )
    if not releases:
        return None
    return {
        "partner": partner,
        "releases": releases[:PARTNER_PAGE_RELEASES],
        "more_releases": len(releases) > PARTNER_PAGE_RELEASES,
    }


def with_announcement(agreements: QuerySet) -> QuerySet:
    """Annotate `announcement`: the slug of the earliest release live in the active language
    that announced the partnership.

    The order is by an expression, not the bare column, on purpose: given ORDER BY date LIMIT 1,
    PostgreSQL walks the (date, id) index of all 100,000 releases probing each for this
    agreement (12 s for a history page at scale); an expression the index cannot serve makes it
    start from the agreement's few releases instead (0.3 s). Same rows, same order."""
    announcing = (
        Release.objects.live()
        .filter(agreements=OuterRef("pk"))
        .order_by(Coalesce("date", "date"), "pk")
    )
    return agreements.annotate(announcement=Subquery(announcing.values("slug")[:1]))


def register() -> None:
    extensions.partner_page.register(
        "news", extensions.Section("news/includes/partner_releases.html", partner_releases)
    )
    extensions.partnership_row_annotations.register("news", with_announcement)
    extensions.partnership_row_templates.register("news", "news/includes/announcement_link.html")
    extensions.sitemaps.register("news", ("news", ReleaseSitemap))
