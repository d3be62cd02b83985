import io

import pytest
from django.core.management import call_command

pytestmark = pytest.mark.django_db(transaction=True)

PAGES = [
    "/ja/",
    "/en/",
    "/ja/partners/",
    "/en/partners/?country=ZZ",
    "/en/partners/yokohama/",
    "/ja/partners/history/",
    "/en/no-such-page/",
    "/ja/news/",
    "/en/news/",
    "/en/news/osaka-mou/",
    "/ja/news/kobe-fbri-mou/",
    "/ja/events/",
    "/en/events/past/",
    "/ja/events/calendar/2022/12/",
    "/en/events/venues/nyc-lounge/",
    "/ja/events/nyc-lounge-opening-seminar-2022/",
    "/ja/events/example-nyc-lounge-seminar-2027/",
    "/ja/members/",
    "/en/accounts/signup/",
    "/ja/accounts/login/",
    "/en/lounge/nyc-lounge/?date=2027-03-03",
    "/ja/about/",
    "/en/about/access/",
    "/ja/contact/",
    "/en/newsletter/",
    "/ja/search/?q=%E6%A8%AA%E6%B5%9C",
    "/en/search/?q=a",
]


@pytest.mark.parametrize("path", PAGES)
def test_public_pages_have_no_wcag_violations(axe, path):
    call_command("load_demo", stdout=io.StringIO())
    locale = "en-US" if path.startswith("/en/") else "ja-JP"
    assert axe(path, locale) == []
