"""Partner pages whose size does not grow with the ledger: the history in pages and years,
ordinals for the partners shown only, a bounded list of news on a partner's page."""

import datetime
import re

import pytest

from news import extensions as news_extensions
from partners import ledger, views
from tests.factories import AgreementFactory, PartnerFactory
from tests.news.factories import ReleaseFactory

pytestmark = pytest.mark.django_db


def sign(year: int, month: int = 1, **partner):
    return AgreementFactory(
        partner=PartnerFactory(**partner), signed_on=datetime.date(year, month, 1)
    )


def ordinals_on(response) -> list[int]:
    table = response.content.decode().split("history-table")[1]
    return [int(n) for n in re.findall(r'<td class="num"[^>]*>(\d+)</td>', table)]


def test_chart_and_its_table_show_every_year_including_years_without_a_new_partner(client):
    sign(2016)
    sign(2019, country="JP")
    html = client.get("/en/partners/history/").content.decode()
    assert [row["year"] for row in ledger.per_year()] == [2016, 2017, 2018, 2019]
    assert "2017: 0 (0 in Japan, 0 overseas)." in html
    assert "2018: 0 (0 in Japan, 0 overseas)." in html
    assert re.search(r'<th scope="row">2017</th><td class="num">0</td>', html)


def test_the_chart_axis_labels_every_year_and_no_label_leaves_the_drawing(client):
    sign(2016)
    for _ in range(50):
        sign(2019, country="JP")  # exactly on the top tick: its total sits at the very top
    html = client.get("/en/partners/history/").content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    labels = re.findall(r'<text x="[\d.]+" y="(\d+)" text-anchor="middle">(\d+)</text>', svg)
    assert [text for _y, text in labels if len(text) == 4] == ["2016", "2017", "2018", "2019"]
    assert ("18", "50") in labels  # the total above the tallest bar, not cut at the top
    height = int(re.search(r'viewBox="0 0 \d+ (\d+)"', svg).group(1))
    # 12px text: its top (y - 12 at most) stays inside the viewBox, its baseline above the end.
    assert all(12 <= int(y) <= height for y, _text in labels)


def test_the_tallest_bar_leaves_room_for_its_total_above_it():
    chart = views.bar_chart([{"year": 2016, "domestic": 40, "overseas": 77, "total": 117}])
    bar = chart["bars"][0]
    assert bar["total_y"] >= 12  # a 12px label drawn above y=0 would be cut off
    assert chart["ticks"][-1]["value"] >= 117  # the axis reaches the tallest bar
    assert [tick["value"] for tick in chart["ticks"]] == [0, 50, 100, 150]


def test_history_is_cut_into_pages_that_keep_the_ledger_ordinals(client, monkeypatch):
    monkeypatch.setattr(views, "HISTORY_PAGE_SIZE", 2)
    for month in range(1, 6):
        sign(2016, month)
    assert ordinals_on(client.get("/en/partners/history/")) == [1, 2]
    assert ordinals_on(client.get("/en/partners/history/?page=3")) == [5]
    assert 'href="?page=2"' in client.get("/en/partners/history/").content.decode()


def test_a_year_page_lists_that_years_partnerships_with_their_overall_ordinals(client, monkeypatch):
    monkeypatch.setattr(views, "HISTORY_PAGE_SIZE", 2)
    sign(2016)
    sign(2017, 3)
    sign(2017, 6)
    sign(2017, 9)
    response = client.get("/en/partners/history/?year=2017")
    assert ordinals_on(response) == [2, 3]
    assert "Partnerships signed in 2017" in response.content.decode()
    assert ordinals_on(client.get("/en/partners/history/?year=2017&page=2")) == [4]
    assert 'href="?year=2017&amp;page=2"' in response.content.decode()


def test_the_year_navigation_links_years_with_partnerships_only(client):
    sign(2016)
    sign(2018)
    html = client.get("/ja/partners/history/").content.decode()
    assert 'href="?year=2016"' in html and 'href="?year=2018"' in html
    assert 'href="?year=2017"' not in html and '<span class="year-nav__empty">2017</span>' in html


@pytest.mark.parametrize("year", ["1999", "abc", "2017x"])
def test_a_year_outside_the_ledger_is_not_found(client, year):
    sign(2016)
    sign(2018)
    assert client.get(f"/en/partners/history/?year={year}").status_code == 404


def test_an_empty_year_inside_the_ledger_says_so(client):
    sign(2016)
    sign(2018)
    response = client.get("/en/partners/history/?year=2017")
    assert response.status_code == 200
    assert "No new partnership in 2017." in response.content.decode()


def test_the_list_numbers_a_partner_on_a_later_page_by_its_place_in_the_ledger(client):
    # Named so that the name order (the list's) is the reverse of the signing order.
    for n in range(30):
        sign(2016 + n // 12, n % 12 + 1, name_en=f"Partner {99 - n:02d}")
    response = client.get("/en/partners/?page=2")
    ordinals = response.context["ordinals"]
    assert len(ordinals) == 6  # the six partners of page 2, not the whole ledger
    expected = {row.partner_id: row.ordinal for row in ledger.ledger()}
    assert ordinals == {pk: expected[pk] for pk in ordinals}
    assert response.context["totals"].total == 30


def test_standing_of_a_renewal_is_none_and_of_a_first_agreement_counts_backwards():
    first = sign(2016)
    renewal = AgreementFactory(partner=first.partner, signed_on=datetime.date(2019, 1, 1))
    second = sign(2017, kind="university", country="JP")
    assert ledger.standing_of(renewal) is None
    standing = ledger.standing_of(second)
    assert (standing.ordinal, standing.kind_ordinal, standing.total, standing.overseas) == (
        2,
        1,
        2,
        1,
    )


def test_a_partner_page_lists_its_newest_news_and_links_to_the_rest(client):
    agreement = sign(2016)
    partner = agreement.partner
    releases = [
        ReleaseFactory(partners=[partner]) for _ in range(news_extensions.PARTNER_PAGE_RELEASES)
    ]
    html = client.get(f"/en/partners/{partner.slug}/").content.decode()
    assert "All news about this partner" not in html
    newest = ReleaseFactory(partners=[partner], title_en="The newest one")
    html = client.get(f"/en/partners/{partner.slug}/").content.decode()
    assert "The newest one" in html and releases[0].title_en not in html
    assert f'href="/en/news/?partner={partner.slug}"' in html
    assert newest.slug in html


def test_a_release_appends_the_newest_rows_of_the_table_as_of_its_date(client, monkeypatch):
    from news.templatetags import news_tags

    monkeypatch.setattr(news_tags, "HISTORY_TABLE_ROWS", 2)
    for month in range(1, 5):
        sign(2016, month)
    sign(2021)  # after the release date: not in its table
    release = ReleaseFactory(date=datetime.date(2017, 1, 1), show_history_table=True)
    response = client.get(f"/en/news/{release.slug}/")
    assert ordinals_on(response) == [3, 4]
    html = response.content.decode()
    assert "The 2 most recent of 4 partnerships." in html
    assert 'href="/en/partners/history/">Partnership history</a>' in html


def test_a_short_table_is_appended_whole_without_a_note(client):
    sign(2016)
    sign(2016, 6)
    release = ReleaseFactory(date=datetime.date(2017, 1, 1), show_history_table=True)
    response = client.get(f"/en/news/{release.slug}/")
    assert ordinals_on(response) == [1, 2]
    assert "most recent of" not in response.content.decode()
