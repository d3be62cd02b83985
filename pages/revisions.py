"""Revisions of pages, kept by the site's revision service (`linkj.revisions`), as those of
partners, agreements, events and releases are.

The admin writes a revision once a page is saved (no signal writes them); publishing and
withdrawing write one too. Restoring puts a version's text back and saves the page as a
draft, whatever its state was: a restore never reaches visitors by itself, a publisher
publishes it again. Only publishers publish, schedule or withdraw.
"""

from __future__ import annotations

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from linkj import revisions
from linkj.publishing import Status, language_codes

from .models import Page

PUBLISH_PERMISSION = "pages.publish_page"
# A restore leaves these as they are now (restoring is an edit, not a way round the workflow).
PUBLISHING_FIELDS = ("status", "unpublish_at", *(f"publish_at_{c}" for c in language_codes()))


def register() -> None:
    revisions.register(Page)


def can_publish(user) -> bool:
    return bool(user.has_perm(PUBLISH_PERMISSION))


def unpublish(page: Page) -> None:
    page.status = Status.DRAFT


def restore(*, version, user) -> Page:
    """Put the page's text back as `version` held it, saved as a draft for a publisher."""
    return revisions.restore(
        version=version, user=user, keep=PUBLISHING_FIELDS, unpublish=unpublish
    )


def _require_publisher(user) -> None:
    if not can_publish(user):
        raise PermissionDenied("Publishing needs the publish permission.")


@transaction.atomic
def publish(*, page: Page, user, at: datetime.datetime | None = None) -> Page:
    """Publish every language that has a title, from `at` (default: now); languages already
    scheduled keep their time."""
    _require_publisher(user)
    page = Page.objects.select_for_update().get(pk=page.pk)
    revisions.ensure_baseline(obj=page)
    at = at or timezone.now()
    for code in language_codes():
        if getattr(page, f"title_{code}", "") and page.publish_at_for(code) is None:
            setattr(page, f"publish_at_{code}", at)
    page.status = Status.PUBLISHED
    page.updated_by = user
    page.save()
    revisions.save_revision(obj=page, user=user, comment=revisions.PUBLISHED)
    return page


@transaction.atomic
def withdraw(*, page: Page, user) -> Page:
    _require_publisher(user)
    page = Page.objects.select_for_update().get(pk=page.pk)
    revisions.ensure_baseline(obj=page)
    page.status = Status.WITHDRAWN
    page.updated_by = user
    page.save()
    revisions.save_revision(obj=page, user=user, comment=revisions.WITHDRAWN)
    return page
