import io

import pytest
from django.apps import apps
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def snapshot():
    """Every row of every project model, as plain values."""
    rows = {}
    for app_label in ("partners", "news", "events", "pages"):
        if not apps.is_installed(app_label):
            continue
        for model in apps.get_app_config(app_label).get_models():
            rows[model._meta.label] = sorted(map(repr, model.objects.order_by("pk").values_list()))
    return rows


def test_load_demo_twice_changes_nothing():
    first = io.StringIO()
    call_command("load_demo", stdout=first)
    before = snapshot()
    assert sum(len(r) for r in before.values()) > 30
    second = io.StringIO()
    call_command("load_demo", stdout=second)
    assert "(0 change(s))" in second.getvalue()
    assert snapshot() == before


def test_load_demo_dry_run_saves_nothing():
    call_command("load_demo", "--dry-run", stdout=io.StringIO())
    assert all(not rows for rows in snapshot().values())
