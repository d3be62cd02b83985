"""NUL and other control characters in an address answer 400, never 500; in typed text they
are dropped, so that an editor's save is never refused for a pasted form feed.

PostgreSQL refuses NUL in text; SQLite takes it. So beyond "no 5xx", the tests check the
status the middleware gives (400), on both databases.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url",
    [
        "/ja/%00/",
        "/%00",
        "/en/partners/%00/",
        "/ja/partners/?q=%00",
        "/en/partners/?country=%00",
        "/ja/news/?year=2020%00",
        "/en/news/?partner=%00",
        "/ja/events/?venue=%00",
        "/en/events/past/?venue=%00",
        "/ja/events/?q=a%01b",
        "/en/news/feed/?%00=x",
        "/sitemap.xml?p=%1f",
    ],
)
def test_control_characters_in_a_public_address_are_a_bad_request(client, url):
    response = client.get(url)
    assert response.status_code == 400
    assert b"\x00" not in response.content
    assert "Content-Security-Policy" in response.headers


def test_the_bad_request_page_speaks_the_language_of_the_address(client):
    english = client.get("/en/partners/?q=%00").content.decode()
    assert '<html lang="en">' in english
    assert "<h1>Bad request</h1>" in english
    japanese = client.get("/ja/partners/?q=%00").content.decode()
    assert '<html lang="ja">' in japanese
    assert "<h1>リクエストを処理できません</h1>" in japanese


def test_nul_in_a_header_is_a_bad_request(client):
    assert client.get("/ja/", HTTP_USER_AGENT="bot\x00").status_code == 400


def test_ordinary_addresses_and_typed_line_breaks_pass(client):
    assert client.get("/ja/partners/?q=%E6%A8%AA%E6%B5%9C+city").status_code == 200
    get_user_model().objects.create_user("editor", password="right-password", is_staff=True)
    response = client.post("/admin/login/", {"username": "editor", "password": "wrong\tpass\r\n"})
    assert response.status_code == 200


def test_control_characters_typed_into_a_form_are_dropped_and_the_save_goes_through(client):
    user = get_user_model().objects.create_superuser("admin", password="x")
    client.force_login(user)
    response = client.post("/admin/auth/group/add/", {"name": "Revi\x00ewers\x0b"})
    assert response.status_code == 302
    assert Group.objects.filter(name="Reviewers").exists()


@pytest.mark.parametrize(
    "url",
    ["/ja/%00secret/", "/en/news/x%1b[31mred/", "/en/partners/?q=%00secret", "/ja/?a%7f=secret"],
)
def test_the_bad_request_page_repeats_nothing_of_the_address(client, url):
    # Not the characters, not their %-escapes, not the text around them: the page's links
    # (canonical, hreflang, og:url, language switch) never echo the address it refused.
    html = client.get(url).content.decode()
    for echoed in ("secret", "red/", "%00", "%1B", "%1b", "%7F", "\x00", "\x1b", "\x7f"):
        assert echoed not in html, echoed
    assert 'rel="canonical"' not in html
    assert 'hreflang="x-default"' not in html
