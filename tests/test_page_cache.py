"""The page cache: what it keeps, for whom, and how every change reaches visitors."""

import datetime
import gzip
import io
import os
import re
import subprocess
import sys

import pytest
import time_machine
from django.apps import apps
from django.contrib.messages import constants
from django.contrib.messages.storage.base import Message
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils.cache import add_never_cache_headers

from events.models import Event, Venue
from linkj import cache as page_cache
from news.models import Release
from partners.models import FormerName, Partner, Signatory
from tests.events.factories import CategoryFactory, EventFactory, SpeakerFactory, VenueFactory
from tests.factories import AgreementFactory, PartnerFactory, ScopeItemFactory, UserFactory
from tests.news.factories import (
    DraftReleaseFactory,
    QuoteFactory,
    ReleaseFactory,
    ReleasePhotoFactory,
)

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 20, 3, 0, tzinfo=datetime.UTC)  # 12:00 in Tokyo
LONG_AGO = datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.LINKJ_PAGE_CACHE = True


@pytest.fixture
def content():
    """One of everything a public page shows."""
    partner = PartnerFactory(slug="osaka", name_en="City of Osaka")
    agreement = AgreementFactory(partner=partner, scope_items=[ScopeItemFactory()])
    Signatory.objects.create(agreement=agreement, name_ja="山田", name_en="Yamada")
    FormerName.objects.create(partner=partner, name_ja="旧名", name_en="Old name")
    release = ReleaseFactory(
        slug="osaka-mou",
        title_en="Osaka signs",
        partners=[partner],
        publish_at_ja=LONG_AGO,
        publish_at_en=LONG_AGO,
    )
    release.agreements.add(agreement)
    ReleasePhotoFactory(release=release)
    QuoteFactory(release=release)
    from news.services import save_draft, snapshot

    save_draft(release=release, data=snapshot(release), user=None)
    event = EventFactory(
        slug="lounge-opening",
        title_en="Lounge opening",
        venue=VenueFactory(slug="nyc-lounge"),
        category=CategoryFactory(),
        starts_at=NOW + datetime.timedelta(days=30),
        ends_at=NOW + datetime.timedelta(days=30, hours=2),
        partners=[partner],
    )
    SpeakerFactory(event=event)
    event.related_releases.add(release)
    return {"partner": partner, "release": release, "event": event}


PUBLIC_URLS = [
    "/ja/",
    "/en/partners/",
    "/ja/partners/osaka/",
    "/en/partners/history/",
    "/ja/news/",
    "/en/news/osaka-mou/",
    "/ja/news/feed/",
    "/en/news/atom/",
    "/ja/events/",
    "/en/events/lounge-opening/",
    "/ja/events/lounge-opening/event.ics",
    "/ja/events/calendar.ics",
    "/en/events/venues/nyc-lounge/",
    "/ja/events/venues/nyc-lounge/calendar.ics",
    "/sitemap.xml",
]


def queries_for(client, url: str, **headers) -> tuple[int, object]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, headers=headers)
    return len(captured.captured_queries), response


def text(response) -> str:
    return response.content.decode()


# --- What is cached -------------------------------------------------------------------------


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_second_visit_is_served_from_the_cache_without_a_query(client, content, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first["X-Page-Cache"] == "miss"
    count, second = queries_for(client, url)
    assert count == 0
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]


@time_machine.travel(NOW, tick=False)
def test_calendar_file_keeps_its_download_name_when_cached(client, content):
    client.get("/ja/events/calendar.ics")
    cached = client.get("/ja/events/calendar.ics")
    assert cached["X-Page-Cache"] == "hit"
    assert cached["Content-Disposition"] == 'attachment; filename="link-j-events.ics"'


def test_head_is_answered_from_the_page_cached_by_get(client, content):
    client.get("/ja/news/")
    with CaptureQueriesContext(connection) as captured:
        response = client.head("/ja/news/")
    assert len(captured.captured_queries) == 0
    assert response["X-Page-Cache"] == "hit"
    assert response.content == b""


def test_japanese_and_english_pages_are_never_mixed(client, content):
    for _round in range(2):
        japanese = client.get("/ja/news/")
        english = client.get("/en/news/")
        assert '<html lang="ja">' in text(japanese)
        assert '<html lang="en">' in text(english)
        assert "Osaka signs" in text(english)
        assert "Osaka signs" not in text(japanese)
    assert japanese["X-Page-Cache"] == english["X-Page-Cache"] == "hit"


def test_the_page_cache_can_be_turned_off(client, content, settings):
    settings.LINKJ_PAGE_CACHE = False
    settings.LINKJ_SHARED_FRAGMENTS = False  # tests/test_shared_fragments.py has those
    client.get("/ja/news/")
    count, response = queries_for(client, "/ja/news/")
    assert count > 0
    assert not response.has_header("X-Page-Cache")


@pytest.mark.parametrize(("value", "enabled"), [("off", "False"), ("on", "True"), ("", "True")])
def test_the_environment_variable_turns_the_page_cache_off(value, enabled):
    env = {**os.environ, "LINKJ_PAGE_CACHE": value}
    result = subprocess.run(
        [sys.executable, "-c", "from linkj.settings import base; print(base.LINKJ_PAGE_CACHE)"],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert result.stdout.strip() == enabled


# --- Invalidation on saves, deletes and links -----------------------------------------------


def test_a_partner_rename_shows_on_the_partner_list(client, content):
    assert "City of Osaka" in text(client.get("/en/partners/"))
    partner = content["partner"]
    partner.name_en = "Osaka City Government"
    partner.save()
    response = client.get("/en/partners/")
    assert "Osaka City Government" in text(response)
    assert "City of Osaka" not in text(response)


def test_publishing_a_release_shows_it_on_the_news_list_and_feed(client, content):
    draft = DraftReleaseFactory(title_en="Kobe joins")
    assert "Kobe joins" not in text(client.get("/en/news/"))
    assert "Kobe joins" not in text(client.get("/en/news/feed/"))
    assert "Kobe joins" not in text(client.get("/en/news/feed/"))  # from the cache
    publisher = UserFactory(is_superuser=True)
    from news import services

    services.publish(release=draft, user=publisher)
    assert "Kobe joins" in text(client.get("/en/news/"))
    assert "Kobe joins" in text(client.get("/en/news/feed/"))


def test_withdrawing_a_release_removes_it_from_the_list(client, content):
    assert "Osaka signs" in text(client.get("/en/news/"))
    from news import services

    services.withdraw(release=content["release"], user=UserFactory(is_superuser=True))
    assert "Osaka signs" not in text(client.get("/en/news/"))


def test_an_event_edit_shows_in_its_calendar_file(client, content):
    event = content["event"]
    assert "Lounge opening" in text(client.get("/en/events/lounge-opening/event.ics"))
    event.title_en = "Lounge grand opening"
    event.save()
    assert "Lounge grand opening" in text(client.get("/en/events/lounge-opening/event.ics"))


def test_deleting_a_release_removes_it_from_the_list(client, content):
    assert "Osaka signs" in text(client.get("/en/news/"))
    content["release"].delete()
    assert "Osaka signs" not in text(client.get("/en/news/"))


def test_linking_a_release_to_a_partner_shows_on_the_partner_page(client, content):
    other = ReleaseFactory(title_en="Osaka opens a lab")
    assert "Osaka opens a lab" not in text(client.get("/en/partners/osaka/"))
    other.partners.add(content["partner"])
    assert "Osaka opens a lab" in text(client.get("/en/partners/osaka/"))
    other.partners.clear()
    assert "Osaka opens a lab" not in text(client.get("/en/partners/osaka/"))


def test_editing_a_quote_shows_on_its_release(client, content):
    quote = content["release"].quotes.get()
    assert "We are delighted." in text(client.get("/en/news/osaka-mou/"))
    quote.text_en = "A great day for Osaka."
    quote.save()
    assert "A great day for Osaka." in text(client.get("/en/news/osaka-mou/"))


def test_renaming_a_venue_shows_on_its_events(client, content):
    venue = Venue.objects.get(slug="nyc-lounge")
    client.get("/en/events/lounge-opening/")
    venue.name_en = "The New York lounge"
    venue.save()
    assert "The New York lounge" in text(client.get("/en/events/lounge-opening/"))


CONTENT_APPS = ["partners", "news", "events"]


def test_saving_or_deleting_any_content_row_starts_a_new_generation(content):
    """Generic: every model of the content apps, those added later included."""
    models = [model for label in CONTENT_APPS for model in apps.get_app_config(label).get_models()]
    assert {Partner, Release, Event} <= set(models)
    for model in models:
        row = model.objects.order_by("pk").first()
        assert row is not None, f"add a {model.__name__} to the `content` fixture"
        before = page_cache.generation()
        row.save()
        assert page_cache.generation() != before, f"saving a {model.__name__}"
    for model in reversed(models):  # rows that others refer to go last
        row = model.objects.order_by("pk").first()
        if row is None:  # gone with a row it belonged to; that delete was checked
            continue
        before = page_cache.generation()
        row.delete()
        assert page_cache.generation() != before, f"deleting a {model.__name__}"


def test_a_change_also_starts_a_new_generation_when_its_transaction_commits(
    content, django_capture_on_commit_callbacks
):
    """A page rendered while the transaction was open read the old rows: it must not be
    reachable once the change is committed."""
    with django_capture_on_commit_callbacks(execute=True):
        content["partner"].save()
        during = page_cache.generation()
    assert page_cache.generation() != during


def test_logins_and_sessions_leave_the_cache_alone(client, content):
    client.get("/ja/news/")
    before = page_cache.generation()
    client.force_login(UserFactory())
    assert page_cache.generation() == before


# --- Scheduled changes without a save -------------------------------------------------------


# Each of these changes comes well within the cache's own timeout (page_cache.TIMEOUT), so only
# the bound by the next scheduled change can make the new page show.


def test_an_embargoed_release_appears_at_its_go_live_time_without_a_save(client, content):
    go_live = NOW + datetime.timedelta(minutes=2)
    with time_machine.travel(NOW, tick=False):
        ReleaseFactory(title_en="Embargoed news", publish_at_ja=go_live, publish_at_en=go_live)
        assert "Embargoed news" not in text(client.get("/en/news/"))
        assert "Embargoed news" not in text(client.get("/en/news/feed/"))
        assert client.get("/en/news/")["X-Page-Cache"] == "hit"
    with time_machine.travel(go_live + datetime.timedelta(seconds=1), tick=False):
        assert "Embargoed news" in text(client.get("/en/news/"))
        assert "Embargoed news" in text(client.get("/en/news/feed/"))


def test_a_release_disappears_at_its_take_down_time_without_a_save(client, content):
    take_down = NOW + datetime.timedelta(minutes=3)
    with time_machine.travel(NOW, tick=False):
        ReleaseFactory(title_en="Short-lived news", unpublish_at=take_down)
        assert "Short-lived news" in text(client.get("/en/news/"))
        assert client.get("/en/news/")["X-Page-Cache"] == "hit"
    with time_machine.travel(take_down, tick=False):
        assert "Short-lived news" not in text(client.get("/en/news/"))


def test_an_event_moves_from_upcoming_to_past_when_it_ends(client, content):
    ends_at = content["event"].ends_at
    with time_machine.travel(ends_at - datetime.timedelta(minutes=1), tick=False):
        assert "Lounge opening" in text(client.get("/en/events/"))
        assert "Lounge opening" not in text(client.get("/en/events/past/"))
        assert client.get("/en/events/")["X-Page-Cache"] == "hit"
    with time_machine.travel(ends_at, tick=False):
        assert "Lounge opening" not in text(client.get("/en/events/"))
        assert "Lounge opening" in text(client.get("/en/events/past/"))


def test_an_event_says_happening_now_once_it_starts(client, content):
    starts_at = content["event"].starts_at
    with time_machine.travel(starts_at - datetime.timedelta(minutes=1), tick=False):
        assert "Happening now" not in text(client.get("/en/events/lounge-opening/"))
        assert client.get("/en/events/lounge-opening/")["X-Page-Cache"] == "hit"
    with time_machine.travel(starts_at + datetime.timedelta(minutes=1), tick=False):
        assert "Happening now" in text(client.get("/en/events/lounge-opening/"))


def today_in_calendar(response) -> str:
    found = re.search(
        r'aria-current="date">\s*<span[^>]*><time datetime="([\d-]+)"', text(response)
    )
    return found.group(1) if found else ""


def test_the_calendar_marks_the_new_day_after_midnight_in_tokyo(client, content):
    url = "/en/events/calendar/2026/11/"
    midnight = datetime.datetime(2026, 11, 20, 15, 0, tzinfo=datetime.UTC)  # 21 Nov in Tokyo
    with time_machine.travel(midnight - datetime.timedelta(minutes=1), tick=False):
        assert today_in_calendar(client.get(url)) == "2026-11-20"
        assert client.get(url)["X-Page-Cache"] == "hit"
    with time_machine.travel(midnight, tick=False):
        assert today_in_calendar(client.get(url)) == "2026-11-21"


def test_the_next_scheduled_change_is_the_earliest_future_time(content):
    event = content["event"]
    go_live = NOW + datetime.timedelta(hours=5)
    ReleaseFactory(publish_at_ja=NOW - datetime.timedelta(days=1), publish_at_en=go_live)
    DraftReleaseFactory(publish_at_en=NOW + datetime.timedelta(hours=1))  # a draft waits
    assert page_cache.next_scheduled_change(NOW) == go_live
    later = go_live + datetime.timedelta(hours=20)
    assert page_cache.next_scheduled_change(later) == datetime.datetime(
        2026, 11, 21, 15, 0, tzinfo=datetime.UTC
    )  # midnight in Tokyo comes before the event
    assert page_cache.next_scheduled_change(event.starts_at - datetime.timedelta(hours=1)) == (
        event.starts_at
    )


# --- Never for one person -------------------------------------------------------------------


def test_staff_neither_get_nor_fill_the_cache(client, content):
    staff = UserFactory(is_superuser=True)
    client.force_login(staff)
    response = client.get("/en/news/osaka-mou/")
    assert not response.has_header("X-Page-Cache")
    assert "private" in response["Cache-Control"]
    assert "public" not in response["Cache-Control"]
    client.logout()
    anonymous = client.get("/en/news/osaka-mou/")
    assert anonymous["X-Page-Cache"] == "miss"
    client.force_login(staff)
    count, again = queries_for(client, "/en/news/osaka-mou/")
    assert count > 0
    assert not again.has_header("X-Page-Cache")


def test_a_staff_preview_is_never_cached(client, content):
    draft = DraftReleaseFactory(slug="secret-deal", title_en="Secret deal")
    client.force_login(UserFactory(is_superuser=True))
    preview = client.get("/en/news/secret-deal/")
    assert preview.status_code == 200
    assert "no-store" in preview["Cache-Control"]
    client.logout()
    assert client.get(draft.get_absolute_url()).status_code == 404


def never_cached_view_response(request):
    response = HttpResponse("preview")
    add_never_cache_headers(response)
    return response


def run_middleware(view, times: int = 2) -> list:
    calls = []

    def get_response(request):
        calls.append(request)
        return view(request)

    middleware = page_cache.PageCacheMiddleware(get_response)
    factory = RequestFactory()
    for _ in range(times):
        request = factory.get("/en/news/")
        request._messages = CookieStorage(request)
        middleware(request)
    return calls


def test_a_response_marked_no_cache_is_not_stored():
    assert len(run_middleware(never_cached_view_response)) == 2


def test_a_response_that_sets_a_cookie_is_not_stored():
    def view(request):
        response = HttpResponse("hello")
        response.set_cookie("tracking", "1")
        return response

    assert len(run_middleware(view)) == 2


def test_a_response_that_shows_a_message_is_not_stored():
    def view(request):
        request._messages.add(constants.INFO, "Saved.")
        return HttpResponse(" ".join(str(message) for message in request._messages))

    assert len(run_middleware(view)) == 2


def test_a_plain_response_is_stored():
    assert len(run_middleware(lambda request: HttpResponse("hello"))) == 1


def test_a_visitor_with_a_pending_message_sees_it_and_nobody_else_does(client, content):
    client.get("/en/news/")  # cached for everyone
    storage = CookieStorage(RequestFactory().get("/"))
    encoded = storage._encode([Message(constants.SUCCESS, "Thank you for registering")])
    client.cookies[CookieStorage.cookie_name] = encoded
    with_message = client.get("/en/news/")
    assert "Thank you for registering" in text(with_message)
    assert not with_message.has_header("X-Page-Cache")
    del client.cookies[CookieStorage.cookie_name]
    assert "Thank you for registering" not in text(client.get("/en/news/"))


def test_the_admin_is_never_public(admin_client):
    response = admin_client.get("/admin/")
    assert "public" not in response.get("Cache-Control", "")
    assert "private" in response["Cache-Control"]


# --- Headers: Cache-Control, ETag, CSP ------------------------------------------------------


@time_machine.travel(NOW, tick=False)
def test_public_pages_may_be_held_briefly_by_a_cdn(client, content):
    for response in (client.get("/ja/news/"), client.get("/ja/news/")):
        directives = {part.strip() for part in response["Cache-Control"].split(",")}
        assert {"public", "max-age=60", "s-maxage=120"} <= directives
        assert "Cookie" in response["Vary"]


def test_browsers_are_not_told_to_keep_a_page_past_its_next_scheduled_change(client, content):
    go_live = NOW + datetime.timedelta(seconds=30)
    with time_machine.travel(NOW, tick=False):
        ReleaseFactory(publish_at_ja=go_live, publish_at_en=go_live)
        response = client.get("/ja/news/")
    assert "max-age=30" in response["Cache-Control"]
    assert "s-maxage=30" in response["Cache-Control"]


@pytest.mark.parametrize("url", ["/ja/news/", "/en/news/feed/", "/ja/events/calendar.ics"])
def test_an_unchanged_page_answers_not_modified(client, content, url):
    etag = client.get(url)["ETag"]
    cache.clear()
    page_cache.local_pages.forget()  # as on a worker that never served it
    count, rendered = queries_for(client, url, if_none_match=etag)
    assert (rendered.status_code, count > 0) == (304, True)
    count, cached = queries_for(client, url, if_none_match=etag)
    assert (cached.status_code, count) == (304, 0)
    assert cached.content == b""


def test_a_changed_page_answers_with_its_new_content(client, content):
    etag = client.get("/en/news/")["ETag"]
    ReleaseFactory(title_en="Fresh news")
    response = client.get("/en/news/", headers={"if-none-match": etag})
    assert response.status_code == 200
    assert "Fresh news" in text(response)
    assert response["ETag"] != etag


def test_pages_get_an_etag_without_the_page_cache(client, content, settings):
    settings.LINKJ_PAGE_CACHE = False
    etag = client.get("/ja/news/")["ETag"]
    assert client.get("/ja/news/", headers={"if-none-match": etag}).status_code == 304


def test_cached_pages_keep_the_content_security_policy(client, content):
    first = client.get("/ja/news/")
    cached = client.get("/ja/news/")
    assert cached["X-Page-Cache"] == "hit"
    policy = cached["Content-Security-Policy"]
    assert policy == first["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "nonce" not in policy
    assert cached["X-Content-Type-Options"] == "nosniff"


def test_a_page_survives_an_unreachable_cache(client, content, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:8129/0",
        }
    }
    response = client.get("/en/news/")
    assert response.status_code == 200
    assert "Osaka signs" in text(response)


def test_a_bulk_update_shows_after_clearing_the_page_cache(client, content):
    """update() sends no signal: the command is the way to follow it (or a restore, a deploy)."""
    assert "City of Osaka" in text(client.get("/en/partners/"))
    Partner.objects.filter(slug="osaka").update(name_en="Osaka City")
    call_command("clear_page_cache", "--dry-run", stdout=io.StringIO())
    assert "City of Osaka" in text(client.get("/en/partners/"))
    out = io.StringIO()
    call_command("clear_page_cache", stdout=out)
    assert "Pages are stale" in out.getvalue()
    assert "Osaka City" in text(client.get("/en/partners/"))


@pytest.mark.parametrize("path", ["/sitemap.xml", "/sitemap-news.xml", "/sitemap/news/2.xml"])
def test_sitemaps_and_their_sections_are_in_scope(rf, path):
    assert page_cache.in_scope(rf.get(path))


@pytest.mark.parametrize("path", ["/admin/", "/healthz", "/media/news/a.pdf", "/static/x.css"])
def test_the_admin_and_files_are_out_of_scope(rf, path):
    assert not page_cache.in_scope(rf.get(path))


# --- A hit costs one cache read, before the rest of the chain --------------------------------


def test_the_page_cache_runs_first_after_the_request_id(settings):
    assert settings.MIDDLEWARE[:2] == [
        "linkj.logging.RequestIDMiddleware",
        "linkj.cache.PageCacheMiddleware",
    ]


class CountingCache:
    """The cache, with a count of the calls made to it."""

    def __init__(self, wrapped):
        self.wrapped, self.calls = wrapped, []

    def __getattr__(self, name):
        method = getattr(self.wrapped, name)

        def counted(*args, **kwargs):
            self.calls.append(name)
            return method(*args, **kwargs)

        return counted


@pytest.mark.parametrize("url", ["/ja/news/", "/en/partners/osaka/", "/sitemap.xml"])
def test_a_hit_on_another_worker_is_one_read_of_the_shared_cache(client, content, url, monkeypatch):
    client.get(url)
    page_cache.local_pages.forget()  # another worker: only the shared cache has the page
    counting = CountingCache(cache)
    monkeypatch.setattr(page_cache, "cache", counting)
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert counting.calls == ["get_many"]
    # That worker keeps it: the next hit reads nothing at all.
    assert client.get(url)["X-Page-Cache"] == "hit"
    assert counting.calls == ["get_many"]


def test_a_worker_checks_the_shared_generation_again_after_a_second(client, content, monkeypatch):
    client.get("/ja/news/")
    counting = CountingCache(cache)
    monkeypatch.setattr(page_cache, "cache", counting)
    clock = [page_cache.time.monotonic()]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: clock[0])
    assert client.get("/ja/news/")["X-Page-Cache"] == "hit"
    assert counting.calls == []
    clock[0] += 1.01
    assert client.get("/ja/news/")["X-Page-Cache"] == "hit"
    assert counting.calls == ["get_many"]


def test_a_change_saved_by_another_worker_shows_within_a_second(client, content, monkeypatch):
    assert "Osaka signs" in text(client.get("/en/news/"))
    clock = [page_cache.time.monotonic()]
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: clock[0])
    # Another process starts a new generation: this worker does not hear of it at once.
    cache.set(page_cache.GENERATION_KEY, "from-another-worker", timeout=None)
    Release.objects.filter(slug="osaka-mou").update(title_en="Osaka signs again")
    assert "Osaka signs again" not in text(client.get("/en/news/"))
    clock[0] += 1.01
    response = client.get("/en/news/")
    assert "Osaka signs again" in text(response)
    assert response["X-Page-Cache"] == "miss"


def test_without_the_local_copy_every_hit_reads_the_shared_cache(client, content, settings):
    settings.LINKJ_PAGE_CACHE_LOCAL_SECONDS = 0
    client.get("/ja/news/")
    with CaptureQueriesContext(connection):
        counting = CountingCache(cache)
        page_cache.cache, original = counting, page_cache.cache
        try:
            for _ in range(2):
                assert client.get("/ja/news/")["X-Page-Cache"] == "hit"
        finally:
            page_cache.cache = original
    assert counting.calls == ["get_many", "get_many"]


def test_the_local_copy_stays_within_its_size(settings):
    settings.LINKJ_PAGE_CACHE_LOCAL_BYTES = 4000
    pages = page_cache.LocalPages()
    pages.learn_generation("g")
    for number in range(5):
        pages.put(f"k{number}", local_page("g", 900))
    assert pages.get("k0") is None
    assert pages.get("k4") is not None
    pages.put("big", local_page("g", 2000))  # over a quarter of the limit: not kept
    assert pages.get("big") is None
    pages.put("old", local_page("older generation", 10))
    assert pages.get("old") is None


def local_page(gen: str, size: int) -> page_cache.CachedPage:
    return page_cache.CachedPage(
        generation=gen,
        content=b"x" * size,
        gzipped=False,
        headers=[],
        max_age=60,
        rendered_at=NOW,
        valid_until=NOW + datetime.timedelta(minutes=5),
    )


def test_a_hit_carries_the_security_headers_of_the_whole_chain(client, content, settings):
    settings.SECURE_HSTS_SECONDS = 3600  # as in production
    first = client.get("/en/news/", secure=True)
    hit = client.get("/en/news/", secure=True)
    assert hit["X-Page-Cache"] == "hit"
    for header in (
        "Content-Security-Policy",
        "Strict-Transport-Security",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Cross-Origin-Opener-Policy",
        "Content-Language",
        "ETag",
    ):
        assert hit[header] == first[header], header
    assert hit["X-Request-ID"] != first["X-Request-ID"]
    assert not hit.cookies


def test_pages_stored_over_https_are_not_served_over_http(client, content, settings):
    settings.SECURE_HSTS_SECONDS = 3600
    client.get("/en/news/", secure=True)
    plain = client.get("/en/news/")
    assert plain["X-Page-Cache"] == "miss"
    assert not plain.has_header("Strict-Transport-Security")


@pytest.mark.parametrize("url", ["/ja/news/", "/en/news/feed/", "/ja/events/calendar.ics"])
def test_cached_pages_are_sent_gzipped_to_clients_that_accept_it(client, content, url):
    first = client.get(url)
    hit = client.get(url, headers={"accept-encoding": "gzip, deflate, br"})
    assert hit["X-Page-Cache"] == "hit"
    assert hit["Content-Encoding"] == "gzip"
    assert gzip.decompress(hit.content) == first.content
    assert len(hit.content) < len(first.content)
    assert "Accept-Encoding" in hit["Vary"] and "Accept-Encoding" in first["Vary"]
    assert hit["ETag"] == "W/" + first["ETag"]
    plain = client.get(url)
    assert plain["X-Page-Cache"] == "hit"
    assert not plain.has_header("Content-Encoding")
    assert plain.content == first.content


def test_a_gzipped_hit_answers_not_modified_to_either_validator(client, content):
    etag = client.get("/ja/news/")["ETag"]
    for validator in (etag, "W/" + etag):
        response = client.get(
            "/ja/news/", headers={"accept-encoding": "gzip", "if-none-match": validator}
        )
        assert response.status_code == 304
        assert response["X-Page-Cache"] == "hit"


def test_a_page_of_an_old_generation_is_not_served(client, content):
    client.get("/en/news/")
    page_cache.invalidate()
    count, response = queries_for(client, "/en/news/")
    assert (response["X-Page-Cache"], count > 0) == ("miss", True)
    assert queries_for(client, "/en/news/")[1]["X-Page-Cache"] == "hit"


def test_an_unknown_host_gets_the_400_page_with_the_cache_on(client, content):
    response = client.get("/en/news/", headers={"host": "evil.example"})
    assert response.status_code == 400
