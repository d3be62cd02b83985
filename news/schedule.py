"""When the news pages change by themselves: a language going live, a release taken down."""

from __future__ import annotations

import datetime

from django.db.models import Min, Q

from linkj.cache import register_schedule
from linkj.publishing import Status

from .models import Release, language_codes


@register_schedule
def release_changes(now: datetime.datetime) -> list[datetime.datetime | None]:
    columns = [f"publish_at_{code}" for code in language_codes()] + ["unpublish_at"]
    upcoming = Q()
    for column in columns:
        upcoming |= Q(**{f"{column}__gt": now})
    # The OR of indexed columns keeps the scan to scheduled rows; a status change is a save.
    found = (
        Release.objects.filter(upcoming, status=Status.PUBLISHED)
        .order_by()
        .aggregate(
            **{
                f"next_{column}": Min(column, filter=Q(**{f"{column}__gt": now}))
                for column in columns
            }
        )
    )
    return list(found.values())
