"""Every public page answers an anonymous visitor in at most six SQL queries, on a small
site and on one ten times larger (generated with generate_scale_data's code), with a cold
cache so that no cached fragment hides a query."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from events.models import Category as EventCategory
from events.models import Event, Venue
from linkj.cache import local_pages
from news.models import Release
from partners.models import Agreement, FormerName, Partner, ScopeItem, Side, Signatory
from scale import generate as scale
from tests.events.factories import EventFactory, NewYorkLoungeFactory, SpeakerFactory
from tests.factories import AgreementFactory, PartnerFactory, ScopeItemFactory
from tests.news.factories import QuoteFactory, ReleaseFactory

BUDGET = 6
TODAY = timezone.localdate()

URLS = [
    "/ja/",
    "/en/",
    "/ja/partners/",
    "/en/partners/?page=2&sort=-signed",
    "/en/partners/?q=Partner&country=US&region=overseas&kind=cluster&year=2016&scope=anchor-scope",
    "/ja/partners/anchor-partner/",
    "/en/partners/anchor-partner/",
    "/ja/partners/history/",
    "/en/partners/history/?year=2016",
    "/ja/news/",
    "/en/news/?page=2",
    "/en/news/?year=2020&category=press_release&partner_name=Partner",
    "/ja/news/?partner=anchor-partner",
    "/ja/news/anchor-release/",
    "/en/news/anchor-release/",
    "/ja/news/feed/",
    "/en/news/atom/",
    "/ja/events/",
    "/en/events/past/",
    f"/ja/events/calendar/{TODAY.year}/{TODAY.month}/",
    "/ja/events/venues/",
    "/en/events/venues/nyc-lounge/",
    "/ja/events/anchor-event/",
    "/ja/events/anchor-event/event.ics",
    "/ja/events/calendar.ics",
    "/en/events/venues/nyc-lounge/calendar.ics",
    "/ja/search/?q=Partner",
    "/en/search/?q=%E3%83%91%E3%83%BC%E3%83%88%E3%83%8A%E3%83%BC+%E6%9D%B1&type=partners&page=2",
    "/sitemap.xml",
    "/sitemap-pages.xml",
    "/sitemap-partners.xml",
    "/sitemap-news.xml",
    "/sitemap-events.xml",
    "/sitemap-venues.xml",
]


def build_site(size: int) -> None:
    """Named pages the URLs point to, and `size` times a small site's worth of other rows."""
    scope = ScopeItemFactory(slug="anchor-scope")
    partner = PartnerFactory(slug="anchor-partner")
    FormerName.objects.create(partner=partner, name_ja="旧名称", name_en="Former name")
    first = AgreementFactory(
        partner=partner, signed_on=datetime.date(2016, 3, 1), scope_items=[scope]
    )
    AgreementFactory(partner=partner, signed_on=datetime.date(2019, 3, 1), scope_items=[scope])
    for position, side in enumerate(Side.values):
        Signatory.objects.create(agreement=first, name_ja="署名者", side=side, position=position)
    release = ReleaseFactory(
        slug="anchor-release",
        date=datetime.date(2020, 6, 1),
        show_history_table=True,
        partners=[partner],
    )
    release.agreements.set([first])
    QuoteFactory.create_batch(2, release=release)
    event = EventFactory(
        slug="anchor-event",
        venue=NewYorkLoungeFactory(),
        starts_at=timezone.now() + datetime.timedelta(days=10),
        ends_at=timezone.now() + datetime.timedelta(days=10, hours=2),
        partners=[partner],
    )
    event.related_releases.set([release])
    SpeakerFactory(event=event)
    scale.generate(scale.Counts(partners=10 * size, releases=25 * size, events=20 * size))


@pytest.fixture(scope="module", params=[1, 10], ids=["small", "tenfold"])
def site(request, django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        build_site(request.param)
        yield request.param
        # Committed outside the tests' transactions: remove it for the next module.
        Event.objects.all().delete()
        for model in (Release, Partner, ScopeItem, Venue, EventCategory):
            model.objects.all().delete()


@pytest.mark.django_db
@pytest.mark.parametrize("url", URLS)
def test_public_page_stays_within_the_query_budget(
    site, client, url, django_assert_max_num_queries
):
    cache.clear()
    local_pages.forget()
    # The site's chrome (header and footer menus, pages/navigation.py) is cached apart from
    # the pages and rebuilt only when a standing page changes: warm it on another page, then
    # count what this page costs with no page cached.
    client.get("/ja/events/venues/")
    client.get("/en/events/venues/")
    with django_assert_max_num_queries(BUDGET):
        response = client.get(url)
    assert response.status_code == 200, url


@pytest.mark.django_db
def test_the_tenfold_site_really_is_ten_times_larger(site):
    assert Release.objects.count() == 25 * site + 1
    assert Agreement.objects.filter(partner__slug__startswith="scale-").count() >= 10 * site
