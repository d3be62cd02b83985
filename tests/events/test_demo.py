import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from events import demo
from events.models import Event, Venue
from tests.factories import PartnerFactory

pytestmark = pytest.mark.django_db


def test_the_demo_loads_once_and_a_second_run_changes_nothing():
    for slug in ("kobe-fbri", "ucsd", "yokohama"):
        PartnerFactory(slug=slug)
    first = demo.load(stdout=io.StringIO())
    assert first > 0
    stamps = dict(Event.objects.values_list("slug", "updated_at"))
    assert demo.load(stdout=io.StringIO()) == 0
    assert dict(Event.objects.values_list("slug", "updated_at")) == stamps


def test_the_demo_skips_missing_partners_gracefully():
    out = io.StringIO()
    assert demo.load(stdout=out) > 0
    assert "kobe-fbri" in out.getvalue()
    assert demo.load(stdout=io.StringIO()) == 0


def test_the_demo_has_the_three_venues_and_the_lounge_opening_seminar():
    PartnerFactory(slug="yokohama")
    demo.load(stdout=io.StringIO())
    assert {"nihonbashi", "linkj-west", "nyc-lounge", "kobe"} <= set(
        Venue.objects.values_list("slug", flat=True)
    )
    seminar = Event.objects.get(slug="nyc-lounge-opening-seminar-2022")
    new_york = seminar.starts_at.astimezone(ZoneInfo("America/New_York"))
    tokyo = seminar.starts_at.astimezone(ZoneInfo("Asia/Tokyo"))
    assert new_york.date() == datetime.date(2022, 12, 15) and new_york.hour >= 17
    assert tokyo.date() == datetime.date(2022, 12, 16) and tokyo.hour < 12
    assert seminar.title_is_tentative
    assert seminar.has_online_viewing
    assert [p.slug for p in seminar.partners.all()] == ["yokohama"]


def test_every_upcoming_demo_event_is_marked_as_an_example():
    demo.load(stdout=io.StringIO())
    future = Event.objects.filter(starts_at__year__gte=2027)
    assert future.exists()
    for event in future:
        assert event.title_en.startswith("Example")
        assert "サンプル" in event.title_ja


def test_load_demo_command_runs_the_events_demo():
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "events.demo" in out.getvalue()
    assert Event.objects.filter(slug="nyc-lounge-opening-seminar-2022").exists()
