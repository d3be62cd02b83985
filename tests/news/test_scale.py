"""The news list at scale: partners are typed, not listed; old partner links still work."""

import datetime
import re

import pytest

from tests.factories import PartnerFactory
from tests.news.factories import DraftReleaseFactory, ReleaseFactory

pytestmark = pytest.mark.django_db


def titles(client, url: str, **params) -> set[str]:
    html = client.get(url, params).content.decode()
    return {title for title in ("About Osaka", "About Kobe", "About nobody") if title in html}


@pytest.fixture
def releases():
    osaka = PartnerFactory(slug="osaka", name_ja="大阪府", name_en="Osaka Prefecture")
    kobe = PartnerFactory(slug="kobe", name_ja="神戸市", name_en="City of Kobe")
    for title, partners in (("About Osaka", [osaka]), ("About Kobe", [kobe]), ("About nobody", [])):
        ReleaseFactory(title_ja=title, title_en=title, partners=partners)
    return osaka, kobe


def test_the_partner_filter_is_a_text_box_not_a_list_of_every_partner(client, releases):
    html = client.get("/en/news/").content.decode()
    assert 'name="partner_name"' in html and 'type="text"' in html
    assert "Osaka Prefecture</option>" not in html


@pytest.mark.parametrize("typed", ["大阪", "osaka", "Prefecture"])
@pytest.mark.parametrize("language", ["ja", "en"])
def test_a_typed_partner_name_matches_in_either_language(client, releases, typed, language):
    assert titles(client, f"/{language}/news/", partner_name=typed) == {"About Osaka"}


def test_an_undisclosed_partner_cannot_be_found_by_name(client):
    hidden = PartnerFactory(name_en="Secret Institute", is_disclosed=False)
    ReleaseFactory(title_ja="About nobody", title_en="About nobody", partners=[hidden])
    assert titles(client, "/en/news/", partner_name="Secret") == set()


def test_a_link_with_a_partner_slug_shows_that_partners_releases_and_says_so(client, releases):
    response = client.get("/en/news/", {"partner": "osaka", "category": "press_release"})
    html = response.content.decode()
    assert titles(client, "/en/news/", partner="osaka") == {"About Osaka"}
    assert "Releases about Osaka Prefecture" in html
    assert 'href="/en/news/?category=press_release">Releases about any partner</a>' in html
    # The slug rides along, hidden, when the visitor changes another filter.
    assert '<input type="hidden" name="partner" value="osaka"' in html


def test_an_old_link_with_a_partner_id_still_works(client, releases):
    osaka, _kobe = releases
    assert titles(client, "/en/news/", partner=str(osaka.pk)) == {"About Osaka"}


def test_an_unknown_partner_gives_an_empty_list_not_an_error(client, releases):
    response = client.get("/en/news/", {"partner": "no-such-partner"})
    assert response.status_code == 200
    assert titles(client, "/en/news/", partner="no-such-partner") == set()


def test_year_choices_run_from_the_newest_listed_release_to_the_oldest(client):
    ReleaseFactory(date=datetime.date(2018, 5, 1))
    ReleaseFactory(date=datetime.date(2021, 5, 1))
    DraftReleaseFactory(date=datetime.date(2024, 5, 1))
    choices = client.get("/en/news/").context["filter"].form.fields["year"].choices
    assert [value for value, _label in choices] == ["", "2021", "2020", "2019", "2018"]


def test_pagination_links_a_few_pages_around_the_current_one_not_every_page(client):
    ReleaseFactory.create_batch(120)  # twelve pages of ten
    html = client.get("/en/news/", {"page": 6}).content.decode()
    pagination = html.split('class="pagination"')[1].split("</nav>")[0]
    linked = {int(n) for n in re.findall(r'\?page=(\d+)"', pagination)}
    assert linked == {1, 4, 5, 7, 8, 12} and "…" in pagination
    assert '<span aria-current="page">6</span>' in html


def test_previous_and_next_releases_are_the_live_neighbours_in_this_language(client):
    older = ReleaseFactory(date=datetime.date(2020, 1, 1), title_en="Older")
    ReleaseFactory(date=datetime.date(2020, 1, 2), title_en="Japanese only", publish_at_en=None)
    middle = ReleaseFactory(date=datetime.date(2020, 1, 3), title_en="Middle")
    DraftReleaseFactory(date=datetime.date(2020, 1, 4), title_en="Draft")
    newer = ReleaseFactory(date=datetime.date(2020, 1, 5), title_en="Newer")
    context = client.get(f"/en/news/{middle.slug}/").context
    assert context["previous_release"].slug == older.slug
    assert context["next_release"].slug == newer.slug
    assert context["next_release"].title == "Newer"
