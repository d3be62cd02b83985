"""Shared fragments: list pages, the history and the home page are assembled for every visitor
from HTML rendered once per content change (linkj.views.SharedPageMixin, the {% shared %} tag),
with the visitor's own messages rendered live between them."""

import datetime
import re

import pytest
import time_machine
from django.contrib import messages
from django.db import connection
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.template import Template, TemplateSyntaxError
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from linkj import cache as page_cache
from news.models import Release
from tests.events.factories import EventFactory
from tests.factories import UserFactory
from tests.news.factories import ReleaseFactory

pytestmark = pytest.mark.django_db

NOW = datetime.datetime(2026, 11, 20, 3, 0, tzinfo=datetime.UTC)
LONG_AGO = datetime.datetime(2026, 1, 5, tzinfo=datetime.UTC)

# Every page that shares its fragments, with filters valid and not, pages in and out of range.
SHARED_PAGES = [
    "/ja/",
    "/en/",
    "/ja/partners/",
    "/en/partners/?country=US&sort=signed",
    "/ja/partners/?year=not-a-year",
    "/ja/partners/history/",
    "/en/partners/history/?year=2019",
    "/ja/partners/history/?page=99",
    "/ja/news/",
    "/en/news/?page=2",
    "/ja/news/?year=2019&category=press",
    "/ja/news/?partner=ucsd",
    "/ja/news/?partner_name=" + "%E5%B7%9D%E5%B4%8E",
    "/ja/news/?category=nonsense",
    "/ja/events/",
    "/en/events/past/",
    "/ja/events/?month=2026-13",
    "/ja/partners/ucsd/",
    "/en/partners/kawasaki/",
    "/ja/news/release-3/",
    "/en/news/release-4/",
    "/ja/search/?q=%E5%B7%9D%E5%B4%8E",
    "/en/search/?q=release&type=releases&page=2",
    "/ja/search/?q=x",
    "/ja/events/nyc-seminar/",
    "/en/events/nyc-seminar/",
]


@pytest.fixture(autouse=True)
def whole_pages_off(settings):
    """What a logged-in member gets: no whole-page cache, shared fragments on."""
    settings.LINKJ_PAGE_CACHE = False
    settings.LINKJ_SHARED_FRAGMENTS = True


@pytest.fixture
def content(demo_partners):
    for number in range(12):
        ReleaseFactory(
            slug=f"release-{number}",
            title_ja=f"お知らせ{number}",
            title_en=f"Release {number}",
            publish_at_ja=LONG_AGO,
            publish_at_en=LONG_AGO,
        )
    EventFactory(slug="nyc-seminar")


def get(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("url", SHARED_PAGES)
def test_a_page_from_shared_fragments_is_the_page_rendered_in_full(client, settings, content, url):
    settings.LINKJ_SHARED_FRAGMENTS = False
    in_full = get(client, url)
    settings.LINKJ_SHARED_FRAGMENTS = True
    assert get(client, url) == in_full  # rendered, and kept
    assert get(client, url) == in_full  # from the kept fragments


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    "url",
    ["/ja/", "/ja/partners/", "/ja/partners/history/", "/ja/news/", "/ja/partners/ucsd/"],
)
def test_a_page_whose_fragments_are_kept_runs_no_query(client, content, url):
    get(client, url)
    with CaptureQueriesContext(connection) as queries:
        get(client, url)
    assert [query["sql"] for query in queries.captured_queries] == []


@time_machine.travel(NOW, tick=False)
def test_fragments_are_kept_per_language_and_query(client, content):
    page_1, page_2 = get(client, "/ja/news/"), get(client, "/ja/news/?page=2")
    assert page_1 != page_2
    assert "お知らせ" in page_1 and 'lang="ja"' in page_1
    english = get(client, "/en/news/")
    assert "Release" in english and 'lang="en"' in english
    assert get(client, "/ja/news/") == page_1


@time_machine.travel(NOW, tick=False)
def test_a_save_shows_on_the_next_request(client, content):
    assert "お知らせ3" in get(client, "/ja/news/")
    Release.objects.filter(slug="release-11").update(title_ja="差し替え")  # no signal: no change
    assert "差し替え" not in get(client, "/ja/news/")
    release = Release.objects.get(slug="release-11")
    release.title_ja = "改題したお知らせ"
    release.save()
    assert "改題したお知らせ" in get(client, "/ja/news/")


def test_a_go_live_shows_without_a_save(client, content):
    with time_machine.travel(NOW, tick=False):
        ReleaseFactory(
            slug="embargoed",
            title_ja="解禁前のお知らせ",
            publish_at_ja=NOW + datetime.timedelta(hours=1),
        )
        assert "解禁前のお知らせ" not in get(client, "/ja/news/")
    with time_machine.travel(NOW + datetime.timedelta(hours=1, seconds=1), tick=False):
        assert "解禁前のお知らせ" in get(client, "/ja/news/")


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("url", ["/ja/news/", "/ja/partners/ucsd/"])
def test_a_members_visit_keeps_the_fragments_for_everyone(client, content, url):
    client.force_login(UserFactory(is_staff=False))
    as_member = get(client, url)
    client.logout()
    with CaptureQueriesContext(connection) as queries:
        assert get(client, url) == as_member
    assert [query["sql"] for query in queries.captured_queries] == []


@time_machine.travel(NOW, tick=False)
def test_messages_stay_each_visitors_own(client, content, rf):
    get(client, "/ja/news/")  # the fragments are kept
    member = UserFactory(is_staff=False)
    client.force_login(member)
    session = client.session
    request = rf.get("/")
    request.session = session
    storage = messages.storage.default_storage(request)
    storage.add(messages.SUCCESS, "登録を受け付けました")
    response = HttpResponse()
    storage.update(response)
    session.save()
    client.cookies.update(response.cookies)
    shown = get(client, "/ja/news/")
    assert "登録を受け付けました" in shown
    assert "お知らせ3" in shown
    assert "登録を受け付けました" not in get(client, "/ja/news/")  # shown once
    client.logout()
    assert "登録を受け付けました" not in get(client, "/ja/news/")


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("url", ["/ja/partners/ucsd/", "/ja/news/release-3/"])
def test_staff_get_detail_pages_in_full_with_their_edit_link(client, content, editor, url):
    assert "edit-link" not in get(client, url)  # kept for visitors
    client.force_login(editor)
    assert "edit-link" in get(client, url)
    client.logout()
    assert "edit-link" not in get(client, url)


@time_machine.travel(NOW, tick=False)
def test_a_release_not_live_in_this_language_still_says_so(client, content):
    ReleaseFactory(slug="japanese-only", publish_at_ja=LONG_AGO, publish_at_en=None)
    for _ in range(2):
        response = client.get("/en/news/japanese-only/")
        assert response.status_code == 404
        assert "/ja/news/japanese-only/" in response.content.decode()


@time_machine.travel(NOW, tick=False)
def test_an_event_page_with_registration_is_each_visitors_own(client, content, caplog):
    from tests.registrations.factories import RegistrationSettingsFactory

    event = EventFactory(slug="open-seminar", starts_at=NOW + datetime.timedelta(days=30))
    RegistrationSettingsFactory(event=event)
    assert "csrfmiddlewaretoken" in get(client, "/en/events/open-seminar/")
    tokens = set()
    for _ in range(2):
        page = get(client, "/en/events/open-seminar/")
        tokens.add(re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1))
        client.cookies.clear()
    assert len(tokens) == 2  # rendered for each visitor
    assert "used something personal" not in caplog.text


def _fragment(request, render):
    return page_cache.shared_fragment(request, "test-fragment", render)


@pytest.mark.parametrize(
    "personal",
    [
        lambda request: get_token(request),
        lambda request: request.csp_nonce,
        lambda request: request.session.get("anything"),
        lambda request: str(request.user),
    ],
    ids=["csrf token", "csp nonce", "session", "user"],
)
def test_a_fragment_that_uses_something_personal_is_never_kept(personal, caplog):
    renders = []

    def render(request):
        renders.append(1)
        return f"<p>{personal(request)}</p>"

    for _ in range(2):
        request = _request()
        html = _fragment(request, lambda request=request: render(request))
        assert html.startswith("<p>")
    assert len(renders) == 2
    assert "used something personal" in caplog.text


def test_a_fragment_without_anything_personal_is_kept():
    renders = []
    for _ in range(2):
        _fragment(_request(), lambda: renders.append(1) or "<p>the same for all</p>")
    assert len(renders) == 1


def _request():
    """A request as the middleware chain leaves it: session, user, nonce, messages."""
    from csp.middleware import CSPMiddleware
    from django.contrib.auth.middleware import AuthenticationMiddleware
    from django.contrib.messages.middleware import MessageMiddleware
    from django.contrib.sessions.middleware import SessionMiddleware

    request = RequestFactory().get("/ja/news/")
    for middleware in (SessionMiddleware, AuthenticationMiddleware, MessageMiddleware):
        middleware(lambda request: HttpResponse()).process_request(request)
    CSPMiddleware(lambda request: HttpResponse()).process_request(request)
    return request


def test_pages_without_the_mixin_render_the_tag_as_if_absent(client):
    from django.template import Context, Template

    template = Template('{% load linkj %}{% shared "x" %}{{ value }}{% endshared %}')
    request = RequestFactory().get("/")
    assert template.render(Context({"value": 1, "request": request})) == "1"
    assert template.render(Context({"value": 2, "request": request})) == "2"


# Feeds, calendars and sitemaps are the same for every visitor: kept whole (shared_response).
SHARED_ANSWERS = [
    "/ja/news/feed/",
    "/en/news/atom/",
    "/ja/events/calendar.ics",
    "/sitemap.xml",
    "/sitemap-news.xml",
]


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("url", SHARED_ANSWERS)
def test_a_kept_answer_is_the_answer_rendered_in_full(client, settings, content, url):
    settings.LINKJ_SHARED_FRAGMENTS = False
    in_full = client.get(url)
    settings.LINKJ_SHARED_FRAGMENTS = True
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
        assert response.content == in_full.content
        assert response["Content-Type"] == in_full["Content-Type"]
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).content == in_full.content
    assert [query["sql"] for query in queries.captured_queries] == []


@time_machine.travel(NOW, tick=False)
def test_a_kept_answer_changes_with_the_content(client, content):
    assert "改題" not in client.get("/ja/news/feed/").content.decode()
    release = Release.objects.get(slug="release-11")
    release.title_ja = "改題したお知らせ"
    release.save()
    assert "改題したお知らせ" in client.get("/ja/news/feed/").content.decode()


@time_machine.travel(NOW, tick=False)
def test_only_a_200_is_kept(client, content):
    assert client.get("/sitemap-news.xml?p=99").status_code == 404
    assert client.get("/sitemap-news.xml?p=99").status_code == 404
    assert client.get("/ja/events/venues/nowhere/calendar.ics").status_code == 404


def test_a_kept_answer_that_used_something_personal_is_never_kept(rf, caplog):
    calls = []

    def view(request):
        calls.append(1)
        return HttpResponse(f"hello {request.user}", content_type="text/plain")

    shared = page_cache.shared_response(view)
    for _ in range(2):
        assert shared(_request()).content == b"hello AnonymousUser"
    assert len(calls) == 2
    assert "used something personal" in caplog.text


def test_the_tag_takes_one_name():
    for wrong in ("{% shared %}", '{% shared "a" "b" %}'):
        with pytest.raises(TemplateSyntaxError, match="shared"):
            Template("{% load linkj %}" + wrong + "{% endshared %}")
