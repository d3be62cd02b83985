from __future__ import annotations

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from linkj.cache import remember
from linkj.links import absolute_url
from linkj.publishing import current_language
from news.models import Release
from partners import ledger

register = template.Library()

# As json_script does: nothing inside the data block can close the element or open a comment.
JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.inclusion_tag("news/includes/latest_releases.html")
def latest_releases(count: int = 4) -> dict:
    language = current_language()
    return {
        "releases": remember(
            f"news:latest:{language}:{int(count)}",
            lambda: list(Release.objects.live(language).newest_first()[: int(count)]),
        )
    }


@register.simple_tag
def json_ld(data: dict) -> str:
    """A JSON-LD data block, escaped like json_script so no text can close the element."""
    text = json.dumps(data, ensure_ascii=False, default=str).translate(JSON_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


@register.simple_tag(takes_context=True)
def release_json_ld(context, release: Release) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": release.title[:110],
        "datePublished": release.date.isoformat(),
        "dateModified": release.updated_at.isoformat(),
        "inLanguage": context.get("LANGUAGE_CODE", ""),
        "mainEntityOfPage": absolute_url(release.get_absolute_url()),
        "publisher": {"@type": "Organization", "name": "LINK-J"},
    }
    if release.lead:
        data["description"] = release.lead
    photos = context.get("photos") or []
    if photos:
        data["image"] = [absolute_url(photo.picture.url) for photo in photos]
    return json_ld(data)


# A release appends the partnership table as it stood on its date: its newest rows, with a
# link to the full history when there are more.
HISTORY_TABLE_ROWS = 100


@register.inclusion_tag("partners/includes/history_table.html")
def release_history_table(release: Release, caption: str = "") -> dict:
    """The chronological partnership table as of the release's date."""
    rows = remember(
        f"ledger:latest-history-rows:{release.date}:{HISTORY_TABLE_ROWS}",
        lambda: list(ledger.latest_history_rows(release.date, HISTORY_TABLE_ROWS)),
    )
    total = rows[0].ledger_total if rows else 0
    return {
        "rows": rows,
        "more": total - len(rows),
        "total": total,
        "as_of": release.date,
        "caption": caption,
    }
