import io

import html5lib
import pytest

from partners import demo

pytestmark = pytest.mark.django_db

PAGES = [
    "/ja/",
    "/en/",
    "/ja/partners/",
    "/en/partners/?kind=cluster&region=overseas",
    "/en/partners/?country=ZZ",
    "/ja/partners/kobe-fbri/",
    "/en/partners/history/",
    "/ja/no-such-page/",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_are_well_formed_html(client, path):
    demo.load(stdout=io.StringIO())
    response = client.get(path)
    parser = html5lib.HTMLParser(strict=True, tree=html5lib.getTreeBuilder("etree"))
    document = parser.parse(response.content.decode())  # raises on any parse error
    ids = [element.get("id") for element in document.iter() if element.get("id")]
    assert len(ids) == len(set(ids)), "duplicate id attributes"
