"""The back office's two roles, defined once.

*Editors* write and correct partners, releases and events. *Publishers* may do everything
editors do, and also decide what goes live (publish, schedule, withdraw; for a partner:
disclose its name) and delete. The
groups and their permissions are brought in line with this file after every `migrate`
(and after a test database flush), so a new permission is granted by editing this file
only, never by a data migration.
"""

from __future__ import annotations

from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import DEFAULT_DB_ALIAS

EDITORS = "Editors"
PUBLISHERS = "Publishers"

# Content models per app: editors view, add and change them; publishers also delete them.
CONTENT = {
    "library": ["image", "document"],
    "partners": ["partner", "formername", "scopeitem", "agreement", "signatory"],
    "news": ["release", "releasephoto", "quote"],
    "events": ["venue", "category", "event", "speaker"],
    "members": ["organisation", "person"],
    "registrations": ["registrationsettings", "question", "registration"],
    "bookings": ["lounge", "openinghours", "booking"],
    "pages": ["page"],
    # The office answers enquiries and keeps the newsletter list.
    "contact": ["enquiry"],
    "newsletter": ["subscriber"],
}
# Beyond view/add/change: removing a photo or a quote is part of editing a release, and the
# revision history is there to be read.
EDITOR_EXTRA = [
    "news.delete_releasephoto",
    "news.delete_quote",
    "news.view_revision",
    "registrations.delete_question",
    "registrations.view_answer",
    "bookings.delete_openinghours",
]
PUBLISHER_EXTRA = [
    "news.publish_release",
    "events.publish_event",
    "partners.publish_partner",
    "pages.publish_page",
    "library.publish_image",
    "library.publish_document",
    # The audit log (linkj/admin.py): who published, withdrew, restored, deleted what.
    "admin.view_logentry",
]


def permissions_of(role: str) -> set[str]:
    """`app_label.codename` of every permission the role holds."""
    editor = {
        f"{app}.{action}_{model}"
        for app, models in CONTENT.items()
        for model in models
        for action in ("view", "add", "change")
    } | set(EDITOR_EXTRA)
    if role == EDITORS:
        return editor
    if role == PUBLISHERS:
        deletes = {f"{app}.delete_{model}" for app, models in CONTENT.items() for model in models}
        return editor | deletes | set(PUBLISHER_EXTRA)
    raise ValueError(f"unknown role {role!r}")


def sync_roles(using: str = DEFAULT_DB_ALIAS) -> None:
    """Create the groups if missing and give each exactly the permissions listed here."""
    from django.contrib.auth.models import Group, Permission

    for config in global_apps.get_app_configs():
        create_permissions(config, verbosity=0, using=using)
    for role in (EDITORS, PUBLISHERS):
        wanted = permissions_of(role)
        found = {
            f"{app}.{codename}": pk
            for pk, app, codename in Permission.objects.using(using).values_list(
                "pk", "content_type__app_label", "codename"
            )
        }
        missing = wanted - found.keys()
        if missing:
            raise LookupError(f"{role}: no such permission {sorted(missing)}")
        group, _created = Group.objects.using(using).get_or_create(name=role)
        group.permissions.set([found[name] for name in wanted])


def sync_roles_after_migrate(sender, using=DEFAULT_DB_ALIAS, **kwargs) -> None:
    # post_migrate is sent once per app that has models; permissions of every app exist
    # after the last of them.
    with_models = [config for config in global_apps.get_app_configs() if config.models_module]
    if sender is with_models[-1]:
        sync_roles(using=using)
