"""The editorial workflow: revisions, restoring, publishing, withdrawing, and the pending
draft of a live release (saved beside it, sent to review, approved or sent back).

Each function is one transaction; the admin and the tests call these, never the fields directly.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from linkj.publishing import Status

from .models import (
    DraftState,
    Quote,
    Release,
    ReleaseDraft,
    ReleasePhoto,
    Revision,
    language_codes,
)

PUBLISH_PERMISSION = "news.publish_release"
# Publishing fields: only people with the publish permission may change them.
PUBLISHING_FIELDS = ("status", "unpublish_at", *(f"publish_at_{c}" for c in language_codes()))
TRANSLATED_BASE_FIELDS = ("title", "subtitle", "lead", "body")
QUOTE_FIELDS = ("speaker", "speaker_title", "organisation", "text")
PHOTO_TEXT_FIELDS = ("alt", "caption")
# What a revision's comment records, as a key: the history shows it in the reader's language.
PUBLISHED, WITHDRAWN, RESTORED, APPROVED = "published", "withdrawn", "restored", "approved"


def content_field_names() -> list[str]:
    """The release columns a revision keeps: every language's column, the PDFs by name."""
    names = []
    for field in Release._meta.concrete_fields:
        if field.name in ("id", "version", "created_at", "updated_at", "updated_by"):
            continue
        if field.name in (*TRANSLATED_BASE_FIELDS, "attachment"):
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
        elif hasattr(value, "name") and hasattr(value, "storage"):  # a file: its stored name
            value = value.name or ""
        data[name] = value
    data["partners"] = sorted(release.partners.values_list("pk", flat=True))
    data["agreements"] = sorted(release.agreements.values_list("pk", flat=True))
    data["documents"] = sorted(release.documents.values_list("pk", flat=True))
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
    # Uploaded files are never overwritten, so a photo is kept by its stored name.
    data["photos"] = [
        {
            "image": photo.image.name,
            "library_image_id": photo.library_image_id,
            "width": photo.width,
            "height": photo.height,
            "credit": photo.credit,
            **{
                f"{name}_{code}": getattr(photo, f"{name}_{code}")
                for name in PHOTO_TEXT_FIELDS
                for code in language_codes()
            },
        }
        for photo in release.photos.order_by("position", "pk")
    ]
    return data


def file_names(data: dict) -> list[str]:
    """The uploaded files a snapshot refers to."""
    names = [data.get(f"attachment_{code}") or "" for code in language_codes()]
    names += [photo["image"] for photo in data.get("photos", [])]
    return [name for name in names if name]


def record_revision(*, release: Release, user=None, comment: str = "") -> Revision:
    # `comment` is a key (PUBLISHED, "restored:3", …) that the history translates.
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


def _photos_still_available(photos: list[dict]) -> list[dict]:
    """The photos of a snapshot, less those whose media library image was deleted since (a
    draft or an old revision does not protect the image it names, as a photo row does)."""
    chosen = {photo.get("library_image_id") for photo in photos} - {None}
    if not chosen:
        return photos
    library = ReleasePhoto._meta.get_field("library_image").related_model
    present = set(library.objects.filter(pk__in=chosen).values_list("pk", flat=True))
    return [photo for photo in photos if photo.get("library_image_id") in present | {None}]


def apply_snapshot(release: Release, data: dict, *, keep_publishing: bool) -> Release:
    """Make the release (row, partners, agreements, quotes, photos) what `data` describes.

    With keep_publishing, the publishing state (status, schedule) stays as it is: restoring
    or approving content is not a way round the workflow. The caller saves the revision.
    """
    for name in content_field_names():
        if name not in data:
            continue
        if keep_publishing and name in PUBLISHING_FIELDS:
            continue
        field = Release._meta.get_field(name.removesuffix("_id"))
        value = data[name]
        if value is not None and field.get_internal_type() in ("DateTimeField", "DateField"):
            value = field.to_python(value)
        setattr(release, name, value)
    release.save()
    release.partners.set(data.get("partners", []))
    release.agreements.set(data.get("agreements", []))
    if "documents" in data:  # revisions from before the media library leave them alone
        library = Release._meta.get_field("documents").related_model
        release.documents.set(library.objects.filter(pk__in=data["documents"]))
    release.quotes.all().delete()
    Quote.objects.bulk_create(
        [
            Quote(release=release, position=index, **quote)
            for index, quote in enumerate(data.get("quotes", []))
        ]
    )
    if "photos" in data:  # revisions from before photos were kept leave the photos alone
        release.photos.all().delete()
        ReleasePhoto.objects.bulk_create(
            [
                ReleasePhoto(release=release, position=index, **photo)
                for index, photo in enumerate(_photos_still_available(data["photos"]))
            ]
        )
    return release


@transaction.atomic
def restore_revision(*, revision: Revision, user, can_publish: bool) -> Release:
    """Put a release's content back as it was in `revision`.

    A live release is not changed: the old content becomes its pending draft, which a
    publisher approves like any other. A release nobody can read yet is restored in place,
    as a new revision. Without the publish permission the publishing state is kept.
    """
    release = Release.objects.select_for_update().get(pk=revision.release_id)
    if release.status == Status.PUBLISHED:
        data = {**revision.data}
        for name in PUBLISHING_FIELDS:
            data[name] = snapshot(release)[name]
        save_draft(release=release, data=data, user=user)
        return release
    release.updated_by = user
    apply_snapshot(release, revision.data, keep_publishing=not can_publish)
    record_revision(release=release, user=user, comment=f"{RESTORED}:{revision.version}")
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
    record_revision(release=release, user=user, comment=PUBLISHED)
    return release


@transaction.atomic
def withdraw(*, release: Release, user) -> Release:
    _require_publisher(user)
    release = Release.objects.select_for_update().get(pk=release.pk)
    release.status = Status.WITHDRAWN
    release.updated_by = user
    release.save()
    record_revision(release=release, user=user, comment=WITHDRAWN)
    return release


# The pending draft of a live release


def save_draft(*, release: Release, data: dict, user) -> ReleaseDraft:
    """Keep `data` as the release's pending draft; the live row is not touched."""
    draft, _created = ReleaseDraft.objects.update_or_create(
        release=release,
        defaults={
            "data": data,
            "file_names": "\n".join(file_names(data)),
            "base_version": release.version,
            "author": user if user is not None and user.is_authenticated else None,
            "state": DraftState.DRAFT,
            "review_comment": "",
            "reviewed_by": None,
        },
    )
    return draft


def show_draft(release: Release) -> None:
    """Put the draft's content into the release's rows, for a form or a preview that the
    caller renders inside a transaction and then rolls back. The version stays the live
    one, so that the form's conflict check compares against what is really stored."""
    version = release.version
    apply_snapshot(release, release.draft.data, keep_publishing=True)
    Release.objects.filter(pk=release.pk).update(version=version)
    release.version = version


@transaction.atomic
def submit_for_review(*, draft: ReleaseDraft, user) -> ReleaseDraft:
    draft.state = DraftState.REVIEW
    draft.author = user
    draft.save(update_fields=["state", "author", "updated_at"])
    return draft


@transaction.atomic
def approve_draft(*, draft: ReleaseDraft, user) -> Release:
    """Make the draft live: one save of the release, one revision, and the draft is gone."""
    _require_publisher(user)
    release = Release.objects.select_for_update().get(pk=draft.release_id)
    release.updated_by = user
    apply_snapshot(release, draft.data, keep_publishing=True)
    record_revision(release=release, user=user, comment=APPROVED)
    draft.delete()
    return release


@transaction.atomic
def send_back(*, draft: ReleaseDraft, user, comment: str) -> ReleaseDraft:
    _require_publisher(user)
    draft.state = DraftState.SENT_BACK
    draft.review_comment = comment
    draft.reviewed_by = user
    draft.save(update_fields=["state", "review_comment", "reviewed_by", "updated_at"])
    return draft
