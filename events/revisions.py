"""What an event's revision holds (its speakers with their photos, its links to the venue,
category, co-host partners and related releases), and how a restored event waits for a
publisher: it is saved as a draft, whatever its state was."""

from __future__ import annotations

from linkj import revisions

from .models import Event, Publication, Speaker

PUBLISHING_FIELDS = ("publication", "publish_at")


def register() -> None:
    revisions.register(Speaker)
    revisions.register(Event, follow=["speakers"])


def unpublish(event: Event) -> None:
    event.publication = Publication.DRAFT


def restore(*, version, user) -> Event:
    return revisions.restore(
        version=version, user=user, keep=PUBLISHING_FIELDS, unpublish=unpublish
    )
