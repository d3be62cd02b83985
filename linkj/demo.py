"""Helpers for idempotent demo loaders: a second run must change nothing."""

from __future__ import annotations

from django.db import models


def sync(model: type[models.Model], lookup: dict, values: dict) -> tuple[models.Model, bool]:
    """Create or update one row; save only when a value really differs.

    Returns the object and whether anything was written.
    """
    obj = model.objects.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean(validate_unique=False, validate_constraints=False)
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
