"""400, 403 (forbidden and CSRF), 404 and 414 answer with the site's own page, in the
address's language, and lead nowhere that is itself an error: the language switch goes to the
other language's home page, and no canonical, hreflang or og:url repeats the address."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

pytestmark = pytest.mark.django_db


def head_links(html: str) -> list[str]:
    return re.findall(r'<link rel="(?:canonical|alternate)"[^>]*>', html)


def switch_links(html: str) -> list[str]:
    nav = html[html.index('class="lang-switch"') :]
    nav = nav[: nav.index("</nav>")]
    return re.findall(r'<a href="([^"]*)"', nav)


@pytest.mark.parametrize(
    ("path", "other_home"),
    [("/ja/no-such-page/", "/en/"), ("/en/partners/no-such-partner/", "/ja/")],
)
def test_a_404_switches_language_to_the_other_home_page_and_claims_no_alternates(
    client, path, other_home
):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert switch_links(html) == [other_home]
    assert head_links(html) == []
    assert 'property="og:url"' not in html
    assert '<meta name="robots" content="noindex">' in html


def test_the_404_page_is_in_the_language_of_the_address(client):
    assert "<h1>Page not found</h1>" in client.get("/en/no-such-page/").content.decode()
    assert "<h1>ページが見つかりません</h1>" in client.get("/ja/no-such-page/").content.decode()


def test_a_bad_request_never_copies_the_address_into_the_page(client):
    response = client.get("/en/partners/%00evil/?q=%00%01x")
    assert response.status_code == 400
    html = response.content.decode()
    assert "evil" not in html
    assert "%00" not in html
    assert "\x00" not in html and "\x01" not in html
    assert switch_links(html) == ["/ja/"]


def test_a_failed_csrf_check_gets_the_sites_page_in_the_visitors_language():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/en/contact/", {"name": "x"})
    assert response.status_code == 403
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "<h1>The form has expired</h1>" in html
    assert 'class="site-header"' in html
    japanese = client.post("/ja/contact/", {"name": "x"}).content.decode()
    assert "<h1>フォームの有効期限が切れました</h1>" in japanese


def test_a_forbidden_page_gets_the_sites_403_page(client):
    user = get_user_model().objects.create_user("clerk", password="x", is_staff=True)
    client.force_login(user)
    response = client.get("/admin/news/release/add/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 403
    html = response.content.decode()
    assert "<h1>Access denied</h1>" in html
    assert 'class="site-header"' in html


def test_an_over_long_address_gets_the_sites_414_page(client, settings):
    query = "q=" + "a" * settings.ADDRESS_MAX_BYTES
    response = client.get(f"/en/partners/?{query}")
    assert response.status_code == 414
    html = response.content.decode()
    assert "<h1>Address too long</h1>" in html
    assert "aaaaaaaaaa" not in html
    japanese = client.get(f"/ja/partners/?{query}").content.decode()
    assert "<h1>アドレスが長すぎます</h1>" in japanese


def test_an_address_just_within_the_limit_is_served(client, settings):
    path = "/en/partners/?q="
    query = "a" * (settings.ADDRESS_MAX_BYTES - len(path))
    assert client.get(path + query).status_code == 200
