"""Helpers for idempotent demo loaders: a second run must change nothing."""

from __future__ import annotations

from django.db import models

from linkj.richtext import RichTextField, sanitize_html


def _as_stored(model: type[models.Model], name: str, value):
    # Rich text is stored sanitised; compare against what the database will hold.
    if isinstance(model._meta.get_field(name), RichTextField):
        return sanitize_html(value)
    return value


def sync(model: type[models.Model], lookup: dict, values: dict) -> tuple[models.Model, bool]:
    """Create or update one row; save only when a value really differs.

    Returns the object and whether anything was written.
    """
    values = {name: _as_stored(model, name, value) for name, value in values.items()}
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.save()
        return obj, True
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.save()
    return obj, bool(changed)


def sync_m2m(manager, objects) -> bool:
    wanted = {obj.pk for obj in objects}
    current = set(manager.values_list("pk", flat=True))
    if wanted == current:
        return False
    manager.set(objects)
    return True
