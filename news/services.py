"""The editorial workflow: revisions, restoring, publishing, withdrawing.

Each function is one transaction; the admin and the tests call these, never the fields directly.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from .models import Quote, Release, Revision, Status, language_codes

PUBLISH_PERMISSION = "news.publish_release"
# Publishing fields: only people with the publish permission may change them.
PUBLISHING_FIELDS = ("status", "unpublish_at", *(f"publish_at_{c}" for c in language_codes()))
TRANSLATED_BASE_FIELDS = ("title", "subtitle", "lead", "body")
QUOTE_FIELDS = ("speaker", "speaker_title", "organisation", "text")


def content_field_names() -> list[str]:
    """The release columns a revision keeps (every language's column, no files)."""
    names = []
    for field in Release._meta.concrete_fields:
        if field.name in ("id", "version", "created_at", "updated_at", "updated_by"):
            continue
        if field.get_internal_type() == "FileField":
            continue
        if field.name in TRANSLATED_BASE_FIELDS:
            # The untranslated base column only mirrors the default language.
            continue
        names.append(field.attname)
    return names


def snapshot(release: Release) -> dict:
    data = {}
    for name in content_field_names():
        value = getattr(release, name)
        if isinstance(value, datetime.datetime | datetime.date):
            value = value.isoformat()
        data[name] = value
    data["partners"] = sorted(release.partners.values_list("pk", flat=True))
    data["agreements"] = sorted(release.agreements.values_list("pk", flat=True))
    data["quotes"] = [
        {
            "kind": quote.kind,
            **{
                f"{name}_{code}": getattr(quote, f"{name}_{code}")
                for name in QUOTE_FIELDS
                for code in language_codes()
            },
        }
        for quote in release.quotes.order_by("position", "pk")
    ]
    return data


def record_revision(*, release: Release, user=None, comment: str = "") -> Revision:
    """Keep the release as it is now, as the revision of its current version.

    Every save moves the version on and records a revision (see signals.py); the admin and
    the services call this again once relations are saved, which completes that same
    revision with the author, the comment and the related objects.
    """
    author = user if user is not None and user.is_authenticated else None
    revision, _created = Revision.objects.update_or_create(
        release=release,
        version=release.version,
        defaults={"author": author, "comment": comment[:200], "data": snapshot(release)},
    )
    return revision


def differences(older: dict, newer: dict) -> list[dict]:
    """Field by field, what changed between two snapshots."""
    labels = _labels()
    changes = []
    for key in dict.fromkeys([*older, *newer]):
        before, after = older.get(key), newer.get(key)
        if before != after:
            changes.append(
                {"field": key, "label": labels.get(key, key), "old": before, "new": after}
            )
    return changes


def _labels() -> dict:
    labels = {"partners": Release._meta.get_field("partners").verbose_name}
    labels["agreements"] = Release._meta.get_field("agreements").verbose_name
    labels["quotes"] = Quote._meta.verbose_name_plural
    for field in Release._meta.concrete_fields:
        labels[field.attname] = field.verbose_name
    return labels


@transaction.atomic
def restore_revision(*, revision: Revision, user, can_publish: bool) -> Release:
    """Put a release's content back as it was in `revision`, and record that as a new revision.

    Without the publish permission the publishing state (status, schedule) is left as it is:
    restoring is an edit, not a way round the workflow.
    """
    release = Release.objects.select_for_update().get(pk=revision.release_id)
    data = revision.data
    for name in content_field_names():
        if name not in data:
            continue
        if not can_publish and name in PUBLISHING_FIELDS:
            continue
        field = Release._meta.get_field(name.removesuffix("_id"))
        value = data[name]
        if value is not None and field.get_internal_type() in ("DateTimeField", "DateField"):
            value = field.to_python(value)
        setattr(release, name, value)
    release.updated_by = user
    release.save()
    release.partners.set(data.get("partners", []))
    release.agreements.set(data.get("agreements", []))
    release.quotes.all().delete()
    Quote.objects.bulk_create(
        [
            Quote(release=release, position=index, **quote)
            for index, quote in enumerate(data.get("quotes", []))
        ]
    )
    record_revision(
        release=release,
        user=user,
        comment=f"Restored version {revision.version}",
    )
    return release


def _require_publisher(user) -> None:
    if not user.has_perm(PUBLISH_PERMISSION):
        raise PermissionDenied("Publishing needs the publish permission.")


@transaction.atomic
def publish(
    *,
    release: Release,
    user,
    languages: list[str] | None = None,
    at: datetime.datetime | None = None,
) -> Release:
    """Publish the given languages (default: every language that has a title) from `at`
    (default: now). Languages already scheduled keep their time unless `at` is given."""
    _require_publisher(user)
    release = Release.objects.select_for_update().get(pk=release.pk)
    at = at or timezone.now()
    for code in languages or language_codes():
        if not getattr(release, f"title_{code}", ""):
            continue
        if languages is not None or getattr(release, f"publish_at_{code}") is None:
            setattr(release, f"publish_at_{code}", at)
    release.status = Status.PUBLISHED
    release.updated_by = user
    release.save()
    record_revision(release=release, user=user, comment="Published")
    return release


@transaction.atomic
def withdraw(*, release: Release, user) -> Release:
    _require_publisher(user)
    release = Release.objects.select_for_update().get(pk=release.pk)
    release.status = Status.WITHDRAWN
    release.updated_by = user
    release.save()
    record_revision(release=release, user=user, comment="Withdrawn")
    return release
