"""Events whose hours, or whose day, no source gives: the page says so instead of inventing."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from icalendar import Calendar

from events.models import Event, TimePrecision
from events.timezones import whole_days, whole_months
from tests.events.factories import EventFactory, NewYorkLoungeFactory, VenueFactory
from tests.events.test_admin import ADD_URL, form_data

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
TOKYO = ZoneInfo("Asia/Tokyo")


def date_only_event(**kwargs):
    venue = kwargs.pop("venue", None) or NewYorkLoungeFactory()
    starts_at, ends_at = whole_days(
        datetime.date(2027, 3, 18), datetime.date(2027, 3, 18), venue.time_zone
    )
    return EventFactory(
        venue=venue,
        time_precision=TimePrecision.DAY,
        starts_at=starts_at,
        ends_at=ends_at,
        **kwargs,
    )


def month_only_event(**kwargs):
    starts_at, ends_at = whole_months(
        datetime.date(2017, 10, 1), datetime.date(2017, 10, 1), "Asia/Tokyo"
    )
    return EventFactory(
        time_precision=TimePrecision.MONTH,
        starts_at=starts_at,
        ends_at=ends_at,
        venue=VenueFactory(),
        **kwargs,
    )


def test_a_whole_day_at_the_venue_runs_from_midnight_to_midnight_there():
    starts_at, ends_at = whole_days(
        datetime.date(2022, 12, 15), datetime.date(2022, 12, 15), "America/New_York"
    )
    assert starts_at == datetime.datetime(2022, 12, 15, tzinfo=NEW_YORK)
    assert ends_at == datetime.datetime(2022, 12, 16, tzinfo=NEW_YORK)


def test_a_date_only_event_ends_on_its_own_day_not_the_next():
    event = date_only_event()
    assert event.local_start_date == event.local_end_date == datetime.date(2027, 3, 18)


@time_machine.travel(datetime.datetime(2027, 1, 1, tzinfo=TOKYO), tick=False)
def test_a_date_only_event_shows_its_date_and_no_invented_hours(client):
    event = date_only_event()
    html = client.get(event.get_absolute_url()).content.decode()
    assert "2027年3月18日" in html
    assert "時刻未定" in html
    assert "00:00" not in html
    # Without hours the Japan date is unknown, so no Japan clock is drawn.
    assert "日本時間" not in html


@time_machine.travel(datetime.datetime(2030, 1, 1, tzinfo=TOKYO), tick=False)
def test_a_past_event_known_to_the_month_shows_the_month_only(client):
    event = month_only_event()
    html = client.get(f"/en{event.get_absolute_url()[3:]}").content.decode()
    assert "October 2017" in html
    assert "Exact date not recorded" in html
    assert "1 October 2017" not in html


@time_machine.travel(datetime.datetime(2027, 1, 1, tzinfo=TOKYO), tick=False)
def test_a_date_only_event_is_an_all_day_entry_in_its_calendar_file(client):
    event = date_only_event()
    response = client.get(event.get_ics_url())
    vevent = next(iter(Calendar.from_ical(response.content).walk("VEVENT")))
    assert vevent.decoded("dtstart") == datetime.date(2027, 3, 18)
    assert vevent.decoded("dtend") == datetime.date(2027, 3, 19)


def test_an_event_known_only_to_the_month_has_no_calendar_file(client):
    event = month_only_event()
    assert client.get(event.get_ics_url()).status_code == 404


def test_an_event_known_only_to_the_month_is_left_out_of_the_calendar_feed(client):
    with time_machine.travel(datetime.datetime(2017, 9, 1, tzinfo=TOKYO), tick=False):
        published = datetime.datetime(2017, 1, 1, tzinfo=TOKYO)
        month_only_event(slug="forum-month", publish_at=published)
        EventFactory(
            slug="exact",
            publish_at=published,
            starts_at=datetime.datetime(2017, 10, 5, 10, tzinfo=TOKYO),
            ends_at=datetime.datetime(2017, 10, 5, 12, tzinfo=TOKYO),
        )
        body = client.get("/ja/events/calendar.ics").content
    uids = [str(item["uid"]) for item in Calendar.from_ical(body).walk("VEVENT")]
    assert len(uids) == 1
    assert uids[0].startswith(f"event-{Event.objects.get(slug='exact').pk}@")


def test_the_month_calendar_lists_a_month_only_event_apart_from_the_days(client):
    event = month_only_event(title_ja="再生医療産業化フォーラム")
    html = client.get("/ja/events/calendar/2017/10/").content.decode()
    undated = html.split('id="undated-title"', 1)[1].split("</section>", 1)[0]
    assert "再生医療産業化フォーラム" in undated
    grid = html.split('class="month-calendar"', 1)[1]
    assert "再生医療産業化フォーラム" not in grid
    assert event.get_absolute_url() in undated


def test_editors_can_save_a_date_only_event_without_times(admin_client):
    venue = NewYorkLoungeFactory()
    data = form_data(venue, time_precision="day", start_time="", end_time="")
    response = admin_client.post(ADD_URL, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    event = Event.objects.get(slug="lounge-seminar")
    assert event.starts_at == datetime.datetime(2027, 3, 18, tzinfo=NEW_YORK)
    assert event.ends_at == datetime.datetime(2027, 3, 19, tzinfo=NEW_YORK)


def test_a_missing_time_on_an_exact_event_asks_for_it_and_keeps_the_input(admin_client):
    venue = NewYorkLoungeFactory()
    response = admin_client.post(ADD_URL, form_data(venue, start_time=""))
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "日付のみ" in str(errors["start_time"])
    assert 'value="ラウンジセミナー"' in response.content.decode()
    assert not Event.objects.exists()


@time_machine.travel(datetime.datetime(2030, 1, 1, tzinfo=TOKYO), tick=False)
def test_a_past_event_offers_no_calendar_links_and_no_tentative_mark(client):
    event = EventFactory(
        title_is_tentative=True,
        starts_at=datetime.datetime(2027, 3, 18, 19, tzinfo=TOKYO),
        ends_at=datetime.datetime(2027, 3, 18, 21, tzinfo=TOKYO),
    )
    html = client.get(event.get_absolute_url()).content.decode()
    assert event.get_ics_url() not in html
    assert "calendar.google.com" not in html
    assert "仮題" not in html


def test_a_descriptive_title_is_marked_as_not_the_official_title(client):
    event = EventFactory(title_is_descriptive=True)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "正式名称ではありません" in html
