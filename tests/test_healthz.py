import pytest
from django.core.files.storage import default_storage
from django.db import connection

from linkj import views

pytestmark = pytest.mark.django_db


def test_healthz_answers_ok_for_each_check_when_all_pass(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "storage": "ok"},
    }


def test_healthz_is_never_cached(client):
    cache_control = client.get("/healthz")["Cache-Control"]
    assert "no-store" in cache_control and "max-age=0" in cache_control


def test_healthz_leaves_no_probe_file_in_storage(client, media_root):
    client.get("/healthz")
    assert default_storage.listdir("healthz")[1] == []


def test_healthz_leaves_no_probe_key_in_the_cache(client, settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    from django.core.cache import cache

    client.get("/healthz")
    assert not any(":healthz:" in key for key in cache._cache)


def _broken(*args, **kwargs):
    raise OSError("secret-detail: connection refused to 10.0.0.7")


@pytest.mark.parametrize(
    ("failing", "target", "attribute"),
    [
        ("database", connection, "cursor"),
        ("cache", views.cache, "get"),
        ("storage", default_storage, "save"),
    ],
)
def test_healthz_answers_503_naming_the_failed_check(
    client, monkeypatch, caplog, failing, target, attribute
):
    monkeypatch.setattr(target, attribute, _broken)
    response = client.get("/healthz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "fail"
    assert body["checks"][failing] == "fail"
    assert [name for name, result in body["checks"].items() if result == "ok"] == [
        name for name in ("database", "cache", "storage") if name != failing
    ]
    # The reason is logged for operators, with the request id, and never shown to the caller.
    assert b"secret-detail" not in response.content and b"10.0.0.7" not in response.content
    failure = next(r for r in caplog.records if r.getMessage() == f"Health check {failing} failed")
    assert "secret-detail" in str(failure.exc_info[1])


def test_healthz_fails_when_the_cache_returns_something_else(client, monkeypatch):
    monkeypatch.setattr(views.cache, "get", lambda key, default=None: None)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["checks"]["cache"] == "fail"
