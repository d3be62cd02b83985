"""Every public page is well-formed HTML with unique ids: one list of pages, one test."""

import datetime

import html5lib
import pytest
import time_machine
from django.core.management import call_command

pytestmark = pytest.mark.django_db

PAGES = [
    "/ja/",
    "/en/",
    "/ja/partners/",
    "/en/partners/?kind=cluster&region=overseas",
    "/en/partners/?country=ZZ",
    "/ja/partners/kobe-fbri/",
    "/en/partners/history/",
    "/ja/news/",
    "/en/news/",
    "/en/news/?year=abc&category=zzz&page=99",
    "/ja/news/osaka-mou/",
    "/en/news/kobe-fbri-mou/",
    "/en/news/yokohama-lounge-nyc/",
    "/ja/events/",
    "/en/events/",
    "/en/events/?venue=zzz&month=2027-13",
    "/ja/events/past/",
    "/en/events/calendar/2022/12/",
    "/ja/events/calendar/2017/10/",
    "/ja/events/calendar/2027/3/",
    "/ja/events/venues/",
    "/en/events/venues/nyc-lounge/",
    "/ja/events/nyc-lounge-opening-seminar-2022/",
    "/en/events/example-nyc-lounge-seminar-2027/",
    "/ja/events/ucsd-seminar-kobe-2018/",
    "/ja/members/",
    "/en/members/?kind=special_a",
    "/ja/accounts/login/",
    "/en/accounts/signup/",
    "/ja/accounts/password/reset/",
    "/ja/registrations/example-nyc-lounge-seminar-2027/",
    "/ja/lounge/nyc-lounge/?date=2027-03-03",
    "/en/lounge/nyc-lounge/?date=2027-03-06",
    "/ja/about/",
    "/en/about/",
    "/ja/about/access/",
    "/en/about/link-j/",
    "/en/about/privacy/",
    "/ja/contact/",
    "/en/contact/?kind=press",
    "/ja/contact/thanks/",
    "/ja/newsletter/",
    "/en/newsletter/check-your-inbox/",
    "/ja/no-such-page/",
    "/ja/search/",
    "/ja/search/?q=%E6%A8%AA%E6%B5%9C",
    "/en/search/?q=ucsd+%EF%BC%B5%EF%BC%A3%EF%BC%B3%EF%BC%A4",
    "/en/search/?q=mou&type=releases",
    "/ja/search/?q=+++",
    # Every page type, error pages included (issue 9's crawl).
    "/en/partners/history/?year=2019",
    "/ja/partners/history/",
    "/en/events/venues/",
    "/ja/events/venues/nyc-lounge/",
    "/en/events/calendar/2026/8/",  # a month without events (noindex)
    "/ja/news/medicen-paris-region-mou/",  # live only in Japanese
    "/en/news/medicen-paris-region-mou/",  # its English address explains (404)
    "/ja/events/calendar/2090/1/",  # past the calendar's end (404)
    "/en/no-such-page/",
    "/en/partners/?q=%00",  # control characters (400)
    "/ja/events/?venue=" + "x" * 5000,  # too long (414)
]
STATUS = {
    "/ja/no-such-page/": 404,
    "/en/no-such-page/": 404,
    "/en/news/medicen-paris-region-mou/": 404,
    "/ja/events/calendar/2090/1/": 404,
    "/en/partners/?q=%00": 400,
    "/ja/events/?venue=" + "x" * 5000: 414,
}

# HTML allows these attributes only on some input types (the validator's 32 errors on the
# month picker): https://html.spec.whatwg.org/#input-type-attr-summary
TEXT_LIKE = {"text", "search", "url", "tel", "email", "password"}
ATTRIBUTE_INPUT_TYPES = {
    "placeholder": TEXT_LIKE | {"number"},
    "maxlength": TEXT_LIKE,
    "minlength": TEXT_LIKE,
    "pattern": TEXT_LIKE,
    "size": TEXT_LIKE,
}


def misplaced_input_attributes(document) -> list[str]:
    found = []
    for element in document.iter("{http://www.w3.org/1999/xhtml}input"):
        kind = (element.get("type") or "text").lower()
        for attribute, types in ATTRIBUTE_INPUT_TYPES.items():
            if element.get(attribute) is not None and kind not in types:
                found.append(f'{attribute} on type="{kind}" ({element.get("name")})')
    return found


@pytest.fixture
def demo_site(django_db_blocker):
    """The whole demo, with one release live only in Japanese so the English list marks it."""
    from io import StringIO

    from news.models import Release
    from tests.news.factories import ReleasePhotoFactory

    call_command("load_demo", stdout=StringIO())
    ReleasePhotoFactory(release=Release.objects.get(slug="osaka-mou"))
    # Media library images on a release, a partner and an event.
    from events.models import Event
    from partners.models import Partner
    from tests.library.factories import LibraryImageFactory

    image = LibraryImageFactory()
    ReleasePhotoFactory(
        release=Release.objects.get(slug="osaka-mou"), image=None, library_image=image
    )
    Partner.objects.filter(slug="kobe-fbri").update(logo_image=image)
    Event.objects.filter(slug="ucsd-seminar-kobe-2018").update(image=image)
    Release.objects.filter(slug="medicen-paris-region-mou").update(publish_at_en=None)


@time_machine.travel(datetime.datetime(2026, 11, 22, 3, 0, tzinfo=datetime.UTC), tick=False)
@pytest.mark.parametrize("path", PAGES)
def test_pages_are_well_formed_html_with_unique_ids(client, demo_site, path):
    response = client.get(path)
    assert response.status_code == STATUS.get(path, 200)
    parser = html5lib.HTMLParser(strict=True, tree=html5lib.getTreeBuilder("etree"))
    document = parser.parse(response.content.decode())  # raises on any parse error
    ids = [element.get("id") for element in document.iter() if element.get("id")]
    assert len(ids) == len(set(ids)), "duplicate id attributes"
    assert misplaced_input_attributes(document) == []


def test_the_month_picker_carries_no_placeholder_or_maxlength(client):
    parser = html5lib.HTMLParser(strict=True, tree=html5lib.getTreeBuilder("etree"))
    document = parser.parse(client.get("/ja/events/?month=2027-3").content.decode())
    [month] = [
        e for e in document.iter("{http://www.w3.org/1999/xhtml}input") if e.get("name") == "month"
    ]
    assert month.get("type") == "month"
    assert month.get("placeholder") is None and month.get("maxlength") is None
    assert misplaced_input_attributes(document) == []
