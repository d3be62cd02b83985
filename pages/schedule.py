"""When pages change by themselves: a language going live, a page taken down. The page cache
and the cached navigation both stop at the next such time."""

from __future__ import annotations

import datetime

from django.db.models import Min, Q

from linkj.cache import register_schedule
from linkj.publishing import Status, language_codes

from .models import Page


@register_schedule
def page_changes(now: datetime.datetime) -> list[datetime.datetime | None]:
    columns = [f"publish_at_{code}" for code in language_codes()] + ["unpublish_at"]
    upcoming = Q()
    for column in columns:
        upcoming |= Q(**{f"{column}__gt": now})
    found = (
        Page.objects.filter(upcoming, status=Status.PUBLISHED)
        .order_by()
        .aggregate(
            **{
                f"next_{column}": Min(column, filter=Q(**{f"{column}__gt": now}))
                for column in columns
            }
        )
    )
    return list(found.values())
