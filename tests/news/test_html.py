import io

import pytest

from news import demo
from news.models import Release
from tests.news.factories import ReleasePhotoFactory

html5lib = pytest.importorskip("html5lib")
pytestmark = pytest.mark.django_db

PAGES = [
    "/ja/news/",
    "/en/news/",
    "/en/news/?year=abc&category=zzz&page=99",
    "/ja/news/osaka-mou/",
    "/en/news/kobe-fbri-mou/",
    "/en/news/yokohama-lounge-nyc/",
    "/en/",
]


@pytest.mark.parametrize("path", PAGES)
def test_news_pages_are_well_formed_html_with_unique_ids(client, release_partners, path):
    demo.load(stdout=io.StringIO())
    ReleasePhotoFactory(release=Release.objects.get(slug="osaka-mou"))
    # One release published in Japanese only, so the English list shows its mark.
    Release.objects.filter(slug="medicen-paris-region-mou").update(publish_at_en=None)
    response = client.get(path)
    assert response.status_code == 200
    parser = html5lib.HTMLParser(strict=True, tree=html5lib.getTreeBuilder("etree"))
    document = parser.parse(response.content.decode())  # raises on any parse error
    ids = [element.get("id") for element in document.iter() if element.get("id")]
    assert len(ids) == len(set(ids)), "duplicate id attributes"
