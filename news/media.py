"""Who may see a release's photos and PDFs (see linkj.media)."""

from __future__ import annotations

import datetime

from django.db.models import Q

from linkj.media import Visibility

from .models import Release, ReleaseDraft, ReleasePhoto, language_codes


def _liveness_fields() -> list[str]:
    """What Release.is_live() reads: enough to decide without loading bodies."""
    codes = language_codes()
    return [
        "status",
        "unpublish_at",
        *(f"title_{code}" for code in codes),
        *(f"publish_at_{code}" for code in codes),
    ]


def _with_drafts(visibility: Visibility | None, name: str) -> Visibility | None:
    """A file uploaded into a pending draft belongs to no release yet: staff who may preview
    see it (the draft's preview needs it); nobody else does."""
    if visibility is None and ReleaseDraft.objects.filter(file_names__contains=name).exists():
        return Visibility(public=False)
    return visibility


def attachment_visibility(name: str, now: datetime.datetime) -> Visibility | None:
    """A PDF in one language is public when the release is live in that language."""
    codes = language_codes()
    condition = Q()
    for code in codes:
        condition |= Q(**{f"attachment_{code}": name})
    releases = (
        Release.objects.filter(condition)
        .only(*_liveness_fields(), *(f"attachment_{code}" for code in codes))
        .order_by()
    )
    return _with_drafts(
        Visibility.combine(
            (
                any(
                    getattr(release, f"attachment_{code}").name == name
                    and release.is_live(code, now=now)
                    for code in codes
                ),
                release.unpublish_at,
            )
            for release in releases
        ),
        name,
    )


def photo_visibility(name: str, now: datetime.datetime) -> Visibility | None:
    """A photo is public when its release is live in some language."""
    photos = (
        ReleasePhoto.objects.filter(image=name)
        .select_related("release")
        # The dimension fields too: ImageField reads them when a row is loaded.
        .only("image", "width", "height", *(f"release__{f}" for f in _liveness_fields()))
        .order_by()
    )
    return _with_drafts(
        Visibility.combine(
            (bool(photo.release.live_languages(now=now)), photo.release.unpublish_at)
            for photo in photos
        ),
        name,
    )


def live_release_uses(queryset, now: datetime.datetime):
    """Releases (choosing library documents) live in some language."""
    return queryset.live_anywhere(now=now)


def live_photo_uses(queryset, now: datetime.datetime):
    """Photos (with a library image) of releases live in some language."""
    return queryset.filter(release__in=Release.objects.live_anywhere(now=now))
