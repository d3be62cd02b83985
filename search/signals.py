"""Documents follow every model save and delete, wherever it happens (forms, admin,
load_demo, shell). Bulk inserts send no signal: their callers use documents.index()."""

from __future__ import annotations

from django.db.models.signals import post_delete, post_save


def _on_save(sender, instance, raw=False, **kwargs):
    from .documents import KIND_OF_MODEL, index

    if raw:  # loaddata: the rows' relations may not exist yet; index_missing() follows
        return
    index(KIND_OF_MODEL[sender], [instance.pk])


def _on_delete(sender, instance, **kwargs):
    from .documents import KIND_OF_MODEL, remove

    remove(KIND_OF_MODEL[sender], [instance.pk])


def _on_former_name_change(sender, instance, raw=False, **kwargs):
    from partners.models import Partner

    from .documents import KIND_OF_MODEL, index

    if raw:
        return
    if Partner.objects.filter(pk=instance.partner_id).exists():
        index(KIND_OF_MODEL[Partner], [instance.partner_id])


def connect() -> None:
    from events.models import Event
    from news.models import Release
    from partners.models import FormerName, Partner

    for model in (Partner, Release, Event):
        post_save.connect(_on_save, sender=model, dispatch_uid=f"search-save-{model.__name__}")
        post_delete.connect(
            _on_delete, sender=model, dispatch_uid=f"search-delete-{model.__name__}"
        )
    post_save.connect(_on_former_name_change, sender=FormerName, dispatch_uid="search-former")
    post_delete.connect(
        _on_former_name_change, sender=FormerName, dispatch_uid="search-former-delete"
    )


def index_missing_after_migrate(sender, using="default", **kwargs):
    from django.db import connections

    from .documents import index_missing

    # A plan that unapplies the search app leaves no table to write to.
    tables = connections[using].introspection.table_names()
    if "search_document" in tables:
        index_missing()
