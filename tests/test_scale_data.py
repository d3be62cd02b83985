import io

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from events.models import Event
from linkj.publishing import Status
from news.models import Release
from partners.models import Agreement, Partner
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db

SMALL = {"partners": 30, "releases": 120, "events": 40}


def generate(**options) -> str:
    out = io.StringIO()
    call_command("generate_scale_data", **{**SMALL, **options}, stdout=out)
    return out.getvalue()


def test_generates_the_requested_numbers_with_agreements_and_links():
    generate()
    assert Partner.objects.filter(slug__startswith="scale-").count() == 30
    assert Release.objects.filter(slug__startswith="scale-").count() == 120
    assert Event.objects.filter(slug__startswith="scale-").count() == 40
    per_partner = set(Partner.objects.annotate(n=Count("agreements")).values_list("n", flat=True))
    assert per_partner <= {1, 2, 3} and 1 in per_partner
    assert Agreement.scope_items.through.objects.exists()
    assert Release.partners.through.objects.exists()
    assert Event.objects.filter(partners__isnull=False).exists()


def test_generated_content_mixes_languages_and_publishing_states():
    generate()
    releases = Release.objects.filter(slug__startswith="scale-")
    assert releases.exclude(title_ja="").count() == 120
    assert releases.filter(title_en="").exists()  # some are Japanese only
    assert releases.exclude(status=Status.PUBLISHED).exists()
    assert 0 < Release.objects.live("en").count() < Release.objects.live("ja").count()
    years = {day.year for day in releases.dates("date", "year")}
    assert len(years) >= 5
    event = Event.objects.filter(slug__startswith="scale-").select_related("venue").first()
    assert event.local_start_date == event.starts_at.astimezone(event.venue.tzinfo).date()


def test_a_second_run_with_the_same_numbers_adds_nothing():
    generate()
    slugs = set(Release.objects.values_list("slug", "title_ja"))
    out = generate()
    assert "Added 0 partners, 0 releases, 0 events." in out
    assert set(Release.objects.values_list("slug", "title_ja")) == slugs


def test_larger_numbers_top_up_to_the_new_counts():
    generate()
    out = generate(partners=35, releases=150)
    assert "Added 5 partners, 30 releases, 0 events." in out
    assert Partner.objects.count() == 35
    assert Release.objects.count() == 150


def test_dry_run_says_what_it_would_add_and_writes_nothing():
    out = generate(dry_run=True)
    assert "To add: 30 partners, 120 releases, 40 events." in out
    assert not Partner.objects.exists() and not Release.objects.exists()


def test_refuses_a_database_with_real_content_unless_forced():
    PartnerFactory(slug="real-university")
    with pytest.raises(CommandError, match="real content"):
        generate()
    assert not Release.objects.exists()
    generate(force=True)
    assert Release.objects.count() == 120


def test_demo_content_is_not_real_content():
    call_command("load_demo", stdout=io.StringIO())
    generate(partners=5, releases=5, events=5)
    assert Partner.objects.filter(slug__startswith="scale-").count() == 5


def test_progress_is_drawn_on_the_command_output():
    out = generate()
    assert "releases  [" in out and "120/120" in out
