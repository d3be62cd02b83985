import datetime
import io
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from events import demo
from events.models import Event, TimePrecision, Venue
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
    # The release gives the day in New York (the evening of the 15th) but no hours.
    assert seminar.time_precision == TimePrecision.DAY
    assert seminar.local_start_date == seminar.local_end_date == datetime.date(2022, 12, 15)
    assert seminar.starts_at == datetime.datetime(2022, 12, 15, tzinfo=ZoneInfo("America/New_York"))
    assert "16" in seminar.online_info_en and "Japan time" in seminar.online_info_en
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


def test_the_demo_invents_no_hours_or_days_the_sources_do_not_give():
    PartnerFactory(slug="kobe-fbri")
    demo.load(stdout=io.StringIO())
    forum = Event.objects.get(slug="regenerative-medicine-forum-2017")
    seminar = Event.objects.get(slug="ucsd-seminar-kobe-2018")
    assert forum.time_precision == seminar.time_precision == TimePrecision.MONTH
    assert (forum.local_start_date.year, forum.local_start_date.month) == (2017, 10)
    assert (seminar.local_start_date.year, seminar.local_start_date.month) == (2018, 1)
    # No source names the Kobe seminar: its title only describes it, and says so.
    assert seminar.title_is_descriptive
    assert not forum.title_is_descriptive


def test_the_lounge_is_offered_to_linkj_and_its_special_members_only():
    demo.load(stdout=io.StringIO())
    lounge = Venue.objects.get(slug="nyc-lounge")
    assert "LINK-J会員" not in lounge.usage_ja
    assert "特別会員" in lounge.usage_ja
    assert "LINK-J members" not in lounge.usage_en
    assert "special members" in lounge.usage_en
