"""Admin changelists that stay quick on large tables: a bounded number of queries however
many rows, no second count of the whole table, long texts not loaded, date drill-down years
from the first and last dates."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.db import connection

from linkj.admin import EstimatingPaginator
from tests.events.factories import EventFactory
from tests.factories import AgreementFactory, PartnerFactory
from tests.news.factories import DraftReleaseFactory, ReleaseFactory

pytestmark = pytest.mark.django_db

CHANGELISTS = ["/admin/news/release/", "/admin/partners/partner/", "/admin/events/event/"]


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("boss", "boss@example.org", "x")
    client.force_login(user)
    return client


def make_rows(count: int) -> None:
    for _ in range(count):
        ReleaseFactory(lead_en="")
        AgreementFactory()
        EventFactory()


@pytest.mark.parametrize("url", CHANGELISTS)
def test_a_changelist_makes_the_same_few_queries_for_ten_times_the_rows(
    admin_client, url, count_queries
):
    make_rows(2)
    admin_client.get(url)  # sessions, content types
    few = count_queries(admin_client.get, url)
    make_rows(18)
    assert count_queries(admin_client.get, url) == few
    assert few <= 10  # session, user, filter choices, count, rows, date drill-down


@pytest.mark.parametrize("url", CHANGELISTS)
def test_a_search_does_not_count_the_whole_table_a_second_time(admin_client, url):
    make_rows(2)
    response = admin_client.get(url, {"q": "zzz-nothing"})
    assert response.context["cl"].full_result_count is None
    assert "total)" not in response.content.decode()


def test_language_completeness_is_computed_without_loading_the_bodies(admin_client):
    ReleaseFactory(lead_en="")  # English incomplete
    ReleaseFactory()
    with_queries = admin_client.get("/admin/news/release/", HTTP_ACCEPT_LANGUAGE="en")
    html = with_queries.content.decode()
    assert html.count("EN ✗") == 1 and html.count("EN ✓") == 1 and html.count("JA ✓") == 2
    shown = with_queries.context["cl"].result_list
    assert all("body_ja" in row.get_deferred_fields() for row in shown)


def test_bulk_actions_still_get_whole_objects(admin_client):
    event = EventFactory(body_en="<p>Kept</p>")
    admin_client.post(
        "/admin/events/event/",
        {"action": "duplicate_as_draft", "_selected_action": [event.pk]},
    )
    copy = type(event).objects.exclude(pk=event.pk).get()
    assert copy.body_en == "<p>Kept</p>"


def test_the_date_drill_down_lists_every_year_from_the_first_to_the_last(admin_client):
    ReleaseFactory(date=datetime.date(2016, 5, 1))
    DraftReleaseFactory(date=datetime.date(2019, 5, 1))
    html = admin_client.get("/admin/news/release/").content.decode()
    for year in (2016, 2017, 2018, 2019):
        assert f"?date__year={year}" in html
    # Within a year, Django's own months.
    html = admin_client.get("/admin/news/release/", {"date__year": 2016}).content.decode()
    assert "?date__month=5&amp;date__year=2016" in html


@pytest.mark.parametrize("term", ["大阪", "おおさか大学", "Osaka"])
def test_admin_search_finds_short_and_long_terms_in_both_languages(admin_client, term):
    ReleaseFactory(title_ja="おおさか大学と大阪で連携", title_en="Partnership in Osaka")
    ReleaseFactory(title_ja="神戸のニュース", title_en="News from Kobe")
    PartnerFactory(name_ja="おおさか大学と大阪", name_en="Osaka University")
    for url in ("/admin/news/release/", "/admin/partners/partner/"):
        assert admin_client.get(url, {"q": term}).context["cl"].result_count == 1


def test_trigram_indexes_exist_on_postgresql_only():
    with connection.cursor() as cursor:
        names = {
            index
            for index, info in connection.introspection.get_constraints(
                cursor, "partners_partner"
            ).items()
            if info["index"]
        }
    # The migration has run on the test database: the index is there exactly on PostgreSQL.
    assert ("partners_partner_name_ja_trgm" in names) == (connection.vendor == "postgresql")


def test_the_partner_changelist_names_countries_and_sorts_by_them(admin_client):
    PartnerFactory(country="US", name_en="American")
    PartnerFactory(country="FR", name_en="French")
    response = admin_client.get("/admin/partners/partner/", HTTP_ACCEPT_LANGUAGE="en")
    assert "United States of America" in response.content.decode()
    columns = response.context["cl"].list_display
    by_country = admin_client.get(
        "/admin/partners/partner/", {"o": str(columns.index("country_name"))}
    )
    assert [p.country.code for p in by_country.context["cl"].result_list] == ["FR", "US"]


def test_large_counts_are_estimated_on_postgresql_and_exact_elsewhere(admin_client, monkeypatch):
    monkeypatch.setattr(EstimatingPaginator, "exact_up_to", 2)
    ReleaseFactory.create_batch(5)
    response = admin_client.get("/admin/news/release/", HTTP_ACCEPT_LANGUAGE="en")
    paginator = response.context["cl"].paginator
    html = response.content.decode()
    if connection.vendor == "postgresql":
        # The planner's guess, said to be one; no row was read to count.
        assert paginator.is_estimate and paginator.count > 2
        assert f"about {paginator.count} releases" in html
    else:
        assert not paginator.is_estimate and paginator.count == 5
        assert "5 releases" in html


def test_small_counts_are_exact_on_every_database(admin_client):
    ReleaseFactory.create_batch(3)
    response = admin_client.get("/admin/news/release/", {"q": "Release"})
    assert response.context["cl"].result_count == 3
    assert not response.context["cl"].paginator.is_estimate
