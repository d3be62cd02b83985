"""Revisions of pages, kept by django-reversion: every save, whatever saved it.

The admin wraps its saves in `reversion.create_revision()` (author and comment); any other
save (the demo loader, a shell, a service) gets a revision of its own from the post_save
receiver below. Restoring goes through `restore()`, which leaves the publishing state alone
for people who may not publish: restoring is an edit, not a way round the workflow.
"""

from __future__ import annotations

import datetime

import reversion
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils import timezone
from reversion.models import Version

from linkj.publishing import Status, language_codes

from .models import Page

PUBLISH_PERMISSION = "pages.publish_page"
PUBLISHING_FIELDS = ("status", "unpublish_at", *(f"publish_at_{c}" for c in language_codes()))
# modeltranslation keeps the untranslated column, a copy of the default language: the
# revisions keep every language's own column instead. Audit columns are not content.
NOT_KEPT = ("title", "nav_title", "summary", "body", "created_at", "updated_at", "updated_by")

reversion.register(Page, exclude=NOT_KEPT)


@receiver(post_save, sender=Page, dispatch_uid="pages.page_revision")
def keep_a_revision(sender, instance: Page, raw: bool = False, **kwargs) -> None:
    # Inside the admin's create_revision() block reversion adds the page itself; fixture
    # loading (raw) restores rows, it does not edit them.
    if raw or reversion.is_active():
        return
    with reversion.create_revision():
        reversion.set_user(instance.updated_by)
        reversion.add_to_revision(instance)


def versions_of(page: Page):
    """Oldest first, with their revision (author, time, comment) in the same query."""
    return (
        Version.objects.get_for_object(page)
        .select_related("revision__user")
        .order_by("revision__date_created", "pk")
    )


def _labels() -> dict[str, str]:
    return {field.attname: str(field.verbose_name) for field in Page._meta.concrete_fields}


def differences(older: dict, newer: dict) -> list[dict]:
    """Field by field, what changed between two versions' field dictionaries."""
    labels = _labels()
    changes = []
    for key in dict.fromkeys([*older, *newer]):
        if key == "id":
            continue
        before, after = older.get(key), newer.get(key)
        if before != after:
            changes.append(
                {"field": key, "label": labels.get(key, key), "old": before, "new": after}
            )
    return changes


def can_publish(user) -> bool:
    return bool(user.has_perm(PUBLISH_PERMISSION))


@transaction.atomic
def restore(*, version: Version, user) -> Page:
    """Put the page back as it was in `version` and keep that as a new revision."""
    page = Page.objects.select_for_update().get(pk=version.object_id)
    publisher = can_publish(user)
    for name, value in version.field_dict.items():
        if name == "id" or (not publisher and name in PUBLISHING_FIELDS):
            continue
        setattr(page, name, value)
    page.updated_by = user
    with reversion.create_revision():
        page.save()
        reversion.set_user(user)
        number = list(versions_of(page).values_list("pk", flat=True)).index(version.pk) + 1
        reversion.set_comment(f"Restored version {number}")
    return page


def _require_publisher(user) -> None:
    if not can_publish(user):
        raise PermissionDenied("Publishing needs the publish permission.")


@transaction.atomic
def publish(*, page: Page, user, at: datetime.datetime | None = None) -> Page:
    """Publish every language that has a title, from `at` (default: now); languages already
    scheduled keep their time."""
    _require_publisher(user)
    page = Page.objects.select_for_update().get(pk=page.pk)
    at = at or timezone.now()
    for code in language_codes():
        if getattr(page, f"title_{code}", "") and page.publish_at_for(code) is None:
            setattr(page, f"publish_at_{code}", at)
    page.status = Status.PUBLISHED
    page.updated_by = user
    with reversion.create_revision():
        page.save()
        reversion.set_user(user)
        reversion.set_comment("Published")
    return page


@transaction.atomic
def withdraw(*, page: Page, user) -> Page:
    _require_publisher(user)
    page = Page.objects.select_for_update().get(pk=page.pk)
    page.status = Status.WITHDRAWN
    page.updated_by = user
    with reversion.create_revision():
        page.save()
        reversion.set_user(user)
        reversion.set_comment("Withdrawn")
    return page
