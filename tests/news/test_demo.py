import datetime
import io
import re

import pytest
from django.core.management import call_command

from news import demo
from news.models import Release

pytestmark = pytest.mark.django_db


def test_demo_creates_the_five_seed_releases_in_both_languages(release_partners):
    created = demo.load(stdout=io.StringIO())
    assert created > 0
    releases = Release.objects.live("en")
    assert releases.count() == 5
    assert Release.objects.live("ja").count() == 5
    for release in Release.objects.all():
        assert release.title_ja and release.title_en
        assert release.lead_ja and release.lead_en and release.body_ja and release.body_en
        assert release.quotes.exists()
        assert all(q.text_ja and q.text_en and q.speaker_en for q in release.quotes.all())
    assert Release.objects.get(slug="yokohama-mou").date == datetime.date(2019, 8, 30)
    assert Release.objects.get(slug="osaka-mou").date == datetime.date(2020, 9, 7)
    assert Release.objects.get(slug="medicen-paris-region-mou").date == datetime.date(2021, 2, 5)


def test_demo_links_releases_to_partners_and_agreements(release_partners):
    demo.load(stdout=io.StringIO())
    osaka = Release.objects.get(slug="osaka-mou")
    assert list(osaka.partners.values_list("slug", flat=True)) == ["osaka"]
    assert osaka.agreements.get().partner.slug == "osaka"
    lounge = Release.objects.get(slug="yokohama-lounge-nyc")
    assert list(lounge.partners.values_list("slug", flat=True)) == ["yokohama"]


def test_demo_has_the_history_table_exactly_where_the_seed_had_one(release_partners):
    demo.load(stdout=io.StringIO())
    with_table = set(Release.objects.filter(show_history_table=True).values_list("slug", flat=True))
    assert with_table == {"kobe-fbri-mou", "osaka-mou"}


def test_second_demo_run_changes_nothing(release_partners):
    demo.load(stdout=io.StringIO())
    before = list(Release.objects.values_list("pk", "version", "updated_at"))
    assert demo.load(stdout=io.StringIO()) == 0
    assert list(Release.objects.values_list("pk", "version", "updated_at")) == before


def test_demo_skips_missing_partners_gracefully():
    out = io.StringIO()
    assert demo.load(stdout=out) > 0
    assert Release.objects.count() == 5
    assert "not found" in out.getvalue()
    assert demo.load(stdout=io.StringIO()) == 0


@pytest.mark.parametrize("language", ["ja", "en"])
def test_demo_pages_render(client, release_partners, language):
    demo.load(stdout=io.StringIO())
    for release in Release.objects.all():
        response = client.get(f"/{language}/news/{release.slug}/")
        assert response.status_code == 200


@pytest.mark.parametrize(
    ("slug", "field", "pattern"),
    [
        ("yokohama-mou", "subtitle_ja", r"(\d+)件目"),
        ("yokohama-mou", "subtitle_en", r"(\d+)th partnership"),
        ("osaka-mou", "subtitle_ja", r"(\d+)件目"),
        ("osaka-mou", "subtitle_en", r"(\d+)th partnership"),
        ("kobe-fbri-mou", "lead_ja", r"(\d+)件目"),
        ("medicen-paris-region-mou", "lead_ja", r"(\d+)件目"),
        ("medicen-paris-region-mou", "lead_en", r"(\d+)th partnership"),
    ],
)
def test_the_numbers_typed_in_demo_releases_match_the_ledger(slug, field, pattern):
    """Editors type the ordinals into their texts; the ledger computes them. They agree."""

    from partners.ledger import standing_of

    call_command("load_demo", stdout=io.StringIO())
    release = Release.objects.get(slug=slug)
    typed = int(re.search(pattern, getattr(release, field)).group(1))
    assert typed == standing_of(release.agreements.get()).ordinal
