import io

import pytest

from partners import demo

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    "/ja/",
    "/en/",
    "/ja/partners/",
    "/en/partners/?country=ZZ",
    "/en/partners/yokohama/",
    "/ja/partners/history/",
    "/en/no-such-page/",
]


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_have_no_wcag_violations(axe, path):
    demo.load(stdout=io.StringIO())
    locale = "en-US" if path.startswith("/en/") else "ja-JP"
    assert axe(path, locale) == []
