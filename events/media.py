"""Who may see a speaker's photo (see linkj.media)."""

from __future__ import annotations

import datetime

from linkj.media import Visibility

from .models import Event, Speaker


def speaker_photo_visibility(name: str, now: datetime.datetime) -> Visibility | None:
    """Public when the event is published (Event.is_live mirrors EventQuerySet.live())."""
    speakers = (
        Speaker.objects.filter(photo=name)
        .select_related("event")
        # The dimension fields too: ImageField reads them when a row is loaded.
        .only("photo", "photo_width", "photo_height", "event__publication", "event__publish_at")
        .order_by()
    )
    return Visibility.combine((speaker.event.is_live(now=now), None) for speaker in speakers)


def live_image_uses(queryset, now: datetime.datetime):
    """Events whose library image visitors see: the published ones."""
    return queryset.filter(pk__in=Event.objects.live(now=now))
