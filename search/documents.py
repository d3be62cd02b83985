"""Keep one search document per partner, release and event.

Every save path goes through `index()`: model saves and the admin through signals
(search/signals.py), bulk inserts (the scale generator) by calling `index()` with the new
primary keys, and anything older by `index_missing()` (after each migrate, and the
`search_index` command).
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.conf import settings
from django.db import models
from django.utils.html import strip_tags

from events.models import Event
from news.models import Release
from partners.models import Partner

from .models import Document, Kind
from .normalise import document

BATCH = 1000


def _languages() -> list[str]:
    return [code for code, _name in settings.LANGUAGES]


def _plain(value: str | None) -> str:
    return html.unescape(strip_tags(value or ""))


def _translated(obj: models.Model, fields: Iterable[str]) -> Iterator[str]:
    for field in fields:
        for code in _languages():
            yield _plain(getattr(obj, f"{field}_{code}", ""))


def partner_texts(partner: Partner) -> list[str]:
    texts = [partner.name_reading, partner.slug]
    texts += _translated(partner, ("name", "short_name", "city", "description"))
    for former in partner.former_names.all():
        texts += _translated(former, ("name",))
    return texts


def release_texts(release: Release) -> list[str]:
    return list(_translated(release, ("title", "subtitle", "lead", "body")))


def event_texts(event: Event) -> list[str]:
    return list(_translated(event, ("title", "summary", "body")))


@dataclass(frozen=True)
class Source:
    model: type[models.Model]
    texts: object
    prefetch: tuple[str, ...] = ()


SOURCES = {
    Kind.PARTNER: Source(Partner, partner_texts, ("former_names",)),
    Kind.RELEASE: Source(Release, release_texts),
    Kind.EVENT: Source(Event, event_texts),
}
KIND_OF_MODEL = {source.model: kind for kind, source in SOURCES.items()}


def index(kind: str, pks: Iterable[int]) -> int:
    """Write the documents of these objects (insert or replace); returns how many."""
    source = SOURCES[kind]
    pks = list(pks)
    written = 0
    for start in range(0, len(pks), BATCH):
        objects = source.model.objects.filter(pk__in=pks[start : start + BATCH])
        if source.prefetch:
            objects = objects.prefetch_related(*source.prefetch)
        documents = [
            Document(kind=kind, object_id=obj.pk, text=document(source.texts(obj)))
            for obj in objects
        ]
        Document.objects.bulk_create(
            documents,
            update_conflicts=True,
            unique_fields=["kind", "object_id"],
            update_fields=["text"],
        )
        written += len(documents)
    return written


def remove(kind: str, pks: Iterable[int]) -> None:
    Document.objects.filter(kind=kind, object_id__in=list(pks)).delete()


def index_missing() -> dict[str, int]:
    """Documents for objects that have none (rows written before this app, or by raw SQL)."""
    written = {}
    for kind, source in SOURCES.items():
        indexed = Document.objects.filter(kind=kind).values("object_id")
        missing = source.model.objects.exclude(pk__in=indexed).values_list("pk", flat=True)
        written[kind] = index(kind, list(missing))
    return written


def rebuild() -> dict[str, int]:
    Document.objects.all().delete()
    return index_missing()
