import datetime
import re
from zoneinfo import ZoneInfo

import pytest
import time_machine
from icalendar import Calendar

from events.models import EventStatus
from linkj.publishing import Status
from tests.events.factories import EventFactory, NewYorkLoungeFactory, VenueFactory

pytestmark = pytest.mark.django_db

NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime.datetime(2027, 1, 15, 12, 0, tzinfo=datetime.UTC)


def lounge_event(**kwargs):
    return EventFactory(
        venue=NewYorkLoungeFactory(),
        starts_at=datetime.datetime(2027, 3, 18, 18, 0, tzinfo=NEW_YORK),
        ends_at=datetime.datetime(2027, 3, 18, 19, 30, tzinfo=NEW_YORK),
        **kwargs,
    )


def parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


@time_machine.travel(NOW, tick=False)
def test_an_event_ics_parses_back_with_the_venue_zone_and_a_vtimezone(client):
    event = lounge_event(title_en="Lounge seminar")
    response = client.get(f"/en/events/{event.slug}/event.ics")
    assert f'filename="{event.slug}.ics"' in response["Content-Disposition"]
    calendar = parse(response)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"]
    timezones = [tz["TZID"] for tz in calendar.walk("VTIMEZONE")]
    assert timezones == ["America/New_York"]
    [item] = calendar.walk("VEVENT")
    start = item.decoded("DTSTART")
    assert start == datetime.datetime(2027, 3, 18, 22, 0, tzinfo=datetime.UTC)
    assert item["DTSTART"].params["TZID"] == "America/New_York"
    assert item.decoded("DTEND") - start == datetime.timedelta(minutes=90)
    assert str(item["SUMMARY"]) == "Lounge seminar"
    assert str(item["URL"]) == f"http://testserver/en/events/{event.slug}/"
    assert "Yokohama-LINK-J Life Science Lounge @NYC" in str(item["LOCATION"])
    assert item.decoded("DTSTAMP").utcoffset() == datetime.timedelta(0)
    assert re.search(rb"\r\nDTSTAMP:\d{8}T\d{6}Z\r\n", response.content)
    assert str(item["UID"]) == f"event-{event.pk}@testserver"
    assert str(item["STATUS"]) == "CONFIRMED"


@time_machine.travel(NOW, tick=False)
def test_the_uid_is_stable_across_languages_and_downloads(client):
    event = lounge_event()
    uids = {
        str(parse(client.get(f"/{lang}/events/{event.slug}/event.ics")).walk("VEVENT")[0]["UID"])
        for lang in ("ja", "en", "ja")
    }
    assert len(uids) == 1


@time_machine.travel(NOW, tick=False)
def test_the_japanese_calendar_uses_japanese_titles(client):
    event = lounge_event(title_ja="ラウンジセミナー")
    calendar = parse(client.get(f"/ja/events/{event.slug}/event.ics"))
    assert str(calendar.walk("VEVENT")[0]["SUMMARY"]) == "ラウンジセミナー"


@time_machine.travel(NOW, tick=False)
def test_a_cancelled_event_is_marked_cancelled_in_calendars(client):
    event = lounge_event(status=EventStatus.CANCELLED)
    item = parse(client.get(f"/en/events/{event.slug}/event.ics")).walk("VEVENT")[0]
    assert str(item["STATUS"]) == "CANCELLED"


@time_machine.travel(NOW, tick=False)
def test_the_feed_lists_every_published_event_with_one_vtimezone_per_zone(client):
    lounge = lounge_event(title_en="NY")
    tokyo = EventFactory(venue=VenueFactory(), title_en="Tokyo")
    EventFactory(title_en="Draft", publication=Status.DRAFT)
    calendar = parse(client.get("/en/events/calendar.ics"))
    summaries = sorted(str(item["SUMMARY"]) for item in calendar.walk("VEVENT"))
    assert summaries == ["NY", "Tokyo"]
    assert sorted(tz["TZID"] for tz in calendar.walk("VTIMEZONE")) == [
        "America/New_York",
        "Asia/Tokyo",
    ]
    assert {str(item["UID"]) for item in calendar.walk("VEVENT")} == {
        f"event-{lounge.pk}@testserver",
        f"event-{tokyo.pk}@testserver",
    }


@time_machine.travel(NOW, tick=False)
def test_the_feed_lists_its_time_zones_in_a_stable_order_before_the_events(client):
    for zone in ("Europe/London", "America/New_York", "Asia/Tokyo", "Australia/Sydney"):
        EventFactory(venue=VenueFactory(time_zone=zone))
    calendar = parse(client.get("/en/events/calendar.ics"))
    names = [part.name for part in calendar.subcomponents]
    assert names == ["VTIMEZONE"] * 4 + ["VEVENT"] * 4
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == [
        "America/New_York",
        "Asia/Tokyo",
        "Australia/Sydney",
        "Europe/London",
    ]


@time_machine.travel(NOW, tick=False)
def test_a_venue_feed_lists_only_that_venue(client):
    lounge_event(title_en="NY")
    EventFactory(venue=VenueFactory(), title_en="Tokyo")
    calendar = parse(client.get("/en/events/venues/nyc-lounge/calendar.ics"))
    assert [str(item["SUMMARY"]) for item in calendar.walk("VEVENT")] == ["NY"]
    assert "Yokohama" in str(calendar["X-WR-CALNAME"])


@time_machine.travel(NOW, tick=False)
def test_every_event_page_links_to_google_calendar_with_utc_dates(client):
    event = lounge_event()
    html = client.get(f"/en/events/{event.slug}/").content.decode()
    assert "https://calendar.google.com/calendar/render?action=TEMPLATE" in html
    assert "dates=20270318T220000Z%2F20270318T233000Z" in html
    assert f'href="/en/events/{event.slug}/event.ics"' in html


@time_machine.travel(NOW, tick=False)
def test_a_second_parser_reads_the_feed_the_same_way(client):
    """ics-py, an iCalendar parser independent of the library that wrote the file, agrees on
    the instants (daylight saving time included) and on all-day entries."""
    import ics

    from events.ics import uid as event_uid

    event = lounge_event(title_en="Lounge seminar")
    date_only = EventFactory(
        time_precision="day",
        starts_at=datetime.datetime(2027, 4, 1, tzinfo=ZoneInfo("Asia/Tokyo")),
        ends_at=datetime.datetime(2027, 4, 2, tzinfo=ZoneInfo("Asia/Tokyo")),
    )
    body = client.get("/en/events/calendar.ics").content.decode()
    items = {item.uid: item for item in ics.Calendar(body).events}
    seminar = items[event_uid(event)]
    assert seminar.name == "Lounge seminar"
    assert seminar.begin == datetime.datetime(2027, 3, 18, 22, 0, tzinfo=datetime.UTC)
    assert seminar.begin.utcoffset() == datetime.timedelta(hours=-4)
    assert seminar.duration == datetime.timedelta(minutes=90)
    whole_day = items[event_uid(date_only)]
    assert whole_day.all_day
    assert whole_day.begin.date() == datetime.date(2027, 4, 1)


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    "url", ["/en/events/calendar.ics", "/en/events/venues/nyc-lounge/calendar.ics"]
)
def test_subscription_feeds_keep_a_year_back_and_everything_upcoming(client, url):
    lounge = NewYorkLoungeFactory()

    def at(days, title):
        start = NOW + datetime.timedelta(days=days)
        EventFactory(
            venue=lounge,
            title_en=title,
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=2),
        )

    at(-400, "Two years ago")
    at(-300, "Last spring")
    at(3, "Next week")
    at(900, "In three years")
    calendar = parse(client.get(url))
    summaries = {str(item["SUMMARY"]) for item in calendar.walk("VEVENT")}
    assert summaries == {"Last spring", "Next week", "In three years"}
