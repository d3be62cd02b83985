"""Revisions of partners, agreements, events and standing pages, kept by django-reversion.

A revision holds the object and everything registered to follow it (a partner's agreements,
former names and signatories; an event's speakers), each with its files by stored name
(uploads are never overwritten, so a name brings the file back) and its links to shared
rows (scope items, venue, category, co-host partners) as keys.

Revisions are written here, by the admin calling `save_revision()` once the object and its
inlines are saved: no signal writes them. Restoring goes through `restore()`, which puts the
content back and then makes the object unpublished, so a restore never reaches visitors by
itself: a publisher publishes it again.

Each app registers its models (`register()`) and the step that unpublishes (`unpublish`).
This module imports no app.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from typing import Any

import reversion
from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from reversion.models import Revision, Version
from reversion.revisions import _get_options

# What a revision's comment records when this module writes it; the history translates it.
RESTORED = "restored"
BASELINE = "baseline"
PUBLISHED = "published"
WITHDRAWN = "withdrawn"
# Audit columns are not content; modeltranslation's untranslated column only mirrors the
# default language, so the revisions keep every language's own column instead.
AUDIT_FIELDS = ("created_at", "updated_at", "updated_by")
LANGUAGE_SUFFIX = re.compile(r"^(?P<base>.+)_(?P<language>[a-z]{2})$")


def translated_base_fields(model: type[models.Model]) -> list[str]:
    from modeltranslation.translator import NotRegistered, translator

    try:
        return list(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return []


def register(model: type[models.Model], *, follow: Iterable[str] = ()) -> None:
    if reversion.is_registered(model):
        return
    exclude = [
        name for name in (*AUDIT_FIELDS, *translated_base_fields(model)) if _has_field(model, name)
    ]
    reversion.register(model, follow=tuple(follow), exclude=exclude)


def _has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


# --- Writing -------------------------------------------------------------------------------


def save_revision(*, obj: models.Model, user=None, comment: str = "") -> Revision:
    """Keep `obj` as it is now, with what follows it, as one revision."""
    with transaction.atomic(), reversion.create_revision(manage_manually=True):
        if user is not None and user.is_authenticated:
            reversion.set_user(user)
        reversion.set_comment(comment)
        reversion.add_to_revision(obj)
    return versions_of(obj).last().revision


def ensure_baseline(*, obj: models.Model) -> None:
    """Objects made before revisions were kept (the demo, imports) get their current state
    kept once before the first change, so that the change can be undone."""
    if obj.pk and not versions_of(obj).exists():
        save_revision(obj=obj, user=None, comment=BASELINE)


def versions_of(obj: models.Model):
    """Oldest first, with their revision (author, time, comment) in the same query."""
    return (
        Version.objects.get_for_object(obj)
        .select_related("revision__user")
        .order_by("revision__date_created", "pk")
    )


def number_of(version: Version) -> int:
    """Versions are numbered from the oldest, 1, 2, 3, …"""
    return (
        Version.objects.filter(
            content_type_id=version.content_type_id,
            object_id=version.object_id,
            pk__lt=version.pk,
        ).count()
        + 1
    )


# --- Restoring -----------------------------------------------------------------------------


def _set_fields(obj: models.Model, data: dict, keep: Iterable[str] = ()) -> dict[str, list]:
    """Copy a version's columns onto `obj`; returns its many-to-many keys to set once saved."""
    m2m = {}
    for name, value in data.items():
        if name in keep or name == obj._meta.pk.attname:
            continue
        try:
            field = obj._meta.get_field(name.removesuffix("_id"))
        except FieldDoesNotExist:
            continue
        if isinstance(field, models.ManyToManyField):
            m2m[field.name] = list(value or [])
            continue
        if (
            isinstance(field, models.ForeignKey)
            and value is not None
            and getattr(obj, field.attname) != value
            and not field.related_model._default_manager.filter(pk=value).exists()
        ):
            # The row it pointed to (a venue, a category) is gone: keep today's link.
            continue
        setattr(obj, field.attname, value)
    return m2m


def _set_m2m(obj: models.Model, m2m: dict[str, list]) -> None:
    for name, keys in m2m.items():
        related = obj._meta.get_field(name).related_model
        # A linked row deleted since (a scope item, a co-host) cannot come back: skip it.
        existing = related._default_manager.filter(pk__in=keys).values_list("pk", flat=True)
        getattr(obj, name).set(list(existing))


def _restore_followers(obj: models.Model, versions: list[Version]) -> None:
    """Make each followed relation of `obj` hold exactly what the revision held."""
    for name in _get_options(type(obj)).follow:
        relation = obj._meta.get_field(name)
        child_model = relation.related_model
        parent_attname = relation.field.attname
        kept = [
            version
            for version in versions
            if version._model is child_model
            and str(version.field_dict.get(parent_attname)) == str(obj.pk)
        ]
        keep_pks = [version.field_dict[child_model._meta.pk.attname] for version in kept]
        getattr(obj, name).exclude(pk__in=keep_pks).delete()
        for version in kept:
            data = version.field_dict
            pk = data[child_model._meta.pk.attname]
            child = child_model._default_manager.filter(pk=pk).first() or child_model(pk=pk)
            m2m = _set_fields(child, data)
            child.save()
            _set_m2m(child, m2m)
            _restore_followers(child, versions)


@transaction.atomic
def restore(
    *,
    version: Version,
    user,
    keep: Iterable[str] = (),
    unpublish: Callable[[models.Model], Any],
) -> models.Model:
    """Put the object and its followers back as `version` held them, then unpublish it.

    `keep` names the publishing columns, which stay as they are (restoring is an edit, not a
    way round the workflow); `unpublish(obj)` then makes the object unpublished, so the
    restored content waits for a publisher. The result is kept as a new revision.
    """
    model = version._model
    obj = model._default_manager.select_for_update().get(pk=version.object_id)
    versions = list(version.revision.version_set.all())
    m2m = _set_fields(obj, version.field_dict, keep=keep)
    unpublish(obj)
    if hasattr(obj, "updated_by_id"):
        obj.updated_by = user
    obj.save()
    _set_m2m(obj, m2m)
    _restore_followers(obj, versions)
    save_revision(obj=obj, user=user, comment=f"{RESTORED}:{number_of(version)}")
    return obj


# --- Reading: labels and values in the reader's language ------------------------------------


def comment_text(comment: str) -> str:
    if not comment:
        return ""
    if comment == BASELINE:
        return _("State before the first change in the admin")
    if comment == PUBLISHED:
        return _("Published")
    if comment == WITHDRAWN:
        return _("Withdrawn")
    restored = re.fullmatch(rf"{RESTORED}:(\d+)", comment)
    if restored:
        return _("Restored from version %(version)s") % {"version": restored[1]}
    from django.contrib.admin.models import LogEntry

    return LogEntry(change_message=comment).get_change_message()


def language_name(code: str) -> str:
    return str(dict(settings.LANGUAGES).get(code, code))


def field_label(model: type[models.Model], key: str) -> str:
    match = LANGUAGE_SUFFIX.match(key)
    if match and match["language"] in dict(settings.LANGUAGES):
        if _has_field(model, match["base"]):
            base = model._meta.get_field(match["base"])
            return pgettext("field label in one language", "{label} [{language}]").format(
                label=capfirst(base.verbose_name), language=language_name(match["language"])
            )
    try:
        return str(capfirst(model._meta.get_field(key.removesuffix("_id")).verbose_name))
    except FieldDoesNotExist:
        return key


def value_text(model: type[models.Model], key: str, value) -> str:
    if value in (None, "", []):
        return "—"
    try:
        field = model._meta.get_field(key.removesuffix("_id"))
    except FieldDoesNotExist:
        return str(value)
    if isinstance(field, models.ManyToManyField):
        names = {
            obj.pk: str(obj) for obj in field.related_model._default_manager.filter(pk__in=value)
        }
        return "、".join(names.get(pk, f"#{pk}") for pk in value)
    if isinstance(field, models.ForeignKey):
        related = field.related_model._default_manager.filter(pk=value).first()
        return str(related) if related is not None else f"#{value}"
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(value) if isinstance(value, str) else value
        if isinstance(moment, datetime.datetime):
            return formats.date_format(timezone.localtime(moment), "DATETIME_FORMAT")
    if isinstance(field, models.DateField):
        day = parse_date(value) if isinstance(value, str) else value
        if isinstance(day, datetime.date):
            return formats.date_format(day, "DATE_FORMAT")
    if isinstance(field, models.FileField):
        return str(value).rsplit("/", 1)[-1]
    return str(value)


def _hidden(model, key: str, parents: set) -> bool:
    """Keys, sizes and links back to the parent say nothing to a reader."""
    if key in ("id", "position") or key.endswith(("_width", "_height")):
        return True
    try:
        field = model._meta.get_field(key.removesuffix("_id"))
    except FieldDoesNotExist:
        return False
    return isinstance(field, models.ForeignKey) and field.related_model in parents


def readable(version: Version) -> dict[str, dict]:
    """What a version holds, as {key: {"label", "text"}}: the object's own fields one by one,
    and each kind of followed row (agreements, speakers, …) as one entry, a line per row."""
    model = version._model
    versions = list(version.revision.version_set.all())
    parents = {v._model for v in versions}
    shown: dict[str, dict] = {}
    for key, value in version.field_dict.items():
        if not _hidden(model, key, parents):
            shown[key] = {"label": field_label(model, key), "text": value_text(model, key, value)}
    followers: dict[type, list[str]] = {}
    for other in versions:
        if other.pk == version.pk:
            continue
        child = other._model
        parts = [
            f"{field_label(child, key)}: {value_text(child, key, value)}"
            for key, value in other.field_dict.items()
            if not _hidden(child, key, parents) and value not in (None, "", [])
        ]
        followers.setdefault(child, []).append(" / ".join(parts))
    for child, lines in followers.items():
        shown[f"follow:{child._meta.label_lower}"] = {
            "label": str(capfirst(child._meta.verbose_name_plural)),
            "text": "\n".join(sorted(lines)),
        }
    return shown


def readable_now(obj: models.Model) -> dict[str, dict]:
    """What `obj` and its followers hold now, read like a version: kept as a revision inside
    a transaction that is then rolled back, so whatever changed outside the admin shows too."""
    with transaction.atomic():
        save_revision(obj=obj)
        shown = readable(versions_of(obj).last())
        transaction.set_rollback(True)
    return shown


def differences(older: dict[str, dict], newer: dict[str, dict]) -> list[dict]:
    """Row by row, what differs between two `readable()` results."""
    empty = {"label": "", "text": "—"}
    changes = []
    for key in dict.fromkeys([*older, *newer]):
        before, after = older.get(key, empty), newer.get(key, empty)
        if before["text"] != after["text"]:
            changes.append(
                {
                    "label": after["label"] or before["label"],
                    "old": before["text"],
                    "new": after["text"],
                }
            )
    return changes
