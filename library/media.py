"""Who may see a library file (see linkj.media).

Kept simple on purpose: a library file is public when it is marked "always public", or when
at least one live item uses it (a release live in some language, a disclosed partner, a
published event: each app registers its rule in linkj.extensions.library_uses). Otherwise it
is private: staff who may view the library see it, nobody else does.
"""

from __future__ import annotations

import datetime

from django.apps import apps

from linkj import extensions
from linkj.media import Visibility

from .models import Document, Image


def _live_uses(item, now: datetime.datetime) -> list[tuple[bool, datetime.datetime | None]]:
    owners = []
    model_label = item._meta.label_lower
    for use in extensions.library_uses:
        model = apps.get_model(use.model)
        field = model._meta.get_field(use.field)
        if field.related_model._meta.label_lower != model_label:
            continue
        rows = use.live(model._default_manager.filter(**{use.field: item}), now).order_by()
        if use.until:
            owners += [(True, until) for until in rows.values_list(use.until, flat=True)[:100]]
        elif rows.exists():
            owners.append((True, None))
    return owners


def visibility_of(item, now: datetime.datetime) -> Visibility:
    if item.is_public:
        return Visibility(public=True)
    return Visibility.combine(_live_uses(item, now)) or Visibility(public=False)


def _resolve(model, name: str, now: datetime.datetime) -> Visibility | None:
    items = list(model.objects.filter(file=name).order_by())
    if not items:
        return None
    verdicts = [visibility_of(item, now) for item in items]
    return Visibility.combine((verdict.public, verdict.until) for verdict in verdicts)


def image_visibility(name: str, now: datetime.datetime) -> Visibility | None:
    return _resolve(Image, name, now)


def document_visibility(name: str, now: datetime.datetime) -> Visibility | None:
    return _resolve(Document, name, now)
