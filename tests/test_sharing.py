"""robots.txt, the icons, Open Graph and Twitter card tags on every page type, share links."""

import datetime
import re
from html import unescape
from io import BytesIO, StringIO
from urllib.parse import parse_qs, urlsplit

import pytest
import time_machine
from django.core.management import call_command
from django.utils import translation
from PIL import Image

from news.models import Release
from tests.news.factories import ReleasePhotoFactory

pytestmark = pytest.mark.django_db

# One page of each type, as the demo has them.
PAGE_TYPES = {
    "home": "/ja/",
    "partner list": "/en/partners/",
    "partner": "/ja/partners/kobe-fbri/",
    "partnership history": "/en/partners/history/",
    "release list": "/ja/news/",
    "release": "/en/news/osaka-mou/",
    "event list": "/ja/events/",
    "past events": "/en/events/past/",
    "event": "/ja/events/nyc-lounge-opening-seminar-2022/",
    "calendar": "/en/events/calendar/2022/12/",
    "venue list": "/ja/events/venues/",
    "venue": "/en/events/venues/nyc-lounge/",
    "standing page list": "/en/about/",
    "standing page": "/ja/about/access/",
    "contact": "/en/contact/",
    "newsletter": "/ja/newsletter/",
}


def meta(html: str) -> dict[str, str]:
    found = {}
    for key, value in re.findall(r'<meta (?:property|name)="([^"]+)" content="([^"]*)"', html):
        found.setdefault(key, unescape(value))
    return found


@time_machine.travel(datetime.datetime(2026, 11, 22, 3, 0, tzinfo=datetime.UTC), tick=False)
def test_every_page_type_has_open_graph_and_twitter_card_tags_with_absolute_urls(client):
    call_command("load_demo", stdout=StringIO())
    ReleasePhotoFactory(release=Release.objects.get(slug="osaka-mou"), alt_en="Signing")
    for kind, path in PAGE_TYPES.items():
        response = client.get(path)
        assert response.status_code == 200, kind
        html = response.content.decode()
        tags = meta(html)
        title = re.search(r"<title>(.*?) \| ", html).group(1)
        assert tags["og:title"] == unescape(title), kind
        assert tags["og:description"] == tags["description"] and tags["og:description"], kind
        canonical = re.search(r'<link rel="canonical" href="([^"]+)"', html).group(1)
        assert tags["og:url"] == canonical and canonical.startswith("http://testserver/"), kind
        assert tags["og:image"].startswith("http://testserver/"), kind
        assert tags["og:site_name"] == "LINK-J"
        assert tags["og:locale"] == ("ja_JP" if path.startswith("/ja/") else "en_GB")
        assert tags["twitter:card"] in ("summary", "summary_large_image"), kind
        assert tags["og:type"] == ("article" if kind == "release" else "website"), kind
        if kind == "release":
            assert "/media/news/photos/" in tags["og:image"]
            assert tags["og:image:alt"] == "Signing"
        elif kind == "partner":
            assert "/media/partners/" in tags["og:image"] and tags["twitter:card"] == "summary"
        else:
            assert tags["og:image"].endswith("og-default.png"), kind


def test_the_default_share_image_is_a_1200_by_630_png():
    from django.contrib.staticfiles import finders

    with Image.open(finders.find("img/og-default.png")) as image:
        assert (image.format, image.size) == ("PNG", (1200, 630))


@pytest.mark.parametrize(
    ("path", "kind", "size"),
    [("/favicon.ico", "ICO", (48, 48)), ("/apple-touch-icon.png", "PNG", (180, 180))],
)
def test_icons_are_served_at_the_site_root(client, path, kind, size):
    response = client.get(path)
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    with Image.open(BytesIO(body)) as image:
        assert image.format == kind and image.size == size


def test_pages_link_their_icons(client):
    html = client.get("/ja/").content.decode()
    assert '<link rel="icon" href="/favicon.ico"' in html
    assert '<link rel="apple-touch-icon" href="/apple-touch-icon.png">' in html


def test_robots_txt_names_the_absolute_sitemap_and_keeps_crawlers_out_of_admin_and_forms(
    client, settings
):
    settings.SITE_URL = "https://www.link-j.example"
    response = client.get("/robots.txt", HTTP_HOST="localhost")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    assert "Sitemap: https://www.link-j.example/sitemap.xml" in lines
    for path in ("/admin/", "/*/newsletter/confirm/", "/*/newsletter/unsubscribe/", "/*?"):
        assert f"Disallow: {path}" in lines
    assert "Allow: /*?page=" in lines
    assert "localhost" not in response.content.decode()


def share_targets(html: str) -> dict[str, dict]:
    aside = html.split('<aside class="share"', 1)[1].split("</aside>", 1)[0]
    targets = {}
    for href in re.findall(r'href="([^"]+)"', aside):
        url = urlsplit(unescape(href))
        targets[url.netloc] = parse_qs(url.query)
    return targets


@pytest.mark.parametrize("kind", ["release", "event", "standing page"])
def test_releases_events_and_pages_offer_plain_share_links(client, kind):
    from tests.events.factories import EventFactory
    from tests.news.factories import ReleaseFactory
    from tests.pages.factories import PageFactory

    obj = {"release": ReleaseFactory, "event": EventFactory, "standing page": PageFactory}[kind](
        title_en="Kobe & Osaka"
    )
    with translation.override("en"):
        response = client.get(obj.get_absolute_url())
    html = response.content.decode()
    address = "http://testserver" + response.wsgi_request.path
    targets = share_targets(html)
    assert set(targets) == {
        "social-plugins.line.me",
        "x.com",
        "www.facebook.com",
        "www.linkedin.com",
    }
    assert targets["social-plugins.line.me"]["url"] == [address]
    assert targets["x.com"] == {"url": [address], "text": ["Kobe & Osaka"]}
    assert targets["www.facebook.com"]["u"] == [address]
    assert targets["www.linkedin.com"]["url"] == [address]
    # Plain links: nothing from these networks loads with the page.
    for host in targets:
        assert f'src="https://{host}' not in html
